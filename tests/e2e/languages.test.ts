/**
 * A translated course in the browser (tests/fixtures/translated-course): the scripts speak the page's language,
 * progress is kept per language, the switcher leads to the same page in the other language, and search on a
 * German page finds the German pages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

/** The progress of this course (base `/`) in its own language; a translation's key adds `:<locale>`. */
const PROGRESS_KEY = 'course-progress:v2:/';
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

	it('studies in German: the grade, the review queue and the home page speak German and keep to the German record', async () => {
		const { page, errors } = await site.open();
		const T0 = Date.UTC(2026, 5, 1, 9);
		await page.clock.setFixedTime(T0);
		await page.goto(site.at('de/chapters/patching/'));
		expect(await page.locator('.flashcard__hint').first().textContent()).toBe('Karte umdrehen, um die Erklärung zu sehen');
		await page.getByRole('button', { name: 'Gastbetriebssystem' }).click();
		await page.getByRole('button', { name: 'Noch einmal üben' }).click();
		expect(await page.locator('.deck__announce').textContent()).toBe('Zum erneuten Wiederholen vorgemerkt: morgen. Karte 1 von 1: Gastbetriebssystem.');
		const review = (await stored(page, `${PROGRESS_KEY}:de`)).review as Record<string, unknown>;
		expect(Object.keys(review)).toEqual([expect.stringMatching(/^card:/)]);
		expect(Object.values(review)).toEqual([{ box: 1, due: T0 + 86_400_000, chapter: 'patching' }]);
		expect(await stored(page, PROGRESS_KEY)).toBeNull();

		await page.goto(site.at('de/'));
		expect(await page.locator('[data-review-due]').textContent()).toBe('Nichts ist zur Wiederholung fällig; die nächste Karte oder Frage ist morgen fällig.');
		await page.clock.setFixedTime(T0 + 86_400_000 + 3_600_000);
		await page.reload();
		expect(await page.locator('[data-review-link]').textContent()).toBe('Jetzt wiederholen: 1 Karte oder Frage fällig');
		await page.locator('[data-review-link]').click();
		await page.waitForURL(/\/de\/review\/$/);
		// The card comes from the German practice page, named in German.
		await expect.poll(() => page.locator('[data-review-counter]').textContent()).toBe('1 von 1 · Lernkarte aus Kapitel 1: Patchen');
		await page.getByRole('button', { name: 'Erklärung zeigen' }).click();
		await page.getByRole('button', { name: 'Wusste ich' }).click();
		expect(await page.locator('[data-review-summary-text]').textContent()).toBe('Wiederholung beendet: 1 von 1 gewusst. Die nächste Karte oder Frage ist übermorgen fällig.');
		// The English pages have their own, empty queue.
		await page.goto(site.at('review/'));
		expect(await page.locator('[data-review-summary-text]').textContent()).toMatch(/^Nothing to review yet\./);
		expect(errors).toEqual([]);
	});

	it('takes an exam in German, scored by the schema’s parties', async () => {
		const { page, errors } = await site.open();
		await page.goto(site.at('de/practice/'));
		await page.getByRole('button', { name: 'Starten' }).click();
		const quiz = page.locator('[data-exam-question] .quiz').first();
		await quiz.waitFor();
		await page.getByRole('button', { name: 'Antworten abgeben' }).click();
		expect(await page.locator('[data-exam-confirm]').textContent()).toContain('1 Frage ist unbeantwortet; sie zählt als falsch.');
		await page.getByRole('button', { name: 'Trotzdem abgeben' }).click();
		const results = page.locator('[data-exam-results]');
		expect(await results.locator('.practice__total').textContent()).toBe('0 von 1 richtig (0\u00a0%).');
		expect(await results.locator('table').nth(1).locator('tbody th').allTextContents()).toEqual(['Kunde']);
		expect(await results.locator('.practice__review-source').getAttribute('href')).toMatch(/^\/de\/chapters\/patching\//);
		expect((await stored(page, `${PROGRESS_KEY}:de`)).exams).toHaveLength(1);
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
