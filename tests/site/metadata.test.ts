/**
 * Site metadata, built (tests/fixtures/site-course: course.yaml `site:`, `base: /docs/`, `repository:` and a
 * German translation): every page type's description, canonical link, OpenGraph and Twitter card tags with
 * the default social image, the sitemap with its languages and dates, "Edit this page", dates from
 * frontmatter and from git, and code blocks with their copy script. And the same pages of a course without
 * `site:` (tests/fixtures/basic-course): a description, no canonical link, no social tags, no sitemap.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { imageSize } from 'image-size';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.ts';
import { builtSite } from '../helpers/sites.ts';

const SITE = 'https://courses.example.org/docs/';
const page = (dist: string, url: string): Root => fromHtml(fs.readFileSync(path.join(dist, url, url.endsWith('.html') ? '' : 'index.html'), 'utf8'));
const meta = (tree: Root, key: string) => selectAll(`meta[property="${key}"], meta[name="${key}"]`, tree).map((m) => String(m.properties.content));
const link = (tree: Root, rel: string) => selectAll(`link[rel="${rel}"]`, tree).map((l) => String(l.properties.href));
const texts = (tree: Root, selector: string) => selectAll(selector, tree).map((el) => toString(el).replace(/\s+/g, ' ').trim());

/** The last commit date of a fixture file, as git has it now (none while it is uncommitted). */
const lastCommit = (rel: string) => execFileSync('git', ['log', '-1', '--format=%cs', '--', rel], { cwd: ROOT, encoding: 'utf8' }).trim() || undefined;

const PAGES = ['', 'chapters/setup/', 'chapters/code/', 'matrix/', 'glossary/', 'practice/', 'de/', 'de/chapters/setup/', 'de/matrix/'];

