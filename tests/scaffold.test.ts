/**
 * `npm run new:chapter -- "Title"`: a contributor's first step. In a copy of the bundled course, the new
 * chapter must check clean as created, use every directive of the language with refs from that course's
 * schema, and never overwrite a chapter. (That it builds to a page: tests/site/scaffold-build.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../src/check/course.ts';
import { parseTree } from '../src/syntax/parse.ts';
import { DIRECTIVES } from '../src/directives/registry.ts';
import { loadOwnershipSchema } from '../src/schema/ownership.ts';
import { newChapter as newChapterMain, slugify } from '../src/cli/new-chapter.ts';
import { ROOT } from './helpers/build.ts';

const TITLE = 'Incident response & forensics';
const SLUG = 'incident-response-forensics';

/** The real command, as a contributor runs it (once: creating the chapter). */
const spawnNewChapter = (course: string, args: string[]) =>
	spawnSync(process.execPath, [path.join(ROOT, 'src/cli/new-chapter.ts'), ...args], { cwd: ROOT, env: { ...process.env, COURSE_DIR: course }, encoding: 'utf8' });

/** The same command in-process, through its exported entry. */
function newChapter(course: string, args: string[]) {
	let stdout = '';
	let stderr = '';
	const saved = process.env.COURSE_DIR;
	process.env.COURSE_DIR = course;
	try {
		const status = newChapterMain(args, (t) => (stdout += `${t}\n`), (t) => (stderr += `${t}\n`));
		return { status, stdout, stderr };
	} finally {
		if (saved === undefined) delete process.env.COURSE_DIR;
		else process.env.COURSE_DIR = saved;
	}
}

describe('new:chapter', () => {
	let course: string;
	let created: ReturnType<typeof spawnNewChapter>;
	let file: string;
	let ordersBefore: number[];

	beforeAll(() => {
		course = fs.mkdtempSync(path.join(os.tmpdir(), 'scaffold-course-'));
		fs.cpSync(path.join(ROOT, 'content'), course, { recursive: true });
		ordersBefore = checkCourse(course).chapters.map((c) => c.frontmatter!.order);
		created = spawnNewChapter(course, [TITLE]);
		file = path.join(course, 'chapters', `${SLUG}.mdx`);
	});
	afterAll(() => {
		fs.rmSync(course, { recursive: true, force: true });
	});

	it('creates chapters/<slug>.mdx and prints its path', () => {
		expect(created.stderr).toBe('');
		expect(created.status).toBe(0);
		expect(created.stdout.trim()).toBe(`Created ${file}`);
		expect(fs.existsSync(file)).toBe(true);
	});

	it('puts the chapter at the next order, with the title in the frontmatter', () => {
		const facts = checkCourse(course).chapters.find((c) => c.slug === SLUG)!;
		expect(facts.frontmatter).toMatchObject({ title: TITLE, order: Math.max(...ordersBefore) + 1 });
	});

	it('checks clean: no errors and no warnings anywhere in the course', () => {
		expect(checkCourse(course).diagnostics).toEqual([]);
	});

	it('uses every directive of the language, with refs from the course schema', () => {
		const tree = parseTree(fs.readFileSync(file, 'utf8'));
		const used = new Set<string>();
		const refs: string[] = [];
		visit(tree, (node) => {
			if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
			const d = node as { name: string; attributes?: Record<string, string | null | undefined> };
			used.add(d.name);
			if (d.attributes?.ref) refs.push(d.attributes.ref);
			if (d.attributes?.refs) refs.push(...d.attributes.refs.split(','));
		});
		for (const spec of DIRECTIVES) expect(spec.names.some((n) => used.has(n)), spec.names.join('/')).toBe(true);
		const { schema } = loadOwnershipSchema(path.join(course, 'ownership.yaml'));
		expect(refs.length).toBeGreaterThan(0);
		for (const ref of refs) expect(schema.controls.has(ref), ref).toBe(true);
	});

	it('refuses to overwrite an existing chapter', () => {
		const before = fs.readFileSync(file, 'utf8');
		fs.appendFileSync(file, '\nAn edit the author made.\n');
		const again = newChapter(course, [TITLE]);
		expect(again.status).toBe(1);
		expect(again.stderr).toContain(`${file} already exists; nothing was written.`);
		expect(fs.readFileSync(file, 'utf8')).toBe(`${before}\nAn edit the author made.\n`);
	});

	it('explains what is missing or unusable in the arguments', () => {
		const none = newChapter(course, []);
		expect(none.status).toBe(2);
		expect(none.stderr).toContain('Missing the chapter title.');
		const unsluggable = newChapter(course, ['日本語']);
		expect(unsluggable.status).toBe(2);
		expect(unsluggable.stderr).toContain('Cannot make a file name from "日本語": pass one with --slug');
	});

	it('makes URL-safe slugs', () => {
		expect(slugify('Identity & Access (IAM)')).toBe('identity-access-iam');
		expect(slugify('  Données à caractère personnel ')).toBe('donnees-a-caractere-personnel');
	});

	it.each([
		['the example course (German, Microsoft and Kunde)', 'examples/azure-de', ['Microsoft', 'Kunde', 'Shared: Microsoft and Kunde each own a part']],
		['a course with three parties', 'tests/fixtures/three-party-course', ['Google Cloud', 'Customer', 'Managed service provider', 'Shared: Google Cloud, Customer, and Managed service provider each own a part']],
	])('writes a chapter that checks clean in %s, its quiz offering the schema’s parties', (_, dir, options) => {
		const other = fs.mkdtempSync(path.join(os.tmpdir(), 'scaffold-parties-'));
		try {
			fs.cpSync(path.join(ROOT, dir), other, { recursive: true });
			expect(newChapter(other, [TITLE]).status).toBe(0);
			expect(checkCourse(other).diagnostics).toEqual([]);
			const text = fs.readFileSync(path.join(other, 'chapters', `${SLUG}.mdx`), 'utf8');
			const quiz = text.slice(text.indexOf(':::quiz'));
			expect([...quiz.matchAll(/^- \[[ x]\] (.*)$/gm)].map((m) => m[1])).toEqual(options);
			expect(text).not.toMatch(/\bAWS\b/);
		} finally {
			fs.rmSync(other, { recursive: true, force: true });
		}
	});
});
