/**
 * Checks a whole course, in three steps that the build, the dev server and the CLI share:
 *
 *   prepareCourse   course.yaml, ownership.yaml and which files are chapters (once)
 *   (each chapter)  checkChapter — here in-process; the loader (src/loader) adds caching, threads and rendering
 *   finishCourse    the rules that need every chapter: study path, quiz ids, glossary, terms, links, diagrams
 *
 * `checkCourse` runs all three in-process and keeps each chapter's tree (for tests and tools).
 *
 * A course with translations (`locales:`) prepares each one too (its course.yaml, its ownership.yaml, its
 * chapters): translated chapters are checked like the originals, against the same schema, and the course
 * rules run for each locale as its readers see it (./rules/translations.ts).
 */
import fs from 'node:fs';
import type { Root } from 'mdast';
import path from 'node:path';
import { type CourseConfig, limitsOf, loadCourseConfig, loadTranslationConfig, type TranslationConfig } from '../config/course.ts';
import { type ContentPolicy, resolvePolicy } from '../config/policy.ts';
import { type Diagnostic, sortDiagnostics } from '../core/diagnostics.ts';
import type { Limits } from '../core/limits.ts';
import { schemaFile } from '../core/paths.ts';
import { uiStrings, UI_KEY_LIST } from '../i18n/index.ts';
import { loadOwnershipSchema, type OwnershipSchema } from '../schema/ownership.ts';
import { loadSchemaTranslation } from '../schema/translation.ts';
import { type ChapterEnv, type ChapterFacts, checkChapter, type PageEnv } from './chapter.ts';
import { type ChapterSource, discoverChapters, discoverTranslations, type PartInfo } from './discover.ts';
import { ALL_COURSE_RULES } from './rules/index.ts';
import { checkTranslation } from './rules/translations.ts';
import { applySeverity } from './severity.ts';

export interface PreparedCourse {
	courseDir: string;
	config: CourseConfig;
	schema: OwnershipSchema;
	policy: ContentPolicy;
	limits: Limits;
	/** The chapters in the course's own language. */
	sources: ChapterSource[];
	parts: PartInfo[];
	/** One per `locales:` entry, in that order. */
	translations: PreparedTranslation[];
	/** Problems in course.yaml, ownership.yaml and the file layout. */
	diagnostics: Diagnostic[];
	/** Files read besides the chapters (course.yaml, ownership.yaml, a translation's own two). */
	configFiles: number;
}

export interface PreparedTranslation {
	locale: string;
	/** locales/<tag>/ */
	dir: string;
	config: TranslationConfig;
	/** The schema with the translation's words (the owners are the original's). */
	display: OwnershipSchema;
	sources: ChapterSource[];
	parts: PartInfo[];
}

/** A checked translation: what the locale's pages are made of. */
export interface TranslationCheck {
	locale: string;
	config: TranslationConfig;
	display: OwnershipSchema;
	parts: PartInfo[];
	/** The translated chapters (chapters without a translation are shown from the originals). */
	chapters: (ChapterFacts & { tree?: Root })[];
}

export interface CourseCheck {
	courseDir: string;
	config: CourseConfig;
	schema: OwnershipSchema;
	policy: ContentPolicy;
	parts: PartInfo[];
	/** Every chapter, in file order; `tree` only when the check kept it. */
	chapters: (ChapterFacts & { tree?: Root })[];
	/** The translations, in the order of `locales:`. */
	translations: TranslationCheck[];
	diagnostics: Diagnostic[];
	/** Files read (schema, course.yaml, chapters). */
	files: number;
}

export interface ChapterResult {
	facts: ChapterFacts;
	diagnostics: Diagnostic[];
}

