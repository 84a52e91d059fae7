/**
 * The bundled course (content/) is clean, and every owner tag in it is really checked: flipping any one tag's
 * owner yields exactly one owner-mismatch, at that tag, naming the control and both owners. A quiz whose marked
 * answer names one party then also contradicts its answer: one quiz-answer-owner at the answer's line, and
 * nothing else. (That the same mismatch stops `astro build` before a page is written:
 * tests/site/build-failure.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/check/course.ts';
import { ROOT } from '../helpers/build.ts';
import { checkText } from '../helpers/check.ts';
import type { Owner } from '../../src/schema/ownership.ts';
import { answerNames, flip, mismatch, ownerTags, withOwner } from '../helpers/owner-tags.ts';

const CONTENT = path.join(ROOT, 'content');
const course = checkCourse(CONTENT);
const TAGS = ownerTags(course);

/**
 * The tagged quizzes whose marked answer names one party, as a reader reads it (the other tagged quizzes' answers
 * name no party, or both): flipping their tag must also report quiz-answer-owner at the answer.
 */
const ANSWER_NAMES: Record<string, Owner> = {
	'logs-guardduty-owner': 'customer', // "GuardDuty must be enabled by the customer; …"
	'net-flow-logs-owner': 'customer', // "No flow log records exist …, because flow logs are only collected after the customer creates them"
	'srm-fargate-image': 'customer', // "The customer, by rebuilding the image …"
	'srm-ecs-managed-instances': 'aws', // "AWS patches and replaces the instances; …"
};

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

	it('lists only tagged quizzes with one marked answer, each naming the owner', () => {
		const quizzes = new Map(TAGS.flatMap((t) => (t.quiz ? [[t.quiz.id, t] as const] : [])));
		for (const [id, named] of Object.entries(ANSWER_NAMES)) {
			expect(quizzes.get(id)?.quiz?.answers, id).toHaveLength(1);
			expect(quizzes.get(id)?.owner, id).toBe(named);
		}
	});

	it.each(TAGS.map((t) => [`${path.basename(t.file)}:${t.line}:${t.column} ${t.name} ${t.ref}`, t] as const))('%s', (_, tag) => {
		const written = flip(tag.owner);
		const { diagnostics } = checkText(tag.file, withOwner(tag, written), course.schema);
		const named = tag.quiz && ANSWER_NAMES[tag.quiz.id];
		const answers = named ? tag.quiz!.answers.map((a) => ({ line: a.line, column: a.column, ruleId: 'quiz-answer-owner', message: answerNames(tag, written, named, a.text) })) : [];
		expect(diagnostics.map((d) => ({ line: d.line, column: d.column, ruleId: d.ruleId, message: d.message }))).toEqual([
			{ line: tag.line, column: tag.column, ruleId: 'owner-mismatch', message: mismatch(course, tag, written) },
			...answers,
		]);
	});
});

/**
 * The untagged-claim rules measured on the bundled course's own prose: with its inline tags taken out (the tag's
 * words kept), every claim the rules find again must name a control that a removed tag on that line named, and
 * none may be a conflict (every tag agrees with the schema). The number found again is the recall figure in
 * docs/authoring.md ("Measured"); it may only go up.
 */
describe('the bundled course with its inline tags removed', () => {
	const TAG = /:control\[([^\]]*)\]\{ref=([a-z0-9.-]+) owner=[a-z]+\}/g;
	const results = course.chapters.map((chapter) => {
		const lines = fs.readFileSync(chapter.file, 'utf8').split('\n');
		const removed = new Map<number, Set<string>>();
		const text = lines.map((line, i) => line.replace(TAG, (_, words: string, ref: string) => (removed.set(i + 1, (removed.get(i + 1) ?? new Set()).add(ref)), words))).join('\n');
		const reports = checkText(chapter.file, text, course.schema).diagnostics.filter((d) => d.ruleId.startsWith('untagged-'));
		return { chapter, removed, reports };
	});
	const refOf = (message: string) => /"([a-z0-9-]+\.[a-z0-9-]+)"/.exec(message)![1]!;

	it('removes every inline tag', () => {
		const removed = results.reduce((n, r) => n + [...r.removed.values()].reduce((k, set) => k + set.size, 0), 0);
		expect(removed).toBe(new Set(course.chapters.flatMap((c) => c.tags.filter((t) => t.kind === 'inline').map((t) => `${c.file}:${t.line} ${t.ref}`))).size);
	});

	it('finds no conflict and no claim about another control than the removed tags', () => {
		const wrong = results.flatMap(({ chapter, removed, reports }) =>
			reports.filter((d) => d.ruleId !== 'untagged-claim' || !removed.get(d.line)?.has(refOf(d.message))).map((d) => `${path.basename(chapter.file)}:${d.line} ${d.ruleId} ${refOf(d.message)}`),
		);
		expect(wrong).toEqual([]);
	});

	it('finds 62 of the removed claims again', () => {
		const found = new Set(results.flatMap(({ chapter, reports }) => reports.map((d) => `${chapter.file}:${d.line} ${refOf(d.message)}`)));
		expect(found.size).toBe(62);
	});
});
