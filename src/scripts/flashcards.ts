/**
 * Turns a `section.flashcards` list into a deck: one card at a time, flipped with a toggle button (click,
 * Enter or Space), previous/next, shuffle, and "I knew it" / "Review again", which reorder the deck and
 * remember learned cards in progress. Without JavaScript the section stays the readable list it is.
 *
 * The list items stay in place (hidden except the current one), so their `#term-…` anchors keep working:
 * a link to a card shows it.
 */
import { loadProgress, setLearned } from './progress.ts';
import type { Translate } from './ui.ts';

/** Cards still to learn first (in authored order), then the learned ones. */
export function initialOrder(ids: readonly string[], learned: (id: string) => boolean): number[] {
	const all = ids.map((_, i) => i);
	return [...all.filter((i) => !learned(ids[i]!)), ...all.filter((i) => learned(ids[i]!))];
}

/** Move the card at `pos` to index `to` (after removal). */
function move(order: readonly number[], pos: number, to: number): number[] {
	const next = [...order];
	const [card] = next.splice(pos, 1);
	next.splice(Math.min(Math.max(to, 0), next.length), 0, card!);
	return next;
}

/** "I knew it": the card leaves the queue for the back of the deck. */
export const knewIt = (order: readonly number[], pos: number) => move(order, pos, order.length - 1);

/** "Review again": the card goes back behind the cards still to learn, ahead of the learned ones. */
export function reviewAgain(order: readonly number[], pos: number, learned: (card: number) => boolean): number[] {
	const rest = order.filter((_, i) => i !== pos);
	const firstLearned = rest.findIndex((card, i) => i >= pos && learned(card));
	return move(order, pos, firstLearned === -1 ? rest.length : firstLearned);
}

export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
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
	const learned = new Set(ids.filter((id) => loadProgress().learned[id] !== undefined));
	let order = initialOrder(ids, (id) => learned.has(id));
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
		const hint = document.createElement('span');
		hint.className = 'flashcard__hint';
		hint.setAttribute('aria-hidden', 'true');
		hint.textContent = t('flashcards.flip');
		flip.append(term, hint);
		front?.replaceChildren(flip);
		return { card, flip, back };
	});

	const counter = document.createElement('p');
	counter.className = 'deck__counter';
	counter.setAttribute('aria-live', 'polite');
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
	const knew = button(t('flashcards.knew'), 'button', { 'data-deck-knew': '' });
	const again = button(t('flashcards.again'), 'button button--quiet', { 'data-deck-again': '' });
	grade.append(knew, again);
	list.before(counter);
	list.after(nav, grade, status);

	const setFlipped = (i: number, flipped: boolean) => {
		const f = flips[i]!;
		f.flip.setAttribute('aria-pressed', String(flipped));
		f.card.dataset.flipped = String(flipped);
		if (f.back) f.back.hidden = !flipped;
	};

	const render = () => {
		const current = order[pos]!;
		flips.forEach((f, i) => {
			f.card.hidden = i !== current;
			setFlipped(i, false);
			f.card.dataset.learned = String(learned.has(ids[i]!));
		});
		counter.textContent = t('flashcards.counter', { number: pos + 1, total: order.length });
		status.textContent = learned.size === ids.length ? t('flashcards.allLearned', { count: ids.length }) : t('flashcards.learned', { count: learned.size, total: ids.length });
	};

	const go = (to: number) => {
		pos = (to + order.length) % order.length;
		render();
	};

	/** After grading, show the next card in the queue (the graded card may have stayed where it was). */
	const regrade = (reordered: number[]) => {
		const graded = order[pos];
		order = reordered;
		if (order[pos] === graded) pos = (pos + 1) % order.length;
		render();
	};

	flips.forEach((f, i) => {
		f.flip.addEventListener('click', () => setFlipped(i, f.flip.getAttribute('aria-pressed') !== 'true'));
		// A click anywhere on the card flips it too, except on links and buttons inside it.
		f.card.addEventListener('click', (e) => {
			if ((e.target as Element).closest('a, button, input, summary')) return;
			setFlipped(i, f.flip.getAttribute('aria-pressed') !== 'true');
		});
	});
	prev.addEventListener('click', () => go(pos - 1));
	next.addEventListener('click', () => go(pos + 1));
	shuffle.addEventListener('click', () => {
		order = shuffled(order);
		go(0);
	});
	knew.addEventListener('click', () => {
		const id = ids[order[pos]!]!;
		learned.add(id);
		setLearned(id, true);
		regrade(knewIt(order, pos));
	});
	again.addEventListener('click', () => {
		const id = ids[order[pos]!]!;
		learned.delete(id);
		setLearned(id, false);
		regrade(reviewAgain(order, pos, (card) => learned.has(ids[card]!)));
	});

	/** A link to a card (`#term-…`, e.g. from search or the glossary) shows it, definition side up. */
	const showHash = () => {
		const target = decodeURIComponent(location.hash.slice(1));
		const i = cards.findIndex((c) => c.id === target);
		if (i === -1) return false;
		go(order.indexOf(i));
		setFlipped(i, true);
		// The whole deck, counter included, rather than just the card the browser would scroll to.
		section.scrollIntoView({ block: 'start' });
		return true;
	};
	window.addEventListener('hashchange', showHash);
	render();
	// On arrival the browser scrolls to the fragment after this runs; scroll to the deck once it has.
	if (showHash() && document.readyState !== 'complete') window.addEventListener('load', () => section.scrollIntoView({ block: 'start' }), { once: true });
}

export function enhanceDecks(t: Translate, root: ParentNode = document) {
	for (const section of root.querySelectorAll<HTMLElement>('section.flashcards')) enhanceDeck(section, t);
}
