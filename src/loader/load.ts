/**
 * One checked course per process, shared by the integration, the remark plugin and the pages. In a build the
 * course is read once; in dev it is re-read when any of its files changes (checked by modification time).
 */
import fs from 'node:fs';
import path from 'node:path';
import { type CourseCheck, checkCourse } from '../check/course.ts';
import type { GlossaryEntry } from '../directives/types.ts';
import { buildCourseModel, type CourseModel, glossaryOf } from '../model/model.ts';
import { chaptersDir } from '../core/paths.ts';

export interface LoadedCourse {
	check: CourseCheck;
	model: CourseModel;
	glossary: Map<string, GlossaryEntry>;
	signature: string;
}

// On globalThis: Astro loads the config (and this module) in more than one module graph.
const cache: Map<string, LoadedCourse> = ((globalThis as Record<string, unknown>).__courseSiteCache ??= new Map()) as never;
/** How often the course was really checked in this process; the benchmark asserts it is once per build. */
export const loadStats: { checks: number } = ((globalThis as Record<string, unknown>).__courseSiteStats ??= { checks: 0 }) as never;

export function loadCourse(courseDir: string, base: string, { watch = false } = {}): LoadedCourse {
	const key = `${courseDir}\0${base}`;
	const cached = cache.get(key);
	if (cached && !watch) return cached;
	const signature = watch ? courseSignature(courseDir) : '';
	if (cached && cached.signature === signature) return cached;
	loadStats.checks++;
	const check = checkCourse(courseDir);
	const loaded = { check, model: buildCourseModel(check, base), glossary: glossaryOf(check), signature };
	cache.set(key, loaded);
	return loaded;
}

export function courseSignature(courseDir: string): string {
	const files = ['course.yaml', 'ownership.yaml'].map((f) => path.join(courseDir, f));
	try {
		for (const n of fs.readdirSync(chaptersDir(courseDir))) files.push(path.join(chaptersDir(courseDir), n));
	} catch {}
	return files
		.map((f) => {
			try {
				const s = fs.statSync(f);
				return `${f}:${s.mtimeMs}:${s.size}`;
			} catch {
				return `${f}:-`;
			}
		})
		.join('|');
}
