/**
 * The per-chapter cache, ESLint `--cache` style: a chapter's record (facts, diagnostics, HTML) is stored under a
 * key made of everything it depends on — its bytes, its path, ownership.yaml, course.yaml, the base path and the
 * version of this project's own code and parser — plus the files it read besides itself (images), whose state is
 * compared on every hit. Course-wide rules never come from the cache: they run on every check. So a stale entry
 * can never hide an error: change anything a chapter depends on and its key (or a dependency) changes.
 *
 * In `node_modules/.cache/course-site/<course>/`: one index file with every chapter's facts, diagnostics and
 * fragments (what a check needs, read in one go), and one file per chapter's page HTML (read by its page only).
 * Diagram parse results are kept beside them, by diagram text and mermaid version.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { digest } from '../core/hash.ts';
import type { ChapterRecord } from './process.ts';

/** Folders of src/ whose code decides what a chapter's record is (check and render). */
const CODE_FOLDERS = ['core', 'config', 'schema', 'syntax', 'directives', 'check', 'render', 'loader', 'i18n'];
/** Packages whose version changes parsing, sanitizing or highlighting. */
const PACKAGES = ['satteri', 'hast-util-sanitize', 'mdast-util-to-hast', 'hast-util-to-html', '@astrojs/markdown-remark', 'shiki', '@shikijs/transformers', 'image-size', 'yaml', 'zod', 'mermaid'];

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.join(SRC, '..');
/** Whose node_modules/.cache holds the cache: this repository's, or that of the course project this package is installed in. */
const PROJECT = ROOT.includes(`${path.sep}node_modules${path.sep}`) ? ROOT.slice(0, ROOT.lastIndexOf(`${path.sep}node_modules${path.sep}`)) : ROOT;
/** The node_modules folders Node looks in for this package's dependencies, nearest first (hoisted when installed). */
const LOOKUP = createRequire(import.meta.url).resolve.paths('course-site') ?? [];
const INDEX_VERSION = 2;

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
	for (const name of PACKAGES) parts.push(name, packageVersion(name));
	return (codeVersion = digest(...parts));
}

export function packageVersion(name: string): string {
	try {
		const dir = LOOKUP.find((d) => fs.existsSync(path.join(d, name, 'package.json')));
		if (dir) return (JSON.parse(fs.readFileSync(path.join(dir, name, 'package.json'), 'utf8')) as { version: string }).version;
	} catch {}
	return 'absent';
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

/** What the index holds of a chapter: all of its record but the page HTML. */
type Indexed = Omit<ChapterRecord, 'html'> & { deps: [string, string][] };

interface IndexFile {
	version: number;
	entries: Record<string, Indexed>;
}

export class ChapterCache {
	readonly dir: string;
	#index: Map<string, Indexed> | undefined;
	readonly #used = new Map<string, Indexed>();
	/** Whether this run stored a record: a run that only read the cache leaves its index as it was. */
	#stored = false;

	constructor(dir: string) {
		this.dir = dir;
	}

	static forCourse(courseDir: string, root = PROJECT): ChapterCache {
		return new ChapterCache(path.join(root, 'node_modules', '.cache', 'course-site', digest(path.resolve(courseDir)).slice(0, 16)));
	}

	#load(): Map<string, Indexed> {
		if (this.#index) return this.#index;
		try {
			const file = JSON.parse(fs.readFileSync(path.join(this.dir, 'index.json'), 'utf8')) as IndexFile;
			this.#index = new Map(file.version === INDEX_VERSION ? Object.entries(file.entries) : []);
		} catch {
			this.#index = new Map();
		}
		return this.#index;
	}

	/** The record stored under `key`, unless a file it read has changed since. Its page HTML loads on demand. */
	get(key: string): ChapterRecord | undefined {
		const entry = this.#load().get(key);
		if (!entry || entry.key !== key) return undefined;
		for (const [file, state] of entry.deps) if (fileState(file) !== state) return undefined;
		this.#used.set(key, entry);
		const { deps: _, ...record } = entry;
		return record.rendered ? { ...record, html: () => this.#html(key) } : record;
	}

	/** Store a record; returns it with its page HTML read from disk from now on (when it could be written). */
	set(record: ChapterRecord, deps: string[], html?: string): ChapterRecord {
		const { html: _, ...rest } = record;
		this.#stored = true;
		this.#used.set(record.key, { ...rest, deps: deps.map((d) => [d, fileState(d)]) });
		if (html === undefined || !this.#write(`${record.key}.html`, html)) return record;
		const key = record.key;
		return { ...rest, html: () => this.#html(key) };
	}

	/**
	 * Write the index of this run's chapters (entries nobody uses are dropped, so the cache does not grow with
	 * every edit), and remove page files of entries that are gone and older than a day (a concurrent run with
	 * another base path may still want them).
	 */
	save() {
		// Nothing stored and every indexed entry used: the index on disk is already this run's (a no-change check).
		const same = !this.#stored && this.#index !== undefined && this.#used.size === this.#index.size;
		this.#stored = false;
		if (!same) void this.#write('index.json', JSON.stringify({ version: INDEX_VERSION, entries: Object.fromEntries(this.#used) } satisfies IndexFile));
		// The next run of this cache (the dev server's) starts from what this one wrote.
		this.#index = new Map(this.#used);
		const used = new Set(this.#used.keys());
		this.#used.clear();
		try {
			const now = Date.now();
			for (const f of fs.readdirSync(this.dir)) {
				if (!f.endsWith('.html') || used.has(f.slice(0, -5))) continue;
				const file = path.join(this.dir, f);
				if (now - fs.statSync(file).mtimeMs > 86_400_000) fs.rmSync(file, { force: true });
			}
		} catch {}
	}

	#html(key: string): string {
		return fs.readFileSync(path.join(this.dir, `${key}.html`), 'utf8');
	}

	#write(name: string, text: string): boolean {
		try {
			fs.mkdirSync(this.dir, { recursive: true });
			const tmp = path.join(this.dir, `${name}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
			fs.writeFileSync(tmp, text);
			fs.renameSync(tmp, path.join(this.dir, name));
			return true;
		} catch {
			// A cache that cannot be written is a slower run, not a failed one.
			return false;
		}
	}
}

/** Diagram parse results that earlier runs found, by diagram text (digest) and mermaid version. */
export class DiagramCache {
	readonly #file: string;
	readonly #known: Map<string, string | null>;
	#changed = false;

	constructor(root = PROJECT) {
		this.#file = path.join(root, 'node_modules', '.cache', 'course-site', `mermaid-${packageVersion('mermaid')}.json`);
		try {
			this.#known = new Map(Object.entries(JSON.parse(fs.readFileSync(this.#file, 'utf8')) as Record<string, string | null>));
		} catch {
			this.#known = new Map();
		}
	}

	get(code: string): string | null | undefined {
		return this.#known.get(digest(code));
	}

	set(code: string, result: string | null) {
		const key = digest(code);
		if (this.#known.get(key) === result) return;
		this.#known.set(key, result);
		this.#changed = true;
	}

	save() {
		if (!this.#changed) return;
		try {
			fs.mkdirSync(path.dirname(this.#file), { recursive: true });
			const tmp = `${this.#file}.${process.pid}.tmp`;
			fs.writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.#known)));
			fs.renameSync(tmp, this.#file);
		} catch {}
	}
}

/** The key of one chapter: everything its record depends on, except files it reads besides itself. */
export const chapterKey = (environment: string, rel: string, bytes: Uint8Array) => digest(environment, rel, bytes);
