/** Quizzes on a chapter page: checking right and wrong answers, multiple-answer quizzes, keyboard only. */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

const storedQuizzes = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').quizzes ?? {}, PROGRESS_KEY);
const stateOf = (quiz: Locator, label: string) => quiz.locator('.quiz__option', { hasText: label }).getAttribute('data-state');

describe.skipIf(skipBrowserTests())('quizzes', () => {
	const site = useBrowserSite();

	it('marks a right answer, announces it, opens the explanation and records it', async () => {
		const { page, errors } = await site.open();
		await page.goto(site.at('chapters/patching/'));
		const quiz = page.locator('#quiz-patch-owner');
		expect(await quiz.locator('.quiz__actions').isVisible()).toBe(true);
		expect(await quiz.getByRole('button', { name: 'Try again' }).isVisible()).toBe(false);

		await quiz.getByLabel('The customer, inside the instance').check();
		await quiz.getByRole('button', { name: 'Check answer' }).click();

		expect(await stateOf(quiz, 'The customer')).toBe('correct');
		expect(await stateOf(quiz, 'AWS, during host maintenance')).toBeNull();
		const result = quiz.getByRole('status');
		expect(await result.getAttribute('aria-live')).toBe('polite');
		expect(await result.textContent()).toBe('Correct! The explanation is below.');
		expect(await quiz.locator('details.quiz__answer').getAttribute('open')).toBe('');
		expect(await quiz.locator('.quiz__explanation').isVisible()).toBe(true);
		expect(await quiz.locator('input:disabled').count()).toBe(3);
		expect(await storedQuizzes(page)).toMatchObject({ 'patch-owner': { correct: true, attempts: 1 } });
		expect(errors).toEqual([]);
	});

	it('marks a wrong answer and the missed right one, and "Try again" resets everything', async () => {
		const { page, errors } = await site.open();
		await page.goto(site.at('chapters/patching/'));
		const quiz = page.locator('#quiz-patch-owner');

		await quiz.getByLabel('AWS, during host maintenance').check();
		await quiz.getByRole('button', { name: 'Check answer' }).click();

		expect(await stateOf(quiz, 'AWS, during host maintenance')).toBe('wrong');
		expect(await stateOf(quiz, 'The customer')).toBe('missed');
		expect(await quiz.getByRole('status').textContent()).toBe('Not quite. The correct answer is marked; the explanation is below.');
		expect(await quiz.locator('.quiz__explanation').isVisible()).toBe(true);
		expect(await storedQuizzes(page)).toMatchObject({ 'patch-owner': { correct: false, attempts: 1 } });

		await quiz.getByRole('button', { name: 'Try again' }).click();
		expect(await quiz.locator('.quiz__option[data-state]').count()).toBe(0);
		expect(await quiz.locator('.quiz__result').textContent()).toBe('');
		expect(await quiz.locator('details.quiz__answer').getAttribute('open')).toBeNull();
		expect(await quiz.locator('input:checked').count()).toBe(0);
		expect(await quiz.locator('input:disabled').count()).toBe(0);
		expect(await quiz.getByRole('button', { name: 'Check answer' }).isVisible()).toBe(true);

		// The second attempt replaces the first result and counts the attempts.
		await quiz.getByLabel('The customer, inside the instance').check();
		await quiz.getByRole('button', { name: 'Check answer' }).click();
		expect(await storedQuizzes(page)).toMatchObject({ 'patch-owner': { correct: true, attempts: 2 } });
		expect(errors).toEqual([]);
	});

	it('keeps the empty status region in the accessibility tree, so its first message is announced', async () => {
		const { page } = await site.open();
		await page.goto(site.at('chapters/patching/'));
		const status = page.locator('#quiz-patch-owner').getByRole('status');
		expect(await status.count()).toBe(1);
		expect(await status.textContent()).toBe('');
	});

	it('asks for a choice before checking', async () => {
		const { page } = await site.open();
		await page.goto(site.at('chapters/patching/'));
		const quiz = page.locator('#quiz-patch-owner');
		await quiz.getByRole('button', { name: 'Check answer' }).click();
		expect(await quiz.getByRole('status').textContent()).toBe('Choose an answer, then check.');
		expect(await quiz.locator('.quiz__option[data-state]').count()).toBe(0);
		expect(await storedQuizzes(page)).toEqual({});
	});

	it('needs every right option of a multiple-answer quiz, and only those', async () => {
		const { page } = await site.open();
		await page.goto(site.at('chapters/patching/'));
		const quiz = page.locator('#quiz-patch-aws-layers');
		expect(await quiz.locator('input[type="checkbox"]').count()).toBe(3);

		await quiz.getByLabel('Physical security of the data centers').check();
		await quiz.getByRole('button', { name: 'Check answer' }).click();
		expect(await stateOf(quiz, 'Physical security')).toBe('correct');
		expect(await stateOf(quiz, 'Maintaining the hypervisor')).toBe('missed');
		expect(await quiz.getByRole('status').textContent()).toBe('Not quite. The correct answers are marked; the explanation is below.');

		await quiz.getByRole('button', { name: 'Try again' }).click();
		await quiz.getByLabel('Physical security of the data centers').check();
		await quiz.getByLabel('Maintaining the hypervisor').check();
		await quiz.getByRole('button', { name: 'Check answer' }).click();
		expect(await quiz.getByRole('status').textContent()).toBe('Correct! The explanation is below.');
		expect(await storedQuizzes(page)).toMatchObject({ 'patch-aws-layers': { correct: true, attempts: 2 } });
	});

	it('works with the keyboard alone', async () => {
		const { page, errors } = await site.open();
		await page.goto(site.at('chapters/patching/'));
		const quiz = page.locator('#quiz-patch-owner');
		const first = quiz.locator('input').first();
		// Tab through the page until the quiz's first option has focus (a radio group is one tab stop).
		for (let i = 0; i < 60 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
		expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);

		await page.keyboard.press('Space'); // choose "AWS"
		await page.keyboard.press('ArrowDown'); // move to and choose "The customer"
		expect(await quiz.getByLabel('The customer, inside the instance').isChecked()).toBe(true);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check answer');
		await page.keyboard.press('Enter');
		expect(await quiz.getByRole('status').textContent()).toBe('Correct! The explanation is below.');
		// Focus moves to "Try again" (the Check button is gone), so Enter tries again.
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Try again');
		await page.keyboard.press('Enter');
		expect(await quiz.locator('.quiz__result').textContent()).toBe('');
		expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
		expect(errors).toEqual([]);
	});
});
