/** Courses of hostile and extreme chapters (tests/check/hostile.test.ts, tests/site/hostile-build.test.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SHARED = path.resolve(import.meta.dirname, '../check/fixtures/_shared');

export const frontmatter = (title: string, order: number) => `---\ntitle: ${JSON.stringify(title)}\ndescription: A hostile chapter.\norder: ${order}\n---\n\n`;

/** A course in a temp folder: the shared fixture schema and course.yaml, and the given chapters. */
export function makeCourse(chapters: Record<string, string | Buffer>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-course-'));
	fs.mkdirSync(path.join(dir, 'chapters'));
	for (const f of ['course.yaml', 'ownership.yaml']) fs.copyFileSync(path.join(SHARED, f), path.join(dir, f));
	for (const [name, text] of Object.entries(chapters)) fs.writeFileSync(path.join(dir, 'chapters', `${name}.mdx`), text);
	return dir;
}

/** A line of a Node stack trace: what a user must never see. */
export const STACK_FRAME = /^ {4}at /m;
