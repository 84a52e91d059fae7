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

export function practiceQuestions(model: CourseModel, chapter: ChapterSummary, ui: Pick<Ui, 't'>): PracticeQuestion[] {
	return model.quizzes
		.filter((q) => q.chapter === chapter.slug && q.html)
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
export const practiceCards = (model: CourseModel, chapter: ChapterSummary) => model.glossary.filter((t) => t.chapter === chapter.slug);

/** Chapters with a practice page (questions or flashcards), in course order, with their counts. */
export function practiceChapters(model: CourseModel): PracticeChapter[] {
	const questions = new Map<string, number>();
	const cards = new Map<string, number>();
	for (const q of model.quizzes) if (q.html) questions.set(q.chapter, (questions.get(q.chapter) ?? 0) + 1);
	for (const t of model.glossary) cards.set(t.chapter, (cards.get(t.chapter) ?? 0) + 1);
	return model.chapters
		.map((chapter) => ({ chapter, questions: questions.get(chapter.slug) ?? 0, cards: cards.get(chapter.slug) ?? 0 }))
		.filter((p) => p.questions > 0 || p.cards > 0);
}
