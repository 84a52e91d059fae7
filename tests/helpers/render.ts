/**
 * Render chapter Markdown the way a page does, without Astro: the checker's parser (remark-parse + remark-mdx +
 * GFM + remark-directive), the language's render step (src/remark/render.ts), then mdast-util-to-hast and
 * hast-util-to-html — the same two steps remark-rehype and Astro run after our plugin.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { parseChapter } from '../../src/syntax/parse.ts';
import type { GlossaryEntry } from '../../src/directives/types.ts';
import { createRenderContext, renderTree } from '../../src/render/render.ts';
import type { OwnershipSchema } from '../../src/schema/ownership.ts';

export interface RenderOptions {
	schema: OwnershipSchema;
	glossary?: GlossaryEntry[];
	base?: string;
}

export function renderHast(markdown: string, { schema, glossary = [], base = '/' }: RenderOptions): HastRoot {
	const tree = parseChapter(markdown);
	renderTree(tree, createRenderContext({ schema, glossary: new Map(glossary.map((g) => [g.id, g])), base }), markdown);
	return toHast(tree) as HastRoot;
}

/** The HTML a page would contain. */
export const renderHtml = (markdown: string, options: RenderOptions) => toHtml(renderHast(markdown, options));

/**
 * The same HTML as an indented outline, one element per line and text in quotes (so spaces show), for
 * snapshots a reader can review. Escaping is not shown here: assert on renderHtml for that.
 */
export function outline(markdown: string, options: RenderOptions): string {
	const lines: string[] = [];
	const walk = (node: ElementContent, depth: number) => {
		const pad = '  '.repeat(depth);
		if (node.type === 'text') {
			if (node.value.trim()) lines.push(pad + JSON.stringify(node.value));
			return;
		}
		if (node.type !== 'element') return;
		const open = openTag(node);
		const kids = node.children.filter((c) => c.type !== 'text' || c.value.trim());
		if (kids.length === 0) lines.push(open);
		else if (kids.length === 1 && kids[0]!.type === 'text') lines.push(`${pad}${open} ${JSON.stringify(kids[0]!.value)}`);
		else {
			lines.push(pad + open);
			for (const c of node.children) walk(c, depth + 1);
		}
		if (kids.length === 0) lines[lines.length - 1] = pad + open;
	};
	for (const c of renderHast(markdown, options).children) walk(c as ElementContent, 0);
	return `\n${lines.join('\n')}\n`;
}

/** `<tag a="b">` exactly as hast-util-to-html writes it. */
function openTag(node: Element): string {
	const html = toHtml({ ...node, children: [] });
	return html.endsWith(`</${node.tagName}>`) ? html.slice(0, -`</${node.tagName}>`.length) : html;
}
