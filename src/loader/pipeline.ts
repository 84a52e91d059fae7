/**
 * The course pipeline, shared by `npm run check`, the build and the dev server: the content loader of this
 * project. It owns discovery (which files are chapters, their slugs), the one parse, check and render of each
 * chapter, the per-chapter cache and the course-wide rules, and hands the pages a course model and each
 * chapter's stored HTML (src/loader/store.ts). No chapter becomes a JavaScript module.
 *
 *   prepare (course.yaml, ownership.yaml, files) → each chapter: cache hit, or read → check → render
 *   (in worker threads when many; diagrams go to mermaid's parser as soon as their chapter is read)
 *   → course rules → model
 */
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { chapterEnv, type CourseCheck, finishCourse, prepareCourse } from '../check/course.ts';
import { rememberDiagrams, validateDiagrams, diagramResult } from '../check/rules/mermaid.ts';
import { courseFile } from '../config/course.ts';
import { diagnostic, type Diagnostic, hasErrors } from '../core/diagnostics.ts';
import { digest } from '../core/hash.ts';
import { schemaFile } from '../core/paths.ts';
import { buildCourseModel, type CourseModel } from '../model/model.ts';
import { ChapterCache, chapterKey, codeDigest, DiagramCache } from './cache.ts';
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
	base: string;
	stats: { chapters: number; cached: number; processed: number; workers: number; ms: number };
}

/** Chapters below this many uncached ones are processed on the main thread (a worker costs ~0.2 s to start). */
const WORKER_THRESHOLD = 48;

interface Job {
	index: number;
	source: ReturnType<typeof prepareCourse>['sources'][number];
	key: string;
	bytes: Uint8Array;
}

export async function loadCourse(courseDir: string, options: LoadOptions = {}): Promise<LoadedCourse> {
	const started = performance.now();
	const base = options.base ?? '/';
	const render = options.render ?? true;
	const prepared = prepareCourse(courseDir);
	const env = chapterEnv(prepared);
	const cache = options.cache === false ? undefined : options.cache instanceof ChapterCache ? options.cache : ChapterCache.forCourse(courseDir);
	const diagrams = options.cache === false ? undefined : new DiagramCache();
	const environment = digest(codeDigest(), readOr(schemaFile(courseDir)), readOr(courseFile(courseDir)), base, render ? 'render' : 'check');

	// Diagrams: what earlier runs found is remembered; the rest is parsed on mermaid's own thread, chapter by
	// chapter, while the pipeline goes on.
	const parsing: Promise<void>[] = [];
	const sendDiagrams = (record: ChapterRecord) => {
		const codes = record.facts.diagrams.map((d) => d.code);
		if (!codes.length) return;
		if (diagrams) rememberDiagrams(codes.flatMap((c) => (diagrams.get(c) === undefined ? [] : [[c, diagrams.get(c)!] as [string, string | null]])));
		if (codes.some((c) => diagramResult(c) === undefined)) parsing.push(validateDiagrams(codes));
	};

	const records: (ChapterRecord | undefined)[] = [];
	const pending: Job[] = [];
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
		if (hit) {
			records[index] = hit;
			sendDiagrams(hit);
		} else pending.push({ index, source, key, bytes });
	});

	const processOptions: ProcessOptions = { base, render };
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
		await Promise.all(chunks.map((chunk) => runWorker(env, processOptions, chunk, (r) => done(byKey.get(r.key)!, r))));
	} else {
		for (const job of pending) done(job, await processChapter(job.source, job.bytes, env, processOptions, job.key));
	}
	await Promise.all(parsing);
	if (diagrams) {
		for (const r of records) for (const d of r?.facts.diagrams ?? []) {
			const result = diagramResult(d.code);
			if (result !== undefined) diagrams.set(d.code, result);
		}
		diagrams.save();
	}
	cache?.save();

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

function runWorker(env: ReturnType<typeof chapterEnv>, options: ProcessOptions, jobs: Job[], onRecord: (record: ChapterRecord) => void): Promise<void> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(WORKER, { workerData: { env, options, jobs: jobs.map(({ source, key, bytes }) => ({ source, key, bytes })) } });
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
