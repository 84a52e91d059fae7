/**
 * The importer (`npm run import`) on fixture sites written for these tests: tests/fixtures/import/<case>/ is a
 * folder of Starlight or Docusaurus pages, tests/fixtures/import/expected/<case>/ the course it must become
 * (every file, byte for byte) plus notes.txt, what the importer prints. UPDATE=1 rewrites the expected folders
 * (review the diff). The imported fixture courses must then pass the checker.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/check/course.ts';
import { formatText } from '../../src/check/format.ts';
import { escapeMdx } from '../../src/cli/import/body.ts';
import { fenceFor, valuesLabels } from '../../src/cli/import/components.ts';
import { firstSentence } from '../../src/cli/import/frontmatter.ts';
import { inlineCode } from '../../src/cli/import/html.ts';
import { convertCode, markComment, parseMeta, rangeText } from '../../src/cli/import/code.ts';
import { loadDraw } from '../../src/cli/import/images.ts';
import { openingTag } from '../../src/cli/import/html.ts';
import { linkTable } from '../../src/cli/import/links.ts';
import { expandIncludes, readSummary, takeLines, visibleRustLines } from '../../src/cli/import/mdbook.ts';
import { planPages } from '../../src/cli/import/pages.ts';
import { prepass } from '../../src/cli/import/prepass.ts';
import { drawImages, formatNotes, importSite, main } from '../../src/cli/import.ts';
import { STRICT_POLICY } from '../../src/config/policy.ts';
import { chapterHast } from '../../src/render/chapter.ts';
import { highlightCode } from '../../src/render/highlight.ts';
import type { OwnershipSchema } from '../../src/schema/ownership.ts';
import { parseTree } from '../../src/syntax/parse.ts';
import { imageSize } from 'image-size';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { ROOT } from '../helpers/build.ts';

const FIXTURES = path.join(ROOT, 'tests/fixtures/import');
const EXPECTED = path.join(FIXTURES, 'expected');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'course-import-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const CASES = [
	['starlight', 'starlight'],
	['docusaurus', 'docusaurus'],
	['leftovers-starlight', 'starlight'],
	['leftovers-docusaurus', 'docusaurus'],
	// Expressive Code's options and marks; Docusaurus's magic comments, HTML headings and MDX 1 braces.
	['code-starlight', 'starlight'],
	['code-docusaurus', 'docusaurus'],
	// HTML in a Markdown page: opening tag, content and closing tag are siblings in the tree.
	['html-starlight', 'starlight'],
	// An mdBook (book.toml, src/SUMMARY.md, files pulled in by {{#include}}), read as Docusaurus reads .md.
	['mdbook', 'docusaurus'],
] as const;

const files = (dir: string) =>
	fs.existsSync(dir)
		? fs
				.readdirSync(dir, { recursive: true, encoding: 'utf8' })
				.filter((f) => fs.statSync(path.join(dir, f)).isFile())
				.map((f) => f.split(path.sep).join('/'))
				.sort()
		: [];

const imported = new Map<string, ReturnType<typeof importSite>>();
function run(name: string, flavour: 'starlight' | 'docusaurus') {
	if (!imported.has(name)) imported.set(name, importSite(flavour, path.join(FIXTURES, name), path.join(tmp, name)));
	return { dest: path.join(tmp, name), result: imported.get(name)! };
}

describe.each(CASES)('importing %s', (name, flavour) => {
	it('writes exactly the expected course and notes', () => {
		const { dest, result } = run(name, flavour);
		const expected = path.join(EXPECTED, name);
		const notes = `${formatNotes(result.notes, FIXTURES)}\n`;
		if (process.env.UPDATE) {
			fs.rmSync(expected, { recursive: true, force: true });
			fs.cpSync(dest, expected, { recursive: true });
			fs.writeFileSync(path.join(expected, 'notes.txt'), notes);
		}
		expect(notes).toBe(fs.readFileSync(path.join(expected, 'notes.txt'), 'utf8'));
		expect(files(dest)).toEqual(files(expected).filter((f) => f !== 'notes.txt'));
		for (const f of files(dest)) expect([f, fs.readFileSync(path.join(dest, f)).toString('latin1')]).toEqual([f, fs.readFileSync(path.join(expected, f)).toString('latin1')]);
	});
});

/**
 * What these rely on of the pipeline: chapters in sub-folders are checked (parts, `_part.yaml`), relative links
 * (`./other.mdx#x`) resolve, `## Title {#id}` headings parse, and `draft:` is a frontmatter field.
 */
