/**
 * Layout checks on the key pages at desktop and phone sizes in both themes: nothing is wider than the screen,
 * on load and in each state a learner opens (the menu, "On this page", search, a tapped tag's popover).
 * With SCREENSHOTS=1 each page and state is also saved to screenshots/ (gitignored) for a person to look at:
 *   SCREENSHOTS=1 npx vitest run tests/e2e/visual.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, PROGRESS_KEY, seedRandom, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';
import { ROOT } from '../helpers/build.ts';

const PAGES: Record<string, string> = { home: '', chapter: 'chapters/patching/', exercise: 'chapters/logging/', blocks: 'chapters/summary/', practice: 'practice/', 'practice-chapter': 'practice/patching/', review: 'review/', matrix: 'matrix/', glossary: 'glossary/' };
const SIZES = { desktop: DESKTOP, phone: PHONE };
const OUT = path.join(ROOT, 'screenshots');

/** States on the chapter page, each opened from a fresh load; `phone` ones exist only below 960 px. */
const CHAPTER_STATES: { name: string; phone?: boolean; open(page: Page): Promise<void> }[] = [
	{ name: 'menu', phone: true, open: async (page) => page.getByRole('button', { name: 'Menu' }).click() },
	{ name: 'on-this-page', phone: true, open: async (page) => page.locator('details.toc-inline summary').click() },
	{
		name: 'search',
		open: async (page) => {
			await page.locator('[data-search-trigger]').click();
			const input = page.locator('pagefind-modal input').first();
			await input.waitFor({ state: 'visible' });
			await input.fill('patch');
			await page.locator('pagefind-results .pf-result').first().waitFor();
		},
	},
	{
		name: 'tag-popover',
		phone: true,
		open: async (page) => {
			await page.locator('.prose .ctl__badge').first().tap();
			await page.getByRole('dialog').waitFor();
		},
	},
];

describe.skipIf(skipBrowserTests())('layout', () => {
	const site = useBrowserSite();
	const shot = async (page: Page, name: string, fullPage = true) => {
		if (!process.env.SCREENSHOTS) return;
		fs.mkdirSync(OUT, { recursive: true });
		await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage });
	};

	for (const [size, options] of Object.entries(SIZES))
		for (const theme of ['light', 'dark'] as const)
			it(`${size}, ${theme}: no page scrolls sideways, nor any state a learner opens`, async () => {
				const { page, errors } = await site.open({ ...options, colorScheme: theme });
				const width = options.viewport!.width;
				const overflow = () => page.evaluate(() => document.documentElement.scrollWidth);
				for (const [name, p] of Object.entries(PAGES)) {
					await page.goto(site.at(p));
					expect(await overflow(), `${name} is wider than a ${width}px screen`).toBeLessThanOrEqual(width);
					await shot(page, `${name}-${size}-${theme}`);
				}
				for (const state of CHAPTER_STATES) {
					if (state.phone && size !== 'phone') continue;
					await page.goto(site.at(PAGES.chapter!));
					await state.open(page);
					expect(await overflow(), `the chapter with ${state.name} open is wider than a ${width}px screen`).toBeLessThanOrEqual(width);
					await shot(page, `state-${state.name}-${size}-${theme}`, false);
				}
				expect(errors).toEqual([]);
			});

	/** The study features after use: each state must fit the screen too, and is saved for review with SCREENSHOTS=1. */
	const STUDY_STATES: Record<string, (page: Page, at: (p: string) => string) => Promise<void>> = {
		'exam-running': async (page, at) => {
			await page.goto(at('practice/'));
			await page.getByRole('button', { name: 'Start' }).click();
			await page.locator('[data-exam-question]').first().waitFor();
			await page.locator('[data-exam-question] .quiz__option input').first().check();
			await page.getByRole('button', { name: 'Submit answers' }).click();
		},
		'exam-submitted': async (page) => {
			await page.getByRole('button', { name: 'Submit anyway' }).click();
			await page.locator('[data-exam-results] h2').scrollIntoViewIfNeeded();
		},
		'practice-checked': async (page, at) => {
			await page.goto(at('practice/patching/'));
			for (const quiz of await page.locator('.quiz').all()) {
				await quiz.locator('.quiz__option input').first().check();
				await quiz.getByRole('button', { name: 'Check answer' }).click();
			}
			await page.locator('.flashcard:not([hidden]) .flashcard__flip').click();
		},
		'exercise-checked': async (page, at) => {
			await page.goto(at('chapters/logging/'));
			await page.locator('.exercise__item').first().getByLabel('AWS').check();
			await page.getByRole('button', { name: 'Check answers' }).click();
		},
		'home-progress': async (page, at) => {
			await page.evaluate((key) => {
				const p = JSON.parse(localStorage.getItem(key)!);
				for (const item of Object.values(p.review) as { due: number }[]) item.due = 0;
				p.last = { chapter: 'patching', section: 'layers-in-practice', title: 'Layers in practice', at: 1 };
				localStorage.setItem(key, JSON.stringify(p));
			}, PROGRESS_KEY);
			await page.goto(at(''));
			await page.getByRole('button', { name: 'Reset progress' }).click();
		},
		'review-card': async (page, at) => {
			await page.goto(at('review/'));
			await page.locator('[data-review-counter]:not(:empty)').waitFor();
			const show = page.getByRole('button', { name: 'Show the definition' });
			if (await show.count()) await show.click();
		},
		'glossary-deck': async (page, at) => {
			await page.goto(at('glossary/'));
			await page.getByRole('button', { name: /^Study all/ }).click();
			await page.locator('[data-glossary-deck] .flashcard:not([hidden]) .flashcard__flip').click();
		},
	};

	for (const [size, options] of Object.entries(SIZES))
		for (const theme of ['light', 'dark'] as const)
			it(`${size}, ${theme}: no study state scrolls sideways`, async () => {
				const { context, page, errors } = await site.open({ ...options, colorScheme: theme });
				await seedRandom(context, 5);
				const width = options.viewport!.width;
				for (const [name, go] of Object.entries(STUDY_STATES)) {
					await go(page, site.at);
					const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
					expect(overflow, `${name} is ${overflow}px wide on a ${width}px screen`).toBeLessThanOrEqual(width);
					if (process.env.SCREENSHOTS) {
						fs.mkdirSync(OUT, { recursive: true });
						await page.screenshot({ path: path.join(OUT, `${name}-${size}-${theme}.png`), fullPage: true });
					}
				}
				expect(errors).toEqual([]);
			});
});
