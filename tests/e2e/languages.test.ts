/**
 * A translated course in the browser (tests/fixtures/translated-course): the scripts speak the page's language,
 * progress is kept per language, the switcher leads to the same page in the other language, and search on a
 * German page finds the German pages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

const stored = (page: Page, key: string) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);

describe.skipIf(skipBrowserTests())('a translated course', () => {
	const site = useBrowserSite({ build: 'translated', base: '/' });

	it('checks a German quiz in German and keeps its result in the German progress', async () => {
		const { page, errors } = await site.open();
		await page.goto(site.at('de/chapters/patching/'));
		const quiz = page.locator('#quiz-patch-owner');
		await quiz.getByRole('button', { name: 'Antwort prüfen' }).click();
		expect(await quiz.getByRole('status').textContent()).toBe('Wählen Sie eine Antwort und prüfen Sie dann.');
		await quiz.getByLabel('Der Kunde').check();
		await quiz.getByRole('button', { name: 'Antwort prüfen' }).click();
		expect(await quiz.getByRole('status').textContent()).toBe('Richtig! Die Erklärung steht unten.');
		expect((await stored(page, `${PROGRESS_KEY}:de`)).quizzes['patch-owner']).toMatchObject({ correct: true, attempts: 1 });
		expect(await stored(page, PROGRESS_KEY)).toBeNull();
		expect(errors).toEqual([]);
	});

	it('keeps reading progress per language', async () => {
		const { page, errors } = await site.open();
		// Short chapters: their end is on screen at once, so opening one reads it.
		await page.goto(site.at('chapters/logging/'));
		await expect.poll(async () => Object.keys((await stored(page, PROGRESS_KEY))?.read ?? {})).toEqual(['logging']);
		await page.goto(site.at('de/'));
		await expect.poll(() => page.locator('[data-progress-summary]').textContent()).toBe('0 von 3 Kapiteln gelesen.');
		await page.goto(site.at(''));
		await expect.poll(() => page.locator('[data-progress-summary]').textContent()).toBe('1 of 3 chapters read.');
		expect(errors).toEqual([]);
	});

	it('switches to the same page in the other language', async () => {
		const { page, errors } = await site.open();
		await page.goto(site.at('chapters/logging/'));
		await page.locator('.lang-switch').getByRole('link', { name: 'Deutsch' }).click();
		await page.waitForURL(/\/de\/chapters\/logging\/$/);
		expect(await page.locator('h1').textContent()).toBe('Protokolle');
		expect(errors).toEqual([]);
	});

	it('searches the German pages from a German page', async () => {
		const { page, errors } = await site.open();
		await page.goto(site.at('de/chapters/logging/'));
		await page.keyboard.press('/');
		const input = page.locator('pagefind-modal input').first();
		await input.waitFor({ state: 'visible' });
		expect(await input.getAttribute('placeholder')).toBe('Kurs durchsuchen');
		await input.fill('Gastbetriebssystem');
		const hit = page.locator('pagefind-results a[href="/de/chapters/patching/"]').first();
		await hit.waitFor({ state: 'visible' });
		const hrefs = await page.locator('pagefind-results a.pf-result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		expect(hrefs.length).toBeGreaterThan(0);
		expect(hrefs.filter((h) => !h.startsWith('/de/'))).toEqual([]);
		expect(errors).toEqual([]);
	});
});
