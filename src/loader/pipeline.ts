/**
 * The course pipeline, shared by `npm run check`, the build and the dev server: the content loader of this
 * project. It owns discovery (which files are chapters, their slugs), the one parse, check and render of each
 * chapter, the per-chapter cache and the course-wide rules, and hands the pages a course model and each
 * chapter's stored HTML (src/loader/store.ts). No chapter becomes a JavaScript module.
 *
 *   prepare (course.yaml, ownership.yaml, files) → each chapter: cache hit, or read → check → render
 *   (in worker threads when many; diagrams go to mermaid's parser as soon as their chapter is read)
 *   → course rules → model
 *
 * A course with translations (`locales:`) also runs each translated chapter through the same steps, with its
 * locale's language and words, and renders every chapter that a locale has not translated once more for that
 * locale's pages (its interface, its links; the original's text): the model of each locale reads those.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChapterEnv } from '../check/chapter.ts';
import { chapterEnv, type CourseCheck, finishCourse, type PreparedTranslation, prepareCourse } from '../check/course.ts';
import type { ChapterSource } from '../check/discover.ts';
import { rememberDiagrams, validateDiagrams, diagramResult } from '../check/rules/mermaid.ts';
import { courseFile } from '../config/course.ts';
import { diagnostic, type Diagnostic, hasErrors } from '../core/diagnostics.ts';
import { digest } from '../core/hash.ts';
import { schemaFile } from '../core/paths.ts';
import { typeScriptWorker } from '../core/worker.ts';
import { editBase, resolveRepository } from '../config/repository.ts';
import { buildCourseModel, buildLocaleModel, type CourseModel, type CourseSources } from '../model/model.ts';
import { ChapterCache, chapterKey, codeDigest, DiagramCache } from './cache.ts';
import { coursePathInRepository, lastCommitDates } from './git.ts';
import { type ProcessOptions, processChapter } from './process.ts';
import type { ChapterRecord } from './record.ts';

export interface LoadOptions {
	/** Deploy base path, `/` or `/path/`. */
	base?: string;
	/** Render chapters (the build, the dev server, and the CLI so that a clean check guarantees a build). */
	render?: boolean;
	/** Use and fill the per-chapter cache (default true). */
	cache?: boolean | ChapterCache;
	/** Worker threads for chapters that are not cached: a number, or 'auto' (default). */
	workers?: number | 'auto';
}

export interface LoadedCourse {
	check: CourseCheck;
	/** Records by slug (every chapter, drafts included). */
	records: Map<string, ChapterRecord>;
	model: CourseModel;
	/** The translations' pages, in the order of `locales:`. */
	locales: LocaleBuild[];
	base: string;
	stats: { chapters: number; cached: number; processed: number; workers: number; ms: number };
}

export interface LocaleBuild {
	/** The locale's tag, which is also its URL segment. */
	locale: string;
	/** By slug: the translation, or the original rendered for this locale where there is no translation (yet). */
	records: Map<string, ChapterRecord>;
	model: CourseModel;
}

/** Chapters below this many uncached ones are processed on the main thread (a worker costs ~0.2 s to start). */
const WORKER_THRESHOLD = 48;

interface Job {
	index: number;
	source: ChapterSource;
	key: string;
	bytes: Uint8Array;
	/** Index of the job's environment in `envs` (its locale's). */
	env: number;
}

