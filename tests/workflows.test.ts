/**
 * What CI does, tested by running it: the GitHub Actions jobs (their `run:` steps in order, as the runner runs
 * them) and `.ci/run`, with `npm`, `sudo`, `apt-get` and `id` replaced by recorders on PATH
 * (tests/helpers/stubs.ts). The tests see which commands run, in which order, from where, and that a failing
 * command stops everything after it. The commands themselves are the README's, and the check step is run for
 * real on fixture courses; the deploy job's real build is in tests/site/workflows.test.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/build.ts';
import { makeStubs } from './helpers/stubs.ts';
import { loadWorkflow, runJob } from './helpers/workflow.ts';

const stubs = makeStubs();
afterEach(() => stubs.reset());
afterAll(() => stubs.remove());

/** A browser that exists (any executable will do for the presence check) and one that does not. */
const PRESENT = path.join(stubs.dir, 'chromium-present');
fs.writeFileSync(PRESENT, '#!/bin/sh\n', { mode: 0o755 });
const MISSING = path.join(stubs.dir, 'chromium-missing');
const CONTEXT = { 'github.event.repository.name': 'course-repo', 'steps.pages.outputs.origin': 'https://owner.github.io' };

const pr = loadWorkflow('pr.yml');
const deploy = loadWorkflow('deploy.yml');
const prJob = Object.values(pr.jobs)[0]!;
const npmCommands = (commands: string[]) => commands.filter((c) => c.startsWith('npm '));

describe('pull request workflow', () => {
	it('gives the untrusted code of a pull request a read-only token', () => {
		expect(Object.keys(pr.on)).toEqual(['pull_request']);
		expect(pr.permissions).toEqual({ contents: 'read' });
	});

	it('installs as locked, checks the course with annotations, tests, builds, then uploads dist/', () => {
		const run = runJob(prJob, { cwd: ROOT, env: stubs.env({ CHROME_PATH: PRESENT }), context: CONTEXT });
		expect(run.ok, run.output).toBe(true);
		expect(stubs.commands()).toEqual(['npm ci', 'npm run check -- --format github', 'npm test', 'npm run build']);
		expect(stubs.calls().every((c) => c.cwd === ROOT)).toBe(true);
		expect(run.steps[0]).toBe('uses: actions/checkout');
		expect(run.actions.at(-1)).toEqual({ action: 'actions/upload-artifact', with: { name: 'site', path: 'dist', 'if-no-files-found': 'error' } });
	});

	it('installs Chromium with apt-get, through sudo, when the image has none, before the tests need it', () => {
		const run = runJob(prJob, { cwd: ROOT, env: stubs.env({ CHROME_PATH: MISSING, STUB_CREATES: MISSING }), context: CONTEXT });
		fs.rmSync(MISSING, { force: true });
		expect(run.ok, run.output).toBe(true);
		expect(stubs.commands()).toEqual(['npm ci', 'sudo apt-get update', 'apt-get update', 'sudo apt-get install -y chromium', 'apt-get install -y chromium', 'npm run check -- --format github', 'npm test', 'npm run build']);
	});

	it('stops at the first failing command: a course with errors is not tested, built or uploaded', () => {
		const run = runJob(prJob, { cwd: ROOT, env: stubs.env({ CHROME_PATH: PRESENT, STUB_FAIL: '^npm run check' }), context: CONTEXT });
		expect(run.ok).toBe(false);
		expect(run.failed).toBe('Check the course');
		expect(npmCommands(stubs.commands())).toEqual(['npm ci', 'npm run check -- --format github']);
		expect(run.steps.some((s) => s.includes('upload-artifact'))).toBe(false);
	});

	it('does not build or upload when a test fails', () => {
		const run = runJob(prJob, { cwd: ROOT, env: stubs.env({ CHROME_PATH: PRESENT, STUB_FAIL: '^npm test$' }), context: CONTEXT });
		expect([run.ok, run.failed]).toEqual([false, 'Test']);
		expect(npmCommands(stubs.commands()).at(-1)).toBe('npm test');
		expect(run.steps.some((s) => s.includes('upload-artifact'))).toBe(false);
	});

	it('annotates a wrong tag on its line (the check step, run for real on a fixture course), and passes a clean one', () => {
		const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-check-'));
		try {
			const fixture = (name: string) => {
				const dir = path.join(tmp, name);
				fs.cpSync(path.join(ROOT, 'tests/check/fixtures', name), dir, { recursive: true });
				for (const f of ['course.yaml', 'ownership.yaml']) if (!fs.existsSync(path.join(dir, f))) fs.copyFileSync(path.join(ROOT, 'tests/check/fixtures/_shared', f), path.join(dir, f));
				return dir;
			};
			const checkStep = { ...prJob, steps: prJob.steps.filter((s) => s.run?.includes('npm run check')) };
			expect(checkStep.steps).toHaveLength(1);
			const wrong = runJob(checkStep, { cwd: ROOT, env: stubs.env({ STUB_REAL: '^npm run check', COURSE_DIR: fixture('owner-mismatch') }) });
			expect(wrong.ok).toBe(false);
			expect(wrong.output).toMatch(/^::error file=\S*owner-mismatch\/chapters\/patching\.mdx,line=9,col=42,title=owner-mismatch::Owner mismatch for "ec2\.guest-os-patching"/m);
			const clean = runJob(checkStep, { cwd: ROOT, env: stubs.env({ STUB_REAL: '^npm run check', COURSE_DIR: fixture('valid-course') }) });
			expect(clean.ok, clean.output).toBe(true);
			expect(clean.output).toContain('✓ 4 files checked, no problems');
		} finally {
			fs.rmSync(tmp, { recursive: true, force: true });
		}
	});
});

