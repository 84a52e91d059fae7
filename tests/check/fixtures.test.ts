/**
 * Fixture runner: every folder in ./fixtures is a course; checking it must print exactly its expected.txt.
 * UPDATE=1 rewrites expected.txt (review the diff: it is the documentation of the rule).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/check/course.ts';
import { RULES } from '../../src/core/diagnostics.ts';
import { formatSummary, formatText } from '../../src/check/format.ts';
import { materialiseFixture } from '../helpers/fixture.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const cases = fs
	.readdirSync(FIXTURES, { withFileTypes: true })
	.filter((d) => d.isDirectory() && !d.name.startsWith('_'))
	.map((d) => d.name);

describe('checker fixtures', () => {
	it.each(cases)('%s', (name) => {
		const dir = path.join(FIXTURES, name);
		const course = materialiseFixture(dir);
		const result = checkCourse(course.dir);
		const actual = `${[formatText(result.diagnostics, course.dir), formatSummary(result.diagnostics, result.files)].filter(Boolean).join('\n')}\n`;
		course.cleanup();
		const expectedFile = path.join(dir, 'expected.txt');
		if (process.env.UPDATE) fs.writeFileSync(expectedFile, actual);
		expect(actual).toBe(fs.readFileSync(expectedFile, 'utf8'));
	});
});

/**
 * Every rule of the language has a fixture named after it, and that fixture really shows the rule. Rules of
 * the safe-content, link and diagram modules may be covered by those modules' own tests instead; a fixture
 * named after one of them is held to the same standard.
 */
describe('fixture coverage', () => {
	const ELSEWHERE = new Set(['unsafe-esm', 'unsafe-expression', 'unsafe-jsx', 'unsafe-html', 'unsafe-url', 'broken-link', 'malformed-url', 'mermaid-syntax', 'policy-loosened']);

	it.each(Object.keys(RULES).filter((id) => !ELSEWHERE.has(id)))('%s has a fixture', (id) => {
		expect(cases).toContain(id);
	});

	it.each(cases.filter((name) => name in RULES))('%s reports its own rule', (name) => {
		expect(fs.readFileSync(path.join(FIXTURES, name, 'expected.txt'), 'utf8')).toMatch(new RegExp(`: (error|warning) ${name}: `));
	});

	it('has a clean course using every directive', () => {
		expect(fs.readFileSync(path.join(FIXTURES, 'valid-course', 'expected.txt'), 'utf8')).toMatch(/^✓ \d+ files checked, no problems\n$/);
	});
});
