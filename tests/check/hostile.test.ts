/**
 * Hostile and extreme chapters, as a contributor could send them in a pull request. None may crash the
 * checker (no stack trace): each is either a clear error naming the file and line, with exit code 1, or a
 * chapter that builds to a correct page.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/check/course.ts';
import { buildCourse, ROOT } from '../helpers/build.ts';

const SHARED = path.join(import.meta.dirname, 'fixtures/_shared');
const frontmatter = (title: string, order: number) => `---\ntitle: ${JSON.stringify(title)}\ndescription: A hostile chapter.\norder: ${order}\n---\n\n`;

/** A course in a temp folder: the shared fixture schema and course.yaml, and the given chapters. */
function makeCourse(chapters: Record<string, string | Buffer>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-course-'));
	fs.mkdirSync(path.join(dir, 'chapters'));
	for (const f of ['course.yaml', 'ownership.yaml']) fs.copyFileSync(path.join(SHARED, f), path.join(dir, f));
	for (const [name, text] of Object.entries(chapters)) fs.writeFileSync(path.join(dir, 'chapters', `${name}.mdx`), text);
	return dir;
}

const cli = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'src/cli/check.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
const STACK_FRAME = /^ {4}at /m;

describe('hostile chapters are clear errors, never crashes', () => {
	// One chapter per attack, each at order N so frontmatter ends on line 6 and the attack is on line 7.
	const ATTACKS: Record<string, string | Buffer> = {
		'esm-import': `${frontmatter('Import', 1)}import fs from 'node:fs'\n`,
		expression: `${frontmatter('Expression', 2)}{process.exit(1)}\n`,
		'img-onerror': `${frontmatter('Image', 3)}<img src=x onerror="alert(1)">\n`,
		'img-onerror-jsx': `${frontmatter('Image as JSX', 4)}<img src="x" onerror="alert(1)" />\n`,
		script: `${frontmatter('Script', 5)}<script>alert(1)</script>\n`,
		'javascript-link': `${frontmatter('Link', 6)}[x](javascript:alert(1))\n`,
		'attribute-breakout': `${frontmatter('Attribute', 7)}:control[x]{ref='ec2.guest-os-patching" onmouseover="alert(1)' owner=customer}\n`,
		empty: '',
		'not-utf8': Buffer.concat([Buffer.from(`${frontmatter('Latin-1', 9)}Caf`), Buffer.from([0xe9]), Buffer.from(' au lait\n')]),
	};
	let course: string;
	let text: ReturnType<typeof cli>;
	let github: ReturnType<typeof cli>;
	const at = (name: string, line: number, column: number, rest: string) => `${path.relative(ROOT, path.join(course, 'chapters', `${name}.mdx`))}:${line}:${column}: error ${rest}`;

	beforeAll(() => {
		course = makeCourse(ATTACKS);
		text = cli([course]);
		github = cli([course, '--format', 'github']);
	});
	afterAll(() => fs.rmSync(course, { recursive: true, force: true }));

	it('exits 1 and prints no stack trace, in both formats', () => {
		expect(text.status).toBe(1);
		expect(github.status).toBe(1);
		for (const r of [text, github]) {
			expect(r.stderr).not.toMatch(STACK_FRAME);
			expect(r.stdout).not.toMatch(STACK_FRAME);
			expect(r.stderr).toBe('');
		}
	});

	it.each([
		['an ESM import', () => at('esm-import', 7, 1, 'unsafe-esm: Unexpected `import` statement: chapters cannot run code on the build machine')],
		['an expression', () => at('expression', 7, 1, 'unsafe-expression: Unexpected JavaScript expression `{process.exit(1)}`: chapters cannot run code')],
		['HTML with an unquoted attribute (not valid MDX)', () => at('img-onerror', 7, 1, 'parse-error: MDX syntax error: Unexpected character after `<`, expected a valid JSX tag')],
		['an <img> element', () => at('img-onerror-jsx', 7, 1, 'unsafe-html: Unexpected HTML element `<img>`')],
		['an onerror handler', () => at('img-onerror-jsx', 7, 14, 'unsafe-html: Unexpected event handler `onerror` on `<img>`: attributes cannot run code')],
		['a <script> element', () => at('script', 7, 1, 'unsafe-html: Unexpected HTML element `<script>`: chapters cannot run scripts in readers’ browsers')],
		['a javascript: link', () => at('javascript-link', 7, 1, 'unsafe-url: Unsafe `javascript:` URL in link: it would run code in the reader’s browser')],
		['a ref that tries to break out of its attribute', () => at('attribute-breakout', 7, 1, 'invalid-attribute: Unexpected value "ec2.guest-os-patching" onmouseover="alert(1)" for "ref" on control, expected a control id')],
		['an empty file', () => at('empty', 1, 1, 'parse-error: The chapter is empty')],
		['a file that is not UTF-8', () => at('not-utf8', 7, 1, 'parse-error: The file is not valid UTF-8')],
	])('reports %s at its line', (_what, line) => {
		expect(text.stdout).toContain(line());
	});

	it('gives every error a fix', () => {
		const lines = text.stdout.split('\n');
		lines.forEach((l, i) => {
			if (/: error [a-z-]+: /.test(l)) expect(lines[i + 1]).toMatch(/^ {2}fix: \S/);
		});
	});

	it('annotates the same lines for GitHub', () => {
		const file = path.relative(ROOT, path.join(course, 'chapters/script.mdx'));
		expect(github.stdout).toContain(`::error file=${file},line=7,col=1,title=unsafe-html::Unexpected HTML element \`<script>\``);
	});
});