export async function loadCourse(courseDir: string, options: LoadOptions = {}): Promise<LoadedCourse> {
	const started = performance.now();
	const base = options.base ?? '/';
	const render = options.render ?? true;
	const prepared = prepareCourse(courseDir);
	const cache = options.cache === false ? undefined : options.cache instanceof ChapterCache ? options.cache : ChapterCache.forCourse(courseDir);
	const diagrams = options.cache === false ? undefined : new DiagramCache();
	const common = [codeDigest(), readOr(schemaFile(courseDir)), readOr(courseFile(courseDir)), base, render ? 'render' : 'check'];
	// Each environment, and the files of the locale it renders for, are part of its chapters' cache keys.
	const envs: ChapterEnv[] = [];
	const environments: string[] = [];
	const addEnv = (env: ChapterEnv, translation?: PreparedTranslation, written = true) => {
		envs.push(env);
		const files = translation ? [readOr(path.join(translation.dir, 'course.yaml')), readOr(path.join(translation.dir, 'ownership.yaml'))] : [];
		environments.push(translation ? digest(...common, translation.locale, written ? 'written' : 'fallback', ...files) : digest(...common));
		return envs.length - 1;
	};
	const own = addEnv(chapterEnv(prepared));
	const localeEnvs = prepared.translations.map((t) => addEnv(chapterEnv(prepared, t), t));

	// Diagrams: what earlier runs found is remembered; the rest is parsed on mermaid's own thread, chapter by
	// chapter, while the pipeline goes on.
	const parsing: Promise<void>[] = [];
	const sendDiagrams = (record: ChapterRecord) => {
		const codes = record.facts.diagrams.map((d) => d.code);
		if (!codes.length) return;
		if (diagrams) rememberDiagrams(codes.flatMap((c) => (diagrams.get(c) === undefined ? [] : [[c, diagrams.get(c)!] as [string, string | null]])));
		if (codes.some((c) => diagramResult(c) === undefined)) parsing.push(validateDiagrams(codes));
	};

	const readProblems: Diagnostic[] = [];
	const bytesOf = new Map<string, Uint8Array>();
	const read = (source: ChapterSource) => {
		const known = bytesOf.get(source.file);
		if (known) return known;
		try {
			const bytes = fs.readFileSync(source.file);
			bytesOf.set(source.file, bytes);
			return bytes;
		} catch (error) {
			readProblems.push(diagnostic(source.file, undefined, 'parse-error', `The chapter cannot be read: ${(error as Error).message}`, 'Check the file’s permissions.'));
			return undefined;
		}
	};
	const stats = { chapters: 0, cached: 0, processed: 0, workers: 0 };
	const processOptions: ProcessOptions = { base, render };
	/** Chapters through the pipeline, each with its environment: from the cache, or checked and rendered. */
	const run = async (sources: { source: ChapterSource; env: number }[]) => {
		const records: (ChapterRecord | undefined)[] = [];
		const pending: Job[] = [];
		sources.forEach(({ source, env }, index) => {
			const bytes = read(source);
			if (!bytes) return;
			const key = chapterKey(environments[env]!, source.rel, bytes);
			const hit = cache?.get(key);
			if (hit) {
				records[index] = hit;
				sendDiagrams(hit);
			} else pending.push({ index, source, key, bytes, env });
		});
		const done = (job: Job, record: ChapterRecord) => {
			sendDiagrams(record);
			const html = typeof record.html === 'string' ? record.html : undefined;
			// Once on disk, a page's HTML is read back by its page only: a course of 10,000 chapters never holds all
			// of its pages in memory.
			records[job.index] = cache ? cache.set(record, record.facts.deps, html) : record;
		};
		const workerCount = workersFor(pending.length, options.workers ?? 'auto');
		if (workerCount > 0) {
			const byKey = new Map(pending.map((p) => [p.key, p]));
			const chunks = Array.from({ length: workerCount }, (_, w) => pending.filter((_, i) => i % workerCount === w));
			// This thread takes one share itself: it has the pipeline loaded already, and every worker thread loads
			// its own copy (parser, checker, Shiki) that the process keeps after the worker ends (~90 MB each).
			const [own, ...others] = workerCount > 1 ? chunks : [[], ...chunks];
			const workers = others.map((chunk) => runWorker(envs, processOptions, chunk, (r) => done(byKey.get(r.key)!, r)));
			const mine = (async () => {
				for (const job of own!) done(job, await processChapter(job.source, job.bytes, envs[job.env]!, processOptions, job.key));
			})();
			await Promise.all([mine, ...workers]);
		} else {
			for (const job of pending) done(job, await processChapter(job.source, job.bytes, envs[job.env]!, processOptions, job.key));
		}
		stats.chapters += sources.length;
		stats.cached += sources.length - pending.length;
		stats.processed += pending.length;
		stats.workers = Math.max(stats.workers, workerCount);
		return records.filter((r): r is ChapterRecord => r !== undefined);
	};

	// The originals and the translations; then, per locale, the chapters it has not translated, rendered for its pages.
	const present = await run(prepared.sources.map((source) => ({ source, env: own })));
	const translated = await Promise.all(prepared.translations.map((t, i) => run(t.sources.map((source) => ({ source, env: localeEnvs[i]! })))));
	const shown = translated.map((list) => new Set(list.filter((r) => r.facts.frontmatter && !r.facts.frontmatter.draft).map((r) => r.facts.slug)));
	const fallbacks = await Promise.all(
		prepared.translations.map((t, i) => {
			const env = addEnv(chapterEnv(prepared, t, false), t, false);
			return run(prepared.sources.filter((s) => !shown[i]!.has(s.slug)).map((source) => ({ source, env })));
		}),
	);
	await Promise.all(parsing);
	if (diagrams) {
		for (const r of [...present, ...translated.flat()]) for (const d of r.facts.diagrams) {
			const result = diagramResult(d.code);
			if (result !== undefined) diagrams.set(d.code, result);
		}
		diagrams.save();
	}
	cache?.save();

	prepared.diagnostics.push(...readProblems);
	const check = finishCourse(prepared, present, new Map(prepared.translations.map((t, i) => [t.locale, translated[i]!])));
	const bySlug = new Map(present.map((r) => [r.facts.slug, r]));
	const sources = render ? courseSources(courseDir, check, [...present, ...translated.flat()]) : {};
	const model = buildCourseModel(check, bySlug, sources);
	const locales = prepared.translations.map((t, i): LocaleBuild => {
		// The originals' problems are reported once, by their own run; a fallback only adds its page.
		const records = new Map<string, ChapterRecord>([
			...fallbacks[i]!.map((r): [string, ChapterRecord] => [r.facts.slug, { ...r, diagnostics: [] }]),
			...translated[i]!.filter((r) => shown[i]!.has(r.facts.slug)).map((r): [string, ChapterRecord] => [r.facts.slug, r]),
		]);
		return { locale: t.locale, records, model: buildLocaleModel(check, check.translations[i]!, records, sources) };
	});
	return { check, records: bySlug, model, locales, base, stats: { ...stats, ms: performance.now() - started } };
}