describe.each([
	['starlight', 'starlight', 4],
	['docusaurus', 'docusaurus', 4],
	['code-starlight', 'starlight', 1],
	['code-docusaurus', 'docusaurus', 2],
	['html-starlight', 'starlight', 1],
	['mdbook', 'docusaurus', 3],
] as const)('the imported %s course', (name, flavour, chapters) => {
	it('passes the check', () => {
		const { dest } = run(name, flavour);
		const result = checkCourse(dest);
		expect(formatText(result.diagnostics, dest)).toBe('');
	});

	it('is checked whole: every imported page is a chapter of the course', () => {
		const { dest } = run(name, flavour);
		expect(checkCourse(dest).chapters.length).toBe(chapters);
	});
});

describe('--unwrap', () => {
	it("replaces a site's own framing components by their content", () => {
		const dest = path.join(tmp, 'unwrapped');
		const { notes } = importSite('starlight', path.join(FIXTURES, 'leftovers-starlight'), dest, { unwrap: ['Preview'] });
		const page = fs.readFileSync(path.join(dest, 'chapters/widgets.mdx'), 'utf8');
		expect(page).toContain('\n\n:::steps\n1. Open the settings.\n2. Save.\n:::\n\n');
		expect(page).not.toContain('Preview');
		expect(formatNotes(notes, FIXTURES).split('\n')).toContain('leftovers-starlight/widgets.mdx:13: note: <Preview>: dropped the <Preview> around it (--unwrap)');
	});
});

