/**
 * Code blocks in the browser (tests/fixtures/site-course, chapter "code"): a copy button on each block, only
 * with JavaScript, in the page's language; it copies the code without the lines a diff removes, says "Copied"
 * and announces it. The page passes axe in both themes, and nothing scrolls sideways on a phone (a long line
 * scrolls inside its block). With SCREENSHOTS=1 the page is saved to screenshots/ at 1280 and 390 px, light
 * and dark: `SCREENSHOTS=1 npx vitest run tests/e2e/code-blocks.test.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, seriousViolations, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';
import { ROOT } from '../helpers/build.ts';

const OUT = path.join(ROOT, 'screenshots');

describe.skipIf(skipBrowserTests())('code blocks', () => {
	const site = useBrowserSite({ build: 'metadata', base: '/docs/' });

	it('get a copy button that copies the code, says so and announces it', async () => {
		const { context, page, errors } = await site.open();
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
		// Chromium sometimes asks a fresh browser's first page for /favicon.ico (the site's icon is <base>favicon.svg).
		const failed: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error' && m.text().startsWith('Failed to load resource')) failed.push(new URL(m.location().url).pathname);
		});
		await page.goto(site.at('chapters/code/'));
		const buttons = page.locator('.prose .code-frame > .code-copy');
		expect(await buttons.allTextContents()).toEqual(['Copy', 'Copy', 'Copy', 'Copy']);
		// The second block is a diff by comments: the removed line is not copied, and the comments are gone.
		await buttons.nth(1).click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('{\n  "Effect": "Allow",\n  "Action": ["s3:GetObject", "s3:ListBucket"], \n  "Resource": "*"\n}');
		expect(await buttons.nth(1).textContent()).toBe('Copied');
		await expect.poll(() => page.locator('[role="status"]').last().textContent()).toBe('Copied');
		// A titled block: the code, not its file name.
		await buttons.nth(0).click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("const name = 'org-trail';\nconst regions = 'all';\nexport const trail = { name, regions };");
		await expect.poll(() => buttons.nth(1).textContent(), { timeout: 4000 }).toBe('Copy');
		expect(failed.filter((p) => p !== '/favicon.ico')).toEqual([]);
		expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
	});

	it('label the button in the page’s language', async () => {
		const { page } = await site.open();
		await page.goto(site.at('de/chapters/code/'));
		expect(await page.locator('.code-copy').first().textContent()).toBe('Kopieren');
	});

	it('have no button without JavaScript', async () => {
		const { page } = await site.open({ javaScriptEnabled: false });
		await page.goto(site.at('chapters/code/'));
		expect(await page.locator('pre.astro-code').count()).toBe(4);
		expect(await page.locator('.code-copy').count()).toBe(0);
	});

	for (const [size, options] of Object.entries({ desktop: DESKTOP, phone: PHONE }))
		for (const theme of ['light', 'dark'] as const)
			it(`${size}, ${theme}: pass axe and do not widen the page`, async () => {
				const { page, errors } = await site.open({ ...options, colorScheme: theme });
				await page.goto(site.at('chapters/code/'));
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(options.viewport!.width);
				if (process.env.SCREENSHOTS) {
					fs.mkdirSync(OUT, { recursive: true });
					await page.locator('.code-frame').first().hover();
					await page.screenshot({ path: path.join(OUT, `code-${size}-${theme}.png`), fullPage: true });
				}
				expect(await seriousViolations(page)).toEqual([]);
				expect(errors).toEqual([]);
			});
});
