/**
 * Studying across the site, in the four views (desktop 1280 and phone 390, light and dark):
 *  - no spoilers: no owner badge or owner word on any quiz before it is checked, on every page with quizzes;
 *  - spaced review: cards graded after a flip, wrong answers queued, the home page's due count a simulated day
 *    later (the clock is injected), and a review session across chapters on /review/;
 *  - resume: "Continue: Chapter N — section" on the home page, read chapters marked in the sidebar;
 *  - the glossary's deck of every term.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { overflow, PROGRESS_KEY, SITE, skipBrowserTests, useBrowserSite, VIEWS } from '../helpers/browser.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1, 9);
const OWNER_WORDS = /\b(AWS|Customer|Shared)\b/;

const stored = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), PROGRESS_KEY);

/** Visible owner badges inside quizzes that are not checked yet, and legends that name an owner. */
const spoilers = (page: Page) =>
	page.evaluate((pattern) => {
		const found: string[] = [];
		for (const quiz of document.querySelectorAll<HTMLElement>('.quiz:not([data-checked])')) {
			for (const badge of quiz.querySelectorAll<HTMLElement>('.badge')) if (badge.checkVisibility({ visibilityProperty: true })) found.push(`${quiz.id}: badge "${badge.textContent}"`);
			const kind = quiz.querySelector('.quiz__kind')?.textContent ?? '';
			if (new RegExp(pattern).test(kind)) found.push(`${quiz.id}: "${kind}"`);
		}
		return found;
	}, OWNER_WORDS.source);

