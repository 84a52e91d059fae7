/**
 * One checked chapter tree → its HTML, in this project's code (no MDX, no JavaScript module per chapter):
 *
 *   directives and links (./render.ts) → hast (mdast-util-to-hast; safe inline HTML elements become elements,
 *   comments vanish) → diagrams and tables → sanitize (./sanitize.ts) → syntax highlighting → HTML, plus the fragments
 *   other pages show (each quiz for the practice exam, each flashcard's back for the glossary).
 */
import type { Element, ElementContent, Root as HastRoot, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { type Handler, toHast } from 'mdast-util-to-hast';
import type { ContentPolicy } from '../config/policy.ts';
import { propertyOf } from '../config/policy.ts';
import type { RenderContext } from '../directives/types.ts';
import { highlightCode } from './highlight.ts';
import { createRenderContext, DIAGRAM_ALT, type PublishedImage, renderTree } from './render.ts';
import { sanitizeChapter } from './sanitize.ts';

export interface RenderedChapter {
	html: string;
	/** HTML of each quiz by id (for the practice exam), with its ids made unique for a page of many quizzes. */
	quizzes: Record<string, string>;
	/** HTML of each flashcard's back by term id (for the glossary). */
	terms: Record<string, string>;
}

export interface ChapterRenderOptions {
	schema: RenderContext['schema'];
	base: string;
	/** The interface strings (default: English). */
	ui?: RenderContext['ui'] | undefined;
	policy: ContentPolicy;
	images?: ReadonlyMap<string, PublishedImage>;
}

interface JsxAttribute {
	type: string;
	name?: string;
	value?: unknown;
}

/** `<kbd>`, `<abbr title="…">`: the checker admitted these elements and their literal attributes; nothing else. */
const jsxElement: Handler = (state, node) => {
	const properties: Properties = {};
	for (const a of (node as { attributes: JsxAttribute[] }).attributes)
		if (a.type === 'mdxJsxAttribute' && a.name && (typeof a.value === 'string' || a.value === null)) properties[propertyOf(a.name)] = a.value ?? true;
	const result: Element = { type: 'element', tagName: (node as { name: string }).name, properties, children: state.all(node) as ElementContent[] };
	state.patch(node, result);
	return state.applyData(node, result);
};
const nothing: Handler = () => undefined;

/**
 * What the directives rendered (`data.hName`, `data.hProperties`): the library's default handler deep-clones
 * the properties of every such element, which was the single largest cost of rendering; the tree is ours and
 * thrown away after this step, so a shallow copy is enough.
 */
const rendered: Handler = (state, node) => {
	const data = (node.data ?? {}) as { hName?: string; hProperties?: Properties };
	const result: Element = { type: 'element', tagName: data.hName ?? 'div', properties: { ...data.hProperties }, children: state.all(node) as ElementContent[] };
	state.patch(node, result);
	return result;
};

const HANDLERS = {
	mdxJsxFlowElement: jsxElement,
	mdxJsxTextElement: jsxElement,
	mdxFlowExpression: nothing,
	mdxTextExpression: nothing,
	mdxjsEsm: nothing,
	element: rendered,
	containerDirective: rendered,
	leafDirective: rendered,
	textDirective: rendered,
} as Record<string, Handler>;

/** Everything but syntax highlighting: directives, links, images → hast, diagrams and tables marked → sanitized. */
export function chapterHast(tree: Root, options: ChapterRenderOptions): HastRoot {
	const ctx = createRenderContext({ schema: options.schema, base: options.base, ui: options.ui });
	renderTree(tree, ctx, options.images ? { images: options.images } : {});
	const hast = toHast(tree, { handlers: HANDLERS }) as HastRoot;
	normaliseProperties(hast);
	markDiagrams(hast, ctx.ui);
	wrapTables(hast, ctx.ui);
	// Last, over everything including the figures and wrappers above (src/render/sanitize.ts allows them).
	return sanitizeChapter(hast, options.policy);
}

export async function renderChapter(tree: Root, options: ChapterRenderOptions): Promise<RenderedChapter> {
	const clean = chapterHast(tree, options);
	await highlightCode(clean);
	const quizzes: Record<string, string> = {};
	const terms: Record<string, string> = {};
	collectFragments(clean, quizzes, terms);
	return { html: toHtml(clean), quizzes, terms };
}

/** Directives write HTML attribute names (`data-ref`, `aria-describedby`); hast and the sanitizer use property names. */
function normaliseProperties(node: HastRoot | ElementContent) {
	if (node.type === 'element') {
		const props: Properties = {};
		for (const [k, v] of Object.entries(node.properties)) props[k.includes('-') ? propertyOf(k) : k] = v;
		node.properties = props;
	}
	if ('children' in node) for (const c of node.children) normaliseProperties(c as ElementContent);
}

/**
 * ```mermaid blocks become a figure (drawn in the browser by src/scripts/diagrams.ts, never highlighted as code):
 *
 *   <figure class="diagram" data-diagram data-scroll-hint="Scroll sideways for more">
 *     <pre class="mermaid" data-pagefind-ignore hidden>the source</pre>
 *     <p class="diagram__alt"><span class="diagram__label" data-pagefind-ignore>Diagram: </span>the fence's alt="…"</p>
 *   </figure>
 *
 * Without JavaScript a reader sees the text alternative, not the source; the script draws the diagram and
 * gives it the same text as its accessible name. A diagram without `alt` (a warning, diagram-no-alt) shows its
 * source as before. Search never indexes the source.
 */
function markDiagrams(node: HastRoot | ElementContent, ui: RenderContext['ui']) {
	if (!('children' in node)) return;
	node.children.forEach((child, i) => {
		if (child.type !== 'element') return;
		const code = child.tagName === 'pre' && child.children.length === 1 ? child.children[0] : undefined;
		if (code?.type === 'element' && code.tagName === 'code' && (code.properties.className as string[] | undefined)?.includes('language-mermaid')) {
			const alt = code.properties[DIAGRAM_ALT];
			const source: Element = { type: 'element', tagName: 'pre', properties: { className: ['mermaid'], dataPagefindIgnore: '', hidden: typeof alt === 'string' }, children: code.children };
			const text: Element[] =
				typeof alt === 'string'
					? [{ type: 'element', tagName: 'p', properties: { className: ['diagram__alt'] }, children: [{ type: 'element', tagName: 'span', properties: { className: ['diagram__label'], dataPagefindIgnore: '' }, children: [{ type: 'text', value: `${ui.t('diagram.label')} ` }] }, { type: 'text', value: alt }] }]
					: [];
			// A diagram without alt is named "Diagram" when drawn (src/scripts/diagrams.ts reads the name from here).
			node.children[i] = { type: 'element', tagName: 'figure', properties: { className: ['diagram'], dataDiagram: '', dataScrollHint: ui.t('scroll.hint'), ...(typeof alt === 'string' ? {} : { dataName: ui.t('diagram.unnamed') }) }, children: [source, ...text] };
			return;
		}
		markDiagrams(child, ui);
	});
}

/**
 * Every table sits in a scroll container that a keyboard can reach (a table wider than the column scrolls
 * sideways inside it, not the page), named by its column headings. src/scripts/chapter.ts adds the visible
 * cue when it really is wider.
 */
function wrapTables(node: HastRoot | ElementContent, ui: RenderContext['ui']) {
	if (!('children' in node)) return;
	node.children.forEach((child, i) => {
		if (child.type !== 'element') return;
		if (child.tagName === 'table') {
			node.children[i] = { type: 'element', tagName: 'div', properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: tableLabel(child, ui), dataScrollHint: ui.t('scroll.hint') }, children: [child] };
			return;
		}
		wrapTables(child, ui);
	});
}

