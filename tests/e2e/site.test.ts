/** Site chrome in the browser: the theme toggle persists, and phones get a collapsed chapter list that works. */
import { describe, expect, it } from 'vitest';
import { PHONE, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

describe.skipIf(skipBrowserTests())('site chrome', () => {
	const site = useBrowserSite();

	it('remembers the dark theme across pages and reloads', async () => {
		const { page, errors } = await site.open({ colorScheme: 'light' });
		await page.goto(site.at('chapters/patching/'));
		const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
		const toggle = page.getByRole('button', { name: 'Dark theme' });
		expect(await theme()).toBe('light');
		expect(await toggle.getAttribute('aria-pressed')).toBe('false');

		await toggle.click();
		expect(await theme()).toBe('dark');
		expect(await toggle.getAttribute('aria-pressed')).toBe('true');
		await page.reload();
		expect(await theme()).toBe('dark');
		expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
		await page.goto(site.url);
		expect(await theme()).toBe('dark');
		// The page really is dark, not just labelled so.
		expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 20, 27)');

		await page.getByRole('button', { name: 'Dark theme' }).click();
		await page.reload();
		expect(await theme()).toBe('light');
		expect(errors).toEqual([]);
	});

	it('follows the system preference until the learner chooses, then keeps the choice', async () => {
		const { page, errors } = await site.open({ colorScheme: 'dark' });
		const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
		const toggle = () => page.getByRole('button', { name: 'Dark theme' });
		await page.goto(site.url);
		expect(await theme()).toBe('dark');
		// No choice yet: a change of the system preference is followed on the next page load.
		await page.emulateMedia({ colorScheme: 'light' });
		await page.reload();
		expect(await theme()).toBe('light');
		expect(await toggle().getAttribute('aria-pressed')).toBe('false');

		// The learner chooses dark while the system says light: the choice wins, across reloads and pages.
		await toggle().click();
		expect(await theme()).toBe('dark');
		await page.reload();
		expect(await theme()).toBe('dark');
		await page.goto(site.at('chapters/logging/'));
		expect(await theme()).toBe('dark');
		// …and still wins when the system preference changes back and forth.
		await page.emulateMedia({ colorScheme: 'dark' });
		await toggle().click();
		expect(await theme()).toBe('light');
		await page.reload();
		expect(await theme()).toBe('light');
		expect(await toggle().getAttribute('aria-pressed')).toBe('false');
		expect(errors).toEqual([]);
	});

	it('on a phone, the chapter list starts collapsed and opens to navigate', async () => {
		const { page, errors } = await site.open(PHONE);
		await page.goto(site.at('chapters/patching/'));
		const sidebar = page.locator('details[data-sidebar]');
		const link = sidebar.getByRole('link', { name: /Logging/ });
		expect(await sidebar.getAttribute('open')).toBeNull();
		expect(await link.isVisible()).toBe(false);
		expect(await sidebar.locator('summary').textContent()).toContain('1 of 3');

		await sidebar.locator('summary').tap();
		expect(await link.isVisible()).toBe(true);
		await link.tap();
		await page.waitForURL(/chapters\/logging\/$/);
		expect(await page.locator('h1').textContent()).toBe('Logging');
		// Nothing is wider than the screen.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		expect(errors).toEqual([]);
	});

	it('on a phone, the search opens from the header button', async () => {
		const { page } = await site.open(PHONE);
		await page.goto(site.url);
		await page.locator('[data-search-trigger]').tap();
		const input = page.locator('pagefind-modal input').first();
		await input.waitFor({ state: 'visible' });
		const box = await input.boundingBox();
		expect(box!.x).toBeGreaterThanOrEqual(0);
		expect(box!.x + box!.width).toBeLessThanOrEqual(390);
	});
});
