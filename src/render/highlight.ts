/**
 * Syntax highlighting of code blocks with Shiki, exactly as Astro's Markdown pipeline does it
 * (`rehypeShiki` from @astrojs/markdown-remark: same themes, classes and markup). It runs after the sanitizer:
 * it only turns the text of `<pre><code>` into coloured spans, and escapes all of it.
 */
import type { Element, Root } from 'hast';

type Transformer = (tree: Root) => Promise<void>;
let transformer: Promise<Transformer> | undefined;

function hasCode(node: Root | Element): boolean {
	for (const c of node.children) {
		if (c.type !== 'element') continue;
		if (c.tagName === 'pre' && c.children.some((k) => k.type === 'element' && k.tagName === 'code')) return true;
		if (hasCode(c)) return true;
	}
	return false;
}

export async function highlightCode(tree: Root): Promise<void> {
	// Shiki and its grammars load on first use: a course without code blocks never pays for them.
	if (!hasCode(tree)) return;
	transformer ??= import('@astrojs/markdown-remark').then(({ rehypeShiki }) => (rehypeShiki as unknown as (config: object, exclude: string[]) => Transformer)({}, []));
	await (await transformer)(tree);
}
