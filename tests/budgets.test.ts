/**
 * Performance budgets on a built course (tests/fixtures/basic-course: chapter alpha has no diagram, beta has
 * one). What a page loads is measured by scripts/bench/page-weight.ts, the analyser `npm run bench` uses too:
 * scripts (inline, external, modulepreloaded, and every module they import statically), stylesheets, and what
 * the page can reach later through dynamic import().
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { analysePage } from '../scripts/bench/page-weight.ts';

/** A chapter page without a diagram runs at most this much JavaScript on load (gzip; Pagefind loads on search only). */
const JS_GZIP_BUDGET = 20 * 1024;
/** …and loads at most this much CSS (gzip). */
const CSS_GZIP_BUDGET = 15 * 1024;

const dist = inject('builds').basic!;
const pages = (fs.readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));

describe('budgets of a chapter page without a diagram', () => {
	const alpha = analysePage(dist, 'chapters/alpha/index.html');

	it(`runs at most ${JS_GZIP_BUDGET / 1024} KB of JavaScript (gzip) on load`, () => {
		expect(alpha.js.assets.length).toBeGreaterThan(0);
		expect(alpha.js.gzip).toBeLessThanOrEqual(JS_GZIP_BUDGET);
	});

	it(`loads at most ${CSS_GZIP_BUDGET / 1024} KB of CSS (gzip)`, () => {
		expect(alpha.css.assets.length).toBeGreaterThan(0);
		expect(alpha.css.gzip).toBeLessThanOrEqual(CSS_GZIP_BUDGET);
	});

	it('cannot reach Mermaid: no script whose code or imports (static or dynamic) contain it', () => {
		expect(alpha.mermaid).toEqual([]);
	});

	it('does not load the search bundle before the learner searches', () => {
		expect([...alpha.js.assets.map((a) => a.url), ...alpha.lazy].filter((u) => u.includes('/pagefind/'))).toEqual([]);
	});
});

describe('a chapter page with a diagram', () => {
	it('loads Mermaid, through a dynamic import only (the measurement above would see it)', () => {
		const beta = analysePage(dist, 'chapters/beta/index.html');
		expect(beta.mermaid.length).toBeGreaterThan(0);
		// Mermaid itself is not part of what the page runs on load.
		expect(beta.js.gzip).toBeLessThanOrEqual(JS_GZIP_BUDGET);
	});
});

describe('every built page', () => {
	it('has no render-blocking third-party script or stylesheet in <head>', () => {
		expect(pages.length).toBeGreaterThan(3);
		for (const page of pages) expect(analysePage(dist, page).external, page).toEqual([]);
	});

	it('gives every image a width, a height and loading="lazy"', () => {
		for (const page of pages)
			for (const img of analysePage(dist, page).images) {
				expect(img.width, `${page}: ${img.src}`).toMatch(/^\d+$/);
				expect(img.height, `${page}: ${img.src}`).toMatch(/^\d+$/);
				expect(img.loading, `${page}: ${img.src}`).toBe('lazy');
			}
	});
});

describe('the page analyser', () => {
	// A hand-made site, so each rule of the analyser is seen to work (and the budgets above can fail).
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
});
