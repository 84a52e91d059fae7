/**
 * The remark plugin of the course language, for Astro's MDX pipeline. It skips files that are not chapters
 * of the configured course, renders directives (src/directives/*), restores text directives that are prose,
 * and — in dev — fails the file with every problem the checker finds in it, for the error overlay.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { ChapterFacts } from '../check/chapter.ts';
import type { CourseCheck } from '../check/course.ts';
import { formatText } from '../check/format.ts';
import { loadCourse } from '../loader/load.ts';
import { chaptersDir } from '../core/paths.ts';
import { createRenderContext, renderTree } from '../render/render.ts';
import { reusableTree } from './reuse-parse.ts';

export interface RemarkCourseOptions {
	courseDir: string;
	base: string;
	/** Re-read the course when files change (dev server). */
	watch?: boolean;
}

export default function remarkCourse(this: Processor, options: RemarkCourseOptions) {
	const dir = chaptersDir(options.courseDir) + path.sep;
	// In a build, a chapter starts from the checker's parse instead of being parsed a second time (reuse-parse.ts).
	const parse = this?.parser;
	if (parse)
		this.parser = (doc, file) => {
			if (options.watch || !file.path || !path.resolve(file.path).startsWith(dir)) return parse(doc, file);
			const { check } = loadCourse(options.courseDir, options.base);
			return reusableTree(chapterByFile(check).get(path.resolve(file.path)), doc) ?? parse(doc, file);
		};
	return (tree: Root, file: VFile) => {
		if (!file.path || !path.resolve(file.path).startsWith(dir)) return;
		const { check, glossary } = loadCourse(options.courseDir, options.base, { watch: options.watch });
		const self = path.resolve(file.path);
		// This chapter's errors, and errors in files every chapter depends on (course.yaml, ownership.yaml).
		const problems = check.diagnostics.filter((d) => d.severity === 'error' && (d.file === self || !d.file.startsWith(dir)));
		if (problems.length) {
			// Thrown with the first position so the overlay opens the right line; the message lists them all.
			const own = problems.find((d) => d.file === self);
			const error = new Error(`${problems.length} problem${problems.length > 1 ? 's' : ''} to fix before ${path.basename(file.path)} can be shown:\n${formatText(problems)}`) as Error & { loc?: unknown; id?: string; line?: number; column?: number };
			error.loc = { file: file.path, line: own?.line, column: own?.column };
			// @astrojs/mdx rebuilds `loc` from `line`/`column` (not from `loc`), so set both.
			if (own) [error.line, error.column] = [own.line, own.column];
			error.id = file.path;
			throw error;
		}
		renderTree(tree, createRenderContext({ schema: check.schema, glossary, base: options.base }), String(file.value));
	};
}

const byFile = new WeakMap<CourseCheck, Map<string, ChapterFacts>>();
function chapterByFile(check: CourseCheck): Map<string, ChapterFacts> {
	let map = byFile.get(check);
	if (!map) byFile.set(check, (map = new Map(check.chapters.map((c) => [c.file, c]))));
	return map;
}
