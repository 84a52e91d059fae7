/**
 * Converts the body of one page. The page is parsed (as MDX, or as Markdown for `.md` pages that are not
 * MDX) and written back from its own source: every node is copied as written unless it needs a change, so
 * prose, code and formatting survive byte for byte. Changed: components (./components.ts), imports, MDX
 * comments, admonition names and attributes, link targets, and — for Markdown pages — what MDX would read
 * as code (`<`, `{`), autolinks and HTML. What cannot be converted stays as written and is a note.
 */
import type { Code, Heading, Html, Nodes, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SAFE_ELEMENTS } from '../../config/policy.ts';
import { altText, convertHtml, openingTag, type Tag, VOID } from './html.ts';
import { splitFrontmatter } from '../../syntax/frontmatter.ts';
import { parseChapter } from '../../syntax/parse.ts';
import { convertCode } from './code.ts';
import { CALLOUT_NAMES, type Conversion, convertComponent, type Element, fenceFor, type Part } from './components.ts';
import type { LinkResult } from './links.ts';
import { expandIncludes, type Reader, splitInfo, visibleRustLines } from './mdbook.ts';
import { prepass } from './prepass.ts';
import type { Flavour, Note } from './types.ts';

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();

export interface BodyOptions {
	flavour: Flavour;
	/** `.md` or `.mdx`: Starlight reads `.md` as Markdown, Docusaurus (v3) as MDX unless it does not parse. */
	extension: '.md' | '.mdx';
	/** A link or image target, converted (./links.ts). */
	resolve(url: string, kind: 'link' | 'image'): LinkResult;
	/** Components that only frame their content (a site's own preview boxes): replaced by their content. */
	unwrap?: ReadonlySet<string>;
	/** The page is in an mdBook: its code blocks pull files in with `{{#include}}` (./mdbook.ts). */
	book?: { read: Reader };
	/** The page's title from elsewhere (mdBook's SUMMARY.md): a leading heading that says it is the title. */
	title?: string;
}

export interface Body {
	/** The converted body (everything after the frontmatter). */
	text: string;
	/** A leading `# heading`, removed from the body (the chapter title is the page's heading). */
	heading?: string;
	/** Plain text of the first paragraph, for a missing description. */
	firstParagraph?: string;
	notes: Note[];
}

// The MDX node types, as remark-mdx registers them with mdast.
type MdxJsxFlowElement = Extract<Nodes, { type: 'mdxJsxFlowElement' }>;
type MdxJsxTextElement = Extract<Nodes, { type: 'mdxJsxTextElement' }>;
type Jsx = MdxJsxFlowElement | MdxJsxTextElement;
type MdxJsxAttribute = Extract<Jsx['attributes'][number], { type: 'mdxJsxAttribute' }>;
type MdxJsxExpressionAttribute = Extract<Jsx['attributes'][number], { type: 'mdxJsxExpressionAttribute' }>;
const isJsx = (n: Nodes): n is Jsx => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';
const start = (n: Nodes) => n.position!.start.offset!;
const end = (n: Nodes) => n.position!.end.offset!;

interface Page {
	/** The source after the line-level rewrites (./prepass.ts), which every offset of the tree points into. */
	src: string;
	bodyStart: number;
	tree: Root;
	/** Read as Markdown (not MDX): text that MDX reads as code is escaped on the way out. */
	asMarkdown: boolean;
	notes: Note[];
}

