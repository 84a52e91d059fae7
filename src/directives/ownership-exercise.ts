/**
 * `::ownership-exercise{refs="a,b,c"}` — "who owns this control?". Items, answers and explanations all come
 * from the schema, so the exercise cannot disagree with it.
 */
import { didYouMean, suggest } from '../core/suggest.ts';
import { CONTROL_ID, type Control } from '../schema/ownership.ts';
import { ownerIds } from '../schema/parties.ts';
import { badge, ownerLabel, splitList } from './badge.ts';
import { type Child, el, text } from './mdast.ts';
import type { DirectiveSpec } from './types.ts';

export const refsOf = (value: string | null | undefined) =>
	(value ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

export const ownershipExercise: DirectiveSpec = {
	names: ['ownership-exercise'],
	kinds: ['leafDirective'],
	summary: 'A “who owns this control?” exercise generated from the schema: one item per ref.',
	example: '::ownership-exercise{refs="ec2.guest-os-patching,global.physical-security"}',
	attributes: { refs: { type: 'refs', required: true, doc: 'comma-separated control ids' } },
	check(node, ctx) {
		// An empty or malformed `refs` is reported by the attribute check; here only well-formed ids are looked up.
		if (!ctx.schema.loaded) return;
		for (const ref of refsOf(node.attributes?.refs)) {
			if (!CONTROL_ID.test(ref) || ctx.schema.controls.has(ref) || ctx.schema.rejected.has(ref)) continue;
			const s = suggest(ref, ctx.schema.controls.keys());
			ctx.report(node, 'unknown-ref', `Unknown control "${ref}" in ownership exercise.${didYouMean(s)}`, s ? `Replace "${ref}" with "${s}".` : `Add "${ref}" to ownership.yaml or remove it from refs.`);
		}
	},
	render(node, ctx) {
		const refs = refsOf(node.attributes!.refs);
		const exId = ctx.nextId('exercise');
		const owners = ownerIds(ctx.schema);
		const items: Child[] = refs.map((ref, i) => {
			const c = ctx.schema.controls.get(ref) as Control;
			const name = `${exId}-${i}`;
			return el('li', { className: ['exercise__item'], 'data-ref': ref, 'data-answer': c.owner }, [
				el('fieldset', {}, [
					el('legend', { className: ['exercise__control'] }, [text(c.title)]),
					el(
						'div',
						{ className: ['exercise__choices'], 'data-pagefind-ignore': '' },
						owners.map((o) => el('label', { className: ['exercise__choice'] }, [el('input', { type: 'radio', name, value: o }), text(` ${ownerLabel(ctx, o)}`)])),
					),
				]),
				// Not a live region: the exercise announces one summary for all items (src/scripts/exercise.ts).
				el('p', { className: ['exercise__feedback'] }),
				el('details', { className: ['exercise__answer'], 'data-pagefind-ignore': '' }, [
					el('summary', {}, [text(ctx.ui.t('exercise.showAnswer'))]),
					el('p', {}, [badge(ctx, c.owner), text(` ${c.notes ?? c.title}`)]),
					...splitList(ctx, c),
				]),
			]);
		});
		node.data = { hName: 'div', hProperties: { className: ['exercise'], 'data-exercise': '' } };
		node.children = [
			el('p', { className: ['exercise__title'] }, [text(ctx.ui.t('exercise.title'))]),
			el('p', { className: ['exercise__intro'] }, [text(ctx.ui.t('exercise.intro', { choices: ctx.ui.list(owners.map((o) => ownerLabel(ctx, o)), 'disjunction') }))]),
			el('ol', { className: ['exercise__items'] }, items),
			el('div', { className: ['exercise__actions'], hidden: true }, [el('button', { type: 'button', className: ['button'], 'data-exercise-check': '' }, [text(ctx.ui.t('exercise.check'))])]),
		] as never;
	},
};
