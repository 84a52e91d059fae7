/**
 * A chapter page's reading aids: the table of contents marks the section being read (`aria-current` on its
 * links in the side column and in "On this page", whose summary names it), following a link in "On this page"
 * closes it, and tables wider than the column get their scroll cue (./overflow.ts).
 */
import { watchOverflow } from './overflow.ts';

export function enhanceChapter() {
	for (const table of document.querySelectorAll<HTMLElement>('.table-scroll')) watchOverflow(table);
	const inline = document.querySelector<HTMLDetailsElement>('[data-toc-inline]');
	inline?.addEventListener('click', (e) => {
		if ((e.target as Element).closest('a')) inline.open = false;
	});
	trackSection(inline);
}

function trackSection(inline: HTMLDetailsElement | null) {
	const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc__list a')];
	const target = (a: HTMLAnchorElement) => decodeURIComponent(a.hash.slice(1));
	const ids = [...new Set(links.map(target))];
	const headings = ids.map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
	if (!headings.length) return;
	const current = inline?.querySelector<HTMLElement>('[data-toc-current]');
	let shown: string | undefined;
	let queued = false;
	const update = () => {
		queued = false;
		// The section being read is the last heading above a line just under the sticky header, or under the
		// "On this page" bar where it is shown.
		const bar = inline?.getClientRects().length ? inline : document.querySelector('.site-header');
		const line = (bar?.getBoundingClientRect().bottom ?? 0) + 24;
		let active: HTMLElement | undefined;
		for (const h of headings) {
			if (h.getBoundingClientRect().top > line) break;
			active = h;
		}
		// At the very end of the page the last sections cannot scroll up to the line: the last one is current.
		if (innerHeight + scrollY >= document.documentElement.scrollHeight - 2) active = headings.at(-1);
		const id = active?.id;
		if (id === shown) return;
		shown = id;
		for (const a of links) {
			if (id && target(a) === id) a.setAttribute('aria-current', 'true');
			else a.removeAttribute('aria-current');
		}
		if (current) current.textContent = active ? (links.find((a) => a.getAttribute('aria-current'))?.textContent ?? '') : '';
	};
	const queue = () => {
		if (queued) return;
		queued = true;
		requestAnimationFrame(update);
	};
	addEventListener('scroll', queue, { passive: true });
	addEventListener('resize', queue, { passive: true });
	update();
}
