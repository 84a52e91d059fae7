/**
 * Term tooltips are rendered empty, marked with the term's id (src/directives/term.ts): a definition may live in
 * another chapter, and a chapter's HTML must depend on the chapter alone to be cached by its content. Pages fill
 * them in from the glossary. The pattern matches only what our own renderer writes, attribute by attribute.
 */
import { TERM_PLACEHOLDER } from '../directives/term.ts';

export interface TermText {
	front: string;
	text: string;
}

const PLACEHOLDER = new RegExp(`<span class="term__def"([^<>]*?) ${TERM_PLACEHOLDER}="([a-z0-9-]+)"></span>`, 'g');

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function fillTerms(html: string, glossary: (id: string) => TermText | undefined): string {
	return html.replace(PLACEHOLDER, (_, attrs: string, id: string) => {
		const entry = glossary(id);
		return `<span class="term__def"${attrs}>${entry ? escapeHtml(`${entry.front}: ${entry.text}`) : ''}</span>`;
	});
}
