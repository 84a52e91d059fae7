/**
 * Fixture runner: every folder in ./fixtures is a course; checking it must print exactly its expected.txt.
 * UPDATE=1 rewrites each expected.txt that differs and fails that fixture, saying so: the new text has not been
 * reviewed (review the diff: it is the documentation of the rule), and a rewritten file compared with itself
 * would prove nothing. Run again without UPDATE to check.
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
		const expected = fs.existsSync(expectedFile) ? fs.readFileSync(expectedFile, 'utf8') : undefined;
		if (process.env.UPDATE && actual !== expected) {
			fs.writeFileSync(expectedFile, actual);
			expect.fail(`UPDATE=1 rewrote ${path.relative(process.cwd(), expectedFile)}; nothing was compared. Review the diff, then run again without UPDATE.`);
		}
		expect(expected, `${name} has no expected.txt: run with UPDATE=1 to write one, and review it`).toBeDefined();
		expect(actual).toBe(expected);
	});
});

/** Every rule of the language has a fixture named after it, and that fixture really shows the rule. */
describe('fixture coverage', () => {
	it.each(Object.keys(RULES))('%s has a fixture', (id) => {
		expect(cases).toContain(id);
	});

	it.each(cases.filter((name) => name in RULES))('%s reports its own rule', (name) => {
		expect(fs.readFileSync(path.join(FIXTURES, name, 'expected.txt'), 'utf8')).toMatch(new RegExp(`: (error|warning) ${name}: `));
	});

	it('has a clean course using every directive', () => {
		expect(fs.readFileSync(path.join(FIXTURES, 'valid-course', 'expected.txt'), 'utf8')).toMatch(/^✓ \d+ files checked, no problems\n$/);
	});
});