describe('extreme and tricky chapters that are valid build to correct pages', () => {
	const TAGS = 5000;
	const SECTIONS = 240;
	const OWNERS = [
		['ec2.guest-os-patching', 'customer'],
		['global.physical-security', 'aws'],
		['cloudtrail.trail-configuration', 'shared'],
	] as const;
	// Quotes, angle brackets and a closing script tag: in a directive attribute, a label and the frontmatter.
	const NASTY = `He said "</script><script>alert(1)</script>" & left <b>bold</b>`;

	/** ~2.2 MB: 240 sections of prose, each linking to the next section. */
	function bigChapter(): string {
		const para = 'Security of the cloud is the part AWS runs; security in the cloud is the part you configure, patch and monitor. '.repeat(40);
		const parts = [frontmatter('A very long chapter', 1)];
		for (let i = 1; i <= SECTIONS; i++) parts.push(`## Section ${i}\n\n${para}\n\n${para}\n\nContinue with [section ${i + 1}](#section-${i < SECTIONS ? i + 1 : 1}).\n\n`);
		parts.push('The last line of the long chapter.\n');
		return parts.join('');
	}
	function manyTags(): string {
		const lines = [frontmatter('Five thousand tags', 2), '## Tags', ''];
		for (let i = 0; i < TAGS; i += 10)
			lines.push(
				Array.from({ length: 10 }, (_, k) => {
					const [ref, owner] = OWNERS[(i + k) % 3]!;
					return `:control[claim ${i + k}]{ref=${ref} owner=${owner}}`;
				}).join(' and '),
				'',
			);
		return lines.join('\n');
	}
	const tricky = `${frontmatter(NASTY, 3)}## Escaping\n\n:::card{title='${NASTY}'}\nThe card's title came from a directive attribute.\n:::\n\n:::note[A label with \\<angle\\> brackets and "quotes"]\nText after the label.\n:::\n`;

	let course: string;
	let out: string;
	let build: ReturnType<typeof buildCourse>;
	const page = (slug: string) => fs.readFileSync(path.join(out, 'chapters', slug, 'index.html'), 'utf8');

	beforeAll(() => {
		course = makeCourse({ big: bigChapter(), 'many-tags': manyTags(), tricky });
		out = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-dist-'));
		build = buildCourse(course, out);
	});
	afterAll(() => {
		fs.rmSync(course, { recursive: true, force: true });
		fs.rmSync(out, { recursive: true, force: true });
	});

	it('checks clean', () => {
		expect(fs.statSync(path.join(course, 'chapters/big.mdx')).size).toBeGreaterThan(2_000_000);
		const errors = checkCourse(course).diagnostics.filter((d) => d.severity === 'error');
		expect(errors).toEqual([]);
	});

	it('builds', () => {
		expect(build.output).not.toMatch(STACK_FRAME);
		expect(build.status, build.output.slice(-3000)).toBe(0);
	});

	it('renders the 2 MB chapter completely', () => {
		const html = page('big');
		expect(html).toContain('The last line of the long chapter.');
		expect(html).toContain(`id="section-${SECTIONS}"`);
		expect(html.match(/<h2 id="section-\d+"/g)).toHaveLength(SECTIONS);
	});

	it('renders all 5,000 inline tags, each with its owner', () => {
		const html = page('many-tags');
		const tags = [...html.matchAll(/<span class="ctl ctl--(aws|customer|shared)" data-ref="([a-z0-9.-]+)"/g)];
		expect(tags).toHaveLength(TAGS);
		expect(tags.filter((t) => t[1] === 'customer' && t[2] === 'ec2.guest-os-patching')).toHaveLength(Math.ceil(TAGS / 3));
		expect(html).toContain('claim 4999');
	});

	it('escapes quotes and angle brackets from attributes, labels and frontmatter, so the page stays intact', () => {
		const html = page('tricky');
		// The attack never appears as markup anywhere in the site.
		for (const file of fs.readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')))
			expect(fs.readFileSync(path.join(out, file), 'utf8'), file).not.toContain('<script>alert(1)</script>');
		// And the page still parses to the text the author wrote.
		const tree = fromHtml(html);
		const texts: Record<string, string> = {};
		const walk = (n: { type: string; tagName?: string; properties?: { className?: string[] }; children?: unknown[]; value?: string }): string => {
			const inner = n.type === 'text' ? (n.value ?? '') : (n.children ?? []).map((c) => walk(c as never)).join('');
			const cls = n.properties?.className?.[0];
			if (n.tagName === 'title' || n.tagName === 'h1') texts[n.tagName] = inner;
			if (cls === 'card__title') texts.card = inner;
			return inner;
		};
		const all = walk(tree as never);
		expect(texts.card).toBe(NASTY);
		expect(texts.h1).toBe(NASTY);
		expect(texts.title).toContain(NASTY);
		expect(all).toContain('A label with <angle> brackets and');
		expect(all).toContain('Text after the label.');
	});
});