/** The page parsed as the source generator reads it: the Body of a page that cannot be parsed. */
function parsePage(source: string, options: BodyOptions): Page | Body {
	const pre = prepass(source, { unwrapMdxCodeBlocks: options.flavour === 'docusaurus', dropHtmlComments: true });
	const notes: Note[] = [...pre.notes];
	let src = pre.text;
	// The body starts after the frontmatter; the parser sees it blanked, so offsets stay the file's own.
	const bodyStart = splitFrontmatter(src).frontmatter?.bodyOffset ?? 0;
	let parseText = pre.parseText.slice(0, bodyStart).replace(/[^\n]/g, ' ') + pre.parseText.slice(bodyStart);
	const asMarkdown = options.flavour === 'starlight' && options.extension === '.md';
	// The checker's own parser, so that what the importer reads as MDX is what the check reads.
	let parsed = asMarkdown ? undefined : parseChapter(parseText);
	// MDX 1 (Docusaurus 2) read `{…}` in text as text unless it was JavaScript: braces MDX 3 cannot read as
	// an expression are escaped, one at a time, each a note (a page has few; the limit bounds the parses).
	for (let tries = 0; options.flavour === 'docusaurus' && options.extension === '.mdx' && parsed && 'error' in parsed && tries < 20; tries++) {
		const brace = textBrace(parseText, parsed.error);
		if (brace === undefined) break;
		const [open, close] = brace;
		const escape = (t: string) => `${t.slice(0, open)}\\${t.slice(open, close)}\\${t.slice(close)}`;
		notes.push({ line: parsed.error.line, text: `${src.slice(open, close + 1)} is not a JavaScript expression: escaped, as text (MDX 1 read it so)` });
		src = escape(src);
		parseText = escape(parseText);
		parsed = parseChapter(parseText);
	}
	if (!parsed || 'tree' in parsed) return { src, bodyStart, tree: parsed?.tree ?? (markdown.parse(parseText) as Root), asMarkdown, notes };
	if (options.extension === '.mdx') {
		notes.push({ line: parsed.error.line, construct: 'the page', text: `it is not valid MDX (${parsed.error.message}); copied as written` });
		return { text: src.slice(bodyStart), notes };
	}
	// Docusaurus reads .md as MDX, but a page that does not parse so was written as plain Markdown.
	notes.push({ line: 1, text: 'read as plain Markdown (it is not valid MDX): its < and { are escaped' });
	return { src, bodyStart, tree: markdown.parse(parseText) as Root, asMarkdown: true, notes };
}

/**
 * The braces of the `{…}` an MDX parse error points into, when the error is an expression that does not parse
 * and the braces are on one line (`<code>{#custom-id}</code>`): offsets of `{` and `}`.
 */
function textBrace(text: string, error: { line: number; column: number; message: string }): [number, number] | undefined {
	if (!/expression/i.test(error.message)) return undefined;
	let lineAt = 0;
	for (let l = 1; l < error.line; l++) lineAt = text.indexOf('\n', lineAt) + 1;
	const lineEnd = text.indexOf('\n', lineAt) === -1 ? text.length : text.indexOf('\n', lineAt);
	const at = Math.min(lineAt + error.column - 1, lineEnd);
	const open = text.lastIndexOf('{', at);
	if (open < lineAt || text[open - 1] === '\\') return undefined;
	const close = text.indexOf('}', open);
	return close === -1 || close > lineEnd ? undefined : [open, close];
}

/** The page's children after its frontmatter. */
const contentOf = (page: Page) => page.tree.children.filter((c) => c.type !== 'yaml' && c.position && start(c) >= page.bodyStart);

/**
 * The leading heading that is the page's title, and is removed from the body: a `# heading` first after the
 * imports, or a heading of any level that says what options.title says.
 */
function titleHeading(content: readonly Nodes[], options: BodyOptions): Heading | undefined {
	const lead = content.find((c) => c.type !== 'mdxjsEsm');
	if (lead?.type !== 'heading') return undefined;
	return lead.depth === 1 || toString(lead).trim().toLowerCase() === options.title?.toLowerCase() ? lead : undefined;
}

/** The text of the heading convertBody removes as the page's title (links to its anchor then go to the page). */
export function pageTitleHeading(source: string, options: BodyOptions): string | undefined {
	const page = parsePage(source, options);
	if (!('tree' in page)) return undefined;
	const heading = titleHeading(contentOf(page), options);
	return heading && toString(heading).trim();
}

