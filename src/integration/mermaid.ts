/**
 * Mermaid for the browser, without Vite. Bundling it cost every build about 4 s of CPU and 500 MB of memory,
 * diagrams or not; its package already ships a minified ES module build (`dist/mermaid.esm.min.mjs` and the
 * chunks it imports, all by relative paths). A site with a diagram gets those files as they are under
 * MERMAID.folder (src/core/routes.ts); the dev server serves them from node_modules at the same URLs.
 * src/scripts/diagrams.ts imports the entry by its URL when a diagram comes near the screen.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MERMAID } from '../core/routes.ts';
import type { LoadedCourse } from '../loader/pipeline.ts';

/** Where mermaid's prebuilt files are; resolved from this package, so it works when the package is installed into a course project. */
export const MERMAID_DIST = path.join(path.dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist');

const ENTRY = path.posix.basename(MERMAID.entry);
const CHUNKS = 'chunks/mermaid.esm.min';

/** The files to publish, relative to MERMAID.folder and to `dist`: the entry and every chunk (no source maps). */
export function mermaidFiles(dist = MERMAID_DIST): string[] {
	const chunks = fs.readdirSync(path.join(dist, CHUNKS)).filter((f) => f.endsWith('.mjs'));
	return [ENTRY, ...chunks.sort().map((f) => `${CHUNKS}/${f}`)];
}

/** Whether any page of the course, in any locale, shows a diagram. */
export const hasDiagrams = (course: LoadedCourse) => [course.model, ...course.locales.map((l) => l.model)].some((m) => m.chapters.some((c) => c.hasDiagram));

/** Copy Mermaid into the built site, only if the course has a diagram. Returns how many files were copied. */
export function copyMermaid(course: LoadedCourse, outDir: URL | string): number {
	if (!hasDiagrams(course)) return 0;
	const target = path.join(typeof outDir === 'string' ? outDir : fileURLToPath(outDir), MERMAID.folder);
	const files = mermaidFiles();
	fs.mkdirSync(path.join(target, CHUNKS), { recursive: true });
	for (const file of files) fs.copyFileSync(path.join(MERMAID_DIST, file), path.join(target, file));
	return files.length;
}

/** In dev, the file a request under `<base>_course/mermaid/` stands for (only the published ones), else undefined. */
export function mermaidFileFor(sitePath: string, files: ReadonlySet<string>): string | undefined {
	if (!sitePath.startsWith(MERMAID.folder)) return undefined;
	const file = sitePath.slice(MERMAID.folder.length);
	return files.has(file) ? path.join(MERMAID_DIST, file) : undefined;
}
