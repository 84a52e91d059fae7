/** axe-core on the main pages, light and dark, before and after interaction: no serious or critical violations. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, seriousViolations, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

const PAGES = ['', 'chapters/patching/', 'chapters/logging/', 'chapters/summary/', 'matrix/', 'glossary/', 'practice/'];

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

describe.skipIf(skipBrowserTests())('accessibility (axe-core)', () => {
	const site = useBrowserSite();

	for (const theme of ['light', 'dark'] as const)
		for (const path of PAGES)
			it(`/${path} in ${theme} theme`, async () => {
				const { page, errors } = await site.open({ colorScheme: theme });
				const response = await page.goto(site.at(path));
				expect(response?.status()).toBe(200);
				expect(await seriousViolations(page)).toEqual([]);
				await interact(page);
				expect(await seriousViolations(page)).toEqual([]);
				expect(errors).toEqual([]);
			});

	it('a chapter on a phone', async () => {
		const { page, errors } = await site.open({ ...PHONE, colorScheme: 'dark' });
		await page.goto(site.at('chapters/patching/'));
		expect(await seriousViolations(page)).toEqual([]);
		await interact(page);
		expect(await seriousViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
	});
});
