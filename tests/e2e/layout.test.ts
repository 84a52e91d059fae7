/**
 * Phones and tablets: the header menu, "On this page", the chapter list across the breakpoint, the section
 * being read marked in the table of contents, and nothing wider than the screen in any of these states.
 * Phone (390 px) and desktop (1280 px), light and dark.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

const THEMES = ['light', 'dark'] as const;
const HEADER_LINKS = ['Matrix', 'Glossary', 'Practice'];

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const current = (page: Page, scope: string) => page.locator(`${scope} .toc__list a[aria-current="true"]`).allTextContents();

describe.skipIf(skipBrowserTests())('phones and tablets', () => {
	const site = useBrowserSite();

	for (const theme of THEMES) {
		it(`phone, ${theme}: the header menu reaches every header link, and Escape closes it`, async () => {
			const { page, errors } = await site.open({ ...PHONE, colorScheme: theme });
			await page.goto(site.at('chapters/patching/'));
			const menu = page.getByRole('button', { name: 'Menu' });
			const nav = page.getByRole('navigation', { name: 'Course', exact: true });
			expect(await menu.getAttribute('aria-expanded')).toBe('false');
			for (const name of HEADER_LINKS) expect(await nav.getByRole('link', { name }).isVisible()).toBe(false);

			await menu.tap();
			expect(await menu.getAttribute('aria-expanded')).toBe('true');
			for (const name of HEADER_LINKS) expect(await nav.getByRole('link', { name }).isVisible(), name).toBe(true);
			expect(await pageWidth(page)).toBeLessThanOrEqual(390);
			await page.keyboard.press('Escape');
			expect(await menu.getAttribute('aria-expanded')).toBe('false');
			expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
			expect(await nav.getByRole('link', { name: 'Glossary' }).isVisible()).toBe(false);

			// Every link works from the menu.
			for (const [name, path] of [['Matrix', 'matrix/'], ['Glossary', 'glossary/'], ['Practice', 'practice/']] as const) {
				await page.getByRole('button', { name: 'Menu' }).tap();
				await page.getByRole('navigation', { name: 'Course', exact: true }).getByRole('link', { name }).tap();
				await page.waitForURL(site.at(path));
				expect(await page.locator('.site-nav a', { hasText: name }).getAttribute('aria-current')).toBe('page');
			}
			expect(errors).toEqual([]);
		});

		it(`phone, ${theme}: "On this page" lists the sections, jumps to one, closes and names it`, async () => {
			const { page, errors } = await site.open({ ...PHONE, colorScheme: theme });
			await page.goto(site.at('chapters/patching/'));
			expect(await page.locator('nav.toc').isVisible()).toBe(false);
			const disclosure = page.locator('details.toc-inline');
			const summary = disclosure.locator('summary');
			expect(await summary.isVisible()).toBe(true);
			expect(await summary.textContent()).toContain('On this page');
			const links = disclosure.getByRole('navigation', { name: 'On this page' }).getByRole('link');
			expect(await links.first().isVisible()).toBe(false);

			await summary.tap();
			expect(await links.allTextContents()).toEqual(['Who patches what', 'Patch windows', 'Layers in practice', 'Check your understanding', 'Key terms']);
			expect(await pageWidth(page)).toBeLessThanOrEqual(390);
			await links.filter({ hasText: 'Layers in practice' }).tap();
			await page.waitForURL(/#layers-in-practice$/);
			expect(await disclosure.getAttribute('open')).toBeNull();
			// The heading is below the sticky header and bar, and the summary names the section.
			await expect.poll(() => page.locator('#layers-in-practice').evaluate((h) => h.getBoundingClientRect().top >= document.querySelector('details.toc-inline')!.getBoundingClientRect().bottom - 1)).toBe(true);
			await expect.poll(() => disclosure.locator('[data-toc-current]').textContent()).toBe('Layers in practice');
			expect(await current(page, 'details.toc-inline')).toEqual(['Layers in practice']);
			// It stays in reach while the chapter scrolls.
			await page.mouse.wheel(0, 400);
			await expect.poll(() => summary.evaluate((s) => s.getBoundingClientRect().top >= 0 && s.getBoundingClientRect().top < 120)).toBe(true);
			expect(errors).toEqual([]);
		});
	}

	it('desktop: the links sit in the header, the side column lists the sections and marks the one being read', async () => {
		const { page, errors } = await site.open({ ...DESKTOP, colorScheme: 'dark' });
		await page.goto(site.at('chapters/patching/'));
		expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
		for (const name of HEADER_LINKS) expect(await page.getByRole('navigation', { name: 'Course', exact: true }).getByRole('link', { name }).isVisible()).toBe(true);
		expect(await page.locator('details.toc-inline').isVisible()).toBe(false);
		expect(await page.locator('nav.toc').isVisible()).toBe(true);

		await page.locator('#key-terms').scrollIntoViewIfNeeded();
		await page.locator('nav.toc').getByRole('link', { name: 'Key terms' }).click();
		await expect.poll(() => current(page, 'nav.toc')).toEqual(['Key terms']);
		await page.evaluate(() => scrollTo(0, document.getElementById('who-patches-what')!.getBoundingClientRect().top + scrollY - 70));
		await expect.poll(() => current(page, 'nav.toc')).toEqual(['Who patches what']);
		expect(errors).toEqual([]);
	});

	it('the chapter list works after resizing across the breakpoint, both ways', async () => {
		const { page, errors } = await site.open({ viewport: { width: 800, height: 900 } });
		await page.goto(site.at('chapters/patching/'));
		const sidebar = page.locator('details[data-sidebar]');
		const link = sidebar.getByRole('link', { name: /Logging/ });
		// A tablet: the header menu, the collapsed chapter list and "On this page".
		expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(true);
		expect(await link.isVisible()).toBe(false);
		expect(await page.locator('details.toc-inline summary').isVisible()).toBe(true);

		await page.setViewportSize({ width: 1280, height: 900 });
		await expect.poll(() => link.isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);

		await page.setViewportSize({ width: 800, height: 900 });
		await expect.poll(() => link.isVisible()).toBe(false);
		await sidebar.locator('summary').click();
		expect(await link.isVisible()).toBe(true);
		expect(errors).toEqual([]);
	});

	it('without JavaScript every header link is still shown on a phone, and "On this page" opens', async () => {
		const { page } = await site.open({ ...PHONE, javaScriptEnabled: false });
		await page.goto(site.at('chapters/patching/'));
		expect(await page.locator('[data-menu-toggle]').isVisible()).toBe(false);
		for (const name of HEADER_LINKS) expect(await page.getByRole('navigation', { name: 'Course', exact: true }).getByRole('link', { name }).isVisible(), name).toBe(true);
		await page.locator('details.toc-inline summary').tap();
		expect(await page.locator('details.toc-inline').getByRole('link', { name: 'Key terms' }).isVisible()).toBe(true);
		expect(await pageWidth(page)).toBeLessThanOrEqual(390);
	});
});
