/**
 * Runs real Pagefind queries in Node against a built site: the generated `pagefind/pagefind.js` and its
 * WebAssembly, with `fetch` taught to read `file:` URLs (Node's fetch does not). Nothing is mocked but I/O.
 */
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SEARCH_RANKING } from '../../src/scripts/search.ts';

export interface PagefindHit {
	url: string;
	title: string;
	filters: Record<string, string[]>;
	meta: Record<string, string>;
	excerpt: string;
	subResults: { url: string; title: string }[];
}

let patched = false;
function patchFetch() {
	if (patched) return;
	patched = true;
	const realFetch = globalThis.fetch;
	globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		if (url.startsWith('file:')) return new Response(fs.readFileSync(fileURLToPath(url.split('?')[0]!)));
		return realFetch(input, init);
	}) as typeof fetch;
}

/**
 * `lang`: search as a page of that language does (Pagefind picks its index by `<html lang>`); without it,
 * Pagefind's own choice for a page without a language (the largest index).
 */
export async function searchSite(distDir: string, query: string, filters?: Record<string, string[]>, lang?: string): Promise<PagefindHit[]> {
	patchFetch();
	// A query string makes each site (and language) its own module instance (pagefind.js keeps state per module).
	const pf = await import(`${pathToFileURL(`${distDir}/pagefind/pagefind.js`).href}?site=${encodeURIComponent(distDir)}${lang ? `&lang=${lang}` : ''}`);
	// The ranking the site's search box uses.
	await pf.options({ basePath: pathToFileURL(`${distDir}/pagefind/`).href, baseUrl: '/', ranking: SEARCH_RANKING });
	// pagefind.js reads the page's language from `document` when it first searches: give it the one it would see.
	const page = globalThis as { document?: unknown };
	const had = 'document' in page;
	if (lang && !had) page.document = { querySelector: (s: string) => (s === 'html' ? { getAttribute: (a: string) => (a === 'lang' ? lang : null) } : null) };
	let response: { results: unknown[] };
	try {
		response = await pf.search(query, filters ? { filters } : {});
	} finally {
		if (lang && !had) delete page.document;
	}
	return Promise.all(
		(response.results as { data(): Promise<never> }[]).map(async (r: { data(): Promise<{ url: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]>; sub_results: { url: string; title: string }[] }> }) => {
			const d = await r.data();
			return { url: d.url, title: d.meta.title ?? '', filters: d.filters, meta: d.meta, excerpt: d.excerpt, subResults: d.sub_results.map((s) => ({ url: s.url, title: s.title })) };
		}),
	);
}
