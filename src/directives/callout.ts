/**
 * `:::note`, `:::tip`, `:::info`, `:::important`, `:::caution`, `:::warning`, `:::danger` (the names Starlight and
 * Docusaurus use, so their pages import unchanged) and `:::exam-trap` — callouts, with an optional `[label]`.
 */
import type { Paragraph } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { el, text } from './mdast.ts';
import type { DirectiveSpec } from './types.ts';

export const CALLOUTS = {
	note: 'Note',
	tip: 'Tip',
	info: 'Info',
	important: 'Important',
	caution: 'Caution',
	warning: 'Warning',
	danger: 'Danger',
	'exam-trap': 'Exam trap',
} as const;

export const callout: DirectiveSpec = {
	names: Object.keys(CALLOUTS),
	kinds: ['containerDirective'],
	summary: 'A callout box. `exam-trap` flags a common wrong answer; an optional label in brackets follows the kind in the title.',
	example: ':::exam-trap[Encryption is on by default]\nS3 has encrypted new objects since January 2023.\n:::',
	attributes: {},
	render(node) {
		const kind = node.name as keyof typeof CALLOUTS;
		const children = [...(node as ContainerDirective).children];
		const first = children[0];
		let title: Paragraph['children'] = [text(CALLOUTS[kind])];
		if (first?.type === 'paragraph' && first.data?.directiveLabel) {
			title = first.children;
			children.shift();
		}
		node.data = { hName: 'div', hProperties: { className: ['callout', `callout--${kind}`], role: 'note' } };
		node.children = [
			el('p', { className: ['callout__title'] }, [el('span', { className: ['callout__kind'] }, [text(CALLOUTS[kind])]), ...(title.length && !(title.length === 1 && title[0]!.type === 'text' && title[0]!.value === CALLOUTS[kind]) ? [text(': '), ...title] : [])]),
			...children,
		] as never;
	},
};
