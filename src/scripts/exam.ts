/**
 * The exam on /practice/. The learner picks chapters (or all) and a number of questions; the questions are
 * drawn at random from the chosen chapters, loaded on demand from their practice pages (practice-pages.ts),
 * and shown with their options shuffled. Nothing is marked until "Submit": then every question shows what was
 * right, the score appears with a breakdown by chapter and by owner, and each wrong answer links to the
 * section that teaches it. The attempt in progress is saved after every answer (progress.ts), so a reload or a
 * later visit continues it; a submitted exam is kept as a date and a score for the home page.
 *
 * Practice mode draws the same way but marks each answer at once (quiz.ts) with a running score (practice.ts).
 *
 * The owners of the score by owner are the course's: the page lists the schema's parties and `shared` with their
 * labels (`data-owners`), in the schema's order; questions without an owner tag come last.
 */
import { type ExamState, finishExam, loadProgress, saveExam, saveExamAnswer } from './progress.ts';
import { type LoadedQuestion, loadErrorText, loadPracticePage } from './practice-pages.ts';
import { startPractice } from './practice.ts';
import { enhanceQuiz, isCorrect, optionState, parseCorrect } from './quiz.ts';
import { shuffled } from './shuffle.ts';
import { percent, type Translate, withNodes } from './ui.ts';

export interface Pick {
	slug: string;
	/** Position of the question on its chapter's practice page. */
	index: number;
}

/**
 * `n` questions drawn uniformly from the chosen chapters' `count` questions, in random order. Only the counts
 * are needed, so only the chapters actually drawn from are loaded.
 */
export function pickQuestions(chapters: readonly { slug: string; count: number }[], n: number, random: () => number = Math.random): Pick[] {
	const all = chapters.flatMap((c) => Array.from({ length: c.count }, (_, index) => ({ slug: c.slug, index })));
	return shuffled(all, random).slice(0, Math.max(0, n));
}

export interface ScoreLine {
	key: string;
	label: string;
	correct: number;
	total: number;
}

/** Right answers per group, in the order groups first appear. */
export function breakdown(items: readonly { key: string; label: string; correct: boolean }[]): ScoreLine[] {
	const lines = new Map<string, ScoreLine>();
	for (const item of items) {
		const line = lines.get(item.key) ?? { key: item.key, label: item.label, correct: 0, total: 0 };
		line.total++;
		if (item.correct) line.correct++;
		lines.set(item.key, line);
	}
	return [...lines.values()];
}

/** The owner lines in the schema's order (`owners`: its parties, then `shared`), then any other, then none. */
export function ownerOrder(lines: readonly ScoreLine[], owners: readonly string[], none: string): ScoreLine[] {
	const rank = (key: string) => (key === none ? owners.length + 1 : owners.includes(key) ? owners.indexOf(key) : owners.length);
	return [...lines].sort((a, b) => rank(a.key) - rank(b.key));
}

/** Whole percents: "67%" in English, "67 %" in German. */
const share = (correct: number, total: number, lang?: string) => percent(total ? Math.round((correct / total) * 100) / 100 : 0, lang);
export const scoreLine = (correct: number, total: number, t: Translate, lang = 'en') => t('exam.score', { correct, total, percent: share(correct, total, lang) });

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {}, children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
	const node = Object.assign(document.createElement(tag), props);
	node.append(...children);
	return node;
}

/** The key of questions without an owner tag (never a party id: ids are lowercase words, this has a space). */
const NO_OWNER = ' none';

/** The parties and `shared` as the page lists them: `[{ id, label }]` in the schema's order. */
export function pageOwners(value: string | undefined): { id: string; label: string }[] {
	try {
		const owners: unknown = JSON.parse(value ?? '[]');
		return Array.isArray(owners) ? owners.filter((o): o is { id: string; label: string } => typeof o?.id === 'string' && typeof o?.label === 'string') : [];
	} catch {
		return [];
	}
}

/** Put the options of a quiz element in `order` (original indices); input values keep the original indices. */
export function reorderOptions(quiz: HTMLElement, order: readonly number[]) {
	const list = quiz.querySelector('.quiz__options');
	if (!list) return;
	const items = [...list.children];
	const byValue = new Map(items.map((li) => [Number(li.querySelector('input')?.value), li]));
	const ordered = order.map((i) => byValue.get(i)).filter((li) => li !== undefined);
	if (ordered.length === items.length) list.replaceChildren(...ordered);
}

