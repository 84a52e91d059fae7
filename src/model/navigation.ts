/** Pure helpers for navigation: previous/next and the bounded sidebar window. */
import type { ChapterSummary, CourseModel } from './model.ts';

export const SIDEBAR_ALL = 30;
export const SIDEBAR_WINDOW = 7;

const indexes = new WeakMap<readonly ChapterSummary[], Map<string, number>>();

/** Where a chapter is in the list, in constant time (pages ask for every chapter of a 10,000-chapter course). */
export function positionOf(chapters: readonly ChapterSummary[], slug: string): number {
	let index = indexes.get(chapters);
	if (!index) indexes.set(chapters, (index = new Map(chapters.map((c, i) => [c.slug, i]))));
	return index.get(slug) ?? -1;
}

export const chapterBySlug = (chapters: readonly ChapterSummary[], slug: string): ChapterSummary | undefined => chapters[positionOf(chapters, slug)];

export function sidebarWindow(chapters: ChapterSummary[], current: string) {
	if (chapters.length <= SIDEBAR_ALL) return { items: chapters, before: 0, after: 0 };
	const at = Math.max(0, positionOf(chapters, current));
	const from = Math.max(0, Math.min(at - SIDEBAR_WINDOW, chapters.length - 2 * SIDEBAR_WINDOW - 1));
	const to = Math.min(chapters.length, from + 2 * SIDEBAR_WINDOW + 1);
	return { items: chapters.slice(from, to), before: from, after: chapters.length - to };
}

/** What navigation shows of a chapter: nothing else of its summary reaches another chapter's page. */
export interface ChapterLink {
	slug: string;
	number: number;
	title: string;
	description: string;
	part?: string;
}

const linkOf = (c: ChapterSummary): ChapterLink => ({ slug: c.slug, number: c.number, title: c.title, description: c.description, ...(c.part ? { part: c.part } : {}) });

/**
 * Everything a chapter page shows of the other chapters: its sidebar window, its neighbours, the chapters it
 * names as prerequisites and "read next". The page and the sidebar read this, and the page's incremental-build
 * key (./page-key.ts) is made from it, so an edit to one chapter re-renders only the pages that show it.
 */
export function chapterNavigation(chapters: ChapterSummary[], slug: string) {
	const self = chapterBySlug(chapters, slug);
	const { items, before, after } = sidebarWindow(chapters, slug);
	const { prev, next } = neighbours(chapters, slug);
	const linked = (slugs: readonly string[]) => slugs.map((s) => chapterBySlug(chapters, s)).filter((c) => c !== undefined).map(linkOf);
	return {
		total: chapters.length,
		window: { items: items.map(linkOf), before, after },
		prev: prev && linkOf(prev),
		next: next && linkOf(next),
		prerequisites: linked(self?.prerequisites ?? []),
		readNext: linked(self?.next ?? []),
	};
}

export function neighbours(chapters: ChapterSummary[], slug: string) {
	const i = positionOf(chapters, slug);
	return { prev: i > 0 ? chapters[i - 1] : undefined, next: i >= 0 && i < chapters.length - 1 ? chapters[i + 1] : undefined };
}

export function formatDate(iso: string, locale = 'en'): string {
	const d = new Date(`${iso}T00:00:00Z`);
	return d.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** `75` → "1 h 15 min", `40` → "40 min". */
export function formatDuration(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
}

/** The glossary by term id, built once per model: every chapter page fills its terms from it. */
const glossaries = new WeakMap<CourseModel, ReadonlyMap<string, CourseModel['glossary'][number]>>();
export function glossaryById(model: CourseModel): ReadonlyMap<string, CourseModel['glossary'][number]> {
	let map = glossaries.get(model);
	if (!map) glossaries.set(model, (map = new Map(model.glossary.map((g) => [g.id, g]))));
	return map;
}
