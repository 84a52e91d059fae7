/**
 * The per-chapter cache, ESLint `--cache` style: a chapter's record (facts, diagnostics, HTML) is stored under a
 * key made of everything it depends on — its bytes, its path, ownership.yaml, course.yaml, the base path and the
 * version of this project's own code and parser — plus the files it read besides itself (images), whose state is
 * compared on every hit. Course-wide rules never come from the cache: they run on every check. So a stale entry
 * can never hide an error: change anything a chapter depends on and its key (or a dependency) changes.
 *
 * Entries live in `node_modules/.cache/course-site/<course>/`, one JSON file per key, written atomically.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { digest } from '../core/hash.ts';
import type { ChapterRecord } from './process.ts';

/** Folders of src/ whose code decides what a chapter's record is (check and render). */
const CODE_FOLDERS = ['core', 'config', 'schema', 'syntax', 'directives', 'check', 'render', 'loader'];
/** Packages whose version changes parsing, sanitizing or highlighting. */
const PACKAGES = ['satteri', 'hast-util-sanitize', 'mdast-util-to-hast', 'hast-util-to-html', '@astrojs/markdown-remark', 'shiki', 'image-size', 'yaml', 'zod'];

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let codeVersion: string | undefined;

/** A digest of this project's own checking and rendering code and of the packages it relies on. */
export function codeDigest(): string {
	if (codeVersion) return codeVersion;
	const parts: string[] = [];
	for (const folder of CODE_FOLDERS) {
		const dir = path.join(SRC, folder);
		if (!fs.existsSync(dir)) continue;
		for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) if (f.endsWith('.ts')) parts.push(f, fs.readFileSync(path.join(dir, f), 'utf8'));
	}
	for (const name of PACKAGES) {
		try {
			parts.push(name, JSON.parse(fs.readFileSync(path.join(SRC, '..', 'node_modules', name, 'package.json'), 'utf8')).version);
		} catch {
			parts.push(name, 'absent');
		}
	}
	return (codeVersion = digest(...parts));
}

/** The state of a file a chapter read (an image): changes when the file does, or when it appears or goes. */
export function fileState(file: string): string {
	try {
		const s = fs.statSync(file);
		return `${s.size}:${s.mtimeMs}`;
	} catch {
		return 'missing';
	}
}

interface Entry {
	record: ChapterRecord;
	deps: [string, string][];
}

export class ChapterCache {
	readonly dir: string;
	constructor(dir: string) {
		this.dir = dir;
	}

	static forCourse(courseDir: string, root = path.join(SRC, '..')): ChapterCache {
		return new ChapterCache(path.join(root, 'node_modules', '.cache', 'course-site', digest(path.resolve(courseDir)).slice(0, 16)));
	}

	get(key: string): ChapterRecord | undefined {
		let entry: Entry;
		try {
			entry = JSON.parse(fs.readFileSync(this.file(key), 'utf8')) as Entry;
		} catch {
			return undefined;
		}
		if (entry.record?.key !== key) return undefined;
		for (const [file, state] of entry.deps) if (fileState(file) !== state) return undefined;
		return entry.record;
	}

	set(record: ChapterRecord, deps: string[]) {
		const entry: Entry = { record, deps: deps.map((d) => [d, fileState(d)]) };
		try {
			fs.mkdirSync(this.dir, { recursive: true });
			const tmp = `${this.file(record.key)}.${process.pid}.tmp`;
			fs.writeFileSync(tmp, JSON.stringify(entry));
			fs.renameSync(tmp, this.file(record.key));
		} catch {
			// A cache that cannot be written is a slower run, not a failed one.
		}
	}

	/**
	 * Remove entries this run did not use and nobody wrote for a day, so the cache does not grow with every edit.
	 * (Recent ones may belong to a run with another base path going on at the same time.)
	 */
	prune(keep: ReadonlySet<string>, maxAgeMs = 86_400_000) {
		try {
			const now = Date.now();
			for (const f of fs.readdirSync(this.dir)) {
				if (!f.endsWith('.json') || keep.has(f.slice(0, -5))) continue;
				const file = path.join(this.dir, f);
				if (now - fs.statSync(file).mtimeMs > maxAgeMs) fs.rmSync(file, { force: true });
			}
		} catch {}
	}

	private file(key: string) {
		return path.join(this.dir, `${key}.json`);
	}
}

/** The key of one chapter: everything its record depends on, except files it reads besides itself. */
export const chapterKey = (environment: string, rel: string, bytes: Uint8Array) => digest(environment, rel, bytes);