describe('a course with an address', async () => {
	const dist = await builtSite('metadata');

	it('describes every page type, and tells search engines and social sites about it', () => {
		const descriptions = Object.fromEntries([...PAGES, '404.html'].map((p) => [p, meta(page(dist, p), 'description')]));
		expect(descriptions).toMatchObject({
			'': ["A course with an address, a repository and a German translation, built to test the site's metadata."],
			'chapters/setup/': ['Where the course starts, with a date of its own.'],
			'matrix/': ['Who secures what: 2 security controls across 2 services, each with its owner, the reasoning and the chapters that teach it.'],
			'practice/': ['All 0 questions of Site Fixture: practise chapter by chapter or take an exam.'],
			'de/chapters/setup/': ['Wo der Kurs beginnt.'],
			'404.html': ["A course with an address, a repository and a German translation, built to test the site's metadata."],
		});
		for (const [p, d] of Object.entries(descriptions)) expect(d, p).toHaveLength(1);
		for (const p of PAGES) {
			const tree = page(dist, p);
			expect(link(tree, 'canonical'), p).toEqual([`${SITE}${p}`]);
			expect(meta(tree, 'og:url'), p).toEqual([`${SITE}${p}`]);
			expect(meta(tree, 'og:description'), p).toEqual(meta(tree, 'description'));
			expect(meta(tree, 'og:image'), p).toEqual([`${SITE}_course/social.png`]);
			expect(meta(tree, 'twitter:card'), p).toEqual(['summary_large_image']);
			expect(link(tree, 'sitemap'), p).toEqual([`${SITE}sitemap-index.xml`]);
		}
	});

	it('names a chapter as an article of the course, in its language, with the other languages', () => {
		const de = page(dist, 'de/chapters/setup/');
		expect({ type: meta(de, 'og:type'), title: meta(de, 'og:title'), site: meta(de, 'og:site_name'), locale: meta(de, 'og:locale'), alternate: meta(de, 'og:locale:alternate') }).toEqual({
			type: ['article'],
			title: ['Einrichten'],
			site: ['Beispiel mit Adresse'],
			locale: ['de'],
			alternate: ['en'],
		});
		expect(meta(page(dist, 'matrix/'), 'og:type')).toEqual(['website']);
		expect(meta(page(dist, 'matrix/'), 'og:title')).toEqual(['Responsibility matrix']);
	});

	it('gives the 404 page no address of its own', () => {
		const missing = page(dist, '404.html');
		expect(link(missing, 'canonical')).toEqual([]);
		expect(meta(missing, 'og:url')).toEqual([]);
		expect(meta(missing, 'og:title')).toEqual(['Page not found']);
	});

	it('publishes the default social image, 1200 × 630', () => {
		const image = fs.readFileSync(path.join(dist, '_course/social.png'));
		expect(imageSize(image)).toMatchObject({ type: 'png', width: 1200, height: 630 });
		expect(meta(page(dist, ''), 'og:image:width')).toEqual(['1200']);
		expect(meta(page(dist, ''), 'og:image:height')).toEqual(['630']);
	});

	it('writes a sitemap of every page but the 404 and the review page, with languages and chapter dates', () => {
		expect(fs.readFileSync(path.join(dist, 'sitemap-index.xml'), 'utf8')).toContain(`<loc>${SITE}sitemap-0.xml</loc>`);
		const xml = fs.readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
		const urls = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>(.*?)<\/url>/g)].map((m) => [m[1]!.slice(SITE.length), m[2]!] as const);
		expect(urls.map(([u]) => u).sort()).toEqual(['', 'chapters/code/', 'chapters/setup/', 'de/', 'de/chapters/code/', 'de/chapters/setup/', 'de/glossary/', 'de/matrix/', 'de/practice/', 'glossary/', 'matrix/', 'practice/']);
		const setup = new Map(urls).get('chapters/setup/')!;
		expect(setup).toContain('<lastmod>2026-03-01T00:00:00.000Z</lastmod>');
		expect(setup).toContain(`<xhtml:link rel="alternate" hreflang="de" href="${SITE}de/chapters/setup/"/>`);
		expect(new Map(urls).get('de/chapters/setup/')).toContain('<lastmod>2026-03-02T00:00:00.000Z</lastmod>');
	});

	it('links every chapter to its source file: the translation’s own, or the original’s while it has none', () => {
		const edit = (p: string) => selectAll('.chapter__edit a', page(dist, p)).map((a) => [toString(a), String(a.properties.href)]);
		expect(edit('chapters/code/')).toEqual([['Edit this page', 'https://github.com/example/course/edit/trunk/course/chapters/code.mdx']]);
		expect(edit('de/chapters/setup/')).toEqual([['Diese Seite bearbeiten', 'https://github.com/example/course/edit/trunk/course/locales/de/chapters/setup.mdx']]);
		expect(edit('de/chapters/code/')).toEqual([['Diese Seite bearbeiten', 'https://github.com/example/course/edit/trunk/course/chapters/code.mdx']]);
	});

	it('dates a chapter by its `updated:`, else by its last commit, in the page’s language', () => {
		const updated = (p: string) => selectAll('.chapter__meta time', page(dist, p)).map((t) => [String(t.properties.dateTime), toString(t)]);
		expect(updated('chapters/setup/')).toEqual([['2026-03-01', 'March 1, 2026']]);
		expect(updated('de/chapters/setup/')).toEqual([['2026-03-02', '2. März 2026']]);
		const committed = lastCommit('tests/fixtures/site-course/chapters/code.mdx');
		const date = (lang: string) => new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${committed}T00:00:00Z`));
		expect(updated('chapters/code/')).toEqual(committed ? [[committed, date('en')]] : []);
		expect(updated('de/chapters/code/')).toEqual(committed ? [[committed, date('de')]] : []);
	});

	it('shows code blocks with a file name, marked lines and a diff, and loads the copy button only where there is code', () => {
		const code = page(dist, 'chapters/code/');
		expect(texts(code, '.prose figure.code-block > figcaption')).toEqual(['src/trail.ts']);
		expect(selectAll('.prose pre.astro-code', code).map((p) => (p.properties.className as string[]).filter((c) => !['astro-code', 'github-dark'].includes(c)).join(' '))).toEqual(['line-numbers has-highlighted', 'has-diff', '', '']);
		expect(texts(code, '.line.diff.remove')).toEqual(['"Action": "s3:GetObject",']);
		expect(texts(code, '.line.highlighted')).toEqual(["const regions = 'all';"]);
		const scripts = (p: string) => selectAll('script[src]', page(dist, p)).map((s) => String(s.properties.src));
		expect(scripts('chapters/code/').filter((s) => s.includes('CopyCode'))).toHaveLength(1);
		expect(scripts('chapters/setup/').filter((s) => s.includes('CopyCode'))).toEqual([]);
		expect(select('.code-copy', code)).toBeUndefined();
	});
});

describe('a course without an address', async () => {
	const dist = await builtSite('basic');

	it('still describes every page, and has no canonical link, social tags or sitemap', () => {
		for (const p of ['', 'chapters/alpha/', 'matrix/', 'glossary/', 'practice/', '404.html']) {
			const tree = page(dist, p);
			expect(meta(tree, 'description'), p).toHaveLength(1);
			expect(meta(tree, 'description')[0], p).not.toBe('');
			expect(link(tree, 'canonical'), p).toEqual([]);
			expect(selectAll('meta[property^="og:"], meta[name^="twitter:"], link[rel="sitemap"]', tree), p).toEqual([]);
		}
		expect(fs.existsSync(path.join(dist, 'sitemap-index.xml'))).toBe(false);
		expect(fs.existsSync(path.join(dist, '_course/social.png'))).toBe(false);
	});
});
