/**
 * The foundation: a fixture course (tests/fixtures/basic-course) built with COURSE_DIR into its own folder.
 * Asserts on the HTML a learner gets and on the Pagefind index, queried for real.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchSite } from '../helpers/pagefind.ts';
import { builtSite } from '../helpers/sites.ts';

const dist = await builtSite('basic');
const read = (p: string) => fs.readFileSync(path.join(dist, p), 'utf8');
const alpha = () => read('chapters/alpha/index.html');
const beta = () => read('chapters/beta/index.html');

describe('built fixture course', () => {
	it('has a home page, a page per chapter, a 404 and the Pagefind bundle', () => {
		for (const p of ['index.html', 'chapters/alpha/index.html', 'chapters/beta/index.html', '404.html', 'pagefind/pagefind.js', 'pagefind/pagefind-component-ui.js'])
			expect(fs.existsSync(path.join(dist, p)), p).toBe(true);
	});

	it('lists chapters in order on the home page with "Chapter N of M" and reading time', () => {
		const home = read('index.html');
		expect(home).toContain('<title>Fixture Course</title>');
		const titles = [...home.matchAll(/class="chapter-card__title"><a href="([^"]+)">([^<]+)</g)].map((m) => [m[1], m[2]]);
		expect(titles).toEqual([
			['/chapters/alpha/', 'Alpha basics'],
			['/chapters/beta/', 'Beta with a diagram'],
		]);
		expect(home).toMatch(/Chapter 1 of 2 · \d+ min read/);
		expect(home).toContain('<li class="tag">guest OS</li>');
	});

	it('gives a chapter page one h1, chapter position, reading time, updated date and concepts', () => {
		const html = alpha();
		expect(html.match(/<h1[ >]/g)).toHaveLength(1);
		expect(html).toContain('Chapter 1 of 2');
		expect(html).toMatch(/\d+ min read/);
		expect(html).toContain('<time datetime="2026-01-15">January 15, 2026</time>');
		expect(html).toMatch(/<header class="site-header"[^>]*>/);
		expect(html).toMatch(/<main id="content"/);
		expect(html).toMatch(/<footer class="site-footer"/);
	});

	it('highlights the current chapter in the sidebar and links previous/next', () => {
		expect(alpha()).toMatch(/href="\/chapters\/alpha\/" aria-current="page"/);
		expect(alpha()).toMatch(/rel="next" href="\/chapters\/beta\/"/);
		expect(alpha()).not.toContain('rel="prev"');
		expect(beta()).toMatch(/rel="prev" href="\/chapters\/alpha\/"/);
		expect(beta()).not.toContain('rel="next"');
	});

	it('shows the study path: prerequisites and what to read next', () => {
		expect(beta()).toMatch(/Before you start, read <a href="\/chapters\/alpha\/">Alpha basics<\/a>/);
		expect(alpha()).toMatch(/Read these next[\s\S]*href="\/chapters\/beta\/">Chapter 2: Beta with a diagram/);
	});

	it('builds a table of contents whose links match heading ids', () => {
		const html = alpha();
		const toc = html.slice(html.indexOf('class="toc"'));
		const links = [...toc.matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]!);
		expect(links).toEqual(['who-patches-what', 'a-deeper-subsection', 'key-terms']);
		for (const id of links) expect(html).toContain(`id="${id}"`);
	});

	it('exposes Pagefind body, metadata and filters, and keeps chrome out of the index', () => {
		const html = alpha();
		expect(html).toContain('data-pagefind-body');
		expect(html).toMatch(/<h1 data-pagefind-meta="title">Alpha basics<\/h1>/);
		expect(html).toMatch(/data-pagefind-meta="chapter_number">1</);
		expect(html).toMatch(/data-pagefind-filter="chapter">Alpha basics</);
		for (const chrome of ['class="site-header"', 'class="sidebar"', 'class="toc"', 'class="site-footer"'])
			expect(html).toMatch(new RegExp(`${chrome}[^>]*data-pagefind-ignore`));
	});

	it('loads mermaid only on the chapter with a diagram', () => {
		const scripts = (html: string) => [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
		const inline = (html: string) => [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
		// All JavaScript a page runs: its external scripts and its inline ones (prose may mention Mermaid).
		const code = (html: string) => scripts(html).map((s) => fs.readFileSync(path.join(dist, s), 'utf8')).join('\n') + inline(html);
		// The source is hidden; without JavaScript the text alternative shows (see the diagram tests in tests/e2e).
		expect(beta()).toContain('<figure class="diagram" data-diagram="" data-scroll-hint="Scroll sideways for more"><pre class="mermaid" data-pagefind-ignore="" hidden>flowchart LR');
		expect(beta()).toContain('<p class="diagram__alt"><span class="diagram__label" data-pagefind-ignore="">Diagram: </span>The customer hands the diagram to AWS</p>');
		expect(code(beta())).toMatch(/mermaid/);
		for (const page of [alpha(), read('index.html')]) {
			expect(page).not.toContain('pre class="mermaid"');
			expect(code(page)).not.toMatch(/mermaid/i);
		}
	});

	it('renders prose that looks like a directive verbatim', () => {
		expect(alpha()).toContain('AWS re:Invent starts at 10:30 and the bucket is arn:aws:s3:::my-bucket.');
	});

	it('answers a search for a word in one section with that chapter and a link to the section', async () => {
		const hits = await searchSite(dist, 'zanzibarite');
		expect(hits.map((h) => h.url)).toEqual(['/chapters/alpha/']);
		expect(hits[0]!.title).toBe('Alpha basics');
		expect(hits[0]!.subResults.map((s) => s.url)).toContain('/chapters/alpha/#a-deeper-subsection');
		expect(hits[0]!.filters.chapter).toEqual(['Alpha basics']);
	});

	it('keeps owner badges and tooltips out of search excerpts, so they read like the prose', async () => {
		const [hit] = await searchSite(dist, 'guarded');
		expect(hit!.url).toBe('/chapters/alpha/');
		// Neither the tag's badge ("Customer" after "guest OS") nor the hidden filter values are indexed text.
		expect(hit!.excerpt).toContain('You must patch the guest OS yourself, while the data centers are <mark>guarded</mark>');
		expect(hit!.excerpt).not.toMatch(/responsibility:|Chapter text|AWSCustomer/);
	});

	it('filters search results by chapter', async () => {
		const all = await searchSite(dist, 'customer');
		expect(all.length).toBeGreaterThan(1);
		const beta = await searchSite(dist, 'customer', { chapter: ['Beta with a diagram'] });
		// The chapter, and the control it teaches (a control record's chapter filter is where it is taught).
		expect(beta.map((h) => h.url).sort()).toEqual(['/chapters/beta/', '/matrix/#cloudtrail.trail-configuration']);
	});
});
