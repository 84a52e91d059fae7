/**
 * Plans where each page of a Starlight or Docusaurus site goes in the course: its file name (the chapter's
 * slug, from `slug:`, a Docusaurus `id:` or the file name), its folder (folders are kept: each becomes a part
 * of the course), its `order` (the source sidebar's order, numbered through the whole course) and the URLs
 * the source site served it at (to convert absolute links). Pure: the caller reads the files.
 */
import path from 'node:path/posix';
import { slugify } from '../../core/paths.ts';
import type { Flavour, PagePlan } from './types.ts';

export interface SourcePage {
	/** Path in the source folder with `/` separators. */
	source: string;
	frontmatter: Record<string, unknown>;
	/** The page's place in a table of contents kept outside it (mdBook's SUMMARY.md). */
	position?: number;
}

/** A Docusaurus `_category_.json`/`.yml`: the folder's sidebar label and position. */
export interface Category {
	label?: string;
	position?: number;
}

/** `01-intro` → 1 and `intro`: Docusaurus orders by such prefixes and leaves them out of ids and URLs. */
const NUMBER_PREFIX = /^(\d+)[-_. ]+(?=.)/;

const stripPrefix = (flavour: Flavour, segment: string) => (flavour === 'docusaurus' ? segment.replace(NUMBER_PREFIX, '') : segment);
const isIndex = (flavour: Flavour, stem: string) => stem === 'index' || (flavour === 'docusaurus' && /^readme$/i.test(stem));
const slugOr = (s: string, fallback: string) => slugify(s) || fallback;
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The position the source sidebar gives a page: `sidebar.order` (Starlight), `sidebar_position` or a number prefix (Docusaurus). */
export function sidebarPosition(flavour: Flavour, page: SourcePage): number | undefined {
	const fm = page.frontmatter;
	if (page.position !== undefined) return page.position;
	if (flavour === 'starlight') return num((fm.sidebar as { order?: unknown } | undefined)?.order);
	const prefix = NUMBER_PREFIX.exec(path.basename(page.source))?.[1];
	return num(fm.sidebar_position) ?? (prefix ? Number(prefix) : undefined);
}

/** URL paths (no trailing slash, `/` for the root) the source site served the page at. */
export function sourceUrls(flavour: Flavour, page: SourcePage, book = false): string[] {
	const dir = path.dirname(page.source) === '.' ? [] : path.dirname(page.source).split('/');
	const stem = path.basename(page.source).replace(/\.mdx?$/, '');
	// mdBook writes each page as an .html file beside the others (README and index as index.html).
	if (book) return isIndex('docusaurus', stem) ? [`/${[...dir, 'index.html'].join('/')}`, `/${dir.join('/')}`] : [`/${[...dir, `${stem}.html`].join('/')}`];
	const slug = typeof page.frontmatter.slug === 'string' ? page.frontmatter.slug.trim() : undefined;
	const clean = (p: string) => `/${p.split('/').filter(Boolean).join('/')}`;
	if (flavour === 'starlight') {
		if (slug !== undefined) return [clean(slug)];
		const parts = [...dir, ...(isIndex(flavour, stem) ? [] : [stem])].map((s) => s.toLowerCase().replace(/\s+/g, '-'));
		return [clean(parts.join('/'))];
	}
	const folders = dir.map((s) => stripPrefix(flavour, s));
	const id = typeof page.frontmatter.id === 'string' ? page.frontmatter.id : stripPrefix(flavour, stem);
	const docPath = slug !== undefined ? (slug.startsWith('/') ? slug : [...folders, slug].join('/')) : [...folders, ...(isIndex(flavour, stem) ? [] : [id])].join('/');
	// Docusaurus serves docs under /docs/ by default; sites with routeBasePath '/' serve them at the root.
	return [clean(`docs/${docPath}`), clean(docPath)];
}

