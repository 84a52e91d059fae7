/**
 * The course model: everything the site's pages need that spans chapters (navigation, reading times, the
 * matrix, glossary and practice exam), derived once per build from the checked course and the fragments its
 * chapters rendered. Plain data. Drafts (`draft: true`) are checked but are not part of it.
 *
 * One model per locale: the course's own language, and each translation (course.yaml `locales:`), whose
 * chapters are the translations where they exist and the originals (`fallback`) where they do not yet. The
 * navigation — which chapters, in which order, which prerequisites — is always the originals'.
 */
import type { ChapterFacts } from '../check/chapter.ts';
import type { CourseCheck, TranslationCheck } from '../check/course.ts';
import { readingMinutes } from '../core/reading-time.ts';
import type { GlossaryEntry } from '../directives/types.ts';
import { endonym, type UiStrings, uiStrings } from '../i18n/index.ts';
import { fillTerms } from '../render/terms.ts';
import type { Owner, OwnershipSchema } from '../schema/ownership.ts';
import { SHARED } from '../schema/parties.ts';
import { editUrl } from '../config/repository.ts';

export interface ChapterSummary {
	slug: string;
	title: string;
	description: string;
	order: number;
	/** 1-based position in the course, for "Chapter N of M". */
	number: number;
	words: number;
	minutes: number;
	/** When the chapter last changed (YYYY-MM-DD): its `updated:`, else its file's last commit (./sources). */
	updated?: string;
	/** Where its source file is edited (course.yaml `repository:`). */
	editUrl?: string;
	concepts: string[];
	prerequisites: string[];
	next: string[];
	headings: { depth: number; text: string; id: string }[];
	/** The part (folder under chapters/) the chapter is in, if any. */
	part?: string;
	hasDiagram: boolean;
	owners: Owner[];
	quizCount: number;
	/** Whether the chapter has a flashcards set / an ownership exercise / tabs / code blocks (pages load those scripts only then). */
	hasFlashcards: boolean;
	hasExercise: boolean;
	hasTabs: boolean;
	hasCode: boolean;
	/** In a translation: the chapter is not translated (yet) and is shown in the course's own language. */
	fallback?: boolean;
}

export interface ControlSummary {
	id: string;
	title: string;
	owner: Owner;
	/** A shared control's parts, by party id. */
	split?: Record<string, string>;
	layer?: string;
	service: string;
	notes?: string;
	sources: string[];
	/** Other names learners use for it (`aliases:` in ownership.yaml: NACL, CMK), searchable on its record. */
	aliases: string[];
	taughtIn: { chapter: string; section?: string; sectionTitle?: string | undefined }[];
}

/** An owner as pages show it: a party (in the schema's order) or `shared`. */
export interface OwnerInfo {
	id: Owner;
	label: string;
	description?: string;
	/** The party's place in `parties:` (its colour and shape); -1 for `shared`. */
	index: number;
}

/** A locale of the site: the course's own language (prefix '') or a translation. */
export interface LocaleInfo {
	/** `<html lang>` and `hreflang`. */
	lang: string;
	/** URL segment: '' for the course's own language, else the tag (`/de/…`). */
	prefix: string;
	/** The language's own name, for the language switcher ("Deutsch"). */
	name: string;
}

