/**
 * The hostile cases themselves: every case.yaml is valid, every family has several variants, every
 * expected error points at a file the case really has, uses a rule id the checker knows, and every family
 * can be merged into one course per course.yaml (no two cases write the same file).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/diagnostics.ts';
import { allCases, courseDir, createEnv, families, groupCases, loadFamily, materialise } from './runner.ts';

const env = createEnv();
afterAll(() => env.cleanup());

describe('hostile cases', () => {
	it.each(families())('%s has several cases', (family) => {
		expect(loadFamily(family).length).toBeGreaterThanOrEqual(3);
	});

	// What the runner merges into one course: a family's reject cases, and the inert cases of all families.
	const merged = [
		...families().map((family) => [`${family} (rejected)`, loadFamily(family).filter((c) => c.spec.reject && !c.spec.bounded)] as const),
		['all families (inert)', allCases().filter((c) => c.spec.build === 'inert')] as const,
	];
	it.each(merged)('%s can be merged into one course per course.yaml, with distinct orders', (_name, cases) => {
		for (const group of groupCases(cases)) {
			const dir = materialise(group, courseDir(env, 'merged'), env);
			// Merged cases must not make errors of their own: two chapters with one `order` would be duplicate-order.
			const orders = fs
				.readdirSync(path.join(dir, 'chapters'), { recursive: true, encoding: 'utf8' })
				.filter((f) => /\.mdx?$/.test(f) && fs.statSync(path.join(dir, 'chapters', f), { throwIfNoEntry: false })?.isFile())
				.map((f) => [f, /^order: (\d+)$/m.exec(fs.readFileSync(path.join(dir, 'chapters', f), 'utf8'))?.[1]] as const)
				.filter(([, order]) => order !== undefined);
			const seen = new Map<string, string>();
			for (const [file, order] of orders) {
				expect(seen.get(order!), `order ${order} of ${file}`).toBeUndefined();
				seen.set(order!, file);
			}
		}
	});

	it.each(allCases().map((c) => [`${c.family}/${c.name}`, c] as const))('%s expects errors in files it has', (_name, c) => {
		const dir = materialise([c], courseDir(env, c.name), env);
		for (const e of c.spec.reject ?? []) expect(fs.existsSync(path.join(dir, e.file)) || fs.lstatSync(path.join(dir, e.file), { throwIfNoEntry: false }), `${e.file} of ${c.name}`).toBeTruthy();
	});

	// The rule ids of issue 10 (chapter-file-name, image-type, …) do not exist before the new pipeline lands.
	it('uses only rule ids the checker knows', () => {
		const used = new Set(allCases().flatMap((c) => [...(c.spec.reject ?? []).map((e) => e.rule), ...Object.keys(c.spec.errors ?? {})]));
		expect([...used].filter((r) => !(r in RULES)).sort()).toEqual([]);
	});
});
