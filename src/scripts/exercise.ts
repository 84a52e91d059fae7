/**
 * The "who owns this control?" exercise. Without JavaScript each item has a "Show answer" disclosure; with it,
 * "Check answers" marks every item right or wrong and opens its explanation (the schema's notes, and the split
 * for shared controls). Changing an answer clears that item's feedback, so the learner can try again. The
 * owners' names are the ones the page shows on the item's choices (the schema's labels).
 */
import type { Translate } from './ui.ts';

export type ItemVerdict = 'correct' | 'wrong' | 'unanswered';

export function verdict(chosen: string | undefined, answer: string): ItemVerdict {
	if (!chosen) return 'unanswered';
	return chosen === answer ? 'correct' : 'wrong';
}

export function feedbackText(v: ItemVerdict, owner: string, t: Translate): string {
	return t(v === 'correct' ? 'exercise.correct' : v === 'wrong' ? 'exercise.wrong' : 'exercise.unanswered', { owner });
}

export function scoreText(right: number, total: number, t: Translate): string {
	return `${t('exercise.score', { right, total })} ${t(right === total ? 'exercise.allRight' : 'exercise.tryAgain')}`;
}

/** The label the item shows for an owner: the text of its choice. */
const choiceLabel = (item: HTMLElement, owner: string) => item.querySelector<HTMLInputElement>(`input[type="radio"][value="${CSS.escape(owner)}"]`)?.parentElement?.textContent?.trim() || owner;

export function enhanceExercise(exercise: HTMLElement, t: Translate) {
	const actions = exercise.querySelector<HTMLElement>('.exercise__actions');
	const check = actions?.querySelector<HTMLButtonElement>('[data-exercise-check]');
	if (!actions || !check || exercise.dataset.enhanced !== undefined) return;
	exercise.dataset.enhanced = '';
	const items = [...exercise.querySelectorAll<HTMLElement>('.exercise__item')];
	// The overall score is announced from a status region that exists before it changes.
	const summary = document.createElement('p');
	summary.className = 'exercise__result';
	summary.setAttribute('role', 'status');
	actions.after(summary);
	actions.hidden = false;

	const clear = (item: HTMLElement) => {
		delete item.dataset.state;
		const feedback = item.querySelector<HTMLElement>('.exercise__feedback');
		if (feedback) feedback.textContent = '';
		const details = item.querySelector<HTMLDetailsElement>('details.exercise__answer');
		if (details) details.open = false;
	};

	check.addEventListener('click', () => {
		let right = 0;
		for (const item of items) {
			const answer = item.dataset.answer ?? '';
			const chosen = item.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value;
			const v = verdict(chosen, answer);
			if (v === 'correct') right++;
			item.dataset.state = v;
			const feedback = item.querySelector<HTMLElement>('.exercise__feedback');
			if (feedback) feedback.textContent = feedbackText(v, choiceLabel(item, answer), t);
			const details = item.querySelector<HTMLDetailsElement>('details.exercise__answer');
			if (details) details.open = true;
		}
		summary.textContent = scoreText(right, items.length, t);
	});

	for (const item of items)
		item.addEventListener('change', () => {
			if (item.dataset.state === undefined) return;
			clear(item);
			summary.textContent = '';
		});
}

export function enhanceExercises(t: Translate, root: ParentNode = document) {
	for (const exercise of root.querySelectorAll<HTMLElement>('.exercise[data-exercise]')) enhanceExercise(exercise, t);
}
