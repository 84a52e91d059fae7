/**
 * Turns a `section.flashcards` list into a deck: one card at a time, flipped with a toggle button (click,
 * Enter or Space), previous/next and shuffle. Once a card is flipped it can be graded, "I knew it" or "Review
 * again", which schedules it for spaced review (leitner.ts) and moves on to the next card. Due cards come first,
 * then new ones, then those not due yet. One status region announces every move. Without JavaScript the section
 * stays the readable list it is.
 *
 * The list items stay in place (hidden except the current one), so their `#term-…` anchors keep working:
 * a link to a card shows it. The card keeps its height when flipped: the back and the "Flip card" hint share
 * one grid cell, and the hidden one is only invisible.
 */
import { cardKey, dueIn, isDue, isKnown, type ReviewItem } from './leitner.ts';
import { gradeCard, loadProgress } from './progress.ts';
import { shuffled } from './shuffle.ts';
import type { Translate } from './ui.ts';

export { shuffled };

/** 0: due for review, 1: new (never graded), 2: scheduled for later. */
export function cardRank(item: ReviewItem | undefined, now: number): number {
	if (!item) return 1;
	return isDue(item, now) ? 0 : 2;
}

/** Due cards first, then new ones, then the rest; authored order within each group. */
export function initialOrder(ids: readonly string[], rank: (id: string) => number): number[] {
	return ids.map((_, i) => i).sort((a, b) => rank(ids[a]!) - rank(ids[b]!) || a - b);
}

/** What a grade did: "Marked as known; next review in 2 days." (dates in the page's language). */
export function gradeText(knew: boolean, item: ReviewItem, now: number, t: Translate, lang = document.documentElement.lang): string {
	return t(knew ? 'flashcards.gradedKnown' : 'flashcards.gradedAgain', { when: dueIn(item.due, now, lang) });
}

function button(label: string, className: string, attrs: Record<string, string> = {}) {
	const b = document.createElement('button');
	b.type = 'button';
	b.className = className;
	b.textContent = label;
	for (const [k, v] of Object.entries(attrs)) b.setAttribute(k, v);
	return b;
}

let decks = 0;

