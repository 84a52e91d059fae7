/**
 * Turns every server-rendered `::::tabs` block into the ARIA tabs pattern: a tablist of buttons (one tab stop,
 * arrow keys, Home and End move and select), each controlling its panel. Without JavaScript the block stays
 * what the page holds: every panel, each under its label.
 */

/** The tab a key moves to from `current` (wrapping), or undefined for keys the tablist does not handle. */
export function keyTarget(key: string, current: number, count: number): number | undefined {
	switch (key) {
		case 'ArrowRight':
			return (current + 1) % count;
		case 'ArrowLeft':
			return (current - 1 + count) % count;
		case 'Home':
			return 0;
		case 'End':
			return count - 1;
	}
	return undefined;
}

/** The selected tab from the block's `data-selected` (the author's `default`), within range. */
export const initialTab = (value: string | undefined, count: number) => {
	const n = Number(value);
	return Number.isInteger(n) && n >= 0 && n < count ? n : 0;
};

export function enhanceTabBlock(block: HTMLElement) {
	const panels = [...block.querySelectorAll<HTMLElement>(':scope > [data-tab-panel]')];
	if (panels.length === 0 || block.dataset.tabsReady !== undefined) return;
	block.dataset.tabsReady = '';
	const list = document.createElement('div');
	list.className = 'tabs__list';
	list.setAttribute('role', 'tablist');
	const buttons = panels.map((panel, i) => {
		const label = panel.querySelector<HTMLElement>(':scope > [data-tab-label]');
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'tabs__tab';
		button.id = `${panel.id}-tab`;
		button.setAttribute('role', 'tab');
		button.setAttribute('aria-controls', panel.id);
		// The label may hold inline markup (`code`, emphasis): copy it, and hide the original, which the tab replaces.
		if (label) {
			button.append(...[...label.childNodes].map((n) => n.cloneNode(true)));
			label.hidden = true;
		}
		panel.setAttribute('role', 'tabpanel');
		panel.setAttribute('aria-labelledby', button.id);
		panel.tabIndex = 0;
		button.addEventListener('click', () => select(i));
		return button;
	});
	const select = (index: number, focus = false) => {
		buttons.forEach((b, i) => {
			const on = i === index;
			b.setAttribute('aria-selected', String(on));
			b.tabIndex = on ? 0 : -1;
			panels[i]!.hidden = !on;
		});
		if (focus) buttons[index]!.focus();
	};
	list.addEventListener('keydown', (event) => {
		const current = buttons.indexOf(event.target as HTMLButtonElement);
		const next = current === -1 ? undefined : keyTarget(event.key, current, buttons.length);
		if (next === undefined) return;
		event.preventDefault();
		select(next, true);
	});
	list.append(...buttons);
	block.prepend(list);
	select(initialTab(block.dataset.selected, panels.length));
	// A link to something inside a hidden panel (a heading, a term) shows that panel.
	const reveal = () => {
		const target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
		const at = target ? panels.findIndex((p) => p.contains(target)) : -1;
		if (at !== -1) select(at);
	};
	reveal();
	window.addEventListener('hashchange', reveal);
}

export function enhanceTabs(root: ParentNode = document) {
	for (const block of root.querySelectorAll<HTMLElement>('[data-tabs]')) enhanceTabBlock(block);
}
