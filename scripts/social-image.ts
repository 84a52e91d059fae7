/**
 * Renders the default social card (src/assets/social.svg, an original drawing) to the PNG the integration
 * publishes as og:image (src/assets/social.png, 1200×630). Run after changing the drawing:
 * `npx node scripts/social-image.ts` (needs Chromium: /usr/bin/chromium or $CHROME_PATH).
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const svg = new URL('../src/assets/social.svg', import.meta.url);
const png = new URL('../src/assets/social.png', import.meta.url);
const browser = await chromium.launch({
	executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
	const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
	await page.setContent(`<body style="margin:0">${fs.readFileSync(svg, 'utf8')}</body>`);
	fs.writeFileSync(png, await page.screenshot({ clip: { x: 0, y: 0, width: 1200, height: 630 } }));
} finally {
	await browser.close();
}
