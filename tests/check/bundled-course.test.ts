/**
 * The bundled course (content/) is clean, and every owner tag in it is really checked: flipping any one tag's
 * owner yields exactly one owner-mismatch, at that tag, naming the control and both owners. (That the same
 * mismatch stops `astro build` before a page is written: tests/site/build-failure.test.ts.)
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/check/course.ts';
import { ROOT } from '../helpers/build.ts';
import { checkText } from '../helpers/check.ts';
import { flip, mismatch, ownerTags, withOwner } from '../helpers/owner-tags.ts';

const CONTENT = path.join(ROOT, 'content');
const course = checkCourse(CONTENT);
const TAGS = ownerTags(course);

it('has no problems', () => {
	expect(course.diagnostics).toEqual([]);
});

describe('every owner tag is checked', () => {
	it('finds every tag the checker indexes, of every kind', () => {
		const indexed = course.chapters.flatMap((c) => c.tags);
		expect(TAGS.length).toBe(indexed.length);
		expect(new Set(TAGS.map((t) => t.name))).toEqual(new Set(['control', 'card', 'quiz']));
		expect(new Set(indexed.map((t) => t.kind))).toEqual(new Set(['inline', 'block', 'card', 'quiz']));
	});

	it.each(TAGS.map((t) => [`${path.basename(t.file)}:${t.line}:${t.column} ${t.name} ${t.ref}`, t] as const))('%s', (_, tag) => {
		const written = flip(tag.owner);
		const { diagnostics } = checkText(tag.file, withOwner(tag, written), course.schema);
		expect(diagnostics.map((d) => ({ line: d.line, column: d.column, ruleId: d.ruleId, message: d.message }))).toEqual([
			{ line: tag.line, column: tag.column, ruleId: 'owner-mismatch', message: mismatch(course, tag, written) },
		]);
	});
});