/** "Table: Service, Who patches, Notes" — the first row's cells, at most four. */
function tableLabel(table: Element, ui: RenderContext['ui']): string {
	const text = (n: ElementContent): string => (n.type === 'text' ? n.value : n.type === 'element' ? n.children.map(text).join('') : '');
	const rows: Element[] = [];
	const walk = (n: Element) => {
		for (const c of n.children) if (c.type === 'element') c.tagName === 'tr' ? rows.push(c) : walk(c);
	};
	walk(table);
	const cells = (rows[0]?.children ?? []).filter((c): c is Element => c.type === 'element').map((c) => text(c).replace(/\s+/g, ' ').trim()).filter(Boolean);
	const shown = cells.slice(0, 4).join(', ');
	return shown ? ui.t('table.label', { columns: `${shown}${cells.length > 4 ? ', …' : ''}` }) : ui.t('table.unnamed');
}

function collectFragments(node: HastRoot | Element, quizzes: Record<string, string>, terms: Record<string, string>) {
	for (const child of node.children) {
		if (child.type !== 'element') continue;
		const quiz = child.properties.dataQuiz;
		if (typeof quiz === 'string') {
			// The practice exam shows many quizzes on one page: their inner ids (tooltips, results) get the quiz's prefix.
			quizzes[quiz] = prefixIds(toHtml(child), `${quiz}-`);
			continue;
		}
		const term = child.properties.dataTerm;
		if (typeof term === 'string') {
			const back = child.children.find((c): c is Element => c.type === 'element' && ((c.properties.className as string[] | undefined) ?? []).includes('flashcard__back'));
			if (back) terms[term] = prefixIds(toHtml(back.children), `${term}-`);
		}
		collectFragments(child, quizzes, terms);
	}
}

/**
 * Prefix the page-local ids our renderers number (`tip-3`, `def-1`, `exercise-2`) and the references to them,
 * in HTML this module just serialized (attribute by attribute, always double-quoted), so fragments from many
 * chapters can share a page.
 */
const OWN_IDS = /( (?:id|aria-describedby|aria-labelledby|aria-controls)=")((?:tip|def|exercise)-\d+)/g;
const prefixIds = (html: string, prefix: string) => html.replace(OWN_IDS, (_, attr: string, id: string) => `${attr}${prefix}${id}`);
