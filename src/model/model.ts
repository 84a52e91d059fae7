/**
 * The course model: everything the site's pages need that spans chapters (navigation, reading times, the
 * matrix, glossary and practice exam), derived once per build from the checked course and the fragments its
 * chapters rendered. Plain data. Drafts (`draft: true`) are checked but are not part of it.
 */
import type { CourseCheck } from '../check/course.ts';
import type { GlossaryEntry } from '../directives/types.ts';
import type { Owner } from '../schema/ownership.ts';
import { readingMinutes } from '../core/reading-time.ts';
import { fillTerms } from '../render/terms.ts';

export interface ChapterSummary {
	slug: string;
	title: string;
	description: string;
	order: number;
	/** 1-based position in the course, for "Chapter N of M". */
	number: number;
	words: number;
	minutes: number;
	updated?: string;
	concepts: string[];
	prerequisites: string[];
	next: string[];
	headings: { depth: number; text: string; id: string }[];
	/** The part (folder under chapters/) the chapter is in, if any. */
	part?: string;
	hasDiagram: boolean;
	owners: Owner[];
	quizCount: number;
	/** Whether the chapter has a flashcards set / an ownership exercise / tabs (pages load those scripts only then). */
	hasFlashcards: boolean;
	hasExercise: boolean;
	hasTabs: boolean;
}

export interface ControlSummary {
	id: string;
	title: string;
	owner: Owner;
	split?: { aws: string; customer: string };
	layer?: string;
	service: string;
	notes?: string;
	sources: string[];
	taughtIn: { chapter: string; section?: string; sectionTitle?: string | undefined }[];
}

export interface CourseModel {
	title: string;
	description: string;
	language: string;
	chapters: ChapterSummary[];
	controls: ControlSummary[];
	services: { id: string; title: string; model?: string | undefined }[];
	parts: { id: string; title: string }[];
	glossary: (GlossaryEntry & { html: string })[];
	quizzes: QuizSummary[];
}

export interface QuizSummary {
	id: string;
	chapter: string;
	/** The heading the quiz is under. */
	section?: string;
	/** The section that teaches it (src/check/teaching.ts): where the practice exam's review links go. */
	teaches?: string;
	owner?: Owner;
	html: string;
}

/** What a chapter rendered for other pages: its quizzes and flashcard backs, as HTML by id. */
export interface ChapterFragments {
	quizzes: Record<string, string>;
	terms: Record<string, string>;
}


const glossaries = new WeakMap<CourseCheck, Map<string, GlossaryEntry>>();

/** Every glossary term of the course by id (the first definition wins; conflicts are diagnostics). */
export function glossaryOf(course: CourseCheck): Map<string, GlossaryEntry> {
	let map = glossaries.get(course);
	if (map) return map;
	map = new Map<string, GlossaryEntry>();
	for (const c of published(course)) for (const t of c.terms) if (!map.has(t.id)) map.set(t.id, { id: t.id, front: t.front, text: t.back, chapter: c.slug });
	glossaries.set(course, map);
	return map;
}

/** The chapters that are part of the site: parsed, with valid frontmatter, not drafts, in course order. */
export function published(course: CourseCheck) {
	return course.chapters.filter((c) => c.frontmatter && !c.frontmatter.draft).sort((a, b) => a.frontmatter!.order - b.frontmatter!.order);
}

export function buildCourseModel(course: CourseCheck, fragments: ReadonlyMap<string, { rendered?: ChapterFragments }>): CourseModel {
	// A broken course still gets a model (the dev server shows pages while errors are fixed).
	const chapters = published(course);
	const glossaryMap = glossaryOf(course);
	const headingTitle = new Map<string, string>();
	const summaries: ChapterSummary[] = chapters.map((c, i) => {
		const fm = c.frontmatter!;
		for (const h of c.headings) headingTitle.set(`${c.slug}#${h.id}`, h.text);
		return {
			slug: c.slug,
			title: fm.title,
			description: fm.description,
			order: fm.order,
			number: i + 1,
			words: c.words,
			minutes: readingMinutes(c.words),
			...(fm.updated ? { updated: fm.updated } : {}),
			concepts: fm.concepts ?? [],
			prerequisites: fm.prerequisites ?? [],
			next: fm.next ?? [],
			headings: c.headings.filter((h) => h.depth === 2 || h.depth === 3).map(({ depth, text, id }) => ({ depth, text, id })),
			...(c.part ? { part: c.part } : {}),
			hasDiagram: c.diagrams.length > 0,
			owners: [...new Set(c.tags.map((t) => t.owner))].sort(),
			quizCount: c.quizzes.length,
			hasFlashcards: c.directives.includes('flashcards'),
			hasExercise: c.directives.includes('ownership-exercise'),
			hasTabs: c.directives.includes('tabs'),
		};
	});

	const taught = new Map<string, ControlSummary['taughtIn']>();
	for (const c of chapters)
		for (const t of c.tags) {
			const list = taught.get(t.ref) ?? [];
			if (!list.some((x) => x.chapter === c.slug && x.section === t.section))
				list.push({ chapter: c.slug, ...(t.section ? { section: t.section, sectionTitle: headingTitle.get(`${c.slug}#${t.section}`) } : {}) });
			taught.set(t.ref, list);
		}
	const usedParts = new Set(chapters.flatMap((c) => (c.part ? [c.part] : [])));
	// Fragments are shown on other pages: their term tooltips get the glossary's text there too.
	const fill = (html: string | undefined) => (html ? fillTerms(html, (id) => glossaryMap.get(id)) : '');

	return {
		title: course.config.title,
		description: course.config.description,
		language: course.config.language ?? 'en',
		chapters: summaries,
		controls: [...course.schema.controls.values()].map((c) => ({
			id: c.id,
			title: c.title,
			owner: c.owner,
			...(c.split ? { split: c.split } : {}),
			...(c.layer ? { layer: c.layer } : {}),
			service: c.service,
			...(c.notes ? { notes: c.notes } : {}),
			sources: c.sources ?? [],
			taughtIn: taught.get(c.id) ?? [],
		})),
		services: [...course.schema.services.values()],
		parts: course.parts.filter((p) => usedParts.has(p.id)),
		glossary: chapters.flatMap((c) =>
			c.terms.filter((t) => glossaryMap.get(t.id)?.chapter === c.slug).map((t) => ({ id: t.id, front: t.front, text: t.back, chapter: c.slug, html: fill(fragments.get(c.slug)?.rendered?.terms[t.id]) })),
		),
		quizzes: chapters.flatMap((c) =>
			c.quizzes.map((q) => ({
				id: q.id,
				chapter: c.slug,
				...(q.section ? { section: q.section } : {}),
				...(q.teaches ? { teaches: q.teaches } : {}),
				...(q.owner ? { owner: q.owner } : {}),
				html: fill(fragments.get(c.slug)?.rendered?.quizzes[q.id]),
			})),
		),
	};
}
