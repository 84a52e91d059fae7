/**
 * The GitHub Actions workflows are part of the contribution process: a pull request is checked, tested and
 * built; main is deployed to GitHub Pages under the repository's path. Their structure is pinned here, since
 * nothing else runs them before they are pushed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers/build.ts';

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	id?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	'runs-on': string;
	needs?: string | string[];
	environment?: { name: string; url: string };
	steps: Step[];
}
interface Workflow {
	name: string;
	on: Record<string, unknown>;
	permissions: Record<string, string>;
	jobs: Record<string, Job>;
}

const load = (name: string) => parse(fs.readFileSync(path.join(ROOT, '.github/workflows', name), 'utf8')) as Workflow;
/** `actions/checkout@v6` → `actions/checkout`; a run step → its command. */
const action = (s: Step) => s.uses?.replace(/@.*$/, '') ?? `run: ${s.run?.trim()}`;

describe('pull request workflow', () => {
	const wf = load('pr.yml');
	const jobs = Object.values(wf.jobs);
	const steps = jobs[0]!.steps;

	it('runs on pull requests, with read-only permissions', () => {
		expect(Object.keys(wf.on)).toEqual(['pull_request']);
		expect(wf.permissions).toEqual({ contents: 'read' });
		expect(jobs).toHaveLength(1);
		expect(jobs[0]!['runs-on']).toBe('ubuntu-latest');
	});

	it('checks out, sets up Node from .nvmrc, installs, installs Chromium, checks, tests, builds and uploads, in that order', () => {
		expect(steps.map(action)).toEqual([
			'actions/checkout',
			'actions/setup-node',
			'run: npm ci',
			expect.stringMatching(/^run: .*apt-get install -y chromium/s),
			'run: npm run check -- --format github',
			'run: npm test',
			'run: npm run build',
			'actions/upload-artifact',
		]);
	});

	it('takes the Node version from .nvmrc, which exists', () => {
		expect(steps[1]!.with).toMatchObject({ 'node-version-file': '.nvmrc' });
		expect(fs.readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim()).toMatch(/^\d+/);
	});

	it('installs Chromium where the browser tests look for it', () => {
		const install = steps[3]!.run!;
		expect(install).toContain('/usr/bin/chromium');
		expect(install).toContain('sudo apt-get update');
	});

	it('uploads dist/ as an artifact and fails if it is missing', () => {
		expect(steps.at(-1)!.with).toEqual({ name: 'site', path: 'dist', 'if-no-files-found': 'error' });
	});

	it('uses the npm scripts that exist', () => {
		const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
		for (const s of ['check', 'test', 'build']) expect(scripts[s]).toBeTruthy();
	});
});

describe('deploy workflow', () => {
	const wf = load('deploy.yml');

	it('runs on pushes to main (and by hand)', () => {
		expect(wf.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
	});

	it('has the permissions GitHub Pages needs, and no more', () => {
		expect(wf.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
	});

	it('builds under the repository path with BASE_PATH, then uploads dist/ as the Pages artifact', () => {
		const steps = wf.jobs.build!.steps;
		expect(steps.map(action)).toEqual(['actions/checkout', 'actions/setup-node', 'run: npm ci', 'actions/configure-pages', 'run: npm run build', 'actions/upload-pages-artifact']);
		expect(steps[1]!.with).toMatchObject({ 'node-version-file': '.nvmrc' });
		expect(steps[4]!.env).toEqual({ BASE_PATH: '/${{ github.event.repository.name }}/' });
		expect(steps[5]!.with).toEqual({ path: 'dist' });
	});

	it('deploys the artifact with the official action, after the build, to the github-pages environment', () => {
		const deploy = wf.jobs.deploy!;
		expect(deploy.needs).toBe('build');
		expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
		expect(deploy.steps.map(action)).toEqual(['actions/deploy-pages']);
		expect(deploy.steps[0]!.id).toBe('deployment');
	});
});
