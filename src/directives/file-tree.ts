/**
 * `:::file-tree` around one nested bulleted list — a folder layout. Each item is a name, then an optional
 * comment: `- src/ the sources`. A name ending in `/`, or an item with a nested list, is a directory; a
 * **bold** name is highlighted; `` `a name with spaces` `` keeps its spaces; `…` stands for more entries.
 * Directories are `<details open>`, so the tree folds without JavaScript.
 */
import type { List, ListItem, PhrasingContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import { type Child, el, text } from './mdast.ts';
import type { DirectiveSpec } from './types.ts';

export interface FileEntry {
	name: string;
	/** The name as written (a text, a bold name or inline code). */
	nameNodes: PhrasingContent[];
	directory: boolean;
	highlighted: boolean;
	placeholder: boolean;
	comment: PhrasingContent[];
	children: FileEntry[];
}

export interface TreeProblem {
	node: Node;
	message: string;
}

const PLACEHOLDER = /^(\.{3}|…)$/;

/** Read one list item; problems are collected, and a readable entry is returned when there is a name. */
function entry(item: ListItem, problems: TreeProblem[]): FileEntry | undefined {
	const [first, ...rest] = item.children;
	const nested = rest.find((c): c is List => c.type === 'list' && !c.ordered);
	for (const extra of rest.filter((c) => c !== nested))
		problems.push({ node: extra, message: `Unexpected ${extra.type === 'list' ? (extra.ordered ? 'numbered list' : 'second list') : extra.type} in a file tree entry, expected a name, a comment and at most one nested list` });
	if (first?.type !== 'paragraph') {
		problems.push({ node: item, message: 'A file tree entry has no name' });
		return undefined;
	}
	const [lead, ...after] = first.children;
	let nameNodes: PhrasingContent[];
	let name: string;
	let comment: PhrasingContent[];
	if (lead?.type === 'strong' || lead?.type === 'inlineCode') {
		nameNodes = [lead];
		name = toString(lead).trim();
		comment = after;
	} else if (lead?.type === 'text') {
		// The name is the first word; the rest of the line is the comment (as Starlight's file trees read).
		const [, word = '', tail = ''] = /^\s*(\S*)\s*([\s\S]*)$/.exec(lead.value) ?? [];
		nameNodes = [text(word)];
		name = word;
		comment = [...(tail ? [text(tail)] : []), ...after];
	} else {
		problems.push({ node: item, message: `A file tree entry starts with ${lead ? `a ${lead.type}` : 'nothing'}, expected a file or directory name` });
		return undefined;
	}
	if (!name) {
		problems.push({ node: item, message: 'A file tree entry has no name' });
		return undefined;
	}
	const lead0 = comment[0];
	if (lead0?.type === 'text') comment = [{ ...lead0, value: lead0.value.replace(/^\s+/, '') }, ...comment.slice(1)].filter((c) => c.type !== 'text' || c.value);
	const children = nested ? entries(nested, problems) : [];
	return { name, nameNodes, directory: name.endsWith('/') || !!nested, highlighted: lead?.type === 'strong', placeholder: PLACEHOLDER.test(name), comment, children };
}

const entries = (list: List, problems: TreeProblem[]) => list.children.flatMap((item) => entry(item, problems) ?? []);

/** The entries of a file tree, its top-level list, and every problem with it. */
export function fileTreeParts(node: ContainerDirective): { list?: List; entries: FileEntry[]; problems: TreeProblem[] } {
	const problems: TreeProblem[] = [];
	const list = node.children.find((c): c is List => c.type === 'list' && !c.ordered);
	for (const c of node.children) if (c !== list) problems.push({ node: c, message: `Unexpected ${c.type === 'list' ? (c.ordered ? 'numbered list' : 'second list') : c.type} in a file tree, expected only one bulleted list` });
	if (!list) return { entries: [], problems };
	return { list, entries: entries(list, problems), problems };
}

function renderEntry(e: FileEntry): Child {
	const kind = e.placeholder ? 'placeholder' : e.directory ? 'dir' : 'file';
	// A trailing slash is the directory cue that survives without styles and is read out by screen readers.
	const name = el('span', { className: ['file-tree__name', ...(e.highlighted ? ['file-tree__name--highlight'] : [])] }, [...e.nameNodes, ...(e.directory && !e.name.endsWith('/') ? [text('/')] : [])]);
	const line: Child[] = [name, ...(e.comment.length ? [text(' '), el('span', { className: ['file-tree__comment'] }, e.comment)] : [])];
	const body: Child[] = e.children.length ? [el('details', { open: true }, [el('summary', {}, line), list(e.children)])] : line;
	return el('li', { className: ['file-tree__entry', `file-tree__entry--${kind}`] }, body);
}

const list = (items: FileEntry[]) => el('ul', {}, items.map(renderEntry));

const HINT = 'Write one bulleted list: `- name comment`, nested by two spaces per level; end a directory name with `/`.';

export const fileTree: DirectiveSpec = {
	names: ['file-tree'],
	kinds: ['containerDirective'],
	summary: 'A folder layout from a nested list: a trailing `/` or children make a directory, **bold** highlights, text after the name is a comment.',
	example: ':::file-tree\n- content/\n  - course.yaml the title and description\n  - ownership.yaml\n  - chapters/\n    - **patching.mdx** the chapter you are reading\n    - …\n:::',
	attributes: {},
	check(node, ctx) {
		const { list: top, problems } = fileTreeParts(node as ContainerDirective);
		if (!top) {
			const numbered = (node as ContainerDirective).children.find((c) => c.type === 'list');
			ctx.report(numbered ?? node, 'file-tree-invalid', numbered ? 'A file tree needs a bulleted list, not a numbered one' : 'A file tree needs a bulleted list', HINT);
			return;
		}
		for (const p of problems) ctx.report(p.node, 'file-tree-invalid', p.message, HINT);
	},
	render(node, ctx) {
		const { entries: tree } = fileTreeParts(node as ContainerDirective);
		node.data = { hName: 'div', hProperties: { className: ['file-tree'], role: 'group', 'aria-label': ctx.ui.t('fileTree.label') } };
		node.children = [list(tree)] as never;
	},
};
