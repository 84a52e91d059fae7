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
import { DESKTOP, PHONE, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';
import { ROOT } from '../helpers/build.ts';

const PAGES: Record<string, string> = { home: '', chapter: 'chapters/patching/', exercise: 'chapters/logging/', practice: 'practice/', matrix: 'matrix/', glossary: 'glossary/' };
const SIZES = { desktop: DESKTOP, phone: PHONE };
const OUT = path.join(ROOT, 'screenshots');

/** States on the chapter page, each opened from a fresh load; `phone` ones exist only below 960 px. */
const STATES: { name: string; phone?: boolean; open(page: Page): Promise<void> }[] = [
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
				for (const state of STATES) {
					if (state.phone && size !== 'phone') continue;
					await page.goto(site.at(PAGES.chapter!));
					await state.open(page);
					expect(await overflow(), `the chapter with ${state.name} open is wider than a ${width}px screen`).toBeLessThanOrEqual(width);
					await shot(page, `state-${state.name}-${size}-${theme}`, false);
				}
				expect(errors).toEqual([]);
			});
});
