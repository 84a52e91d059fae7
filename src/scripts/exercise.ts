/**
 * The "who owns this control?" exercise. Without JavaScript each item has a "Show answer" disclosure; with it,
 * "Check answers" marks every item right or wrong and opens its explanation (the schema's notes, and the split
 * for shared controls). Changing an answer clears that item's feedback, so the learner can try again.
 */

const LABELS: Record<string, string> = { aws: 'AWS', customer: 'Customer', shared: 'Shared' };

export type ItemVerdict = 'correct' | 'wrong' | 'unanswered';

export function verdict(chosen: string | undefined, answer: string): ItemVerdict {
	if (!chosen) return 'unanswered';
	return chosen === answer ? 'correct' : 'wrong';
}

export function feedbackText(v: ItemVerdict, answer: string): string {
	const owner = LABELS[answer] ?? answer;
	if (v === 'correct') return `Correct: ${owner}.`;
	if (v === 'wrong') return `Not quite: the owner is ${owner}.`;
	return `No answer chosen. The owner is ${owner}.`;
}

export function enhanceExercise(exercise: HTMLElement) {
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
			if (feedback) feedback.textContent = feedbackText(v, answer);
			const details = item.querySelector<HTMLDetailsElement>('details.exercise__answer');
			if (details) details.open = true;
		}
		summary.textContent = `${right} of ${items.length} correct.${right === items.length ? ' Well done.' : ' Read the explanations, change your answers and check again.'}`;
	});

	for (const item of items)
		item.addEventListener('change', () => {
			if (item.dataset.state === undefined) return;
			clear(item);
			summary.textContent = '';
		});
}

export function enhanceExercises(root: ParentNode = document) {
	for (const exercise of root.querySelectorAll<HTMLElement>('.exercise[data-exercise]')) enhanceExercise(exercise);
}
