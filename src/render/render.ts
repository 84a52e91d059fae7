/**
 * The render step of the language: turns checked directives into HTML-ready mdast. Used by the remark plugin
 * (chapter pages) and by the course model (glossary and practice-exam fragments), so both render alike.
 */
import type { Heading, Link, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { GithubSlugger } from '../core/slug.ts';
import { directiveFor } from '../directives/registry.ts';
import type { DirectiveNode, RenderContext } from '../directives/types.ts';

export function renderTree(tree: Root, ctx: RenderContext, source?: string) {
	const slugger = new GithubSlugger();
	visit(tree, (node, index, parent) => {
		if (node.type === 'heading') {
			const h = node as Heading;
			h.data = { ...h.data, hProperties: { ...(h.data?.hProperties ?? {}), id: slugger.slug(toString(h)) } };
			return;
		}
		if (node.type === 'link') {
			const link = node as Link;
			// Authors link from the site root (`/chapters/x/`); the deploy base is added here.
			if (link.url.startsWith('/') && !link.url.startsWith('//') && ctx.base !== '/') link.url = ctx.base + link.url.slice(1);
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
			parent.children.splice(index, 1, { type: 'text', value: sourceOf(d, source) } as never);
			return index;
		}
		return;
	});
}

/** The text a directive was written as: from the file, or as the checker recorded it (fragments have no file). */
function sourceOf(node: DirectiveNode, source?: string): string {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	if (source !== undefined && start !== undefined && end !== undefined) return source.slice(start, end);
	const recorded = (node.data as { source?: unknown } | undefined)?.source;
	if (typeof recorded === 'string') return recorded;
	// Last resort, for trees built without the checker: an equivalent spelling.
	const attrs = Object.entries(node.attributes ?? {}).map(([k, v]) => (v ? `${k}="${v.replaceAll('"', '&quot;')}"` : k));
	const label = node.children.length ? `[${toString(node)}]` : '';
	return `:${node.name}${label}${attrs.length ? `{${attrs.join(' ')}}` : ''}`;
}

/** Render a fragment of a chapter (a quiz, a flashcard back) to an HTML string. */
export function renderFragment(nodes: readonly Nodes[], ctx: RenderContext): string {
	const root = structuredClone({ type: 'root', children: nodes }) as Root;
	renderTree(root, ctx);
	return toHtml(toHast(root));
}

export function createRenderContext(init: Omit<RenderContext, 'nextId'>): RenderContext {
	const counters = new Map<string, number>();
	return {
		...init,
		nextId(prefix) {
			const n = (counters.get(prefix) ?? 0) + 1;
			counters.set(prefix, n);
			return `${prefix}-${n}`;
		},
	};
}
