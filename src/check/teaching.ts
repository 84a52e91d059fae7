/**
 * Which section of a chapter teaches each quiz: the target of the practice exam's "review" links. A quiz often
 * sits in a section of its own ("Check your understanding") that teaches nothing, so the heading above it is
 * not always the answer. In order:
 *
 *  1. the quiz's own section, when prose comes before the quiz in it (at least TEACHING_WORDS words that are
 *     not other quizzes, exercises or flashcards);
 *  2. the section where the chapter tags the quiz's `ref` (the nearest tag above the quiz, else the first);
 *  3. the section whose words the quiz shares most (question, options and explanation against each section's
 *     heading and prose, rarer words weighing more);
 *  4. the nearest section above the quiz that teaches anything;
 *  5. none: the link goes to the top of the chapter.
 */
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { QuizFact, TagFact } from '../directives/types.ts';
import { stemsOf } from './rules/claims/tokens.ts';

/** Fewer words than this before a quiz ("Test yourself:") do not make its section a teaching one. */
export const TEACHING_WORDS = 12;

const PRACTICE = new Set(['quiz', 'ownership-exercise', 'flashcards']);

/** Words too common to say which section a quiz is about (stemmed, as stemsOf returns them). */
const STOP = new Set(
	(
		'a an and ani ar as at be been befor but by can do doe each for from had ha have how i if in into is it its itself' +
		' not of on onc or other so such than that the their them then there these thei thi those to too up us veri wa we' +
		' were what when where which while who whi will with would you your yourself should could must may'
	).split(' '),
);
const contentStems = (text: string) => stemsOf(text).filter((t) => !STOP.has(t) && t.length > 1);

interface Section {
	id: string | undefined;
	depth: number;
	/** Line of the heading (0 for the text before the first heading). */
	line: number;
	heading: string;
	/** Prose that is not quizzes, exercises or flashcards. */
	prose: string[];
	words: number;
}

const isPractice = (node: RootContent) => (node.type === 'containerDirective' || node.type === 'leafDirective') && PRACTICE.has(node.name);
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Quiz nodes anywhere inside a top-level node, with their ids. */
function quizzesIn(node: Nodes, out: { id: string; node: Nodes }[] = []) {
	if (node.type === 'containerDirective' && node.name === 'quiz' && typeof node.attributes?.id === 'string') out.push({ id: node.attributes.id, node });
	else if ('children' in node) for (const c of node.children) quizzesIn(c as Nodes, out);
	return out;
}

