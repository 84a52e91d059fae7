/**
 * The one parser of chapters: Sätteri (Astro 7's Markdown engine, in Rust), MDX syntax with GitHub extensions,
 * generic directives (`:name[label]{attrs}`, `::name`, `:::name`), heading ids (`## Title {#id}`) and smart
 * punctuation. The checker checks this tree and the renderer renders this tree; nothing parses a chapter twice.
 */
import type { Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { blankFrontmatter, splitFrontmatter } from './frontmatter.ts';

const FEATURES = { gfm: true, frontmatter: false, directive: true, headingAttributes: true, smartPunctuation: true } as const;

export interface ParseFailure {
	line: number;
	column: number;
	message: string;
}

/** Parse a chapter body (frontmatter already blanked, see ./frontmatter.ts). */
export function parseChapter(text: string): { tree: Root } | { error: ParseFailure } {
	try {
		return { tree: mdxToMdast(text, { features: FEATURES }) as Root };
	} catch (error) {
		// "12:5: Unexpected character … (mdx-jsx:unexpected-character)"
		const message = String((error as Error)?.message ?? error);
		const m = /^(\d+):(\d+): ([\s\S]*?)(?: \([a-z-]+:[a-z-]+\))?$/.exec(message.trim());
		return { error: m ? { line: Number(m[1]), column: Number(m[2]), message: m[3]! } : { line: 1, column: 1, message } };
	}
}

/** The tree of a whole chapter file (frontmatter skipped), for tools and tests; throws on a syntax error. */
export function parseTree(text: string): Root {
	const result = parseChapter(blankFrontmatter(text, splitFrontmatter(text).frontmatter));
	if ('error' in result) throw new Error(`${result.error.line}:${result.error.column}: ${result.error.message}`);
	return result.tree;
}
