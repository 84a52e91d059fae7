/** `:term[least privilege]` or `:term[the principle]{id=least-privilege}` — links to a glossary entry. */
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { termId } from '../core/slug.ts';
import { ID } from './attributes.ts';
import { el } from './mdast.ts';

/** The attribute that marks a term's empty tooltip for the page to fill. */
export const TERM_PLACEHOLDER = 'data-term-def';
import type { DirectiveSpec } from './types.ts';

export const termOf = (node: TextDirective) => node.attributes?.id ?? termId(toString(node));

export const term: DirectiveSpec = {
	names: ['term'],
	kinds: ['textDirective'],
	summary: 'Links a phrase to its glossary entry (a flashcard front anywhere in the course) and shows the definition on hover and focus.',
	example: 'Apply :term[least privilege] everywhere, or :term[the principle]{id=least-privilege}.',
	attributes: { id: { type: 'id', doc: 'glossary id when the text differs from the term' } },
	check(node, ctx) {
		// A malformed id is an invalid-attribute already; looking it up would add a second, vaguer error.
		const given = node.attributes?.id;
		if (given != null && !ID.test(given)) return;
		const pos = node.position?.start;
		ctx.collect.termUses.push({ id: termOf(node as TextDirective), line: pos?.line ?? 1, column: pos?.column ?? 1 });
	},
	render(node, ctx) {
		const id = termOf(node as TextDirective);
		const tipId = ctx.nextId('def');
		node.data = { hName: 'span', hProperties: { className: ['term'] } };
		node.children = [
			el('a', { href: `${ctx.base}glossary/#term-${id}`, className: ['term__link'], 'aria-describedby': tipId }, node.children as never),
			// The definition may come from another chapter: the page fills it in (src/render/terms.ts), so this
			// chapter's HTML depends on this chapter alone and can be cached by its content.
			el('span', { className: ['term__def'], role: 'tooltip', id: tipId, 'data-pagefind-ignore': '', [TERM_PLACEHOLDER]: id }),
		] as never;
	},
};
