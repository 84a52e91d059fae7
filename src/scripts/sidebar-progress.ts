/** Marks the chapters this browser has read in the sidebar: a check mark, and "(read)" for screen readers. */
import { loadProgress } from './progress.ts';
import type { Translate } from './ui.ts';

export function markReadChapters(t: Translate, root: ParentNode = document) {
	const read = loadProgress().read;
	for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-chapter-link]')) {
		const slug = link.dataset.chapterLink ?? '';
		const done = read[slug] !== undefined;
		link.querySelector('.sidebar__read')?.remove();
		link.toggleAttribute('data-read', done);
		if (!done) continue;
		const mark = document.createElement('span');
		mark.className = 'sidebar__read';
		const check = document.createElement('span');
		check.setAttribute('aria-hidden', 'true');
		check.textContent = '✓';
		const said = document.createElement('span');
		said.className = 'visually-hidden';
		said.textContent = ` ${t('progress.readMark')}`;
		mark.append(check, said);
		link.append(mark);
	}
}
