/**
 * The sitemap of a site with an address (course.yaml `site:`), by @astrojs/sitemap: every page but the 404 and
 * the review page (a learner's own queue, drawn in the browser: nothing for a search engine), each translated page linked to its other languages (`xhtml:link`), each chapter with the date it was last
 * changed (`lastmod`: its `updated:` or its last commit). Added by the integration; a project that added
 * @astrojs/sitemap itself keeps its own.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { routes, splitLocale } from '../core/routes.ts';
import type { LoadedCourse } from '../loader/pipeline.ts';
import { chapterBySlug } from '../model/navigation.ts';

export function courseSitemap(course: LoadedCourse): AstroIntegration {
	const [own, ...translations] = course.model.locales;
	const prefixes = translations.map((l) => l.prefix);
	const models = new Map([['', course.model], ...course.locales.map((l): [string, typeof course.model] => [l.locale, l.model])]);
	return sitemap({
		// Keys are a URL's first segment: a translation's tag, else the course's own language (served at the root).
		...(translations.length ? { i18n: { defaultLocale: own!.lang, locales: Object.fromEntries([[own!.lang, own!.lang], ...translations.map((l) => [l.prefix, l.lang])]) } } : {}),
		filter: (page) => !isReviewPage(new URL(page).pathname, course.base, prefixes),
		serialize(item) {
			const updated = chapterUpdated(new URL(item.url).pathname, course.base, prefixes, models);
			return updated ? { ...item, lastmod: updated } : item;
		},
	});
}

/** The `updated` date of the chapter a page path shows (`/base/de/chapters/x/`), if it is a chapter page. */
export function chapterUpdated(pathname: string, base: string, prefixes: readonly string[], models: ReadonlyMap<string, LoadedCourse['model']>): string | undefined {
	if (!pathname.startsWith(base)) return undefined;
	const { prefix, path } = splitLocale(`/${pathname.slice(base.length)}`, prefixes);
	const [before, after] = routes.chapter('\0').split('\0') as [string, string];
	const slug = path.startsWith(before) && path.endsWith(after) ? path.slice(before.length, path.length - after.length) : undefined;
	const model = models.get(prefix);
	return slug && model ? chapterBySlug(model.chapters, slug)?.updated : undefined;
}

/** Is a page path the review page of some language (`/base/review/`, `/base/de/review/`)? */
export function isReviewPage(pathname: string, base: string, prefixes: readonly string[]): boolean {
	return pathname.startsWith(base) && splitLocale(`/${pathname.slice(base.length)}`, prefixes).path === routes.review;
}
