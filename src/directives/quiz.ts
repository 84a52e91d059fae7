/**
 * `:::quiz{id ref owner multiple}` — question paragraphs, a GFM task list of options (`[x]` correct), then
 * the explanation. Validated before it renders (like mdbook-quiz): a quiz that cannot be answered never ships.
 */
import type { BlockContent, List, ListItem } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Owner } from '../schema/ownership.ts';
import { ID } from './attributes.ts';
import { badge, matrixHref } from './badge.ts';
import { type Child, el, phrasing, text } from './mdast.ts';
import type { DirectiveSpec, RenderContext } from './types.ts';

export interface QuizParts {
	question: BlockContent[];
	list?: List;
	options: ListItem[];
	correct: number[];
	explanation: BlockContent[];
}

/** Split a quiz into its parts. The first task list is the options; anything after it is the explanation. */
export function quizParts(node: ContainerDirective): QuizParts {
	const children = node.children.filter((c) => !(c.type === 'paragraph' && c.data?.directiveLabel)) as BlockContent[];
	const at = children.findIndex((c) => c.type === 'list' && c.children.some((i) => typeof i.checked === 'boolean'));
	if (at === -1) return { question: children, options: [], correct: [], explanation: [] };
	const list = children[at] as List;
	return {
		question: children.slice(0, at),
		list,
		options: list.children,
		correct: list.children.flatMap((item, i) => (item.checked ? [i] : [])),
		explanation: children.slice(at + 1),
	};
}

/** "Owner: [Customer] Patch the guest OS", the control linking to its row in the matrix. */
function ownerLine(owner: Owner, ref: string | undefined, ctx: RenderContext): Child {
	const control = ref ? ctx.schema.controls.get(ref) : undefined;
	const [before, after] = ctx.ui.parts('quiz.owner', 'owner');
	return el('p', { className: ['quiz__owner'] }, [
		...(before ? [text(before)] : []),
		badge(ctx, owner),
		...(after ? [text(after)] : []),
		...(control && ref ? [text(' '), el('a', { href: matrixHref(ctx, ref) }, [text(control.title)])] : []),
	]);
}

