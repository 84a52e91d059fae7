/**
 * Fixture runner: every folder in ./fixtures is a course; checking it must print exactly its expected.txt.
 * UPDATE=1 rewrites expected.txt (review the diff: it is the documentation of the rule).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/check/course.ts';
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
