/**
 * `:control[text]{ref owner}` — an inline owner tag; `:::control{ref owner}` — a card for one control.
 * Both must match the schema (checked by the shared owner-tag rule in attributes.ts).
 */
import type { Control, Owner } from '../schema/ownership.ts';
import { badge, controlSummary, matrixHref, ownerLabel, splitList } from './badge.ts';
import { el, text } from './mdast.ts';
import type { DirectiveSpec } from './types.ts';

export const control: DirectiveSpec = {
	names: ['control'],
	kinds: ['textDirective', 'containerDirective'],
	summary: 'Marks who owns a security control. Inline it tags a phrase; as a block it is a card for the control.',
	example: ':control[patch the guest OS]{ref=ec2.guest-os-patching owner=customer}',
	attributes: {
		ref: { type: 'ref', required: true, doc: 'a control id from ownership.yaml' },
		owner: { type: 'owner', required: true, doc: 'a party of ownership.yaml or shared; must equal the schema' },
	},
	ownerTag: 'required',
	render(node, ctx) {
		const ref = node.attributes!.ref!;
		const c = ctx.schema.controls.get(ref) as Control;
		const owner = node.attributes!.owner as Owner;
		if (node.type === 'textDirective') {
			const tipId = ctx.nextId('tip');
			node.data = { hName: 'span', hProperties: { className: ['ctl', `ctl--${owner}`], 'data-ref': ref, 'data-owner': owner } };
			node.children = [
				el('span', { className: ['ctl__text'] }, node.children),
				// Badge and tooltip stay out of the search index: excerpts should read as the prose does.
				el('a', { className: ['ctl__badge', 'badge', `badge--${owner}`], href: matrixHref(ctx, ref), 'aria-describedby': tipId, 'data-pagefind-ignore': '' }, [text(ownerLabel(ctx, owner))]),
				el('span', { className: ['ctl__tip'], role: 'tooltip', id: tipId, 'data-pagefind-ignore': '' }, [text(controlSummary(ctx, c))]),
			] as never;
			return;
		}
		// Block: the schema's title and split, then the author's prose.
		node.data = { hName: 'div', hProperties: { className: ['control-card', `control-card--${owner}`], 'data-ref': ref, 'data-owner': owner, 'data-pagefind-filter': `owner:${ownerLabel(ctx, owner)}` } };
		node.children = [
			el('p', { className: ['control-card__head'] }, [
				badge(ctx, owner),
				el('a', { className: ['control-card__title'], href: matrixHref(ctx, ref) }, [text(c.title)]),
				el('code', { className: ['control-card__id'], 'data-pagefind-ignore': '' }, [text(ref)]),
			]),
			...splitList(ctx, c),
			...node.children,
		] as never;
	},
};
