/**
 * The glossary's "Study all terms as flashcards": a deck of every term on the page, built on first use from the
 * glossary entries themselves (flashcards.ts does the rest: flip, grade, the Leitner schedule). Without
 * JavaScript the button stays hidden and the glossary is the list it is.
 */
import { enhanceDeck } from './flashcards.ts';
import type { Translate } from './ui.ts';

export function buildDeck(entries: readonly HTMLElement[], t: Translate): HTMLElement {
	const section = document.createElement('section');
	section.className = 'flashcards';
	section.setAttribute('aria-labelledby', 'glossary-deck-title');
	const title = document.createElement('h2');
	title.className = 'flashcards__title';
	title.id = 'glossary-deck-title';
	title.textContent = t('flashcards.deckAll');
	const list = document.createElement('ol');
	list.className = 'flashcards__list';
	for (const entry of entries) {
		const li = document.createElement('li');
		li.className = 'flashcard';
		li.dataset.term = entry.dataset.term ?? '';
		li.dataset.chapter = entry.dataset.chapter ?? '';
		const front = document.createElement('p');
		front.className = 'flashcard__front';
		const dfn = document.createElement('dfn');
		dfn.textContent = entry.querySelector('dfn')?.textContent ?? '';
		front.append(dfn);
		const back = document.createElement('div');
		back.className = 'flashcard__back';
		// The definition's copy must not repeat the ids of the tooltips in the entry it comes from.
		const def = entry.querySelector('.gl-entry__def')?.cloneNode(true) as HTMLElement | undefined;
		for (const e of def?.querySelectorAll('[id]') ?? []) e.removeAttribute('id');
		for (const e of def?.querySelectorAll('[aria-describedby]') ?? []) e.removeAttribute('aria-describedby');
		back.append(...(def?.childNodes ?? []));
		li.append(front, back);
		list.append(li);
	}
	section.append(title, list);
	return section;
}

export function offerGlossaryDeck(t: Translate, root: ParentNode = document) {
	const offer = root.querySelector<HTMLElement>('[data-glossary-deck-open]');
	const button = offer?.querySelector<HTMLButtonElement>('button');
	const holder = root.querySelector<HTMLElement>('[data-glossary-deck]');
	if (!offer || !button || !holder) return;
	offer.hidden = false;
	button.addEventListener('click', () => {
		if (!holder.firstChild) {
			const deck = buildDeck([...root.querySelectorAll<HTMLElement>('.gl-entry[data-term]')], t);
			holder.append(deck);
			enhanceDeck(deck, t);
		}
		const open = holder.hidden;
		holder.hidden = !open;
		button.setAttribute('aria-expanded', String(open));
		button.textContent = open ? t('flashcards.deckClose') : (button.dataset.label ?? button.textContent);
		if (open) holder.querySelector<HTMLElement>('.flashcard:not([hidden]) .flashcard__flip')?.focus();
	});
	button.dataset.label = button.textContent ?? '';
}
