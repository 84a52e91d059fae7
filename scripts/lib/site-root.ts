/**
 * A private copy of the project to build from. Astro keeps per-build state under `<root>/.astro/` (the content
 * module list, and `.prerender/` when the output folder is outside the working directory), so two builds of
 * different courses from one root overwrite each other's files. Benchmarks build from a snapshot of the
 * sources with node_modules linked package by package, which also gives each run its own (cold) Astro cache.
 */
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const COPIED = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public'];
/** Caches that must not leak between runs (they live in the private node_modules). */
const SKIPPED_MODULES = new Set(['.astro', '.vite', '.cache']);

export interface SiteRoot {
	dir: string;
	/** Forget every cache, so the next build is cold like a CI build. */
	clearCaches(): void;
}

export function prepareSiteRoot(dir: string, from = ROOT): SiteRoot {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
	for (const name of COPIED) if (fs.existsSync(path.join(from, name))) fs.cpSync(path.join(from, name), path.join(dir, name), { recursive: true });
	for (const name of fs.readdirSync(path.join(from, 'node_modules'))) {
		if (SKIPPED_MODULES.has(name)) continue;
		fs.symlinkSync(path.join(from, 'node_modules', name), path.join(dir, 'node_modules', name));
	}
	return {
		dir,
		clearCaches() {
			for (const cache of ['.astro', 'node_modules/.astro', 'node_modules/.vite', 'node_modules/.cache']) fs.rmSync(path.join(dir, cache), { recursive: true, force: true });
		},
	};
}

/** Total size of the files under dir, in bytes. */
export function dirBytes(dir: string): number {
	let total = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
	return total;
}
