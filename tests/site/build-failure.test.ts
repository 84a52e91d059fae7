/** A broken course fails `astro build` before anything is written, naming the file, line and problem. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { checkCourse } from '../../src/check/course.ts';
import { buildCourse, ROOT } from '../helpers/build.ts';
import { flip, mismatch, ownerTags, withOwner } from '../helpers/owner-tags.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'course-broken-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('fails on invalid frontmatter, naming the file and the field, and writes no site', () => {
	const course = path.join(tmp, 'course');
	fs.cpSync(path.join(ROOT, 'tests/fixtures/basic-course'), course, { recursive: true });
	const file = path.join(course, 'chapters/alpha.mdx');
	fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: Alpha basics\n', '').replace('order: 1', 'order: first'));
	const out = path.join(tmp, 'dist');
	const r = buildCourse(course, out);
	expect(r.status).not.toBe(0);
	const rel = path.relative(r.cwd, file);
	expect(r.output).toContain(`${rel}:1:1: error frontmatter-invalid: Missing required frontmatter field "title"`);
	expect(r.output).toMatch(new RegExp(`${rel.replace(/\./g, '\\.')}:\\d+:1: error frontmatter-invalid: Invalid frontmatter field "order"`));
	expect(r.output).toContain('Nothing was built');
	expect(fs.existsSync(path.join(out, 'index.html'))).toBe(false);
});

it('fails on an owner mismatch in the bundled course: path:line:column: error owner-mismatch, and no page', () => {
	const course = checkCourse(path.join(ROOT, 'content'));
	const tag = ownerTags(course).find((t) => t.name === 'control' && path.basename(t.file) === 'shared-responsibility.mdx')!;
	const copy = path.join(tmp, 'bundled');
	fs.cpSync(path.join(ROOT, 'content'), copy, { recursive: true });
	const file = path.join(copy, 'chapters', path.basename(tag.file));
	const written = flip(tag.owner);
	fs.writeFileSync(file, withOwner(tag, written));

	const out = path.join(tmp, 'bundled-dist');
	const r = buildCourse(copy, out);
	expect(r.status).not.toBe(0);
	expect(r.output).toContain(`${path.relative(r.cwd, file)}:${tag.line}:${tag.column}: error owner-mismatch: ${mismatch(course, tag, written)}`);
	expect(fs.existsSync(path.join(out, 'index.html'))).toBe(false);
});
