/**
 * The matrix and glossary pages of the built bundled course agree with the content they are generated from:
 * every control has a row with its owner, every "taught in" link and every inline tag lands on a real anchor,
 * and every flashcard term is in the glossary, in alphabetical order, linked back to its chapter.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/check/course.ts';
import { glossaryOf } from '../../src/model/model.ts';
import { ownerIds } from '../../src/schema/parties.ts';
import { ROOT } from '../helpers/build.ts';
import { builtSite } from '../helpers/sites.ts';

const dist = await builtSite('bundled');
const course = checkCourse(path.join(ROOT, 'content'));
const controls = [...course.schema.controls.values()];
const slugs = course.chapters.map((c) => c.slug);

const parse = (url: string): Root => fromHtml(fs.readFileSync(path.join(dist, url, 'index.html'), 'utf8'));
const classes = (el: Element) => (el.properties.className as string[] | undefined) ?? [];
const text = (node: Element | Root): string => {
	let s = '';
	visit(node, 'text', (t: { value: string }) => {
		s += t.value;
	});
	return s.replace(/\s+/g, ' ').trim();
};
function all(tree: Root | Element, test: (el: Element) => boolean): Element[] {
	const found: Element[] = [];
	visit(tree, 'element', (el: Element) => {
		if (test(el)) found.push(el);
	});
	return found;
}
const idsOf = (tree: Root) => new Set(all(tree, (el) => typeof el.properties.id === 'string').map((el) => el.properties.id as string));

const matrix = parse('matrix');
const glossary = parse('glossary');
const chapterTrees = new Map(slugs.map((s) => [s, parse(`chapters/${s}`)]));
const chapterIds = new Map([...chapterTrees].map(([s, t]) => [s, idsOf(t)]));

/** Does `/chapters/<slug>/#<id>` (or `/chapters/<slug>/`) point at something that exists? */
function resolvesInChapters(href: string): boolean {
	const m = /^\/chapters\/([^/]+)\/(?:#(.+))?$/.exec(href);
	if (!m || !chapterIds.has(m[1]!)) return false;
	return m[2] === undefined || chapterIds.get(m[1]!)!.has(decodeURIComponent(m[2]));
}

describe('matrix page', () => {
	const rows = new Map(all(matrix, (el) => classes(el).includes('mx-control')).map((el) => [el.properties.id as string, el]));

	it('has one row per control, with its id, owner and owner badge', () => {
		expect([...rows.keys()].sort()).toEqual(controls.map((c) => c.id).sort());
		for (const c of controls) {
			const row = rows.get(c.id)!;
			expect(row.properties.dataOwner, c.id).toBe(c.owner);
			const badge = all(row, (el) => classes(el).includes('badge'))[0]!;
			expect(classes(badge), c.id).toContain(`badge--${c.owner}`);
			expect(text(row)).toContain(c.title);
		}
	});

	it('shows the split of every shared control', () => {
		for (const c of controls.filter((x) => x.owner === 'shared')) {
			const pairs = all(rows.get(c.id)!, (el) => classes(el).includes('mx-split__row'));
			expect(pairs.map((r) => [text(all(r, (el) => el.tagName === 'dt')[0]!), text(all(r, (el) => el.tagName === 'dd')[0]!)]), c.id).toEqual([
				['AWS', c.split!.aws],
				['Customer', c.split!.customer],
			]);
		}
	});

	it('counts controls per owner in the summary', () => {
		const stats = all(matrix, (el) => classes(el).includes('mx-stat'));
		const OWNERS = ownerIds(course.schema);
		const counts = Object.fromEntries(stats.map((s) => [OWNERS.find((o) => classes(s).includes(`mx-stat--${o}`)), Number(text(all(s, (el) => classes(el).includes('mx-stat__count'))[0]!))]));
		expect(counts).toEqual(Object.fromEntries(OWNERS.map((o) => [o, controls.filter((c) => c.owner === o).length])));
	});

	it('links each control to the chapter sections that tag it, and every link lands on a heading', () => {
		for (const c of controls) {
			const links = all(rows.get(c.id)!, (el) => classes(el).includes('mx-chip')).map((a) => a.properties.href as string);
			const expected = [...new Set(course.chapters.flatMap((ch) => ch.tags.filter((t) => t.ref === c.id).map((t) => `/chapters/${ch.slug}/${t.section ? `#${t.section}` : ''}`)))];
			expect(links.sort(), c.id).toEqual(expected.sort());
			for (const href of links) expect(resolvesInChapters(href), href).toBe(true);
		}
	});

	it('lists every source of every control as a link', () => {
		for (const c of controls) {
			const hrefs = all(rows.get(c.id)!, (el) => classes(el).includes('mx-source')).map((a) => a.properties.href);
			expect(hrefs, c.id).toEqual(c.sources);
		}
	});

	it('is the target of every inline owner tag in the chapters', () => {
		const ids = idsOf(matrix);
		const targets = [...chapterTrees.values()].flatMap((t) => all(t, (el) => el.tagName === 'a' && String(el.properties.href ?? '').startsWith('/matrix/#')).map((a) => String(a.properties.href)));
		expect(targets.length).toBeGreaterThan(100);
		expect(targets.filter((h) => !ids.has(decodeURIComponent(h.slice('/matrix/#'.length))))).toEqual([]);
	});

	it('is searchable as type Control and offers an owner filter made of plain radio buttons', () => {
		const body = all(matrix, (el) => el.properties.dataPagefindBody !== undefined);
		expect(body).toHaveLength(1);
		expect(all(body[0]!, (el) => el.properties.dataPagefindFilter === 'type').map(text)).toEqual(['Control']);
		expect(all(matrix, (el) => el.tagName === 'input' && el.properties.name === 'mx-owner').map((el) => el.properties.value)).toEqual(['all', ...ownerIds(course.schema)]);
	});
});

describe('glossary page', () => {
	const terms = [...glossaryOf(course).values()];
	const entries = all(glossary, (el) => classes(el).includes('gl-entry'));
	const termOf = (entry: Element) => all(entry, (el) => classes(el).includes('gl-entry__term'))[0]!;

	it('has one entry per flashcard term, with id term-<id>, in alphabetical order', () => {
		const ids = entries.map((e) => termOf(e).properties.id);
		expect([...ids].sort()).toEqual(terms.map((t) => `term-${t.id}`).sort());
		const fronts = entries.map((e) => text(termOf(e)));
		expect(fronts).toEqual([...fronts].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
	});

	it('links each entry back to the chapter that defines it', () => {
		for (const t of terms) {
			const entry = entries.find((e) => termOf(e).properties.id === `term-${t.id}`)!;
			const back = all(entry, (el) => el.tagName === 'a' && el.properties.href === `/chapters/${t.chapter}/`);
			expect(back, t.id).toHaveLength(1);
		}
	});

	it('jumps to every letter that has terms, and only to those', () => {
		const jumps = all(glossary, (el) => el.tagName === 'a' && String(el.properties.href ?? '').startsWith('#letter-')).map((a) => String(a.properties.href).slice(1));
		const letters = [...new Set(terms.map((t) => t.front.trim()[0]!.toUpperCase()))].sort().map((l) => `letter-${l.toLowerCase()}`);
		expect(jumps).toEqual(letters);
		const ids = idsOf(glossary);
		for (const j of jumps) expect(ids).toContain(j);
	});

	it('is the target of every term link in the chapters', () => {
		const ids = idsOf(glossary);
		const targets = [...chapterTrees.values()].flatMap((t) => all(t, (el) => el.tagName === 'a' && String(el.properties.href ?? '').startsWith('/glossary/#')).map((a) => String(a.properties.href)));
		expect(targets.length).toBeGreaterThan(20);
		expect(targets.filter((h) => !ids.has(h.slice('/glossary/#'.length)))).toEqual([]);
	});
});
