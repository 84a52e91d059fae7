/**
 * No spoilers: a quiz shows no owner badge and no owner word before the learner checks it. The owner appears
 * with the answer and the explanation, inside "Show answer". Checked on a quiz with an owner, on the README's
 * example and on the chapter `npm run new:chapter` creates, since authors copy both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/check/course.ts';
import { renderTemplate } from '../../src/cli/new-chapter.ts';
import { loadOwnershipSchema } from '../../src/schema/ownership.ts';
import { ROOT } from '../helpers/build.ts';
import { renderHtml } from '../helpers/render.ts';

const { schema } = loadOwnershipSchema(path.join(ROOT, 'content/ownership.yaml'));

/** For every quiz in the HTML: what the learner sees before checking, and what "Show answer" holds. */
function quizzes(html: string) {
	const tree = fromHtml(html, { fragment: true });
	return selectAll('.quiz', tree).map((quiz) => {
		const form = select('form.quiz__form', quiz)!;
		const answer = select('details.quiz__answer', quiz)!;
		return {
			kind: toString(select('.quiz__kind', form) as never),
			badgesBefore: selectAll('.badge, [data-owner]', form).length,
			legend: toString(select('legend', form) as never),
			owner: answer && select('.quiz__owner .badge', answer) ? toString(select('.quiz__owner .badge', answer) as never) : undefined,
		};
	});
}

/** Every owner word a badge could show: the schema's parties and the interface's word for `shared`. */
const LABELS = [...schema.parties.map((p) => p.label), 'Shared'];

describe('a quiz before it is checked', () => {
	it('shows no owner badge or owner word; the owner comes with the answer', () => {
		const html = renderHtml(':::quiz{id=q ref=ec2.guest-os-patching owner=customer}\nA kernel flaw is announced. Who patches the guest OS?\n\n- [ ] AWS\n- [x] The customer\n\nIt is inside the instance.\n:::', { schema });
		expect(quizzes(html)).toEqual([{ kind: 'Quiz', badgesBefore: 0, legend: 'QuizA kernel flaw is announced. Who patches the guest OS?', owner: 'Customer' }]);
	});

	it('in the README example', () => {
		const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		const example = [...readme.matchAll(/```mdx\n([\s\S]*?)```/g)].map((m) => m[1]!).find((block) => block.includes(':::quiz'));
		expect(example).toBeDefined();
		const found = quizzes(renderHtml(example!, { schema }));
		expect(found.length).toBe(1);
		for (const q of found) {
			expect(q.badgesBefore).toBe(0);
			expect(q.kind).toBe('Quiz');
			for (const label of LABELS) expect(q.legend).not.toContain(label);
		}
	});

	it('in the chapter new:chapter creates', () => {
		const course = checkCourse(path.join(ROOT, 'content'));
		const found = quizzes(renderHtml(renderTemplate('Incident response', 'incident-response', course), { schema }));
		expect(found.length).toBe(1);
		for (const q of found) {
			expect(q.badgesBefore).toBe(0);
			expect(q.kind).toBe('Quiz');
			for (const label of LABELS) expect(q.legend).not.toContain(label);
			expect(q.owner).toBeDefined();
		}
	});
});
