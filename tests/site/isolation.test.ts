/**
 * Builds of different courses (or of one course into different folders) from one checkout at the same time
 * share no state: each site holds its own course and nothing of the other's. (Astro puts a build's server
 * chunks in <cwd>/.astro/ when the output folder is outside the working directory; the integration builds into
 * a folder of its own and moves the site into place.)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareSiteRoot } from '../../scripts/lib/site-root.ts';
import { cleanEnv, ROOT } from '../helpers/build.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isolation-'));
const root = prepareSiteRoot(path.join(tmp, 'checkout'));

function build(course: string, out: string): Promise<{ code: number | null; log: string }> {
	return new Promise((resolve) => {
		const p = spawn(process.execPath, [path.join(root.dir, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root.dir, env: { ...cleanEnv(), COURSE_DIR: path.join(ROOT, course), OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1' } });
		let log = '';
		p.stdout.on('data', (d) => (log += d));
		p.stderr.on('data', (d) => (log += d));
		p.on('exit', (code) => resolve({ code, log }));
	});
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('concurrent builds from one checkout', () => {
	it('keep their courses apart', async () => {
		const [a, b, c] = [path.join(tmp, 'basic'), path.join(tmp, 'interactive'), path.join(tmp, 'basic-again')];
		const results = await Promise.all([build('tests/fixtures/basic-course', a), build('tests/fixtures/interactive-course', b), build('tests/fixtures/basic-course', c)]);
		for (const r of results) expect(r.code, r.log.slice(-2000)).toBe(0);
		expect(fs.readdirSync(path.join(a, 'chapters')).sort()).toEqual(['alpha', 'beta']);
		expect(fs.readdirSync(path.join(c, 'chapters')).sort()).toEqual(['alpha', 'beta']);
		expect(fs.readdirSync(path.join(b, 'chapters')).sort()).toEqual(['logging', 'patching', 'summary']);
		expect(fs.readFileSync(path.join(a, 'index.html'), 'utf8')).toContain('<title>Fixture Course</title>');
		expect(fs.readFileSync(path.join(b, 'index.html'), 'utf8')).not.toContain('Alpha basics');
		expect(fs.existsSync(path.join(b, 'pagefind/pagefind.js'))).toBe(true);
	}, 600_000);
});
