/**
 * The per-chapter cache (src/loader/cache.ts): an unchanged chapter is not checked again, and a stale entry can
 * never hide an error — a change to the schema, course.yaml, the chapter or a file it shows invalidates it, and
 * the course-wide rules run on every check.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChapterCache } from '../../src/loader/cache.ts';
import { loadCourse } from '../../src/loader/pipeline.ts';
import { ROOT } from '../helpers/build.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-test-'));
const course = path.join(tmp, 'course');
fs.cpSync(path.join(ROOT, 'tests/fixtures/basic-course'), course, { recursive: true });
const cache = new ChapterCache(path.join(tmp, 'cache'));
const load = () => loadCourse(course, { cache, render: true, workers: 0 });
const errors = async () => (await load()).check.diagnostics.filter((d) => d.severity === 'error').map((d) => `${path.relative(course, d.file)}:${d.line} ${d.ruleId}`);
const edit = (file: string, change: (text: string) => string) => fs.writeFileSync(path.join(course, file), change(fs.readFileSync(path.join(course, file), 'utf8')));

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the per-chapter cache', () => {
	it('checks every chapter the first time and none the second', async () => {
		expect((await load()).stats).toMatchObject({ chapters: 2, processed: 2, cached: 0 });
		const again = await load();
		expect(again.stats).toMatchObject({ chapters: 2, processed: 0, cached: 2 });
		expect(again.check.diagnostics).toEqual([]);
		// A cached chapter still has its page.
		expect(again.records.get('alpha')?.html).toBeTypeOf('function');
	});

	it('leaves the index as it is after a run that changed nothing, and rewrites it after one that did', async () => {
		await load();
		const index = path.join(cache.dir, 'index.json');
		fs.utimesSync(index, new Date(0), new Date(0));
		await load();
		expect(fs.statSync(index).mtimeMs).toBe(0);
		edit('chapters/alpha.mdx', (t) => `${t}\nA sentence for the index.\n`);
		await load();
		expect(fs.statSync(index).mtimeMs).toBeGreaterThan(0);
		edit('chapters/alpha.mdx', (t) => t.replace('\nA sentence for the index.\n', ''));
		await load();
	});

	it('checks again the one chapter that changed', async () => {
		edit('chapters/beta.mdx', (t) => `${t}\nOne more sentence.\n`);
		expect((await load()).stats).toMatchObject({ processed: 1, cached: 1 });
	});

	it('reports an error in a cached chapter when the schema changes under it', async () => {
		await load();
		const schema = fs.readFileSync(path.join(course, 'ownership.yaml'), 'utf8');
		// alpha.mdx is unchanged and cached, but its tag owner=customer now disagrees with the schema.
		edit('ownership.yaml', (t) => t.replace('owner: customer', 'owner: aws'));
		expect(await errors()).toContain('chapters/alpha.mdx:12 owner-mismatch');
		fs.writeFileSync(path.join(course, 'ownership.yaml'), schema);
		expect(await errors()).toEqual([]);
	});

	it('reports a missing image of a cached chapter', async () => {
		await load();
		const image = fs.readdirSync(path.join(course, 'chapters')).find((f) => f.endsWith('.png'))!;
		const saved = fs.readFileSync(path.join(course, 'chapters', image));
		fs.rmSync(path.join(course, 'chapters', image));
		expect((await errors()).some((e) => e.endsWith('image-not-found'))).toBe(true);
		fs.writeFileSync(path.join(course, 'chapters', image), saved);
		expect(await errors()).toEqual([]);
	});

	it('runs the course-wide rules on cached chapters too', async () => {
		await load();
		// A new chapter links to an anchor that the cached alpha.mdx does not have.
		fs.writeFileSync(path.join(course, 'chapters/gamma.mdx'), '---\ntitle: Gamma\ndescription: A new chapter.\norder: 3\n---\n\n## Links\n\nSee [alpha](/chapters/alpha/#no-such-section).\n');
		const loaded = await load();
		expect(loaded.stats).toMatchObject({ processed: 1, cached: 2 });
		expect(loaded.check.diagnostics.map((d) => d.ruleId)).toEqual(['broken-link']);
		fs.rmSync(path.join(course, 'chapters/gamma.mdx'));
	});

	it('changes nothing when the cache is off', async () => {
		expect((await loadCourse(course, { cache: false, workers: 0 })).stats).toMatchObject({ processed: 2, cached: 0 });
	});
});
