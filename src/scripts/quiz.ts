/**
 * Makes the server-rendered quizzes interactive. Without JavaScript a quiz is a question, its options and a
 * "Show answer" disclosure; with it, the learner checks an answer, sees each option marked, hears the result
 * (the status region is aria-live) and reads the explanation. Native radios, checkboxes and buttons, so the
 * keyboard works as everywhere else. Each check is recorded for the progress summary, and a wrong answer joins
 * the spaced-review queue (leitner.ts).
 */
import { recordQuiz } from './progress.ts';
import type { Translate } from './ui.ts';

export interface QuizCheckedDetail {
	id: string;
	correct: boolean;
	chosen: number[];
}

/** Fired on the `.quiz` element after each check (the practice exam listens for it). */
export const QUIZ_CHECKED = 'quiz:checked';

/** Right when the chosen options are exactly the correct ones (for multiple-answer quizzes too). */
export function isCorrect(chosen: readonly number[], correct: readonly number[]): boolean {
	return chosen.length === correct.length && correct.every((i) => chosen.includes(i));
}

export const parseCorrect = (value: string | undefined) =>
	(value ?? '')
		.split(',')
		.filter((s) => s.trim() !== '')
		.map(Number)
		.filter(Number.isInteger);

/** How to mark one option: chosen and right, chosen and wrong, or a right one the learner missed. */
export function optionState(index: number, chosen: readonly number[], correct: readonly number[]): 'correct' | 'wrong' | 'missed' | undefined {
	const isChosen = chosen.includes(index);
	const isRight = correct.includes(index);
	if (isChosen) return isRight ? 'correct' : 'wrong';
	return isRight ? 'missed' : undefined;
}

export function enhanceQuiz(quiz: HTMLElement, t: Translate) {
	const form = quiz.querySelector<HTMLFormElement>('form[data-quiz-form]');
	const actions = quiz.querySelector<HTMLElement>('.quiz__actions');
	const result = quiz.querySelector<HTMLElement>('.quiz__result');
	const answer = quiz.querySelector<HTMLDetailsElement>('details.quiz__answer');
	if (!form || !actions || !result || quiz.dataset.enhanced) return;
	quiz.dataset.enhanced = '';
	const id = quiz.dataset.quiz ?? '';
	const correct = parseCorrect(quiz.dataset.correct);
	const multiple = quiz.dataset.multiple !== undefined;
	const inputs = [...form.querySelectorAll<HTMLInputElement>('.quiz__option input')];
	const check = actions.querySelector<HTMLButtonElement>('button[type="submit"]');
	const retry = actions.querySelector<HTMLButtonElement>('button[type="reset"]');
	actions.hidden = false;
	if (retry) retry.hidden = true;

	const setState = (input: HTMLInputElement, state: string | undefined) => {
		const option = input.closest<HTMLElement>('.quiz__option');
		if (!option) return;
		if (state) option.dataset.state = state;
		else delete option.dataset.state;
	};

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		if (quiz.dataset.checked !== undefined) return;
		const chosen = inputs.flatMap((input) => (input.checked ? [Number(input.value)] : []));
		if (chosen.length === 0) {
			result.textContent = t(multiple ? 'quiz.chooseSome' : 'quiz.chooseOne');
			return;
		}
		const right = isCorrect(chosen, correct);
		inputs.forEach((input) => {
			setState(input, optionState(Number(input.value), chosen, correct));
			input.disabled = true;
		});
		quiz.dataset.checked = right ? 'correct' : 'wrong';
		result.textContent = t(right ? 'quiz.right' : multiple ? 'quiz.wrongMultiple' : 'quiz.wrong');
		if (answer) answer.open = true;
		if (check) check.hidden = true;
		if (retry) {
			retry.hidden = false;
			retry.focus();
		}
		// The chapter (chapter page, practice page, exam or review article) tells the review queue where the quiz lives.
		recordQuiz(id, right, quiz.closest<HTMLElement>('[data-chapter]')?.dataset.chapter ?? '');
		quiz.dispatchEvent(new CustomEvent<QuizCheckedDetail>(QUIZ_CHECKED, { bubbles: true, detail: { id, correct: right, chosen } }));
	});

	// "Try again" is a reset button: the browser clears the choices, we clear the marking.
	form.addEventListener('reset', () => {
		delete quiz.dataset.checked;
		for (const input of inputs) {
			input.disabled = false;
			setState(input, undefined);
		}
		result.textContent = '';
		if (answer) answer.open = false;
		if (check) check.hidden = false;
		if (retry) retry.hidden = true;
		inputs[0]?.focus();
	});
}

export function enhanceQuizzes(t: Translate, root: ParentNode = document) {
	for (const quiz of root.querySelectorAll<HTMLElement>('.quiz[data-quiz]')) enhanceQuiz(quiz, t);
}
