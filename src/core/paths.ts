/** Where the course lives. One function, used by astro.config.mjs, the CLI, scripts and tests. */
import path from 'node:path';

export function resolveCourseDir(dir = process.env.COURSE_DIR): string {
	return path.resolve(dir && dir.trim() ? dir : 'content');
}

export const chaptersDir = (courseDir: string) => path.join(courseDir, 'chapters');
export const schemaFile = (courseDir: string) => path.join(courseDir, 'ownership.yaml');
export const chapterSlug = (file: string) => path.basename(file).replace(/\.mdx?$/, '');
