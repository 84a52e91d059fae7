/**
 * The remark plugin of the course language, for Astro's MDX pipeline. It skips files that are not chapters
 * of the configured course, renders directives (src/directives/*), restores text directives that are prose,
 * and — in dev — fails the file with every problem the checker finds in it, for the error overlay.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { formatText } from '../check/format.ts';
import { loadCourse } from '../course/load.ts';
import { chaptersDir } from '../course/paths.ts';
import { createRenderContext, renderTree } from './render.ts';

export interface RemarkCourseOptions {
	courseDir: string;
	base: string;
	/** Re-read the course when files change (dev server). */
	watch?: boolean;
}

export default function remarkCourse(options: RemarkCourseOptions) {
	const dir = chaptersDir(options.courseDir) + path.sep;
	return (tree: Root, file: VFile) => {
		if (!file.path || !path.resolve(file.path).startsWith(dir)) return;
		const { check, glossary } = loadCourse(options.courseDir, options.base, { watch: options.watch });
		const problems = check.diagnostics.filter((d) => d.file === path.resolve(file.path) && d.severity === 'error');
		if (problems.length) {
			// Thrown with the first position so Vite's overlay opens the right line; the message lists them all.
			const error = new Error(`${problems.length} problem${problems.length > 1 ? 's' : ''} in ${path.basename(file.path)}:\n${formatText(problems)}`) as Error & { loc?: unknown; id?: string };
			error.loc = { file: file.path, line: problems[0]!.line, column: problems[0]!.column };
			error.id = file.path;
			throw error;
		}
		renderTree(tree, createRenderContext({ schema: check.schema, glossary, base: options.base }), String(file.value));
	};
}
