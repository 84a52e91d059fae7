/**
 * What a built page makes the browser load: the HTML, its scripts (external, inline and modulepreloaded, plus
 * every module they import statically), its stylesheets, and which modules it could load later through
 * dynamic `import()` (including the published Mermaid, which the diagram loader imports by a URL it builds at
 * run time: a module that names its path reaches it). One analyser, used by the benchmark (page weights) and
 * by tests/budgets.test.ts (the budgets), so both measure the same thing.
 *
 *   const w = analysePage('/tmp/dist', 'chapters/alpha/index.html');
 *   w.js.gzip  // bytes of JavaScript the page runs on load, gzip-compressed
 *
 * Pagefind's bundle (`<base>pagefind/…`) is left out: our search script inserts it on first use only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { initSync, parse as parseModule } from 'es-module-lexer';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { MERMAID as PUBLISHED_MERMAID, withBase } from '../../src/core/routes.ts';

export interface Asset {
	/** The URL as written in the page (or `inline`). */
	url: string;
	bytes: number;
	gzip: number;
	/** How the page reaches it: a tag in the HTML, or a static import of another module. */
	via: 'script' | 'inline-script' | 'modulepreload' | 'import' | 'stylesheet' | 'inline-style';
	inHead: boolean;
}

export interface ImageInfo {
	src: string;
	width?: string;
	height?: string;
	loading?: string;
}

export interface PageWeight {
	page: string;
	html: { bytes: number; gzip: number };
	/** Scripts run on load (inline and external, with their static imports). */
	js: { bytes: number; gzip: number; assets: Asset[] };
	css: { bytes: number; gzip: number; assets: Asset[] };
	/** Modules the page may load later with `import()` (not counted in js). */
	lazy: string[];
	/** Scripts and reachable modules (static or dynamic) whose name or code mentions Mermaid; empty on a page without diagrams. */
	mermaid: string[];
	/** Scripts and stylesheets in <head> served from another origin (render-blocking third parties). */
	external: string[];
	images: ImageInfo[];
}

/**
 * Images that would shift the layout while loading (no width or height) or load before they are needed (no
 * `loading="lazy"`), as `page: src — what is missing`.
 */
export function imageProblems(w: PageWeight): string[] {
	const problems: string[] = [];
	for (const img of w.images) {
		const missing = [!/^\d+$/.test(img.width ?? '') && 'width', !/^\d+$/.test(img.height ?? '') && 'height', img.loading !== 'lazy' && 'loading="lazy"'].filter(Boolean);
		if (missing.length) problems.push(`${w.page}: ${img.src} — no ${missing.join(', no ')}`);
	}
	return problems;
}

const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
const isExternal = (url: string) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url);
const MERMAID = /mermaid/i;
/** A module of Mermaid's, or one that mentions it: by its code, its file name, or its place in the published Mermaid. */
const isMermaid = (code: string, file: string, url: string) => MERMAID.test(code) || MERMAID.test(path.basename(file)) || url.includes(PUBLISHED_MERMAID.folder);

let lexerReady = false;

/**
 * @param distDir the built site
 * @param pageFile the page, relative to distDir (e.g. `chapters/alpha/index.html`)
 * @param base the site's base path (`/` or `/course/`), to map URLs to files
 */
