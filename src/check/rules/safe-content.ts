/**
 * Safe content: a chapter is Markdown and directives, not code. MDX would let a chapter import modules,
 * evaluate expressions on the build machine and in readers' browsers, and embed any HTML; this rule reports
 * each such construct at its line, says what it would do, and how to write the chapter without it.
 * The course's policy (./policy.ts) may loosen it; `on*` handlers, `style` and script URLs are never allowed.
 */
import type { Node } from 'unist';
import { walk } from '../../core/walk.ts';
import type { ChapterRule, ChapterRuleContext } from './index.ts';
import { allowedAttributes, NEVER_ELEMENTS, SAFE_ELEMENTS } from '../../config/policy.ts';
import { unsafeScheme } from './urls.ts';

interface EsmNode extends Node {
	value: string;
	data?: { estree?: { body?: { type: string; loc?: { start: { line: number; column: number } } }[] } };
}
interface ExpressionNode extends Node {
	value: string;
	data?: { estree?: { body?: unknown[] } };
}
interface JsxAttribute {
	type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
	name?: string;
	value?: string | null | { type: string; value: string };
	position?: Node['position'];
}
interface JsxNode extends Node {
	name: string | null;
	attributes: JsxAttribute[];
}

/** Attributes whose value is a URL that a browser follows or loads. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'action', 'formaction', 'poster', 'background', 'srcset', 'data', 'xlink:href', 'longdesc', 'ping']);

/** Markdown (or a directive) that does what an HTML element is usually wanted for. */
const MARKDOWN_FOR: Record<string, string> = {
	a: 'Use a Markdown link: [text](https://…) or [text](/chapters/<slug>/).',
	img: 'Use a Markdown image: ![description](https://…).',
	b: 'Use Markdown bold: **text**.',
	strong: 'Use Markdown bold: **text**.',
	i: 'Use Markdown emphasis: *text*.',
	em: 'Use Markdown emphasis: *text*.',
	code: 'Use inline code: `text`.',
	pre: 'Use a fenced code block (```).',
	p: 'Separate paragraphs with a blank line.',
	hr: 'Use a thematic break: a line with ---.',
	blockquote: 'Use a Markdown quote: start the line with >.',
	ul: 'Use a Markdown list: lines starting with -.',
	ol: 'Use a numbered Markdown list: lines starting with 1.',
	li: 'Use a Markdown list item: a line starting with -.',
	table: 'Use a Markdown (GFM) table with | columns |.',
	h1: 'Use a Markdown heading (## …); the page title comes from the frontmatter.',
	h2: 'Use a Markdown heading: ## Title.',
	h3: 'Use a Markdown heading: ### Title.',
	h4: 'Use a Markdown heading: #### Title.',
	div: 'Use a directive for boxed content: :::note, :::tip, :::card{title="…"} (see docs/authoring.md).',
	span: 'Write plain text, or an inline directive such as :control[…]{ref=… owner=…} or :term[…].',
	iframe: 'Link to the page instead: [title](https://…).',
};

/** Why an element is dangerous, for the few whose danger is not obvious from the name. */
const DANGER: Record<string, string> = {
	script: 'chapters cannot run scripts in readers’ browsers',
	style: 'chapters cannot change the site’s styles',
	link: 'chapters cannot load stylesheets or other resources into the page',
	meta: 'chapters cannot change how the page is loaded',
	base: 'chapters cannot change where the page’s links point',
	iframe: 'chapters cannot embed other pages',
	frame: 'chapters cannot embed other pages',
	object: 'chapters cannot embed plugins or other documents',
	embed: 'chapters cannot embed plugins or other documents',
	form: 'chapters cannot send readers’ input anywhere',
	input: 'chapters cannot collect readers’ input',
	button: 'chapters cannot add controls that run code',
	textarea: 'chapters cannot collect readers’ input',
	select: 'chapters cannot collect readers’ input',
	svg: 'inline SVG can carry scripts and event handlers',
	math: 'inline MathML can carry links that run code',
};

const ESM_HINTS = {
	import: 'Remove the import; use a directive instead (see docs/authoring.md). Only a maintainer can allow code in chapters (`policy.allowMdx` in course.yaml).',
	export: 'Remove the export; put chapter data in the frontmatter instead. Only a maintainer can allow code in chapters (`policy.allowMdx` in course.yaml).',
};

