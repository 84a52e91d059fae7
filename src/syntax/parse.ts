/**
 * The one parser of chapters for checks: the same syntax Astro's MDX pipeline sees (MDX + GFM + directives +
 * frontmatter), parse only — no transforms, no HTML — so checking is cheap.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();

export function parseChapter(text: string): Root {
	return processor.parse(text) as Root;
}
