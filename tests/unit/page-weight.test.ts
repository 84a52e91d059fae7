/**
 * The page analyser (scripts/lib/page-weight.ts) behind the budgets (tests/site/budgets.test.ts) and the
 * benchmark's page weights, on a hand-made site, so each of its rules is seen to work and the budgets can fail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analysePage, imageProblems } from '../../scripts/lib/page-weight.ts';
import { MERMAID } from '../../src/core/routes.ts';

describe('the page analyser and the published Mermaid', () => {
	// The diagram loader builds Mermaid's URL at run time (src/scripts/diagrams.ts): naming its path is how it reaches it.
	const site = fs.mkdtempSync(path.join(os.tmpdir(), 'page-weight-'));
	afterAll(() => fs.rmSync(site, { recursive: true, force: true }));
	const write = (file: string, text: string) => {
		fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
		fs.writeFileSync(path.join(site, file), text);
	};
	write('_astro/diagrams.js', `const entry = ${JSON.stringify(MERMAID.entry)};\nexport const draw = () => import(base + entry);\n`);
	write(MERMAID.entry, 'import "./chunks/mermaid.esm.min/chunk-A.mjs";\nexport default {};\n');
	write(`${MERMAID.folder}chunks/mermaid.esm.min/chunk-A.mjs`, 'export const a = 1;\n');
	write('chapter/index.html', '<!doctype html><html><head></head><body><script type="module" src="/course/_astro/diagrams.js"></script></body></html>');

	it('follows it as a lazy module, under the base, with the chunks it imports', () => {
		const w = analysePage(site, 'chapter/index.html', '/course/');
		expect(w.js.assets.map((a) => a.url)).toEqual(['/course/_astro/diagrams.js']);
		expect(w.lazy).toEqual([`/course${MERMAID.entry}`, `/course${MERMAID.folder}chunks/mermaid.esm.min/chunk-A.mjs`]);
		expect(w.mermaid).toEqual(['/course/_astro/diagrams.js', ...w.lazy]);
	});
});

describe('the page analyser', () => {
	const site = fs.mkdtempSync(path.join(os.tmpdir(), 'page-weight-'));
	afterAll(() => fs.rmSync(site, { recursive: true, force: true }));
	const write = (file: string, text: string) => {
		fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
		fs.writeFileSync(path.join(site, file), text);
	};
	write('_astro/app.js', 'import { a } from "./shared.js";\nconst later = () => import("./mermaid-client.js");\na(later);\n');
	write('_astro/shared.js', 'export const a = (f) => f;\n');
	write('_astro/mermaid-client.js', 'import "./mermaid.core.js";\n');
	write('_astro/mermaid.core.js', 'export default { initialize() {} };\n');
	write('_astro/site.css', 'body { color: black }\n');
	write(
		'page/index.html',
		`<!doctype html><html><head>
<link rel="stylesheet" href="/_astro/site.css">
<link rel="stylesheet" href="https://fonts.example.com/font.css">
<script src="https://cdn.example.com/lib.js"></script>
<script type="application/ld+json">{"not":"javascript"}</script>
<style>h1 { margin: 0 }</style>
</head><body>
<script type="module" src="/_astro/app.js"></script>
<script>console.log("inline")</script>
<img src="/a.png" width="10" height="10" loading="lazy"><img src="/b.png">
</body></html>`,
	);
	const w = analysePage(site, 'page/index.html');

	it('counts external and inline scripts and follows static imports, not JSON or dynamic imports', () => {
		expect(w.js.assets.map((a) => [a.via, a.url])).toEqual([
			['script', '/_astro/app.js'],
			['import', '/_astro/shared.js'],
			['inline-script', 'inline'],
		]);
		expect(w.lazy).toEqual(['/_astro/mermaid-client.js', '/_astro/mermaid.core.js']);
		expect(w.js.gzip).toBe(w.js.assets.reduce((n, a) => n + a.gzip, 0));
	});

	it('finds Mermaid behind a dynamic import, and the script that imports it', () => {
		expect(w.mermaid).toEqual(['/_astro/app.js', '/_astro/mermaid-client.js', '/_astro/mermaid.core.js']);
	});

	it('counts stylesheets and inline styles, and flags third-party resources in <head>', () => {
		expect(w.css.assets.map((a) => [a.via, a.url])).toEqual([
			['stylesheet', '/_astro/site.css'],
			['inline-style', 'inline'],
		]);
		expect(w.external).toEqual(['https://fonts.example.com/font.css', 'https://cdn.example.com/lib.js']);
	});

	it('reports images with their size attributes', () => {
		expect(w.images).toEqual([{ src: '/a.png', width: '10', height: '10', loading: 'lazy' }, { src: '/b.png' }]);
	});

	it('flags an image without a width, a height or loading="lazy", and only that one', () => {
		expect(imageProblems(w)).toEqual(['page/index.html: /b.png — no width, no height, no loading="lazy"']);
	});
});
