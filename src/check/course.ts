/**
 * Checks a whole course: the schema once, every chapter once, then the rules that need all chapters
 * (study path, duplicate quiz ids, glossary, terms, links). The CLI, the Astro build and the dev server all
 * call this one function.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type CourseConfig, loadCourseConfig } from '../config/course.ts';
import { chaptersDir, schemaFile } from '../core/paths.ts';
import { loadOwnershipSchema, type OwnershipSchema } from '../schema/ownership.ts';
import { type ChapterFacts, checkChapter } from './chapter.ts';
import { diagnostic, type Diagnostic, sortDiagnostics } from '../core/diagnostics.ts';
import { ALL_COURSE_RULES } from './rules/index.ts';
import { resolvePolicy } from '../config/policy.ts';

export interface CourseCheck {
	courseDir: string;
	config: CourseConfig;
	schema: OwnershipSchema;
	chapters: ChapterFacts[];
	diagnostics: Diagnostic[];
	/** Files read (schema, course.yaml, chapters). */
	files: number;
}

export function checkCourse(courseDir: string): CourseCheck {
	const diagnostics: Diagnostic[] = [];
	const { config, diagnostics: configProblems } = loadCourseConfig(courseDir);
	diagnostics.push(...configProblems);
	const { schema, diagnostics: schemaProblems } = loadOwnershipSchema(schemaFile(courseDir));
	diagnostics.push(...schemaProblems);

	const dir = chaptersDir(courseDir);
	let names: string[] = [];
	try {
		names = fs.readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort();
	} catch {
		diagnostics.push(diagnostic(dir, undefined, 'course-config', 'The course has no chapters/ folder', 'Create chapters/ in the course folder with one .mdx file per chapter.'));
	}
	const policy = resolvePolicy(config.policy);
	const chapters = names.map((name) => {
		const file = path.join(dir, name);
		return checkChapter(file, readUtf8(file, diagnostics), schema, diagnostics, policy);
	});
	const course: CourseCheck = { courseDir, config, schema, chapters, diagnostics, files: chapters.length + 2 };
	for (const rule of ALL_COURSE_RULES) rule(course);
	course.diagnostics = sortDiagnostics(diagnostics);
	return course;
}

/** Read a chapter as UTF-8; a file that is not UTF-8 is a diagnostic at the line of the first bad byte. */
function readUtf8(file: string, diagnostics: Diagnostic[]): string {
	const bytes = fs.readFileSync(file);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		const good = bytes.subarray(0, firstInvalidUtf8(bytes));
		const line = good.toString('latin1').split('\n').length;
		diagnostics.push(diagnostic(file, { line, column: 1 }, 'parse-error', 'The file is not valid UTF-8', 'Save the file with UTF-8 encoding (most editors: “Save with encoding…” → UTF-8).'));
		return '';
	}
}

function firstInvalidUtf8(bytes: Uint8Array): number {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let lo = 0;
	let hi = bytes.length;
	// Binary search for the longest valid prefix (a prefix may end mid-character, so allow 3 bytes slack).
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		let ok = false;
		for (let k = 0; k < 4 && !ok; k++) {
			try {
				decoder.decode(bytes.subarray(0, Math.max(0, mid - k)));
				ok = mid - k >= 0;
			} catch {}
		}
		if (ok) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}
