/**
 * The deploy job for real (tests/workflows.test.ts runs it with stubs): its steps, in a private copy of the
 * project with the basic fixture as the course, `npm ci` stubbed and `npm run build` real. The site it uploads
 * must exist and work under the repository's path, as GitHub Pages serves it, with canonical links and a
 * sitemap at the Pages address.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareSiteRoot } from '../../scripts/lib/site-root.ts';
import { refuseInUnitLane, ROOT } from '../helpers/build.ts';
import { makeStubs } from '../helpers/stubs.ts';
import { type JobRun, loadWorkflow, runJob } from '../helpers/workflow.ts';

describe('deploy workflow, run on a fixture course', () => {
	const stubs = makeStubs();
	let root: string;
	let run: JobRun;

	beforeAll(() => {
		refuseInUnitLane('build sites');
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-job-'));
		prepareSiteRoot(root);
		run = runJob(loadWorkflow('deploy.yml').jobs.build!, {
			cwd: root,
			env: stubs.env({ STUB_REAL: '^npm run build$', COURSE_DIR: path.join(ROOT, 'tests/fixtures/basic-course'), ASTRO_TELEMETRY_DISABLED: '1' }),
			context: { 'github.event.repository.name': 'course-repo', 'steps.pages.outputs.origin': 'https://owner.github.io' },
			checkUploads: true,
		});
	});
	afterAll(() => {
		stubs.remove();
		fs.rmSync(root, { recursive: true, force: true });
	});

	it('passes every step, uploading the dist/ folder the build wrote', () => {
		expect(run.ok, run.output.slice(-3000)).toBe(true);
		expect(stubs.commands()).toEqual(['npm ci', 'npm run build']);
		expect(fs.existsSync(path.join(root, 'dist/index.html'))).toBe(true);
	});

	it("links every page, script and stylesheet under the repository's path", () => {
		const home = fs.readFileSync(path.join(root, 'dist/index.html'), 'utf8');
		expect(home).toContain('href="/course-repo/chapters/alpha/"');
		const urls = [...home.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
		expect(urls.length).toBeGreaterThan(3);
		expect(urls.filter((u) => !u.startsWith('/course-repo/'))).toEqual([]);
	});

	it('gives every page its address at GitHub Pages, and writes a sitemap there', () => {
		const home = fs.readFileSync(path.join(root, 'dist/chapters/alpha/index.html'), 'utf8');
		expect(home).toContain('<link rel="canonical" href="https://owner.github.io/course-repo/chapters/alpha/">');
		expect(fs.readFileSync(path.join(root, 'dist/sitemap-0.xml'), 'utf8')).toContain('<loc>https://owner.github.io/course-repo/chapters/alpha/</loc>');
	});
});