export function prepareCourse(courseDir: string): PreparedCourse {
	const diagnostics: Diagnostic[] = [];
	const { config, diagnostics: configProblems } = loadCourseConfig(courseDir, { uiKeys: UI_KEY_LIST });
	diagnostics.push(...configProblems);
	const { schema, diagnostics: schemaProblems } = loadOwnershipSchema(schemaFile(courseDir));
	diagnostics.push(...schemaProblems);
	const { chapters: sources, parts } = discoverChapters(courseDir, diagnostics);
	let configFiles = 2;
	const translations = discoverTranslations(courseDir, config.locales ?? [], sources, diagnostics).map((found): PreparedTranslation => {
		const courseYaml = path.join(found.dir, 'course.yaml');
		const ownershipYaml = path.join(found.dir, 'ownership.yaml');
		configFiles += [courseYaml, ownershipYaml].filter((f) => fs.existsSync(f)).length;
		const { config: translated, diagnostics: configProblems } = loadTranslationConfig(courseYaml, { uiKeys: UI_KEY_LIST });
		diagnostics.push(...configProblems);
		// A schema that did not load has one error of its own; its translation cannot be compared with it.
		const display = schema.loaded ? loadSchemaTranslation(ownershipYaml, schema) : { schema, diagnostics: [] };
		diagnostics.push(...display.diagnostics);
		return { locale: found.locale, dir: found.dir, config: translated, display: display.schema, sources: found.chapters, parts: found.parts };
	});
	return { courseDir, config, schema, policy: resolvePolicy(config.policy), limits: limitsOf(config), sources, parts, translations, diagnostics, configFiles };
}

/** How the pages of a locale (or, without one, of the course's own language) show chapters. */
export function pageEnv(prepared: PreparedCourse, translation?: PreparedTranslation): PageEnv {
	if (!translation) return { lang: prepared.config.language, ui: uiStrings(prepared.config.language, prepared.config.ui), schema: prepared.schema, prefix: '' };
	return { lang: translation.locale, ui: uiStrings(translation.locale, translation.config.ui), schema: translation.display, prefix: translation.locale };
}

/**
 * What a chapter is checked and rendered with. `translation`: the chapter is shown on that locale's pages;
 * `written` says whether it is written in that locale's language (a translation) or is an original shown
 * there untranslated.
 */
export function chapterEnv(prepared: PreparedCourse, translation?: PreparedTranslation, written = true): ChapterEnv {
	return {
		courseDir: prepared.courseDir,
		schema: prepared.schema,
		policy: prepared.policy,
		limits: prepared.limits,
		rules: prepared.config.rules,
		language: translation && written ? translation.locale : prepared.config.language,
		page: pageEnv(prepared, translation),
	};
}

type Result = ChapterResult & { tree?: Root };

export function finishCourse(prepared: PreparedCourse, results: Result[], translated: ReadonlyMap<string, Result[]> = new Map()): CourseCheck {
	const diagnostics = [...prepared.diagnostics];
	const facts = (list: Result[]) => list.map((r) => (r.tree ? { ...r.facts, tree: r.tree } : r.facts));
	for (const r of results) diagnostics.push(...r.diagnostics);
	const translations = prepared.translations.map((t): TranslationCheck => {
		const list = translated.get(t.locale) ?? [];
		for (const r of list) diagnostics.push(...r.diagnostics);
		return { locale: t.locale, config: t.config, display: t.display, parts: t.parts, chapters: facts(list) };
	});
	const chapters = facts(results);
	const files = chapters.length + prepared.configFiles + translations.reduce((n, t) => n + t.chapters.length, 0);
	const course: CourseCheck = { courseDir: prepared.courseDir, config: prepared.config, schema: prepared.schema, policy: prepared.policy, parts: prepared.parts, chapters, translations, diagnostics, files };
	for (const rule of ALL_COURSE_RULES) rule(course);
	for (const t of translations) checkTranslation(course, t);
	course.diagnostics = sortDiagnostics(applySeverity(dedupe(course.diagnostics), prepared.config.rules));
	return course;
}

/** Check a course in-process, keeping each chapter's tree. */
export function checkCourse(courseDir: string): CourseCheck {
	const prepared = prepareCourse(courseDir);
	const check = (source: ChapterSource, env: ChapterEnv): Result => {
		const checked = checkChapter(source, readBytes(source.file), env);
		return { facts: checked.facts, diagnostics: checked.diagnostics, ...(checked.tree ? { tree: checked.tree } : {}) };
	};
	const env = chapterEnv(prepared);
	const results = prepared.sources.map((source) => check(source, env));
	const translated = new Map(prepared.translations.map((t) => [t.locale, t.sources.map((source) => check(source, chapterEnv(prepared, t)))]));
	return finishCourse(prepared, results, translated);
}

export const readBytes = (file: string): Uint8Array => fs.readFileSync(file);

/** The same problem reported twice (two rules, one cause) is one line. */
function dedupe(list: Diagnostic[]): Diagnostic[] {
	const seen = new Set<string>();
	return list.filter((d) => {
		const key = `${d.file}\0${d.line}\0${d.column}\0${d.ruleId}\0${d.message}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