export const safeContent: ChapterRule = (tree, ctx) => {
	const { allowMdx } = ctx.policy;
	walk(tree, (node) => {
		switch (node.type) {
			case 'mdxjsEsm':
				if (!allowMdx) reportEsm(node as EsmNode, ctx);
				return;
			case 'mdxFlowExpression':
			case 'mdxTextExpression': {
				const e = node as ExpressionNode;
				if (!allowMdx && !isCommentOnly(e))
					ctx.report(
						node,
						'unsafe-expression',
						`Unexpected JavaScript expression \`{${snippet(e.value)}}\`: chapters cannot run code`,
						'Remove the braces. For literal braces in prose write \\{ and \\}, or put the text in `inline code`.',
					);
				return;
			}
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				checkElement(node as JsxNode, ctx);
				return;
			case 'html':
				// Only reachable if the parser ever stops being MDX (MDX parses HTML as JSX); never let it through.
				ctx.report(node, 'unsafe-html', 'Unexpected raw HTML: chapters use Markdown and directives', 'Remove the HTML, or write it as text with `&lt;`.');
				return;
		}
	});
};

function reportEsm(node: EsmNode, ctx: ChapterRuleContext) {
	// One diagnostic per statement, at its own line: an `import` then an `export` block are two problems. The
	// block is never evaluated, so its lines are read as text: a statement starts a line with import or export.
	const start = node.position?.start;
	const lines = node.value.split('\n');
	const found = lines.flatMap((l, i) => (/^\s*(import|export)\b/.test(l) ? [{ kind: /^\s*export\b/.test(l) ? 'export' : 'import', line: i }] : []));
	if (!found.length) found.push({ kind: 'import', line: 0 });
	for (const s of found) {
		const kind = s.kind as 'import' | 'export';
		const loc = start ? { line: start.line + s.line, column: s.line === 0 ? start.column : 1 + (lines[s.line]!.length - lines[s.line]!.trimStart().length) } : undefined;
		ctx.report(
			at(loc),
			'unsafe-esm',
			kind === 'import' ? 'Unexpected `import` statement: chapters cannot run code on the build machine' : 'Unexpected `export` statement: chapters cannot define code',
			ESM_HINTS[kind],
		);
	}
}

function checkElement(node: JsxNode, ctx: ChapterRuleContext) {
	const { name } = node;
	const html = name !== null && /^[a-z][a-z0-9]*$/.test(name);
	if (!html) {
		// A fragment, a component (`Foo`, `foo.bar`) or a namespaced name (`svg:rect`): code, not markup.
		if (ctx.policy.allowMdx) return;
		const shown = name === null ? '<>' : `<${name}>`;
		ctx.report(
			node,
			'unsafe-jsx',
			`Unexpected ${name === null ? 'JSX fragment' : 'component'} \`${shown}\`: chapters cannot use JSX components`,
			`Use a directive instead (:::note, :::card{title="…"}, :control[…]{ref=… owner=…}; see docs/authoring.md). For a literal \`<\` in prose write &lt;.`,
		);
		checkAttributes(node, ctx, 'component');
		return;
	}
	const safe = SAFE_ELEMENTS.has(name);
	if (!safe && !ctx.policy.allowHtml.has(name)) {
		const danger = DANGER[name];
		const remedy = MARKDOWN_FOR[name];
		const canAllow = !NEVER_ELEMENTS.has(name) && !danger;
		ctx.report(
			node,
			'unsafe-html',
			`Unexpected HTML element \`<${name}>\`: ${danger ?? 'chapters use Markdown and directives, with only a few inline HTML elements'}`,
			[
				remedy ?? (danger ? 'Remove the element.' : 'Remove the element, or write the text as Markdown.'),
				canAllow ? `Allowed elements: ${[...SAFE_ELEMENTS].join(', ')} (a maintainer can add more with \`policy.allowHtml\` in course.yaml).` : '',
			]
				.filter(Boolean)
				.join(' '),
		);
	}
	// A rejected element is one error; its attributes add only the dangerous ones (handlers, styles, script URLs).
	checkAttributes(node, ctx, safe || ctx.policy.allowHtml.has(name) ? 'allowed' : 'rejected');
}

