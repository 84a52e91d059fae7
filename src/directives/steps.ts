/**
 * `:::steps` around one ordered list — a procedure, shown as numbered steps joined by a line. The list stays
 * an `<ol>`, so the numbers are real list semantics, not decoration; steps may hold any Markdown.
 */
import type { List, Paragraph } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Node } from 'unist';
import type { DirectiveSpec } from './types.ts';

/** The ordered list of a steps block, and every child that is not it (each an error). */
export function stepsParts(node: ContainerDirective): { list?: List; strays: Node[] } {
	const lists = node.children.filter((c): c is List => c.type === 'list' && c.ordered === true);
	const list = lists[0];
	return { ...(list ? { list } : {}), strays: node.children.filter((c) => c !== list) };
}

const HINT = 'Write the steps as one numbered list: `1. First step`, `2. Next step`, … inside :::steps.';

export const steps: DirectiveSpec = {
	names: ['steps'],
	kinds: ['containerDirective'],
	summary: 'A procedure: one numbered list, shown as numbered steps. Each step may hold paragraphs, code and images.',
	example: ':::steps\n1. Open the IAM console.\n2. Create a role for the instance.\n\n   Attach only the policies it needs.\n3. Attach the role to the instance.\n:::',
	attributes: {},
	check(node, ctx) {
		const { list, strays } = stepsParts(node as ContainerDirective);
		if (!list) {
			const bullets = strays.find((c) => c.type === 'list');
			ctx.report(bullets ?? node, 'steps-invalid', bullets ? 'Steps need a numbered list, not a bulleted one' : 'Steps need a numbered list', HINT);
			return;
		}
		for (const stray of strays) {
			const what = stray.type === 'paragraph' && (stray as Paragraph).data?.directiveLabel ? 'label' : stray.type === 'list' ? ((stray as List).ordered ? 'second numbered list' : 'bulleted list') : stray.type;
			ctx.report(stray, 'steps-invalid', `Unexpected ${what} in steps, expected only one numbered list`, 'Put text that belongs to a step inside its list item (indented under it), or move it out of :::steps.');
		}
	},
	render(node) {
		const { list } = stepsParts(node as ContainerDirective);
		node.data = { hName: 'div', hProperties: { className: ['steps'] } };
		if (!list) return;
		// role=list: browsers drop list semantics from a list styled without markers.
		list.data = { ...list.data, hProperties: { className: ['steps__list'], role: 'list' } } as never;
		node.children = [list];
	},
};
