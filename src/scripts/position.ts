/**
 * Remembers where the learner is reading, for the home page's "Continue: Chapter N — section": the chapter and
 * the last heading that has scrolled past the upper third of the screen. Written when that section changes
 * (at most every 300 ms while scrolling); opening a chapter at its top does not overwrite a deeper position in
 * that same chapter.
 */
import { loadProgress, recordPosition } from './progress.ts';

/** The last heading whose top is at or above `line` (headings in document order). */
export function sectionAt<T extends { top: number }>(headings: readonly T[], line: number): T | undefined {
	let current: T | undefined;
	for (const h of headings) {
		if (h.top > line) break;
		current = h;
	}
	return current;
}

export function trackPosition(slug: string, content: ParentNode) {
	const headings = [...content.querySelectorAll<HTMLElement>('h2[id], h3[id]')];
	const last = loadProgress().last;
	let saved = last?.chapter === slug ? (last.section ?? '') : undefined;
	const save = () => {
		const line = innerHeight / 3;
		const current = sectionAt(
			headings.map((h) => ({ h, top: h.getBoundingClientRect().top })),
			line,
		)?.h;
		const id = current?.id ?? '';
		if (id === saved || (id === '' && saved !== undefined)) return;
		saved = id;
		recordPosition({ chapter: slug, ...(current ? { section: current.id, title: current.textContent?.trim() ?? '' } : {}) });
	};
	let waiting = false;
	addEventListener(
		'scroll',
		() => {
			if (waiting) return;
			waiting = true;
			setTimeout(() => {
				waiting = false;
				save();
			}, 300);
		},
		{ passive: true },
	);
	// After the browser has scrolled to a `#section` in the address.
	if (document.readyState === 'complete') save();
	else addEventListener('load', save, { once: true });
}