describe('deploy workflow', () => {
	it('deploys main only (or by hand)', () => {
		expect(deploy.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
	});

	it("builds under the repository's path and Pages' address, uploads dist/ for Pages, and deploys it after the build", () => {
		const run = runJob(deploy.jobs.build!, { cwd: ROOT, env: stubs.env(), context: CONTEXT });
		expect(run.ok, run.output).toBe(true);
		expect(stubs.calls().map((c) => [c.command, c.env.BASE_PATH, c.env.SITE_URL])).toEqual([
			['npm ci', undefined, undefined],
			['npm run build', '/course-repo/', 'https://owner.github.io'],
		]);
		expect(run.actions.at(-1)).toEqual({ action: 'actions/upload-pages-artifact', with: { path: 'dist' } });
		const publish = deploy.jobs.deploy!;
		expect(publish.needs).toBe('build');
		expect(runJob(publish, { cwd: ROOT, env: stubs.env() }).steps).toEqual(['uses: actions/deploy-pages']);
	});
});

describe('the commands CI runs', () => {
	const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
	const ciRun = fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
	// Every command line of every run step, and of .ci/run, that calls npm.
	const lines = [...Object.values(pr.jobs), ...Object.values(deploy.jobs)].flatMap((j) => j.steps.flatMap((s) => s.run?.split('\n') ?? [])).concat(ciRun.split('\n'));
	const commands = [...new Set(lines.map((l) => l.trim()).filter((l) => l.startsWith('npm ')))];

	it('are documented in the README and are scripts of package.json', () => {
		expect(commands.sort()).toEqual(['npm ci', 'npm run build', 'npm run check -- --format github', 'npm test']);
		for (const c of commands) {
			if (c === 'npm ci') continue;
			expect(readme, c).toContain(c);
			const script = /^npm (?:run )?(\S+)/.exec(c)![1]!;
			expect(scripts[script], c).toBeTruthy();
		}
		expect(readme).toContain('BASE_PATH=/my-repo/ npm run build');
	});

	it('take Node from .nvmrc, which names a version', () => {
		for (const job of [prJob, deploy.jobs.build!]) expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({ 'node-version-file': '.nvmrc' });
		expect(fs.readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim()).toMatch(/^\d+/);
	});
});

describe('.ci/run', () => {
	const ciRun = (env: Record<string, string>, cwd = os.tmpdir()) => {
		// Called from elsewhere on purpose: the script must work from the repository root whatever the caller's folder.
		const r = spawnSync('bash', [path.join(ROOT, '.ci/run')], { cwd, env: stubs.env(env), encoding: 'utf8' });
		return { status: r.status, output: `${r.stdout}${r.stderr}` };
	};

	it('with a browser: installs as locked and runs the whole suite, from the repository root, with CI=true', () => {
		const r = ciRun({ CHROME_PATH: PRESENT });
		expect(r.status, r.output).toBe(0);
		expect(stubs.calls()).toEqual([
			{ command: 'npm ci', cwd: ROOT, env: { CI: 'true' } },
			{ command: 'npm test', cwd: ROOT, env: { CI: 'true' } },
		]);
	});

	it('keeps a CI value it is given', () => {
		expect(ciRun({ CHROME_PATH: PRESENT, CI: '1' }).status).toBe(0);
		expect(stubs.calls().map((c) => c.env.CI)).toEqual(['1', '1']);
	});

	it('without a browser: installs Chromium with apt-get (sudo when not root) before installing and testing', () => {
		const r = ciRun({ CHROME_PATH: MISSING, STUB_CREATES: MISSING });
		fs.rmSync(MISSING, { force: true });
		expect(r.status, r.output).toBe(0);
		expect(r.output).toContain('Installing Chromium for the browser tests');
		expect(stubs.commands()).toEqual(['sudo apt-get update', 'apt-get update', 'sudo apt-get install -y chromium', 'apt-get install -y chromium', 'npm ci', 'npm test']);
	});

	it('as root, installs without sudo', () => {
		const r = ciRun({ CHROME_PATH: MISSING, STUB_CREATES: MISSING, STUB_UID: '0' });
		fs.rmSync(MISSING, { force: true });
		expect(r.status, r.output).toBe(0);
		expect(stubs.commands()).toEqual(['apt-get update', 'apt-get install -y chromium', 'npm ci', 'npm test']);
	});

	it('fails, saying why, when the browser is still missing after installing', () => {
		const r = ciRun({ CHROME_PATH: MISSING });
		expect(r.status).not.toBe(0);
		expect(r.output).toContain(`Chromium is still not at ${MISSING} after installing it`);
		expect(npmCommands(stubs.commands())).toEqual([]);
	});

	it.each([
		['apt-get install', '^apt-get install', ['sudo apt-get update', 'apt-get update', 'sudo apt-get install -y chromium', 'apt-get install -y chromium']],
		['npm ci', '^npm ci$', ['npm ci']],
		['npm test', '^npm test$', ['npm ci', 'npm test']],
	])('stops with a failure when %s fails (set -e)', (_what, fail, ran) => {
		const r = ciRun({ CHROME_PATH: _what === 'apt-get install' ? MISSING : PRESENT, STUB_FAIL: fail });
		expect(r.status).not.toBe(0);
		expect(stubs.commands()).toEqual(ran);
	});
});
