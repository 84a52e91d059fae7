/**
 * The home page's progress summary: chapters read, the last quiz score on each chapter card, and a reset
 * button. Everything comes from this browser's localStorage (see progress.ts); nothing leaves the page.
 */
import { loadProgress, type Progress, quizScore, resetProgress } from './progress.ts';

export function chapterStatus(progress: Progress, slug: string, quizIds: readonly string[]): string {
	const parts: string[] = [];
	if (progress.read[slug] !== undefined) parts.push('✓ Read');
	const score = quizScore(progress, quizIds);
	if (score.answered > 0) parts.push(`Quizzes: ${score.correct} of ${score.total} right on the last try`);
	return parts.join(' · ');
}

export function summaryText(progress: Progress, chapters: readonly string[]): string {
	const read = chapters.filter((slug) => progress.read[slug] !== undefined).length;
	const learned = Object.keys(progress.learned).length;
	const cards = learned > 0 ? ` You have learned ${learned} flashcard${learned === 1 ? '' : 's'}.` : '';
	return `${read} of ${chapters.length} chapters read.${cards}`;
}

export function showHomeProgress(root: ParentNode = document) {
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
		);
		for (const card of cards) {
			const status = card.querySelector<HTMLElement>('[data-chapter-status]');
			const quizIds = (card.dataset.quizIds ?? '').split(',').filter(Boolean);
			if (status) status.textContent = chapterStatus(progress, card.dataset.chapterCard ?? '', quizIds);
		}
	};
	reset?.addEventListener('click', () => {
		resetProgress();
		render();
		if (note) note.textContent = 'Progress reset.';
	});
	// Another tab may record progress while this one is open.
	window.addEventListener('storage', render);
	window.addEventListener('pageshow', render);
	render();
	section.hidden = false;
}
