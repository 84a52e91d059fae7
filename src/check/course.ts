/**
 * Checks a whole course, in three steps that the build, the dev server and the CLI share:
 *
 *   prepareCourse   course.yaml, ownership.yaml and which files are chapters (once)
 *   (each chapter)  checkChapter — here in-process; the loader (src/loader) adds caching, threads and rendering
 *   finishCourse    the rules that need every chapter: study path, quiz ids, glossary, terms, links, diagrams
 *
 * `checkCourse` runs all three in-process and keeps each chapter's tree (for tests and tools).
 */
import fs from 'node:fs';
import type { Root } from 'mdast';
import { type CourseConfig, limitsOf, loadCourseConfig } from '../config/course.ts';
import { type ContentPolicy, resolvePolicy } from '../config/policy.ts';
import { type Diagnostic, sortDiagnostics } from '../core/diagnostics.ts';
import type { Limits } from '../core/limits.ts';
import { schemaFile } from '../core/paths.ts';
import { loadOwnershipSchema, type OwnershipSchema } from '../schema/ownership.ts';
import { type ChapterEnv, type ChapterFacts, checkChapter } from './chapter.ts';
import { type ChapterSource, discoverChapters, type PartInfo } from './discover.ts';
import { ALL_COURSE_RULES } from './rules/index.ts';
import { applySeverity } from './severity.ts';

export interface PreparedCourse {
	courseDir: string;
	config: CourseConfig;
	schema: OwnershipSchema;
	policy: ContentPolicy;
	limits: Limits;
	sources: ChapterSource[];
	parts: PartInfo[];
	/** Problems in course.yaml, ownership.yaml and the file layout. */
	diagnostics: Diagnostic[];
}

export interface CourseCheck {
	courseDir: string;
	config: CourseConfig;
	schema: OwnershipSchema;
	policy: ContentPolicy;
	parts: PartInfo[];
	/** Every chapter, in file order; `tree` only when the check kept it. */
	chapters: (ChapterFacts & { tree?: Root })[];
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
	const { config, diagnostics: configProblems } = loadCourseConfig(courseDir);
	diagnostics.push(...configProblems);
	const { schema, diagnostics: schemaProblems } = loadOwnershipSchema(schemaFile(courseDir));
	diagnostics.push(...schemaProblems);
	const { chapters: sources, parts } = discoverChapters(courseDir, diagnostics);
	return { courseDir, config, schema, policy: resolvePolicy(config.policy), limits: limitsOf(config), sources, parts, diagnostics };
}

export const chapterEnv = (prepared: PreparedCourse): ChapterEnv => ({ courseDir: prepared.courseDir, schema: prepared.schema, policy: prepared.policy, limits: prepared.limits, rules: prepared.config.rules });

export function finishCourse(prepared: PreparedCourse, results: (ChapterResult & { tree?: Root })[]): CourseCheck {
	const diagnostics = [...prepared.diagnostics];
	for (const r of results) diagnostics.push(...r.diagnostics);
	const chapters = results.map((r) => (r.tree ? { ...r.facts, tree: r.tree } : r.facts));
	const course: CourseCheck = { courseDir: prepared.courseDir, config: prepared.config, schema: prepared.schema, policy: prepared.policy, parts: prepared.parts, chapters, diagnostics, files: chapters.length + 2 };
	for (const rule of ALL_COURSE_RULES) rule(course);
	course.diagnostics = sortDiagnostics(applySeverity(dedupe(course.diagnostics), prepared.config.rules));
	return course;
}

/** Check a course in-process, keeping each chapter's tree. */
export function checkCourse(courseDir: string): CourseCheck {
	const prepared = prepareCourse(courseDir);
	const env = chapterEnv(prepared);
	const results = prepared.sources.map((source) => {
		const checked = checkChapter(source, readBytes(source.file), env);
		return { facts: checked.facts, diagnostics: checked.diagnostics, ...(checked.tree ? { tree: checked.tree } : {}) };
	});
	return finishCourse(prepared, results);
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
