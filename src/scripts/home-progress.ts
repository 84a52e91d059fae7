/**
 * The home page's study panel: "Continue" where the learner last read, what is due for spaced review, the
 * saved exams, chapters read and the last quiz and exercise results on each chapter card, and "Reset
 * progress" (which asks first). Everything comes from this browser's localStorage (see progress.ts); nothing
 * leaves the page.
 */
import { dueKeys, dueIn, isKnown, nextDue } from './leitner.ts';
import { type ExamResult, loadProgress, type Progress, quizScore, resetProgress } from './progress.ts';
import { percent, type Translate } from './ui.ts';

export function chapterStatus(progress: Progress, slug: string, quizIds: readonly string[], t: Translate): string {
	const parts: string[] = [];
	if (progress.read[slug] !== undefined) parts.push(t('progress.read'));
	const score = quizScore(progress, quizIds);
	if (score.answered > 0) parts.push(t('progress.quizScore', { correct: score.correct, total: score.total }));
	const exercises = Object.entries(progress.exercises).filter(([key]) => key.startsWith(`${slug}/`));
	for (const [, r] of exercises) parts.push(t('progress.exercise', { correct: r.correct, total: r.total }));
	return parts.join(' · ');
}

export function summaryText(progress: Progress, chapters: readonly string[], t: Translate): string {
	const read = chapters.filter((slug) => progress.read[slug] !== undefined).length;
	const learned = Object.entries(progress.review).filter(([key, item]) => key.startsWith('card:') && isKnown(item)).length;
	const cards = learned > 0 ? ` ${t('progress.cardsLearned', { count: learned })}` : '';
	return `${t('progress.chaptersRead', { read, total: chapters.length })}${cards}`;
}

/** "3 cards and questions due", or when nothing is, when the next one will be (undefined: the queue is empty). */
export function dueText(progress: Progress, chapters: ReadonlySet<string>, now: number, t: Translate, lang = 'en'): { text: string; due: number } | undefined {
	const due = dueKeys(progress.review, now, chapters).length;
	if (due > 0) return { text: t('progress.due', { count: due }), due };
	const next = nextDue(progress.review, now, chapters);
	return next === undefined ? undefined : { text: t('progress.nothingDue', { when: dueIn(next, now, lang) }), due: 0 };
}

export function examText(exam: ExamResult, language: string, chapterCount: number, t: Translate): string {
	const date = new Date(exam.at).toLocaleDateString(language, { year: 'numeric', month: 'long', day: 'numeric' });
	const scope = exam.chapters.length === 0 || exam.chapters.length === chapterCount ? t('progress.examAll') : t('progress.examChapters', { count: exam.chapters.length });
	// Whole percents, as the exam shows them.
	const share = percent(Math.round((exam.correct / exam.total) * 100) / 100, language);
	return t('progress.exam', { date, correct: exam.correct, total: exam.total, percent: share, scope });
}

export function showHomeProgress(t: Translate, root: ParentNode = document) {
	const section = root.querySelector<HTMLElement>('[data-progress]');
	const summary = section?.querySelector<HTMLElement>('[data-progress-summary]');
	const reset = section?.querySelector<HTMLButtonElement>('[data-progress-reset]');
	const note = section?.querySelector<HTMLElement>('[data-progress-note]');
	const confirmBox = section?.querySelector<HTMLElement>('[data-progress-confirm]');
	const exams = section?.querySelector<HTMLElement>('[data-progress-exams]');
	const cont = root.querySelector<HTMLAnchorElement>('[data-continue]');
	const reviewBox = root.querySelector<HTMLElement>('[data-review-due]');
	const reviewLink = root.querySelector<HTMLElement>('[data-review-link]');
	const cards = [...root.querySelectorAll<HTMLElement>('[data-chapter-card]')];
	if (!section || !summary) return;
	const language = document.documentElement.lang || 'en';
	const slugs = cards.map((c) => c.dataset.chapterCard ?? '');
	const known = new Set(slugs);
	const startLabel = cont?.textContent ?? '';
	const startHref = cont?.getAttribute('href') ?? '';

	const render = () => {
		const progress = loadProgress();
		summary.textContent = summaryText(progress, slugs, t);
		for (const card of cards) {
			const status = card.querySelector<HTMLElement>('[data-chapter-status]');
			const quizIds = (card.dataset.quizIds ?? '').split(',').filter(Boolean);
			if (status) status.textContent = chapterStatus(progress, card.dataset.chapterCard ?? '', quizIds, t);
		}
		// Continue: Chapter N — section, from where the learner last read (a chapter the site still has).
		const last = progress.last;
		const card = last ? cards.find((c) => c.dataset.chapterCard === last.chapter) : undefined;
		if (cont) {
			if (last && card) {
				cont.textContent = t('progress.continue', { number: Number(card.dataset.chapterNumber), section: last.title ?? card.querySelector('.chapter-card__title')?.textContent?.trim() ?? '' });
				cont.href = `${card.querySelector<HTMLAnchorElement>('.chapter-card__title a')?.getAttribute('href') ?? ''}${last.section ? `#${encodeURIComponent(last.section)}` : ''}`;
			} else {
				cont.textContent = startLabel;
				cont.href = startHref;
			}
		}
		const due = dueText(progress, known, Date.now(), t, language);
		if (reviewBox) {
			reviewBox.hidden = due === undefined;
			reviewBox.textContent = due?.text ?? '';
		}
		if (reviewLink) {
			reviewLink.hidden = !due || due.due === 0;
			reviewLink.textContent = due && due.due > 0 ? t('progress.reviewNow', { count: due.due }) : '';
		}
		if (exams) {
			const list = exams.querySelector('ol');
			const inProgress = exams.querySelector<HTMLElement>('[data-exam-in-progress]');
			const recent = progress.exams.slice(-5).reverse();
			exams.hidden = recent.length === 0 && !progress.exam;
			list?.replaceChildren(
				...recent.map((e) => {
					const li = document.createElement('li');
					li.textContent = examText(e, language, cards.length, t);
					return li;
				}),
			);
			if (inProgress) {
				inProgress.hidden = !progress.exam;
				const answered = progress.exam ? Object.values(progress.exam.answers).filter((a) => a.length > 0).length : 0;
				const count = inProgress.querySelector('[data-exam-in-progress-count]');
				if (count && progress.exam) count.textContent = t('progress.examAnswered', { answered, total: progress.exam.questions.length });
			}
		}
	};

	// "Reset progress" asks first: everything in this browser for this course is deleted.
	const closeConfirm = () => {
		if (confirmBox) confirmBox.hidden = true;
		if (reset) reset.hidden = false;
	};
	reset?.addEventListener('click', () => {
		if (!confirmBox) return;
		if (note) note.textContent = '';
		reset.hidden = true;
		confirmBox.hidden = false;
		confirmBox.querySelector<HTMLButtonElement>('[data-progress-cancel]')?.focus();
	});
	confirmBox?.querySelector('[data-progress-confirm-yes]')?.addEventListener('click', () => {
		resetProgress();
		closeConfirm();
		render();
		if (note) note.textContent = t('progress.resetDone');
		reset?.focus();
	});
	confirmBox?.querySelector('[data-progress-cancel]')?.addEventListener('click', () => {
		closeConfirm();
		reset?.focus();
	});
	confirmBox?.addEventListener('keydown', (e) => {
		if (e.key !== 'Escape') return;
		closeConfirm();
		reset?.focus();
	});
	// Another tab may record progress while this one is open.
	window.addEventListener('storage', render);
	window.addEventListener('pageshow', render);
	render();
	section.hidden = false;
}
