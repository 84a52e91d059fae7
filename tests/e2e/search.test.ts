/**
 * Search: the box on every page, results that say where they are, deep links that scroll to the section, and
 * the chapter / owner / type filters over pages plus the quiz, flashcard and control records.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SEARCH_RANKING } from '../../src/scripts/search.ts';
import { SITE, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

interface Hit {
	url: string;
	title: string;
	kind?: string;
	subs: string[];
}

/** Search through Pagefind's own API on the page (the bundle the search box uses). */
function pagefindSearch(page: Page, term: string | null, filters: Record<string, string> = {}): Promise<Hit[]> {
	// A string, not a function: the test runner would rewrite a function's dynamic import().
	return page.evaluate(`(async () => {
		const pf = await import(${JSON.stringify(`${SITE.base}pagefind/pagefind.js`)});
		await pf.options({ ranking: ${JSON.stringify(SEARCH_RANKING)} });
		const res = await pf.search(${JSON.stringify(term)}, { filters: ${JSON.stringify(filters)} });
		const data = await Promise.all(res.results.map((r) => r.data()));
		return data.map((d) => ({ url: d.url, title: d.meta.title ?? '', ...(d.meta.kind ? { kind: d.meta.kind } : {}), subs: (d.sub_results ?? []).map((s) => s.url) }));
	})()`) as Promise<Hit[]>;
}

/** The result card that contains a link to `href`. */
const resultWith = (page: Page, href: string) => page.locator('pagefind-results .pf-result', { has: page.locator(`a[href="${href}"]`) });

const inViewport = (page: Page, selector: string) =>
	page.locator(selector).evaluate((el) => {
		const r = el.getBoundingClientRect();
		const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
		return r.top >= header - 1 && r.top < innerHeight;
	});

