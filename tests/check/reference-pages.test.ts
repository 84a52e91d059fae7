/**
 * The untagged-claim rules measured on five public course pages about the shared responsibility model,
 * rewritten as chapters (fixtures/reference-pages; their exact output is its expected.txt). Each statement
 * in them that contradicts the schema carries a comment `{/* wrong: <control id> … *\/}` on its line. The
 * rule must report no conflict anywhere else (precision), and it must keep finding the ones it finds today
 * (recall), among them the issue's examples: EBS encryption at rest as an AWS default, S3 encryption as
 * something the customer must turn on, and RDS backups given wholly to one side. The pages are read with the
 * bundled course's schema (a copy, kept equal here). The figures are in docs/authoring.md ("Measured").
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkChapter } from '../../src/check/chapter.ts';
import { checkCourse } from '../../src/check/course.ts';
import type { Diagnostic } from '../../src/core/diagnostics.ts';
import { loadOwnershipSchema } from '../../src/schema/ownership.ts';

const COURSE = path.join(import.meta.dirname, 'fixtures/reference-pages');
const CHAPTERS = path.join(COURSE, 'chapters');
const files = fs.readdirSync(CHAPTERS).filter((f) => f.endsWith('.mdx')).sort();

/** `file:line ref` for every marked wrong statement. */
const known = new Set(
	files.flatMap((f) =>
		fs
			.readFileSync(path.join(CHAPTERS, f), 'utf8')
			.split('\n')
			.flatMap((line, i) => [...line.matchAll(/\{\/\* wrong: ([a-z0-9. -]+?) \*\/\}/g)].flatMap((m) => m[1]!.split(' ').map((ref) => `${f}:${i + 1} ${ref}`))),
	),
);

const conflicts = (diagnostics: Diagnostic[]) =>
	diagnostics.filter((d) => d.ruleId === 'untagged-owner-conflict').map((d) => `${path.basename(d.file)}:${d.line} ${/(?:gives|own|says) "([^"]+)"/.exec(d.message)![1]}`);

/** Fixtures that read prose with the bundled schema keep a copy of it (a fixture is a folder of its own). */
describe('copies of the bundled schema', () => {
	const FIXTURES = path.join(import.meta.dirname, 'fixtures');
	const body = (file: string) => fs.readFileSync(file, 'utf8').split('\n').slice(4).join('\n');
	const schemaOf = (dir: string) => path.join(FIXTURES, dir, 'ownership.yaml');
	const copies = fs.readdirSync(FIXTURES).filter((d) => fs.existsSync(schemaOf(d)) && fs.readFileSync(schemaOf(d), 'utf8').startsWith("# A copy of the bundled course's schema"));

	it('are the reference pages and the precision fixture', () => {
		expect(copies.sort()).toEqual(['reference-pages', 'untagged-precision']);
	});

	it.each(copies)('%s/ownership.yaml equals content/ownership.yaml below its four header lines', (dir) => {
		expect(body(schemaOf(dir))).toBe(body(path.join(import.meta.dirname, '../../content/ownership.yaml')));
	});
});

describe('untagged-owner-conflict on the reference pages', () => {
	const found = conflicts(checkCourse(COURSE).diagnostics);

	it('has marked statements to find', () => {
		expect(known.size).toBe(21);
	});

	it('reports no conflict that is not a marked wrong statement', () => {
		expect(found.filter((f) => !known.has(f))).toEqual([]);
	});

	it('reports the known ownership errors it is measured by', () => {
		expect(found).toEqual([
			'exam-foundations.mdx:23 ebs.encryption-by-default', // EBS encryption at rest described as an AWS default
			'exam-foundations.mdx:44 rds.engine-patching', // "AWS applies the database engine patches and manages the instances"
			'exam-objective.mdx:19 rds.engine-patching', // engine patching (and backups) given to AWS alone
			'exam-objective.mdx:31 s3.default-encryption', // "AWS does not encrypt your data automatically … enable S3 server-side encryption"
			'exam-objective.mdx:41 rds.engine-patching', // "AWS patches the database engine and the OS"
			'exam-objective.mdx:41 rds.automated-backups', // "the customer must turn on automated backups"
			'exam-objective.mdx:53 s3.default-encryption', // "S3 server-side encryption, for example, is not on by default"
			'exam-objective.mdx:58 s3.default-encryption', // "buckets are not encrypted by default"
			'security-foundation.mdx:41 rds.automated-backups', // automated backups listed as AWS's job
			'study-guide.mdx:45 rds.engine-patching', // "on RDS AWS patches the underlying database engine"
		]);
	});

	it('finds fewer without the aliases of the bundled schema', () => {
		const { schema } = loadOwnershipSchema(path.join(COURSE, 'ownership.yaml'));
		for (const c of schema.controls.values()) delete c.aliases;
		const diagnostics: Diagnostic[] = files.flatMap((f) => {
			const file = path.join(CHAPTERS, f);
			return checkChapter({ file, rel: `chapters/${f}`, slug: f.replace(/\.mdx$/, '') }, fs.readFileSync(file, 'utf8'), { schema, courseDir: COURSE }).diagnostics;
		});
		const bare = conflicts(diagnostics);
		expect(bare.filter((f) => !known.has(f))).toEqual([]);
		expect(bare).toEqual(['exam-foundations.mdx:23 ebs.encryption-by-default']);
	});
});
