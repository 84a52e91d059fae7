/**
 * The folders of src/ depend on each other in one direction. A module may import from its own folder or from
 * a folder of a lower layer, never from a higher one: the language (core … check) knows nothing of rendering,
 * rendering nothing of Astro, and the browser scripts nothing of the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/** Lower numbers are lower layers. Folders of one layer may not import each other (except the site's own). */
export const LAYERS: Record<string, number> = {
	core: 0,
	config: 1,
	schema: 1,
	i18n: 1,
	scripts: 1,
	styles: 1,
	syntax: 2,
	directives: 3,
	check: 4,
	render: 5,
	model: 6,
	loader: 7,
	integration: 8,
	cli: 8,
	layouts: 9,
	components: 9,
	routes: 9,
};
/** Layers whose folders may import each other (the Astro site: routes use layouts, layouts use components). */
const OPEN_LAYERS = new Set([9]);

function sourceFiles(dir: string): string[] {
	return fs
		.readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => /\.(ts|mts|astro)$/.test(f))
		.map((f) => path.join(dir, f));
}

/** Relative specifiers imported by a file: static imports, re-exports and dynamic `import('…')`. */
export function importsOf(text: string): string[] {
	const specs: string[] = [];
	for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\1/g)) specs.push(m[2]!);
	return specs;
}

const folderOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!;

describe('architecture: layers depend one way', () => {
	const files = sourceFiles(SRC).filter((f) => path.relative(SRC, f).includes(path.sep));

	it('knows every folder of src/', () => {
		const folders = new Set(files.map(folderOf));
		expect([...folders].filter((f) => !(f in LAYERS))).toEqual([]);
	});

	it('has no upward or sideways import', () => {
		const violations: string[] = [];
		for (const file of files) {
			const from = folderOf(file);
			for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
				const target = path.resolve(path.dirname(file), spec);
				if (!target.startsWith(SRC + path.sep)) continue;
				const to = path.relative(SRC, target).split(path.sep)[0]!;
				if (to === from || !(to in LAYERS) || !(from in LAYERS)) continue;
				const [a, b] = [LAYERS[from]!, LAYERS[to]!];
				if (b < a || (a === b && OPEN_LAYERS.has(a))) continue;
				violations.push(`${path.relative(SRC, file)} imports ${spec} (${from} → ${to})`);
			}
		}
		expect(violations).toEqual([]);
	});

	it('finds imports of every form', () => {
		expect(importsOf(`import a from './a.ts';\nexport { b } from "../b.ts";\nconst c = await import('../../c.ts');\nimport type { D } from '../d.ts';`)).toEqual(['./a.ts', '../b.ts', '../../c.ts', '../d.ts']);
	});
});

describe('architecture: tests and the benchmark share scripts/lib/, never scripts/bench/', () => {
	const ROOT = path.resolve(SRC, '..');
	const BENCH = path.join(ROOT, 'scripts/bench');
	const importers = (dir: string) =>
		sourceFiles(dir).flatMap((file) =>
			importsOf(fs.readFileSync(file, 'utf8'))
				.filter((spec) => path.resolve(path.dirname(file), spec).startsWith(BENCH + path.sep))
				.map((spec) => `${path.relative(ROOT, file)} imports ${spec}`),
		);

	it('no test imports from scripts/bench/ (what both need lives in scripts/lib/)', () => {
		expect(importers(path.join(ROOT, 'tests'))).toEqual([]);
	});

	it('scripts/lib/ imports nothing from scripts/bench/', () => {
		expect(importers(path.join(ROOT, 'scripts/lib'))).toEqual([]);
	});
});
