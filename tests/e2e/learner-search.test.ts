/**
 * Search as a learner uses it, on the bundled course, through the search box: what five typical queries put
 * first, excerpts that read as the prose (two lines, the match highlighted in both themes), and filters that
 * are labelled, close on Escape one at a time, keep the controls a chapter teaches, and count what the other
 * filters leave.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SEARCH_RANKING } from '../../src/scripts/search.ts';
import { BUNDLED, DESKTOP, installWcag, PHONE, skipBrowserTests, useBrowserSite, type Wcag } from '../helpers/browser.ts';

/** Five learner queries and the result each must put first; `alsoTop3` must be among the first three. */
const QUERIES = [
	{ query: 'security group', top: '/chapters/network-security/' },
	{ query: 'least privilege', top: '/chapters/identity-and-access/' },
	{ query: 'KMS key rotation', top: '/chapters/data-protection/' },
	{ query: 'NACL', top: '/matrix/#vpc.network-acls' },
	{ query: 'who patches RDS', top: '/chapters/shared-responsibility/', alsoTop3: '/matrix/#rds.engine-patching' },
] as const;

async function openSearch(page: Page) {
	await page.keyboard.press('/');
	const input = page.locator('pagefind-modal input').first();
	await input.waitFor({ state: 'visible' });
	return input;
}

/** Type a query and wait for its results; returns their links in order. */
async function search(page: Page, query: string): Promise<string[]> {
	const input = page.locator('pagefind-modal input').first();
	await input.fill(query);
	await expect.poll(() => page.locator('pagefind-summary').textContent(), { timeout: 15_000 }).toContain(query);
	const links = page.locator('pagefind-results .pf-result > .pf-result-card a.pf-result-link');
	await links.first().waitFor();
	// Results render as they load: read them once the list has stopped changing.
	const read = () => links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '').join(' '));
	let last = '';
	await expect.poll(async () => {
		const now = await read();
		const settled = now === last;
		last = now;
		return settled;
	}, { interval: 300, timeout: 15_000 }).toBe(true);
	return last.split(' ');
}

/** Pagefind's own API on the page, ranked as the search box ranks. */
function apiSearch(page: Page, term: string, filters: Record<string, string | string[]> = {}): Promise<string[]> {
	return page.evaluate(`(async () => {
		const pf = await import('/pagefind/pagefind.js');
		await pf.options({ ranking: ${JSON.stringify(SEARCH_RANKING)} });
		const res = await pf.search(${JSON.stringify(term)}, { filters: ${JSON.stringify(filters)} });
		return Promise.all(res.results.map(async (r) => (await r.data()).url));
	})()`) as Promise<string[]>;
}

const contrast = async (page: Page, selector: string) => {
	await installWcag(page);
	return page.locator(selector).first().evaluate((mark) => {
		const { rgb, ratio } = (window as unknown as { wcag: Wcag }).wcag;
		const card = (() => {
			for (let n = mark.parentElement; n; n = n.parentElement) {
				const c = rgb(getComputedStyle(n).backgroundColor);
				if (c.length === 3 || c[3] === 1) return c;
			}
			return [255, 255, 255];
		})();
		const bg = rgb(getComputedStyle(mark).backgroundColor);
		return { text: ratio(rgb(getComputedStyle(mark).color), bg), againstCard: ratio(bg, card) };
	});
};

