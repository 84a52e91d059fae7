/**
 * Measurements in a real browser (Debian's Chromium through playwright-core): what a learner's browser fetches
 * to run a first search. The site is served gzip-compressed by scripts/lib/serve.ts, the cache is off, and
 * the bytes are the response bodies as the server sent them (compressed where a host would compress), headers
 * not included.
 */
import { chromium } from 'playwright-core';
import { serveSite } from '../lib/serve.ts';

export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface Fetch {
	url: string;
	bytes: number;
}

export interface SearchCost {
	query: string;
	/** Bytes sent after the search was opened: UI, Pagefind runtime, wasm, index, fragments. */
	bytes: number;
	requests: Fetch[];
	results: number;
	/** Bytes for the page itself before search, for context. */
	pageBytes: number;
}

/** Open `page`, open the search with `/`, type `query`, wait for the results, and count what was fetched. */
export async function searchCost(distDir: string, page: string, query: string, base = '/'): Promise<SearchCost> {
	const server = await serveSite(distDir, { base, gzip: true });
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
	try {
		const context = await browser.newContext();
		const tab = await context.newPage();
		let searchFrom = 0;
		let lastActivity = Date.now();
		// Context-level events include Pagefind's web worker, which fetches the wasm and the index.
		context.on('request', () => {
			lastActivity = Date.now();
		});
		context.on('requestfinished', () => {
			lastActivity = Date.now();
		});
		await tab.goto(server.url + page, { waitUntil: 'networkidle' });
		searchFrom = server.log.length;
		await tab.keyboard.press('/');
		const input = tab.locator('pagefind-input input, input[type="search"]').first();
		await input.waitFor({ state: 'visible', timeout: 15_000 });
		await input.fill(query);
		// Results render after Pagefind's debounce and fetches; then wait for the network to stay quiet.
		await tab.locator('pagefind-results li').first().waitFor({ state: 'attached', timeout: 30_000 });
		while (Date.now() - lastActivity < 1500) await tab.waitForTimeout(250);
		const results = await tab.locator('pagefind-results li').count();
		// The server's count of body bytes sent (the browser's own count misses the worker's fetches).
		const search = server.log.slice(searchFrom);
		return {
			query,
			bytes: search.reduce((n, f) => n + f.bytes, 0),
			requests: search.map(({ path, bytes }) => ({ url: path, bytes })),
			results,
			pageBytes: server.log.slice(0, searchFrom).reduce((n, f) => n + f.bytes, 0),
		};
	} finally {
		await browser.close();
		await server.close();
	}
}
