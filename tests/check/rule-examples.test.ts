/**
 * Every rule's examples (src/core/rules.ts), run through the checker: each gives exactly one diagnostic, of its
 * rule, with its severity and exactly the message the definition documents (and docs/authoring.md shows).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/check/course.ts';
import { EXAMPLE_COURSE, EXAMPLE_FRONTMATTER, type ExampleFile, type RuleExample, RULE_DEFINITIONS } from '../../src/core/rules.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rule-examples-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let count = 0;
/** The example course on disk: EXAMPLE_COURSE, chapters/example.mdx (the example's chapter, or a clean one), then its files. */
function materialise(example: RuleExample): string {
	const dir = path.join(tmp, `course-${++count}`);
	const files: Record<string, ExampleFile> = {
		...EXAMPLE_COURSE,
		'chapters/example.mdx': `${EXAMPLE_FRONTMATTER}${example.chapter ?? 'A chapter that breaks no rule.'}\n`,
		...example.files,
	};
	for (const [file, content] of Object.entries(files)) {
		const target = path.join(dir, file);
		if (content === null) continue;
		fs.mkdirSync(path.dirname(target), { recursive: true });
		if (typeof content === 'string') fs.writeFileSync(target, content);
		else fs.symlinkSync(content.symlink, target);
	}
	return dir;
}

const cases = Object.entries(RULE_DEFINITIONS).flatMap(([id, rule]) => rule.examples.map((example: RuleExample, i) => [`${id} #${i + 1}`, id, 'severity' in rule ? rule.severity : 'error', example] as const));

describe('rule examples', () => {
	it.each(cases)('%s', (_, id, severity, example) => {
		const found = checkCourse(materialise(example)).diagnostics.map((d) => `${d.severity} ${d.ruleId}: ${d.message}`);
		expect(found).toEqual([`${severity} ${id}: ${example.message}`]);
	});

});
