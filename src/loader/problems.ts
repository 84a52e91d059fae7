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

/** Errors that belong to no chapter: every page is affected. */
export const globalErrors = (course: LoadedCourse) => {
	const chapters = new Set(course.check.chapters.map((c) => c.file));
	return course.check.diagnostics.filter((d) => d.severity === 'error' && !chapters.has(d.file));
};

export function pageProblems(course: LoadedCourse, chapterFile?: string): OverlayError | undefined {
	const own = chapterFile ? course.check.diagnostics.filter((d) => d.severity === 'error' && d.file === chapterFile) : [];
	return overlayError([...own, ...globalErrors(course)], chapterFile);
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