export function convertBody(source: string, options: BodyOptions): Body {
	const page = parsePage(source, options);
	if (!('tree' in page)) return page;
	const { src, bodyStart, asMarkdown, notes } = page;

	const note = (node: Nodes, construct: string, text: string) => notes.push({ line: node.position?.start.line ?? 1, construct, text });
	const info = (node: Nodes, text: string) => notes.push({ line: node.position?.start.line ?? 1, text });
	const lineStart = (offset: number) => src.lastIndexOf('\n', offset - 1) + 1;
	/** Whitespace before a node on its line, or '' when the node is not the first thing on it. */
	const indentAt = (offset: number) => {
		const before = src.slice(lineStart(offset), offset);
		return /^[ \t]*$/.test(before) ? before : '';
	};
	const reindent = (text: string, indent: string) => (indent ? text.replace(/\n(?=[^\n])/g, `\n${indent}`) : text);

	/** The source from `from` to `to`, with each child inside it replaced by its conversion. */
	function splice(children: readonly Nodes[], from: number, to: number): string {
		let out = '';
		let pos = from;
		const pairs = htmlPairs(children);
		for (let i = 0; i < children.length; i++) {
			const child = children[i]!;
			if (!child.position || start(child) < pos || end(child) > to) continue;
			const close = pairs.get(i);
			const paired = close === undefined ? undefined : htmlPair(children, i, close);
			const last = paired === undefined ? child : children[close!]!;
			out += src.slice(pos, start(child));
			const original = src.slice(start(child), end(last));
			const converted = paired ?? emit(child);
			out += converted === original ? original : reindent(converted, indentAt(start(child)));
			pos = end(last);
			if (paired !== undefined) i = close!;
		}
		return out + src.slice(pos, to);
	}

	const childrenOf = (n: Nodes): Nodes[] => ('children' in n ? (n.children as Nodes[]) : []);
	const emit = (node: Nodes): string => convert(node) ?? splice(childrenOf(node), start(node), end(node));

	/**
	 * Converted content of a container, dedented: from the start of its first child's line (or from the child,
	 * when something precedes it on that line, as in `<TabItem>text</TabItem>`) to the end of its last child.
	 */
	function inner(children: readonly Nodes[]): string {
		const kids = children.filter((c) => c.position);
		if (kids.length === 0) return '';
		const first = start(kids[0]!);
		const text = splice(kids, indentAt(first) ? lineStart(first) : first, end(kids.at(-1)!));
		const lines = text.split('\n');
		const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
		return lines.map((l) => l.slice(Math.min(indent, /^[ \t]*/.exec(l)![0].length))).join('\n').trim();
	}

	function elementOf(node: Jsx): Element {
		const attributes = node.attributes.filter((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute');
		const valueOf = (a: MdxJsxAttribute | undefined): string | true | undefined => {
			if (!a) return undefined;
			if (a.value === null || a.value === undefined) return true;
			if (typeof a.value === 'string') return a.value;
			// `{'text'}` and `{"text"}` are plain values too.
			const literal = /^\s*(['"`])((?:(?!\1)[^\\]|\\.)*)\1\s*$/.exec(a.value.value);
			return literal ? literal[2] : undefined;
		};
		return {
			name: node.name ?? '',
			position: node.position,
			attrs: [...attributes.map((a) => a.name), ...node.attributes.filter((a): a is MdxJsxExpressionAttribute => a.type === 'mdxJsxExpressionAttribute').map(() => '{…spread}')],
			attr: (name) => valueOf(attributes.find((a) => a.name === name)),
			inner: () => inner(node.children as Nodes[]),
			text: () => toString(node),
			parts: () => (node.children as Nodes[]).map((c): Part => (isJsx(c) ? elementOf(c) : { value: toString(c) })),
			elements: () => {
				const out: Element[] = [];
				for (const c of node.children as Nodes[]) {
					// Elements on consecutive lines share a paragraph: `<TabItem …>a</TabItem>\n<TabItem …>b</TabItem>`.
					const els = c.type === 'paragraph' ? onlyElements(c) : isJsx(c) ? [c] : undefined;
					if (els) out.push(...els.map(elementOf));
					else return { stray: c.type === 'paragraph' ? 'text' : `a ${c.type}` };
				}
				return out;
			},
		};
	}

	/** The JSX elements a paragraph consists of, when it holds nothing else (whitespace aside). */
	function onlyElements(p: Paragraph): MdxJsxTextElement[] | undefined {
		const kids = p.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
		return kids.every((c) => c.type === 'mdxJsxTextElement') ? (kids as MdxJsxTextElement[]) : undefined;
	}

	/** A paragraph that is only one JSX element (`<Aside>text</Aside>` on one line) stands for that element. */
	function soleElement(p: Paragraph): MdxJsxTextElement | undefined {
		const kids = onlyElements(p);
		return kids?.length === 1 ? kids[0] : undefined;
	}

	/** A link or image target, converted; what the conversion says is a note at the link or image. */
	const target = (position: { start: { line: number } } | undefined, url: string, kind: 'link' | 'image') => {
		const r = options.resolve(url, kind);
		const line = position?.start.line ?? 1;
		if ('problem' in r) notes.push({ line, construct: `${kind} ${url}`, text: r.problem });
		if ('url' in r && r.cannot) notes.push({ line, construct: `${kind} ${url}`, text: r.cannot });
		if ('url' in r && r.note) notes.push({ line, text: `${kind} ${url}: ${r.note}` });
		return r;
	};
	const image = (position: { start: { line: number } } | undefined, url: string) => target(position, url, 'image');
	const imageText = (position: { start: { line: number } } | undefined, url: string) => {
		const r = image(position, url);
		return 'url' in r ? r.url : url;
	};

	const linkText = (url: string) => {
		const r = options.resolve(url, 'link');
		return 'url' in r ? r.url : url;
	};

	/** Elements already reported (a paragraph holding one element is tried as a block first, then as text). */
	const reported = new WeakSet<Nodes>();

	/** The conversion of one element (a component, or HTML), or undefined to leave it as written (reported). */
	function convertElement(el: Element, at: Nodes, block: boolean, expression: (attr: string) => string | undefined, also: Nodes[] = []): string | undefined {
		const name = el.name;
		let result: Conversion | undefined;
		if (options.unwrap?.has(name)) result = { text: el.inner(), dropped: [`the <${name}> around it (--unwrap)`] };
		else if (/^[a-z]/.test(name)) {
			result = convertHtml(el, { link: linkText, image: (url) => imageText(el.position, url), block });
			if (!result) return undefined;
		} else result = convertComponent(el, { link: linkText, expression }) ?? { cannot: 'this course language has no equivalent' };
		const done = (): undefined => {
			for (const n of [at, ...also]) reported.add(n);
			return undefined;
		};
		if ('cannot' in result) {
			note(at, `<${name || 'fragment'}>`, `${result.cannot}; left as written`);
			return done();
		}
		if (!block && result.text.includes('\n')) {
			note(at, `<${name}>`, 'it is inside a paragraph, and its conversion is a block; left as written');
			return done();
		}
		if (result.dropped?.length) info(at, `<${name}>: dropped ${result.dropped.join(', ')}`);
		return result.text;
	}

	function component(node: Jsx, block: boolean): string | undefined {
		if (reported.has(node) || node.name === 'br') return undefined;
		return convertElement(elementOf(node), node, block, (attr) => {
			const a = node.attributes.find((x): x is MdxJsxAttribute => x.type === 'mdxJsxAttribute' && x.name === attr);
			return a && a.value && typeof a.value === 'object' ? a.value.value : undefined;
		});
	}

	/**
	 * In a Markdown page an element is an opening tag, its content and a closing tag, siblings in the tree
	 * (`<code>`, `a `, `<a href="…">`, `b`, `</a>`, `</code>`): which sibling closes each opening tag.
	 */
	function htmlPairs(children: readonly Nodes[]): Map<number, number> {
		const pairs = new Map<number, number>();
		if (!asMarkdown) return pairs;
		for (let i = 0; i < children.length; i++) {
			const open = children[i]!.type === 'html' ? openingTag((children[i] as Html).value) : undefined;
			if (!open || open.selfClosing || VOID.has(open.name.toLowerCase())) continue;
			let depth = 0;
			for (let j = i + 1; j < children.length; j++) {
				const c = children[j]!;
				if (c.type !== 'html') continue;
				const o = openingTag(c.value);
				const close = /^<\/([A-Za-z][\w-]*)\s*>$/.exec(c.value.trim())?.[1];
				if (o && !o.selfClosing && o.name.toLowerCase() === open.name.toLowerCase()) depth++;
				else if (close?.toLowerCase() === open.name.toLowerCase() && depth-- === 0) {
					pairs.set(i, j);
					break;
				}
			}
		}
		return pairs;
	}

	/** The element an opening tag, its content and its closing tag make in a Markdown page. */
	function htmlElement(open: Html, tag: Tag, between: Nodes[]): Element {
		return {
			name: tag.name,
			position: open.position,
			attrs: [...tag.attrs.keys()],
			attr: (name) => tag.attrs.get(name),
			inner: () => inner(between),
			text: () => between.filter((n) => n.type !== 'html').map((n) => toString(n)).join(''),
			elements: () => ({ stray: 'text' }),
			parts: () => htmlParts(between),
		};
	}

	function htmlParts(nodes: Nodes[]): Part[] {
		const pairs = htmlPairs(nodes);
		const out: Part[] = [];
		for (let i = 0; i < nodes.length; i++) {
			const n = nodes[i]!;
			const close = pairs.get(i);
			if (close !== undefined) {
				out.push(htmlElement(n as Html, openingTag((n as Html).value)!, nodes.slice(i + 1, close)));
				i = close;
			} else out.push({ value: n.type === 'html' ? n.value : toString(n) });
		}
		return out;
	}

	/** A paired element of a Markdown page, converted; undefined leaves its tags to html() (kept or reported). */
	function htmlPair(children: readonly Nodes[], i: number, j: number): string | undefined {
		const open = children[i] as Html;
		const close = children[j]!;
		if (reported.has(open)) return undefined;
		const tag = openingTag(open.value)!;
		// A block when nothing but whitespace shares its lines.
		const lineEnd = src.indexOf('\n', end(close)) === -1 ? src.length : src.indexOf('\n', end(close));
		const block = !src.slice(lineStart(start(open)), start(open)).trim() && !src.slice(end(close), lineEnd).trim();
		return convertElement(htmlElement(open, tag, children.slice(i + 1, j) as Nodes[]), open, block, () => undefined, [close]);
	}

	/** The part of a link or definition after its text: `](url "title")` or `]: url`; the target is rewritten. */
	function retarget(node: Nodes & { url: string }, from: number, kind: 'link' | 'image'): string | undefined {
		const tail = src.slice(from, end(node));
		const m = /^(\]\(\s*|\]:\s*)(<[^>]*>|[^\s)]+)/.exec(tail) ?? /^(\(\s*)(<[^>]*>|[^\s)]+)/.exec(tail);
		if (!m) return undefined;
		const r = target(node.position, node.url, kind);
		if (!('url' in r) || r.url === node.url) return undefined;
		return tail.slice(0, m[1]!.length) + (m[2]!.startsWith('<') ? `<${r.url}>` : r.url.replace(/[()\s]/g, encodeURIComponent)) + tail.slice(m[1]!.length + m[2]!.length);
	}

	const content = contentOf(page);
	const lead = titleHeading(content, options);
	let heading: string | undefined;
	const first = content.find((c): c is Paragraph => c.type === 'paragraph' && !soleElement(c) && !!toString(c, { includeHtml: false }).trim());
	const firstParagraph = first && toString(first, { includeHtml: false });

	function convert(node: Nodes): string | undefined {
		switch (node.type) {
			case 'yaml':
				return '';
			case 'heading':
				if (node === lead) {
					heading = toString(node).trim();
					return '';
				}
				return undefined;
			case 'mdxjsEsm':
				if (/^\s*import\b/.test(node.value)) return '';
				note(node, '`export`', 'chapters cannot run code; left as written');
				return undefined;
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value)) return '';
				note(node, `{${node.value.trim().slice(0, 30)}}`, 'chapters cannot hold JavaScript expressions; left as written');
				return undefined;
			case 'mdxJsxFlowElement':
				return component(node, true);
			case 'mdxJsxTextElement':
				return component(node, false);
			case 'paragraph': {
				const el = soleElement(node);
				if (el) {
					const out = component(el, true);
					if (out !== undefined) return out;
				}
				return undefined;
			}
			case 'containerDirective':
			case 'leafDirective': {
				const kind = CALLOUT_NAMES[node.name];
				if (!kind || node.type === 'leafDirective') {
					note(node, `${node.type === 'leafDirective' ? '::' : ':::'}${node.name}`, kind ? 'a callout needs a block: `:::name` … `:::`' : `this course language has no "${node.name}" block (its callouts: ${[...new Set(Object.values(CALLOUT_NAMES))].join(', ')})`);
					return undefined;
				}
				const raw = src.slice(start(node), end(node));
				const openEnd = raw.includes('\n') ? start(node) + raw.indexOf('\n') : end(node);
				// The closing fence, when the block has one (an unclosed block ends with the page).
				const close = /\n[ \t]*(:{3,})[ \t]*$/.exec(raw);
				const closeStart = close ? start(node) + close.index : end(node);
				const label = node.children.find((c) => c.type === 'paragraph' && c.data?.directiveLabel);
				const colons = /^:+/.exec(raw)![0];
				// The label's position spans its brackets.
				const labelText = label?.position ? src.slice(start(label), end(label)) : '';
				if (node.attributes && Object.keys(node.attributes).length) info(node, `:::${node.name}: dropped the attributes ${Object.keys(node.attributes).join(', ')}`);
				const body = splice(node.children.filter((c) => c !== label), openEnd, closeStart);
				// Converted content may hold longer fences (a tabs block): the outer fence must outgrow them.
				const fence = fenceFor(body, colons.length);
				return `${fence}${kind}${labelText}${body}${close ? `\n${indentAt(start(node))}${fence}` : ''}`;
			}
			case 'link':
			case 'linkReference': {
				if (node.type === 'linkReference') return undefined;
				const kids = node.children;
				const after = kids.length ? end(kids.at(-1)!) : start(node) + 1;
				const raw = src.slice(start(node), end(node));
				// `<https://…>`: MDX has no autolinks (a bare address is one, with GFM).
				if (raw.startsWith('<') && raw.endsWith('>')) return `[${toString(node)}](${node.url})`;
				if (!raw.startsWith('[')) return undefined; // a bare address
				// `[text](#)` links to nothing (a placeholder): keep the text.
				if (node.url === '#') {
					info(node, `a link to "#" (no target) became its text`);
					return splice(kids, kids.length ? start(kids[0]!) : after, after);
				}
				const tail = retarget(node, after, 'link');
				return tail === undefined ? undefined : splice(kids, start(node), after) + tail;
			}
			case 'definition': {
				const close = src.indexOf(']:', start(node));
				const tail = close === -1 ? undefined : retarget(node, close, 'link');
				return tail === undefined ? undefined : src.slice(start(node), close) + tail;
			}
			case 'image': {
				const close = src.indexOf('](', start(node));
				const tail = close === -1 ? undefined : retarget(node, close, 'image');
				return tail === undefined ? undefined : src.slice(start(node), close) + tail;
			}
			case 'code':
				return code(node);
			case 'text':
				// `\{{#include …}}` is mdBook's way to write the text itself.
				if (options.book && /(?<!\\)\{\{\s*#(?:include|rustdoc_include|playground)\b/.test(src.slice(start(node), end(node)))) note(node, '{{#include}}', 'mdBook includes are expanded in code blocks only; left as written');
				return asMarkdown ? escapeMdx(src.slice(start(node), end(node))) : undefined;
			case 'html':
				return asMarkdown ? html(node) : undefined;
		}
		return undefined;
	}

	/** A fenced code block with its options and marks in this course's code-block language (./code.ts). */
	function code(node: Code): string | undefined {
		const raw = src.slice(start(node), end(node)).split('\n');
		const fence = /^(`{3,}|~{3,})/.exec(raw[0]!)?.[1];
		if (!fence) return undefined;
		const lines = node.value === '' ? [] : node.value.split('\n');
		const body = raw.slice(1, 1 + lines.length);
		// Each line of the page is its code line behind the indentation of its container (a list, a quote).
		if (body.length !== lines.length || body.some((l, i) => !l.endsWith(lines[i]!))) {
			if (node.meta || options.book) note(node, 'code block', 'its lines could not be matched to the page (a tab in its indentation?); left as written');
			return undefined;
		}
		let lang = node.lang ?? undefined;
		let staged = lines.map((text, from) => ({ from, text }));
		if (options.book) ({ lang, staged } = bookCode(node, lang, staged));
		const out = convertCode({ flavour: options.flavour, lang, meta: node.meta ?? '', lines: staged.map((l) => l.text) });
		if (!out && lang === (node.lang ?? undefined) && staged.length === lines.length && staged.every((l, i) => l.text === lines[i])) return undefined;
		for (const text of out?.notes ?? []) info(node, `code block: ${text}`);
		for (const option of out?.left ?? []) note(node, `code-block option ${option}`, 'this site has no equivalent (its options: title="…", {lines}, showLineNumbers); left as written');
		const final = out ? out.lines.map((l) => ({ from: staged[l.from]!.from, text: l.text })) : staged;
		// The caller indents the result as the block was (./body.ts splice): keep only what is beyond that.
		const indent = indentAt(start(node));
		const outdent = (line: string) => (indent && line.startsWith(indent) ? line.slice(indent.length) : line);
		const prefix = (i: number) => outdent(body[i]!.slice(0, body[i]!.length - lines[i]!.length));
		const meta = out ? out.meta : (node.meta ?? '');
		const opening = `${fence}${(out ? out.lang : lang) ?? ''}${meta ? ` ${meta}` : ''}`;
		return [opening, ...final.map((l) => prefix(l.from) + l.text), ...raw.slice(1 + lines.length).map(outdent)].join('\n');
	}

	/** mdBook's part of a code block: rustdoc attributes after the language, included files, hidden lines. */
	function bookCode(node: Code, lang: string | undefined, staged: { from: number; text: string }[]) {
		if (lang?.includes(',')) {
			const split = splitInfo(lang);
			info(node, `code block: dropped the rustdoc attributes ${split.attributes.join(', ')} after the language ${split.lang}`);
			lang = split.lang;
		}
		const expanded: typeof staged = [];
		const files: string[] = [];
		staged.forEach((line, i) => {
			const r = expandIncludes([line.text], options.book!.read);
			for (const p of r.problems) notes.push({ line: node.position!.start.line + 1 + i, construct: p.what, text: `${p.why}; left as written` });
			files.push(...r.included);
			for (const text of r.lines) expanded.push({ from: line.from, text });
		});
		if (files.length) info(node, `code block: took in ${[...new Set(files)].join(', ')} (mdBook {{#include}})`);
		if (lang !== 'rust') return { lang, staged: expanded };
		const visible = visibleRustLines(expanded.map((l) => l.text));
		if (!visible.hidden) return { lang, staged: expanded };
		info(node, `code block: left out ${visible.hidden} line${visible.hidden === 1 ? '' : 's'} mdBook hides in Rust code (\`# \` lines)`);
		return { lang, staged: visible.lines.map((l) => ({ from: expanded[l.index]!.from, text: l.text })) };
	}

	function html(node: Html): string | undefined {
		if (reported.has(node)) return undefined;
		const v = node.value.trim();
		if (/^<br\s*\/?>$/i.test(v)) return '<br />';
		const tag = openingTag(v);
		const url = tag?.name.toLowerCase() === 'img' ? tag.attrs.get('src') : undefined;
		if (typeof url === 'string') {
			const r = image(node.position, url);
			const dropped = [...tag!.attrs.keys()].filter((a) => a !== 'src' && a !== 'alt');
			if (dropped.length) info(node, `<img>: dropped ${dropped.join(', ')}`);
			return `![${altText(tag!.attrs.get('alt'))}](${'url' in r ? r.url : url})`;
		}
		const name = /^<\/?([a-zA-Z][\w-]*)/.exec(v)?.[1]?.toLowerCase();
		if (name && SAFE_ELEMENTS.has(name)) return undefined;
		note(node, name ? `<${name}>` : 'HTML', `raw HTML${name ? '' : ` (${v.slice(0, 30)})`} is not allowed in chapters; left as written`);
		return undefined;
	}

	const text = `\n${splice(content, bodyStart, src.length).replace(/^([ \t]*\n)+/, '').trimEnd()}\n`;
	return { text, ...(heading !== undefined ? { heading } : {}), ...(firstParagraph !== undefined ? { firstParagraph } : {}), notes };
}

/** `<` and `{` start code in MDX: escape them in Markdown text (a backslash-escaped one is already text). */
export const escapeMdx = (raw: string) => raw.replace(/(?<!\\)[<{}]/g, (c) => (c === '<' ? '&lt;' : `\\${c}`));