export function analysePage(distDir: string, pageFile: string, base = '/'): PageWeight {
	if (!lexerReady) {
		initSync();
		lexerReady = true;
	}
	const html = fs.readFileSync(path.join(distDir, pageFile), 'utf8');
	const tree = fromHtml(html);
	const pageUrl = `${base}${pageFile.replace(/index\.html$/, '')}`;
	const toFile = (url: string): string | undefined => {
		const u = new URL(url, `http://site${pageUrl}`);
		if (u.host !== 'site' || !u.pathname.startsWith(base)) return undefined;
		const file = path.join(distDir, decodeURIComponent(u.pathname.slice(base.length)));
		return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
	};
	const isPagefind = (url: string) => new URL(url, `http://site${pageUrl}`).pathname.startsWith(`${base}pagefind/`);

	const result: PageWeight = { page: pageFile, html: { bytes: Buffer.byteLength(html), gzip: gz(html) }, js: { bytes: 0, gzip: 0, assets: [] }, css: { bytes: 0, gzip: 0, assets: [] }, lazy: [], mermaid: [], external: [], images: [] };
	const seenModules = new Set<string>();
	const lazy = new Set<string>();

	/** Count a module and everything it imports statically; note what it imports dynamically. */
	const addModule = (url: string, via: Asset['via'], inHead: boolean) => {
		const file = toFile(url);
		if (!file || seenModules.has(file)) return;
		seenModules.add(file);
		const code = fs.readFileSync(file, 'utf8');
		result.js.assets.push({ url, bytes: Buffer.byteLength(code), gzip: gz(code), via, inHead });
		if (isMermaid(code, file, url)) result.mermaid.push(url);
		followImports(code, new URL(url, `http://site${pageUrl}`).pathname, inHead);
		// The diagram loader imports the published Mermaid (src/integration/mermaid.ts) by a URL it builds at run time.
		if (code.includes(PUBLISHED_MERMAID.entry)) lazy.add(withBase(base, PUBLISHED_MERMAID.entry));
	};
	const followImports = (code: string, fromPath: string, inHead: boolean) => {
		for (const spec of importsOf(code)) {
			const target = new URL(spec.url, `http://site${fromPath}`).pathname;
			if (spec.dynamic) lazy.add(target);
			else addModule(target, 'import', inHead);
		}
	};

	walk(tree, false, (el, inHead) => {
		const p = el.properties;
		if (el.tagName === 'script') {
			const type = String(p.type ?? '').toLowerCase();
			if (!JS_TYPES.has(type)) return;
			const src = p.src === undefined ? undefined : String(p.src);
			if (src !== undefined) {
				if (isExternal(src) && inHead) result.external.push(src);
				if (!isPagefind(src)) addModule(src, 'script', inHead);
				return;
			}
			const code = textOf(el);
			result.js.assets.push({ url: 'inline', bytes: Buffer.byteLength(code), gzip: gz(code), via: 'inline-script', inHead });
			if (MERMAID.test(code)) result.mermaid.push('inline');
			if (type === 'module') followImports(code, pageUrl, inHead);
		} else if (el.tagName === 'link') {
			const rel = (Array.isArray(p.rel) ? p.rel : [p.rel]).map((r) => String(r).toLowerCase());
			const href = p.href === undefined ? '' : String(p.href);
			if (rel.includes('stylesheet')) {
				if (isExternal(href) && inHead) result.external.push(href);
				const file = toFile(href);
				if (file) {
					const css = fs.readFileSync(file);
					result.css.assets.push({ url: href, bytes: css.length, gzip: gz(css), via: 'stylesheet', inHead });
				}
			} else if (rel.includes('modulepreload') && !isPagefind(href)) addModule(href, 'modulepreload', inHead);
		} else if (el.tagName === 'style') {
			const css = textOf(el);
			result.css.assets.push({ url: 'inline', bytes: Buffer.byteLength(css), gzip: gz(css), via: 'inline-style', inHead });
		} else if (el.tagName === 'img') {
			result.images.push({ src: String(p.src ?? ''), ...(p.width !== undefined ? { width: String(p.width) } : {}), ...(p.height !== undefined ? { height: String(p.height) } : {}), ...(p.loading !== undefined ? { loading: String(p.loading) } : {}) });
		}
	});

	// Modules only reachable dynamically: what the page could load later (and whether any of it is Mermaid).
	const lazySeen = new Set<string>();
	const visitLazy = (urlPath: string) => {
		const file = toFile(urlPath);
		if (!file || seenModules.has(file) || lazySeen.has(file)) return;
		lazySeen.add(file);
		result.lazy.push(urlPath);
		const code = fs.readFileSync(file, 'utf8');
		if (isMermaid(code, file, urlPath)) result.mermaid.push(urlPath);
		for (const spec of importsOf(code)) visitLazy(new URL(spec.url, `http://site${urlPath}`).pathname);
	};
	for (const l of lazy) visitLazy(l);

	// Totals: gzip per file, as a server compresses each response on its own.
	for (const kind of [result.js, result.css]) {
		kind.bytes = kind.assets.reduce((n, a) => n + a.bytes, 0);
		kind.gzip = kind.assets.reduce((n, a) => n + a.gzip, 0);
	}
	return result;
}

/** Static and dynamic imports of a module (only literal specifiers; computed ones cannot be followed). */
export function importsOf(code: string): { url: string; dynamic: boolean }[] {
	if (!lexerReady) {
		initSync();
		lexerReady = true;
	}
	let imports: ReturnType<typeof parseModule>[0];
	try {
		[imports] = parseModule(code);
	} catch {
		return [];
	}
	const out: { url: string; dynamic: boolean }[] = [];
	for (const i of imports) {
		// t: 1 static import/export-from, 2 dynamic import(); n is undefined when the specifier is computed.
		if (!i.n || (i.t !== 1 && i.t !== 2)) continue;
		out.push({ url: i.n, dynamic: i.t === 2 });
	}
	return out;
}

function walk(node: Root | Nodes, inHead: boolean, visit: (el: Element, inHead: boolean) => void) {
	if (node.type === 'element') {
		visit(node, inHead);
		if (node.tagName === 'head') inHead = true;
		if (node.tagName === 'template' && node.content) walk(node.content, inHead, visit);
	}
	if ('children' in node) for (const child of node.children) walk(child, inHead, visit);
}

function textOf(el: Element): string {
	return el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
}
