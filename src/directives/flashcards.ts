/**
 * `:::flashcards` — one list, one card per item: `- **Front**: back`. The bold text opening the item is the
 * front (a key term); the rest is the back. Fronts become glossary terms (id = slug of the front).
 */
import type { List, ListItem, Nodes, Paragraph, PhrasingContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { termId } from '../core/slug.ts';
import { el, text } from './mdast.ts';
import type { DirectiveSpec } from './types.ts';

export interface Flashcard {
	id: string;
	front: string;
	frontNodes: PhrasingContent[];
	/** The back as mdast (leading separator removed). */
	back: Nodes[];
	item: ListItem;
}

/** Parse a flashcards block; returns the cards it could read and the items it could not. */
export function flashcardParts(node: ContainerDirective): { list?: List; cards: Flashcard[]; invalid: Nodes[] } {
	const children = node.children.filter((c) => !(c.type === 'paragraph' && c.data?.directiveLabel));
	const lists = children.filter((c): c is List => c.type === 'list');
	const invalid: Nodes[] = children.filter((c) => c.type !== 'list');
	const list = lists[0];
	if (!list) return { cards: [], invalid };
	invalid.push(...lists.slice(1));
	const cards: Flashcard[] = [];
	for (const item of list.children) {
		const first = item.children[0];
		const strong = first?.type === 'paragraph' ? first.children[0] : undefined;
		if (!first || first.type !== 'paragraph' || strong?.type !== 'strong') {
			invalid.push(item);
			continue;
		}
		const rest = first.children.slice(1);
		// Drop the separator after the front: ":", "—", "-" or "–".
		const lead = rest[0];
		if (lead?.type === 'text') {
			const trimmed = lead.value.replace(/^\s*[:—–-]?\s*/, '');
			rest[0] = { ...lead, value: trimmed };
			if (!trimmed) rest.shift();
		}
		const back: Nodes[] = [...(rest.length ? [{ ...first, children: rest } as Paragraph] : []), ...item.children.slice(1)];
		if (back.length === 0 || !toString(back as never).trim()) {
			invalid.push(item);
			continue;
		}
		const front = toString(strong).trim();
		cards.push({ id: termId(front), front, frontNodes: strong.children, back, item });
	}
	return { list, cards, invalid };
}

export const flashcards: DirectiveSpec = {
	names: ['flashcards'],
	kinds: ['containerDirective'],
	summary: 'The key terms of a chapter as flashcards: `- **Term**: definition`. Each term joins the glossary.',
	example: ':::flashcards\n- **Hypervisor**: the layer that isolates instances; the provider maintains it.\n- **Least privilege**: grant only what a task needs.\n:::',
	attributes: {},
	check(node, ctx) {
		const { list, cards, invalid } = flashcardParts(node as ContainerDirective);
		if (!list) {
			ctx.report(node, 'flashcard-invalid', 'Flashcards need a list of cards', 'Write one list item per card: `- **Front**: back`.');
			return;
		}
		for (const bad of invalid)
			ctx.report(bad, 'flashcard-invalid', bad.type === 'listItem' ? 'Flashcard item does not start with a **bold** front followed by a back' : `Unexpected ${bad.type} in flashcards, expected only one list`, 'Write the card as `- **Front**: back`, with the term in bold and the definition after it.');
		const seen = new Set<string>();
		for (const c of cards) {
			const pos = c.item.position?.start;
			if (seen.has(c.id)) {
				// Reported here, and not collected: the course-wide glossary rule compares definitions across sets.
				ctx.report(c.item, 'glossary-conflict', `Flashcard "${c.front}" appears twice in this set`, 'Remove one of the two cards.');
				continue;
			}
			seen.add(c.id);
			ctx.collect.terms.push({ id: c.id, front: c.front, back: toString(c.back as never).trim(), line: pos?.line ?? 1, column: pos?.column ?? 1 });
		}
	},
	render(node, ctx) {
		const { cards } = flashcardParts(node as ContainerDirective);
		const label = (node as ContainerDirective).children.find((c) => c.type === 'paragraph' && c.data?.directiveLabel) as Paragraph | undefined;
		node.data = { hName: 'section', hProperties: { className: ['flashcards'], 'data-flashcards': '', 'aria-label': label ? toString(label) : ctx.ui.t('flashcards.title') } };
		node.children = [
			el('p', { className: ['flashcards__title'] }, label ? label.children : [text(ctx.ui.t('flashcards.title'))]),
			el(
				'ol',
				{ className: ['flashcards__list'] },
				cards.map((c) =>
					el('li', { className: ['flashcard'], id: `term-${c.id}`, 'data-term': c.id }, [
						el('p', { className: ['flashcard__front'] }, [el('dfn', {}, c.frontNodes)]),
						el('div', { className: ['flashcard__back'] }, c.back as never),
					]),
				),
			),
		] as never;
	},
};
