/**
 * Every URL and anchor of a course site, defined once. The link rule checks against these, the renderers and
 * the search index write them, and the pages are served at them. Paths here are site-relative (`/matrix/`);
 * `withBase` adds the deploy base path (`/my-course/matrix/`).
 */
export const routes = {
	home: '/',
	chapter: (slug: string) => `/chapters/${slug}/`,
	matrix: '/matrix/',
	glossary: '/glossary/',
	practice: '/practice/',
	/** One chapter's questions and flashcards: read without JavaScript, loaded on demand by the exam and review. */
	practiceChapter: (slug: string) => `/practice/${slug}/`,
	review: '/review/',
} as const;

/** The default social-card image (OpenGraph, Twitter) of a site with an address, published by the integration. */
export const SOCIAL_IMAGE = { path: '/_course/social.png', width: 1200, height: 630 } as const;

/**
 * Mermaid's prebuilt ES module build, published as it is (src/integration/mermaid.ts) on sites with a diagram:
 * `folder` holds `entry` and the chunks it imports, at their paths relative to it.
 */
export const MERMAID = { folder: '/_course/mermaid/', entry: '/_course/mermaid/mermaid.esm.min.mjs' } as const;

/** Anchors inside pages: quizzes and terms on chapter pages (and the practice exam and glossary), controls and services on the matrix. */
export const anchors = {
	quiz: (id: string) => `quiz-${id}`,
	term: (id: string) => `term-${id}`,
	control: (id: string) => id,
	service: (service: string) => `service-${service}`,
} as const;

/**
 * A page of a locale: the course's own language is served at the site root (`/matrix/`), each translation
 * under its tag (`/de/matrix/`). `prefix` is the tag, or '' for the course's own language.
 */
export const localePath = (prefix: string, sitePath: string) => (prefix ? `/${prefix}${sitePath}` : sitePath);

/** The locale segment a site path starts with, among `prefixes`, and the path without it. */
export function splitLocale(sitePath: string, prefixes: readonly string[]): { prefix: string; path: string } {
	const first = sitePath.split('/')[1] ?? '';
	return prefixes.includes(first) && first ? { prefix: first, path: sitePath.slice(first.length + 1) || '/' } : { prefix: '', path: sitePath };
}

/** The deploy base (always `/` or `/path/`) plus a site-relative path (`/x/`). */
export const withBase = (base: string, sitePath: string) => (base === '/' ? sitePath : `${base}${sitePath.replace(/^\//, '')}`);

/** Normalise a base path to `/`, `/a/` or `/a/b/`. Validation (no `//`, no backslash) is course.yaml's job. */
export const normaliseBase = (base: string) => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/** A base path that is safe to put in front of every URL: an absolute path, nothing that could name another host. */
export const BASE_PATTERN = /^\/(?:[A-Za-z0-9._~-]+\/)*(?:[A-Za-z0-9._~-]+)?\/?$/;
