/**
 * Tabs follow the ARIA tabs pattern (one tab stop; arrow keys, Home and End move and select; Tab goes on to
 * the panel), start on the author's default, and without JavaScript show every panel under its label.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

const block = (page: Page) => page.locator('.tabs').first();
const selected = (page: Page) => block(page).locator('[role="tab"][aria-selected="true"]').textContent();
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
const visiblePanels = async (page: Page) => {
	const texts: string[] = [];
	for (const p of await block(page).locator('.tabs__panel').all()) if (await p.isVisible()) texts.push((await p.innerText()).trim());
	return texts;
};

/** Every script a page runs, external and inline, as text. */
async function pageCode(page: Page): Promise<string> {
	const srcs = await page.locator('script[src]').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
	const external = await Promise.all(srcs.map(async (src) => (await page.request.get(src)).text()));
	const inline = await page.locator('script:not([src])').allTextContents();
	return [...external, ...inline].join('\n');
}

describe.skipIf(skipBrowserTests())('tabs', () => {
	const site = useBrowserSite();

	it('is a tablist that starts on the default tab, each tab controlling its panel', async () => {
		const { page, errors } = await site.open();
		await page.goto(site.at('chapters/logging/'));
		const tabs = block(page).getByRole('tab');
		expect(await tabs.allTextContents()).toEqual(['Console', 'CLI', 'SDK']);
		expect(await selected(page)).toBe('CLI');
		expect(await tabs.evaluateAll((els) => els.map((e) => (e as HTMLElement).tabIndex))).toEqual([-1, 0, -1]);
		expect(await visiblePanels(page)).toEqual(['Run aws cloudtrail lookup-events with a lookup attribute.']);

		const cli = block(page).getByRole('tab', { name: 'CLI' });
		const panel = block(page).getByRole('tabpanel', { name: 'CLI' });
		expect(await panel.getAttribute('id')).toBe(await cli.getAttribute('aria-controls'));
		// The labels the page holds for readers without JavaScript are replaced by the tabs.
		expect(await block(page).locator('.tabs__label:visible').count()).toBe(0);
		expect(errors).toEqual([]);
	});

	it('moves and selects with the arrow keys (wrapping), Home and End; Tab goes on to the panel', async () => {
		const { page } = await site.open();
		await page.goto(site.at('chapters/logging/'));
		await block(page).getByRole('tab', { name: 'CLI' }).focus();

		const steps: [string, string][] = [
			['ArrowRight', 'SDK'],
			['ArrowRight', 'Console'],
			['ArrowLeft', 'SDK'],
			['Home', 'Console'],
			['End', 'SDK'],
		];
		for (const [key, tab] of steps) {
			await page.keyboard.press(key);
			expect([key, await focused(page), await selected(page)]).toEqual([key, tab, tab]);
		}
		expect(await visiblePanels(page)).toEqual(['Call LookupEvents from the SDK of your language.']);

		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tabpanel');
		await page.keyboard.press('Shift+Tab');
		expect(await focused(page)).toBe('SDK');
	});

	it('selects a tab on click', async () => {
		const { page } = await site.open();
		await page.goto(site.at('chapters/logging/'));
		await block(page).getByRole('tab', { name: 'Console' }).click();
		expect(await selected(page)).toBe('Console');
		expect(await visiblePanels(page)).toEqual(['Open the event history page and filter by user name.']);
	});

	it('shows every panel under its label without JavaScript', async () => {
		const { page } = await site.open({ javaScriptEnabled: false });
		await page.goto(site.at('chapters/logging/'));
		expect(await block(page).getByRole('tab').count()).toBe(0);
		expect(await block(page).locator('.tabs__label').allInnerTexts()).toEqual(['Console', 'CLI', 'SDK']);
		expect(await visiblePanels(page)).toHaveLength(3);
	});

	it('loads the tabs script only on chapters with tabs', async () => {
		const { page } = await site.open();
		await page.goto(site.at('chapters/logging/'));
		expect(await pageCode(page)).toContain('tablist');
		await page.goto(site.at('chapters/patching/'));
		expect(await pageCode(page)).not.toContain('tablist');
	});
});