const optionCount = (quiz: HTMLElement) => quiz.querySelectorAll('.quiz__option input').length;
const chosenOf = (quiz: HTMLElement) => [...quiz.querySelectorAll<HTMLInputElement>('.quiz__option input')].flatMap((i) => (i.checked ? [Number(i.value)] : []));

/** Load the questions of several chapters at once; the map is keyed by quiz id. */
async function loadQuestions(base: string, slugs: Iterable<string>): Promise<Map<string, LoadedQuestion>> {
	const pages = await Promise.all([...new Set(slugs)].map((slug) => loadPracticePage(base, slug)));
	return new Map(pages.flatMap((p) => p.questions.map((q) => [q.id, q] as const)));
}

export function startExamPage(root: HTMLElement, t: Translate) {
	const base = root.dataset.base ?? '/';
	const lang = document.documentElement.lang;
	const owners = pageOwners(root.dataset.owners);
	const setup = root.querySelector<HTMLFormElement>('[data-exam-setup]');
	const run = root.querySelector<HTMLElement>('[data-exam-run]');
	const runTitle = root.querySelector<HTMLElement>('[data-exam-run-title]');
	const runNote = root.querySelector<HTMLElement>('[data-exam-run-note]');
	const holder = root.querySelector<HTMLElement>('[data-exam-questions]');
	const submitArea = root.querySelector<HTMLElement>('[data-exam-submit]');
	const answered = root.querySelector<HTMLElement>('[data-exam-answered]');
	const confirm = root.querySelector<HTMLElement>('[data-exam-confirm]');
	const finish = root.querySelector<HTMLButtonElement>('[data-exam-finish]');
	const abandon = root.querySelector<HTMLButtonElement>('[data-exam-abandon]');
	const note = root.querySelector<HTMLElement>('[data-exam-setup-note]');
	if (!setup || !run || !runTitle || !runNote || !holder || !submitArea || !answered || !confirm || !finish || !abandon || !note) return;

	for (const e of setup.querySelectorAll<HTMLElement>('[data-exam-js]')) e.hidden = false;
	setup.querySelector('[data-exam-list]')?.setAttribute('data-enhanced', '');
	for (const e of setup.querySelectorAll<HTMLElement>('[data-exam-nojs]')) e.hidden = true;
	const all = setup.querySelector<HTMLInputElement>('[data-exam-all]');
	const boxes = [...setup.querySelectorAll<HTMLInputElement>('input[name="chapter"]')];
	const syncAll = () => {
		if (!all) return;
		const on = boxes.filter((b) => b.checked).length;
		all.checked = on === boxes.length;
		all.indeterminate = on > 0 && on < boxes.length;
	};
	all?.addEventListener('change', () => {
		for (const b of boxes) b.checked = all.checked;
		all.indeterminate = false;
	});
	for (const b of boxes) b.addEventListener('change', syncAll);

	/** Back to choosing: the run area is emptied. */
	const showSetup = (message = '') => {
		run.hidden = true;
		holder.replaceChildren();
		run.querySelector('[data-exam-results]')?.remove();
		setup.hidden = false;
		note.textContent = message;
	};
	/** Show the questions. Focus moves to their heading after the learner started them, not on arrival. */
	const showRun = (title: string, intro: string, focus = true) => {
		setup.hidden = true;
		run.hidden = false;
		runTitle.textContent = title;
		runNote.textContent = intro;
		if (focus) runTitle.focus();
	};

	// ---- Exam ----
	let exam: { state: ExamState; questions: LoadedQuestion[]; quizzes: HTMLElement[] } | undefined;
	let confirming = false;

	const updateAnswered = () => {
		if (!exam) return;
		const n = exam.quizzes.filter((q) => chosenOf(q).length > 0).length;
		answered.textContent = t('exam.answered', { answered: n, total: exam.quizzes.length });
	};

	const renderExam = (state: ExamState, byId: Map<string, LoadedQuestion>) => {
		const questions = state.questions.map((q) => byId.get(q.id)!);
		const quizzes: HTMLElement[] = [];
		holder.replaceChildren(
			...questions.map((q, k) => {
				const quiz = document.importNode(q.quiz, true);
				quiz.querySelector<HTMLElement>('.quiz__actions')?.remove();
				const answer = quiz.querySelector<HTMLDetailsElement>('details.quiz__answer');
				if (answer) answer.hidden = true;
				reorderOptions(quiz, state.questions[k]!.order);
				const chosen = new Set(state.answers[q.id] ?? []);
				for (const input of quiz.querySelectorAll<HTMLInputElement>('.quiz__option input')) input.checked = chosen.has(Number(input.value));
				quiz.dataset.enhanced = '';
				quiz.querySelector('form')?.addEventListener('submit', (e) => e.preventDefault());
				quiz.addEventListener('change', () => {
					saveExamAnswer(q.id, chosenOf(quiz));
					updateAnswered();
					// The question "submit anyway?" follows the answers, without taking the focus from the one changed.
					if (confirming) askToSubmit(false);
				});
				quizzes.push(quiz);
				const title = el('h3', { className: 'practice__number', id: `exam-q-${k + 1}-title` }, [t('practice.questionOf', { number: k + 1, total: questions.length }), el('span', { className: 'exam__from' }, [` · ${q.chapter.label}`])]);
				const article = el('article', { className: 'practice__question exam__question', id: `exam-q-${k + 1}` }, [title, quiz]);
				article.dataset.examQuestion = q.id;
				article.setAttribute('aria-labelledby', title.id);
				return article;
			}),
		);
		exam = { state, questions, quizzes };
		confirming = false;
		confirm.hidden = true;
		submitArea.hidden = false;
		finish.disabled = false;
		updateAnswered();
	};

	const beginExam = async (state: ExamState, resumed: boolean) => {
		let byId: Map<string, LoadedQuestion>;
		try {
			byId = await loadQuestions(base, state.questions.map((q) => q.chapter));
		} catch (error) {
			if (resumed) showRun(t('exam.title'), t('exam.resumeFailed', { error: loadErrorText(error, t) }), false);
			else showSetup(t('exam.loadFailed', { error: loadErrorText(error, t) }));
			return;
		}
		// The course may have changed since the attempt began: a question or option that moved ends it.
		const intact = state.questions.every((q) => {
			const found = byId.get(q.id);
			return found && optionCount(found.quiz) === q.order.length;
		});
		if (!intact) {
			saveExam(undefined);
			showSetup(t('exam.changed'));
			return;
		}
		renderExam(state, byId);
		const n = state.questions.length;
		showRun(t('exam.heading', { count: n }), t(resumed ? 'exam.resumed' : 'exam.intro'), !resumed);
	};

	const askToSubmit = (focus = true) => {
		if (!exam) return;
		const missing = exam.quizzes.filter((q) => chosenOf(q).length === 0).length;
		if (missing === 0) {
			confirm.hidden = true;
			confirming = false;
			return;
		}
		confirming = true;
		const yes = el('button', { type: 'button', className: 'button' }, [t('exam.submitAnyway')]);
		const no = el('button', { type: 'button', className: 'button button--quiet' }, [t('exam.keepAnswering')]);
		yes.addEventListener('click', () => submitExam());
		no.addEventListener('click', () => {
			confirming = false;
			confirm.hidden = true;
			const first = exam?.quizzes.find((q) => chosenOf(q).length === 0)?.querySelector<HTMLInputElement>('.quiz__option input');
			first?.focus();
		});
		confirm.replaceChildren(`${t('exam.missing', { count: missing })} `, yes, ' ', no);
		confirm.hidden = false;
		if (focus) yes.focus();
	};

	const submitExam = () => {
		if (!exam) return;
		const { state, questions, quizzes } = exam;
		const results = questions.map((q, k) => {
			const quiz = quizzes[k]!;
			const chosen = chosenOf(quiz);
			const correct = parseCorrect(quiz.dataset.correct);
			const right = isCorrect(chosen, correct);
			for (const input of quiz.querySelectorAll<HTMLInputElement>('.quiz__option input')) {
				const s = optionState(Number(input.value), chosen, correct);
				const option = input.closest<HTMLElement>('.quiz__option');
				if (option && s) option.dataset.state = s;
				input.disabled = true;
			}
			quiz.dataset.checked = right ? 'correct' : 'wrong';
			const result = quiz.querySelector<HTMLElement>('.quiz__result');
			if (result) result.textContent = t(right ? 'exam.right' : chosen.length === 0 ? 'exam.notAnswered' : correct.length > 1 ? 'quiz.wrongMultiple' : 'quiz.wrong');
			const answer = quiz.querySelector<HTMLDetailsElement>('details.quiz__answer');
			if (answer) {
				answer.hidden = false;
				answer.open = true;
			}
			return { q, right, chosen: chosen.length > 0, number: k + 1 };
		});
		finishExam(
			results.map((r) => ({ id: r.q.id, chapter: r.q.chapter.slug, correct: r.right })),
			state.chapters,
		);
		exam = undefined;
		confirm.hidden = true;
		submitArea.hidden = true;
		run.querySelector('[data-exam-results]')?.remove();
		holder.before(resultsPanel(results));
		const heading = run.querySelector<HTMLElement>('[data-exam-results] h2');
		runTitle.textContent = t('exam.marked');
		runNote.textContent = '';
		heading?.focus();
	};

	const resultsPanel = (results: { q: LoadedQuestion; right: boolean; chosen: boolean; number: number }[]) => {
		const right = results.filter((r) => r.right).length;
		const table = (caption: string, head: string, lines: ScoreLine[]) =>
			el('table', { className: 'exam__table' }, [
				el('caption', {}, [caption]),
				el('thead', {}, [el('tr', {}, [el('th', { scope: 'col' }, [head]), el('th', { scope: 'col' }, [t('exam.rightColumn')])])]),
				el('tbody', {}, lines.map((l) => el('tr', {}, [el('th', { scope: 'row' }, [l.label]), el('td', {}, [t('exam.cell', { correct: l.correct, total: l.total })])]))),
			]);
		const byChapter = breakdown(results.map((r) => ({ key: r.q.chapter.slug, label: r.q.chapter.label, correct: r.right })));
		const ownerLabel = (owner: string | undefined, badge: string | undefined) => (owner ? (owners.find((o) => o.id === owner)?.label ?? badge ?? owner) : t('exam.noOwner'));
		const byOwner = ownerOrder(
			breakdown(results.map((r) => ({ key: r.q.owner ?? NO_OWNER, label: ownerLabel(r.q.owner, r.q.ownerLabel), correct: r.right }))),
			owners.map((o) => o.id),
			NO_OWNER,
		);
		const wrong = results.filter((r) => !r.right);
		const again = el('button', { type: 'button', className: 'button' }, [t('exam.new')]);
		again.addEventListener('click', () => {
			showSetup();
			setup.querySelector<HTMLElement>('button[type="submit"]')?.focus();
		});
		const panel = el('section', { className: 'practice__score exam__results' }, [
			el('h2', { id: 'exam-results-title', tabIndex: -1 }, [t('exam.resultTitle')]),
			el('p', { className: 'practice__total' }, [scoreLine(right, results.length, t, lang), right === results.length ? ` ${t('practice.allRight')}` : '']),
			el('div', { className: 'exam__tables' }, [table(t('exam.byChapter'), t('exam.chapter'), byChapter), table(t('exam.byOwner'), t('exam.owner'), byOwner)]),
			...(wrong.length
				? [
						el('div', { className: 'practice__review' }, [
							el('h3', {}, [t('practice.reviewTitle')]),
							el(
								'ol',
								{},
								wrong.map((r) =>
									el('li', {}, [
										el('a', { href: `#exam-q-${r.number}` }, [t('practice.question', { number: r.number })]),
										el('span', { className: 'practice__review-question' }, [` ${r.q.quiz.querySelector('.quiz__para')?.textContent ?? ''}`, r.chosen ? '' : ` ${t('exam.notAnsweredMark')}`]),
										' ',
										el('a', { className: 'practice__review-source', href: r.q.source.href }, [t('practice.read', { source: r.q.source.label })]),
									]),
								),
							),
						]),
					]
				: []),
			el('p', { className: 'exam__saved' }, [t('exam.saved')]),
			el('p', {}, [again]),
		]);
		panel.dataset.examResults = '';
		panel.setAttribute('aria-labelledby', 'exam-results-title');
		return panel;
	};

	finish.addEventListener('click', () => {
		if (!exam) return;
		if (exam.quizzes.some((q) => chosenOf(q).length === 0)) askToSubmit();
		else submitExam();
	});
	abandon.addEventListener('click', () => {
		saveExam(undefined);
		exam = undefined;
		showSetup(t('exam.abandoned'));
		setup.querySelector<HTMLElement>('button[type="submit"]')?.focus();
	});

	/** The drawn questions, loading only the chapters they come from. */
	const drawn = async (picks: Pick[]) => {
		const pages = await Promise.all([...new Set(picks.map((p) => p.slug))].map((slug) => loadPracticePage(base, slug)));
		const bySlug = new Map(pages.map((p) => [p.chapter.slug, p.questions]));
		return picks.map((p) => bySlug.get(p.slug)?.[p.index]).filter((q) => q !== undefined);
	};

	// ---- Practice ----
	const beginPractice = async (picks: Pick[]) => {
		let questions: LoadedQuestion[];
		try {
			questions = await drawn(picks);
		} catch (error) {
			showSetup(t('exam.loadFailed', { error: loadErrorText(error, t) }));
			return;
		}
		holder.replaceChildren(
			...questions.map((q, k) => {
				const quiz = document.importNode(q.quiz, true);
				const title = el('h3', { className: 'practice__number', id: `exam-q-${k + 1}-title` }, [t('practice.questionOf', { number: k + 1, total: questions.length })]);
				const source = el('a', { href: q.source.href }, [q.source.label]);
				source.dataset.practiceSource = '';
				const article = el('article', { className: 'practice__question', id: `exam-q-${k + 1}` }, [title, quiz, el('p', { className: 'practice__source' }, withNodes(t, 'practice.from', { source }))]);
				article.dataset.practiceQuestion = q.id;
				article.dataset.practiceLabel = t('practice.question', { number: k + 1 });
				article.dataset.chapter = q.chapter.slug;
				article.setAttribute('aria-labelledby', title.id);
				enhanceQuiz(quiz, t);
				return article;
			}),
			scorePanel(),
		);
		submitArea.hidden = true;
		startPractice(holder, t);
		showRun(t('exam.practiceHeading', { count: questions.length }), t('exam.practiceIntro'));
	};

	const scorePanel = () => {
		const restart = el('button', { type: 'button', className: 'button button--quiet' }, [t('practice.restart')]);
		restart.dataset.practiceRestart = '';
		const done = el('button', { type: 'button', className: 'button button--quiet' }, [t('exam.otherQuestions')]);
		done.addEventListener('click', () => showSetup());
		const total = el('p', { className: 'practice__total', role: 'status' });
		total.dataset.practiceTotal = '';
		const review = el('div', { className: 'practice__review', hidden: true }, [el('h3', {}, [t('practice.reviewTitle')]), el('ol')]);
		review.dataset.practiceReview = '';
		const panel = el('section', { className: 'practice__score', hidden: true }, [el('h2', { id: 'practice-score-title' }, [t('practice.scoreTitle')]), total, review, el('p', {}, [restart, ' ', done])]);
		panel.dataset.practiceScore = '';
		panel.setAttribute('aria-labelledby', 'practice-score-title');
		return panel;
	};

	setup.addEventListener('submit', (event) => {
		event.preventDefault();
		const chosen = boxes.filter((b) => b.checked).map((b) => ({ slug: b.value, count: Number(b.dataset.count) || 0 }));
		if (chosen.length === 0) {
			note.textContent = t('exam.chooseChapter');
			return;
		}
		const available = chosen.reduce((n, c) => n + c.count, 0);
		const value = new FormData(setup).get('count');
		const n = value === 'all' ? available : Math.min(Number(value) || available, available);
		const picks = pickQuestions(chosen, n);
		note.textContent = t('exam.loading');
		if (new FormData(setup).get('mode') === 'practice') {
			void beginPractice(picks).then(() => (note.textContent = ''));
			return;
		}
		// Only the chapters drawn from are loaded; each question's options are shuffled once, for the whole attempt.
		void drawn(picks)
			.then((questions) => {
				const state: ExamState = {
					started: Date.now(),
					chapters: chosen.length === boxes.length ? [] : chosen.map((c) => c.slug),
					questions: questions.map((q) => ({ id: q.id, chapter: q.chapter.slug, order: shuffled(Array.from({ length: optionCount(q.quiz) }, (_, i) => i)) })),
					answers: {},
				};
				saveExam(state);
				note.textContent = '';
				return beginExam(state, false);
			})
			.catch((error: unknown) => showSetup(t('exam.loadFailed', { error: loadErrorText(error, t) })));
	});

	const inProgress = loadProgress().exam;
	if (inProgress) void beginExam(inProgress, true);
}