describe('the pieces', () => {
	it('orders pages as the source sidebar does and keeps file names unique in the course', () => {
		const plans = planPages('docusaurus', [
			{ source: 'b-guide/setup.md', frontmatter: {} },
			{ source: 'a-ref/setup.md', frontmatter: {} },
			{ source: 'a-ref/index.md', frontmatter: {} },
			{ source: 'intro.md', frontmatter: { sidebar_position: 3 } },
			{ source: '02-second.md', frontmatter: {} },
			{ source: 'b-guide/start.md', frontmatter: { slug: '/go' } },
			{ source: 'b-guide/Deep Dive/setup.md', frontmatter: {} },
		], new Map([['b-guide', { position: 1 }]]));
		expect(plans.map((p) => [p.source, p.dest, p.order])).toEqual([
			// Unpositioned folders and pages sort by name together; a folder in a folder is a part of its own
			// (parts are one folder deep); the second `setup` takes its folder's name.
			['b-guide/Deep Dive/setup.md', 'b-guide-deep-dive/setup.mdx', 1],
			['b-guide/setup.md', 'b-guide/b-guide-setup.mdx', 2],
			['b-guide/start.md', 'b-guide/go.mdx', 3],
			['02-second.md', 'second.mdx', 4],
			['intro.md', 'intro.mdx', 5],
			['a-ref/index.md', 'a-ref/a-ref.mdx', 6],
			['a-ref/setup.md', 'a-ref/a-ref-setup.mdx', 7],
		]);
	});

	it('resolves file links, URL-relative links and absolute links to the new files, or to the source site', () => {
		const plans = planPages('starlight', [
			{ source: 'guides/install.mdx', frontmatter: {} },
			{ source: 'reference/config.md', frontmatter: { slug: 'reference/settings' } },
		]);
		const install = plans.find((p) => p.slug === 'install')!;
		const links = linkTable('starlight', plans);
		expect(links.resolve(install, '../reference/config.md#keys')).toEqual({ url: '../reference/settings.mdx#keys' });
		expect(links.resolve(install, '../../reference/settings/#keys')).toEqual({ url: '../reference/settings.mdx#keys' });
		expect(links.resolve(install, '/reference/settings/')).toEqual({ url: '/chapters/settings/' });
		expect(links.resolve(install, '#here')).toEqual({ unchanged: true });
		expect(links.resolve(install, 'https://example.com/')).toEqual({ unchanged: true });
		expect(links.resolve(install, '/elsewhere/')).toEqual({ problem: 'the page at /elsewhere/ was not imported (pass --site <address of the source site> to link to the original)' });
		expect(linkTable('starlight', plans, 'https://docs.example.com').resolve(install, '/elsewhere/#x')).toEqual({ url: 'https://docs.example.com/elsewhere/#x' });
	});

	it('unwraps mdx-code-block fences, drops HTML comments and rewrites `:::note Title`, never inside code', () => {
		const source = ['<!-- hidden -->', ':::note Old title', 'x', ':::', '```mdx-code-block', '<Kept />', '```', '```md', ':::note Stays', '<!-- stays -->', '```', '## Heading {#custom}'].join('\n');
		const out = prepass(source, { unwrapMdxCodeBlocks: true, dropHtmlComments: true });
		expect(out.text.split('\n')).toEqual(['', ':::note[Old title]', 'x', ':::', '', '<Kept />', '', '```md', ':::note Stays', '<!-- stays -->', '```', '## Heading {#custom}']);
		expect(out.parseText.split('\n').at(-1)).toBe(`## Heading${' '.repeat(10)}`);
	});

	it('writes HTML that chapters do not allow as Markdown', () => {
		expect(inlineCode('npm i')).toBe('`npm i`');
		expect(inlineCode('```')).toBe('```` ``` ````');
		expect(inlineCode('a `b`')).toBe('`` a `b` ``');
	});

	it('escapes what MDX reads as code in Markdown text', () => {
		expect(escapeMdx('a < b and {x} but \\{y}')).toBe('a &lt; b and \\{x\\} but \\{y\\}');
	});

	it('makes a fence longer than any inside it', () => {
		expect(fenceFor('text')).toBe(':::');
		expect(fenceFor(':::tab[A]\n  ::::tabs\n')).toBe(':::::');
	});

	it('reads tab labels from a Docusaurus values array', () => {
		expect([...valuesLabels("[{label: 'Apple', value: 'apple'}, {value: \"pear\", label: \"Pear\"}, {value: 'fig'}]")]).toEqual([
			['apple', 'Apple'],
			['pear', 'Pear'],
			['fig', 'fig'],
		]);
	});

	it('splits code-block options as Expressive Code does: quoted, /pattern/, {range}, key=value, bare words', () => {
		expect(parseMeta(`title="a b.ts" {1, 3-4} ins={"A":5} 'say "hi"' /x\\/y/ frame=none wrap`).map((o) => [o.key, o.kind, o.value])).toEqual([
			['title', 'string', 'a b.ts'],
			[undefined, 'range', '1, 3-4'],
			['ins', 'range', '"A":5'],
			[undefined, 'string', 'say "hi"'],
			[undefined, 'regexp', 'x/y'],
			['frame', 'string', 'none'],
			['wrap', 'boolean', 'true'],
		]);
		expect(rangeText([5, 1, 2, 3, 9, 8])).toBe('{1-3,5,8-9}');
	});

	it('leaves a block alone when the checker reads its options as written, and keeps what it does not know', () => {
		expect(convertCode({ flavour: 'starlight', lang: 'ts', meta: 'title="a.ts" {2} showLineNumbers', lines: ['a', 'b'] })).toBeUndefined();
		expect(convertCode({ flavour: 'starlight', lang: 'ts', meta: 'twoslash collapse={1-2}', lines: ['a', 'b'] })).toEqual({ lang: 'ts', meta: 'twoslash', lines: [{ from: 0, text: 'a' }, { from: 1, text: 'b' }], notes: ['dropped collapse={1-2}'], left: ['twoslash'] });
		expect(convertCode({ flavour: 'starlight', lang: 'js', meta: 'ins={1,5}', lines: ['a'] })?.notes).toEqual(['ins=/del= lines became [!code ++]/[!code --] comments', 'ins=/del= line 5 beyond the end of the block: dropped']);
	});

	it('writes the added/removed comment each language family reads, and Shiki marks those lines', async () => {
		const schema = { controls: new Map(), services: new Map(), parties: [] } as unknown as OwnershipSchema;
		const samples: [string, string][] = [['js', 'const a = 1;'], ['sh', 'echo hi'], ['css', 'a { color: red; }'], ['html', '<p>hi</p>'], ['sql', 'SELECT 1;']];
		for (const [lang, line] of samples) {
			const out = convertCode({ flavour: 'starlight', lang, meta: 'ins={1} del={2}', lines: [line, line] })!;
			expect(out.lines.map((l) => l.text)).toEqual([`${line} ${markComment(lang, '++')}`, `${line} ${markComment(lang, '--')}`]);
			const tree = chapterHast(parseTree(`\`\`\`${lang}\n${out.lines.map((l) => l.text).join('\n')}\n\`\`\`\n`), { schema, base: '/', policy: STRICT_POLICY });
			await highlightCode(tree);
			// Read back from the HTML, as tests/render/code-blocks.test.ts does: Shiki names properties as HTML does.
			const classes = selectAll('code > .line', fromHtml(toHtml(tree), { fragment: true })).map((l) => (l.properties.className as string[]).join(' '));
			expect([lang, classes]).toEqual([lang, ['line diff add', 'line diff remove']]);
		}
		expect(markComment('text', '++')).toBeUndefined();
	});

	it('takes lines from an included file as mdBook does: anchors, ranges, rustdoc hiding', () => {
		const file = 'fn main() {\n    // ANCHOR: body\n    run();\n    // ANCHOR: inner\n    stop();\n    // ANCHOR_END: inner\n    // ANCHOR_END: body\n}\n';
		expect(takeLines(file, { anchor: 'body' }, false)).toEqual(['    run();', '    stop();']);
		expect(takeLines(file, { anchor: 'inner' }, true)).toEqual(['# fn main() {', '# ' + '    run();', '    stop();', '# }']);
		expect(takeLines('a\nb\nc\nd', { from: 1, to: 3 }, false)).toEqual(['b', 'c']);
		const read = (f: string) => (f === 'one.rs' ? { text: 'first\n{{#include two.rs}}\n' } : f === 'two.rs' ? { text: 'second\nthird\n' } : { problem: 'not found' });
		expect(expandIncludes(['before', '  {{#include one.rs}}', '\\{{#include one.rs}}', '{{#include one.rs:2}}', '{{#include gone.rs}}'], read)).toEqual({
			// Included text is expanded in turn (line 2 of one.rs is an include itself); `\\{{…}}` is the text.
			lines: ['before', '  first', 'second', 'third', '{{#include one.rs}}', 'second', 'third', '{{#include gone.rs}}'],
			problems: [{ what: '{{#include gone.rs}}', why: 'not found' }],
			included: ['one.rs', 'two.rs', 'one.rs', 'two.rs'],
		});
		expect(visibleRustLines(['# use std::io;', '#', '#[derive(Debug)]', '##[doc]', '  # hidden', 'shown']).lines.map((l) => l.text)).toEqual(['#[derive(Debug)]', '#[doc]', 'shown']);
	});

	it("reads an mdBook's SUMMARY.md: the pages in order, with their titles", () => {
		expect([...readSummary('# Summary\n\n[Intro](intro.md)\n\n- [One](ch01.md)\n  - [One, again](./ch01-01.md#part)\n- [Draft]()\n')]).toEqual([
			['intro.md', { title: 'Intro', position: 1 }],
			['ch01.md', { title: 'One', position: 2 }],
			['ch01-01.md', { title: 'One, again', position: 3 }],
		]);
	});

	it("resolves an mdBook's .html links, and the others against the page's own address on the site", () => {
		const plans = planPages('docusaurus', [{ source: 'ch01.md', frontmatter: {} }, { source: 'ch02.md', frontmatter: {} }], new Map(), true);
		const links = linkTable('docusaurus', plans, 'https://books.example.com/tide/', new Map([['ch02.md', 'second-chapter']]), true);
		expect(links.resolve(plans[0]!, 'ch02.html#second-chapter')).toEqual({ url: './ch02.mdx' });
		expect(links.resolve(plans[0]!, 'ch02.html#later')).toEqual({ url: './ch02.mdx#later' });
		expect(links.resolve(plans[0]!, 'ch09.html#x')).toEqual({ url: 'https://books.example.com/tide/ch09.html#x' });
		expect(links.resolve(plans[0]!, '../std/index.html')).toEqual({ url: 'https://books.example.com/std/index.html' });
		expect(links.resolve(plans[0]!, 'ch09.md')).toEqual({ url: 'https://books.example.com/tide/ch09.html' });
	});

	it('reads an opening tag of a Markdown page', () => {
		expect(openingTag('<span class="caption" data-x=\'1 &amp; 2\' hidden>')).toEqual({ name: 'span', attrs: new Map<string, string | true>([['class', 'caption'], ['data-x', '1 & 2'], ['hidden', true]]), selfClosing: false });
		expect(openingTag('<img alt="two\nlines" src="a.png" />')).toEqual({ name: 'img', attrs: new Map([['alt', 'two\nlines'], ['src', 'a.png']]), selfClosing: true });
		expect(openingTag('</span>')).toBeUndefined();
		expect(openingTag('<a href="x">text</a>')).toBeUndefined();
	});

	it('synthesises a description from the first sentence, cut near 160 characters', () => {
		expect(firstSentence('Backups run at night. They are checked.')).toBe('Backups run at night.');
		expect(firstSentence('Version 2.1 is out')).toBe('Version 2.1 is out');
		expect(firstSentence(`${'word '.repeat(50)}end.`)).toMatch(/^(word ){31}word…$/);
	});
});

