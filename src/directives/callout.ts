/**
 * `:::note`, `:::tip`, `:::info`, `:::important`, `:::caution`, `:::warning`, `:::danger` (the names Starlight and
 * Docusaurus use, so their pages import unchanged) and `:::exam-trap` — callouts, with an optional `[label]`.
 */
import type { Paragraph } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { el, text } from './mdast.ts';
import type { DirectiveSpec } from './types.ts';

/** The callout kinds and the interface key of each one's name. */
export const CALLOUTS = {
	note: 'callout.note',
	tip: 'callout.tip',
	info: 'callout.info',
	important: 'callout.important',
	caution: 'callout.caution',
	warning: 'callout.warning',
	danger: 'callout.danger',
	'exam-trap': 'callout.exam-trap',
} as const;

export const callout: DirectiveSpec = {
	names: Object.keys(CALLOUTS),
	kinds: ['containerDirective'],
	summary: 'A callout box. `exam-trap` flags a common wrong answer; an optional label in brackets follows the kind in the title.',
	example: ':::exam-trap[Encryption is on by default]\nS3 has encrypted new objects since January 2023.\n:::',
	attributes: {},
	render(node, ctx) {
		const kind = node.name as keyof typeof CALLOUTS;
		const name = ctx.ui.t(CALLOUTS[kind]);
		const children = [...(node as ContainerDirective).children];
		const first = children[0];
		let title: Paragraph['children'] = [text(name)];
		if (first?.type === 'paragraph' && first.data?.directiveLabel) {
			title = first.children;
			children.shift();
		}
		node.data = { hName: 'div', hProperties: { className: ['callout', `callout--${kind}`], role: 'note' } };
		node.children = [
			el('p', { className: ['callout__title'] }, [el('span', { className: ['callout__kind'] }, [text(name)]), ...(title.length && !(title.length === 1 && title[0]!.type === 'text' && title[0]!.value === name) ? [text(': '), ...title] : [])]),
			...children,
		] as never;
	},
};
