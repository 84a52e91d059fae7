/**
 * The benchmark's synthetic course (scripts/bench/generate.ts): deterministic, so runs can be compared, and a
 * valid course, so the benchmark measures real work rather than error paths.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chapterSlugOf, generateCourse, writeCourse } from '../scripts/bench/generate.ts';
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
		const plain = generateCourse(N, { plain: true });
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
});
