/**
 * The browser tests need a Chromium. Locally a missing one skips them (with a warning); in CI it is an error,
 * so the browser tests cannot be skipped by accident there.
 */
import { describe, expect, it } from 'vitest';
import { CHROME, IN_CI, launchBrowser, NO_BROWSER_REASON, skipBrowserTests } from '../helpers/browser.ts';

describe('the browser used by the e2e tests', () => {
	it.runIf(IN_CI)('is installed in CI', () => {
		expect(CHROME, NO_BROWSER_REASON).toBeDefined();
	});

	it.skipIf(skipBrowserTests())('launches headless with the sandbox-less flags', async () => {
		const browser = await launchBrowser();
		try {
			expect(browser.version()).toMatch(/^\d+\./);
		} finally {
			await browser.close();
		}
	});
});
