/**
 * HTML elements written in MDX pages (`<a>`, `<img>`, `<code>`, `<h2>`, `<div>` …) as Markdown, for those
 * chapters do not allow: chapters are Markdown with a few inline HTML elements (src/config/policy.ts).
 */
import { SAFE_ELEMENTS } from '../../config/policy.ts';
import type { Conversion, Element } from './components.ts';

/** Elements that have no closing tag. */
export const VOID: ReadonlySet<string> = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** An opening tag as written in a Markdown page: its name (as written) and attributes (a bare one is `true`). */
export interface Tag {
	name: string;
	attrs: Map<string, string | true>;
	/** Written `<name … />`. */
	selfClosing: boolean;
}

const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gy;
const CHARACTER = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** `<span class="x" hidden>` → { name: 'span', attrs: { class: 'x', hidden: true } }; undefined when it is not one opening tag. */
export function openingTag(html: string): Tag | undefined {
	const m = /^<([A-Za-z][\w-]*)/.exec(html.trim());
	if (!m) return undefined;
	const text = html.trim();
	const attrs = new Map<string, string | true>();
	ATTRIBUTE.lastIndex = m[0].length;
	let at = m[0].length;
	for (let a = ATTRIBUTE.exec(text); a; a = ATTRIBUTE.exec(text)) {
		const value = a[2] ?? a[3] ?? a[4];
		attrs.set(a[1]!, value === undefined ? true : value.replace(CHARACTER, (_, dec, hex, name) => (name ? NAMED[name.toLowerCase()]! : String.fromCodePoint(Number.parseInt(dec ?? hex, dec ? 10 : 16)))));
		at = ATTRIBUTE.lastIndex;
	}
	const close = /^\s*(\/?)>$/.exec(text.slice(at));
	return close ? { name: m[1]!, attrs, selfClosing: close[1] === '/' } : undefined;
}

/** An `alt` as Markdown image text: on one line, brackets escaped. */
export const altText = (alt: string | true | undefined) => (typeof alt === 'string' ? alt.replace(/\s+/g, ' ').trim().replace(/[[\]]/g, '\\$&') : '');

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

/**
 * `<code>` as inline code. Markdown has no link inside code: `<code>a | <a href="…">B</a></code>` is cut
 * around the link, whose text is code too (`` `a |` [`B`](…) ``).
 */
function code(el: Element, options: HtmlOptions): Conversion {
	const parts = el.parts();
	if (parts.every((p) => 'value' in p)) return { text: inlineCode(el.text()) };
	let out = '';
	for (const p of parts) {
		if ('value' in p) out += p.value.trim() ? inlineCode(p.value) : p.value;
		else if (p.name === 'a' && typeof p.attr('href') === 'string' && p.parts().every((q) => 'value' in q)) out += `[${inlineCode(p.text())}](${options.link(p.attr('href') as string)})`;
		else return { cannot: `<code> holding <${p.name}>` };
	}
	return { text: out };
}

/** undefined: an allowed element, kept as written. */
export function convertHtml(el: Element, options: HtmlOptions): Conversion | undefined {
	const name = el.name;
	if (SAFE_ELEMENTS.has(name)) return undefined;
	const heading = /^h([1-6])$/.exec(name);
	switch (true) {
		case name === 'a': {
			const href = el.attr('href');
			if (typeof href === 'string') return { text: `[${el.inner()}](${options.link(href)})` };
			// `<a id="old-heading"></a>`: a target kept for old links; a chapter's ids are its headings'.
			const id = el.attr('id') ?? el.attr('name');
			if (typeof id === 'string' && !el.text().trim()) return { text: '', dropped: [`the anchor #${id} (a link to it reaches the page, not this place)`] };
			return { cannot: '<a> without an href' };
		}
		case name === 'img': {
			const src = el.attr('src');
			if (typeof src !== 'string') return { cannot: '<img> without a plain src (Docusaurus `require(…)` images cannot be converted)' };
			return { text: `![${altText(el.attr('alt'))}](${options.image(src)})`, dropped: el.attrs.filter((a) => a !== 'src' && a !== 'alt') };
		}
		case name === 'code':
			return code(el, options);
		case name === 'strong' || name === 'b':
			return { text: `**${el.inner()}**` };
		case name === 'em' || name === 'i':
			return { text: `*${el.inner()}*` };
		case !!heading: {
			if (!options.block) return { cannot: `<${name}> inside a paragraph` };
			// `<h3 id="custom-id">` keeps its id as this language writes one (`### Text {#custom-id}`).
			const id = el.attr('id');
			const keep = typeof id === 'string' && /^[A-Za-z][A-Za-z0-9_-]{0,79}$/.test(id);
			return { text: `${'#'.repeat(Number(heading![1]))} ${el.inner().replace(/\s*\n\s*/g, ' ')}${keep ? ` {#${id}}` : ''}`, dropped: el.attrs.filter((a) => !(a === 'id' && keep)) };
		}
		// Layout only: the content stays, the box goes.
		case name === 'div' || name === 'span' || name === 'p':
			return { text: el.inner(), dropped: [`the <${name}> around it`] };
	}
	return { cannot: `<${name}> is not one of the HTML elements chapters may use (${[...SAFE_ELEMENTS].join(', ')})` };
}
