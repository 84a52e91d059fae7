/**
 * Mermaid is published, not bundled (src/integration/mermaid.ts): a site with a diagram gets Mermaid's own
 * prebuilt ES module build under `<base>_course/mermaid/`, whole (the entry and every chunk it can import,
 * without source maps); a site without one gets none of it, in that folder or in Vite's `_astro/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from '../../scripts/lib/page-weight.ts';
import { MERMAID } from '../../src/core/routes.ts';
import { MERMAID_DIST, mermaidFiles } from '../../src/integration/mermaid.ts';
import { builtSite } from '../helpers/sites.ts';

const files = (dir: string) => (fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort() : []);

/** Code of Mermaid's own (its entry's error diagram and flowchart renderer), in whichever build Vite would bundle. */
const MERMAID_CODE = /flowchart-v2|Syntax error in text/;
/** Files of _astro/ with Mermaid's code in them (the site's small loader, src/scripts/diagrams.ts, has none). */
const bundledMermaid = (dist: string) => files(path.join(dist, '_astro')).filter((f) => MERMAID_CODE.test(fs.readFileSync(path.join(dist, '_astro', f), 'utf8')));

describe('a site with a diagram', async () => {
	const dist = await builtSite('basic');
	const folder = path.join(dist, MERMAID.folder);
	const published = files(folder);

	it('has Mermaid’s entry and all its chunks, as the package ships them, and no source map', () => {
		const chunks = fs.readdirSync(path.join(MERMAID_DIST, 'chunks/mermaid.esm.min')).filter((f) => f.endsWith('.mjs'));
		// Mermaid 11 has about a hundred chunks: one per diagram type and what they share.
		expect(chunks.length).toBeGreaterThan(50);
		expect(published).toEqual(mermaidFiles().sort());
		expect(published).toHaveLength(chunks.length + 1);
		expect(published).toContain(path.posix.basename(MERMAID.entry));
		expect(published.filter((f) => f.endsWith('.map'))).toEqual([]);
		for (const f of published) expect(fs.readFileSync(path.join(folder, f)).equals(fs.readFileSync(path.join(MERMAID_DIST, f))), f).toBe(true);
	});

	it('resolves every import of the entry and its chunks, static and dynamic, to a published file', () => {
		const entry = path.join(dist, MERMAID.entry);
		const seen = new Set<string>();
		const missing: string[] = [];
		const visit = (file: string) => {
			if (seen.has(file)) return;
			seen.add(file);
			for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
				// Mermaid's build imports nothing by package name: every import is a file beside it.
				expect(spec.url, `${path.relative(folder, file)} imports ${spec.url}`).toMatch(/^\.\.?\//);
				const target = path.resolve(path.dirname(file), spec.url);
				if (fs.existsSync(target)) visit(target);
				else missing.push(`${path.relative(folder, file)} → ${spec.url}`);
			}
		};
		visit(entry);
		expect(missing).toEqual([]);
		// The entry reaches every chunk (the diagram types through import()): none is published for nothing.
		expect([...seen].map((f) => path.relative(folder, f).split(path.sep).join('/')).sort()).toEqual(published);
	});

	it('does not bundle Mermaid with Vite: nothing of it in _astro/', () => {
		expect(fs.readFileSync(path.join(dist, MERMAID.entry), 'utf8')).toMatch(MERMAID_CODE);
		expect(bundledMermaid(dist)).toEqual([]);
	});
});

describe('a site without a diagram', async () => {
	const dist = await builtSite('pipeline');

	it('has no Mermaid folder and no Mermaid in _astro/', () => {
		expect(fs.existsSync(path.join(dist, MERMAID.folder))).toBe(false);
		expect(files(path.join(dist, '_astro')).length).toBeGreaterThan(0);
		expect(bundledMermaid(dist)).toEqual([]);
	});
});
