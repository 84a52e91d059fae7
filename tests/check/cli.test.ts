/**
 * `npm run check` as users run it, on real course folders: in-process through the CLI's `main` (the same
 * code, without a Node start-up per test), and as a real process once per output format. Exit codes, the text
 * line format (`path:line:column: error <rule-id>: <message>`, paths relative to the working directory) and
 * GitHub annotations are the contract other tools parse.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/check/format.ts';
import { RULES } from '../../src/core/diagnostics.ts';
import { ROOT } from '../helpers/build.ts';
import { checkCli, spawnCheckCli } from '../helpers/cli.ts';

const FIXTURES = path.join(ROOT, 'tests/check/fixtures');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'course-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A private copy of a checker fixture (with the shared course.yaml/ownership.yaml), at tmp/<name>. */
function course(fixture: string, name = fixture): string {
	const dir = path.join(tmp, name);
	fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
	for (const f of ['course.yaml', 'ownership.yaml']) if (!fs.existsSync(path.join(dir, f))) fs.copyFileSync(path.join(FIXTURES, '_shared', f), path.join(dir, f));
	fs.rmSync(path.join(dir, 'expected.txt'), { force: true });
	return dir;
}

const check = (args: string[], cwd = tmp, env: Record<string, string> = {}) => checkCli(args, { cwd, env: { COURSE_DIR: '', ...env } });

const MISMATCH = 'Owner mismatch for "ec2.guest-os-patching": written owner=aws, but the schema says owner=customer (ownership.yaml:2: Patch and harden the guest operating system of an EC2 instance)';
const MISMATCH_FIX = 'Change the tag to owner=customer, or correct ownership.yaml line 2 if the schema is wrong.';

describe('exit codes', () => {
	it('exits 0 on a clean course and says so', async () => {
		const r = await check([course('valid-course')]);
		expect(r).toEqual({ status: 0, stdout: '✓ 4 files checked, no problems\n', stderr: '' });
	});

	it('exits 1 when the course has errors', async () => {
		expect((await check([course('owner-mismatch', 'exit-1')])).status).toBe(1);
	});

	it('exits 2 on an unknown flag, with the usage', async () => {
		const r = await check(['--bogus', course('valid-course', 'flag')]);
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain("Unknown option '--bogus'");
		expect(r.stderr).toContain('Usage: npm run check -- [course-dir] [--format text|github]');
	});

	it('exits 2 on a missing course folder', async () => {
		const r = await check(['no-such-course']);
		expect(r.status).toBe(2);
		expect(r.stderr).toBe(`Course folder not found: ${path.join(tmp, 'no-such-course')}\n`);
	});

	it('exits 2 on an unknown format and on two folders', async () => {
		const dir = course('valid-course', 'usage');
		const format = await check(['--format', 'xml', dir]);
		expect(format.status).toBe(2);
		expect(format.stderr).toContain('Unknown format "xml", expected text or github.');
		const two = await check([dir, dir]);
		expect(two.status).toBe(2);
		expect(two.stderr).toContain('Expected one course folder, got 2.');
	});

	it('--list-rules prints every rule, its default severity and its summary, one per line', async () => {
		const r = await check(['--list-rules']);
		expect(r.status).toBe(0);
		const lines = r.stdout.trimEnd().split('\n');
		expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(Object.keys(RULES));
		expect(lines[0]).toMatch(/^schema-syntax +error {4}ownership\.yaml is not valid YAML$/);
		const width = Math.max(...Object.keys(RULES).map((id) => id.length));
		expect(lines.find((l) => l.startsWith('untagged-claim '))).toBe(`${'untagged-claim'.padEnd(width)}  warning  ${RULES['untagged-claim']}`);
	});

	it('exits 0 with --help', async () => {
		const r = await check(['--help']);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('Usage: npm run check');
	});

	it('checks $COURSE_DIR when no folder is given', async () => {
		course('owner-mismatch', 'from-env');
		const r = await check([], tmp, { COURSE_DIR: 'from-env' });
		expect(r.status).toBe(1);
		expect(r.stdout).toContain('from-env/chapters/patching.mdx:9:42: error owner-mismatch:');
	});
});

