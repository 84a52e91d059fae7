/**
 * The spaced-review session on /review/: the flashcards and quiz questions that are due (leitner.ts), across
 * chapters, one at a time, most overdue first. A card is graded only after it is turned over; a question is
 * answered and checked as anywhere else (quiz.ts moves it up a box or back to box 1). The cards and questions
 * come from their chapters' practice pages, loaded on demand; an item whose chapter or content is gone leaves
 * the queue.
 */
import { cardKey, dueIn, dueKeys, nextDue, type ReviewItem } from './leitner.ts';
import { gradeText } from './flashcards.ts';
import { type LoadedCard, type LoadedQuestion, loadErrorText, loadPracticePage, PageMissing, type PracticePage } from './practice-pages.ts';
import { gradeCard, loadProgress, updateProgress } from './progress.ts';
import { enhanceQuiz, QUIZ_CHECKED } from './quiz.ts';
import type { Translate } from './ui.ts';

/** At most this many items per session: a short session is one a learner finishes. */
export const SESSION_SIZE = 20;

type Entry = { key: string; item: ReviewItem } & ({ kind: 'card'; card: LoadedCard } | { kind: 'question'; question: LoadedQuestion });

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {}, children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
	const node = Object.assign(document.createElement(tag), props);
	node.append(...children);
	return node;
}

/** The due items of the session, in due order, split by the chapter pages they need. */
export function sessionKeys(review: Readonly<Record<string, ReviewItem>>, now: number, size = SESSION_SIZE) {
	const keys = dueKeys(review, now).slice(0, size);
	return { keys, chapters: [...new Set(keys.map((k) => review[k]!.chapter))] };
}

export function doneText(known: number, total: number, next: number | undefined, now: number, t: Translate, lang = 'en'): string {
	const later = next === undefined ? '' : ` ${t('review.nextDue', { when: dueIn(next, now, lang) })}`;
	return `${t('review.done', { known, total })}${later}`;
}

