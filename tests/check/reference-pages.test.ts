/**
 * The untagged-claim rules measured on five public course pages about the shared responsibility model,
 * rewritten as chapters (fixtures/reference-pages; their exact output is its expected.txt). Each statement
 * in them that contradicts the schema carries a comment `{/* wrong: <control id> … *\/}` on its line. The
 * rule must report no conflict anywhere else (precision), and it must keep finding the ones it finds today
 * (recall), among them the issue's examples: EBS encryption at rest as an AWS default, S3 encryption as
 * something the customer must turn on, and RDS backups given wholly to one side.
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
	diagnostics.filter((d) => d.ruleId === 'untagged-owner-conflict').map((d) => `${path.basename(d.file)}:${d.line} ${/(?:gives|own) "([^"]+)"/.exec(d.message)![1]}`);

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
			'exam-objective.mdx:19 rds.engine-patching', // engine patching (and backups) given to AWS alone
			'exam-objective.mdx:31 s3.default-encryption', // "AWS does not encrypt your data automatically … enable S3 server-side encryption"
			'exam-objective.mdx:41 rds.automated-backups', // "the customer must turn on automated backups"
			'security-foundation.mdx:41 rds.automated-backups', // automated backups listed as AWS's job
		]);
	});

	it('finds fewer without the proposed aliases: they are what the bundled schema should add', () => {
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
