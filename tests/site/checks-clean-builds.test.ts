/**
 * The promise of the one pipeline, as a property over every course in the repository: if a course checks
 * clean, it builds, and every chapter that is not a draft is a page. Courses: the checker fixtures (with the
 * shared course.yaml and ownership.yaml), the site fixtures, the hostile cases that are meant to build, and
 * the bundled course. Only the ones that check clean are built (a build takes seconds; most fixtures exist to
 * fail the check), and a course that other tests read built (tests/helpers/sites.ts) is that shared build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/check/course.ts';
import { hasErrors } from '../../src/core/diagnostics.ts';
import { buildCourse, ROOT } from '../helpers/build.ts';
import { builtSite, type SiteName, SITES } from '../helpers/sites.ts';

const SHARED = path.join(ROOT, 'tests/check/fixtures/_shared');

function courses(): { name: string; dir: string }[] {
	const list: { name: string; dir: string }[] = [{ name: 'content', dir: path.join(ROOT, 'content') }];
	for (const base of ['tests/check/fixtures', 'tests/fixtures'])
		for (const d of fs.readdirSync(path.join(ROOT, base), { withFileTypes: true }))
			if (d.isDirectory() && !d.name.startsWith('_') && fs.existsSync(path.join(ROOT, base, d.name, 'chapters'))) list.push({ name: `${base}/${d.name}`, dir: path.join(ROOT, base, d.name) });
	return list;
}

/** A copy of the course with the shared files it relies on, so the original folder stays as it is. */
function materialise(dir: string): string {
	const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-build-'));
	fs.cpSync(dir, copy, { recursive: true, verbatimSymlinks: true });
	for (const f of ['course.yaml', 'ownership.yaml']) if (!fs.existsSync(path.join(copy, f))) fs.copyFileSync(path.join(SHARED, f), path.join(copy, f));
	return copy;
}

const shared = new Map(Object.entries(SITES).map(([name, dir]) => [path.join(ROOT, dir), name as SiteName]));

const all = courses().map((c) => {
	const site = shared.get(c.dir);
	const dir = site ? c.dir : materialise(c.dir);
	const check = checkCourse(dir);
	return { ...c, dir, site, check, clean: !hasErrors(check.diagnostics) };
});

describe('every course that checks clean builds, with every chapter a page', () => {
	it('has both kinds of course to look at', () => {
		expect(all.filter((c) => c.clean).length).toBeGreaterThanOrEqual(4);
		expect(all.filter((c) => !c.clean).length).toBeGreaterThan(20);
	});

	it.each(all.filter((c) => c.clean).map((c) => [c.name, c] as const))('%s', async (_, course) => {
		if (course.site) return expectPages(course, await builtSite(course.site));
		const out = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-build-out-'));
		try {
			const r = buildCourse(course.dir, out);
			expect(r.status, r.output.slice(-3000)).toBe(0);
			expect(r.output).not.toMatch(/^ {4}at /m);
			expectPages(course, out);
		} finally {
			fs.rmSync(out, { recursive: true, force: true });
			fs.rmSync(course.dir, { recursive: true, force: true });
		}
	});
});

/** Every chapter that is not a draft is a page, and nothing else is. */
function expectPages(course: (typeof all)[number], out: string) {
	const published = course.check.chapters.filter((c) => !c.frontmatter?.draft);
	for (const c of published) expect(fs.existsSync(path.join(out, 'chapters', c.slug, 'index.html')), `${c.rel} → /chapters/${c.slug}/`).toBe(true);
	for (const c of course.check.chapters.filter((ch) => ch.frontmatter?.draft)) expect(fs.existsSync(path.join(out, 'chapters', c.slug)), `draft ${c.rel}`).toBe(false);
	expect(fs.readdirSync(path.join(out, 'chapters')).length).toBe(published.length);
}
