/**
 * The prose of a chapter as passages — a paragraph, a heading, a list item's paragraph, a table cell — each
 * a plain string that maps back to the source, with what the surrounding markup says about it:
 *
 * - Owner tags (`:control[…]{ref owner}`) are blanked out, and the controls they (or an enclosing
 *   `:::control`, `:::card` or `:::quiz` with `ref`) tag are not looked for again in the passage.
 * - Code, HTML, expressions, diagrams, frontmatter and the ownership exercise are not prose.
 * - Quizzes: the question and the explanation are prose; the options belong to `quiz-answer-owner`.
 * - **Misconceptions** are skipped: the label of a `:::warning` or `:::exam-trap` callout (it states the
 *   wrong belief), and every cell of a table column whose header says mistake, myth, wrong,
 *   misconception, incorrect, false, belief or trap. The body of such a callout is a `trap` passage:
 *   the rule reads it, but a sentence in it that names a belief is not a claim.
 */
import type { Parent, Root, RootContent, Table } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { quizParts } from '../../../directives/quiz.ts';

export interface Passage {
	text: string;
	/** Source offset of each segment's first character; `exact` when the segment is the source verbatim. */
	segments: { at: number; source: number; length: number; exact: boolean }[];
	/** Control ids tagged in or around the passage. */
	tagged: Set<string>;
	context: 'prose' | 'trap';
}

/** Stands for a blanked-out tag (U+FFFC, the object replacement character), so "… hypervisor. :control[…] are yours" still starts a sentence there. */
export const PLACEHOLDER = '\uFFFC';

const TRAP_CALLOUTS = new Set(['warning', 'exam-trap']);
const MISTAKE_HEADER = /\b(mistakes?|myths?|wrong|misconceptions?|incorrect|false|beliefs?|traps?)\b/i;
const SKIP = new Set(['yaml', 'code', 'html', 'mdxjsEsm', 'mdxFlowExpression', 'mdxJsxFlowElement', 'definition', 'footnoteDefinition', 'thematicBreak', 'leafDirective']);

type Block = RootContent;

export function passagesOf(tree: Root): Passage[] {
	const out: Passage[] = [];
	const walk = (nodes: readonly Block[], tagged: ReadonlySet<string>, context: Passage['context']) => {
		for (const node of nodes) block(node, tagged, context);
	};
	const block = (node: Block, tagged: ReadonlySet<string>, context: Passage['context']) => {
		if (SKIP.has(node.type)) return;
		if (node.type === 'paragraph' || node.type === 'heading') {
			if (node.type === 'paragraph' && node.data && 'directiveLabel' in node.data && node.data.directiveLabel) return;
			out.push(passage(node, tagged, context));
			return;
		}
		if (node.type === 'table') return table(node, tagged, context);
		if (node.type === 'containerDirective') {
			const d = node as ContainerDirective;
			const ref = d.attributes?.ref;
			const inner = ref && d.attributes?.owner ? new Set([...tagged, ref]) : tagged;
			if (d.name === 'quiz') {
				const q = quizParts(d);
				return walk([...q.question, ...q.explanation], inner, context);
			}
			if (d.name === 'flashcards' || d.name === 'ownership-exercise') return walk(d.children, inner, context);
			if (TRAP_CALLOUTS.has(d.name)) return walk(d.children, inner, 'trap');
			// Other callouts: their label is a title, read like a heading.
			for (const child of d.children) {
				if (child.type === 'paragraph' && child.data?.directiveLabel) out.push(passage(child, inner, context));
				else block(child, inner, context);
			}
			return;
		}
		if ('children' in node) walk((node as Parent).children as Block[], tagged, context);
	};
	const table = (node: Table, tagged: ReadonlySet<string>, context: Passage['context']) => {
		const [head, ...rows] = node.children;
		const mistaken = (head?.children ?? []).map((cell) => MISTAKE_HEADER.test(toString(cell)));
		if (head) for (const cell of head.children) out.push(passage(cell, tagged, context));
		for (const row of rows) row.children.forEach((cell, i) => !mistaken[i] && out.push(passage(cell, tagged, context)));
	};
	walk(tree.children, new Set(), 'prose');
	return out.filter((p) => p.text.trim());
}

/** Flatten phrasing content: text as written, owner tags and code blanked, other markup transparent. */
function passage(node: Parent, around: ReadonlySet<string>, context: Passage['context']): Passage {
	const p: Passage = { text: '', segments: [], tagged: new Set(around), context };
	const add = (text: string, start: number | undefined, exact: boolean) => {
		p.segments.push({ at: p.text.length, source: start ?? 0, length: text.length, exact });
		p.text += text;
	};
	const visit = (n: RootContent) => {
		const start = n.position?.start.offset;
		if (n.type === 'text') {
			const end = n.position?.end.offset;
			// Typographic quotes replace ' with ’ one for one, so a text as long as its source maps letter by letter.
			add(n.value, start, start !== undefined && end !== undefined && end - start === n.value.length);
		} else if (n.type === 'textDirective') {
			const d = n as TextDirective;
			if (d.name === 'term') d.children.forEach(visit);
			else {
				// An owner tag is a claim already checked against the schema; any other text directive is prose like `re:Invent`.
				if (d.attributes?.ref) p.tagged.add(d.attributes.ref);
				add(PLACEHOLDER, start, false);
			}
		} else if (n.type === 'break') add(' ', start, false);
		else if ('children' in n) (n as Parent).children.forEach((c) => visit(c as RootContent));
		else add(' ', start, false); // inline code, HTML, expressions, images: not words of the sentence
	};
	node.children.forEach((c) => visit(c as RootContent));
	return p;
}

/** Source offset of a passage offset. */
export function sourceOffset(p: Passage, at: number): number {
	let lo = 0;
	let hi = p.segments.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (p.segments[mid]!.at <= at) lo = mid;
		else hi = mid - 1;
	}
	const s = p.segments[lo];
	if (!s) return 0;
	return s.exact ? s.source + Math.min(at - s.at, s.length) : s.source;
}
