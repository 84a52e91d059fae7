/**
 * Where the pages find the loaded course. The integration loads the course (./pipeline.ts) in Astro's process
 * and publishes it here; the pages, rendered in the same process (at build time, and per request in dev), read
 * the model and each chapter's stored HTML from it. Keyed by course folder and base path, so two courses in one
 * process never see each other's. This module imports no code, only types: pages bundle it, nothing else.
 */
import type { LoadedCourse } from './pipeline.ts';

interface Published {
	course: LoadedCourse;
	/** Problems to show instead of pages (the dev server: the error overlay). */
	problems?: Error;
}

const STORE: Map<string, Published> = ((globalThis as Record<symbol, unknown>)[Symbol.for('course-site.store')] ??= new Map()) as never;

export const storeKey = (courseDir: string, base: string) => `${courseDir}\0${base}`;

export function publish(key: string, course: LoadedCourse, problems?: Error) {
	STORE.set(key, problems ? { course, problems } : { course });
}

export function published(key: string): Published {
	const p = STORE.get(key);
	if (!p) throw new Error(`The course was not loaded in this process (${key.replace('\0', ' at base ')}): pages can only be rendered by the course-site integration.`);
	return p;
}
