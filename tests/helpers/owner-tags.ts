/** The owner tags of a course, found independently of the checker, and how to flip one (tests of owner-mismatch). */
import fs from 'node:fs';
import { visit } from 'unist-util-visit';
import type { checkCourse } from '../../src/check/course.ts';
import type { DirectiveNode } from '../../src/directives/types.ts';
import type { Owner } from '../../src/schema/ownership.ts';
import { DEFAULT_PARTIES, SHARED } from '../../src/schema/parties.ts';
import { parseTree } from '../../src/syntax/parse.ts';

type CourseResult = ReturnType<typeof checkCourse>;

export interface OwnerTag {
	file: string;
	text: string;
	name: string;
	ref: string;
	owner: Owner;
	line: number;
	column: number;
	/** Offsets of the `owner=…` value in the file, so the test can rewrite exactly that attribute. */
	valueStart: number;
	valueEnd: number;
	/** For a quiz: its id and its marked options (`- [x] …`), each with its line, column and text. */
	quiz?: { id: string; answers: { line: number; column: number; text: string }[] };
}

/** Every directive in the bundled chapters that carries `ref` and `owner`, found independently of the checker. */
export function ownerTags(course: CourseResult): OwnerTag[] {
	const tags: OwnerTag[] = [];
	for (const chapter of course.chapters) {
		const text = fs.readFileSync(chapter.file, 'utf8');
		visit(parseTree(text), (node) => {
			if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
			const d = node as DirectiveNode;
			const { ref, owner } = d.attributes ?? {};
			if (!ref || !owner) return;
			const start = d.position!.start;
			// The attribute block: the last `{…}` of an inline tag, or the opening line of a block.
			const source = text.slice(start.offset!, d.position!.end.offset!);
			const attrsAt = d.type === 'textDirective' ? source.lastIndexOf('{') : 0;
			const attrsEnd = d.type === 'textDirective' ? source.length : source.indexOf('\n');
			const m = /\bowner=("?)([a-z][a-z0-9-]*)\1/.exec(source.slice(attrsAt, attrsEnd));
			if (!m) throw new Error(`Cannot find owner=${owner} in ${chapter.slug}:${start.line}: ${source.slice(0, 80)}`);
			const valueStart = start.offset! + attrsAt + m.index + 'owner='.length + m[1]!.length;
			const tag: OwnerTag = { file: chapter.file, text, name: d.name, ref, owner: owner as Owner, line: start.line, column: start.column, valueStart, valueEnd: valueStart + m[2]!.length };
			if (d.name === 'quiz' && d.type === 'containerDirective') {
				const items = d.children.flatMap((c) => (c.type === 'list' ? c.children : [])).filter((item) => item.checked === true);
				const answers = items.map((item) => ({
					line: item.position!.start.line,
					column: item.position!.start.column,
					text: text.slice(item.position!.start.offset!, item.position!.end.offset!).replace(/^[-*+] \[x\]\s*/i, '').replace(/\s+/g, ' ').trim(),
				}));
				tag.quiz = { id: String(d.attributes?.id ?? ''), answers };
			}
			tags.push(tag);
		});
	}
	return tags;
}

/** The next owner of a course's owners (the default parties, then shared), to write a wrong tag. */
export const flip = (owner: Owner, owners: readonly Owner[] = [...DEFAULT_PARTIES.map((p) => p.id), SHARED]): Owner => owners[(owners.indexOf(owner) + 1) % owners.length]!;
export const withOwner = (tag: OwnerTag, owner: Owner) => tag.text.slice(0, tag.valueStart) + owner + tag.text.slice(tag.valueEnd);
/** How the checker names a party in messages (the default parties, and shared). */
const labelOf = (owner: Owner) => DEFAULT_PARTIES.find((p) => p.id === owner)?.label ?? (owner === SHARED ? 'Shared' : owner);
/** quiz-answer-owner's message for a quiz tagged `written` whose marked answer names the one party `named`. */
export const answerNames = (tag: OwnerTag, written: Owner, named: Owner, text: string) =>
	written === SHARED
		? `Quiz "${tag.quiz!.id}" is tagged owner=shared, but its correct option names one party, ${labelOf(named)}: "${text}"`
		: `Quiz "${tag.quiz!.id}" is tagged owner=${written}, but its correct option names ${labelOf(named)}: "${text}"`;
export const mismatch = (course: CourseResult, tag: OwnerTag, written: Owner) => {
	const control = course.schema.controls.get(tag.ref)!;
	return `Owner mismatch for "${tag.ref}": written owner=${written}, but the schema says owner=${tag.owner} (ownership.yaml:${control.line}: ${control.title})`;
};

