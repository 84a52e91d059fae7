/**
 * The pipeline's own features, built (tests/fixtures/pipeline-course): chapters in part folders served at flat
 * URLs, relative links between chapter files resolved to routes, `{#custom-id}` headings, a local image
 * published under a content name with its size, smart punctuation, and a draft that is checked but absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { searchSite } from '../helpers/pagefind.ts';
import { builtSite } from '../helpers/sites.ts';

const dist = await builtSite('pipeline');
const page = (p: string) => fromHtml(fs.readFileSync(path.join(dist, p), 'utf8'));
const first = page('chapters/first-steps/index.html');
const prose = select('.prose', first)!;

describe('a course with parts, relative links, heading ids and an image', () => {
	it('serves chapters of part folders at flat URLs, and nothing for the draft', () => {
		expect(fs.readdirSync(path.join(dist, 'chapters')).sort()).toEqual(['first-steps', 'going-further', 'second-steps']);
	});

	it('resolves relative links to chapter files into their routes, anchors kept', () => {
		const hrefs = selectAll('a', prose).map((a) => String(a.properties.href));
		expect(hrefs).toContain('/chapters/going-further/#the-guest-os');
		expect(hrefs).toContain('/chapters/second-steps/');
		expect(hrefs).toContain('#where');
		const back = selectAll('.prose a', page('chapters/second-steps/index.html')).map((a) => String(a.properties.href));
		expect(back).toContain('/chapters/first-steps/#where');
	});

	it('uses {#custom-id} as the heading id, without the braces', () => {
		const h = select('h2#where', prose);
		expect(h).toBeDefined();
		expect(JSON.stringify(h)).not.toContain('{#');
	});

	it('publishes the local image under a content name, with its size, lazily', () => {
		const img = select('img', prose)!;
		expect(img.properties).toMatchObject({ alt: 'The shared model, as a diagram', loading: 'lazy', decoding: 'async' });
		const src = String(img.properties.src);
		expect(src).toMatch(/^\/_course\/shared-model\.[0-9a-f]{12}\.png$/);
		expect(fs.statSync(path.join(dist, src)).size).toBe(fs.statSync(path.join(import.meta.dirname, '../fixtures/pipeline-course/images/shared-model.png')).size);
		expect(Number(img.properties.width)).toBeGreaterThan(0);
		expect(Number(img.properties.height)).toBeGreaterThan(0);
	});

	it('typesets quotes, dashes and ellipses', () => {
		expect(JSON.stringify(prose)).toContain('“Smart” quotes – and an ellipsis…');
	});

	it('leaves the draft out of the navigation, the home page and the search index', async () => {
		for (const p of ['index.html', 'chapters/first-steps/index.html']) expect(fs.readFileSync(path.join(dist, p), 'utf8')).not.toContain('Unfinished');
		const results = await searchSite(dist, 'published');
		expect(results.map((r) => r.url).filter((u) => u.includes('unfinished'))).toEqual([]);
	});
});
