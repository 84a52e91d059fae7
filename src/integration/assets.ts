/**
 * Local images of the chapters, published under names made from their content (`/_course/<digest>.png`).
 * The checker admitted only raster images inside the course folder; these are copied as they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMAGE_TYPES } from '../core/paths.ts';
import { SOCIAL_IMAGE } from '../core/routes.ts';
import type { LoadedCourse } from '../loader/pipeline.ts';
import { publishedPath } from '../loader/process.ts';

/** Published path (`/_course/…`) → source file and type, for every image a published chapter shows. */
export function publishedImages(course: LoadedCourse): Map<string, { file: string; type: string }> {
	const map = new Map<string, { file: string; type: string }>();
	for (const record of course.records.values())
		if (record.rendered && !record.facts.frontmatter?.draft) for (const image of record.facts.images) map.set(publishedPath(image), { file: image.file, type: IMAGE_TYPES[`.${image.ext}`] ?? 'application/octet-stream' });
	return map;
}

export function copyImages(course: LoadedCourse, outDir: URL | string) {
	const dir = typeof outDir === 'string' ? outDir : fileURLToPath(outDir);
	for (const [published, { file }] of publishedImages(course)) {
		const target = path.join(dir, published);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.copyFileSync(file, target);
	}
}

/** The default social card (og:image) this package ships: src/assets/social.svg drawn to PNG by scripts/social-image.ts. */
export const SOCIAL_IMAGE_FILE = fileURLToPath(new URL('../assets/social.png', import.meta.url));

export function copySocialImage(outDir: URL | string) {
	const target = path.join(typeof outDir === 'string' ? outDir : fileURLToPath(outDir), SOCIAL_IMAGE.path);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.copyFileSync(SOCIAL_IMAGE_FILE, target);
}
