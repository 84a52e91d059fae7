/**
 * Layout checks on the key pages at desktop and phone sizes in both themes: nothing is wider than the screen.
 * With SCREENSHOTS=1 each page is also saved to screenshots/ (gitignored) for a person to look at:
 *   SCREENSHOTS=1 npx vitest run tests/e2e/visual.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';
import { ROOT } from '../helpers/build.ts';

const PAGES: Record<string, string> = { home: '', chapter: 'chapters/patching/', exercise: 'chapters/logging/', blocks: 'chapters/summary/', practice: 'practice/', matrix: 'matrix/', glossary: 'glossary/' };
const SIZES = { desktop: DESKTOP, phone: PHONE };
const OUT = path.join(ROOT, 'screenshots');

describe.skipIf(skipBrowserTests())('layout', () => {
	const site = useBrowserSite();

	for (const [size, options] of Object.entries(SIZES))
		for (const theme of ['light', 'dark'] as const)
			it(`${size}, ${theme}: no page scrolls sideways`, async () => {
				const { page, errors } = await site.open({ ...options, colorScheme: theme });
				const width = options.viewport!.width;
				for (const [name, p] of Object.entries(PAGES)) {
					await page.goto(site.at(p));
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