describe.skipIf(skipBrowserTests())('search', () => {
	const site = useBrowserSite();

	it('opens with "/", shows where a result is, and its section link scrolls to the heading', async () => {
		const { page, errors } = await site.open();
		await page.goto(site.at('chapters/patching/'));
		// Pagefind's UI is not loaded until search is used.
		expect(await page.locator('script[src*="pagefind-component-ui"]').count()).toBe(0);
		await page.keyboard.press('/');
		const input = page.locator('pagefind-modal input').first();
		await input.waitFor({ state: 'visible' });
		expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
		await input.fill('quetzalcoatlus');

		const section = page.locator(`pagefind-results a[href="${SITE.base}chapters/logging/#where-trails-deliver"]`);
		await section.waitFor({ state: 'visible' });
		expect(await section.textContent()).toBe('Section: Where trails deliver');
		const result = resultWith(page, `${SITE.base}chapters/logging/#where-trails-deliver`);
		expect(await result.locator('.result-kind').textContent()).toBe('Chapter 2');
		expect(await result.locator('.pf-result-title').textContent()).toBe('Logging');

		await section.click();
		await page.waitForURL(/#where-trails-deliver$/);
		await expect.poll(() => inViewport(page, '#where-trails-deliver')).toBe(true);
		expect(errors).toEqual([]);
	});

	it('says so on the button when the search bundle cannot load', async () => {
		const { page } = await site.open();
		await page.route('**/pagefind/pagefind-component-ui.js', (route) => route.abort());
		await page.goto(site.url);
		await page.keyboard.press('/');
		const trigger = page.locator('[data-search-trigger]');
		await page.getByRole('button', { name: 'Search is unavailable' }).waitFor();
		expect(await trigger.locator('.search-trigger__label').textContent()).toBe('Search unavailable');
		expect(await trigger.getAttribute('title')).toContain('Search is unavailable (the Pagefind bundle did not load).');
	});

	it('finds a quiz by its words and links to it in the chapter, labelled with chapter and section', async () => {
		const { page } = await site.open();
		await page.goto(site.url);
		await page.keyboard.press('Control+k');
		const input = page.locator('pagefind-modal input').first();
		await input.waitFor({ state: 'visible' });
		await input.fill('Regions trail covers');
		const link = page.locator(`pagefind-results a[href="${SITE.base}chapters/logging/#quiz-trail-owner"]`);
		await link.waitFor({ state: 'visible' });
		expect(await link.textContent()).toBe('Quiz: Who is responsible for a trail that covers all your Regions?');
		const result = resultWith(page, `${SITE.base}chapters/logging/#quiz-trail-owner`);
		expect(await result.locator('.result-kind').textContent()).toBe('Quiz · Chapter 2 · Logging › Where trails deliver');
		await link.click();
		await page.waitForURL(/#quiz-trail-owner$/);
		await expect.poll(() => inViewport(page, '#quiz-trail-owner')).toBe(true);
	});

	it('a flashcard result opens its card in the deck', async () => {
		const { page } = await site.open();
		await page.goto(site.at('chapters/logging/'));
		const hits = await pagefindSearch(page, 'inherited', { type: 'Flashcard' });
		const card = hits.find((h) => h.url === `${SITE.base}chapters/patching/#term-inherited-control`);
		expect(card).toMatchObject({ title: 'Inherited control', kind: 'Flashcard · Chapter 1' });
		await page.goto(new URL(card!.url, site.url).href);
		expect(await page.locator('.flashcard:not([hidden]) .flashcard__term').textContent()).toBe('Inherited control');
		await expect.poll(() => inViewport(page, 'section.flashcards')).toBe(true);
	});

	it('filters by content type', async () => {
		const { page } = await site.open();
		await page.goto(site.url);
		const urls = async (type: string) => (await pagefindSearch(page, null, { type })).map((h) => h.url).sort();
		expect(await urls('Quiz')).toEqual([
			`${SITE.base}chapters/logging/#quiz-trail-owner`,
			`${SITE.base}chapters/patching/#quiz-patch-aws-layers`,
			`${SITE.base}chapters/patching/#quiz-patch-canary`,
			`${SITE.base}chapters/patching/#quiz-patch-owner`,
			`${SITE.base}chapters/patching/#quiz-patch-physical`,
		]);
		expect(await urls('Flashcard')).toEqual(
			expect.arrayContaining(['guest-os', 'hypervisor', 'inherited-control', 'patch-window'].map((t) => `${SITE.base}chapters/patching/#term-${t}`)),
		);
		expect(await urls('Control')).toEqual(
			expect.arrayContaining(['cloudtrail.trail-configuration', 'ec2.guest-os-patching', 'global.physical-security'].map((id) => `${SITE.base}matrix/#${id}`)),
		);
		expect(await urls('Chapter text')).toEqual(['logging', 'patching', 'summary'].map((s) => `${SITE.base}chapters/${s}/`));
	});

	it('indexes a quiz by its question only: words of its answer, explanation or owner do not find it', async () => {
		const { page } = await site.open();
		await page.goto(site.url);
		const quizzes = async (query: string) => (await pagefindSearch(page, query, { type: 'Quiz' })).map((h) => h.url);
		expect(await quizzes('Regions trail covers')).toEqual([`${SITE.base}chapters/logging/#quiz-trail-owner`]);
		// "destinations and retention" is only in its explanation; "inside the instance" only in patch-owner's answer.
		expect(await quizzes('retention')).toEqual([]);
		expect(await quizzes('inside instance')).toEqual([]);
		expect(await quizzes('shared')).toEqual([]);
		// The practice pages repeat the chapters' quizzes and cards: search leaves them out, so nothing shows twice.
		const all = (await pagefindSearch(page, 'canary', {})).map((h) => h.url);
		expect(all.length).toBeGreaterThan(0);
		expect(all.filter((url) => url.includes('/practice/'))).toEqual([]);
	});

	it('filters by owner and by chapter', async () => {
		const { page } = await site.open();
		await page.goto(site.url);
		const shared = (await pagefindSearch(page, null, { owner: 'Shared' })).map((h) => h.url);
		expect(shared).toEqual(expect.arrayContaining([`${SITE.base}chapters/logging/`, `${SITE.base}matrix/#cloudtrail.trail-configuration`]));
		// Quizzes have no owner filter: filtering them by owner would give their answers away.
		expect(shared).not.toContain(`${SITE.base}chapters/logging/#quiz-trail-owner`);
		expect(shared).not.toContain(`${SITE.base}chapters/patching/#quiz-patch-owner`);
		expect(shared).not.toContain(`${SITE.base}matrix/#global.physical-security`);

		const quizzesInLogging = await pagefindSearch(page, null, { chapter: 'Logging', type: 'Quiz' });
		expect(quizzesInLogging.map((h) => h.url)).toEqual([`${SITE.base}chapters/logging/#quiz-trail-owner`]);
		// The UI offers the three filters.
		await page.keyboard.press('/');
		for (const label of ['Chapter', 'Owner', 'Type']) await page.locator(`pagefind-filter-dropdown[filter="${label.toLowerCase()}"]`).waitFor({ state: 'attached' });
	});
});
