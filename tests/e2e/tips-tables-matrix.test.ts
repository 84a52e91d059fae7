/**
 * Smaller learner things on the bundled course: tooltips (one at a time, Escape, hoverable) and a tap on a tag
 * showing its definition in place; tables that scroll inside a focusable frame with a visible cue; the matrix
 * showing owners by shape as well as colour, in targets of at least 24 × 24 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BUNDLED, DESKTOP, PHONE, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

const CHAPTER = 'chapters/shared-responsibility/';
const visibleTips = (page: Page) => page.locator('.ctl__tip, .term__def').filter({ visible: true }).count();

describe.skipIf(skipBrowserTests())('tooltips, tables and the matrix', () => {
	const site = useBrowserSite(BUNDLED);

	it('desktop: a tooltip shows one at a time, can be hovered, and Escape hides it', async () => {
		const { page, errors } = await site.open(DESKTOP);
		await page.goto(site.at(CHAPTER));
		const tags = page.locator('.prose .ctl');
		const first = tags.nth(2);
		const second = tags.nth(6);
		await first.scrollIntoViewIfNeeded();
		await first.locator('.ctl__badge').hover();
		await expect.poll(() => first.locator('.ctl__tip').isVisible()).toBe(true);
		// The pointer can move onto the tooltip itself.
		await first.locator('.ctl__tip').hover();
		await page.waitForTimeout(300);
		expect(await first.locator('.ctl__tip').isVisible()).toBe(true);
		await page.keyboard.press('Escape');
		expect(await first.locator('.ctl__tip').isVisible()).toBe(false);

		// Focus elsewhere while the pointer rests on the first: only the focused one shows.
		await first.locator('.ctl__badge').hover();
		await second.locator('.ctl__badge').focus();
		await expect.poll(() => second.locator('.ctl__tip').isVisible()).toBe(true);
		expect(await first.locator('.ctl__tip').isVisible()).toBe(false);
		expect(await visibleTips(page)).toBe(1);
		await page.keyboard.press('Escape');
		expect(await visibleTips(page)).toBe(0);
		expect(errors).toEqual([]);
	});

	for (const theme of ['light', 'dark'] as const)
		it(`phone, ${theme}: a tap on a badge or a term shows its definition in place, with the link onward`, async () => {
			const { page, errors } = await site.open({ ...PHONE, colorScheme: theme });
			await page.goto(site.at(CHAPTER));
			const tag = page.locator('.prose .ctl').nth(2);
			await tag.scrollIntoViewIfNeeded();
			const tip = (await tag.locator('.ctl__tip').textContent())!.trim();
			const href = await tag.locator('.ctl__badge').getAttribute('href');
			await tag.locator('.ctl__badge').tap();
			const popover = page.getByRole('dialog');
			await popover.waitFor();
			expect(page.url()).toBe(site.at(CHAPTER));
			expect(await popover.textContent()).toContain(tip);
			expect(await popover.textContent()).toContain((await tag.locator('.ctl__text').textContent())!.trim());
			const onward = popover.getByRole('link', { name: 'Open in the responsibility matrix' });
			expect(new URL((await onward.getAttribute('href'))!).pathname + new URL((await onward.getAttribute('href'))!).hash).toBe(href);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
			await popover.getByRole('button', { name: 'Close' }).tap();
			await expect.poll(() => popover.isVisible()).toBe(false);

			const term = page.locator('.prose .term').first();
			await term.scrollIntoViewIfNeeded();
			await term.locator('.term__link').tap();
			await popover.waitFor();
			expect(await popover.textContent()).toContain((await term.locator('.term__def').textContent())!.trim());
			await popover.getByRole('link', { name: 'Open in the glossary' }).tap();
			await page.waitForURL(/\/glossary\/#term-/);
			expect(errors).toEqual([]);
		});

	it('tables: a focusable, named frame that scrolls sideways with a cue on a phone, and fits on a desktop', async () => {
		const { page, errors } = await site.open(PHONE);
		await page.goto(site.at('chapters/data-protection/'));
		const frame = page.getByRole('region', { name: 'Table: Aspect, AWS owned key, AWS managed key, Customer managed key' });
		await frame.scrollIntoViewIfNeeded();
		expect(await frame.getAttribute('tabindex')).toBe('0');
		await expect.poll(() => frame.getAttribute('data-overflow')).toBe('start');
		const cue = await frame.evaluate((el) => getComputedStyle(el, '::before').content);
		expect(cue).toContain('Scroll sideways');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await frame.focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => frame.getAttribute('data-overflow')).toBe('middle');
		await frame.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
		await expect.poll(() => frame.getAttribute('data-overflow')).toBe('end');

		await page.setViewportSize({ width: 1280, height: 900 });
		await expect.poll(() => frame.getAttribute('data-overflow')).toBeNull();
		expect(errors).toEqual([]);
	});

	it('matrix: owners by shape as well as colour, and every mark a 24 px target', async () => {
		const { page, errors } = await site.open(PHONE);
		await page.goto(site.at('matrix/'));
		// Each owner's mark is clipped to its own shape (virtual:course-site/parties.css), as in the legend.
		const shape = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el, '::before').clipPath);
		const marks = { aws: await shape('.mx-grid .mx-dot--aws'), customer: await shape('.mx-grid .mx-dot--customer'), shared: await shape('.mx-grid .mx-dot--shared') };
		expect(new Set(Object.values(marks)).size).toBe(3);
		expect(marks.shared).toMatch(/^polygon/);
		for (const [owner, clip] of Object.entries(marks)) expect(await shape(`.mx-legend .mx-mix__num--${owner}`), owner).toBe(clip);
		// The legend names each shape in words.
		expect(await page.locator('.mx-legend').textContent()).toBe('AWSCustomerShared');
		const sizes = await page.locator('.mx-grid a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
		expect(sizes.length).toBeGreaterThan(50);
		expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		expect(errors).toEqual([]);
	});
});
