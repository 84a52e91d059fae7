/**
 * A chapter's practice page (/practice/<slug>/): its quizzes, each linking back to the section that teaches
 * it (never to the quiz block it sits in), a score and a review; and its flashcards as a deck.
 * The exam on /practice/ is tested in tests/e2e/exam.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { SITE, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

describe.skipIf(skipBrowserTests())('a chapter practice page', () => {
	const site = useBrowserSite();

	it('lists the chapter\'s quizzes, each linking back to the section that teaches it', async () => {
		const { page } = await site.open();
		await page.goto(site.at('practice/patching/'));
		expect(await page.locator('main h1').textContent()).toBe('Patching and ownership');
		const questions = page.locator('[data-practice-question]');
		expect(await questions.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.practiceQuestion))).toEqual(['patch-owner', 'patch-aws-layers', 'patch-physical', 'patch-canary']);
		const sources = await page.locator('[data-practice-source]').evaluateAll((els) => els.map((a) => [a.getAttribute('href'), a.textContent]));
		expect(sources).toEqual([
			[`${SITE.base}chapters/patching/#patch-windows`, 'Chapter 1: Patching and ownership › Patch windows'],
			[`${SITE.base}chapters/patching/#layers-in-practice`, 'Chapter 1: Patching and ownership › Layers in practice'],
			// Both sit under "Check your understanding": the control the quiz is about says where it is taught…
			[`${SITE.base}chapters/patching/#who-patches-what`, 'Chapter 1: Patching and ownership › Who patches what'],
			// …and without one, the section that shares its words (canary groups, waves).
			[`${SITE.base}chapters/patching/#patch-windows`, 'Chapter 1: Patching and ownership › Patch windows'],
		]);
		await page.locator('[data-practice-source]').first().click();
		await page.waitForURL(/chapters\/patching\/#patch-windows$/);
	});

	it('scores the answers and reviews the wrong ones with links back to the chapter', async () => {
		const { page, errors } = await site.open();
		await page.goto(site.at('practice/patching/'));
		const total = page.locator('[data-practice-total]');
		expect(await total.textContent()).toBe('Answer the 4 questions above; your score appears here.');
		expect(await page.locator('[data-practice-review]').isVisible()).toBe(false);

		const q = (id: string) => page.locator(`[data-practice-question="${id}"]`);
		await q('patch-owner').getByLabel('The customer, inside the instance').check();
		await q('patch-owner').getByRole('button', { name: 'Check answer' }).click();
		expect(await total.textContent()).toBe('1 of 1 answered so far are right. 3 questions to go.');

		await q('patch-aws-layers').getByLabel('Patching the guest operating system').check();
		await q('patch-aws-layers').getByRole('button', { name: 'Check answer' }).click();
		await q('patch-physical').getByLabel('AWS', { exact: true }).check();
		await q('patch-physical').getByRole('button', { name: 'Check answer' }).click();
		await q('patch-canary').getByLabel('A small canary group, then the rest in waves').check();
		await q('patch-canary').getByRole('button', { name: 'Check answer' }).click();
		expect(await total.textContent()).toBe('Your score: 3 of 4 (75%).');

		const review = page.locator('[data-practice-review] li');
		expect(await review.count()).toBe(1);
		expect(await review.locator('a').first().getAttribute('href')).toBe('#question-2');
		expect(await review.locator('.practice__review-source').getAttribute('href')).toBe(`${site.origin}${SITE.base}chapters/patching/#layers-in-practice`);
		expect(await review.textContent()).toContain('Which of these does AWS always handle?');

		// Trying one question again takes it out of the score until it is checked again.
		await q('patch-aws-layers').getByRole('button', { name: 'Try again' }).click();
		expect(await total.textContent()).toBe('3 of 3 answered so far are right. 1 question to go.');
		expect(await page.locator('[data-practice-review]').isVisible()).toBe(false);

		await page.getByRole('button', { name: 'Start over' }).click();
		expect(await total.textContent()).toBe('Answer the 4 questions above; your score appears here.');
		expect(await page.locator('.quiz__option[data-state]').count()).toBe(0);
		expect(errors).toEqual([]);
	});

	it('has the chapter\'s flashcards as a deck, and links to the next chapter\'s practice', async () => {
		const { page } = await site.open();
		await page.goto(site.at('practice/patching/'));
		expect(await page.locator('.flashcards--deck .deck__counter').textContent()).toBe('Card 1 of 4');
		await page.getByRole('link', { name: /Next.*Logging/ }).click();
		await page.waitForURL(/practice\/logging\/$/);
		expect(await page.locator('[data-practice-question]').count()).toBe(1);
	});
});
