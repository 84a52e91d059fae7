/** Check one chapter's text in-process, as the pipeline would (for tests of single chapters). */
import path from 'node:path';
import { checkChapter } from '../../src/check/chapter.ts';
import { chapterSlug } from '../../src/core/paths.ts';
import type { OwnershipSchema } from '../../src/schema/ownership.ts';

export function checkText(file: string, text: string, schema: OwnershipSchema) {
	const chapters = file.lastIndexOf(`${path.sep}chapters${path.sep}`);
	const courseDir = chapters === -1 ? path.dirname(file) : file.slice(0, chapters);
	const source = { file, rel: path.relative(courseDir, file).split(path.sep).join('/'), slug: chapterSlug(file) };
	return checkChapter(source, text, { schema, courseDir });
}
