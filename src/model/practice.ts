/**
 * The practice pages: one per chapter with questions or flashcards (`/practice/<slug>/`), so no page carries
 * the whole course. Each question links to the section that teaches it; the exam (`/practice/`) and the
 * review session (`/review/`) load these pages when they need a chapter's questions or cards.
 */
import { routes } from '../core/routes.ts';
import type { Ui } from '../i18n/index.ts';
import type { Owner } from '../schema/ownership.ts';
import type { ChapterSummary, CourseModel } from './model.ts';

export interface PracticeQuestion {
	id: string;
	chapter: string;
	owner?: Owner;
	html: string;
	/** Site-relative link (without the locale) to the section that teaches it (or to the chapter when none does). */
	href: string;
	/** "Chapter 2: Logging › Where trails deliver", in the page's language. */
	source: string;
}

export interface PracticeChapter {
	chapter: ChapterSummary;
	questions: number;
	cards: number;
}

/**
 * A model's quizzes and terms by chapter, worked out once per model: every practice page asks for its own, and a
 * scan of the whole course per page would make a course of N chapters cost N² (10,000 chapters: minutes).
 */
const byChapter = new WeakMap<CourseModel, { quizzes: Map<string, CourseModel['quizzes']>; terms: Map<string, CourseModel['glossary']>; chapters: PracticeChapter[]; at: Map<string, number> }>();

function indexOf(model: CourseModel) {
	let index = byChapter.get(model);
	if (index) return index;
	const quizzes = Map.groupBy(model.quizzes.filter((q) => q.html), (q) => q.chapter);
	const terms = Map.groupBy(model.glossary, (t) => t.chapter);
	const chapters = model.chapters
		.map((chapter) => ({ chapter, questions: quizzes.get(chapter.slug)?.length ?? 0, cards: terms.get(chapter.slug)?.length ?? 0 }))
		.filter((p) => p.questions > 0 || p.cards > 0);
	index = { quizzes, terms, chapters, at: new Map(chapters.map((p, i) => [p.chapter.slug, i])) };
	byChapter.set(model, index);
	return index;
}

export function practiceQuestions(model: CourseModel, chapter: ChapterSummary, ui: Pick<Ui, 't'>): PracticeQuestion[] {
	return (indexOf(model).quizzes.get(chapter.slug) ?? [])
		.map((q) => {
			const section = q.teaches ? chapter.headings.find((h) => h.id === q.teaches) : undefined;
			return {
				id: q.id,
				chapter: chapter.slug,
				...(q.owner ? { owner: q.owner } : {}),
				html: q.html,
				href: `${routes.chapter(chapter.slug)}${section ? `#${section.id}` : ''}`,
				source: `${ui.t('chapter.numbered', { number: chapter.number, title: chapter.title })}${section ? ` › ${section.text}` : ''}`,
			};
		});
}

/** The glossary terms a chapter defines (its flashcards), in the chapter's order. */
export const practiceCards = (model: CourseModel, chapter: ChapterSummary) => indexOf(model).terms.get(chapter.slug) ?? [];

/** Chapters with a practice page (questions or flashcards), in course order, with their counts. */
export function practiceChapters(model: CourseModel): PracticeChapter[] {
	return indexOf(model).chapters;
}

/** Where a chapter is in `practiceChapters` (-1 when it has no practice page), without a scan. */
export const practiceIndexOf = (model: CourseModel, slug: string): number => indexOf(model).at.get(slug) ?? -1;

