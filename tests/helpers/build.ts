/** Build a course with the real `astro build` (as `COURSE_DIR=… npm run build` would), into a folder of its own. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareSiteRoot } from '../../scripts/lib/site-root.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface BuildResult {
	status: number | null;
	output: string;
	outDir: string;
	/** The working directory the build ran in: diagnostics print paths relative to it. */
	cwd: string;
}

/**
 * The environment of a developer's terminal, for the processes tests start (builds, the dev server, CI
 * scripts): without the variables Vitest sets in its workers. Vite's `BASE_URL`, `MODE`, `DEV`, `PROD` and
 * `SSR` would override the site's base path in a child build (links to `/` instead of `/learn/`); `VITEST`
 * makes Astro skip its dev request handler and `NODE_ENV=test` turns off HMR.
 */
export function cleanEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	const clean = { ...env };
	for (const key of Object.keys(clean)) if (key.startsWith('VITEST') || ['TEST', 'NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(key)) delete clean[key];
	return clean;
}

/** The unit lane (vitest.config.ts) has no builds: a test that builds belongs in tests/site/. */
export function refuseInUnitLane(what: string) {
	if (process.env.COURSE_SITE_TEST_LANE === 'unit') throw new Error(`Unit tests do not ${what}: move this test to tests/site/ (or tests/e2e/ for a browser).`);
}

export function buildCourse(courseDir: string, outDir: string, env: Record<string, string> = {}): BuildResult {
	refuseInUnitLane('build sites');
	// Astro keeps per-build state under <root>/.astro/ (the content module list; prerender chunks when the
	// output is outside the working directory), so builds running at the same time from one root clobber each
	// other. Each build runs from a private copy of the project (sources copied, node_modules linked), with
	// its output inside that copy, and is then moved to outDir.
	const site = prepareSiteRoot(fs.mkdtempSync(path.join(os.tmpdir(), 'course-site-build-')));
	const tmpOut = path.join(site.dir, 'dist');
	const r = spawnSync(process.execPath, [path.join(site.dir, 'node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: site.dir,
		env: { ...cleanEnv(), COURSE_DIR: path.resolve(courseDir), OUT_DIR: tmpOut, ASTRO_TELEMETRY_DISABLED: '1', ...env },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	fs.rmSync(outDir, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(outDir), { recursive: true });
	if (fs.existsSync(tmpOut)) fs.cpSync(tmpOut, outDir, { recursive: true });
	fs.rmSync(site.dir, { recursive: true, force: true });
	return { status: r.status, output: `${r.stdout}\n${r.stderr}`, outDir, cwd: site.dir };
}
