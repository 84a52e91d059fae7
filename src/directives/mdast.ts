/**
 * Small builders for the render step. Directives turn their mdast node into nodes that carry `data.hName`
 * and `data.hProperties`, which remark-rehype (in MDX and in plain unified) turns into HTML elements. Author
 * content stays mdast, so it is rendered by the normal pipeline, and everything is escaped by it.
 */
import type { Nodes, PhrasingContent, RootContent, Text } from 'mdast';

export type Props = Record<string, string | number | boolean | string[] | undefined>;
/** Anything a render step may put in a tree: author mdast or our HTML-ready elements. */
export type Child = RootContent | PhrasingContent | ElementNode;

export interface ElementNode {
	type: 'element';
	data: { hName: string; hProperties: Record<string, string | number | boolean | string[]> };
	children: Child[];
}

export function el(tag: string, props: Props, children: Child[] = []): ElementNode {
	const hProperties: Record<string, string | number | boolean | string[]> = {};
	for (const [k, v] of Object.entries(props)) if (v !== undefined && v !== false) hProperties[k] = v;
	return { type: 'element', data: { hName: tag, hProperties }, children } as unknown as ElementNode;
}

export const text = (value: string): Text => ({ type: 'text', value });

/** Phrasing children of a list item or paragraph-only block, for places (labels, legends) that need inline content. */
export function phrasing(nodes: readonly Nodes[]): Child[] {
	const out: Child[] = [];
	for (const n of nodes) {
		if (n.type === 'paragraph') {
			if (out.length) out.push(text(' '));
			out.push(...n.children);
		} else out.push(n as Child);
	}
	return out;
}
