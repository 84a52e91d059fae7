/**
 * A rebuild after editing one chapter does only that chapter's work: the pipeline checks and renders it alone
 * (the others come from its cache), and Astro's incremental build renders again only the pages whose key
 * changed (src/model/page-key.ts) — the edited chapter, and the pages that show its title when the title
 * changes; and after a commit, the page of the committed chapter, whose last-updated date (from git) changed.
 * Every page still holds what it should.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareSiteRoot } from '../../scripts/lib/site-root.ts';
import { cleanEnv, ROOT } from '../helpers/build.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'incremental-'));
const root = prepareSiteRoot(path.join(tmp, 'checkout'));
const course = path.join(tmp, 'course');
const out = path.join(tmp, 'site');
fs.cpSync(path.join(ROOT, 'tests/fixtures/pipeline-course'), course, { recursive: true });
// The course is a repository of its own: its chapters (no `updated:`) are dated by their last commit.
const git = (args: string[], date?: string) =>
	spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: course, env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}) } });
git(['init', '-q', '-b', 'main']);
git(['add', '.']);
git(['commit', '-q', '-m', 'The course'], '2026-01-10');

function build() {
	const r = spawnSync(process.execPath, [path.join(root.dir, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root.dir, env: { ...cleanEnv(), COURSE_DIR: course, OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' }, encoding: 'utf8' });
	const log = `${r.stdout}\n${r.stderr}`;
	expect(r.status, log.slice(-2000)).toBe(0);
	const pages = (state: RegExp) => [...log.matchAll(/\/chapters\/([a-z-]+)\/index\.html (.*)$/gm)].filter((m) => state.test(m[2]!)).map((m) => m[1]).sort();
	return { log, rendered: pages(/^\(\+/), restored: pages(/^\((restored|cached)\)/) };
}
const page = (slug: string) => fs.readFileSync(path.join(out, 'chapters', slug, 'index.html'), 'utf8');

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('a rebuild after editing one chapter', () => {
	it('renders every page the first time', () => {
		const first = build();
		expect(first.rendered).toEqual(['first-steps', 'going-further', 'second-steps']);
		expect(first.log).toMatch(/0 of 4 chapters from the cache/);
	}, 300_000);

	it('checks and renders only the edited chapter, and keeps the other pages', () => {
		fs.appendFileSync(path.join(course, 'chapters/deeper/going-further.mdx'), '\nA sentence added for the rebuild.\n');
		const second = build();
		expect(second.log).toMatch(/3 of 4 chapters from the cache/);
		expect(second.rendered).toEqual(['going-further']);
		expect(second.restored).toEqual(['first-steps', 'second-steps']);
		expect(page('going-further')).toContain('A sentence added for the rebuild.');
		expect(page('first-steps')).toContain('<h2 id="where">');
	}, 300_000);

	it('renders again the pages that show a chapter whose title changed', () => {
		const file = path.join(course, 'chapters/deeper/going-further.mdx');
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: Going further', 'title: Going much further'));
		const third = build();
		// Every page lists every chapter in its sidebar (a course under 30 chapters), so all show the new title.
		expect(third.rendered).toEqual(['first-steps', 'going-further', 'second-steps']);
		for (const slug of ['first-steps', 'second-steps']) expect(page(slug)).toContain('Going much further');
	}, 300_000);

	it('renders again the page of a chapter whose edit was committed: its date changed, its text did not', () => {
		expect(page('going-further')).toContain('<time datetime="2026-01-10">January 10, 2026</time>');
		git(['commit', '-q', '-am', 'Going much further'], '2026-04-05');
		const fourth = build();
		expect(fourth.rendered).toEqual(['going-further']);
		expect(fourth.restored).toEqual(['first-steps', 'second-steps']);
		expect(page('going-further')).toContain('<time datetime="2026-04-05">April 5, 2026</time>');
		expect(page('first-steps')).toContain('<time datetime="2026-01-10">January 10, 2026</time>');
	}, 300_000);
});
