/**
 * `diagram-no-alt`: every Mermaid diagram needs a text alternative, written on its fence:
 *
 *   ```mermaid alt="A Region holds three Availability Zones, each made of one or more data centers"
 *
 * The page uses it as the drawn diagram's accessible name, shows it instead of the diagram when JavaScript is
 * off, and search indexes it (never the diagram's source). A warning: the diagram still renders without one.
 */
import type { Code, Root } from 'mdast';
import { walk } from '../../core/walk.ts';
import { diagramMetaProblems, fenceAttributes } from '../../syntax/fence.ts';
import type { ChapterRuleContext } from './index.ts';

export function diagramAlt(tree: Root, ctx: ChapterRuleContext) {
	walk(tree, (n) => {
		const node = n as Code;
		if (node.lang !== 'mermaid') return;
		// Other options on the fence (a misspelt `atl`, loose words) are `code-meta` errors, whose fix says what to write.
		if (diagramMetaProblems(node.meta).length) return;
		const { attributes } = fenceAttributes(node.meta);
		if (attributes.alt) return;
		ctx.report(
			node,
			'diagram-no-alt',
			`Mermaid diagram has no text alternative${'alt' in attributes ? ' (its `alt` is empty)' : ''}: screen readers, readers without JavaScript and search get nothing from it`,
			'Say what it shows, in a sentence or two, on the fence: ```mermaid alt="…" (write alt=\'…\' around text that contains ").',
		);
	}, 'code');
}
