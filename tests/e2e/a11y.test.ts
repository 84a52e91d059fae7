/**
 * axe-core on every page type, light and dark, desktop and phone: no violation of any impact, before and after
 * interaction, and with the search open on its results. The bundled course adds drawn diagrams, wide tables
 * and the tap popover.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allViolations, BUNDLED, DESKTOP, PHONE, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

/** Every page type: home, two chapters, the matrix, glossary, practice exam and the 404 page. */
const PAGES: [path: string, status: number][] = [
	['', 200],
	['chapters/patching/', 200],
	['chapters/logging/', 200],
	['matrix/', 200],
	['glossary/', 200],
	['practice/', 200],
	['no-such-page/', 404],
];
const SIZES = { desktop: DESKTOP, phone: PHONE } as const;

/** Put the page's interactive parts in their "after use" states, so those are checked too. */
async function interact(page: Page) {
	const quiz = page.locator('.quiz').first();
	if (await quiz.count()) {
		await quiz.locator('.quiz__option input').first().check();
		await quiz.getByRole('button', { name: 'Check answer' }).click();
	}
	const flip = page.locator('.flashcard__flip:visible').first();
	if (await flip.count()) await flip.click();
	const exercise = page.getByRole('button', { name: 'Check answers' });
	if (await exercise.count()) await exercise.click();
}

/** Open the search on results for `query`, and one filter dropdown. */
async function searchOpen(page: Page, query: string) {
	await page.locator('[data-search-trigger]').click();
	const input = page.locator('pagefind-modal input').first();
	await input.waitFor({ state: 'visible' });
	await input.fill(query);
	await page.locator('pagefind-results .pf-result').first().waitFor();
	await page.getByRole('combobox', { name: 'Type', exact: true }).click();
	await page.getByRole('option').first().waitFor();
}

describe.skipIf(skipBrowserTests())('accessibility (axe-core)', () => {
	const site = useBrowserSite();

	for (const [size, viewport] of Object.entries(SIZES))
		for (const theme of ['light', 'dark'] as const)
			it(`${size}, ${theme}: every page type, before and after use, and with the search open`, async () => {
				const { page, errors } = await site.open({ ...viewport, colorScheme: theme });
				for (const [path, status] of PAGES) {
					const response = await page.goto(site.at(path));
					expect(response?.status(), path).toBe(status);
					expect(await allViolations(page), `/${path}`).toEqual([]);
					await interact(page);
					expect(await allViolations(page), `/${path} after use`).toEqual([]);
					// The browser reports the 404 page's own status as an error; nothing else may fail.
					if (status === 404) errors.splice(0, errors.length, ...errors.filter((e) => !e.includes('status of 404')));
				}
				await page.goto(site.at('chapters/patching/'));
				await searchOpen(page, 'patch');
				expect(await allViolations(page), 'search open').toEqual([]);
				expect(errors).toEqual([]);
			});
});

describe.skipIf(skipBrowserTests())('accessibility of the bundled course (axe-core)', () => {
	const site = useBrowserSite(BUNDLED);

	for (const [size, viewport] of Object.entries(SIZES))
		for (const theme of ['light', 'dark'] as const)
			it(`${size}, ${theme}: a chapter with its diagram drawn and tables, the matrix, and the open menu or popover`, async () => {
				const { page, errors } = await site.open({ ...viewport, colorScheme: theme });
				await page.goto(site.at('chapters/data-protection/'));
				await page.locator('figure.diagram').scrollIntoViewIfNeeded();
				await page.locator('figure.diagram[data-rendered]').waitFor();
				expect(await allViolations(page)).toEqual([]);
				if (size === 'phone') {
					await page.locator('.prose .ctl__badge').first().tap();
					await page.getByRole('dialog').waitFor();
					expect(await allViolations(page), 'popover').toEqual([]);
					await page.getByRole('dialog').getByRole('button', { name: 'Close' }).tap();
					await page.locator('details.toc-inline summary').tap();
					await page.getByRole('button', { name: 'Menu' }).tap();
					expect(await allViolations(page), 'menu and "On this page" open').toEqual([]);
				}
				await page.goto(site.at('matrix/'));
				expect(await allViolations(page), 'matrix').toEqual([]);
				expect(errors).toEqual([]);
			});
});
