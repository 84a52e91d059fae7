/** `npm run new:chapter -- "Title"` in a copy of the bundled course: the new chapter builds to a page. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, ROOT } from '../helpers/build.ts';

const TITLE = 'Incident response & forensics';
const SLUG = 'incident-response-forensics';

describe('new:chapter', () => {
	let course: string;
	let out: string;

	beforeAll(() => {
		course = fs.mkdtempSync(path.join(os.tmpdir(), 'scaffold-course-'));
		fs.cpSync(path.join(ROOT, 'content'), course, { recursive: true });
		const created = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/new-chapter.ts'), TITLE], { cwd: ROOT, env: { ...process.env, COURSE_DIR: course }, encoding: 'utf8' });
		if (created.status !== 0) throw new Error(created.stderr);
		out = fs.mkdtempSync(path.join(os.tmpdir(), 'scaffold-dist-'));
	});
	afterAll(() => {
		fs.rmSync(course, { recursive: true, force: true });
		fs.rmSync(out, { recursive: true, force: true });
	});

	it('builds: the site has the new page', () => {
		const build = buildCourse(course, out);
		expect(build.status, build.output.slice(-3000)).toBe(0);
		const html = fs.readFileSync(path.join(out, 'chapters', SLUG, 'index.html'), 'utf8');
		expect(html).toContain('Incident response &amp; forensics</h1>');
		expect(html).toMatch(/class="quiz"[^>]*id="quiz-incident-response-forensics-owner"/);
		expect(html).toContain('class="ctl ctl--customer"');
	});
});
