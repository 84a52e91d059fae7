/** Marks the chapters this browser has read in the sidebar: a check mark, and "(read)" for screen readers. */
import { loadProgress } from './progress.ts';

export function markReadChapters(root: ParentNode = document) {
	const read = loadProgress().read;
	for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-chapter-link]')) {
		const slug = link.dataset.chapterLink ?? '';
		const done = read[slug] !== undefined;
		link.querySelector('.sidebar__read')?.remove();
		link.toggleAttribute('data-read', done);
		if (!done) continue;
		const mark = document.createElement('span');
		mark.className = 'sidebar__read';
		mark.innerHTML = '<span aria-hidden="true">✓</span><span class="visually-hidden"> (read)</span>';
		link.append(mark);
	}
}
