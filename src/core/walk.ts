/**
 * Walk a unist tree in document order, as `unist-util-visit` does (visitor gets node, index, parent; return
 * 'skip' to not enter the node, or an index to continue among its siblings there), without the parent arrays
 * that library builds at every step: the checker and the renderer walk every chapter several times. Trees are
 * at most `limits.depth` deep (src/syntax/depth.ts runs first), so recursion is safe.
 */
import type { Node, Parent } from 'unist';

export type Visitor<T extends Node = Node> = (node: T, index: number | undefined, parent: Parent | undefined) => void | 'skip' | number;

export function walk(root: Node, visitor: Visitor, types?: ReadonlySet<string> | string): void {
	const wanted = typeof types === 'string' ? new Set([types]) : types;
	const go = (node: Node, index: number | undefined, parent: Parent | undefined): void | 'skip' | number => {
		const result = wanted && !wanted.has(node.type) ? undefined : visitor(node, index, parent);
		if (result === 'skip') return result;
		const children = (node as Parent).children;
		if (children) for (let i = 0; i < children.length; ) {
			const next = go(children[i]!, i, node as Parent);
			i = typeof next === 'number' ? next : i + 1;
		}
		return result;
	};
	go(root, undefined, undefined);
}
