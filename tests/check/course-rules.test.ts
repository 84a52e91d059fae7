/**
 * Course-wide rules on courses far larger than a fixture: the prerequisite walk is as deep as the longest chain
 * of prerequisites, so it must not recurse (a course whose chapters each need the one before is that deep).
 */
import { describe, expect, it } from 'vitest';
import type { CourseCheck } from '../../src/check/course.ts';
import { studyPath } from '../../src/check/rules/course-rules.ts';

/** A course of `n` chapters, each needing the one before; `extra` adds prerequisites by index. */
function chain(n: number, extra: Record<number, number[]> = {}) {
	const slug = (i: number) => `chapter-${i}`;
	const chapters = Array.from({ length: n }, (_, i) => ({
		slug: slug(i),
		file: `/course/chapters/${slug(i)}.mdx`,
		frontmatter: { prerequisites: [...(i > 0 ? [slug(i - 1)] : []), ...(extra[i] ?? []).map(slug)] },
		frontmatterLines: { prerequisites: 4 },
	}));
	return { chapters, diagnostics: [] } as unknown as CourseCheck;
}

describe('prerequisites', () => {
	it('walks a chain of 20,000 chapters without a report', () => {
		const course = chain(20_000);
		studyPath(course);
		expect(course.diagnostics).toEqual([]);
	});

	it('reports a cycle at the end of a long chain once, at the chapter that closes it', () => {
		// chapter-0 needs chapter-19999, which (through the chain) needs chapter-0.
		const course = chain(20_000, { 0: [19_999] });
		studyPath(course);
		expect(course.diagnostics.map((d) => [d.file, d.line, d.ruleId])).toEqual([['/course/chapters/chapter-1.mdx', 4, 'prerequisite-cycle']]);
		expect(course.diagnostics[0]!.message).toMatch(/^Prerequisites form a cycle: chapter-0 → chapter-19999 → .* → chapter-1 → chapter-0$/);
	});
});
