/**
 * The practice exam's score: every quiz on the page is checked on its own (quiz.ts); this keeps the running
 * score and a review list of the questions answered wrong, each linking back to the chapter section that
 * teaches it. "Start over" resets every question.
 */
import { QUIZ_CHECKED, type QuizCheckedDetail } from './quiz.ts';
import { percent, type Translate } from './ui.ts';

export interface PracticeScore {
	answered: number;
	correct: number;
	total: number;
}

export function scoreOf(results: ReadonlyMap<string, boolean>, total: number): PracticeScore {
	let correct = 0;
	for (const right of results.values()) if (right) correct++;
	return { answered: results.size, correct, total };
}

export function scoreText({ answered, correct, total }: PracticeScore, t: Translate, lang?: string): string {
	if (answered === 0) return t('practice.scoreNone', { total });
	if (answered < total) return `${t('practice.scoreSoFar', { correct, answered })} ${t('practice.toGo', { count: total - answered })}`;
	// Whole percents, as the score has always been shown.
	const share = percent(Math.round((correct / total) * 100) / 100, lang);
	return `${t('practice.score', { correct, total, percent: share })}${correct === total ? ` ${t('practice.allRight')}` : ''}`;
}

export function startPractice(root: HTMLElement, t: Translate) {
	const questions = [...root.querySelectorAll<HTMLElement>('[data-practice-question]')];
	const panel = root.querySelector<HTMLElement>('[data-practice-score]');
	const total = panel?.querySelector<HTMLElement>('[data-practice-total]');
	const review = panel?.querySelector<HTMLElement>('[data-practice-review]');
	const reviewList = review?.querySelector<HTMLElement>('ol');
	const restart = panel?.querySelector<HTMLButtonElement>('[data-practice-restart]');
	if (!panel || !total || !review || !reviewList) return;
	const results = new Map<string, boolean>();

	const render = () => {
		total.textContent = scoreText(scoreOf(results, questions.length), t);
		const wrong = questions.filter((q) => results.get(q.dataset.practiceQuestion ?? '') === false);
		review.hidden = wrong.length === 0;
		reviewList.replaceChildren(
			...wrong.map((q) => {
				const li = document.createElement('li');
				const title = document.createElement('a');
				title.href = `#${q.id}`;
				title.textContent = q.dataset.practiceLabel ?? '';
				const question = document.createElement('span');
				question.className = 'practice__review-question';
				question.textContent = ` ${q.querySelector('.quiz__para')?.textContent ?? ''}`;
				const source = q.querySelector<HTMLAnchorElement>('[data-practice-source]');
				li.append(title, question);
				if (source) {
					const back = document.createElement('a');
					back.href = source.href;
					back.className = 'practice__review-source';
					back.textContent = t('practice.review', { source: source.textContent ?? '' });
					li.append(' ', back);
				}
				return li;
			}),
		);
	};

	root.addEventListener(QUIZ_CHECKED, (e) => {
		const { correct } = (e as CustomEvent<QuizCheckedDetail>).detail;
		const question = (e.target as Element).closest<HTMLElement>('[data-practice-question]');
		if (!question) return;
		results.set(question.dataset.practiceQuestion ?? '', correct);
		render();
	});
	// A quiz's "Try again" resets its form: the question counts as unanswered again.
	root.addEventListener('reset', (e) => {
		const question = (e.target as Element).closest<HTMLElement>('[data-practice-question]');
		if (!question) return;
		results.delete(question.dataset.practiceQuestion ?? '');
		render();
	});
	restart?.addEventListener('click', () => {
		for (const form of root.querySelectorAll<HTMLFormElement>('form[data-quiz-form]')) form.reset();
		results.clear();
		render();
		const first = root.querySelector<HTMLInputElement>('.quiz__option input');
		first?.scrollIntoView({ block: 'center' });
		first?.focus({ preventScroll: true });
	});
	panel.hidden = false;
	render();
}
