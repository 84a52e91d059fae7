/**
 * The home page's progress summary: chapters read, the last quiz score on each chapter card, and a reset
 * button. Everything comes from this browser's localStorage (see progress.ts); nothing leaves the page.
 */
import { loadProgress, type Progress, quizScore, resetProgress } from './progress.ts';
import type { Translate } from './ui.ts';

export function chapterStatus(progress: Progress, slug: string, quizIds: readonly string[], t: Translate): string {
	const parts: string[] = [];
	if (progress.read[slug] !== undefined) parts.push(t('progress.read'));
	const score = quizScore(progress, quizIds);
	if (score.answered > 0) parts.push(t('progress.quizScore', { correct: score.correct, total: score.total }));
	return parts.join(' · ');
}

export function summaryText(progress: Progress, chapters: readonly string[], t: Translate): string {
	const read = chapters.filter((slug) => progress.read[slug] !== undefined).length;
	const learned = Object.keys(progress.learned).length;
	const cards = learned > 0 ? ` ${t('progress.cardsLearned', { count: learned })}` : '';
	return `${t('progress.chaptersRead', { read, total: chapters.length })}${cards}`;
}

export function showHomeProgress(t: Translate, root: ParentNode = document) {
	const section = root.querySelector<HTMLElement>('[data-progress]');
	const summary = section?.querySelector<HTMLElement>('[data-progress-summary]');
	const reset = section?.querySelector<HTMLButtonElement>('[data-progress-reset]');
	const note = section?.querySelector<HTMLElement>('[data-progress-note]');
	const cards = [...root.querySelectorAll<HTMLElement>('[data-chapter-card]')];
	if (!section || !summary) return;

	const render = () => {
		const progress = loadProgress();
		summary.textContent = summaryText(
			progress,
			cards.map((c) => c.dataset.chapterCard ?? ''),
			t,
		);
		for (const card of cards) {
			const status = card.querySelector<HTMLElement>('[data-chapter-status]');
			const quizIds = (card.dataset.quizIds ?? '').split(',').filter(Boolean);
			if (status) status.textContent = chapterStatus(progress, card.dataset.chapterCard ?? '', quizIds, t);
		}
	};
	reset?.addEventListener('click', () => {
		resetProgress();
		render();
		if (note) note.textContent = t('progress.resetDone');
	});
	// Another tab may record progress while this one is open.
	window.addEventListener('storage', render);
	window.addEventListener('pageshow', render);
	render();
	section.hidden = false;
}