/** Fill in `teaches` on each quiz fact. `tags` and `quizzes` are the chapter's facts; headings carry their ids. */
export function findTeachingSections(tree: Root, quizzes: QuizFact[], tags: readonly TagFact[]): void {
	if (quizzes.length === 0) return;
	const sections: Section[] = [{ id: undefined, depth: 1, line: 0, heading: '', prose: [], words: 0 }];
	/** For each quiz id: its section's index and how many prose words came before it there. */
	const where = new Map<string, { section: number; before: number }>();
	for (const node of tree.children) {
		if (node.type === 'heading' && node.depth <= 3) {
			const id = (node.data?.hProperties as { id?: unknown } | undefined)?.id;
			sections.push({ id: typeof id === 'string' ? id : undefined, depth: node.depth, line: node.position?.start.line ?? 0, heading: toString(node as Heading), prose: [], words: 0 });
			continue;
		}
		const current = sections.at(-1)!;
		for (const q of quizzesIn(node)) if (!where.has(q.id)) where.set(q.id, { section: sections.length - 1, before: current.words });
		if (isPractice(node)) continue;
		const text = toString(node);
		current.prose.push(text);
		current.words += wordCount(text);
	}
	const teaching = sections.map((s, i) => ({ s, i })).filter(({ s }) => s.id !== undefined && s.words >= TEACHING_WORDS);
	// The sections' words are only needed when a quiz's section must be found by them: worked out on first use
	// (stemming a whole chapter is the costliest step of a check).
	let index: { stems: { heading: Set<string>; all: Set<string> }[]; df: Map<string, number>; nodes: Map<string, Nodes> } | undefined;
	const wordsIndex = () => {
		if (index) return index;
		const stems = teaching.map(({ s }) => ({ heading: new Set(contentStems(s.heading)), all: new Set([...contentStems(s.heading), ...s.prose.flatMap((p) => contentStems(p))]) }));
		// How many teaching sections each stem occurs in: a word every section has says nothing about which one.
		const df = new Map<string, number>();
		for (const s of stems) for (const t of s.all) df.set(t, (df.get(t) ?? 0) + 1);
		return (index = { stems, df, nodes: new Map(quizzesIn(tree).map((q) => [q.id, q.node])) });
	};
	/** The candidate (indices into `teaching`) the quiz's words match best; ties go to the one nearest above. */
	const bestMatch = (quizId: string, candidates: number[], quizSection: number): number | undefined => {
		const { stems, df, nodes } = wordsIndex();
		const node = nodes.get(quizId);
		const words = new Set(node ? contentStems(toString(node)) : []);
		let best: number | undefined;
		let bestScore = 0;
		for (const k of candidates) {
			let score = 0;
			for (const t of words) if (stems[k]!.all.has(t)) score += Math.log(teaching.length / df.get(t)!) * (stems[k]!.heading.has(t) ? 3 : 1);
			const tie = best !== undefined && Math.abs(score - bestScore) <= 1e-9 && nearer(teaching[k]!.i, teaching[best]!.i, quizSection);
			if (score > bestScore + 1e-9 || (score > 0 && tie)) {
				best = k;
				bestScore = score;
			}
		}
		return best;
	};

	for (const quiz of quizzes) {
		const at = where.get(quiz.id);
		if (!at) continue;
		const own = sections[at.section]!;
		// 1. After prose in its own section. At the end of a run of subsections it may test any of them
		//    ("### S3", "### EBS", "### RDS", then the quizzes): the best match among those; ties go to its own.
		if (own.id !== undefined && at.before >= TEACHING_WORDS) {
			const group = siblingsAbove(sections, at.section);
			const candidates = teaching.flatMap(({ i }, k) => (group.includes(i) ? [k] : []));
			// A single candidate is the quiz's own section, whatever the words say.
			const best = candidates.length > 1 ? bestMatch(quiz.id, candidates, at.section) : undefined;
			quiz.teaches = best === undefined ? own.id : teaching[best]!.s.id;
			continue;
		}
		// 2. Where the chapter tags the control the quiz is about.
		const tagged = quiz.ref ? tags.filter((t) => t.ref === quiz.ref && t.kind !== 'quiz' && teaching.some(({ s }) => s.id === t.section)) : [];
		const tag = tagged.filter((t) => t.line < quiz.line).at(-1) ?? tagged[0];
		if (tag) {
			quiz.teaches = tag.section;
			continue;
		}
		// 3. The section the quiz shares most words with; 4. the nearest teaching section above.
		const best = bestMatch(quiz.id, teaching.map((_, k) => k), at.section);
		quiz.teaches = best !== undefined ? teaching[best]!.s.id : teaching.filter(({ i }) => i < at.section).at(-1)?.s.id;
	}
}

/** The section at `index` and the subsections before it under the same parent heading. */
function siblingsAbove(sections: Section[], index: number): number[] {
	const depth = sections[index]!.depth;
	if (depth < 3) return [index];
	const out = [index];
	for (let i = index - 1; i > 0 && sections[i]!.depth >= depth; i--) out.push(i);
	return out;
}

/** Is section `a` nearer to the quiz's section `q` than section `b`, preferring sections above it? */
function nearer(a: number, b: number, q: number): boolean {
	const da = a <= q ? q - a : 1000 + (a - q);
	const db = b <= q ? q - b : 1000 + (b - q);
	return da < db;
}
