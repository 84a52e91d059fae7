/** Without JavaScript everything is still readable: quizzes with "Show answer", flashcards as a list, practice by chapter. */
import { describe, expect, it } from 'vitest';
import { skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

describe.skipIf(skipBrowserTests())('without JavaScript', () => {
	const site = useBrowserSite();

	it('a quiz shows its question, options and a working "Show answer"', async () => {
		const { page } = await site.open({ javaScriptEnabled: false });
		await page.goto(site.at('chapters/patching/'));
		const quiz = page.locator('#quiz-patch-owner');
		expect(await quiz.locator('legend').textContent()).toContain('A kernel flaw is announced. Who patches the EC2 guest OS?');
		expect(await quiz.locator('.quiz__option').allTextContents()).toEqual(['AWS, during host maintenance', 'The customer, inside the instance', 'Nobody; instances patch themselves']);
		expect(await quiz.locator('.quiz__option input').first().isEnabled()).toBe(true);
		// The buttons need JavaScript, so they are not shown.
		expect(await quiz.locator('.quiz__actions').isVisible()).toBe(false);

		const explanation = quiz.locator('.quiz__explanation');
		expect(await explanation.isVisible()).toBe(false);
		await quiz.getByText('Show answer').click();
		expect(await explanation.isVisible()).toBe(true);
		expect(await quiz.locator('details.quiz__answer').textContent()).toContain('Correct answer:The customer, inside the instance');
	});

	it('flashcards are a readable list of every term and definition', async () => {
		const { page } = await site.open({ javaScriptEnabled: false });
		await page.goto(site.at('chapters/patching/'));
		const cards = page.locator('section.flashcards li.flashcard');
		expect(await cards.count()).toBe(4);
		for (const card of await cards.all()) {
			expect(await card.locator('.flashcard__front').isVisible()).toBe(true);
			expect(await card.locator('.flashcard__back').isVisible()).toBe(true);
		}
		expect(await cards.locator('dfn').allTextContents()).toEqual(['Guest OS', 'Hypervisor', 'Inherited control', 'Patch window']);
		expect(await page.locator('.deck__counter, .flashcard__flip').count()).toBe(0);
	});

	it('the ownership exercise and the practice exam keep their answers behind "Show answer"', async () => {
		const { page } = await site.open({ javaScriptEnabled: false });
		await page.goto(site.at('chapters/logging/'));
		expect(await page.getByRole('button', { name: 'Check answers' }).isVisible()).toBe(false);
		expect(await page.locator('.exercise__item details summary').allTextContents()).toEqual(['Show answer', 'Show answer', 'Show answer']);

		// The practice page says exams need JavaScript and links to each chapter's questions, which work without it.
		await page.goto(site.at('practice/'));
		expect(await page.locator('[data-exam-nojs]').isVisible()).toBe(true);
		expect(await page.locator('input[name="chapter"]:visible, [data-exam-all]:visible, button[type="submit"]:visible').count()).toBe(0);
		const links = page.locator('[data-exam-list] a');
		expect(await links.allTextContents()).toEqual(['4 questions, 4 cards from chapter 1', '1 question from chapter 2']);
		await links.first().click();
		await page.waitForURL(/practice\/patching\/$/);
		expect(await page.locator('.practice__question .quiz').count()).toBe(4);
		expect(await page.locator('.practice__question details.quiz__answer summary').first().isVisible()).toBe(true);
		expect(await page.locator('[data-practice-score]').isVisible()).toBe(false);
		expect(await page.locator('section.flashcards li.flashcard .flashcard__back').first().isVisible()).toBe(true);

		await page.goto(site.at('review/'));
		expect(await page.locator('[data-review-nojs]').isVisible()).toBe(true);

		await page.goto(site.url);
		expect(await page.locator('[data-progress]').isVisible()).toBe(false);
		expect(await page.locator('[data-continue]').textContent()).toBe('Start with chapter 1');
	});
});