describe('text format', () => {
	it('prints path:line:column: error rule: message, the fix, then a summary; paths relative to the working directory', async () => {
		const dir = course('owner-mismatch', 'text');
		expect((await check(['text'])).stdout).toBe(
			[`text/chapters/patching.mdx:9:42: error owner-mismatch: ${MISMATCH}`, `  fix: ${MISMATCH_FIX}`, '✗ 1 error in 3 files checked', ''].join('\n'),
		);
		// From inside the course the path is shorter: it is always relative to where the command runs.
		expect((await check(['.'], dir)).stdout.split('\n')[0]).toBe(`chapters/patching.mdx:9:42: error owner-mismatch: ${MISMATCH}`);
	});

	it('lists every problem of every file in one run', async () => {
		const r = await check([course('many-problems')]);
		expect(r.status).toBe(1);
		expect(r.stdout).toBe(fs.readFileSync(path.join(FIXTURES, 'many-problems/expected.txt'), 'utf8').replace(/^chapters\//gm, 'many-problems/chapters/'));
	});
});

describe('github format', () => {
	it('prints one ::error annotation per problem, with the fix in the message', async () => {
		course('owner-mismatch', 'gh');
		const r = await check(['gh', '--format', 'github']);
		expect(r.status).toBe(1);
		expect(r.stdout).toBe(
			[
				`::error file=gh/chapters/patching.mdx,line=9,col=42,title=owner-mismatch::${MISMATCH}%0A%0AFix: ${MISMATCH_FIX}`,
				'✗ 1 error in 3 files checked',
				'',
			].join('\n'),
		);
	});

	it('escapes % and newlines in the message, and : and , in properties', async () => {
		// A folder named with , and : (legal on Linux and macOS) and an owner value with a %.
		const dir = course('valid-course', 'a,b:c');
		const file = path.join(dir, 'chapters/logging.mdx');
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(':term[least privilege]', ':control[trails]{ref=cloudtrail.trail-configuration owner=50%}'));
		const r = await check(['a,b:c', '--format=github']);
		expect(r.status).toBe(1);
		expect(r.stdout.split('\n')[0]).toBe(
			'::error file=a%2Cb%3Ac/chapters/logging.mdx,line=10,col=15,title=invalid-attribute::Unexpected value "50%25" for "owner" on control, expected aws | customer | shared%0A%0AFix: Write owner=customer.',
		);
	});

	it('escapes carriage returns too (unit)', async () => {
		const out = formatGithub([{ file: '/w/x.mdx', line: 1, column: 2, ruleId: 'parse-error', severity: 'error', message: 'a\r\nb 100%' }], '/w');
		expect(out).toBe('::error file=x.mdx,line=1,col=2,title=parse-error::a%0D%0Ab 100%25');
	});
});

describe('as a real process (once per format)', () => {
	// What a shell sees: the exit code, stdout and stderr of `node src/cli/check.ts`, identical to main's.
	it.each([['text', []], ['github', ['--format', 'github']]] as const)('%s: the same output and exit code as in-process', async (_format, flags) => {
		course('many-problems', `spawn-${_format}`);
		const args = [`spawn-${_format}`, ...flags];
		const real = spawnCheckCli(args, { cwd: tmp, env: { COURSE_DIR: '' } });
		expect(real.status).toBe(1);
		expect(real.stderr).toBe('');
		expect(real.stdout).toMatch(_format === 'github' ? /^::error file=spawn-github\/chapters\// : /^spawn-text\/chapters\/\S+:\d+:\d+: error /);
		expect(real).toEqual(await check(args));
	});
});