/**
 * Dates and edit links for the pages: the git history is read (once, for every file) only when a chapter has
 * no `updated:` of its own, and the course folder's place in the repository only when course.yaml has a
 * `repository:` without a `path`.
 */
function courseSources(courseDir: string, check: CourseCheck, records: readonly ChapterRecord[]): CourseSources {
	const undated = records.some((r) => r.facts.frontmatter && !r.facts.frontmatter.draft && !r.facts.frontmatter.updated);
	const given = check.config.repository;
	const repository = resolveRepository(given, given && (typeof given === 'string' || given.path === undefined) ? coursePathInRepository(courseDir) : undefined);
	return { ...(undated ? { commits: lastCommitDates(courseDir) } : {}), ...(repository ? { editBase: editBase(repository) } : {}) };
}

export const courseHasErrors = (loaded: LoadedCourse) => hasErrors(loaded.check.diagnostics);

function workersFor(pending: number, setting: number | 'auto'): number {
	if (setting !== 'auto') return Math.max(0, Math.min(setting, pending));
	if (pending < WORKER_THRESHOLD) return 0;
	return Math.max(1, Math.min(os.availableParallelism(), Math.ceil(pending / WORKER_THRESHOLD)));
}

const WORKER = new URL('./worker.ts', import.meta.url);

function runWorker(envs: ChapterEnv[], options: ProcessOptions, jobs: Job[], onRecord: (record: ChapterRecord) => void): Promise<void> {
	return new Promise((resolve, reject) => {
		// Only the environments these jobs use travel to the worker (a schema is the largest part of one).
		const needed = [...new Set(jobs.map((j) => j.env))];
		const worker = typeScriptWorker(WORKER, { workerData: { envs: Object.fromEntries(needed.map((e) => [e, envs[e]])), options, jobs: jobs.map(({ source, key, bytes, env }) => ({ source, key, bytes, env })) } });
		worker.on('message', (m: { record?: ChapterRecord; failed?: string; message?: string }) => {
			if (m.record) onRecord(m.record);
			else reject(new Error(`Internal error while processing ${m.failed}: ${m.message}`));
		});
		worker.on('error', reject);
		worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`A pipeline worker stopped with code ${code}`))));
	});
}

function readOr(file: string): string {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}
