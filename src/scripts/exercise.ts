/**
 * The "who owns this control?" exercise. Without JavaScript each item has a "Show answer" disclosure; with it,
 * "Check answers" marks every answered item right or wrong and opens its explanation (the schema's notes, and
 * the split for shared controls). Items left unanswered keep their answers hidden until the learner says to
 * reveal them. One status region announces the summary; the result is saved to progress (home page).
 * Changing an answer clears that item's feedback, so the learner can try again. The owners' names are the
 * ones the page shows on the item's choices (the schema's labels).
 */
import { recordExercise } from './progress.ts';
import type { Translate } from './ui.ts';

export type ItemVerdict = 'correct' | 'wrong' | 'unanswered';

export function verdict(chosen: string | undefined, answer: string): ItemVerdict {
	if (!chosen) return 'unanswered';
	return chosen === answer ? 'correct' : 'wrong';
}

/** `owner` is the answer's label as the page writes it (the choice's label). */
export function feedbackText(v: ItemVerdict, owner: string, t: Translate): string {
	return t(v === 'correct' ? 'exercise.correct' : v === 'wrong' ? 'exercise.wrong' : 'exercise.unanswered', { owner });
}

export function scoreText(right: number, total: number, t: Translate): string {
	return `${t('exercise.score', { right, total })} ${t(right === total ? 'exercise.allRight' : 'exercise.tryAgain')}`;
}

/** The one summary the exercise announces: the score, or — with items unanswered and not revealed — how to go on. */
export function summaryText(right: number, total: number, unanswered: number, revealed: boolean, t: Translate): string {
	if (unanswered > 0 && !revealed) return t('exercise.partial', { right, answered: total - unanswered, count: unanswered });
	return scoreText(right, total, t);
}

let exercises = 0;

export function enhanceExercise(exercise: HTMLElement, t: Translate) {
	const actions = exercise.querySelector<HTMLElement>('.exercise__actions');
	const check = actions?.querySelector<HTMLButtonElement>('[data-exercise-check]');
	if (!actions || !check || exercise.dataset.enhanced !== undefined) return;
	exercise.dataset.enhanced = '';
	// Saved as `<chapter>/<n>`: the n-th exercise of the chapter page.
	const key = `${exercise.closest<HTMLElement>('[data-chapter]')?.dataset.chapter ?? ''}/${++exercises}`;
	const items = [...exercise.querySelectorAll<HTMLElement>('.exercise__item')];
	// The overall score is announced from a status region that exists before it changes.
	const summary = document.createElement('p');
	summary.className = 'exercise__result';
	summary.setAttribute('role', 'status');
	const reveal = document.createElement('button');
	reveal.type = 'button';
	reveal.className = 'button button--quiet';
	reveal.hidden = true;
	reveal.dataset.exerciseReveal = '';
	check.after(' ', reveal);
	actions.after(summary);
	actions.hidden = false;

	const labelOf = (item: HTMLElement, owner: string) => item.querySelector(`input[value="${CSS.escape(owner)}"]`)?.closest('label')?.textContent?.trim() ?? owner;
	const chosenOf = (item: HTMLElement) => item.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value;
	const mark = (item: HTMLElement, v: ItemVerdict) => {
		const answer = item.dataset.answer ?? '';
		item.dataset.state = v;
		const feedback = item.querySelector<HTMLElement>('.exercise__feedback');
		if (feedback) feedback.textContent = feedbackText(v, labelOf(item, answer), t);
		const details = item.querySelector<HTMLDetailsElement>('details.exercise__answer');
		if (details) details.open = true;
	};
	const clear = (item: HTMLElement) => {
		delete item.dataset.state;
		const feedback = item.querySelector<HTMLElement>('.exercise__feedback');
		if (feedback) feedback.textContent = '';
		const details = item.querySelector<HTMLDetailsElement>('details.exercise__answer');
		if (details) details.open = false;
	};

	const run = (revealAll: boolean) => {
		let right = 0;
		const open = items.filter((item) => !chosenOf(item));
		for (const item of items) {
			const v = verdict(chosenOf(item), item.dataset.answer ?? '');
			if (v === 'correct') right++;
			if (v !== 'unanswered' || revealAll) mark(item, v);
			else clear(item);
		}
		const done = open.length === 0 || revealAll;
		summary.textContent = summaryText(right, items.length, open.length, revealAll, t);
		reveal.hidden = done;
		reveal.textContent = t('exercise.reveal', { count: open.length });
		if (done) recordExercise(key, right, items.length);
	};

	check.addEventListener('click', () => run(false));
	reveal.addEventListener('click', () => {
		run(true);
		check.focus();
	});
	for (const item of items)
		item.addEventListener('change', () => {
			if (item.dataset.state === undefined && summary.textContent === '') return;
			clear(item);
			summary.textContent = '';
			reveal.hidden = true;
		});
}

export function enhanceExercises(t: Translate, root: ParentNode = document) {
	for (const exercise of root.querySelectorAll<HTMLElement>('.exercise[data-exercise]')) enhanceExercise(exercise, t);
}
