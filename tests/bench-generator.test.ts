/**
 * The benchmark's synthetic course (scripts/lib/generate.ts): deterministic, so runs can be compared; a valid
 * course, so the benchmark measures real work rather than error paths; streamed, so 10,000 chapters fit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chapterSlugOf, courseFiles, generateCourse, writeCourse } from '../scripts/lib/generate.ts';
import { checkCourse } from '../src/check/course.ts';

const N = 12;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-generator-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the synthetic course generator', () => {
	it('gives identical files for the same size and seed', () => {
		const a = generateCourse(N);
		const b = generateCourse(N);
		expect([...a.keys()]).toEqual(['course.yaml', 'ownership.yaml', ...Array.from({ length: N }, (_, i) => `chapters/${chapterSlugOf(i + 1)}.mdx`)]);
		expect([...b.entries()]).toEqual([...a.entries()]);
		// Chapter k does not depend on how many chapters follow, except for its link to the next one.
		const longer = generateCourse(N + 1);
		expect(longer.get(`chapters/${chapterSlugOf(3)}.mdx`)).toBe(a.get(`chapters/${chapterSlugOf(3)}.mdx`));
	});

	it('gives different text for a different seed', () => {
		expect(generateCourse(3, { seed: 2 }).get(`chapters/${chapterSlugOf(1)}.mdx`)).not.toBe(generateCourse(3).get(`chapters/${chapterSlugOf(1)}.mdx`));
	});

	it('writes a course that passes the checker with no diagnostics', () => {
		const dir = path.join(tmp, 'course');
		writeCourse(dir, generateCourse(N));
		const result = checkCourse(dir);
		expect(result.diagnostics).toEqual([]);
		expect(result.chapters).toHaveLength(N);
	});

	it('uses every directive in every chapter, and a diagram in one chapter in four', () => {
		const files = generateCourse(N);
		for (let i = 1; i <= N; i++) {
			const text = files.get(`chapters/${chapterSlugOf(i)}.mdx`)!;
			for (const pattern of [/:control\[[^\]]+\]\{ref=/, /^:::control\{ref=/m, /^:::card\{title=/m, /^:::flashcards$/m, /^::ownership-exercise\{refs="/m, /:term\[[^\]]+\]\{id=/, /^:::note$/m, /^:::tip\[/m, /^:::exam-trap\[/m])
				expect(text, `chapter ${i}: ${pattern}`).toMatch(pattern);
			expect(text.match(/^:::quiz\{/gm), `chapter ${i}`).toHaveLength(3);
			expect(text.match(/:control\[/g)!.length, `chapter ${i}`).toBeGreaterThanOrEqual(10);
			expect(text.includes('```mermaid'), `chapter ${i}`).toBe(i % 4 === 2);
		}
	});

	it('has a plain-Markdown twin without directives, with the same prose, for other site generators', () => {
		const course = generateCourse(N);
		const plain = generateCourse(N, { format: 'starlight' });
		expect([...plain.keys()]).toEqual(Array.from({ length: N }, (_, i) => `chapters/${chapterSlugOf(i + 1)}.mdx`));
		// The paragraphs and headings, with inline directives reduced to their text.
		const prose = (text: string) =>
			text
				.replace(/^---[\s\S]*?---\n/, '')
				.replace(/:(?:control|term)\[([^\]]*)\]\{[^}]*\}/g, '$1')
				.split('\n')
				.filter((line) => line.trim() && !/^(:{2,3}|\*\*|- )/.test(line));
		for (const [file, text] of plain) {
			expect(text).not.toMatch(/^:{2,3}\w/m);
			expect(text).not.toMatch(/:(control|term)\[/);
			expect(text).toMatch(/^title: /m);
			expect(prose(text), file).toEqual(prose(course.get(file)!));
		}
	});

	it('has a plain twin this project builds: the same text as the Starlight twin, only the frontmatter differs, and it checks clean', () => {
		const starlight = generateCourse(N, { format: 'starlight' });
		const ours = generateCourse(N, { format: 'plain-course' });
		const body = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');
		for (const [file, text] of starlight) {
			expect(body(ours.get(file)!), file).toBe(body(text));
			expect(body(text), file).not.toMatch(/:(control|term)\[|^:{2,3}\w/m);
		}
		expect(ours.get(`chapters/${chapterSlugOf(2)}.mdx`)).toMatch(/^---\ntitle: .+\ndescription: .+\norder: 2\n---\n/);
		const dir = path.join(tmp, 'plain');
		writeCourse(dir, generateCourse(4, { format: 'plain-course' }));
		expect(checkCourse(dir).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	});

	it('streams: the first chapters of a million-chapter course come without generating the rest', () => {
		const files = courseFiles(1_000_000);
		const first = [files.next().value, files.next().value, files.next().value].map((f) => f![0]);
		expect(first).toEqual(['course.yaml', 'ownership.yaml', `chapters/${chapterSlugOf(1)}.mdx`]);
		// Chapter 1 of a million is chapter 1 of twelve, except for the link to the next chapter (the same one).
		expect(files.next().value![1]).toBe(generateCourse(N).get(`chapters/${chapterSlugOf(2)}.mdx`));
	});

	it('writes as it generates, and counts what it wrote', () => {
		const dir = path.join(tmp, 'counted');
		const files = generateCourse(3);
		expect(writeCourse(dir, files.entries())).toEqual({
			files: 5,
			bytes: [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0),
			words: [...files.values()].reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0),
		});
	});
});