export async function startReview(root: HTMLElement, t: Translate) {
	const base = root.dataset.base ?? '/';
	const lang = document.documentElement.lang;
	const session = root.querySelector<HTMLElement>('[data-review-session]');
	const counter = root.querySelector<HTMLElement>('[data-review-counter]');
	const stage = root.querySelector<HTMLElement>('[data-review-item]');
	const announce = root.querySelector<HTMLElement>('[data-review-announce]');
	const summary = root.querySelector<HTMLElement>('[data-review-summary]');
	if (!session || !counter || !stage || !announce || !summary) return;
	for (const e of root.querySelectorAll<HTMLElement>('[data-review-nojs]')) e.hidden = true;

	const now = Date.now();
	const progress = loadProgress();
	const { keys, chapters } = sessionKeys(progress.review, now);
	const showSummary = (text: string) => {
		summary.hidden = false;
		summary.querySelector('[data-review-summary-text]')!.textContent = text;
	};
	if (keys.length === 0) {
		const next = nextDue(progress.review, now);
		showSummary(next === undefined ? t('review.empty') : t('review.nothingDue', { when: dueIn(next, now, lang) }));
		return;
	}

	const pages = new Map<string, PracticePage>();
	const gone: string[] = [];
	await Promise.all(
		chapters.map((slug) =>
			loadPracticePage(base, slug).then(
				(p) => void pages.set(slug, p),
				(error: Error) => {
					if (error instanceof PageMissing) gone.push(slug);
					else throw error;
				},
			),
		),
	).catch((error: unknown) => showSummary(t('review.loadFailed', { error: loadErrorText(error, t) })));
	if (!summary.hidden) return;

	const entries: Entry[] = [];
	const missing: string[] = [];
	for (const key of keys) {
		const item = progress.review[key]!;
		const page = pages.get(item.chapter);
		const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
		const card = kind === 'card' ? page?.cards.find((c) => c.term === id) : undefined;
		const question = kind === 'quiz' ? page?.questions.find((q) => q.id === id) : undefined;
		if (card) entries.push({ key, item, kind: 'card', card });
		else if (question) entries.push({ key, item, kind: 'question', question });
		else if (page || gone.includes(item.chapter)) missing.push(key);
	}
	// The course no longer has these: they leave the queue instead of staying due for ever.
	if (missing.length) updateProgress((p) => missing.forEach((k) => delete p.review[k]));
	if (entries.length === 0) {
		showSummary(t('review.gone'));
		return;
	}

	let at = 0;
	let known = 0;
	session.hidden = false;

	const where = (e: Entry) => (e.kind === 'card' ? t('review.fromCard', { chapter: e.card.chapter.label }) : t('review.fromQuestion', { chapter: e.question.chapter.label }));

	const next = (message: string) => {
		at++;
		if (at < entries.length) return show(message);
		session.hidden = true;
		const p = loadProgress();
		const text = doneText(known, entries.length, nextDue(p.review, Date.now()), Date.now(), t, lang);
		showSummary(text);
		announce.textContent = `${message} ${text}`;
		summary.querySelector<HTMLElement>('h2')?.focus();
	};

	const cardView = (e: Entry & { kind: 'card' }) => {
		const back = el('div', { className: 'review__back', id: `review-back-${at}` }, e.card.back.map((n) => document.importNode(n, true)));
		const flip = el('button', { type: 'button', className: 'button' }, [t('review.show')]);
		flip.setAttribute('aria-expanded', 'false');
		flip.setAttribute('aria-controls', back.id);
		const hint = el('p', { className: 'review__hint', id: `review-hint-${at}` }, [t('review.hint')]);
		const yes = el('button', { type: 'button', className: 'button', disabled: true }, [t('flashcards.knew')]);
		const no = el('button', { type: 'button', className: 'button button--quiet', disabled: true }, [t('flashcards.again')]);
		for (const b of [yes, no]) b.setAttribute('aria-describedby', hint.id);
		const card = el('div', { className: 'review__card' }, [el('p', { className: 'review__term' }, [e.card.front]), el('div', { className: 'review__face' }, [hint, back])]);
		card.dataset.flipped = 'false';
		flip.addEventListener('click', () => {
			const open = card.dataset.flipped !== 'true';
			card.dataset.flipped = String(open);
			flip.setAttribute('aria-expanded', String(open));
			flip.textContent = t(open ? 'review.hide' : 'review.show');
			yes.disabled = no.disabled = !open;
		});
		const grade = (knew: boolean) => {
			const item = gradeCard(e.card.term, knew, e.card.chapter.slug).review[cardKey(e.card.term)]!;
			if (knew) known++;
			next(gradeText(knew, item, Date.now(), t, lang));
		};
		yes.addEventListener('click', () => grade(true));
		no.addEventListener('click', () => grade(false));
		return el('article', { className: 'review__entry' }, [card, el('p', { className: 'review__actions' }, [flip, ' ', yes, ' ', no])]);
	};

	const questionView = (e: Entry & { kind: 'question' }) => {
		const quiz = document.importNode(e.question.quiz, true);
		const go = el('button', { type: 'button', className: 'button', hidden: true }, [t(at + 1 < entries.length ? 'review.next' : 'review.finish')]);
		const source = el('a', { href: e.question.source.href }, [t('practice.read', { source: e.question.source.label })]);
		const wrap = el('article', { className: 'review__entry' }, [quiz, el('p', { className: 'practice__source' }, [source]), el('p', { className: 'review__actions' }, [go])]);
		wrap.dataset.chapter = e.question.chapter.slug;
		let right = false;
		quiz.addEventListener(QUIZ_CHECKED, (ev) => {
			right = (ev as CustomEvent<{ correct: boolean }>).detail.correct;
			go.hidden = false;
		});
		go.addEventListener('click', () => {
			if (right) known++;
			next(t(right ? 'review.answeredRight' : 'review.answeredWrong'));
		});
		enhanceQuiz(quiz, t);
		return wrap;
	};

	const show = (message = '') => {
		const e = entries[at]!;
		counter.textContent = t('review.counter', { number: at + 1, total: entries.length, where: where(e) });
		stage.replaceChildren(e.kind === 'card' ? cardView(e) : questionView(e));
		announce.textContent = `${message ? `${message} ` : ''}${t('review.item', { number: at + 1, total: entries.length, where: where(e) })}`;
		// After a grade the buttons that had focus are gone: focus the next item's first control.
		if (at > 0) stage.querySelector<HTMLElement>('button:not([disabled]), input')?.focus();
	};
	show();
	announce.textContent = '';
}