/** The chapter file name a page gets, before making it unique. */
function baseSlug(flavour: Flavour, page: SourcePage): string {
	const stem = path.basename(page.source).replace(/\.mdx?$/, '');
	const folder = path.basename(path.dirname(page.source));
	const slug = typeof page.frontmatter.slug === 'string' ? page.frontmatter.slug.split('/').filter(Boolean).at(-1) : undefined;
	if (slug) return slugOr(slug, 'page');
	if (typeof page.frontmatter.slug === 'string') return 'index';
	if (flavour === 'docusaurus' && typeof page.frontmatter.id === 'string') return slugOr(page.frontmatter.id, 'page');
	if (isIndex(flavour, stem)) return folder && folder !== '.' ? slugOr(stripPrefix(flavour, folder), 'index') : 'index';
	return slugOr(stripPrefix(flavour, stem), 'page');
}

/**
 * The part a source folder becomes: its names as one slug, since parts are one folder deep
 * (`01-Guides/Markdown Features` → `guides-markdown-features`).
 */
export const destFolder = (flavour: Flavour, folder: string) =>
	folder === '.' || folder === '' ? '' : folder.split('/').map((s) => slugOr(stripPrefix(flavour, s), 'part')).join('-');

type Key = [number, string][];

/** Sort key: at each folder level the folder's position and name, then the page's; index pages come first. */
function sortKey(flavour: Flavour, page: SourcePage, categories: ReadonlyMap<string, Category>): Key {
	const dir = path.dirname(page.source) === '.' ? [] : path.dirname(page.source).split('/');
	const key: Key = dir.map((segment, i) => {
		const folder = dir.slice(0, i + 1).join('/');
		const prefix = flavour === 'docusaurus' ? NUMBER_PREFIX.exec(segment)?.[1] : undefined;
		return [categories.get(folder)?.position ?? (prefix ? Number(prefix) : Infinity), segment];
	});
	const stem = path.basename(page.source).replace(/\.mdx?$/, '');
	key.push(isIndex(flavour, stem) ? [-Infinity, ''] : [sidebarPosition(flavour, page) ?? Infinity, stem]);
	return key;
}

function compareKeys(a: Key, b: Key): number {
	for (let i = 0; i < Math.min(a.length, b.length); i++) {
		const [pa, na] = a[i]!;
		const [pb, nb] = b[i]!;
		// A page and a folder at the same level compare by position, then name (a folder's key goes on deeper).
		if (pa !== pb) return pa < pb ? -1 : 1;
		if (na !== nb) return na.localeCompare(nb);
	}
	return a.length - b.length;
}

/** Where every page goes. File names are unique in the whole course (chapter URLs are flat). `book`: an mdBook's pages. */
export function planPages(flavour: Flavour, pages: readonly SourcePage[], categories: ReadonlyMap<string, Category> = new Map(), book = false): PagePlan[] {
	const sorted = [...pages].sort((a, b) => compareKeys(sortKey(flavour, a, categories), sortKey(flavour, b, categories)) || a.source.localeCompare(b.source));
	const taken = new Set<string>();
	return sorted.map((page, i) => {
		const folder = destFolder(flavour, path.dirname(page.source));
		const folders = path.dirname(page.source) === '.' ? [] : path.dirname(page.source).split('/').map((s) => slugOr(stripPrefix(flavour, s), 'part'));
		let slug = baseSlug(flavour, page);
		// Two pages with one name (guides/setup, reference/setup): prefix the folders, then count.
		for (let depth = folders.length - 1; taken.has(slug) && depth >= 0; depth--) slug = `${folders.slice(depth).join('-')}-${baseSlug(flavour, page)}`;
		for (let n = 2, base = slug; taken.has(slug); n++) slug = `${base}-${n}`;
		taken.add(slug);
		const urls = sourceUrls(flavour, page, book);
		// Relative links resolve against the page's address: a folder's (`/guides/setup/`) or a file's (mdBook).
		const address = book ? urls[0]! : `${urls[0] === '/' ? '' : urls[0]}/`;
		return { source: page.source, dest: [...(folder ? [folder] : []), `${slug}.mdx`].join('/'), slug, urls, address, order: i + 1 };
	});
}
