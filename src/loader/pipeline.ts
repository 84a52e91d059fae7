/**
 * The course pipeline, shared by `npm run check`, the build and the dev server: the content loader of this
 * project. It owns discovery (which files are chapters, their slugs), the one parse, check and render of each
 * chapter, the per-chapter cache and the course-wide rules, and hands the pages a course model and each
 * chapter's stored HTML (src/loader/store.ts). No chapter becomes a JavaScript module.
 *
 *   prepare (course.yaml, ownership.yaml, files) → each chapter: cache hit, or read → check → render
 *   (in worker threads when many) → course rules → model
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import fs from 'node:fs';
import { chapterEnv, type CourseCheck, finishCourse, prepareCourse } from '../check/course.ts';
import { diagnostic, type Diagnostic, hasErrors } from '../core/diagnostics.ts';
import { digest } from '../core/hash.ts';
import { courseFile } from '../config/course.ts';
import { schemaFile } from '../core/paths.ts';
import { buildCourseModel, type CourseModel } from '../model/model.ts';
import { ChapterCache, chapterKey, codeDigest } from './cache.ts';
import { type ChapterRecord, type ProcessOptions, processChapter } from './process.ts';

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
	base: string;
	stats: { chapters: number; cached: number; processed: number; workers: number; ms: number };
}

/** Chapters below this many uncached ones are processed on the main thread (a worker costs ~0.2 s to start). */
const WORKER_THRESHOLD = 48;

export async function loadCourse(courseDir: string, options: LoadOptions = {}): Promise<LoadedCourse> {
	const started = performance.now();
	const base = options.base ?? '/';
	const render = options.render ?? true;
	const prepared = prepareCourse(courseDir);
	const env = chapterEnv(prepared);
	const cache = options.cache === false ? undefined : options.cache instanceof ChapterCache ? options.cache : ChapterCache.forCourse(courseDir);
	const environment = digest(codeDigest(), readOr(schemaFile(courseDir)), readOr(courseFile(courseDir)), base, render ? 'render' : 'check');

	const records: (ChapterRecord | undefined)[] = [];
	const pending: { index: number; source: (typeof prepared.sources)[number]; key: string; bytes: Uint8Array }[] = [];
	const readProblems: Diagnostic[] = [];
	prepared.sources.forEach((source, index) => {
		let bytes: Uint8Array;
		try {
			bytes = fs.readFileSync(source.file);
		} catch (error) {
			readProblems.push(diagnostic(source.file, undefined, 'parse-error', `The chapter cannot be read: ${(error as Error).message}`, 'Check the file’s permissions.'));
			return;
		}
		const key = chapterKey(environment, source.rel, bytes);
		const hit = cache?.get(key);
		if (hit) records[index] = hit;
		else pending.push({ index, source, key, bytes });
	});

	const processOptions: ProcessOptions = { base, render };
	const workerCount = workersFor(pending.length, options.workers ?? 'auto');
	if (workerCount > 0) {
		const chunks = Array.from({ length: workerCount }, (_, w) => pending.filter((_, i) => i % workerCount === w));
		const results = await Promise.all(chunks.map((chunk) => runWorker(env, processOptions, chunk)));
		const indexOf = new Map(pending.map((p) => [p.key, p.index]));
		for (const list of results) for (const r of list) records[indexOf.get(r.key)!] = r;
	} else {
		for (const p of pending) records[p.index] = await processChapter(p.source, p.bytes, env, processOptions, p.key);
	}
	for (const p of pending) {
		const r = records[p.index];
		if (r && cache) cache.set(r, r.facts.deps);
	}
	if (cache) cache.prune(new Set(records.flatMap((r) => (r ? [r.key] : []))));

	const present = records.filter((r): r is ChapterRecord => r !== undefined);
	prepared.diagnostics.push(...readProblems);
	const check = finishCourse(prepared, present);
	const bySlug = new Map(present.map((r) => [r.facts.slug, r]));
	const model = buildCourseModel(check, bySlug);
	return {
		check,
		records: bySlug,
		model,
		base,
		stats: { chapters: prepared.sources.length, cached: prepared.sources.length - pending.length, processed: pending.length, workers: workerCount, ms: performance.now() - started },
	};
}

export const courseHasErrors = (loaded: LoadedCourse) => hasErrors(loaded.check.diagnostics);

function workersFor(pending: number, setting: number | 'auto'): number {
	if (setting !== 'auto') return Math.max(0, Math.min(setting, pending));
	if (pending < WORKER_THRESHOLD) return 0;
	return Math.max(1, Math.min(os.availableParallelism(), Math.ceil(pending / WORKER_THRESHOLD)));
}

const WORKER = new URL('./worker.ts', import.meta.url);

function runWorker(env: ReturnType<typeof chapterEnv>, options: ProcessOptions, jobs: { source: unknown; key: string; bytes: Uint8Array }[]): Promise<ChapterRecord[]> {
	return new Promise((resolve, reject) => {
		const out: ChapterRecord[] = [];
		const worker = new Worker(WORKER, { workerData: { env, options, jobs: jobs.map(({ source, key, bytes }) => ({ source, key, bytes })) } });
		worker.on('message', (m: { record?: ChapterRecord; failed?: string; message?: string }) => {
			if (m.record) out.push(m.record);
			else reject(new Error(`Internal error while processing ${m.failed}: ${m.message}`));
		});
		worker.on('error', reject);
		worker.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`A pipeline worker stopped with code ${code}`))));
	});
}

function readOr(file: string): string {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}
