/**
 * The exam on /practice/, in each of the four views (desktop 1280 and phone 390, light and dark): chapters and
 * a number of questions chosen, questions and options shuffled (Math.random is seeded, so the draw repeats),
 * nothing marked until "Submit", a score by chapter and by owner, a review of the wrong answers that links to
 * the sections that teach them, the attempt saved and listed on the home page, and an attempt in progress that
 * survives a reload. No page is wider than the screen, before or after submitting.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { overflow, PROGRESS_KEY, SITE, seedRandom, skipBrowserTests, useBrowserSite, VIEWS } from '../helpers/browser.ts';

/** The fixture's quizzes in course order. */
const AUTHORED = ['patch-owner', 'patch-aws-layers', 'patch-physical', 'patch-canary', 'trail-owner'];

const order = (page: Page) => page.locator('[data-exam-question]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.examQuestion));
const question = (page: Page, id: string) => page.locator(`[data-exam-question="${id}"]`);
const choose = (q: Locator, label: string) => q.getByLabel(label, { exact: true }).check();
/** Each question's options, as their original positions, in the order shown. */
const optionOrders = (page: Page) =>
	page.locator('[data-exam-question] .quiz').evaluateAll((quizzes) => quizzes.map((q) => [...q.querySelectorAll<HTMLInputElement>('.quiz__option input')].map((i) => Number(i.value))));
const rows = (table: Locator) => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim())));

/** Two right (patch-owner, patch-aws-layers), two wrong (patch-physical, patch-canary), trail-owner left blank. */
async function answer(page: Page) {
	await choose(question(page, 'patch-owner'), 'The customer, inside the instance');
	await choose(question(page, 'patch-aws-layers'), 'Physical security of the data centers');
	await choose(question(page, 'patch-aws-layers'), 'Maintaining the hypervisor');
	await choose(question(page, 'patch-physical'), 'The customer');
	await choose(question(page, 'patch-canary'), 'Every instance at once, to keep the fleet uniform');
}