describe.skipIf(skipBrowserTests())('search for learners', () => {
	const site = useBrowserSite(BUNDLED);

	it('puts the expected result first for five learner queries; chapter sections above records', async () => {
		const { page, errors } = await site.open(DESKTOP);
		await page.goto(site.url);
		await openSearch(page);
		for (const q of QUERIES) {
			const hits = await search(page, q.query);
			expect(hits[0], q.query).toBe(q.top);
			if ('alsoTop3' in q) expect(hits.slice(0, 3), q.query).toContain(q.alsoTop3);
		}
		expect(errors).toEqual([]);
	});

	for (const theme of ['light', 'dark'] as const)
		it(`excerpts, ${theme}: two lines of prose, the match highlighted, no diagram source, labels, ids or answers`, async () => {
			const { page } = await site.open({ ...PHONE, colorScheme: theme });
			await page.goto(site.url);
			await page.locator('[data-search-trigger]').tap();
			await page.locator('pagefind-modal input').first().waitFor({ state: 'visible' });
			for (const query of ['envelope encryption', 'flow logs', 'hypervisor', 'Artifact']) {
				await search(page, query);
				const excerpts = await page.locator('pagefind-results .result-excerpt').allTextContents();
				expect(excerpts.length, query).toBeGreaterThan(2);
				for (const text of excerpts) {
					expect(text, query).not.toMatch(/-->|flowchart|\[".*"\]/);
					expect(text, query).not.toMatch(/\b(?:ec2|vpc|kms|rds|s3|iam|cloudtrail|artifact)\.[a-z-]+/);
					expect(text, query).not.toMatch(/Correct answer|Show answer|AWSCustomer|CustomerShared/);
				}
			}
			const excerpt = page.locator('pagefind-results .result-excerpt').first();
			const lines = await excerpt.evaluate((p) => Math.round(p.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(p).lineHeight)));
			expect(lines).toBe(2);
			const mark = await contrast(page, 'pagefind-results .result-excerpt mark');
			expect(mark.text).toBeGreaterThanOrEqual(4.5);
			// The highlight itself stands out from the card.
			expect(mark.againstCard).toBeGreaterThanOrEqual(1.5);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		});

	it('filters are labelled, Escape closes only the open dropdown, then the search', async () => {
		const { page } = await site.open(DESKTOP);
		await page.goto(site.url);
		const input = await openSearch(page);
		await search(page, 'security');
		for (const name of ['Chapter', 'Owner', 'Type']) expect(await page.getByRole('combobox', { name, exact: true }).count(), name).toBe(1);
		const owner = page.getByRole('combobox', { name: 'Owner', exact: true });
		await owner.click();
		expect(await owner.getAttribute('aria-expanded')).toBe('true');
		await page.keyboard.press('Escape');
		expect(await owner.getAttribute('aria-expanded')).toBe('false');
		expect(await input.isVisible()).toBe(true);
		await page.keyboard.press('Escape');
		await expect.poll(() => input.isVisible()).toBe(false);
	});

	it('the chapter filter keeps the controls that chapter teaches, and option counts follow the other filters', async () => {
		const { page } = await site.open(DESKTOP);
		await page.goto(site.url);
		expect(await apiSearch(page, 'NACL', { chapter: 'Network security in a VPC' })).toContain('/matrix/#vpc.network-acls');
		expect(await apiSearch(page, 'NACL', { chapter: 'Identity and access management' })).not.toContain('/matrix/#vpc.network-acls');

		await openSearch(page);
		await search(page, 'security');
		const choose = async (filter: string, value: string) => {
			const trigger = page.getByRole('combobox', { name: new RegExp(`^${filter}`) });
			await trigger.click();
			await page.getByRole('option', { name: new RegExp(`^${value} \\d+ result`) }).click();
			await page.keyboard.press('Escape');
		};
		const counts = async (filter: string) => {
			const trigger = page.getByRole('combobox', { name: new RegExp(`^${filter}`) });
			await trigger.click();
			const labels = await page.locator(`pagefind-filter-dropdown[filter="${filter.toLowerCase()}"] [role="option"]`).evaluateAll((os) => os.map((o) => o.getAttribute('aria-label') ?? ''));
			await page.keyboard.press('Escape');
			return Object.fromEntries(labels.map((l) => [l.replace(/ \d+ results?$/, ''), Number(/(\d+) results?$/.exec(l)?.[1])]));
		};
		await choose('Type', 'Control');
		await choose('Chapter', 'Network security in a VPC');
		const expected = async (filters: Record<string, string>) => (await apiSearch(page, 'security', filters)).length;
		const both = { type: 'Control', chapter: 'Network security in a VPC' };
		await expect.poll(async () => (await counts('Type')).Control).toBe(await expected(both));
		await expect.poll(async () => (await counts('Chapter'))['Network security in a VPC']).toBe(await expected(both));
		const owners = await counts('Owner');
		expect(Object.keys(owners).length).toBeGreaterThan(0);
		for (const [owner, n] of Object.entries(owners)) expect(n, owner).toBe(await expected({ ...both, owner }));
	});
});
