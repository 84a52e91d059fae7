/**
 * Performance budgets on a built course (tests/fixtures/basic-course: chapter alpha has no diagram and an
 * image, beta has a diagram). What a page loads is measured by scripts/lib/page-weight.ts, the analyser
 * `npm run bench` uses too (its rules are tested on a hand-made site in tests/unit/page-weight.test.ts):
 * scripts (inline, external, modulepreloaded, and every module they import statically), stylesheets, images,
 * and what the page can reach later through dynamic import().
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePage, imageProblems } from '../../scripts/lib/page-weight.ts';
import { MERMAID } from '../../src/core/routes.ts';
import { builtSite } from '../helpers/sites.ts';

/** A chapter page without a diagram runs at most this much JavaScript on load (gzip; Pagefind loads on search only). */
const JS_GZIP_BUDGET = 20 * 1024;
/** …and loads at most this much CSS (gzip). */
const CSS_GZIP_BUDGET = 15 * 1024;

const dist = await builtSite('basic');
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
		// The published Mermaid (src/integration/mermaid.ts), whose URL the diagram loader builds at run time.
		expect(beta.lazy).toContain(MERMAID.entry);
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
		const weights = pages.map((page) => analysePage(dist, page));
		// The fixture's alpha chapter has a figure, so the rule has an image to judge.
		expect(weights.find((w) => w.page === 'chapters/alpha/index.html')?.images.map((i) => i.src)).toEqual([expect.stringMatching(/shared-model.*\.(png|webp|avif)$/)]);
		expect(weights.flatMap(imageProblems)).toEqual([]);
	});
});
