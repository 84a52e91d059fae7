/**
 * Links between imported pages. A relative link that reaches another page (`./other.md#x`, `../guide/`) stays
 * relative and points at that page's new file (`./other.mdx#x`); an absolute link to a page of the source site
 * (`/guides/setup/`) becomes the chapter's route (`/chapters/setup/`). A link to a page that was not imported
 * becomes an absolute link to the source site when its address is known (`--site`), else it is a note.
 */
import path from 'node:path/posix';
import { sourceUrls } from './pages.ts';
import type { Flavour, PagePlan } from './types.ts';

/**
 * A converted target (with what to tell the author: a change made, or what is still left to do there), an
 * unchanged one, or one that could not be converted (left as written).
 */
export type LinkResult = { url: string; note?: string; cannot?: string } | { unchanged: true } | { problem: string };

const EXTERNAL = /^[a-z][a-z0-9+.-]*:|^\/\//i;

const normal = (p: string) => {
	const trimmed = p.replace(/\/index(\.mdx?)?$/, '').replace(/\/+$/, '');
	return trimmed === '' ? '/' : trimmed;
};

export interface LinkTable {
	resolve(from: PagePlan, url: string): LinkResult;
}

/**
 * `site`: the source site's address (`https://starlight.astro.build`), for links to pages left behind.
 * `titleAnchors`: the anchor of the heading each page loses to its title (a link to it goes to the page).
 * `book`: the pages are an mdBook's (its pages are .html files).
 */
export function linkTable(flavour: Flavour, plans: readonly PagePlan[], site?: string, titleAnchors: ReadonlyMap<string, string> = new Map(), book = false): LinkTable {
	const byFile = new Map(plans.map((p) => [p.source, p]));
	const byUrl = new Map<string, PagePlan>();
	for (const p of plans) for (const u of p.urls) if (!byUrl.has(normal(u).toLowerCase())) byUrl.set(normal(u).toLowerCase(), p);

	const anchor = (to: PagePlan, hash: string) => (titleAnchors.has(to.source) && hash === `#${titleAnchors.get(to.source)}` ? '' : hash);
	const relative = (from: PagePlan, to: PagePlan, hash: string) => {
		const rel = path.relative(path.dirname(from.dest), to.dest);
		return `${rel.startsWith('.') ? rel : `./${rel}`}${anchor(to, hash)}`;
	};
	const base = site && (site.endsWith('/') ? site : `${site}/`);
	const problem = (what: string): LinkResult => ({ problem: `${what} was not imported (pass --site <address of the source site> to link to the original)` });
	const leftBehind = (absolute: string, what: string): LinkResult => (base ? { url: new URL(absolute.replace(/^\//, ''), base).href } : problem(what));

	return {
		resolve(from, url) {
			if (!url || url.startsWith('#') || EXTERNAL.test(url)) return { unchanged: true };
			const cut = url.search(/[?#]/);
			let target = cut === -1 ? url : url.slice(0, cut);
			try {
				target = decodeURI(target);
			} catch {}
			const hash = cut === -1 ? '' : url.slice(url.indexOf('#') === -1 ? url.length : url.indexOf('#'));
			if (target.startsWith('/')) {
				const page = byUrl.get(normal(target).toLowerCase());
				if (page) return { url: `/chapters/${page.slug}/${anchor(page, hash)}` };
				return leftBehind(url, `the page at ${target}`);
			}
			if (!target) return { unchanged: true };
			// As a file path (Docusaurus: `./other.md`, `other.mdx`, `../folder/page`).
			const file = path.normalize(path.join(path.dirname(from.source), target)).replace(/\/$/, '');
			// A page's built file (mdBook links `other.html`) is that page too.
			const built = file.replace(/\.html?$/, '');
			for (const candidate of [file, `${file}.md`, `${file}.mdx`, `${file}/index.md`, `${file}/index.mdx`, `${file}/README.md`, ...(built !== file ? [`${built}.md`, `${built}.mdx`] : [])]) {
				const page = byFile.get(candidate);
				if (page) return { url: relative(from, page, hash) };
			}
			// As a URL relative to the page's own address (Starlight: `../other/` from /guides/this/).
			const resolved = new URL(target, `http://x${from.address}`).pathname;
			const page = byUrl.get(normal(resolved).toLowerCase());
			if (page) return { url: relative(from, page, hash) };
			if (/\.(png|jpe?g|gif|svg|webp|avif)$/i.test(target)) return { unchanged: true };
			// A page file that was not imported: the address the source site gave it (frontmatter unknown).
			if (/\.mdx?$/.test(file) && !file.startsWith('..')) return leftBehind(sourceUrls(flavour, { source: file, frontmatter: {} }, book)[0]! + (cut === -1 ? '' : url.slice(cut)), `the page at ${target}`);
			// Any other address, where the source site's page sent its readers (it may leave the site's folder).
			return base ? { url: new URL(url, new URL(from.address.slice(1), base)).href } : problem(`the page at ${target}`);
		},
	};
}
