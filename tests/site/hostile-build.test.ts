/**
 * Extreme and tricky chapters that are valid (2 MB of prose, 5,000 inline tags, quotes and closing script tags
 * in attributes, labels and frontmatter) build to correct pages, without a crash.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/check/course.ts';
import { buildCourse } from '../helpers/build.ts';
import { frontmatter, makeCourse, STACK_FRAME } from '../helpers/hostile.ts';

describe('extreme and tricky chapters that are valid build to correct pages', () => {
	const TAGS = 5000;
	const SECTIONS = 240;
	const OWNERS = [
		['ec2.guest-os-patching', 'customer'],
		['global.physical-security', 'aws'],
		['cloudtrail.trail-configuration', 'shared'],
	] as const;
	// Quotes, angle brackets and a closing script tag: in a directive attribute, a label and the frontmatter.
	const NASTY = `He said "</script><script>alert(1)</script>" & left <b>bold</b>`;

	/** ~2.2 MB: 240 sections of prose, each linking to the next section. */
	function bigChapter(): string {
		const para = 'Security of the cloud is the part AWS runs; security in the cloud is the part you configure, patch and monitor. '.repeat(40);
		const parts = [frontmatter('A very long chapter', 1)];
		for (let i = 1; i <= SECTIONS; i++) parts.push(`## Section ${i}\n\n${para}\n\n${para}\n\nContinue with [section ${i + 1}](#section-${i < SECTIONS ? i + 1 : 1}).\n\n`);
		parts.push('The last line of the long chapter.\n');
		return parts.join('');
	}
	function manyTags(): string {
		const lines = [frontmatter('Five thousand tags', 2), '## Tags', ''];
		for (let i = 0; i < TAGS; i += 10)
			lines.push(
				Array.from({ length: 10 }, (_, k) => {
					const [ref, owner] = OWNERS[(i + k) % 3]!;
					return `:control[claim ${i + k}]{ref=${ref} owner=${owner}}`;
				}).join(' and '),
				'',
			);
		return lines.join('\n');
	}
	const tricky = `${frontmatter(NASTY, 3)}## Escaping\n\n:::card{title='${NASTY}'}\nThe card's title came from a directive attribute.\n:::\n\n:::note[A label with \\<angle\\> brackets and "quotes"]\nText after the label.\n:::\n`;

	let course: string;
	let out: string;
	let build: ReturnType<typeof buildCourse>;
	const page = (slug: string) => fs.readFileSync(path.join(out, 'chapters', slug, 'index.html'), 'utf8');

	beforeAll(() => {
		course = makeCourse({ big: bigChapter(), 'many-tags': manyTags(), tricky });
		out = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-dist-'));
		build = buildCourse(course, out);
	});
	afterAll(() => {
		fs.rmSync(course, { recursive: true, force: true });
		fs.rmSync(out, { recursive: true, force: true });
	});

	it('checks clean', () => {
		expect(fs.statSync(path.join(course, 'chapters/big.mdx')).size).toBeGreaterThan(2_000_000);
		const errors = checkCourse(course).diagnostics.filter((d) => d.severity === 'error');
		expect(errors).toEqual([]);
	});

	it('builds', () => {
		expect(build.output).not.toMatch(STACK_FRAME);
		expect(build.status, build.output.slice(-3000)).toBe(0);
	});

	it('renders the 2 MB chapter completely', () => {
		const html = page('big');
		expect(html).toContain('The last line of the long chapter.');
		expect(html).toContain(`id="section-${SECTIONS}"`);
		expect(html.match(/<h2 id="section-\d+"/g)).toHaveLength(SECTIONS);
	});

	it('renders all 5,000 inline tags, each with its owner', () => {
		const html = page('many-tags');
		const tags = [...html.matchAll(/<span class="ctl ctl--(aws|customer|shared)" data-ref="([a-z0-9.-]+)"/g)];
		expect(tags).toHaveLength(TAGS);
		expect(tags.filter((t) => t[1] === 'customer' && t[2] === 'ec2.guest-os-patching')).toHaveLength(Math.ceil(TAGS / 3));
		expect(html).toContain('claim 4999');
	});

	it('escapes quotes and angle brackets from attributes, labels and frontmatter, so the page stays intact', () => {
		const html = page('tricky');
		// The attack never appears as markup anywhere in the site.
		for (const file of fs.readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')))
			expect(fs.readFileSync(path.join(out, file), 'utf8'), file).not.toContain('<script>alert(1)</script>');
		// And the page still parses to the text the author wrote.
		const tree = fromHtml(html);
		const texts: Record<string, string> = {};
		const walk = (n: { type: string; tagName?: string; properties?: { className?: string[] }; children?: unknown[]; value?: string }): string => {
			const inner = n.type === 'text' ? (n.value ?? '') : (n.children ?? []).map((c) => walk(c as never)).join('');
			const cls = n.properties?.className?.[0];
			if (n.tagName === 'title' || n.tagName === 'h1') texts[n.tagName] = inner;
			if (cls === 'card__title') texts.card = inner;
			return inner;
		};
		const all = walk(tree as never);
		expect(texts.card).toBe(NASTY);
		expect(texts.h1).toBe(NASTY);
		expect(texts.title).toContain(NASTY);
		expect(all).toContain('A label with <angle> brackets and');
		expect(all).toContain('Text after the label.');
	});
});
