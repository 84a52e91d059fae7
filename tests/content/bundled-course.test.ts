/**
 * The bundled course "Cloud Security Foundations on AWS" meets the brief it was written to, measured from the
 * content itself (never from numbers typed into this file by hand): seven chapters in study order, each a
 * complete lesson, and an ownership schema wide enough to be a real reference, with a source for every claim.
 * The last blocks pin the exam traps whose answers changed in 2023 and the changes of 2025–2026, so a stale edit
 * cannot slip back in.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/check/course.ts';
import type { DirectiveNode } from '../../src/directives/types.ts';
import { ROOT } from '../helpers/build.ts';

const CONTENT = path.join(ROOT, 'content');
const course = checkCourse(CONTENT);
const chapters = [...course.chapters].sort((a, b) => (a.frontmatter?.order ?? 0) - (b.frontmatter?.order ?? 0));
const controls = [...course.schema.controls.values()];
const bySlug = new Map(chapters.map((c) => [c.slug, c]));
const orderOf = (slug: string) => bySlug.get(slug)?.frontmatter?.order ?? Number.NaN;

/** Every directive in a chapter, from its parsed tree (independent of what the checker chose to collect). */
function directives(tree: Root | undefined): DirectiveNode[] {
	const found: DirectiveNode[] = [];
	if (tree)
		visit(tree, (node) => {
			if (node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective') found.push(node as DirectiveNode);
		});
	return found;
}
const named = (tree: Root | undefined, type: DirectiveNode['type'], name: string) => directives(tree).filter((d) => d.type === type && d.name === name);

it('checks clean', () => {
	expect(course.diagnostics).toEqual([]);
});

describe('chapters', () => {
	it('has at least 7 chapters numbered 1..n with no gaps', () => {
		expect(chapters.length).toBeGreaterThanOrEqual(7);
		expect(chapters.map((c) => c.frontmatter?.order)).toEqual(chapters.map((_, i) => i + 1));
	});

	it('follows study order: prerequisites come earlier, "next" chapters later, and every chapter but the last points onward', () => {
		for (const c of chapters) {
			const fm = c.frontmatter!;
			for (const p of fm.prerequisites ?? []) expect(orderOf(p), `${c.slug} prerequisite ${p}`).toBeLessThan(fm.order);
			for (const n of fm.next ?? []) expect(orderOf(n), `${c.slug} next ${n}`).toBeGreaterThan(fm.order);
			if (fm.order < chapters.length) expect(fm.next?.length ?? 0, `${c.slug} next`).toBeGreaterThan(0);
			if (fm.order > 1) expect(fm.prerequisites?.length ?? 0, `${c.slug} prerequisites`).toBeGreaterThan(0);
		}
	});

	describe.each(chapters.map((c) => [`${c.frontmatter?.order}. ${c.slug}`, c] as const))('%s', (_, c) => {
		it('has complete frontmatter: title, description, order, updated, concepts, prerequisites, next', () => {
			// frontmatterLines lists the keys written in the file, so an empty list still counts as written.
			expect(Object.keys(c.frontmatterLines)).toEqual(expect.arrayContaining(['title', 'description', 'order', 'updated', 'concepts', 'prerequisites', 'next']));
			expect(c.frontmatter?.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(c.frontmatter?.concepts?.length ?? 0).toBeGreaterThanOrEqual(3);
		});

		it('is 1,200 to 3,000 words long (the checker’s count)', () => {
			expect(c.words).toBeGreaterThanOrEqual(1200);
			expect(c.words).toBeLessThanOrEqual(3000);
		});

		it('has a block control, a concept card, 3+ quizzes, one flashcard set, an exam trap and inline control tags', () => {
			expect(named(c.tree, 'containerDirective', 'control').length, 'block controls').toBeGreaterThanOrEqual(1);
			expect(named(c.tree, 'containerDirective', 'card').length, 'concept cards').toBeGreaterThanOrEqual(1);
			expect(named(c.tree, 'containerDirective', 'quiz').length, 'quizzes').toBeGreaterThanOrEqual(3);
			expect(named(c.tree, 'containerDirective', 'flashcards').length, 'flashcard sets').toBe(1);
			expect(named(c.tree, 'containerDirective', 'exam-trap').length, 'exam-trap callouts').toBeGreaterThanOrEqual(1);
			expect(named(c.tree, 'textDirective', 'control').length, 'inline control tags').toBeGreaterThanOrEqual(3);
		});
	});

	it('draws a mermaid diagram in at least 4 chapters', () => {
		expect(chapters.filter((c) => c.diagrams.length > 0).length).toBeGreaterThanOrEqual(4);
	});

	it('has an ownership exercise in chapter 2, the shared responsibility model', () => {
		const two = chapters.find((c) => c.frontmatter?.order === 2)!;
		expect(two.frontmatter?.title).toMatch(/shared responsibility/i);
		expect(named(two.tree, 'leafDirective', 'ownership-exercise').length).toBeGreaterThanOrEqual(1);
	});
});

describe('ownership schema', () => {
	const prefixes = new Set(controls.map((c) => c.service));

	it('has at least 80 controls across at least 12 services', () => {
		expect(controls.length).toBeGreaterThanOrEqual(80);
		expect(prefixes.size).toBeGreaterThanOrEqual(12);
	});

	it('covers the services the course teaches', () => {
		for (const required of ['global', 'ec2', 'ebs', 'lambda', 'rds', 'dynamodb', 's3', 'iam', 'vpc', 'kms', 'cloudtrail', 'cloudwatch', 'config', 'guardduty'])
			expect(prefixes, required).toContain(required);
		expect(['ecs', 'fargate'].some((p) => prefixes.has(p)), 'ecs or fargate').toBe(true);
		expect(['artifact', 'compliance'].some((p) => prefixes.has(p)), 'artifact or compliance').toBe(true);
	});

	it('gives every control at least one https source', () => {
		const unsourced = controls.filter((c) => !(c.sources ?? []).some((s) => new URL(s).protocol === 'https:')).map((c) => c.id);
		expect(unsourced).toEqual([]);
	});

	it('defines every ref the chapters use (tags, quizzes, cards and exercises)', () => {
		const used = chapters.flatMap((c) =>
			directives(c.tree).flatMap((d) => [
				...(d.attributes?.ref ? [{ ref: d.attributes.ref, at: `${c.slug}:${d.position?.start.line}` }] : []),
				...(d.attributes?.refs ?? '')
					.split(',')
					.map((r) => r.trim())
					.filter(Boolean)
					.map((ref) => ({ ref, at: `${c.slug}:${d.position?.start.line}` })),
			]),
		);
		expect(used.length).toBeGreaterThan(100);
		expect(used.filter((u) => !course.schema.controls.has(u.ref))).toEqual([]);
	});

	it('teaches most controls in at least one chapter', () => {
		const taught = new Set(chapters.flatMap((c) => c.tags.map((t) => t.ref)));
		const share = controls.filter((c) => taught.has(c.id)).length / controls.length;
		const untaught = controls.filter((c) => !taught.has(c.id)).map((c) => c.id);
		console.info(`Bundled course: ${taught.size} of ${controls.length} schema controls (${(share * 100).toFixed(1)}%) are tagged in a chapter; reference only: ${untaught.join(', ') || 'none'}`);
		expect(share).toBeGreaterThanOrEqual(0.9);
	});
});

describe('exam traps that changed, as of 2026', () => {
	const owner = (id: string) => course.schema.controls.get(id)?.owner;
	const prose = chapters.map((c) => fs.readFileSync(c.file, 'utf8')).join('\n');

	it('S3 encrypts new objects with SSE-S3 by default (since January 2023), and AWS owns that baseline', () => {
		expect(owner('s3.default-encryption')).toBe('aws');
		expect(course.schema.controls.get('s3.default-encryption')?.notes).toMatch(/January 5, 2023/);
		expect(prose).toMatch(/Since January 2023[^.]*SSE-S3/);
	});

	it('Block Public Access starts on for new buckets (since April 2023) but stays the customer’s setting', () => {
		expect(owner('s3.block-public-access')).toBe('customer');
		expect(course.schema.controls.get('s3.block-public-access')?.notes).toMatch(/April 2023/);
		expect(prose).toMatch(/Since April 2023, new buckets are created with S3 Block Public Access turned on/);
	});

	it('Lambda is serverless FaaS, not PaaS, in the schema', () => {
		expect(course.schema.services.get('lambda')?.model).toBe('serverless');
		expect(prose).toMatch(/AWS Lambda is serverless compute, more specifically :term\[Function as a service\] \(FaaS\)/);
	});

	it('RDS automated backups are shared: AWS runs them, the customer sets 0 to 35 days of retention', () => {
		const backups = course.schema.controls.get('rds.automated-backups');
		expect(backups?.owner).toBe('shared');
		expect(backups?.split?.customer).toMatch(/0 to 35 days/);
	});

	it('EBS encryption is opt-in (per volume or encryption by default), DynamoDB is always encrypted', () => {
		expect(owner('ebs.volume-encryption')).toBe('customer');
		expect(owner('ebs.encryption-by-default')).toBe('customer');
		expect(owner('dynamodb.encryption-at-rest')).toBe('aws');
		expect(course.schema.controls.get('dynamodb.encryption-at-rest')?.notes).toMatch(/cannot be disabled/);
	});

	it('CloudTrail keeps 90 days of management events without setup; longer needs a trail', () => {
		expect(owner('cloudtrail.event-history')).toBe('aws');
		expect(course.schema.controls.get('cloudtrail.event-history')?.title).toMatch(/90 days/);
		expect(owner('cloudtrail.trail-configuration')).toBe('shared');
	});
});

describe('changes of 2025 and 2026, each taught by a quiz', () => {
	const control = (id: string) => course.schema.controls.get(id);
	const prose = chapters.map((c) => fs.readFileSync(c.file, 'utf8')).join('\n');
	const quizRefs = new Set(chapters.flatMap((c) => named(c.tree, 'containerDirective', 'quiz').map((q) => q.attributes?.ref)));

	it.each([
		['rds.aurora-default-encryption', 'aws', /18 February 2026/],
		['ecs.managed-instances-patching', 'aws', /patches their operating system/],
		['lambda.runtime-update-mode', 'customer', /Manual mode/],
		['ebs.snapshot-block-public-access', 'customer', /per Region/],
		['kms.imported-key-material', 'customer', /cannot rotate it automatically/],
	] as const)('%s is owned by %s, says why, cites AWS and has a quiz', (id, owner, why) => {
		expect(control(id)?.owner).toBe(owner);
		expect(control(id)?.notes).toMatch(why);
		expect(control(id)?.sources?.some((s) => /^https:\/\/(docs\.)?aws\.amazon\.com\//.test(s))).toBe(true);
		expect(quizRefs).toContain(id);
	});

	it('RDS DB instance encryption stays opt-in at creation, separate from the Aurora default', () => {
		expect(control('rds.encryption-at-rest')?.owner).toBe('customer');
		expect(control('rds.encryption-at-rest')?.title).toMatch(/DB instance/);
	});

	it('root MFA is enforced for every account type since June 2025, and enabling MFA stays the customer’s', () => {
		expect(control('iam.mfa')?.owner).toBe('customer');
		expect(control('iam.mfa')?.notes).toMatch(/June 2025.*management, standalone and member accounts/);
	});

	it('keeps the nuanced owners where the exam answer is simpler, with an exam note', () => {
		for (const id of ['rds.engine-patching', 'cloudtrail.trail-configuration', 'artifact.report-access']) {
			expect(control(id)?.owner, id).toBe('shared');
			expect(control(id)?.notes, id).toMatch(/Exam note/);
		}
	});

	it('does not bring back the stale statements the 2026 audit removed', () => {
		expect(prose).not.toMatch(/contact and payment settings, closing the account/);
		expect(prose).not.toMatch(/mapped separately for each account/);
		expect(prose).not.toMatch(/Only if chosen when the instance or cluster is created/);
	});
});
