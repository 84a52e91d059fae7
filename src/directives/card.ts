/** `:::card{title="…" ref owner}` — a concept card; the owner tag is optional. */
import type { Owner } from '../schema/ownership.ts';
import { badge } from './badge.ts';
import { el, text } from './mdast.ts';
import type { DirectiveSpec } from './types.ts';

export const card: DirectiveSpec = {
	names: ['card'],
	kinds: ['containerDirective'],
	summary: 'A concept card: a titled box explaining one idea, optionally tagged with the owner of a control.',
	example: ':::card{title="Security in the cloud" ref=ec2.guest-os-patching owner=customer}\nWhat runs inside your instance is yours to patch…\n:::',
	attributes: {
		title: { type: 'string', required: true, doc: 'the card heading' },
		ref: { type: 'ref', doc: 'optional control id' },
		owner: { type: 'owner', doc: 'required with ref' },
	},
	ownerTag: 'optional',
	render(node, ctx) {
		const { title, ref, owner } = node.attributes as Record<string, string | undefined>;
		node.data = { hName: 'div', hProperties: { className: ['card'], ...(ref ? { 'data-ref': ref, 'data-owner': owner } : {}) } };
		node.children = [
			el('p', { className: ['card__title'] }, [text(title!), ...(owner ? [text(' '), badge(ctx, owner as Owner, { title: ctx.schema.controls.get(ref!)?.title ?? '' })] : [])]),
			...node.children,
		] as never;
	},
};
