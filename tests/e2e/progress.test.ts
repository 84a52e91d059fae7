/** Progress in localStorage: chapters read, quiz scores on the home page, reset, and bad stored data. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);
const cardStatus = (page: Page, slug: string) => page.locator(`[data-chapter-card="${slug}"] [data-chapter-status]`).textContent();

describe.skipIf(skipBrowserTests())('progress', () => {
	const site = useBrowserSite();

	it('marks a chapter read at its end, shows it and the last quiz score on the home page, and keeps it across reloads', async () => {
		const { page, errors } = await site.open();
		await page.goto(site.url);
		expect(await page.locator('[data-progress-summary]').textContent()).toBe('0 of 3 chapters read.');
		expect(await cardStatus(page, 'patching')).toBe('');

		await page.goto(site.at('chapters/patching/'));
		// The top of a long chapter is not the end of it (two frames: intersection callbacks run after a render).
		await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
		expect(await stored(page)).toBeNull();
		const quiz = page.locator('#quiz-patch-owner');
		await quiz.getByLabel('AWS, during host maintenance').check();
		await quiz.getByRole('button', { name: 'Check answer' }).click();
		expect(JSON.parse((await stored(page))!).read).toEqual({});
		await page.locator('[data-chapter-end]').scrollIntoViewIfNeeded();
		await expect.poll(async () => JSON.parse((await stored(page)) ?? '{}').read?.patching).toBeTypeOf('number');

		await page.goto(site.url);
		expect(await page.locator('[data-progress-summary]').textContent()).toBe('1 of 3 chapters read.');
		expect(await cardStatus(page, 'patching')).toBe('✓ Read · Quizzes: 0 of 2 right on the last try');
		expect(await cardStatus(page, 'logging')).toBe('');

		await page.reload();
		expect(await page.locator('[data-progress-summary]').textContent()).toBe('1 of 3 chapters read.');
		expect(await cardStatus(page, 'patching')).toBe('✓ Read · Quizzes: 0 of 2 right on the last try');
		expect(errors).toEqual([]);
	});

	it('resets everything from the home page', async () => {
		const { page } = await site.open();
		await page.goto(site.url);
		await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ version: 1, read: { patching: 1, logging: 2 }, quizzes: { 'trail-owner': { correct: true, attempts: 1, at: 3 } }, learned: { 'guest-os': 4 } })), PROGRESS_KEY);
		await page.reload();
		expect(await page.locator('[data-progress-summary]').textContent()).toBe('2 of 3 chapters read. You have learned 1 flashcard.');
		expect(await cardStatus(page, 'logging')).toBe('✓ Read · Quizzes: 1 of 1 right on the last try');

		await page.getByRole('button', { name: 'Reset progress' }).click();
		expect(await page.locator('[data-progress-summary]').textContent()).toBe('0 of 3 chapters read.');
		expect(await cardStatus(page, 'logging')).toBe('');
		expect(await page.locator('[data-progress-note]').textContent()).toBe('Progress reset.');
		expect(await stored(page)).toBeNull();
	});

	const bad = {
		'corrupt JSON': '{"version":1,"read":{',
		'a wrong shape': JSON.stringify({ version: 1, read: 'patching', quizzes: { 'patch-owner': { correct: 'yes' }, 'trail-owner': null }, learned: ['guest-os'] }),
		'an unknown version': JSON.stringify({ version: 99, read: { patching: 1 } }),
		'not an object': '42',
	};
	for (const [what, value] of Object.entries(bad)) {
		it(`starts fresh from ${what} without breaking the page`, async () => {
			const { context, page, errors } = await site.open();
			await context.addInitScript(([key, v]) => localStorage.setItem(key!, v!), [PROGRESS_KEY, value]);
			await page.goto(site.url);
			expect(await page.locator('[data-progress-summary]').textContent()).toBe('0 of 3 chapters read.');

			await page.goto(site.at('chapters/patching/'));
			expect(await page.locator('.deck__status').textContent()).toBe('0 of 4 learned');
			const quiz = page.locator('#quiz-patch-owner');
			await quiz.getByLabel('The customer, inside the instance').check();
			await quiz.getByRole('button', { name: 'Check answer' }).click();
			expect(await quiz.getByRole('status').textContent()).toBe('Correct! The explanation is below.');
			// The first write replaces the bad value with a valid record.
			expect(JSON.parse((await stored(page))!)).toMatchObject({ version: 1, quizzes: { 'patch-owner': { correct: true, attempts: 1 } }, learned: {} });
			expect(errors).toEqual([]);
		});
	}
});