export interface CourseModel {
	title: string;
	description: string;
	/** The language the pages of this model are written in. */
	language: string;
	/** This model's locale, and every locale of the site (the course's own first). */
	locale: LocaleInfo;
	locales: LocaleInfo[];
	/** The interface strings (src/i18n), with course.yaml's `ui:` applied. */
	ui: UiStrings;
	/** The parties, then `shared`, with the labels of this locale. */
	owners: OwnerInfo[];
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

/** What the build knows of the course's files besides their content: from git and course.yaml `repository:`. */
export interface CourseSources {
	/** The last commit date (YYYY-MM-DD) of each file, by path relative to the course folder. */
	commits?: ReadonlyMap<string, string>;
	/** Where course files are edited: this plus a file's course-relative path (src/config/repository.ts). */
	editBase?: string;
}

/** What a chapter rendered for other pages: its quizzes and flashcard backs, as HTML by id. */
export interface ChapterFragments {
	quizzes: Record<string, string>;
	terms: Record<string, string>;
}

/** The chapters that are part of the site: parsed, with valid frontmatter, not drafts, in course order. */
export function published(course: CourseCheck) {
	return course.chapters.filter(isPublished).sort((a, b) => a.frontmatter!.order - b.frontmatter!.order);
}

const isPublished = (c: ChapterFacts) => c.frontmatter !== undefined && !c.frontmatter.draft;

/** Every glossary term of a set of chapters by id (the first definition wins; conflicts are diagnostics). */
function glossaryMap(chapters: readonly ChapterFacts[]): Map<string, GlossaryEntry> {
	const map = new Map<string, GlossaryEntry>();
	for (const c of chapters) for (const t of c.terms) if (!map.has(t.id)) map.set(t.id, { id: t.id, front: t.front, text: t.back, chapter: c.slug });
	return map;
}

const glossaries = new WeakMap<CourseCheck, Map<string, GlossaryEntry>>();

/** Every glossary term of the course (its own language) by id. */
export function glossaryOf(course: CourseCheck): Map<string, GlossaryEntry> {
	let map = glossaries.get(course);
	if (!map) glossaries.set(course, (map = glossaryMap(published(course))));
	return map;
}

/** The chapters a translation shows, in course order: each original, or its published translation. */
export function localeChapters(course: CourseCheck, translation: TranslationCheck): { facts: ChapterFacts; original: ChapterFacts; fallback: boolean }[] {
	const translated = new Map(translation.chapters.filter(isPublished).map((c) => [c.slug, c]));
	return published(course).map((original) => {
		const facts = translated.get(original.slug);
		return { facts: facts ?? original, original, fallback: !facts };
	});
}

export function localesOf(course: CourseCheck): LocaleInfo[] {
	const own = course.config.language;
	return [{ lang: own, prefix: '', name: endonym(own) }, ...course.translations.map((t) => ({ lang: t.locale, prefix: t.locale, name: endonym(t.locale) }))];
}

const ownersOf = (schema: OwnershipSchema, ui: UiStrings): OwnerInfo[] => [
	...schema.parties.map((p, index) => ({ id: p.id, label: p.label, ...(p.description ? { description: p.description } : {}), index })),
	{ id: SHARED, label: typeof ui['owner.shared'] === 'string' ? ui['owner.shared'] : ui['owner.shared'].other, index: -1 },
];

export function buildCourseModel(course: CourseCheck, fragments: ReadonlyMap<string, { rendered?: ChapterFragments }>, sources: CourseSources = {}): CourseModel {
	// A broken course still gets a model (the dev server shows pages while errors are fixed).
	const shown = published(course).map((c) => ({ facts: c, original: c, fallback: false }));
	const locales = localesOf(course);
	const ui = uiStrings(course.config.language, course.config.ui);
	return assemble({ title: course.config.title, description: course.config.description, locale: locales[0]!, locales, ui, schema: course.schema, parts: course.parts, shown, fragments, sources });
}

/** The model of one translation's pages. */
export function buildLocaleModel(course: CourseCheck, translation: TranslationCheck, fragments: ReadonlyMap<string, { rendered?: ChapterFragments }>, sources: CourseSources = {}): CourseModel {
	const locales = localesOf(course);
	const ui = uiStrings(translation.locale, translation.config.ui);
	const partTitles = new Map(translation.parts.map((p) => [p.id, p.title]));
	return assemble({
		title: translation.config.title ?? course.config.title,
		description: translation.config.description ?? course.config.description,
		locale: locales.find((l) => l.prefix === translation.locale)!,
		locales,
		ui,
		schema: translation.display,
		// A part keeps its id; a translated _part.yaml gives it a title in this language.
		parts: course.parts.map((p) => ({ id: p.id, title: partTitles.get(p.id) ?? p.title })),
		shown: localeChapters(course, translation),
		fragments,
		sources,
	});
}

interface Assembly {
	title: string;
	description: string;
	locale: LocaleInfo;
	locales: LocaleInfo[];
	ui: UiStrings;
	schema: OwnershipSchema;
	parts: CourseCheck['parts'];
	shown: { facts: ChapterFacts; original: ChapterFacts; fallback: boolean }[];
	fragments: ReadonlyMap<string, { rendered?: ChapterFragments }>;
	sources: CourseSources;
}

function assemble({ title, description, locale, locales, ui, schema, parts, shown, fragments, sources }: Assembly): CourseModel {
	const chapters = shown.map((s) => s.facts);
	const glossary = glossaryMap(chapters);
	const headingTitle = new Map<string, string>();
	const summaries: ChapterSummary[] = shown.map(({ facts: c, original, fallback }, i) => {
		const fm = c.frontmatter!;
		const nav = original.frontmatter!;
		// The page shows the file it was made from: a translation's own, or the original where there is none yet.
		const updated = fm.updated ?? sources.commits?.get(c.rel);
		for (const h of c.headings) headingTitle.set(`${c.slug}#${h.id}`, h.text);
		return {
			slug: c.slug,
			title: fm.title,
			description: fm.description,
			order: nav.order,
			number: i + 1,
			words: c.words,
			minutes: readingMinutes(c.words),
			...(updated ? { updated } : {}),
			...(sources.editBase ? { editUrl: editUrl(sources.editBase, c.rel) } : {}),
			concepts: fm.concepts ?? [],
			prerequisites: nav.prerequisites ?? [],
			next: nav.next ?? [],
			headings: c.headings.filter((h) => h.depth === 2 || h.depth === 3).map(({ depth, text, id }) => ({ depth, text, id })),
			...(original.part ? { part: original.part } : {}),
			hasDiagram: c.diagrams.length > 0,
			owners: [...new Set(c.tags.map((t) => t.owner))].sort(),
			quizCount: c.quizzes.length,
			hasFlashcards: c.directives.includes('flashcards'),
			hasExercise: c.directives.includes('ownership-exercise'),
			hasTabs: c.directives.includes('tabs'),
			hasCode: c.codeBlocks > 0,
			...(fallback ? { fallback: true } : {}),
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
	const usedParts = new Set(shown.flatMap((s) => (s.original.part ? [s.original.part] : [])));
	// Fragments are shown on other pages: their term tooltips get the glossary's text there too.
	const fill = (html: string | undefined) => (html ? fillTerms(html, (id) => glossary.get(id)) : '');

	return {
		title,
		description,
		language: locale.lang,
		locale,
		locales,
		ui,
		owners: ownersOf(schema, ui),
		chapters: summaries,
		controls: [...schema.controls.values()].map((c) => ({
			id: c.id,
			title: c.title,
			owner: c.owner,
			...(c.split ? { split: c.split } : {}),
			...(c.layer ? { layer: c.layer } : {}),
			service: c.service,
			...(c.notes ? { notes: c.notes } : {}),
			sources: c.sources ?? [],
			aliases: c.aliases ?? [],
			taughtIn: taught.get(c.id) ?? [],
		})),
		services: [...schema.services.values()],
		parts: parts.filter((p) => usedParts.has(p.id)),
		glossary: chapters.flatMap((c) =>
			c.terms.filter((t) => glossary.get(t.id)?.chapter === c.slug).map((t) => ({ id: t.id, front: t.front, text: t.back, chapter: c.slug, html: fill(fragments.get(c.slug)?.rendered?.terms[t.id]) })),
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

/** A page's name for an owner, in this model's language. */
export const ownerLabel = (model: Pick<CourseModel, 'owners'>, owner: Owner) => model.owners.find((o) => o.id === owner)?.label ?? owner;