describe('SVG images', () => {
	it('are drawn as PNG at twice their size, the chapter showing the PNG', async () => {
		const draw = await loadDraw();
		expect(draw, 'sharp (an optional dependency) is installed here').toBeDefined();
		const dest = path.join(tmp, 'svg-drawn');
		const result = importSite('starlight', path.join(FIXTURES, 'svg-starlight'), dest, { drawSvg: true });
		await drawImages(result, draw!);
		expect(fs.readFileSync(path.join(dest, 'chapters/tides.mdx'), 'utf8')).toContain('![The backup window](./tide.png)');
		const size = imageSize(fs.readFileSync(path.join(dest, 'chapters/tide.png')));
		expect([size.type, size.width, size.height]).toEqual(['png', 80, 40]);
		expect(fs.existsSync(path.join(dest, 'chapters/tide.svg'))).toBe(false);
		expect(formatNotes(result.notes, FIXTURES).split('\n')).toContain('svg-starlight/tides.mdx:8: note: image ./tide.svg: chapters do not accept SVG (it can carry script): drawn as the PNG ./tide.png');
		expect(formatText(checkCourse(dest).diagnostics, dest)).toBe('');
	});

	it('are copied and reported when they cannot be drawn', async () => {
		const dest = path.join(tmp, 'svg-copied');
		const result = importSite('starlight', path.join(FIXTURES, 'svg-starlight'), dest);
		expect(fs.existsSync(path.join(dest, 'chapters/tide.svg'))).toBe(true);
		expect(formatNotes(result.notes, FIXTURES).split('\n')).toContain('svg-starlight/tides.mdx:8: cannot convert image ./tide.svg: chapters do not accept SVG (it can carry script); export it as PNG or WebP (the importer draws it when the optional package sharp is installed)');
		const broken = importSite('starlight', path.join(FIXTURES, 'svg-starlight'), path.join(tmp, 'svg-broken'), { drawSvg: true });
		await drawImages(broken, () => Promise.reject(new Error('no renderer')));
		expect(formatNotes(broken.notes, FIXTURES).split('\n')).toContain('svg-starlight/tides.mdx:1: cannot convert image tide.svg: it could not be drawn as PNG (no renderer); export it as PNG or WebP as tide.png');
	});
});

