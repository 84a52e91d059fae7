/**
 * `::::tabs{default="Label"}` holding `:::tab[Label]` … `:::` blocks — alternatives a reader picks one of
 * (package managers, operating systems). The page holds every panel under its label, so it reads without
 * JavaScript and search indexes every panel; src/scripts/tabs.ts turns it into the ARIA tabs pattern.
 */
import type { BlockContent, Paragraph } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import { didYouMean, suggest } from '../core/suggest.ts';
import { el } from './mdast.ts';
import type { DirectiveSpec } from './types.ts';

export interface TabPart {
	label: string;
	labelNodes: Paragraph['children'];
	body: BlockContent[];
	node: ContainerDirective;
}

const labelOf = (node: ContainerDirective) => node.children.find((c): c is Paragraph => c.type === 'paragraph' && !!c.data?.directiveLabel);

/** The tabs of a `::::tabs` block, and its children that are not tabs (each an error). */
export function tabParts(node: ContainerDirective): { tabs: TabPart[]; strays: Node[] } {
	const tabs: TabPart[] = [];
	const strays: Node[] = [];
	for (const child of node.children) {
		if (child.type === 'containerDirective' && child.name === 'tab') {
			const label = labelOf(child);
			tabs.push({ label: label ? toString(label).trim() : '', labelNodes: label?.children ?? [], body: child.children.filter((c) => c !== label) as BlockContent[], node: child });
		} else strays.push(child);
	}
	return { tabs, strays };
}

/** Tabs that sit directly in a `::::tabs` block. The tabs check runs first (the walk is parent first), so `tab` can tell. */
const placed = new WeakSet<Node>();

const HINT = 'Write `::::tabs`, then one `:::tab[Label]` … `:::` block per tab, then `::::`.';

export const tabs: DirectiveSpec = {
	names: ['tabs'],
	kinds: ['containerDirective'],
	summary: 'Alternatives a reader picks one of: `:::tab[Label]` blocks; every panel shows, under its label, without JavaScript.',
	example: '::::tabs{default="Console"}\n:::tab[Console]\nOpen the console and choose **Create trail**.\n:::\n:::tab[CLI]\nRun `trail create --all-regions`.\n:::\n::::',
	attributes: {
		default: { type: 'string', doc: 'the label of the tab shown first (default: the first tab)' },
	},
	check(node, ctx) {
		const { tabs: parts, strays } = tabParts(node as ContainerDirective);
		for (const stray of strays) {
			const what = stray.type === 'paragraph' && (stray as Paragraph).data?.directiveLabel ? 'label' : stray.type === 'containerDirective' ? `:::${(stray as ContainerDirective).name}` : stray.type;
			ctx.report(stray, 'tabs-invalid', `Unexpected ${what} in tabs, expected only :::tab[Label] blocks`, what === 'label' ? 'Remove the [label] after ::::tabs: each tab has its own.' : 'Move it into a :::tab[Label] block, or out of the tabs.');
		}
		if (parts.length === 0) {
			ctx.report(node, 'tabs-invalid', 'Tabs need at least one :::tab[Label] block', HINT);
			return;
		}
		const seen = new Map<string, TabPart>();
		for (const part of parts) {
			placed.add(part.node);
			if (!part.label) {
				ctx.report(part.node, 'tabs-invalid', 'A tab has no label', 'Write the label in brackets: `:::tab[Label]`.');
				continue;
			}
			const first = seen.get(part.label);
			if (first) ctx.report(part.node, 'tabs-invalid', `Duplicate tab label "${part.label}", first used at line ${first.node.position?.start.line ?? 1}`, 'Give every tab of a block its own label.');
			else seen.set(part.label, part);
		}
		const wanted = node.attributes?.default;
		if (wanted != null && wanted.trim() && !seen.has(wanted.trim())) {
			const s = suggest(wanted.trim(), seen.keys());
			ctx.report(node, 'unknown-tab', `Unknown tab "${wanted}" in default, expected one of ${[...seen.keys()].map((l) => `"${l}"`).join(', ')}.${didYouMean(s)}`, s ? `Write default="${s}".` : 'Write default= with the label of one of the tabs, or remove it.');
		}
	},
	render(node, ctx) {
		const { tabs: parts } = tabParts(node as ContainerDirective);
		const id = ctx.nextId('tabs');
		const wanted = node.attributes?.default?.trim();
		const selected = Math.max(0, parts.findIndex((p) => p.label === wanted));
		node.data = { hName: 'div', hProperties: { className: ['tabs'], 'data-tabs': '', 'data-selected': String(selected) } };
		node.children = parts.map((p, i) =>
			el('div', { className: ['tabs__panel'], id: `${id}-panel-${i + 1}`, 'data-tab-panel': '' }, [el('p', { className: ['tabs__label'], 'data-tab-label': '' }, p.labelNodes), ...p.body]),
		) as never;
	},
};

export const tab: DirectiveSpec = {
	names: ['tab'],
	kinds: ['containerDirective'],
	summary: 'One panel of a `::::tabs` block, with its label in brackets.',
	// A tab only exists inside tabs: its example is part of the tabs example.
	example: ':::tab[CLI]\nRun `trail create --all-regions`.\n:::',
	attributes: {},
	check(node, ctx) {
		if (!placed.has(node)) ctx.report(node, 'tabs-invalid', 'Unexpected :::tab outside tabs, expected it directly inside a ::::tabs block', HINT);
	},
	render(node) {
		// Only reached when a tab is not in tabs, which the check rejects; render it as a plain block anyway.
		const label = labelOf(node as ContainerDirective);
		node.data = { hName: 'div', hProperties: { className: ['tabs__panel'] } };
		if (label) label.data = { ...label.data, hName: 'p', hProperties: { className: ['tabs__label'] } } as never;
	},
};
