/**
 * HTML elements written in MDX pages (`<a>`, `<img>`, `<code>`, `<h2>`, `<div>` …) as Markdown, for those
 * chapters do not allow: chapters are Markdown with a few inline HTML elements (src/config/policy.ts).
 */
import { SAFE_ELEMENTS } from '../../config/policy.ts';
import type { Conversion, Element } from './components.ts';

/** Inline code around any text: a backtick run longer than any inside it, padded when the text touches one. */
export function inlineCode(text: string): string {
	const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
	const fence = '`'.repeat(longest + 1);
	const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
	return `${fence}${pad}${text}${pad}${fence}`;
}

export interface HtmlOptions {
	link(url: string): string;
	image(url: string): string;
	/** Whether the element stands alone on its lines (a block) or sits in a paragraph. */
	block: boolean;
}

/** undefined: an allowed element, kept as written. */
export function convertHtml(el: Element, options: HtmlOptions): Conversion | undefined {
	const name = el.name;
	if (SAFE_ELEMENTS.has(name)) return undefined;
	const heading = /^h([1-6])$/.exec(name);
	switch (true) {
		case name === 'a': {
			const href = el.attr('href');
			return typeof href === 'string' ? { text: `[${el.inner()}](${options.link(href)})` } : { cannot: '<a> without an href' };
		}
		case name === 'img': {
			const src = el.attr('src');
			if (typeof src !== 'string') return { cannot: '<img> without a plain src (Docusaurus `require(…)` images cannot be converted)' };
			const alt = el.attr('alt');
			return { text: `![${typeof alt === 'string' ? alt.replace(/[[\]]/g, '\\$&') : ''}](${options.image(src)})` };
		}
		case name === 'code':
			return { text: inlineCode(el.text()) };
		case name === 'strong' || name === 'b':
			return { text: `**${el.inner()}**` };
		case name === 'em' || name === 'i':
			return { text: `*${el.inner()}*` };
		case !!heading:
			return options.block ? { text: `${'#'.repeat(Number(heading![1]))} ${el.inner().replace(/\s*\n\s*/g, ' ')}` } : { cannot: `<${name}> inside a paragraph` };
		// Layout only: the content stays, the box goes.
		case name === 'div' || name === 'span' || name === 'p':
			return { text: el.inner(), dropped: [`the <${name}> around it`] };
	}
	return { cannot: `<${name}> is not one of the HTML elements chapters may use (${[...SAFE_ELEMENTS].join(', ')})` };
}
