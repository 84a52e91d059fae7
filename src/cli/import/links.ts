/**
 * Links between imported pages. A relative link that reaches another page (`./other.md#x`, `../guide/`) stays
 * relative and points at that page's new file (`./other.mdx#x`); an absolute link to a page of the source site
 * (`/guides/setup/`) becomes the chapter's route (`/chapters/setup/`). A link to a page that was not imported
 * becomes an absolute link to the source site when its address is known (`--site`), else it is a note.
 */
import path from 'node:path/posix';
import { sourceUrls } from './pages.ts';
import type { Flavour, PagePlan } from './types.ts';

export type LinkResult = { url: string } | { unchanged: true } | { problem: string };

const EXTERNAL = /^[a-z][a-z0-9+.-]*:|^\/\//i;

const normal = (p: string) => {
	const trimmed = p.replace(/\/index(\.mdx?)?$/, '').replace(/\/+$/, '');
	return trimmed === '' ? '/' : trimmed;
};

export interface LinkTable {
	resolve(from: PagePlan, url: string): LinkResult;
}

/** `site`: the source site's address (`https://starlight.astro.build`), for links to pages left behind. */
export function linkTable(flavour: Flavour, plans: readonly PagePlan[], site?: string): LinkTable {
	const byFile = new Map(plans.map((p) => [p.source, p]));
	const byUrl = new Map<string, PagePlan>();
	for (const p of plans) for (const u of p.urls) if (!byUrl.has(normal(u).toLowerCase())) byUrl.set(normal(u).toLowerCase(), p);

	const relative = (from: PagePlan, to: PagePlan, hash: string) => {
		const rel = path.relative(path.dirname(from.dest), to.dest);
		return `${rel.startsWith('.') ? rel : `./${rel}`}${hash}`;
	};
	const leftBehind = (absolute: string, what: string): LinkResult =>
		site ? { url: new URL(absolute.replace(/^\//, ''), site.endsWith('/') ? site : `${site}/`).href } : { problem: `${what} was not imported (pass --site <address of the source site> to link to the original)` };

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
				if (page) return { url: `/chapters/${page.slug}/${hash}` };
				return leftBehind(url, `the page at ${target}`);
			}
			if (!target) return { unchanged: true };
			// As a file path (Docusaurus: `./other.md`, `other.mdx`, `../folder/page`).
			const file = path.normalize(path.join(path.dirname(from.source), target)).replace(/\/$/, '');
			for (const candidate of [file, `${file}.md`, `${file}.mdx`, `${file}/index.md`, `${file}/index.mdx`, `${file}/README.md`]) {
				const page = byFile.get(candidate);
				if (page) return { url: relative(from, page, hash) };
			}
			// As a URL relative to the page's own address (Starlight: `../other/` from /guides/this/).
			const here = `${from.urls[0] === '/' ? '' : from.urls[0]}/`;
			const resolved = new URL(target, `http://x${here}`).pathname;
			const page = byUrl.get(normal(resolved).toLowerCase());
			if (page) return { url: relative(from, page, hash) };
			if (/\.(png|jpe?g|gif|svg|webp|avif)$/i.test(target)) return { unchanged: true };
			// A page file that was not imported: the address the source site gave it (frontmatter unknown).
			const address = /\.mdx?$/.test(file) && !file.startsWith('..') ? sourceUrls(flavour, { source: file, frontmatter: {} })[0]! : resolved;
			return leftBehind(address + (cut === -1 ? '' : url.slice(cut)), `the page at ${target}`);
		},
	};
}
