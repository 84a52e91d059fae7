/**
 * Hostile chapters, as a contributor could send them in a pull request. None may crash the checker (no stack
 * trace): each is a clear error naming the file and line, with exit code 1. (Extreme chapters that are valid
 * must build to correct pages: tests/site/hostile-build.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.ts';
import { checkCli } from '../helpers/cli.ts';
import { frontmatter, makeCourse, STACK_FRAME } from '../helpers/hostile.ts';

const cli = (args: string[]) => checkCli(args, { cwd: ROOT });

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
	let text: Awaited<ReturnType<typeof cli>>;
	let github: Awaited<ReturnType<typeof cli>>;
	const at = (name: string, line: number, column: number, rest: string) => `${path.relative(ROOT, path.join(course, 'chapters', `${name}.mdx`))}:${line}:${column}: error ${rest}`;

	beforeAll(async () => {
		course = makeCourse(ATTACKS);
		text = await cli([course]);
		github = await cli([course, '--format', 'github']);
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
