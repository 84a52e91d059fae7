/**
 * Parties come from the schema: the defaults, declared parties and their order, the colour and shape each
 * party gets (AA contrast in both themes), and no provider named anywhere in the generator's own code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PALETTE_SIZE, partiesCss, SHAPES, SHARED_SHAPE } from '../../src/integration/parties-css.ts';
import { parseOwnershipSchema } from '../../src/schema/ownership.ts';
import { DEFAULT_PARTIES, ownerIds, partiesOf } from '../../src/schema/parties.ts';
import { ROOT } from '../helpers/build.ts';

describe('parties of a schema', () => {
	it('are aws and customer without `parties:`, with shared as the reserved owner', () => {
		const { schema, diagnostics } = parseOwnershipSchema('controls:\n  a.b:\n    title: T\n    owner: aws\n', 'ownership.yaml');
		expect(diagnostics).toEqual([]);
		expect(schema.parties.map((p) => [p.id, p.label])).toEqual([
			['aws', 'AWS'],
			['customer', 'Customer'],
		]);
		expect(ownerIds(schema)).toEqual(['aws', 'customer', 'shared']);
	});

	it('are the ones `parties:` declares, in its order, with their labels as the words prose uses', () => {
		const yaml = 'parties:\n  google: { label: Google Cloud }\n  customer: { label: Customer }\n  msp: { label: Managed service provider, description: Runs the platform for you. }\ncontrols:\n  gke.nodes:\n    title: Upgrade nodes\n    owner: shared\n    split: { google: Releases versions, msp: Applies them }\n';
		const { schema, diagnostics } = parseOwnershipSchema(yaml, 'ownership.yaml');
		expect(diagnostics).toEqual([]);
		expect(ownerIds(schema)).toEqual(['google', 'customer', 'msp', 'shared']);
		expect(schema.parties[2]).toEqual({ id: 'msp', label: 'Managed service provider', description: 'Runs the platform for you.', line: 4 });
		expect(partiesOf(schema).find((p) => p.id === 'google')!.words).toEqual(['google cloud']);
		expect(schema.controls.get('gke.nodes')!.split).toEqual({ google: 'Releases versions', msp: 'Applies them' });
	});

	it('stop the schema loading when `parties:` declares fewer than two', () => {
		const { schema, diagnostics } = parseOwnershipSchema('parties:\n  only: { label: Only }\ncontrols:\n  a.b:\n    title: T\n    owner: only\n', 'ownership.yaml');
		expect(schema.loaded).toBe(false);
		expect(diagnostics.map((d) => [d.line, d.ruleId, d.message])).toEqual([[2, 'schema-invalid', 'Expected two or more parties, found 1']]);
	});
});

describe('colours and shapes', () => {
	const css = partiesCss(['google', 'customer', 'msp']);

	it('give each party its palette colour and shape, and shared its own', () => {
		expect(css).toContain('.badge--google,');
		const rule = (id: string) => css.slice(css.indexOf(`.badge--${id},`), css.indexOf('}', css.indexOf(`.badge--${id},`)));
		expect(rule('google')).toContain('.mx-dot--google,\n.mx-control--google {\n\t--owner: var(--party-0);\n\t--owner-bg: var(--party-0-bg);\n\t--owner-shape: circle(50%);');
		expect(rule('msp')).toContain('\t--owner: var(--party-2);\n\t--owner-bg: var(--party-2-bg);\n\t--owner-shape: polygon(50% 2%, 100% 94%, 0 94%);');
		expect(rule('shared')).toContain('\t--owner: var(--shared);\n\t--owner-bg: var(--shared-bg);\n\t--owner-shape: polygon(50% 0, 100% 50%, 50% 100%, 0 50%);');
		expect(new Set([...SHAPES, SHARED_SHAPE]).size).toBe(SHAPES.length + 1);
	});

	it('filter the matrix by every owner', () => {
		for (const id of ['google', 'customer', 'msp', 'shared']) expect(css).toContain(`.mx:has(input[name='mx-owner'][value='${id}']:checked) .mx-control:not([data-owner='${id}'])`);
	});

	/** WCAG 2 contrast of two #rrggbb colours. */
	const contrast = (a: string, b: string) => {
		const lum = (hex: string) => {
			const [r, g, bl] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
			return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
		};
		const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
		return (x! + 0.05) / (y! + 0.05);
	};
	const stylesheet = fs.readFileSync(path.join(ROOT, 'src/styles/global.css'), 'utf8');
	const theme = (selector: string) => {
		const block = stylesheet.slice(stylesheet.indexOf(`${selector} {`), stylesheet.indexOf('}', stylesheet.indexOf(`${selector} {`)));
		return Object.fromEntries([...block.matchAll(/--([a-z0-9-]+):\s*(#[0-9a-f]{6});/g)].map((m) => [m[1]!, m[2]!]));
	};

	it.each([
		['light', ':root'],
		['dark', "[data-theme='dark']"],
	])('have AA contrast in the %s theme: each text colour on its badge, on the page and on cards', (_, selector) => {
		const vars = theme(selector);
		const colours = [...Array.from({ length: PALETTE_SIZE }, (_, i) => `party-${i}`), 'shared'];
		for (const c of colours) {
			expect(vars[c], c).toBeDefined();
			for (const on of [`${c}-bg`, 'bg', 'surface']) expect(contrast(vars[c]!, vars[on]!), `${c} on ${on}`).toBeGreaterThanOrEqual(4.5);
		}
	});
});

describe('the generator names no provider', () => {
	const PROVIDERS = /\b(aws|amazon|azure|microsoft|google|gcp)\b/i;
	/** Code without its comments (examples in comments explain the English prose rules). */
	const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/(^|[^:\w'"`])\/\/.*$/gm, '$1');

	it('in src/, except the default parties a schema without `parties:` gets', () => {
		const src = path.join(ROOT, 'src');
		const found: string[] = [];
		for (const f of fs.readdirSync(src, { recursive: true, encoding: 'utf8' })) {
			if (!/\.(ts|astro|css)$/.test(f)) continue;
			let text = code(fs.readFileSync(path.join(src, f), 'utf8'));
			if (f === path.join('schema', 'parties.ts')) {
				const start = text.indexOf('export const DEFAULT_PARTIES');
				text = text.slice(0, start) + text.slice(text.indexOf('];', start));
			}
			text.split('\n').forEach((line, i) => PROVIDERS.test(line) && found.push(`src/${f}:${i + 1}: ${line.trim()}`));
		}
		expect(found).toEqual([]);
		expect(DEFAULT_PARTIES.map((p) => p.id)).toEqual(['aws', 'customer']);
	});
});
