/**
 * The check API, `import { checkCourse } from 'course-site/check'`: what `course-site check` does, as
 * functions, for tools of one's own (an editor extension, a bot that comments on pull requests). Diagnostics
 * are data (`{ file, line, column, ruleId, severity, message, hint }`); the formatters print them as the
 * command line does.
 */
import path from 'node:path';
import { resolveSite } from '../config/site.ts';
import { type Diagnostic, hasErrors } from '../core/diagnostics.ts';
import { loadCourse } from '../loader/pipeline.ts';

export interface CheckOptions {
	/** The deploy base path links are checked against (default: BASE_PATH, course.yaml's `base`, or `/`). */
	base?: string;
	/** Reuse unchanged chapters' results from node_modules/.cache/course-site (default true). */
	cache?: boolean;
}

export interface CheckResult {
	/** Every problem in the course, sorted by file and position. */
	diagnostics: Diagnostic[];
	/** How many files were checked. */
	files: number;
	/** No errors (warnings allowed): what exit code 0 means. */
	ok: boolean;
}

/** Check a course folder as `course-site check` does: the same pipeline as the build, without rendering pages. */
export async function checkCourse(courseDir: string, options: CheckOptions = {}): Promise<CheckResult> {
	const dir = path.resolve(courseDir);
	// A clean check guarantees a build: tests/site/checks-clean-builds.test.ts.
	const { check } = await loadCourse(dir, { render: false, base: options.base ?? resolveSite({ courseDir: dir }).base, cache: options.cache ?? true });
	return { diagnostics: check.diagnostics, files: check.files, ok: !hasErrors(check.diagnostics) };
}

export { formatGithub, formatSummary, formatText } from '../check/format.ts';
export { type Diagnostic, hasErrors, RULES, type RuleId, type Severity } from '../core/diagnostics.ts';
