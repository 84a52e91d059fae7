/**
 * A worker thread of the pipeline (./pipeline.ts): it receives the checking environments it needs once and a
 * list of chapters, runs each through read → check → render, and posts the records back. Parsing is native
 * (Sätteri) and checking and rendering are plain functions, so chapters spread over the machine's cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ChapterEnv } from '../check/chapter.ts';
import type { ChapterSource } from '../check/discover.ts';
import { type ProcessOptions, processChapter } from './process.ts';

interface Job {
	source: ChapterSource;
	key: string;
	/** The bytes the key was computed from: the worker never reads the file again. */
	bytes: Uint8Array;
	/** Which of `envs` the chapter is checked and rendered with (its locale's). */
	env: number;
}

const { envs, options, jobs } = workerData as { envs: Record<number, ChapterEnv>; options: ProcessOptions; jobs: Job[] };

for (const job of jobs) {
	try {
		const record = await processChapter(job.source, job.bytes, envs[job.env]!, options, job.key);
		parentPort!.postMessage({ record });
	} catch (error) {
		parentPort!.postMessage({ failed: job.source.file, message: (error as Error)?.stack ?? String(error) });
	}
}
