/**
 * Progress in localStorage: chapters read, quiz scores on the home page, reset (after a confirmation), bad
 * stored data, one record per course (the key carries the base path), and the version 1 record read once.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LEGACY_PROGRESS_KEY, PROGRESS_KEY, THEME_KEY, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

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
		expect(JSON.parse((await stored(page)) ?? '{}').read ?? {}).toEqual({});
		const quiz = page.locator('#quiz-patch-owner');
		await quiz.getByLabel('AWS, during host maintenance').check();
		await quiz.getByRole('button', { name: 'Check answer' }).click();
		expect(JSON.parse((await stored(page))!).read).toEqual({});
		await page.locator('[data-chapter-end]').scrollIntoViewIfNeeded();
		await expect.poll(async () => JSON.parse((await stored(page)) ?? '{}').read?.patching).toBeTypeOf('number');

		await page.goto(site.url);
		expect(await page.locator('[data-progress-summary]').textContent()).toBe('1 of 3 chapters read.');
		expect(await cardStatus(page, 'patching')).toBe('✓ Read · Quizzes: 0 of 4 right on the last try');
		expect(await cardStatus(page, 'logging')).toBe('');

		await page.reload();
		expect(await page.locator('[data-progress-summary]').textContent()).toBe('1 of 3 chapters read.');
		expect(await cardStatus(page, 'patching')).toBe('✓ Read · Quizzes: 0 of 4 right on the last try');
		expect(errors).toEqual([]);
	});

	it('resets everything from the home page, after asking', async () => {
		const { page } = await site.open();
		await page.goto(site.url);
		await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ version: 2, read: { patching: 1, logging: 2 }, quizzes: { 'trail-owner': { correct: true, attempts: 1, at: 3 } }, review: { 'card:guest-os': { box: 2, due: 4, chapter: 'patching' } } })), PROGRESS_KEY);
		await page.reload();
		expect(await page.locator('[data-progress-summary]').textContent()).toBe('2 of 3 chapters read. You have learned 1 flashcard.');
		expect(await cardStatus(page, 'logging')).toBe('✓ Read · Quizzes: 1 of 1 right on the last try');

		// The first click only asks; "Cancel" (or Escape) keeps everything.
		await page.getByRole('button', { name: 'Reset progress' }).click();
		expect(await page.locator('[data-progress-confirm]').textContent()).toContain('Delete all progress for this course in this browser');
		expect(await page.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement)).toBe(true);
		await page.getByRole('button', { name: 'Cancel' }).click();
		expect(await page.locator('[data-progress-confirm]').isVisible()).toBe(false);
		expect(await stored(page)).not.toBeNull();
		await page.getByRole('button', { name: 'Reset progress' }).click();
		await page.keyboard.press('Escape');
		expect(await page.locator('[data-progress-confirm]').isVisible()).toBe(false);
		expect(await stored(page)).not.toBeNull();

		await page.getByRole('button', { name: 'Reset progress' }).click();
		await page.getByRole('button', { name: 'Yes, reset' }).click();
		expect(await page.locator('[data-progress-summary]').textContent()).toBe('0 of 3 chapters read.');
		expect(await cardStatus(page, 'logging')).toBe('');
		expect(await page.locator('[data-progress-note]').textContent()).toBe('Progress reset.');
		expect(await stored(page)).toBeNull();
	});

	it('keeps each course apart: the keys carry the base path, and the shared version 1 record is read once', async () => {
		const { page } = await site.open();
		await page.goto(site.url);
		// Another course on the same host, and this one's progress from before version 2.
		await page.evaluate(
			([legacy]) => {
				localStorage.setItem('course-progress:v2:/other-course/', JSON.stringify({ version: 2, read: { patching: 1, logging: 1, summary: 1 } }));
				localStorage.setItem(legacy!, JSON.stringify({ version: 1, read: { patching: 5 }, quizzes: {}, learned: { 'guest-os': 6 } }));
			},
			[LEGACY_PROGRESS_KEY],
		);
		await page.reload();
		expect(await page.locator('[data-progress-summary]').textContent()).toBe('1 of 3 chapters read. You have learned 1 flashcard.');
		await page.getByRole('button', { name: 'Dark theme' }).click();
		await page.goto(site.at('chapters/summary/'));
		await page.locator('[data-chapter-end]').scrollIntoViewIfNeeded();
		const keys = await page.evaluate(() => Object.keys(localStorage).sort());
		expect(keys).toEqual(['course-progress:v1', 'course-progress:v2:/learn/', 'course-progress:v2:/other-course/', 'course-theme:/learn/'].sort());
		expect([PROGRESS_KEY, THEME_KEY]).toEqual(['course-progress:v2:/learn/', 'course-theme:/learn/']);
		await expect.poll(async () => JSON.parse((await stored(page)) ?? '{}').read).toMatchObject({ patching: 5, summary: expect.any(Number) });
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
	});

	const bad = {
		'corrupt JSON': '{"version":2,"read":{',
		'a wrong shape': JSON.stringify({ version: 2, read: 'patching', quizzes: { 'patch-owner': { correct: 'yes' }, 'trail-owner': null }, review: ['guest-os'], exam: { questions: 'all' }, last: 3 }),
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
			expect(JSON.parse((await stored(page))!)).toMatchObject({ version: 2, quizzes: { 'patch-owner': { correct: true, attempts: 1 } }, review: {} });
			expect(errors).toEqual([]);
		});
	}
});