function checkAttributes(node: JsxNode, ctx: ChapterRuleContext, mode: 'component' | 'allowed' | 'rejected') {
	const element = node.name === null ? '<>' : `<${node.name}>`;
	const component = mode === 'component';
	const allowed = node.name ? allowedAttributes(node.name, ctx.policy) : new Set<string>();
	for (const attr of node.attributes) {
		// Found in the text only when there is something to report (each search reads up to 4 KB).
		let found: Node | undefined;
		const place = () => (found ??= attr.position ? ({ position: attr.position } as Node) : attributePlace(node, attr, ctx.source));
		if (attr.type === 'mdxJsxExpressionAttribute') {
			if (!ctx.policy.allowMdx)
				ctx.report(place(), 'unsafe-expression', `Unexpected JavaScript expression \`{${snippet(String(attr.value ?? ''))}}\` in \`${element}\`: chapters cannot run code`, 'Remove it; attributes are written as name="value".');
			continue;
		}
		const name = attr.name ?? '';
		const value = attr.value;
		if (value && typeof value === 'object') {
			if (!ctx.policy.allowMdx)
				ctx.report(place(), 'unsafe-expression', `Unexpected JavaScript expression in attribute \`${name}\` of \`${element}\`: chapters cannot run code`, `Write a plain quoted value: ${name}="…".`);
			continue;
		}
		// With allowMdx a component's props are its own business (an `onClick` prop is a function, not markup).
		if (component && ctx.policy.allowMdx) continue;
		const lower = name.toLowerCase();
		if (lower.includes(':') && !ctx.policy.allowMdx) {
			// `set:html`, `is:raw`, `define:vars` are instructions to Astro, `xlink:href` and `v-on:click` to others.
			ctx.report(place(), 'unsafe-html', `Unexpected attribute \`${name}\` on \`${element}\`: attribute names with \`:\` are instructions to a framework, not markup`, `Remove the \`${name}\` attribute.`);
			continue;
		}
		if (lower.startsWith('on')) {
			ctx.report(place(), 'unsafe-html', `Unexpected event handler \`${name}\` on \`${element}\`: attributes cannot run code`, `Remove the \`${name}\` attribute.`);
			continue;
		}
		if (lower === 'style' || lower === 'srcdoc') {
			ctx.report(
				place(),
				'unsafe-html',
				`Unexpected attribute \`${name}\` on \`${element}\`: ${lower === 'style' ? 'chapters use the site’s styles' : 'it embeds a page of raw HTML'}`,
				`Remove the \`${name}\` attribute.`,
			);
			continue;
		}
		if (typeof value === 'string' && URL_ATTRIBUTES.has(lower)) {
			const unsafe = unsafeScheme(value);
			if (unsafe) {
				ctx.report(place(), 'unsafe-url', `Unsafe \`${unsafe.scheme}\` URL in attribute \`${name}\` of \`${element}\`: ${unsafe.why}`, 'Use an http(s) address or a course page (/chapters/<slug>/).');
				continue;
			}
		}
		if (mode === 'allowed' && !allowed.has(lower))
			ctx.report(
				place(),
				'unsafe-html',
				allowed.size ? `Unexpected attribute \`${name}\` on \`${element}\`: only ${[...allowed].join(', ')} are allowed` : `Unexpected attribute \`${name}\` on \`${element}\``,
				`Remove the \`${name}\` attribute (classes and ids would let a chapter imitate the site's own components).`,
			);
	}
}

/**
 * Where an attribute is written: the parser places elements, not their attributes, so find the attribute's name
 * (or its `{` for a spread) inside the element's opening tag. Bounded: an opening tag is searched for 4 KB.
 */
function attributePlace(node: JsxNode, attr: JsxAttribute, source: string): Node {
	const start = node.position?.start;
	if (!start || start.offset === undefined) return node;
	const tag = source.slice(start.offset, start.offset + 4096);
	const i = attr.type === 'mdxJsxExpressionAttribute' ? tag.indexOf(`{${String(attr.value ?? '')}`) : tag.search(new RegExp(`\\s${attr.name!.replace(/[^\w:-]/g, '')}(?=[\\s=/>]|$)`));
	if (i < 0) return node;
	const offset = attr.type === 'mdxJsxExpressionAttribute' ? i : i + 1;
	const before = tag.slice(0, offset);
	const newlines = before.split('\n').length - 1;
	const point = { line: start.line + newlines, column: newlines ? offset - before.lastIndexOf('\n') : start.column + offset, offset: start.offset + offset };
	return { type: 'attribute', position: { start: point, end: point } } as Node;
}

/** `{/* a comment *\/}` is how MDX writes comments: it evaluates nothing, so it is allowed. */
function isCommentOnly(node: ExpressionNode): boolean {
	const v = node.value.trim();
	// One block comment and nothing else (`/* a */ x /* b */` is code).
	return v.startsWith('/*') && v.endsWith('*/') && v.indexOf('*/') === v.length - 2;
}

const snippet = (code: string) => {
	const one = code.replace(/\s+/g, ' ').trim();
	return one.length > 40 ? `${one.slice(0, 39)}…` : one;
};

const at = (place: { line: number; column: number } | undefined): Node => ({ type: 'place', ...(place ? { position: { start: place, end: place } } : {}) }) as Node;
