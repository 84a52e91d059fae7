/**
 * axe-core finds no violation at all, of any impact, on the study pages — home, practice and exam, a chapter's
 * practice page, review, glossary, and the chapters with quizzes, flashcards and the exercise — in both themes
 * and both viewports, in their first state and after use: quizzes checked, cards flipped and graded, the
 * exercise checked, an exam in progress and submitted, a review session and the reset confirmation.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allViolations, PROGRESS_KEY, seedRandom, skipBrowserTests, useBrowserSite, VIEWS } from '../helpers/browser.ts';

/** Check the first visible quiz with its first option (a wrong or a right answer, either way a checked state). */
async function checkQuiz(page: Page) {
	const quiz = page.locator('.quiz[data-enhanced]:not([data-checked])').first();
	if (!(await quiz.count())) return;
	await quiz.locator('.quiz__option input').first().check();
	await quiz.getByRole('button', { name: 'Check answer' }).click();
}

async function flipAndGrade(page: Page) {
	const flip = page.locator('.flashcard:not([hidden]) .flashcard__flip').first();
	if (!(await flip.count())) return;
	await flip.click();
	await page.getByRole('button', { name: 'Review again' }).first().click();
	await page.locator('.flashcard:not([hidden]) .flashcard__flip').first().click();
}

describe.skipIf(skipBrowserTests())('accessibility of the study pages (axe-core, every impact)', () => {
	const site = useBrowserSite();

	for (const view of VIEWS)
		it(`${view.name}`, async () => {
			const { context, page, errors } = await site.open(view.options);
			await seedRandom(context, 3);
			const clean = async (what: string) => expect(await allViolations(page), `${view.name}: ${what}`).toEqual([]);

			for (const path of ['chapters/patching/', 'practice/patching/']) {
				await page.goto(site.at(path));
				await clean(path);
				await checkQuiz(page);
				await flipAndGrade(page);
				await clean(`${path} with a quiz checked and a card flipped`);
			}
			await page.goto(site.at('chapters/logging/'));
			await page.locator('.exercise__item').first().getByLabel('AWS').check();
			await page.getByRole('button', { name: 'Check answers' }).click();
			await clean('an exercise checked with items unanswered');
			await page.getByRole('button', { name: /^Reveal/ }).click();
			await clean('an exercise with every answer revealed');

			await page.goto(site.at('practice/'));
			await clean('practice setup');
			await page.getByRole('button', { name: 'Start' }).click();
			await page.locator('[data-exam-question]').first().waitFor();
			await page.locator('[data-exam-question] .quiz__option input').first().check();
			await clean('an exam in progress');
			await page.getByRole('button', { name: 'Submit answers' }).click();
			await clean('an exam asking before submitting blank answers');
			await page.getByRole('button', { name: 'Submit anyway' }).click();
			await clean('a submitted exam');
			await page.getByRole('button', { name: 'New exam' }).click();
			await page.getByLabel('Practice: each answer marked at once').check();
			await page.getByRole('button', { name: 'Start' }).click();
			await page.locator('[data-practice-question]').first().waitFor();
			await checkQuiz(page);
			await clean('practice mode with a question checked');

			// Everything answered wrong above is due tomorrow: make it due now for the review session.
			await page.evaluate((key) => {
				const p = JSON.parse(localStorage.getItem(key)!);
				for (const item of Object.values(p.review) as { due: number }[]) item.due = 0;
				localStorage.setItem(key, JSON.stringify(p));
			}, PROGRESS_KEY);
			await page.goto(site.url);
			await clean('home with progress');
			await page.getByRole('button', { name: 'Reset progress' }).click();
			await clean('home asking before a reset');

			await page.goto(site.at('review/'));
			await page.locator('[data-review-counter]:not(:empty)').waitFor();
			await clean('a review session');
			const show = page.getByRole('button', { name: 'Show the definition' });
			if (await show.count()) {
				await show.click();
				await clean('a review card turned over');
			}

			await page.goto(site.at('glossary/'));
			await clean('glossary');
			await page.getByRole('button', { name: /^Study all/ }).click();
			await flipAndGrade(page);
			await clean('the glossary deck, a card flipped');
			expect(errors).toEqual([]);
		});
});
