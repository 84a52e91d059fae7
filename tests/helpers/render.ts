/**
 * Render chapter Markdown exactly as the pipeline does (src/render/chapter.ts: directives, links, hast, the
 * sanitizer, diagrams), minus syntax highlighting (asynchronous, Shiki's own), with term tooltips filled from
 * the given glossary as pages fill them.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { STRICT_POLICY } from '../../src/config/policy.ts';
import type { GlossaryEntry } from '../../src/directives/types.ts';
import { chapterHast } from '../../src/render/chapter.ts';
import { fillTerms } from '../../src/render/terms.ts';
import type { OwnershipSchema } from '../../src/schema/ownership.ts';
import { parseTree } from '../../src/syntax/parse.ts';
import { checkText } from './check.ts';

export interface RenderOptions {
	schema: OwnershipSchema;
	glossary?: GlossaryEntry[];
	base?: string;
}

export function renderHast(markdown: string, { schema, base = '/' }: RenderOptions): HastRoot {
	// As in the pipeline, the renderer gets the tree the checker checked (it records, for example, the source
	// of prose that looks like a directive). Problems are not asserted here: the fixtures do that.
	const checked = checkText('/course/chapters/example.mdx', markdown, schema);
	return chapterHast(checked.tree ?? parseTree(markdown), { schema, base, policy: STRICT_POLICY });
}

/** The HTML a page would contain. */
export const renderHtml = (markdown: string, options: RenderOptions) => {
	const glossary = new Map((options.glossary ?? []).map((g) => [g.id, g]));
	return fillTerms(toHtml(renderHast(markdown, options)), (id) => glossary.get(id));
};

/**
 * The same HTML as an indented outline, one element per line and text in quotes (so spaces show), for
 * snapshots a reader can review. Escaping is not shown here: assert on renderHtml for that.
 */
export function outline(markdown: string, options: RenderOptions): string {
	const lines: string[] = [];
	const glossary = new Map((options.glossary ?? []).map((g) => [g.id, g]));
	const walk = (node: ElementContent, depth: number) => {
		const pad = '  '.repeat(depth);
		if (node.type === 'text') {
			if (node.value.trim()) lines.push(pad + JSON.stringify(node.value));
			return;
		}
		if (node.type !== 'element') return;
		// Term tooltips are filled by the page (src/render/terms.ts); show them filled.
		const term = node.properties.dataTermDef;
		if (typeof term === 'string') {
			const entry = glossary.get(term);
			delete node.properties.dataTermDef;
			node.children = entry ? [{ type: 'text', value: `${entry.front}: ${entry.text}` }] : [];
		}
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
