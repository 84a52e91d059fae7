/**
 * In the dev server a page whose course has errors shows them in Astro's error overlay instead of the page: the
 * chapter's own errors (the overlay opens its file at the first one) and those of the files every page depends
 * on (course.yaml, ownership.yaml). The build never gets here: it stops before rendering.
 */
import { formatText } from '../check/format.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { LoadedCourse } from './pipeline.ts';

export interface OverlayError extends Error {
	loc?: { file: string; line?: number; column?: number };
	id?: string;
}

const errorsByFile = new WeakMap<LoadedCourse, { global: Diagnostic[]; byFile: Map<string, Diagnostic[]> }>();

/** The course's errors, sorted once: those of each chapter, and those that belong to no chapter. */
function errorsOf(course: LoadedCourse) {
	let found = errorsByFile.get(course);
	if (found) return found;
	const chapters = new Set([...course.check.chapters, ...course.check.translations.flatMap((t) => t.chapters)].map((c) => c.file));
	found = { global: [], byFile: new Map() };
	for (const d of course.check.diagnostics) {
		if (d.severity !== 'error') continue;
		if (!chapters.has(d.file)) found.global.push(d);
		else found.byFile.set(d.file, [...(found.byFile.get(d.file) ?? []), d]);
	}
	errorsByFile.set(course, found);
	return found;
}

/** Errors that belong to no chapter: every page is affected. */
export const globalErrors = (course: LoadedCourse) => errorsOf(course).global;

export function pageProblems(course: LoadedCourse, chapterFile?: string): OverlayError | undefined {
	const { global, byFile } = errorsOf(course);
	if (!global.length && (!chapterFile || !byFile.has(chapterFile))) return undefined;
	return overlayError([...(chapterFile ? (byFile.get(chapterFile) ?? []) : []), ...global], chapterFile);
}

export function overlayError(problems: Diagnostic[], file?: string): OverlayError | undefined {
	if (!problems.length) return undefined;
	const first = problems.find((d) => d.file === file) ?? problems[0]!;
	const where = file ? ` before ${file.split(/[\\/]/).pop()} can be shown` : '';
	const error = new Error(`${problems.length} problem${problems.length > 1 ? 's' : ''} to fix${where}:\n${formatText(problems)}`) as OverlayError;
	error.name = 'CourseCheckError';
	error.loc = { file: first.file, line: first.line, column: first.column };
	error.id = first.file;
	// The problems are the course's, not the code's: no stack trace in the overlay.
	error.stack = `${error.name}: ${error.message}`;
	return error;
}