export function enhanceDeck(section: HTMLElement, t: Translate) {
	const list = section.querySelector<HTMLOListElement>('.flashcards__list');
	const cards = [...(list?.querySelectorAll<HTMLLIElement>(':scope > .flashcard') ?? [])];
	if (!list || cards.length === 0 || section.dataset.deck !== undefined) return;
	section.dataset.deck = '';
	section.classList.add('flashcards--deck');
	const deckId = `deck-${++decks}`;
	const ids = cards.map((c, i) => c.dataset.term ?? `${deckId}-${i}`);
	const chapterOf = (i: number) => cards[i]!.dataset.chapter ?? section.closest<HTMLElement>('[data-chapter]')?.dataset.chapter ?? '';
	const review = loadProgress().review;
	const items = new Map(ids.map((id) => [id, review[cardKey(id)]]));
	let order = initialOrder(ids, (id) => cardRank(items.get(id), Date.now()));
	let pos = 0;

	// Each card's front becomes a toggle button; its back is what it reveals.
	const flips = cards.map((card, i) => {
		const front = card.querySelector<HTMLElement>('.flashcard__front');
		const back = card.querySelector<HTMLElement>('.flashcard__back');
		if (back) back.id ||= `${deckId}-back-${i}`;
		const flip = button('', 'flashcard__flip', { 'aria-pressed': 'false', ...(back ? { 'aria-controls': back.id } : {}) });
		const term = document.createElement('span');
		term.className = 'flashcard__term';
		term.append(...(front?.childNodes ?? []));
		flip.append(term);
		front?.replaceChildren(flip);
		const hint = document.createElement('span');
		hint.className = 'flashcard__hint';
		hint.setAttribute('aria-hidden', 'true');
		hint.textContent = t('flashcards.flip');
		front?.after(hint);
		return { card, flip, back };
	});

	const counter = document.createElement('p');
	counter.className = 'deck__counter';
	const announce = document.createElement('p');
	announce.className = 'deck__announce visually-hidden';
	announce.setAttribute('role', 'status');
	const status = document.createElement('p');
	status.className = 'deck__status';
	const nav = document.createElement('div');
	nav.className = 'deck__nav';
	const prev = button(t('flashcards.previous'), 'button button--quiet', { 'data-deck-prev': '' });
	const next = button(t('flashcards.next'), 'button button--quiet', { 'data-deck-next': '' });
	const shuffle = button(t('flashcards.shuffle'), 'button button--quiet', { 'data-deck-shuffle': '' });
	nav.append(prev, next, shuffle);
	const grade = document.createElement('div');
	grade.className = 'deck__grade';
	const gradeHint = document.createElement('span');
	gradeHint.className = 'deck__grade-hint';
	gradeHint.id = `${deckId}-grade-hint`;
	gradeHint.textContent = t('flashcards.gradeHint');
	const knew = button(t('flashcards.knew'), 'button', { 'data-deck-knew': '', 'aria-describedby': gradeHint.id });
	const again = button(t('flashcards.again'), 'button button--quiet', { 'data-deck-again': '', 'aria-describedby': gradeHint.id });
	grade.append(knew, again, gradeHint);
	list.before(counter);
	list.after(nav, grade, status, announce);

	const current = () => order[pos]!;
	const isFlipped = (i: number) => flips[i]!.flip.getAttribute('aria-pressed') === 'true';
	const setFlipped = (i: number, flipped: boolean) => {
		const f = flips[i]!;
		f.flip.setAttribute('aria-pressed', String(flipped));
		f.card.dataset.flipped = String(flipped);
		if (i === current()) {
			knew.disabled = again.disabled = !flipped;
			gradeHint.hidden = flipped;
		}
	};
	const where = () => t('flashcards.where', { number: pos + 1, total: order.length, term: flips[current()]!.flip.textContent?.trim() ?? '' });

	const render = (message = '') => {
		flips.forEach((f, i) => {
			f.card.hidden = i !== current();
			f.card.dataset.learned = String(isKnown(items.get(ids[i]!)));
		});
		setFlipped(current(), false);
		counter.textContent = t('flashcards.counter', { number: pos + 1, total: order.length });
		const known = ids.filter((id) => isKnown(items.get(id))).length;
		const now = Date.now();
		const due = ids.filter((id) => cardRank(items.get(id), now) === 0).length;
		status.textContent =
			known === ids.length
				? t('flashcards.allLearned', { count: ids.length })
				: due
					? t('flashcards.learnedDue', { count: known, total: ids.length, due })
					: t('flashcards.learned', { count: known, total: ids.length });
		// One announcement per move: what happened, then where the learner is now.
		announce.textContent = `${message ? `${message} ` : ''}${where()}`;
	};

	const go = (to: number, message = '') => {
		pos = (to + order.length) % order.length;
		render(message);
	};

	const gradeCurrent = (known: boolean) => {
		const i = current();
		if (!isFlipped(i)) return;
		const id = ids[i]!;
		const now = Date.now();
		const item = gradeCard(id, known, chapterOf(i), now).review[cardKey(id)]!;
		items.set(id, item);
		go(pos + 1, gradeText(known, item, now, t));
	};

	flips.forEach((f, i) => {
		f.flip.addEventListener('click', () => setFlipped(i, !isFlipped(i)));
		// A click anywhere on the card flips it too, except on links and buttons inside it.
		f.card.addEventListener('click', (e) => {
			if ((e.target as Element).closest('a, button, input, summary')) return;
			setFlipped(i, !isFlipped(i));
		});
	});
	prev.addEventListener('click', () => go(pos - 1));
	next.addEventListener('click', () => go(pos + 1));
	shuffle.addEventListener('click', () => {
		order = shuffled(order);
		go(0, t('flashcards.shuffled'));
	});
	knew.addEventListener('click', () => gradeCurrent(true));
	again.addEventListener('click', () => gradeCurrent(false));

	/** A link to a card (`#term-…`, e.g. from search or the glossary) shows it, definition side up. */
	const showHash = () => {
		const target = decodeURIComponent(location.hash.slice(1));
		// Cards without an id (the glossary's deck) are never the target of a link.
		const i = target ? cards.findIndex((c) => c.id === target) : -1;
		if (i === -1) return false;
		go(order.indexOf(i));
		setFlipped(i, true);
		// The whole deck, counter included, rather than just the card the browser would scroll to.
		section.scrollIntoView({ block: 'start' });
		return true;
	};
	window.addEventListener('hashchange', showHash);
	render();
	// The first render announces nothing: the learner has not moved yet.
	announce.textContent = '';
	// On arrival the browser scrolls to the fragment after this runs; scroll to the deck once it has.
	if (showHash() && document.readyState !== 'complete') window.addEventListener('load', () => section.scrollIntoView({ block: 'start' }), { once: true });
}

export function enhanceDecks(t: Translate, root: ParentNode = document) {
	for (const section of root.querySelectorAll<HTMLElement>('section.flashcards')) enhanceDeck(section, t);
}
