/**
 * Loads a chapter's practice page (`/practice/<slug>/`, src/routes/practice/[slug].astro) and reads its
 * questions and flashcards out of it, for the exam and the review session. The page is this site's own
 * sanitized HTML from the same origin; DOMParser never runs scripts in what it parses. A translation's pages
 * load the practice pages of their own locale (`base` is the locale's, e.g. `/course/de/`).
 */
import type { Translate } from './ui.ts';

export interface ChapterInfo {
	slug: string;
	number: number;
	title: string;
	/** "Chapter 2: Logging", as the page's language writes it. */
	label: string;
}

export interface LoadedQuestion {
	id: string;
	chapter: ChapterInfo;
	/** The quiz's owner tag (a party of the schema, or `shared`), or undefined. */
	owner?: string;
	/** The owner's label as the page writes it (the badge in the answer). */
	ownerLabel?: string;
	/** The section that teaches it. */
	source: { href: string; label: string };
	/** The `.quiz` element, not yet in the document: callers import and enhance it. */
	quiz: HTMLElement;
}

export interface LoadedCard {
	term: string;
	chapter: ChapterInfo;
	front: string;
	/** The back's nodes, not yet in the document. */
	back: Node[];
}

export interface PracticePage {
	chapter: ChapterInfo;
	questions: LoadedQuestion[];
	cards: LoadedCard[];
}

export const practiceUrl = (base: string, slug: string) => `${base}practice/${encodeURIComponent(slug)}/`;

/** Read a parsed practice page. Pure DOM work, so it can be tested on any document. */
export function readPracticePage(doc: Document, slug: string): PracticePage {
	const root = doc.querySelector<HTMLElement>('[data-practice][data-chapter]');
	const title = doc.querySelector('[data-chapter-title]')?.textContent?.trim() || slug;
	const chapter: ChapterInfo = { slug, number: Number(root?.dataset.chapterNumber) || 0, title, label: root?.dataset.chapterLabel || title };
	const questions = [...doc.querySelectorAll<HTMLElement>('[data-practice-question]')].flatMap((article) => {
		const quiz = article.querySelector<HTMLElement>('.quiz[data-quiz]');
		const source = article.querySelector<HTMLAnchorElement>('[data-practice-source]');
		if (!quiz) return [];
		const owner = quiz.dataset.owner;
		const ownerLabel = quiz.querySelector('.quiz__owner .badge')?.textContent?.trim();
		return [{ id: quiz.dataset.quiz ?? '', chapter, ...(owner ? { owner } : {}), ...(ownerLabel ? { ownerLabel } : {}), source: { href: source?.getAttribute('href') ?? '', label: source?.textContent ?? chapter.title }, quiz }];
	});
	const cards = [...doc.querySelectorAll<HTMLElement>('li.flashcard[data-term]')].map((li) => ({
		term: li.dataset.term ?? '',
		chapter,
		front: li.querySelector('.flashcard__front')?.textContent?.trim() ?? '',
		back: [...(li.querySelector('.flashcard__back')?.childNodes ?? [])],
	}));
	return { chapter, questions, cards };
}

/** A practice page that did not load: `status` 404 means the chapter is gone (PageMissing). */
export class PageError extends Error {
	readonly slug: string;
	readonly status: number;
	constructor(slug: string, status: number) {
		super(`Practice page of "${slug}": HTTP ${status}`);
		this.slug = slug;
		this.status = status;
	}
}
export class PageMissing extends PageError {}

/** What went wrong, for the learner, in the page's language; a network failure says the browser's own words. */
export function loadErrorText(error: unknown, t: Translate): string {
	if (error instanceof PageMissing) return t('exam.pageMissing', { chapter: error.slug });
	if (error instanceof PageError) return t('exam.pageFailed', { chapter: error.slug, status: String(error.status) });
	return error instanceof Error ? error.message : String(error);
}

const pages = new Map<string, Promise<PracticePage>>();

/** Fetch and read a chapter's practice page (once per page view). A 404 is PageMissing: the chapter is gone. */
export function loadPracticePage(base: string, slug: string): Promise<PracticePage> {
	let page = pages.get(slug);
	if (!page) {
		page = fetch(practiceUrl(base, slug)).then(async (response) => {
			if (response.status === 404) throw new PageMissing(slug, 404);
			if (!response.ok) throw new PageError(slug, response.status);
			return readPracticePage(new DOMParser().parseFromString(await response.text(), 'text/html'), slug);
		});
		// A failed load may succeed later (the network came back): do not cache the failure.
		page.catch(() => pages.delete(slug));
		pages.set(slug, page);
	}
	return page;
}
