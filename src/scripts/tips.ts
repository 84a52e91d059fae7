/**
 * Owner tags and term links show their definition in a tooltip (src/directives/control.ts, term.ts). The styles
 * alone show it on hover and focus; this script makes it behave as WCAG 1.4.13 asks and works on touch:
 *
 * - one tooltip at a time (hovering one tag while another has focus no longer shows both, one over the other);
 * - Escape hides it without moving the pointer or the focus; the pointer can move onto it without it vanishing;
 * - it opens below its tag when there is no room above (under the sticky header);
 * - a tap on a badge or term (touch or pen) shows the definition in place, as a popover with the link onward
 *   ("Open in the matrix", "Open in the glossary"), instead of following the link at once.
 */
const HOSTS = '.ctl, .term';
const CLOSE_DELAY_MS = 200;

export function enhanceTips() {
	if (!document.querySelector(HOSTS)) return;
	document.documentElement.dataset.tips = '';
	let open: HTMLElement | undefined;
	let closing: ReturnType<typeof setTimeout> | undefined;
	let touched = false;

	const tipOf = (host: HTMLElement) => host.querySelector<HTMLElement>('[role="tooltip"]');
	const show = (host: HTMLElement) => {
		clearTimeout(closing);
		if (open && open !== host) delete open.dataset.tipOpen;
		open = host;
		host.dataset.tipOpen = '';
		const tip = tipOf(host);
		if (!tip) return;
		delete host.dataset.tipBelow;
		const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
		if (tip.getBoundingClientRect().top < header + 4) host.dataset.tipBelow = '';
	};
	const hide = (host = open) => {
		if (!host) return;
		delete host.dataset.tipOpen;
		if (open === host) open = undefined;
	};
	const hostOf = (e: Event) => (e.target instanceof Element ? e.target.closest<HTMLElement>(HOSTS) : null);

	document.addEventListener('pointerover', (e) => {
		if (e.pointerType !== 'mouse') return;
		const host = hostOf(e);
		if (host) show(host);
	});
	document.addEventListener('pointerout', (e) => {
		if (e.pointerType !== 'mouse') return;
		const host = hostOf(e);
		if (!host || host.contains(e.relatedTarget as Node | null)) return;
		// A short grace period lets the pointer cross the gap onto the tooltip.
		closing = setTimeout(() => {
			if (!host.contains(document.activeElement)) hide(host);
		}, CLOSE_DELAY_MS);
	});
	document.addEventListener('focusin', (e) => {
		const host = hostOf(e);
		if (host && !touched) show(host);
	});
	document.addEventListener('focusout', (e) => {
		const host = hostOf(e);
		if (host && !host.contains(e.relatedTarget as Node | null)) hide(host);
	});
	document.addEventListener('keydown', (e) => {
		touched = false;
		if (e.key === 'Escape' && open) hide();
	});

	if (!('showPopover' in HTMLElement.prototype)) return;
	document.addEventListener('pointerdown', (e) => {
		touched = e.pointerType === 'touch' || e.pointerType === 'pen';
	});
	document.addEventListener('click', (e) => {
		if (!touched || !(e.target instanceof Element)) return;
		const link = e.target.closest<HTMLAnchorElement>('a.ctl__badge, a.term__link');
		const host = link?.closest<HTMLElement>(HOSTS);
		if (!link || !host || !showPopover(host, link)) return;
		e.preventDefault();
		hide();
	});
}

let popover: HTMLElement | undefined | null;

/** The definition of a tapped tag, in place: its text, the tooltip's words and the link onward. */
function showPopover(host: HTMLElement, link: HTMLAnchorElement): boolean {
	popover ??= createPopover();
	if (!popover) return false;
	const control = host.classList.contains('ctl');
	const title = (control ? host.querySelector('.ctl__text') : link)?.textContent?.trim() ?? '';
	popover.querySelector('[data-tip-title]')!.textContent = title;
	popover.querySelector('[data-tip-text]')!.textContent = host.querySelector('[role="tooltip"]')?.textContent?.trim() ?? '';
	const onward = popover.querySelector<HTMLAnchorElement>('[data-tip-link]')!;
	onward.href = link.href;
	onward.textContent = (control ? onward.dataset.matrix : onward.dataset.glossary) ?? '';
	popover.showPopover();
	onward.focus({ preventScroll: true });
	return true;
}

/** The popover, from the page's template (src/components/Tips.astro: its words are in the page's language). */
function createPopover(): HTMLElement | null {
	const template = document.querySelector<HTMLTemplateElement>('template[data-tip-popover]');
	const el = template?.content.firstElementChild?.cloneNode(true) as HTMLElement | undefined;
	if (!el) return null;
	el.popover = 'auto';
	el.querySelector('[data-tip-close]')?.addEventListener('click', () => el.hidePopover());
	document.body.append(el);
	return el;
}
