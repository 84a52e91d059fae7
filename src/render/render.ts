/**
 * The render step of the language, on the tree the checker checked: directives become HTML-ready mdast
 * (src/directives/*), links get the deploy base and chapter routes, local images their published file and
 * size. The ids of headings were set by the checker, so the anchors on the page are the ones it verified.
 */
import type { Code, Image, Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Parent } from 'unist';
import { walk } from '../core/walk.ts';
import { withBase } from '../core/routes.ts';
import { directiveFor } from '../directives/registry.ts';
import type { DirectiveNode, RenderContext } from '../directives/types.ts';
import { englishUi } from '../i18n/index.ts';
import { parseCodeMeta, shikiMeta } from '../syntax/code-meta.ts';
import { diagramAlt } from '../syntax/fence.ts';

/** A local image as published: its URL on the site and its size. */
export interface PublishedImage {
	src: string;
	width: number;
	height: number;
}

export interface TreeRenderOptions {
	/** Local images by the URL written in the chapter. */
	images?: ReadonlyMap<string, PublishedImage>;
}

/** The property that carries a diagram's `alt` from its fence to the renderer (`data-diagram-alt`). */
export const DIAGRAM_ALT = 'dataDiagramAlt';

export function renderTree(tree: Root, ctx: RenderContext, options: TreeRenderOptions = {}) {
	walk(tree, (node, index, parent) => {
		if (node.type === 'link') {
			const link = node as Link;
			// Relative links to chapter files were resolved by the checker; site-root links get the deploy base.
			const courseHref = (link.data as { courseHref?: string } | undefined)?.courseHref;
			if (courseHref) link.url = withBase(ctx.base, courseHref);
			else if (link.url.startsWith('/') && !link.url.startsWith('//')) link.url = withBase(ctx.base, link.url);
			return;
		}
		if (node.type === 'code') return codeBlock(node as Code, index, parent);
		if (node.type === 'image') {
			const image = node as Image;
			const published = options.images?.get(image.url);
			if (published) {
				image.url = published.src;
				image.data = { ...image.data, hProperties: { width: published.width, height: published.height, loading: 'lazy', decoding: 'async' } };
			}
			return;
		}
		if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
		const d = node as DirectiveNode;
		const spec = directiveFor(d.name);
		if (spec && spec.kinds.includes(d.type)) {
			spec.render(d, ctx);
			return;
		}
		// Not ours: prose like `re:Invent` or `arn:aws:s3:::bucket`. Put the exact source text back.
		if (d.type === 'textDirective' && parent && index !== undefined) {
			parent.children.splice(index, 1, { type: 'text', value: sourceOf(d) } as never);
			return index;
		}
		return;
	});
}

/**
 * A code block's options (src/syntax/code-meta.ts): a title makes it a figure with the title as its caption;
 * the highlighted lines and line numbers travel to the highlighter (./highlight.ts) as `data-meta`, normalised,
 * and the raw meta is dropped, so nothing the checker did not accept reaches Shiki. A diagram keeps only its `alt`.
 */
function codeBlock(code: Code, index: number | undefined, parent: Parent | undefined): 'skip' {
	if (code.lang === 'mermaid') {
		// A diagram's only option is its text alternative: it travels on its <code> to the figure that replaces it (./chapter.ts).
		const alt = diagramAlt(code.meta);
		if (alt) code.data = { ...code.data, hProperties: { ...code.data?.hProperties, [DIAGRAM_ALT]: alt } };
		return 'skip';
	}
	if (!code.meta) return 'skip';
	const { meta } = parseCodeMeta(code.meta);
	code.meta = null;
	const options = shikiMeta(meta);
	if (options) code.data = { ...code.data, hProperties: { ...(code.data?.hProperties as object), dataMeta: options } };
	if (meta.title && parent && index !== undefined) {
		const caption = { type: 'element', data: { hName: 'figcaption', hProperties: { className: ['code-block__title'] } }, children: [{ type: 'text', value: meta.title }] };
		parent.children[index] = { type: 'element', data: { hName: 'figure', hProperties: { className: ['code-block'] } }, children: [caption, code] } as never;
	}
	return 'skip';
}

/** The text a directive was written as, as the checker recorded it. */
function sourceOf(node: DirectiveNode): string {
	const recorded = (node.data as { source?: unknown } | undefined)?.source;
	if (typeof recorded === 'string') return recorded;
	// For trees built without the checker: an equivalent spelling.
	const attrs = Object.entries(node.attributes ?? {}).map(([k, v]) => (v ? `${k}="${v.replaceAll('"', '&quot;')}"` : k));
	const label = node.children.length ? `[${toString(node)}]` : '';
	return `:${node.name}${label}${attrs.length ? `{${attrs.join(' ')}}` : ''}`;
}

/** A render context; without `ui`, the English interface. */
export function createRenderContext(init: Omit<RenderContext, 'nextId' | 'ui'> & { ui?: RenderContext['ui'] | undefined }): RenderContext {
	const counters = new Map<string, number>();
	return {
		...init,
		ui: init.ui ?? englishUi(),
		nextId(prefix) {
			const n = (counters.get(prefix) ?? 0) + 1;
			counters.set(prefix, n);
			return `${prefix}-${n}`;
		},
	};
}
