/**
 * `diagram-no-alt`: every Mermaid diagram needs a text alternative, written on its fence:
 *
 *   ```mermaid alt="A Region holds three Availability Zones, each made of one or more data centers"
 *
 * The page uses it as the drawn diagram's accessible name, shows it instead of the diagram when JavaScript is
 * off, and search indexes it (never the diagram's source). A warning: the diagram still renders without one.
 */
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { fenceAttributes } from '../../syntax/fence.ts';
import type { ChapterRuleContext } from './index.ts';


export function diagramAlt(tree: Root, ctx: ChapterRuleContext) {
	visit(tree, 'code', (node: Code) => {
		if (node.lang !== 'mermaid') return;
		const { attributes, rest } = fenceAttributes(node.meta);
		if (attributes.alt) return;
		const keys = Object.keys(attributes);
		const found = 'alt' in attributes ? 'its `alt` is empty' : keys.length ? `the fence has \`${keys.join('`, `')}\` but no \`alt\`` : rest ? `the fence has \`${rest}\` but no \`alt\`` : '';
		ctx.report(
			node,
			'diagram-no-alt',
			`Mermaid diagram has no text alternative${found ? ` (${found})` : ''}: screen readers, readers without JavaScript and search get nothing from it`,
			'Say what it shows, in a sentence or two, on the fence: ```mermaid alt="…" (write alt=\'…\' around text that contains ").',
		);
	});
}
