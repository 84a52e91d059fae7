/**
 * The components of Starlight (`@astrojs/starlight/components`) and Docusaurus (`@theme/…`) that have an
 * equivalent in this language, and how each is written in it. A converter gets the element's attributes and
 * its converted content; it returns the replacement text, or a reason it cannot convert the element.
 */
import { escapeLabel } from './prepass.ts';

/** What a converter sees of one JSX element. */
export interface Element {
	name: string;
	/** Where the element is in the source, for notes. */
	position?: { start: { line: number } } | undefined;
	/** An attribute's value: text, `true` for a bare attribute, undefined when absent or not a plain value. */
	attr(name: string): string | true | undefined;
	/** Attribute names present, for reporting the ones a conversion drops. */
	attrs: string[];
	/** The converted content (Markdown), dedented, without surrounding blank lines. */
	inner(): string;
	/** The plain text of the content. */
	text(): string;
	/** Child elements (for Tabs), each with its own view. */
	elements(): Element[] | { stray: string };
	/** The content as a run of text and elements (for `<code>` holding a link). */
	parts(): Part[];
}

/** A piece of an element's content: its plain text, or an element. */
export type Part = { value: string } | Element;

export type Conversion = { text: string; dropped?: string[] } | { cannot: string };

/** Callout kinds of both generators, as this language names them. */
export const CALLOUT_NAMES: Record<string, string> = {
	note: 'note',
	tip: 'tip',
	info: 'info',
	important: 'important',
	caution: 'caution',
	warning: 'warning',
	danger: 'danger',
	// Older Docusaurus (Infima) names.
	secondary: 'note',
	success: 'tip',
};

/** A fence one colon longer than any inside `inner`, so that nested directives close where they should. */
export function fenceFor(inner: string, minimum = 3): string {
	let longest = 0;
	for (const m of inner.matchAll(/^[ \t]*(:{3,})/gm)) longest = Math.max(longest, m[1]!.length);
	return ':'.repeat(Math.max(minimum, longest + 1));
}

const block = (fence: string, opening: string, inner: string) => `${fence}${opening}\n${inner ? `${inner}\n` : ''}${fence}`;

/** A directive attribute value, quoted so that any text survives. */
export function attrValue(v: string): string {
	if (!v.includes('"')) return `"${v}"`;
	if (!v.includes("'")) return `'${v}'`;
	return `"${v.replaceAll('"', '&quot;')}"`;
}

const str = (v: string | true | undefined) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function callout(el: Element, typeAttr: string, fallback: string): Conversion {
	const type = str(el.attr(typeAttr)) ?? fallback;
	const kind = CALLOUT_NAMES[type];
	if (!kind) return { cannot: `${typeAttr}="${type}" is not a callout kind (${Object.keys(CALLOUT_NAMES).join(', ')})` };
	const title = str(el.attr('title'));
	const inner = el.inner();
	return { text: block(fenceFor(inner), `${kind}${title ? `[${escapeLabel(title)}]` : ''}`, inner), dropped: el.attrs.filter((a) => a !== typeAttr && a !== 'title') };
}

function wrap(name: string): (el: Element) => Conversion {
	return (el) => {
		const inner = el.inner();
		return { text: block(fenceFor(inner), name, inner), dropped: el.attrs };
	};
}

/** Label of a Docusaurus `values={[{label: 'Apple', value: 'apple'}, …]}` entry, when the TabItem has none. */
export function valuesLabels(expression: string | undefined): Map<string, string> {
	const labels = new Map<string, string>();
	for (const m of (expression ?? '').matchAll(/\{([^{}]*)\}/g)) {
		const field = (k: string) => new RegExp(`\\b${k}\\s*:\\s*(['"\`])((?:(?!\\1).)*)\\1`).exec(m[1]!)?.[2];
		const value = field('value');
		const label = field('label');
		if (value !== undefined) labels.set(value, label ?? value);
	}
	return labels;
}

function tabs(el: Element, valuesExpression?: string): Conversion {
	const items = el.elements();
	if ('stray' in items) return { cannot: `it holds ${items.stray}, expected only <TabItem> elements` };
	if (items.length === 0) return { cannot: 'it has no <TabItem>' };
	const fromValues = valuesLabels(valuesExpression);
	const parts: { label: string; value?: string; inner: string; isDefault: boolean }[] = [];
	for (const item of items) {
		if (item.name !== 'TabItem') return { cannot: `it holds <${item.name}>, expected only <TabItem> elements` };
		const value = str(item.attr('value'));
		const label = str(item.attr('label')) ?? (value ? fromValues.get(value) ?? value : undefined);
		if (!label) return { cannot: 'a <TabItem> has no label (or value)' };
		parts.push({ label, ...(value ? { value } : {}), inner: item.inner(), isDefault: item.attr('default') === true });
	}
	const wanted = str(el.attr('defaultValue'));
	const chosen = parts.find((p) => p.isDefault) ?? (wanted ? parts.find((p) => p.value === wanted) : undefined);
	const tabFence = fenceFor(parts.map((p) => p.inner).join('\n'));
	const outer = `${tabFence}:`;
	const body = parts.map((p) => block(tabFence, `tab[${escapeLabel(p.label)}]`, p.inner)).join('\n');
	const dropped = el.attrs.filter((a) => a !== 'defaultValue' && a !== 'values');
	return { text: `${outer}tabs${chosen ? `{default=${attrValue(chosen.label)}}` : ''}\n${body}\n${outer}`, dropped };
}

