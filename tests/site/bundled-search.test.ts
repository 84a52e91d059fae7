/**
 * Search on the bundled course, queried for real: the built site's own `pagefind/pagefind.js` and index, run
 * in Node (tests/helpers/pagefind.ts). A learner's query must find the chapters that teach the idea, with a
 * sub-result that deep-links to the section; the matrix and glossary pages must be in the index too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PagefindHit, searchSite } from '../helpers/pagefind.ts';
import { builtSite } from '../helpers/sites.ts';

const dist = await builtSite('bundled');

/** The hit for a whole page (Pagefind also returns quiz, flashcard and control records, whose URLs have a `#`). */
const page = (hits: PagefindHit[], url: string) => hits.find((h) => h.url === url);
const chapterPages = (hits: PagefindHit[]) => hits.filter((h) => h.filters.type?.includes('Chapter text'));

/** Ids present in a built page, to prove a sub-result's anchor lands on something. */
const idsIn = (url: string) => new Set([...fs.readFileSync(path.join(dist, url, 'index.html'), 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

function expectSection(hits: PagefindHit[], chapter: string, anchor: string) {
	const url = `/chapters/${chapter}/`;
	const hit = page(hits, url);
	expect(hit, `${url} in the results`).toBeDefined();
	expect(hit!.subResults.map((s) => s.url)).toContain(`${url}#${anchor}`);
	expect(idsIn(url)).toContain(anchor);
}

describe('search on the bundled course', () => {
	it('"hypervisor" finds the shared responsibility and cloud foundations chapters, at their sections', async () => {
		const hits = await searchSite(dist, 'hypervisor');
		expect(chapterPages(hits).slice(0, 2).map((h) => h.url)).toEqual(expect.arrayContaining(['/chapters/shared-responsibility/', '/chapters/cloud-foundations/']));
		expectSection(hits, 'shared-responsibility', 'security-of-the-cloud');
		expectSection(hits, 'cloud-foundations', 'infrastructure-as-a-service');
	});

	it('"least privilege" ranks the IAM chapter first among chapters, at "Least privilege in practice"', async () => {
		const hits = await searchSite(dist, 'least privilege');
		expect(chapterPages(hits)[0]?.url).toBe('/chapters/identity-and-access/');
		expectSection(hits, 'identity-and-access', 'least-privilege-in-practice');
	});

	it('"Block Public Access" finds the S3 sections of the data protection and shared responsibility chapters', async () => {
		const hits = await searchSite(dist, 'Block Public Access');
		expectSection(hits, 'data-protection', 'amazon-s3');
		expectSection(hits, 'shared-responsibility', 'serverless-functions-and-object-storage');
		expect(hits.map((h) => h.url)).toContain('/matrix/#s3.block-public-access');
	});

	it('indexes the matrix page as type Control, with a sub-result per service', async () => {
		const hits = await searchSite(dist, 'Block Public Access', { type: ['Control'] });
		const matrix = page(hits, '/matrix/');
		expect(matrix?.title).toBe('Responsibility matrix');
		expect(matrix?.subResults.map((s) => s.url)).toContain('/matrix/#service-s3');
		expect(idsIn('/matrix/')).toContain('s3.block-public-access');
	});

	it('indexes the glossary page as type Flashcard, with a sub-result per term', async () => {
		const hits = await searchSite(dist, 'least privilege', { type: ['Flashcard'] });
		const glossary = page(hits, '/glossary/');
		expect(glossary?.title).toBe('Glossary');
		expect(glossary?.subResults.map((s) => s.url)).toContain('/glossary/#term-least-privilege');
		expect(idsIn('/glossary/')).toContain('term-least-privilege');
	});
});
