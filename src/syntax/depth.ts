/**
 * The deepest point of a tree, found without recursion: the tree comes from untrusted text, and every later
 * step (the checks, the renderer) walks it recursively, so an over-deep tree is stopped here first.
 */
import type { Node, Parent } from 'unist';

/** The first node deeper than `max`, or undefined. Depth of the root is 0. */
export function tooDeep(root: Node, max: number): Node | undefined {
	const stack: [Node, number][] = [[root, 0]];
	while (stack.length) {
		const [node, depth] = stack.pop()!;
		if (depth > max) return node;
		const children = (node as Parent).children;
		if (children) for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
	}
	return undefined;
}
