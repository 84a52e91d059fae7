/** The practice exam: every quiz grouped by chapter, links back to the sections, a score and a review. */
import { describe, expect, it } from 'vitest';
import { SITE, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

describe.skipIf(skipBrowserTests())('practice exam', () => {
	const site = useBrowserSite();

	it('lists every quiz by chapter, each linking back to the section that teaches it', async () => {
		const { page } = await site.open();
		await page.goto(site.at('practice/'));
		expect(await page.locator('main h2').allTextContents()).toEqual(['Chapter 1: Patching and ownership', 'Chapter 2: Logging', 'Your score']);
		const questions = page.locator('[data-practice-question]');
		expect(await questions.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.practiceQuestion))).toEqual(['patch-owner', 'patch-aws-layers', 'trail-owner']);
		const sources = await page.locator('[data-practice-source]').evaluateAll((els) => els.map((a) => [a.getAttribute('href'), a.textContent]));
		expect(sources).toEqual([
			[`${SITE.base}chapters/patching/#patch-windows`, 'Chapter 1: Patching and ownership › Patch windows'],
			[`${SITE.base}chapters/patching/#layers-in-practice`, 'Chapter 1: Patching and ownership › Layers in practice'],
			[`${SITE.base}chapters/logging/#where-trails-deliver`, 'Chapter 2: Logging › Where trails deliver'],
		]);
		await page.locator('[data-practice-source]').first().click();
		await page.waitForURL(/chapters\/patching\/#patch-windows$/);
	});

	it('scores the answers and reviews the wrong ones with links back to the chapter', async () => {
		const { page, errors } = await site.open();
		await page.goto(site.at('practice/'));
		const total = page.locator('[data-practice-total]');
		expect(await total.textContent()).toBe('Answer the 3 questions above; your score appears here.');
		expect(await page.locator('[data-practice-review]').isVisible()).toBe(false);

		const q = (id: string) => page.locator(`[data-practice-question="${id}"]`);
		await q('patch-owner').getByLabel('The customer, inside the instance').check();
		await q('patch-owner').getByRole('button', { name: 'Check answer' }).click();
		expect(await total.textContent()).toBe('1 of 1 answered so far are right. 2 questions to go.');

		await q('patch-aws-layers').getByLabel('Patching the guest operating system').check();
		await q('patch-aws-layers').getByRole('button', { name: 'Check answer' }).click();
		await q('trail-owner').getByLabel('Both: AWS runs CloudTrail, and the customer creates the trail and chooses its Regions').check();
		await q('trail-owner').getByRole('button', { name: 'Check answer' }).click();
		expect(await total.textContent()).toBe('Your score: 2 of 3 (67%).');

		const review = page.locator('[data-practice-review] li');
		expect(await review.count()).toBe(1);
		expect(await review.locator('a').first().getAttribute('href')).toBe('#question-2');
		expect(await review.locator('.practice__review-source').getAttribute('href')).toBe(`${site.origin}${SITE.base}chapters/patching/#layers-in-practice`);
		expect(await review.textContent()).toContain('Which of these does AWS always handle?');

		// Trying one question again takes it out of the score until it is checked again.
		await q('patch-aws-layers').getByRole('button', { name: 'Try again' }).click();
		expect(await total.textContent()).toBe('2 of 2 answered so far are right. 1 question to go.');
		expect(await page.locator('[data-practice-review]').isVisible()).toBe(false);

		await page.getByRole('button', { name: 'Start over' }).click();
		expect(await total.textContent()).toBe('Answer the 3 questions above; your score appears here.');
		expect(await page.locator('.quiz__option[data-state]').count()).toBe(0);
		expect(errors).toEqual([]);
	});
});
