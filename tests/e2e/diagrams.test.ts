/**
 * Diagrams on the bundled course: Mermaid loads only when a diagram comes near the screen; a drawn diagram is
 * an image named by the fence's `alt`, its text at least 12 px on a phone (the frame scrolls sideways instead),
 * and its labels meet AA contrast in both themes; without JavaScript the text alternative shows, not the source.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MERMAID } from '../../src/core/routes.ts';
import { BUNDLED, DESKTOP, installWcag, PHONE, skipBrowserTests, useBrowserSite, type Wcag } from '../helpers/browser.ts';

const CHAPTER = 'chapters/data-protection/';
const ALT = /^Envelope encryption in five steps: a service such as S3 or EBS asks a KMS key for a data key/;

/** Scroll the diagram into view and wait until it is drawn. */
async function drawn(page: Page) {
	await page.locator('figure.diagram').scrollIntoViewIfNeeded();
	await page.locator('figure.diagram[data-rendered]').waitFor();
	return page.locator('figure.diagram .diagram__view');
}

/** The smallest text in the drawn diagram, in CSS pixels on screen (font size times the drawing's scale). */
const smallestText = (page: Page) =>
	page.locator('figure.diagram svg').evaluate((svg) => {
		const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
		const sizes = [...svg.querySelectorAll('foreignObject span, foreignObject p, text')].filter((el) => el.textContent?.trim()).map((el) => Number.parseFloat(getComputedStyle(el).fontSize) * scale);
		return { count: sizes.length, min: Math.min(...sizes) };
	});

/** WCAG contrast of every label against what is behind it: its own opaque background, else its node's shape. */
const labelContrasts = async (page: Page) => {
	await installWcag(page);
	return page.locator('figure.diagram svg').evaluate((svg) => {
		const { rgb, ratio } = (window as unknown as { wcag: Wcag }).wcag;
		const opaque = (el: Element | null): number[] | undefined => {
			for (let n = el; n && n.tagName !== 'foreignObject'; n = n.parentElement) {
				const c = rgb(getComputedStyle(n).backgroundColor);
				if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c;
			}
			return undefined;
		};
		return [...svg.querySelectorAll('foreignObject p, foreignObject span.nodeLabel')]
			.filter((el) => el.textContent?.trim())
			.map((el) => {
				const shape = el.closest('g.node')?.querySelector('rect, polygon, path');
				const behind = opaque(el) ?? (shape ? rgb(getComputedStyle(shape).fill) : rgb(getComputedStyle(svg.parentElement!).backgroundColor));
				return { text: el.textContent!.trim().slice(0, 30), ratio: Math.round(ratio(rgb(getComputedStyle(el).color), behind) * 100) / 100 };
			});
	});
};

describe.skipIf(skipBrowserTests())('diagrams', () => {
	const site = useBrowserSite(BUNDLED);

	for (const theme of ['light', 'dark'] as const)
		it(`phone, ${theme}: loads Mermaid near the diagram, draws it readable and named, scrolling sideways`, async () => {
			const { page, errors } = await site.open({ ...PHONE, colorScheme: theme });
			const mermaid: string[] = [];
			page.on('request', (r) => {
				if (/mermaid/i.test(r.url())) mermaid.push(r.url());
			});
			await page.goto(site.at(CHAPTER));
			await page.waitForLoadState('networkidle');
			// The diagram is far down the page: nothing of Mermaid has loaded.
			expect(mermaid).toEqual([]);
			expect(await page.locator('figure.diagram').getAttribute('data-rendered')).toBeNull();

			const view = await drawn(page);
			expect(mermaid.length).toBeGreaterThan(0);
			expect(await view.getAttribute('role')).toBe('img');
			expect(await view.getAttribute('aria-label')).toMatch(ALT);
			expect(await page.getByRole('img', { name: ALT }).count()).toBe(1);
			expect(await page.locator('figure.diagram pre.mermaid').isVisible()).toBe(false);

			const text = await smallestText(page);
			expect(text.count).toBeGreaterThan(5);
			expect(text.min).toBeGreaterThanOrEqual(12);
			// Wider than the phone: the frame scrolls (and says so, and can be scrolled by keyboard); the page does not.
			expect(await view.getAttribute('data-overflow')).not.toBeNull();
			expect(await view.getAttribute('tabindex')).toBe('0');
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
			const before = await view.evaluate((v) => v.scrollLeft);
			await view.focus();
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => view.evaluate((v) => v.scrollLeft)).toBeGreaterThan(before);

			for (const label of await labelContrasts(page)) expect(label.ratio, `${theme} "${label.text}"`).toBeGreaterThanOrEqual(4.5);
			expect(errors).toEqual([]);
		});

	it('desktop: fits the column when its text stays at 12 px or more, and redraws in the other theme', async () => {
		const { page, errors } = await site.open({ ...DESKTOP, colorScheme: 'light' });
		await page.goto(site.at(CHAPTER));
		const view = await drawn(page);
		expect(await view.getAttribute('data-overflow')).toBeNull();
		expect((await smallestText(page)).min).toBeGreaterThanOrEqual(12);
		const fill = () => page.locator('figure.diagram g.node rect').first().evaluate((r) => getComputedStyle(r).fill);
		const light = await fill();
		await page.getByRole('button', { name: 'Dark theme' }).click();
		await expect.poll(fill).not.toBe(light);
		for (const label of await labelContrasts(page)) expect(label.ratio, `dark "${label.text}"`).toBeGreaterThanOrEqual(4.5);
		expect(errors).toEqual([]);
	});

	it('without JavaScript shows the text alternative instead of the source', async () => {
		const { page } = await site.open({ ...PHONE, javaScriptEnabled: false });
		await page.goto(site.at(CHAPTER));
		const alt = page.locator('figure.diagram .diagram__alt');
		expect(await alt.isVisible()).toBe(true);
		expect(await alt.textContent()).toMatch(/^Diagram: Envelope encryption in five steps/);
		expect(await page.locator('figure.diagram pre.mermaid').isVisible()).toBe(false);
		expect(await page.getByText('flowchart TB').filter({ visible: true }).count()).toBe(0);
	});
});

describe.skipIf(skipBrowserTests())('diagrams under a base path', () => {
	const site = useBrowserSite({ build: 'metadata', base: '/docs/' });

	it('load the published Mermaid from <base>_course/mermaid/, never from _astro/, and draw', async () => {
		const { page, errors } = await site.open({ ...DESKTOP, colorScheme: 'light' });
		const scripts: { path: string; status: number }[] = [];
		page.on('response', (r) => {
			if (r.request().resourceType() === 'script') scripts.push({ path: new URL(r.url()).pathname, status: r.status() });
		});
		await page.goto(site.at('chapters/setup/'));
		await drawn(page);
		expect(await page.getByRole('img', { name: 'You run the commands on your own computer, and they reach your instances.' }).count()).toBe(1);
		const mermaid = scripts.filter((s) => s.path.startsWith(`/docs${MERMAID.folder}`));
		expect(mermaid[0]).toEqual({ path: `/docs${MERMAID.entry}`, status: 200 });
		// The entry, the chunks it imports and the flowchart's.
		expect(mermaid.length).toBeGreaterThan(3);
		expect(mermaid.filter((s) => s.status !== 200)).toEqual([]);
		// Vite's scripts are the site's own, small ones.
		expect(scripts.filter((s) => s.path.startsWith('/docs/_astro/') && /mermaid|chunk-|flowDiagram/i.test(s.path))).toEqual([]);
		expect(errors).toEqual([]);
	});
});
