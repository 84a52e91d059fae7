/**
 * A build parses every chapter twice with the same syntax: once in the checker (src/check/parse.ts: MDX, GFM,
 * directives, frontmatter) and again when Astro's MDX pipeline compiles it. Parsing is the largest single cost
 * of compiling a chapter, so in a build the MDX pipeline starts from a copy of the checker's tree instead.
 *
 * Only when the text is provably the one the checker parsed. @astrojs/mdx hands its parser the file with the
 * frontmatter blanked out by spaces (same length, same offsets), so the body must be identical and the
 * frontmatter region blank; the copy then drops the checker's `yaml` node, which MDX never sees. Anything else
 * (the dev server, a file changed since the check, a byte-order mark) is parsed as usual.
 */
import type { Root } from 'mdast';
import type { ChapterFacts } from '../check/chapter.ts';

export function reusableTree(facts: Pick<ChapterFacts, 'tree' | 'text'> | undefined, doc: string): Root | undefined {
	const tree = facts?.tree;
	const text = facts?.text;
	if (!tree || text === undefined || text.length !== doc.length) return undefined;
	const first = tree.children[0];
	const bodyStart = first?.type === 'yaml' ? first.position?.end.offset : 0;
	if (bodyStart === undefined || doc.slice(bodyStart) !== text.slice(bodyStart) || doc.slice(0, bodyStart).trim() !== '') return undefined;
	// A copy: the remark plugins transform the tree in place, and the checker's tree stays the course's record.
	const copy = structuredClone(tree);
	if (first?.type === 'yaml') copy.children.shift();
	return copy;
}
