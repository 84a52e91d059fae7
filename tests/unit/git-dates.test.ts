/**
 * Last-updated dates from git (src/loader/git.ts): a temporary repository with two commits on known dates.
 * A chapter without `updated:` shows its file's last commit; the history is read by one `git` process per
 * load, whatever the number of chapters; outside a repository, and for a file never committed, there is no
 * date. The date is part of the chapter page's incremental-build key, so a new commit cannot leave a page stale.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coursePathInRepository, lastCommitDates, parseLog, repositoryPath } from '../../src/loader/git.ts';
import { loadCourse } from '../../src/loader/pipeline.ts';
import { chapterPageKey } from '../../src/model/page-key.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'git-dates-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const git = (cwd: string, args: string[], date?: string) =>
	execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
		cwd,
		env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}) },
		stdio: 'pipe',
	});

const chapter = (title: string, order: number, extra = '') => `---\ntitle: ${title}\ndescription: About ${title.toLowerCase()}.\norder: ${order}\n${extra}---\n\n## ${title}\n\nSome text.\n`;

/** A repository whose course folder is `courses/aws`: commit 1 adds two chapters, commit 2 changes one. */
function makeRepository() {
	const repo = path.join(tmp, 'repo');
	const course = path.join(repo, 'courses', 'aws');
	fs.mkdirSync(path.join(course, 'chapters'), { recursive: true });
	fs.writeFileSync(path.join(course, 'course.yaml'), 'title: Dated\ndescription: A course in git.\nrepository: https://github.com/example/courses\n');
	fs.writeFileSync(path.join(course, 'ownership.yaml'), 'controls:\n  ec2.guest-os-patching: { title: Patch the guest OS, owner: customer }\n');
	fs.writeFileSync(path.join(course, 'chapters', 'first.mdx'), chapter('First', 1));
	fs.writeFileSync(path.join(course, 'chapters', 'second.mdx'), chapter('Second', 2));
	git(repo, ['init', '-q', '-b', 'main']);
	git(repo, ['add', '.']);
	git(repo, ['commit', '-q', '-m', 'Two chapters'], '2026-01-10');
	fs.appendFileSync(path.join(course, 'chapters', 'second.mdx'), '\nA later paragraph.\n');
	git(repo, ['commit', '-q', '-am', 'A change to the second'], '2026-02-20');
	// Written after the last commit and never added: it has no date.
	fs.writeFileSync(path.join(course, 'chapters', 'third.mdx'), chapter('Third', 3));
	// Its own date wins over git's.
	fs.writeFileSync(path.join(course, 'chapters', 'fourth.mdx'), chapter('Fourth', 4, 'updated: 2025-12-24\n'));
	return { repo, course };
}

const { course } = makeRepository();

describe('last commit dates', () => {
	it('gives each committed file the date of its last commit, by path in the course folder', () => {
		const dates = lastCommitDates(course);
		expect(dates.get('chapters/first.mdx')).toBe('2026-01-10');
		expect(dates.get('chapters/second.mdx')).toBe('2026-02-20');
		expect(dates.get('course.yaml')).toBe('2026-01-10');
		expect(dates.has('chapters/third.mdx')).toBe(false);
	});

	it('gives nothing outside a repository', () => {
		const outside = path.join(tmp, 'outside');
		fs.mkdirSync(outside);
		expect(lastCommitDates(outside)).toEqual(new Map());
		expect(repositoryPath(outside)).toBeUndefined();
	});

	it('finds the course folder in its repository, or outside git in the project folder', () => {
		expect(repositoryPath(course)).toBe('courses/aws');
		expect(repositoryPath(path.join(tmp, 'repo'))).toBe('');
		expect(coursePathInRepository(course, tmp)).toBe('courses/aws');
		const project = path.join(tmp, 'project');
		fs.mkdirSync(path.join(project, 'content'), { recursive: true });
		expect(coursePathInRepository(path.join(project, 'content'), project)).toBe('content');
		expect(coursePathInRepository(path.join(project, 'content'), path.join(tmp, 'elsewhere'))).toBe('');
	});

	it('reads the newest date of a file from the log, names with spaces and all', () => {
		const log = '\x1e2026-02-20\0\nchapters/a b.mdx\0\x1e2026-01-10\0\nchapters/a b.mdx\0chapters/c.mdx\0';
		expect([...parseLog(log)]).toEqual([
			['chapters/a b.mdx', '2026-02-20'],
			['chapters/c.mdx', '2026-01-10'],
		]);
	});
});

describe('a course loaded from a repository', () => {
	it('dates the chapters without `updated:` from git, with one git process for all of them', async () => {
		// A `git` first on the PATH that counts its runs, then runs the real one.
		const bin = path.join(tmp, 'bin');
		const count = path.join(tmp, 'git-runs');
		const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
		fs.mkdirSync(bin, { recursive: true });
		fs.writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho run >> ${JSON.stringify(count)}\nexec ${JSON.stringify(real)} "$@"\n`, { mode: 0o755 });
		const saved = process.env.PATH;
		process.env.PATH = `${bin}${path.delimiter}${saved}`;
		let loaded: Awaited<ReturnType<typeof loadCourse>>;
		try {
			loaded = await loadCourse(course, { cache: false, workers: 0 });
		} finally {
			process.env.PATH = saved;
		}
		expect(fs.readFileSync(count, 'utf8').trim().split('\n')).toHaveLength(1);
		const updated = Object.fromEntries(loaded.model.chapters.map((c) => [c.slug, c.updated]));
		expect(updated).toEqual({ first: '2026-01-10', second: '2026-02-20', third: undefined, fourth: '2025-12-24' });
		// The course folder's place in the repository, found from git, is in every edit link.
		expect(loaded.model.chapters[0]!.editUrl).toBe('https://github.com/example/courses/edit/main/courses/aws/chapters/first.mdx');
	});

	it('makes the date part of the page key: a new commit of the same text renders the page again', async () => {
		const load = async () => {
			const { model, records } = await loadCourse(course, { cache: false, workers: 0 });
			const record = records.get('first')!;
			return { record: record.key, page: chapterPageKey(model, new Map(), { slug: 'first', recordKey: record.key, termUses: [] }) };
		};
		const before = await load();
		expect(await load()).toEqual(before);
		// A change and its revert: the file is as it was, its last commit is new.
		const repo = path.join(tmp, 'repo');
		const file = path.join(course, 'chapters', 'first.mdx');
		const text = fs.readFileSync(file, 'utf8');
		fs.appendFileSync(file, '\nA passing remark.\n');
		git(repo, ['commit', '-q', '-am', 'A remark'], '2026-03-03');
		fs.writeFileSync(file, text);
		git(repo, ['commit', '-q', '-am', 'No remark after all'], '2026-03-04');
		const after = await load();
		expect(after.record).toBe(before.record);
		expect(after.page).not.toBe(before.page);
		expect(lastCommitDates(course).get('chapters/first.mdx')).toBe('2026-03-04');
	});
});
