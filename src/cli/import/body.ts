/**
 * Converts the body of one page. The page is parsed (as MDX, or as Markdown for `.md` pages that are not
 * MDX) and written back from its own source: every node is copied as written unless it needs a change, so
 * prose, code and formatting survive byte for byte. Changed: components (./components.ts), imports, MDX
 * comments, admonition names and attributes, link targets, and — for Markdown pages — what MDX would read
 * as code (`<`, `{`), autolinks and HTML. What cannot be converted stays as written and is a note.
 */
import type { Heading, Nodes, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SAFE_ELEMENTS } from '../../config/policy.ts';
import { convertHtml } from './html.ts';
import { splitFrontmatter } from '../../syntax/frontmatter.ts';
import { parseChapter } from '../../syntax/parse.ts';
import { CALLOUT_NAMES, type Conversion, convertComponent, type Element, fenceFor } from './components.ts';
import type { LinkResult } from './links.ts';
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

export function convertBody(source: string, options: BodyOptions): Body {
	const pre = prepass(source, { unwrapMdxCodeBlocks: options.flavour === 'docusaurus', dropHtmlComments: true });
	const notes: Note[] = [...pre.notes];
	const src = pre.text;
	// The body starts after the frontmatter; the parser sees it blanked, so offsets stay the file's own.
	const bodyStart = splitFrontmatter(src).frontmatter?.bodyOffset ?? 0;
	const parseText = pre.parseText.slice(0, bodyStart).replace(/[^\n]/g, ' ') + pre.parseText.slice(bodyStart);
	let asMarkdown = options.flavour === 'starlight' && options.extension === '.md';
	// The checker's own parser, so that what the importer reads as MDX is what the check reads.
	const parsed = asMarkdown ? undefined : parseChapter(parseText);
	let tree: Root;
	if (!parsed || 'tree' in parsed) tree = parsed?.tree ?? (markdown.parse(parseText) as Root);
	else if (options.extension === '.mdx') {
		notes.push({ line: parsed.error.line, construct: 'the page', text: `it is not valid MDX (${parsed.error.message}); copied as written` });
		return { text: src.slice(bodyStart), notes };
	} else {
		// Docusaurus reads .md as MDX, but a page that does not parse so was written as plain Markdown.
		asMarkdown = true;
		notes.push({ line: 1, text: 'read as plain Markdown (it is not valid MDX): its < and { are escaped' });
		tree = markdown.parse(parseText) as Root;
	}

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
		for (const child of children) {
			if (!child.position || start(child) < pos || end(child) > to) continue;
			out += src.slice(pos, start(child));
			const original = src.slice(start(child), end(child));
			const converted = emit(child);
			out += converted === original ? original : reindent(converted, indentAt(start(child)));
			pos = end(child);
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

	/** An image target, converted; a problem is a note at the image. */
	const image = (position: { start: { line: number } } | undefined, url: string) => {
		const r = options.resolve(url, 'image');
		if ('problem' in r) notes.push({ line: position?.start.line ?? 1, construct: `image ${url}`, text: r.problem });
		return r;
	};
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

	function component(node: Jsx, block: boolean): string | undefined {
		const name = node.name ?? '';
		if (reported.has(node) || name === 'br') return undefined;
		const el = elementOf(node);
		let result: Conversion | undefined;
		if (options.unwrap?.has(name)) result = { text: el.inner(), dropped: [`the <${name}> around it (--unwrap)`] };
		else if (/^[a-z]/.test(name)) {
			result = convertHtml(el, { link: linkText, image: (url) => imageText(el.position, url), block });
			if (!result) return undefined;
		} else
			result = convertComponent(el, {
				link: linkText,
				expression: (attr) => {
					const a = node.attributes.find((x): x is MdxJsxAttribute => x.type === 'mdxJsxAttribute' && x.name === attr);
					return a && a.value && typeof a.value === 'object' ? a.value.value : undefined;
				},
			}) ?? { cannot: 'this course language has no equivalent' };
		if ('cannot' in result) {
			note(node, `<${name || 'fragment'}>`, `${result.cannot}; left as written`);
			reported.add(node);
			return undefined;
		}
		if (!block && result.text.includes('\n')) {
			note(node, `<${name}>`, 'it is inside a paragraph, and its conversion is a block; left as written');
			reported.add(node);
			return undefined;
		}
		if (result.dropped?.length) info(node, `<${name}>: dropped ${result.dropped.join(', ')}`);
		return result.text;
	}

	/** The part of a link or definition after its text: `](url "title")` or `]: url`; the target is rewritten. */
	function retarget(node: Nodes & { url: string }, from: number, kind: 'link' | 'image'): string | undefined {
		const tail = src.slice(from, end(node));
		const m = /^(\]\(\s*|\]:\s*)(<[^>]*>|[^\s)]+)/.exec(tail) ?? /^(\(\s*)(<[^>]*>|[^\s)]+)/.exec(tail);
		if (!m) return undefined;
		const r = options.resolve(node.url, kind);
		if ('problem' in r) note(node, kind === 'image' ? `image ${node.url}` : `link ${node.url}`, r.problem);
		if (!('url' in r) || r.url === node.url) return undefined;
		return tail.slice(0, m[1]!.length) + (m[2]!.startsWith('<') ? `<${r.url}>` : r.url.replace(/[()\s]/g, encodeURIComponent)) + tail.slice(m[1]!.length + m[2]!.length);
	}

	let firstContent = true;
	let heading: string | undefined;
	let firstParagraph: string | undefined;

	function convert(node: Nodes): string | undefined {
		switch (node.type) {
			case 'yaml':
				return '';
			case 'heading':
				if ((node as Heading).depth === 1 && firstContent && heading === undefined) {
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
			case 'text':
				return asMarkdown ? escapeMdx(src.slice(start(node), end(node))) : undefined;
			case 'html':
				return asMarkdown ? html(node) : undefined;
		}
		return undefined;
	}

	function html(node: Nodes & { value: string }): string | undefined {
		const v = node.value.trim();
		if (/^<br\s*\/?>$/i.test(v)) return '<br />';
		const img = /^<img\s([^>]*?)\/?>$/i.exec(v);
		if (img) {
			const attr = (n: string) => new RegExp(`\\b${n}\\s*=\\s*(["'])(.*?)\\1`, 'i').exec(img[1]!)?.[2];
			const url = attr('src');
			if (url) {
				const r = image(node.position, url);
				return `![${(attr('alt') ?? '').replace(/[[\]]/g, '\\$&')}](${'url' in r ? r.url : url})`;
			}
		}
		const tag = /^<\/?([a-zA-Z][\w-]*)/.exec(v)?.[1]?.toLowerCase();
		if (tag && SAFE_ELEMENTS.has(tag)) return undefined;
		note(node, tag ? `<${tag}>` : 'HTML', `raw HTML${tag ? '' : ` (${v.slice(0, 30)})`} is not allowed in chapters; left as written`);
		return undefined;
	}

	const content = tree.children.filter((c) => c.type !== 'yaml' && c.position && start(c) >= bodyStart);
	const parts: string[] = [];
	let pos = bodyStart;
	for (const child of content) {
		parts.push(src.slice(pos, start(child)));
		const converted = emit(child);
		if (child.type !== 'mdxjsEsm') firstContent = false;
		if (child.type === 'paragraph' && firstParagraph === undefined && !soleElement(child) && toString(child).trim()) firstParagraph = toString(child);
		parts.push(converted);
		pos = end(child);
	}
	parts.push(src.slice(pos));
	const text = `\n${parts.join('').replace(/^([ \t]*\n)+/, '').trimEnd()}\n`;
	return { text, ...(heading !== undefined ? { heading } : {}), ...(firstParagraph !== undefined ? { firstParagraph } : {}), notes };
}

/** `<` and `{` start code in MDX: escape them in Markdown text (a backslash-escaped one is already text). */
export const escapeMdx = (raw: string) => raw.replace(/(?<!\\)[<{}]/g, (c) => (c === '<' ? '&lt;' : `\\${c}`));
