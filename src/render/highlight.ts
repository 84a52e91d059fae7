/**
 * Syntax highlighting of code blocks with Shiki, exactly as Astro's Markdown pipeline does it
 * (`rehypeShiki` from @astrojs/markdown-remark: same themes, classes and markup), with Shiki's own transformers
 * (@shikijs/transformers) for what authors mark: `{1,3-5}` after the language and `// [!code highlight]`
 * highlight lines (`.line.highlighted`), `// [!code ++]` / `// [!code --]` mark added and removed lines
 * (`.line.diff.add` / `.remove`, `pre.has-diff`), and `showLineNumbers` numbers them (`pre.line-numbers`,
 * drawn by CSS counters, so numbers are neither copied nor indexed). The options come normalised from the
 * render step (`data-meta`, ./render.ts). It runs after the sanitizer: it only turns the text of `<pre><code>`
 * into coloured spans with these classes, and escapes all of it.
 */
import { transformerMetaHighlight, transformerNotationDiff, transformerNotationHighlight } from '@shikijs/transformers';
import type { Element, Root } from 'hast';
import { parseCodeMeta } from '../syntax/code-meta.ts';

type Transformer = (tree: Root) => Promise<void>;
/** Shiki's transformer type, as this package's own dependency declares it. */
type ShikiTransformer = ReturnType<typeof transformerMetaHighlight>;
let transformer: Promise<Transformer> | undefined;

/** Classes on `<pre>` for the options the other transformers do not mark there. */
const codeOptions: ShikiTransformer = {
	name: 'course-site:code-options',
	pre(node) {
		const { meta } = parseCodeMeta(this.options.meta?.__raw);
		if (meta.lineNumbers) this.addClassToHast(node, 'line-numbers');
		if (meta.highlight.length) this.addClassToHast(node, 'has-highlighted');
	},
};

export const TRANSFORMERS: ShikiTransformer[] = [transformerMetaHighlight(), transformerNotationHighlight(), transformerNotationDiff(), codeOptions];

/** Whether the tree has a code block; each one's `data-meta` becomes the meta string rehypeShiki passes on. */
function prepare(node: Root | Element): boolean {
	let found = false;
	for (const c of node.children) {
		if (c.type !== 'element') continue;
		if (c.tagName === 'pre' && c.children.length === 1 && c.children[0]!.type === 'element' && c.children[0]!.tagName === 'code') {
			const code = c.children[0]!;
			const meta = code.properties.dataMeta;
			delete code.properties.dataMeta;
			if (typeof meta === 'string') code.properties.metastring = meta;
			found = true;
		} else if (prepare(c)) found = true;
	}
	return found;
}

export async function highlightCode(tree: Root): Promise<void> {
	// Shiki and its grammars load on first use: a course without code blocks never pays for them.
	if (!prepare(tree)) return;
	transformer ??= import('@astrojs/markdown-remark').then(({ rehypeShiki }) => (rehypeShiki as unknown as (config: object, exclude: string[]) => Transformer)({ transformers: TRANSFORMERS }, []));
	await (await transformer)(tree);
}