export const quiz: DirectiveSpec = {
	names: ['quiz'],
	kinds: ['containerDirective'],
	summary: 'A multiple-choice question. Options are a task list; `[x]` marks the answer; the explanation follows the list.',
	example: ':::quiz{id=ec2-patch ref=ec2.guest-os-patching owner=customer}\nWho patches the guest OS?\n\n- [ ] The provider\n- [x] The customer\n\nThe guest OS is yours.\n:::',
	attributes: {
		id: { type: 'id', required: true, doc: 'unique in the whole course' },
		ref: { type: 'ref', doc: 'optional control the question is about' },
		owner: { type: 'owner', doc: 'required with ref' },
		multiple: { type: 'flag', doc: 'several options may be correct' },
	},
	ownerTag: 'optional',
	check(node, ctx) {
		const q = quizParts(node as ContainerDirective);
		// Runs even when attributes are wrong (they are reported separately), so a bad or missing id is tolerated.
		const id = node.attributes?.id ?? '';
		const quiz = id ? `Quiz "${id}"` : 'Quiz';
		const multiple = node.attributes?.multiple != null;
		if (!q.list) {
			ctx.report(node, 'quiz-no-options', `${quiz} has no options`, 'Add the options as a task list: `- [ ] wrong` and `- [x] right`.');
		} else {
			const where = q.list;
			if (q.options.length < 2) ctx.report(where, 'quiz-too-few-options', `${quiz} has ${q.options.length} option, expected at least 2`, 'Add at least one more `- [ ]` option.');
			if (q.options.some((o) => typeof o.checked !== 'boolean'))
				ctx.report(where, 'quiz-no-options', `${quiz} mixes task items with plain list items`, 'Start every option with `[ ]` or `[x]`.');
			if (q.correct.length === 0) ctx.report(where, 'quiz-no-correct', `${quiz} has no correct option`, 'Mark the right answer with `- [x]`.');
			if (q.correct.length > 1 && !multiple)
				ctx.report(where, 'quiz-several-correct', `${quiz} marks ${q.correct.length} options correct without "multiple"`, 'Keep one `[x]`, or add the `multiple` attribute: `:::quiz{id=… multiple}`.');
			if (q.explanation.length === 0) ctx.report(node, 'quiz-no-explanation', `${quiz} has no explanation`, 'Add a paragraph after the options saying why the answer is right.');
		}
		if (q.question.length === 0) ctx.report(node, 'quiz-no-question', `${quiz} has no question`, 'Write the question as a paragraph before the options.');
		// Only a well-formed id can clash with another quiz's (a bad one is already an invalid-attribute).
		if (!ID.test(id)) return;
		const pos = node.position?.start;
		ctx.collect.quizzes.push({ id, ref: node.attributes?.ref ?? undefined, owner: (node.attributes?.owner as Owner) ?? undefined, section: ctx.section, line: pos?.line ?? 1, column: pos?.column ?? 1 });
	},
	render(node, ctx) {
		const q = quizParts(node as ContainerDirective);
		const id = node.attributes!.id!;
		const multiple = node.attributes?.multiple != null;
		const owner = node.attributes?.owner as Owner | undefined;
		const name = `quiz-${id}`;
		const legendId = `${name}-q`;
		node.data = {
			hName: 'div',
			hProperties: { className: ['quiz'], id: name, 'data-quiz': id, 'data-correct': q.correct.join(','), ...(multiple ? { 'data-multiple': '' } : {}), ...(owner ? { 'data-owner': owner } : {}) },
		};
		const options: Child[] = q.options.map((item, i) =>
			el('li', {}, [
				el('label', { className: ['quiz__option'] }, [
					el('input', { type: multiple ? 'checkbox' : 'radio', name, value: String(i) }),
					el('span', {}, phrasing(item.children)),
				]),
			]),
		);
		const answers = q.correct.map((i) => el('li', {}, phrasing(q.options[i]!.children)));
		node.children = [
			el('form', { className: ['quiz__form'], 'data-quiz-form': '' }, [
				el('fieldset', { 'aria-describedby': `${name}-result` }, [
					el('legend', { className: ['quiz__question'], id: legendId }, [
						// No owner badge here: over the question it gives the answer away (and a legend is read out).
						el('span', { className: ['quiz__kind'], 'data-pagefind-ignore': '' }, [text(ctx.ui.t(multiple ? 'quiz.kindMultiple' : 'quiz.kind'))]),
						...q.question.map((b) => el('span', { className: ['quiz__para'] }, phrasing([b]))),
					]),
					// Search finds a quiz by its question; its options and answer stay out of the index (no spoilers).
					el('ul', { className: ['quiz__options'], role: 'list', 'data-pagefind-ignore': '' }, options),
				]),
				el('div', { className: ['quiz__actions'], hidden: true }, [
					el('button', { type: 'submit', className: ['button'] }, [text(ctx.ui.t('quiz.check'))]),
					el('button', { type: 'reset', className: ['button', 'button--quiet'] }, [text(ctx.ui.t('quiz.retry'))]),
				]),
				el('p', { className: ['quiz__result'], id: `${name}-result`, role: 'status', 'aria-live': 'polite' }),
			]),
			// The answer, the explanation and the owner, once the learner checks (or opens it without JavaScript).
			// Search indexes none of it: a result must not give the answer away either.
			el('details', { className: ['quiz__answer'], 'data-pagefind-ignore': '' }, [
				el('summary', {}, [text(ctx.ui.t('quiz.showAnswer'))]),
				el('p', { className: ['quiz__correct'] }, [text(ctx.ui.t(q.correct.length > 1 ? 'quiz.correctAnswers' : 'quiz.correctAnswer'))]),
				el('ul', {}, answers),
				el('div', { className: ['quiz__explanation'] }, q.explanation),
				...(owner ? [ownerLine(owner, node.attributes?.ref ?? undefined, ctx)] : []),
			]),
		] as never;
	},
};