describe('npm run import', () => {
	/** The CLI in this process, as tests/helpers/cli.ts runs the checker's: the same code, no Node start-up. */
	const cli = async (args: string[]) => {
		let stdout = '';
		let stderr = '';
		const status = await main(args, { cwd: FIXTURES, out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
		return { status, stdout, stderr };
	};

	it('runs as a real process with the project\'s Node', () => {
		const r = spawnSync(path.join(ROOT, 'node_modules/.bin/node'), [path.join(ROOT, 'src/cli/import.ts'), '--from', 'docusaurus', 'docusaurus', path.join(tmp, 'process')], { cwd: FIXTURES, encoding: 'utf8', timeout: 60_000 });
		expect([r.status, r.stderr, r.stdout.split('\n').at(-3)]).toEqual([0, '', `4 pages imported into ${path.relative(FIXTURES, path.join(tmp, 'process'))}: everything converted.`]);
	});

	it('prints what it changed and exits 0 when everything converted', async () => {
		const dest = path.join(tmp, 'cli-starlight');
		const r = await cli(['--from', 'starlight', 'starlight', dest]);
		expect(r.stderr).toBe('');
		expect(r.stdout).toBe(`${fs.readFileSync(path.join(EXPECTED, 'starlight/notes.txt'), 'utf8')}4 pages imported into ${path.relative(FIXTURES, dest)}: everything converted.\nNext: npm run check -- ${path.relative(FIXTURES, dest)}\n`);
		expect(r.status).toBe(0);
	});

	it('lists every construct it could not convert with file and line, and exits 1', async () => {
		const r = await cli(['--from', 'starlight', 'leftovers-starlight', path.join(tmp, 'cli-leftovers')]);
		expect(r.stdout).toContain('leftovers-starlight/widgets.mdx:13: cannot convert <Preview>: this course language has no equivalent; left as written\n');
		expect(r.stdout).toContain('10 constructs could not be converted (listed above).');
		expect(r.status).toBe(1);
	});

	it('never overwrites a chapter', async () => {
		const dest = path.join(tmp, 'cli-twice');
		expect((await cli(['--from', 'docusaurus', 'docusaurus', dest])).status).toBe(0);
		fs.writeFileSync(path.join(dest, 'chapters/intro.mdx'), 'mine');
		const r = await cli(['--from', 'docusaurus', 'docusaurus', dest]);
		expect(r.stderr).toContain(`${path.relative(FIXTURES, path.join(dest, 'chapters/intro.mdx'))} already exists; left unchanged.`);
		expect(fs.readFileSync(path.join(dest, 'chapters/intro.mdx'), 'utf8')).toBe('mine');
		expect(r.status).toBe(1);
	});

	it.each([
		[['starlight', 'out'], 'Missing --from, expected starlight or docusaurus.'],
		[['--from', 'hugo', 'starlight', 'out'], 'Unknown --from "hugo", expected starlight or docusaurus.'],
		[['--from', 'starlight', 'starlight'], 'Expected a source folder and a course folder, got 1 argument.'],
		[['--from', 'starlight', 'no-such-folder', 'out'], `Source folder not found: ${path.join(FIXTURES, 'no-such-folder')}`],
		[['--from', 'starlight', '--site', 'docs.example.com', 'starlight', 'out'], '--site must be an http(s) address, got "docs.example.com".'],
	])('exits 2 on bad usage: %j', async (args, message) => {
		const r = await cli(args);
		expect(r.stderr.split('\n')[0]).toBe(message);
		expect(r.status).toBe(2);
	});
});