function card(el: Element): Conversion {
	const title = str(el.attr('title'));
	if (!title) return { cannot: 'a card needs a title' };
	const inner = el.inner();
	return { text: block(fenceFor(inner), `card{title=${attrValue(title)}}`, inner), dropped: el.attrs.filter((a) => a !== 'title') };
}

/** `<LinkCard title href description>`: a link with its description, as a paragraph (the link is converted too). */
function linkCard(el: Element, link: (url: string) => string): Conversion {
	const title = str(el.attr('title'));
	const href = str(el.attr('href'));
	if (!title || !href) return { cannot: 'a link card needs a title and an href' };
	const description = str(el.attr('description'));
	return { text: `**[${escapeLabel(title)}](${link(href)})**${description ? ` — ${description}` : ''}`, dropped: el.attrs.filter((a) => !['title', 'href', 'description'].includes(a)) };
}

/**
 * `<Listing number="4-1" file-name="src/main.rs" caption="…">` (the Rust book's mdBook listings): its code
 * block, titled with the file name, then the caption as a paragraph — mdBook's own Markdown rendering of it.
 */
function listing(el: Element): Conversion {
	const file = str(el.attr('file-name'));
	const number = str(el.attr('number'));
	const caption = str(el.attr('caption'));
	let inner = el.inner();
	const single = /^(`{3,}|~{3,})([^\n]*)\n[\s\S]*\n\1[ \t]*$/.exec(inner);
	if (file && single && !/\btitle=/.test(single[2]!)) {
		const info = single[2]!.trim();
		inner = `${single[1]}${info || 'text'} title=${attrValue(file)}${inner.slice(single[0].indexOf('\n'))}`;
	} else if (file) inner = `Filename: ${file}\n\n${inner}`;
	const label = number ? `Listing ${number}${caption ? `: ${caption}` : ''}` : caption;
	return { text: label ? `${inner}\n\n${escapeText(label)}` : inner, dropped: el.attrs.filter((a) => !['file-name', 'number', 'caption'].includes(a)) };
}

/** Markdown text that MDX reads as text: `<` and `{` escaped outside code spans. */
export const escapeText = (text: string) => text.split(/(`+[^`]*`+)/).map((part, i) => (i % 2 ? part : part.replace(/(?<!\\)[<{}]/g, (c) => (c === '<' ? '&lt;' : `\\${c}`)))).join('');

export interface ConvertOptions {
	/** Convert a link target the way Markdown links are converted. */
	link(url: string): string;
	/** Raw source of an attribute written as an expression (`values={[…]}`). */
	expression(name: string): string | undefined;
}

/** Block-level components. Returns undefined for a component this table does not know. */
export function convertComponent(el: Element, options: ConvertOptions): Conversion | undefined {
	switch (el.name) {
		case 'Aside':
			return callout(el, 'type', 'note');
		case 'Admonition':
			return callout(el, 'type', 'note');
		case 'Tabs':
			return tabs(el, options.expression('values'));
		case 'Steps':
			return wrap('steps')(el);
		case 'FileTree':
			return wrap('file-tree')(el);
		case 'Card':
			return card(el);
		case 'CardGrid': {
			// A grid is layout: its cards follow each other.
			return { text: el.inner(), dropped: el.attrs };
		}
		case 'LinkCard':
			return linkCard(el, options.link);
		case 'LinkButton': {
			const href = str(el.attr('href'));
			return href ? { text: `**[${el.inner()}](${options.link(href)})**`, dropped: el.attrs.filter((a) => a !== 'href') } : { cannot: 'a link button needs an href' };
		}
		case 'Badge': {
			const text = str(el.attr('text'));
			return text ? { text: `<small>${text.replace(/[<{}]/g, (c) => (c === '<' ? '&lt;' : `\\${c}`))}</small>`, dropped: el.attrs.filter((a) => a !== 'text') } : { cannot: 'a badge needs a text' };
		}
		case 'Icon':
			return { text: '', dropped: ['the icon'] };
		case 'Listing':
			return listing(el);
		// `<Fragment>` (Astro, React) and `<>` group content without adding anything: the content stays. A
		// `slot=` only says where a component shows it (a preview frame's tab, once that frame is unwrapped).
		case 'Fragment':
		case '':
			return { text: el.inner(), dropped: el.attrs };
	}
	return undefined;
}
