/**
 * The bundled course (content/) is clean, and every owner tag in it is really checked: flipping any one tag's
 * owner yields exactly one owner-mismatch, at that tag, naming the control and both owners. One real build
 * proves the same mismatch stops `astro build` before a page is written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/check/course.ts';
import { parseTree } from '../../src/syntax/parse.ts';
import { checkText } from '../helpers/check.ts';
import type { DirectiveNode } from '../../src/directives/types.ts';
import { OWNERS, type Owner } from '../../src/schema/ownership.ts';
import { buildCourse, ROOT } from '../helpers/build.ts';

const CONTENT = path.join(ROOT, 'content');
const course = checkCourse(CONTENT);

interface OwnerTag {
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
}

/** Every directive in the bundled chapters that carries `ref` and `owner`, found independently of the checker. */
function ownerTags(): OwnerTag[] {
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
			const m = /\bowner=("?)(aws|customer|shared)\1/.exec(source.slice(attrsAt, attrsEnd));
			if (!m) throw new Error(`Cannot find owner=${owner} in ${chapter.slug}:${start.line}: ${source.slice(0, 80)}`);
			const valueStart = start.offset! + attrsAt + m.index + 'owner='.length + m[1]!.length;
			tags.push({ file: chapter.file, text, name: d.name, ref, owner: owner as Owner, line: start.line, column: start.column, valueStart, valueEnd: valueStart + m[2]!.length });
		});
	}
	return tags;
}

const TAGS = ownerTags();
const flip = (owner: Owner): Owner => OWNERS[(OWNERS.indexOf(owner) + 1) % OWNERS.length]!;
const withOwner = (tag: OwnerTag, owner: Owner) => tag.text.slice(0, tag.valueStart) + owner + tag.text.slice(tag.valueEnd);
const mismatch = (tag: OwnerTag, written: Owner) => {
	const control = course.schema.controls.get(tag.ref)!;
	return `Owner mismatch for "${tag.ref}": written owner=${written}, but the schema says owner=${tag.owner} (ownership.yaml:${control.line}: ${control.title})`;
};

it('has no problems', () => {
	expect(course.diagnostics).toEqual([]);
});

describe('every owner tag is checked', () => {
	it('finds every tag the checker indexes, of every kind', () => {
		const indexed = course.chapters.flatMap((c) => c.tags);
		expect(TAGS.length).toBe(indexed.length);
		expect(new Set(TAGS.map((t) => t.name))).toEqual(new Set(['control', 'card', 'quiz']));
		expect(new Set(indexed.map((t) => t.kind))).toEqual(new Set(['inline', 'block', 'card', 'quiz']));
	});

	it.each(TAGS.map((t) => [`${path.basename(t.file)}:${t.line}:${t.column} ${t.name} ${t.ref}`, t] as const))('%s', (_, tag) => {
		const written = flip(tag.owner);
		const { diagnostics } = checkText(tag.file, withOwner(tag, written), course.schema);
		expect(diagnostics.map((d) => ({ line: d.line, column: d.column, ruleId: d.ruleId, message: d.message }))).toEqual([
			{ line: tag.line, column: tag.column, ruleId: 'owner-mismatch', message: mismatch(tag, written) },
		]);
	});
});

describe('a mismatch stops the real build', () => {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'course-mismatch-'));
	afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

	it('exits non-zero, prints path:line:column: error owner-mismatch, and writes no page', () => {
		const tag = TAGS.find((t) => t.name === 'control' && path.basename(t.file) === 'shared-responsibility.mdx')!;
		const copy = path.join(tmp, 'course');
		fs.cpSync(CONTENT, copy, { recursive: true });
		const file = path.join(copy, 'chapters', path.basename(tag.file));
		const written = flip(tag.owner);
		fs.writeFileSync(file, withOwner(tag, written));

		const out = path.join(tmp, 'dist');
		const r = buildCourse(copy, out);
		expect(r.status).not.toBe(0);
		expect(r.output).toContain(`${path.relative(r.cwd, file)}:${tag.line}:${tag.column}: error owner-mismatch: ${mismatch(tag, written)}`);
		expect(fs.existsSync(path.join(out, 'index.html'))).toBe(false);
	});
});