describe.skipIf(skipBrowserTests())('the exam', () => {
	const site = useBrowserSite();

	for (const view of VIEWS)
		it(`${view.name}: shuffles, marks nothing until submitted, scores by chapter and owner, reviews with links, saves, survives a reload`, async () => {
			const { context, page, errors } = await site.open(view.options);
			await seedRandom(context, 11);
			await page.goto(site.at('practice/'));
			expect(await overflow(page)).toBeLessThanOrEqual(0);
			await page.getByLabel('Questions', { exact: true }).selectOption('all');
			await page.getByRole('button', { name: 'Start' }).click();
			await page.locator('[data-exam-question]').first().waitFor();

			// Every question once, not in course order; options shuffled too.
			const drawn = await order(page);
			expect([...drawn].sort()).toEqual([...AUTHORED].sort());
			expect(drawn).not.toEqual(AUTHORED);
			const options = await optionOrders(page);
			expect(options.some((o) => o.some((v, i) => v !== i))).toBe(true);

			// No feedback and no spoilers while answering: no "Check answer", no answers, no owner badges.
			expect(await page.locator('[data-exam-question] .quiz__actions').count()).toBe(0);
			expect(await page.locator('[data-exam-question] details.quiz__answer').evaluateAll((ds) => ds.filter((d) => d.checkVisibility({ visibilityProperty: true })).length)).toBe(0);
			expect(await page.locator('[data-exam-question] .badge').evaluateAll((bs) => bs.filter((b) => b.checkVisibility({ visibilityProperty: true })).length)).toBe(0);
			await answer(page);
			expect(await page.locator('[data-exam-question] [data-state], [data-exam-question] .quiz[data-checked]').count()).toBe(0);
			expect(await page.locator('[data-exam-answered]').textContent()).toBe('4 of 5 answered.');

			// A reload continues the attempt: same questions, same option order, same answers.
			await page.reload();
			await page.locator('[data-exam-question]').first().waitFor();
			expect(await order(page)).toEqual(drawn);
			expect(await optionOrders(page)).toEqual(options);
			expect(await question(page, 'patch-physical').getByLabel('The customer', { exact: true }).isChecked()).toBe(true);
			expect(await page.locator('[data-exam-answered]').textContent()).toBe('4 of 5 answered.');

			// Submitting with a blank question asks first.
			await page.getByRole('button', { name: 'Submit answers' }).click();
			expect(await page.locator('[data-exam-confirm]').textContent()).toContain('1 question has no answer; it will count as wrong.');
			await page.getByRole('button', { name: 'Submit anyway' }).click();

			const results = page.locator('[data-exam-results]');
			expect(await results.locator('.practice__total').textContent()).toBe('2 of 5 right (40%).');
			const byChapter = await rows(results.locator('table', { hasText: 'By chapter' }));
			expect([...byChapter].sort()).toEqual([
				['Chapter 1: Patching and ownership', '2 of 4'],
				['Chapter 2: Logging', '0 of 1'],
			]);
			const byOwner = await rows(results.locator('table', { hasText: 'By owner' }));
			expect([...byOwner].sort()).toEqual([
				['AWS', '0 of 1'],
				['Customer', '1 of 1'],
				['No owner', '1 of 2'],
				['Shared', '0 of 1'],
			]);

			// Each wrong answer links to the section that teaches it, never to the quiz block it sits in.
			const review = await results.locator('.practice__review-source').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
			expect([...review].sort()).toEqual([
				[`${SITE.base}chapters/logging/#where-trails-deliver`, 'Read: Chapter 2: Logging › Where trails deliver'],
				[`${SITE.base}chapters/patching/#patch-windows`, 'Read: Chapter 1: Patching and ownership › Patch windows'],
				[`${SITE.base}chapters/patching/#who-patches-what`, 'Read: Chapter 1: Patching and ownership › Who patches what'],
			]);
			expect(review.some(([href]) => href?.includes('check-your-understanding'))).toBe(false);

			// Now every question is marked and explained, with its owner.
			expect(await page.locator('[data-exam-question] .quiz[data-checked]').count()).toBe(5);
			expect(await question(page, 'patch-physical').locator('.quiz__option[data-state="wrong"]').textContent()).toContain('The customer');
			expect(await question(page, 'patch-physical').locator('.quiz__owner').textContent()).toContain('AWS');
			expect(await page.locator('[data-exam-question] input:not([disabled])').count()).toBe(0);
			expect(await overflow(page)).toBeLessThanOrEqual(0);

			// Saved: the attempt is gone, the score is kept, wrong answers are in the review queue.
			const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), PROGRESS_KEY);
			expect(stored.exam).toBeUndefined();
			expect(stored.exams).toMatchObject([{ correct: 2, total: 5, chapters: [] }]);
			expect(Object.keys(stored.review).sort()).toEqual(['quiz:patch-canary', 'quiz:patch-physical', 'quiz:trail-owner']);

			await page.goto(site.url);
			expect(await page.locator('[data-progress-exams] li').allTextContents()).toEqual([expect.stringMatching(/^[A-Z][a-z]+ \d{1,2}, \d{4}: 2 of 5 right \(40%\), all chapters$/)]);
			expect(await overflow(page)).toBeLessThanOrEqual(0);
			// A reload of /practice/ now starts a new exam.
			await page.goto(site.at('practice/'));
			expect(await page.locator('[data-exam-setup]').isVisible()).toBe(true);
			expect(errors).toEqual([]);
		});

	it('draws only from the chosen chapters, as many questions as asked', async () => {
		const { page } = await site.open();
		await page.goto(site.at('practice/'));
		await page.getByLabel('Chapter 2: Logging').uncheck();
		expect(await page.getByLabel('All chapters').isChecked()).toBe(false);
		await page.getByLabel('Questions', { exact: true }).selectOption('all');
		await page.getByRole('button', { name: 'Start' }).click();
		await page.locator('[data-exam-question]').first().waitFor();
		expect((await order(page)).sort()).toEqual(AUTHORED.filter((id) => id.startsWith('patch')).sort());
		// Only the chosen chapter's practice page was needed.
		const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.includes('/practice/')));
		expect(loaded).toEqual([`${SITE.base}practice/patching/`]);
		await page.getByRole('button', { name: 'Abandon' }).click();
		expect(await page.locator('[data-exam-setup-note]').textContent()).toBe('Exam abandoned. Nothing was scored.');

		await page.getByLabel('All chapters').check();
		await page.getByLabel('Questions', { exact: true }).selectOption('all');
		await page.getByLabel('Chapter 1: Patching and ownership').uncheck();
		await page.getByLabel('Chapter 2: Logging').uncheck();
		await page.getByRole('button', { name: 'Start' }).click();
		expect(await page.locator('[data-exam-setup-note]').textContent()).toBe('Choose at least one chapter.');
	});

	it('practice mode marks each answer at once, with a running score and review links', async () => {
		const { page, errors } = await site.open({ colorScheme: 'dark' });
		await page.goto(site.at('practice/'));
		await page.getByLabel('Chapter 1: Patching and ownership').uncheck();
		await page.getByLabel('Practice: each answer marked at once').check();
		await page.getByRole('button', { name: 'Start' }).click();
		const q = page.locator('[data-practice-question="trail-owner"]');
		await q.getByLabel('AWS alone, because CloudTrail is an AWS service').check();
		await q.getByRole('button', { name: 'Check answer' }).click();
		expect(await q.getByRole('status').textContent()).toBe('Not quite. The correct answer is marked; the explanation is below.');
		expect(await page.locator('[data-practice-total]').textContent()).toBe('Your score: 0 of 1 (0%).');
		expect(await page.locator('[data-practice-review] .practice__review-source').getAttribute('href')).toBe(`${site.origin}${SITE.base}chapters/logging/#where-trails-deliver`);
		expect(await page.evaluate((key) => Object.keys(JSON.parse(localStorage.getItem(key)!).review), PROGRESS_KEY)).toEqual(['quiz:trail-owner']);
		expect(errors).toEqual([]);
	});
});
