/**
 * Load every page of a built site in Chromium and record what a payload would leave behind: the flag
 * payloads set (`window.__pwned`), a changed `document.title`, dialogs (`alert`), and requests to other
 * origins (which are blocked, so nothing leaves the machine).
 */
import path from 'node:path';
import { launchBrowser } from '../helpers/browser.ts';
import { serveSite } from '../../scripts/lib/serve.ts';
import { sitePages } from './runner.ts';

export interface PageReport {
	/** Site path under the base: `chapters/x/`, `` for the home page. */
	page: string;
	status: number | undefined;
	pwned: unknown;
	/** The title in the served HTML (parsed without running scripts) and after the page ran. */
	titleServed: string;
	titleAfter: string;
	dialogs: string[];
	/** `type url` of every request to another origin that could run or style something (not images). */
	crossOrigin: string[];
	h1: string | null;
	images: { alt: string | null; width: string | null; height: string | null; loading: string | null }[];
}

export async function visitSite(outDir: string, base: string): Promise<PageReport[]> {
	const server = await serveSite(path.resolve(outDir), { base });
	const browser = await launchBrowser();
	const reports: PageReport[] = [];
	try {
		const context = await browser.newContext();
		const crossOrigin: string[] = [];
		await context.route('**/*', (route) => {
			const url = new URL(route.request().url());
			if (url.origin === server.origin || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
			const type = route.request().resourceType();
			if (type !== 'image' && type !== 'media') crossOrigin.push(`${type} ${url.href}`);
			return route.abort();
		});
		for (const page of sitePages(outDir)) {
			const tab = await context.newPage();
			const dialogs: string[] = [];
			tab.on('dialog', (d) => {
				dialogs.push(`${d.type()}: ${d.message()}`);
				void d.dismiss();
			});
			crossOrigin.length = 0;
			const url = new URL(page, server.url).href;
			const response = await tab.goto(url, { waitUntil: 'networkidle' });
			// Diagrams are drawn only near the screen: bring each one there, so its labels are rendered (and judged) too.
			const figures = tab.locator('figure[data-diagram]');
			for (let i = 0; i < (await figures.count()); i++) {
				await figures.nth(i).scrollIntoViewIfNeeded();
				// A diagram that fails to draw keeps its text alternative; what counts is that nothing ran.
				await figures.nth(i).and(tab.locator('[data-rendered]')).waitFor({ timeout: 15_000 }).catch(() => {});
			}
			const seen = await tab.evaluate(async (u) => {
				const served = new DOMParser().parseFromString(await (await fetch(u)).text(), 'text/html').title;
				return {
					pwned: (window as unknown as { __pwned?: unknown }).__pwned,
					titleServed: served,
					titleAfter: document.title,
					h1: document.querySelector('h1')?.textContent?.trim() ?? null,
					images: [...document.querySelectorAll('img')].map((i) => ({ alt: i.getAttribute('alt'), width: i.getAttribute('width'), height: i.getAttribute('height'), loading: i.getAttribute('loading') })),
				};
			}, url);
			reports.push({ page, status: response?.status(), ...seen, dialogs, crossOrigin: [...crossOrigin] });
			await tab.close();
		}
		await context.close();
	} finally {
		await browser.close();
		await server.close();
	}
	return reports;
}