describe.skipIf(skipBrowserTests())('studying', () => {
	const site = useBrowserSite();

	for (const view of VIEWS)
		it(`${view.name}: no quiz shows its owner before it is checked; afterwards the badge comes with the explanation`, async () => {
			const { page, errors } = await site.open(view.options);
			for (const path of ['chapters/patching/', 'chapters/logging/', 'practice/patching/', 'practice/logging/']) {
				await page.goto(site.at(path));
				expect(await page.locator('.quiz').count(), path).toBeGreaterThan(0);
				expect(await spoilers(page), path).toEqual([]);
			}
			await page.goto(site.at('practice/'));
			await page.getByRole('button', { name: 'Start' }).click();
			await page.locator('[data-exam-question]').first().waitFor();
			expect(await spoilers(page)).toEqual([]);

			await page.goto(site.at('chapters/patching/'));
			const quiz = page.locator('#quiz-patch-owner');
			await quiz.getByLabel('AWS, during host maintenance').check();
			await quiz.getByRole('button', { name: 'Check answer' }).click();
			expect(await quiz.locator('.quiz__owner').isVisible()).toBe(true);
			expect(await quiz.locator('.quiz__owner .badge').textContent()).toBe('Customer');
			expect(await overflow(page)).toBeLessThanOrEqual(0);
			expect(errors).toEqual([]);
		});

	for (const view of VIEWS)
		it(`${view.name}: cards graded after a flip and missed questions come back on the home page a day later, for a review across chapters`, async () => {
			const { page, errors } = await site.open(view.options);
			await page.clock.setFixedTime(T0);
			await page.goto(site.at('chapters/patching/'));
			// Known at first sight: box 2, back in two days. Missed: box 1, back tomorrow.
			await page.getByRole('button', { name: 'Guest OS' }).click();
			await page.getByRole('button', { name: 'I knew it' }).click();
			await page.getByRole('button', { name: 'Hypervisor' }).click();
			await page.getByRole('button', { name: 'Review again' }).click();
			await page.goto(site.at('chapters/logging/'));
			const quiz = page.locator('#quiz-trail-owner');
			await quiz.getByLabel('AWS alone, because CloudTrail is an AWS service').check();
			await quiz.getByRole('button', { name: 'Check answer' }).click();

			await page.goto(site.url);
			expect(await page.locator('[data-review-due]').textContent()).toBe('Nothing is due for review; the next card or question is due tomorrow.');
			expect(await page.locator('[data-review-link]').isVisible()).toBe(false);

			// A day later.
			await page.clock.setFixedTime(T0 + DAY + 3_600_000);
			await page.reload();
			expect(await page.locator('[data-review-due]').textContent()).toBe('2 cards and questions due for review.');
			const link = page.locator('[data-review-link]');
			expect(await link.textContent()).toBe('Review now: 2 cards and questions due');
			expect(await overflow(page)).toBeLessThanOrEqual(0);
			await link.click();
			await page.waitForURL(/\/review\/$/);

			// Most overdue first (both are due since the same moment: the card, then the question).
			const counter = page.locator('[data-review-counter]');
			await expect.poll(() => counter.textContent()).toBe('1 of 2 · Flashcard from Chapter 1: Patching and ownership');
			const yes = page.getByRole('button', { name: 'I knew it' });
			expect(await yes.isDisabled()).toBe(true);
			const card = page.locator('.review__card');
			const height = (await card.boundingBox())!.height;
			await page.getByRole('button', { name: 'Show the definition' }).click();
			expect(await page.locator('.review__back').textContent()).toContain('the virtualization layer AWS runs');
			expect((await card.boundingBox())!.height).toBe(height);
			expect(await yes.isDisabled()).toBe(false);
			await yes.click();

			expect(await counter.textContent()).toBe('2 of 2 · Question from Chapter 2: Logging');
			expect(await page.locator('[data-review-announce]').textContent()).toBe('Marked as known; next review in 2 days. Item 2 of 2: Question from Chapter 2: Logging.');
			expect(await page.locator('[data-review-item] .badge').evaluateAll((bs) => bs.filter((b) => b.checkVisibility({ visibilityProperty: true })).length)).toBe(0);
			const q = page.locator('[data-review-item] .quiz');
			await q.getByLabel('Both: AWS runs CloudTrail, and the customer creates the trail and chooses its Regions').check();
			await q.getByRole('button', { name: 'Check answer' }).click();
			await page.getByRole('button', { name: 'Finish' }).click();
			expect(await page.locator('[data-review-summary-text]').textContent()).toBe('Review done: 2 of 2 known. The next card or question is due tomorrow.');
			expect(await overflow(page)).toBeLessThanOrEqual(0);

			const { review } = await stored(page);
			expect(review).toEqual({
				'card:guest-os': { box: 2, due: T0 + 2 * DAY, chapter: 'patching' },
				'card:hypervisor': { box: 2, due: T0 + DAY + 3_600_000 + 2 * DAY, chapter: 'patching' },
				'quiz:trail-owner': { box: 2, due: T0 + DAY + 3_600_000 + 2 * DAY, chapter: 'logging' },
			});
			await page.goto(site.url);
			expect(await page.locator('[data-review-due]').textContent()).toBe('Nothing is due for review; the next card or question is due tomorrow.');
			expect(errors).toEqual([]);
		});

	it('an empty review says how to fill it; an item whose chapter is gone leaves the queue', async () => {
		const { page } = await site.open();
		await page.goto(site.at('review/'));
		expect(await page.locator('[data-review-summary-text]').textContent()).toContain('Nothing to review yet.');
		await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ version: 2, review: { 'card:gone': { box: 1, due: 1, chapter: 'no-such-chapter' }, 'card:guest-os': { box: 1, due: 1, chapter: 'patching' } } })), PROGRESS_KEY);
		await page.reload();
		await expect.poll(() => page.locator('[data-review-counter]').textContent()).toBe('1 of 1 · Flashcard from Chapter 1: Patching and ownership');
		expect(Object.keys((await stored(page)).review)).toEqual(['card:guest-os']);
	});

	for (const view of VIEWS)
		it(`${view.name}: the home page continues where the learner stopped reading, and the sidebar marks read chapters`, async () => {
			const { page, errors } = await site.open(view.options);
			await page.goto(site.url);
			const cont = page.locator('[data-continue]');
			expect(await cont.textContent()).toBe('Start with chapter 1');

			await page.goto(site.at('chapters/patching/'));
			await page.locator('[data-chapter-end]').scrollIntoViewIfNeeded();
			await expect.poll(async () => (await stored(page)).read?.patching).toBeTypeOf('number');
			// Then back up to a section: where the learner stopped is the last section they were in (read last,
			// so that the sections passed on the way to the end cannot overwrite it after the check).
			await page.locator('#layers-in-practice').evaluate((h) => h.scrollIntoView({ block: 'start' }));
			await expect.poll(async () => (await stored(page)).last?.section).toBe('layers-in-practice');

			await page.goto(site.url);
			expect(await cont.textContent()).toBe('Continue: Chapter 1 — Layers in practice');
			expect(await cont.getAttribute('href')).toBe(`${SITE.base}chapters/patching/#layers-in-practice`);
			expect(await overflow(page)).toBeLessThanOrEqual(0);

			// Opening another chapter moves "Continue" there.
			await page.goto(site.at('chapters/logging/'));
			const read = page.locator('[data-sidebar] a[data-chapter-link="patching"]');
			expect(await read.getAttribute('data-read')).toBe('');
			expect(await read.textContent()).toContain('(read)');
			expect(await page.locator('[data-sidebar] a[data-chapter-link="summary"]').getAttribute('data-read')).toBeNull();
			await page.goto(site.url);
			expect(await cont.textContent()).toMatch(/^Continue: Chapter 2 — /);
			await cont.click();
			await page.waitForURL(/chapters\/logging\//);
			expect(errors).toEqual([]);
		});

	it('the glossary offers a deck of every term, graded into the same review queue', async () => {
		const { page, errors } = await site.open({ colorScheme: 'dark' });
		await page.clock.setFixedTime(T0);
		await page.goto(site.at('glossary/'));
		const open = page.getByRole('button', { name: 'Study all 4 terms as flashcards' });
		expect(await open.getAttribute('aria-expanded')).toBe('false');
		await open.click();
		expect(await page.getByRole('button', { name: 'Close the deck' }).getAttribute('aria-expanded')).toBe('true');
		const deck = page.locator('[data-glossary-deck]');
		expect(await deck.locator('.deck__counter').textContent()).toBe('Card 1 of 4');
		await deck.locator('.flashcard:not([hidden]) .flashcard__flip').click();
		await deck.getByRole('button', { name: 'I knew it' }).click();
		expect(await deck.locator('.deck__counter').textContent()).toBe('Card 2 of 4');
		expect((await stored(page)).review).toEqual({ 'card:guest-os': { box: 2, due: T0 + 2 * DAY, chapter: 'patching' } });
		// Every id on the page is still unique with the deck open.
		expect(await page.evaluate(() => { const ids = [...document.querySelectorAll('[id]')].map((e) => e.id); return ids.length - new Set(ids).size; })).toBe(0);
		expect(errors).toEqual([]);
	});
});
