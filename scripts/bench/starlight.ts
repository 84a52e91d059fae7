/**
 * The reference: Astro Starlight with its defaults (sidebar generated from every page, Expressive Code,
 * Pagefind) building the same chapters as plain MDX (scripts/lib/generate.ts, format `starlight`).
 * Installed once into a folder under /tmp (never in the project): `npm install astro@7 @astrojs/starlight`,
 * serialised with the other installs through `flock /tmp/npm.lock`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { NODE, type Run, timed } from './run.ts';

export const STARLIGHT_DIR = process.env.STARLIGHT_DIR || '/tmp/starlight-bench';

export function ensureStarlight(dir = STARLIGHT_DIR): { astro: string; starlight: string } {
	const pkg = (name: string) => path.join(dir, 'node_modules', name, 'package.json');
	if (!fs.existsSync(pkg('@astrojs/starlight'))) {
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "starlight-bench", "private": true, "type": "module" }\n');
		console.log(`Installing astro@7 and @astrojs/starlight into ${dir} …`);
		const r = spawnSync('flock', ['/tmp/npm.lock', 'npm', 'install', '--no-audit', '--no-fund', 'astro@7', '@astrojs/starlight'], { cwd: dir, stdio: 'inherit' });
		if (r.status !== 0) throw new Error('Installing Starlight failed');
	}
	const version = (name: string) => (JSON.parse(fs.readFileSync(pkg(name), 'utf8')) as { version: string }).version;
	return { astro: version('astro'), starlight: version('@astrojs/starlight') };
}

/** Put the plain chapters into the Starlight project (replacing the previous corpus). */
export function prepareStarlight(files: Iterable<[string, string]>, dir = STARLIGHT_DIR) {
	fs.writeFileSync(
		path.join(dir, 'astro.config.mjs'),
		`import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
	outDir: process.env.OUT_DIR || './dist',
	integrations: [starlight({ title: 'Synthetic course' })],
});
`,
	);
	fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
	);
	const docs = path.join(dir, 'src/content/docs');
	fs.rmSync(docs, { recursive: true, force: true });
	fs.mkdirSync(path.join(docs, 'chapters'), { recursive: true });
	fs.writeFileSync(path.join(docs, 'index.mdx'), '---\ntitle: Synthetic course\ndescription: The benchmark corpus.\n---\n\nStart with the first chapter.\n');
	for (const [rel, text] of files) fs.writeFileSync(path.join(docs, rel), text);
}

/** Where a chapter of the corpus lives in the Starlight project (for the warm rebuild's edit). */
export const starlightFile = (rel: string, dir = STARLIGHT_DIR) => path.join(dir, 'src/content/docs', rel);

/** One Starlight build: cold (caches and output removed first) or warm (kept, as after an edit). */
export function runStarlightBuild(outDir: string, { cold = true } = {}, dir = STARLIGHT_DIR): Run {
	if (cold) {
		for (const cache of ['.astro', 'node_modules/.astro', 'node_modules/.vite']) fs.rmSync(path.join(dir, cache), { recursive: true, force: true });
		fs.rmSync(outDir, { recursive: true, force: true });
	}
	return timed(NODE, [path.join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: dir, env: { OUT_DIR: outDir } });
}
