/**
 * Code blocks (src/syntax/code-meta.ts, src/render/render.ts, src/render/highlight.ts): a title becomes the
 * caption of a figure, `{1,3-5}` and `// [!code highlight]` highlight lines, `// [!code ++]` / `[!code --]`
 * mark a diff, `showLineNumbers` numbers the lines — on Shiki's transformers. What the render step adds passes
 * the sanitizer; what Shiki adds after it is classes on its own elements and its colours, nothing else. Their
 * check errors are the fixture tests/check/fixtures/code-meta/.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { STRICT_POLICY } from '../../src/config/policy.ts';
import { chapterHast } from '../../src/render/chapter.ts';
import { highlightCode } from '../../src/render/highlight.ts';
import { sanitizeSchema } from '../../src/render/sanitize.ts';
import { parseCodeMeta, shikiMeta } from '../../src/syntax/code-meta.ts';
import { parseTree } from '../../src/syntax/parse.ts';
import { outline } from '../helpers/render.ts';
import type { OwnershipSchema } from '../../src/schema/ownership.ts';

const schema = { controls: new Map(), services: new Map(), parties: [] } as unknown as OwnershipSchema;

/** The chapter's HTML as the page holds it, read back as hast (Shiki's own trees name properties as HTML does). */
async function highlighted(markdown: string): Promise<Root> {
	const tree = chapterHast(parseTree(markdown), { schema, base: '/', policy: STRICT_POLICY });
	await highlightCode(tree);
	return fromHtml(toHtml(tree), { fragment: true });
}
const classes = (tree: Root, selector: string) => selectAll(selector, tree).map((e) => (e.properties.className as string[]).join(' '));
const lines = (tree: Root) => selectAll('code > .line', tree).map((l) => ({ text: toText(l), class: (l.properties.className as string[]).filter((c) => c !== 'line').join(' ') }));
const toText = (node: Element): string => node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? toText(c) : '')).join('');

describe('code-block options', () => {
	it('reads a title, the lines to highlight and line numbers', () => {
		expect(parseCodeMeta('title="src/app.ts" {1,3-5} showLineNumbers', 6)).toEqual({ meta: { title: 'src/app.ts', highlight: [[1, 1], [3, 5]], lineNumbers: true }, problems: [] });
		expect(parseCodeMeta("title='a b.ts'").meta.title).toBe('a b.ts');
		expect(parseCodeMeta('').meta).toEqual({ highlight: [], lineNumbers: false });
	});

	it('passes Shiki only what was accepted, normalised (a title is the render step’s)', () => {
		expect(shikiMeta(parseCodeMeta('title="{9}" { 2 , 4-6 } showLineNumbers', 6).meta)).toBe('{2,4-6} showLineNumbers');
		expect(shikiMeta(parseCodeMeta('{2-9}', 3).meta)).toBe('');
	});

	it('places every problem at its offset in the options', () => {
		expect(parseCodeMeta('{1,9} linenumbers', 3).problems.map((p) => [p.offset, p.message])).toEqual([
			[3, 'Line 9 to highlight is beyond the end of the code block, which has 3 lines'],
			[6, 'Unexpected code-block option `linenumbers`, expected title="…", {lines} or showLineNumbers. Did you mean "showLineNumbers"?'],
		]);
	});
});

describe('a code block with a title', () => {
	it('is a figure whose caption is the title; the other options travel to the highlighter as data-meta', () => {
		expect(outline('```ts title="src/trail.ts" {2} showLineNumbers\nconst a = 1;\nconst b = 2;\n```\n', { schema })).toBe(`
<figure class="code-block">
  <figcaption class="code-block__title"> "src/trail.ts"
  <pre>
    <code class="language-ts" data-meta="{2} showLineNumbers"> "const a = 1;\\nconst b = 2;\\n"
`);
	});

	it('without options stays a plain pre > code, as before', () => {
		expect(outline('```sh\naws s3 ls\n```\n', { schema })).toBe(`
<pre>
  <code class="language-sh"> "aws s3 ls\\n"
`);
	});
});

describe('highlighted with Shiki’s transformers', () => {
	it('marks the lines of {…}, numbers them, and keeps the caption', async () => {
		const tree = await highlighted('```ts title="a.ts" {1,3} showLineNumbers\nconst a = 1;\nconst b = 2;\nconst c = 3;\n```\n');
		expect(classes(tree, 'figure > pre')).toEqual(['astro-code github-dark line-numbers has-highlighted']);
		expect(lines(tree).map((l) => l.class)).toEqual(['highlighted', '', 'highlighted']);
		expect(selectAll('figcaption', tree).map(toText)).toEqual(['a.ts']);
	});

	it('marks a diff from [!code ++] and [!code --], and a highlight from [!code highlight], removing the comments', async () => {
		const tree = await highlighted('```js\nlet a = 1; // [!code --]\nlet a = 2; // [!code ++]\nrun(a); // [!code highlight]\n```\n');
		expect(classes(tree, 'pre')).toEqual(['astro-code github-dark has-highlighted has-diff']);
		expect(lines(tree)).toEqual([
			{ text: 'let a = 1; ', class: 'diff remove' },
			{ text: 'let a = 2; ', class: 'diff add' },
			{ text: 'run(a); ', class: 'highlighted' },
		]);
	});

	it('shows a ```diff block as a patch', async () => {
		const tree = await highlighted('```diff\n- old\n+ new\n```\n');
		expect(lines(tree).map((l) => l.text)).toEqual(['- old', '+ new']);
		expect(selectAll('pre', tree).map((p) => p.properties.dataLanguage)).toEqual(['diff']);
	});

	it('emits nothing the sanitizer would remove but Shiki’s colours (style), which it writes after it', async () => {
		const tree = await highlighted('```ts title="src/a.ts" {2} showLineNumbers\nconst a = 1;\nconst b = 2; // [!code ++]\n```\n\n```diff\n+ x\n```\n\n```\nplain\n```\n');
		const withoutStyle = structuredClone(tree);
		const strip = (node: Root | Element) => {
			for (const c of node.children) if (c.type === 'element') {
				delete c.properties.style;
				strip(c);
			}
		};
		strip(withoutStyle);
		expect(toHtml(sanitize(withoutStyle, sanitizeSchema(STRICT_POLICY)))).toBe(toHtml(withoutStyle));
		expect(toHtml(withoutStyle)).not.toContain('data-meta');
		expect(toHtml(withoutStyle)).not.toContain('metastring');
	});
});
