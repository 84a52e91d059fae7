/**
 * What the course's git repository knows about its files: the date of each file's last commit (a chapter
 * without `updated:` shows it) and where the course folder is in the repository (for "Edit this page").
 * The history is read once per load with one `git log` over the whole course folder — never one git process
 * per chapter. Outside a repository, without git, or for a file never committed, there is simply no date.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Each file's last commit date (YYYY-MM-DD, the committer's), by path relative to the course folder (POSIX). */
export function lastCommitDates(courseDir: string): Map<string, string> {
	let out: string;
	try {
		// Newest first; per commit a record separator, the date, then the files it changed (NUL-separated, unquoted).
		out = execFileSync('git', ['log', '--format=%x1e%cs', '--name-only', '-z', '--relative', '--no-renames', '--', '.'], {
			cwd: courseDir,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
			maxBuffer: 512 * 1024 * 1024,
		});
	} catch {
		return new Map();
	}
	return parseLog(out);
}

/** `git log --format=%x1e%cs --name-only -z` → the first (newest) date of every file. */
export function parseLog(out: string): Map<string, string> {
	const dates = new Map<string, string>();
	for (const record of out.split('\x1e')) {
		const [date, ...files] = record.split('\0').map((s) => s.trim());
		if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
		for (const file of files) if (file && !dates.has(file)) dates.set(file, date);
	}
	return dates;
}

/**
 * Where the course folder is in its repository: its path in the git work tree it is in (found by looking for
 * `.git` in the folder and above it), else — not in git, e.g. a fresh `init` — its path in the project folder
 * (the working directory), whose top is the repository's; '' when it is neither.
 */
export function coursePathInRepository(courseDir: string, project = process.cwd()): string {
	const found = repositoryPath(courseDir);
	if (found !== undefined) return found;
	const rel = path.relative(path.resolve(project), path.resolve(courseDir));
	return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : '';
}

/** The course folder's path inside its git work tree (`content`, `` for a course at the top); undefined outside one. */
export function repositoryPath(courseDir: string): string | undefined {
	let dir: string;
	try {
		dir = fs.realpathSync(courseDir);
	} catch {
		return undefined;
	}
	const course = dir;
	for (;;) {
		if (fs.existsSync(path.join(dir, '.git'))) return path.relative(dir, course).split(path.sep).join('/');
		const up = path.dirname(dir);
		if (up === dir) return undefined;
		dir = up;
	}
}
