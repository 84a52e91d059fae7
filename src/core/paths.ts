/** Where a course's files live, and what a chapter's slug is. One definition, used everywhere. */
import path from 'node:path';

export function resolveCourseDir(dir = process.env.COURSE_DIR): string {
	return path.resolve(dir && dir.trim() ? dir : 'content');
}

export const chaptersDir = (courseDir: string) => path.join(courseDir, 'chapters');
export const schemaFile = (courseDir: string) => path.join(courseDir, 'ownership.yaml');

/** A chapter's slug is its file name without `.mdx`; it is the last segment of the chapter's URL. */
export const chapterSlug = (file: string) => path.basename(file).replace(/\.mdx?$/, '');

/** Lowercase words of letters and digits joined by single dashes: the shape of every chapter slug. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The slug a badly named file was probably meant to have (`My Chapter.mdx` → `my-chapter`). */
export const slugify = (name: string) =>
	name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');

/** Image files a chapter may show (the build reads their size; SVG is not accepted: it can carry script). */
export const IMAGE_TYPES: Readonly<Record<string, string>> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif' };

/** The POSIX form of a path relative to a folder, as diagnostics and URLs show it. */
export const posixRelative = (from: string, to: string) => path.relative(from, to).split(path.sep).join('/');
