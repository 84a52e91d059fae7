/**
 * docs/authoring.md cannot drift from the code: it documents every rule id and every directive (its forms,
 * attributes and registry example), and every `md` example in it passes the checker.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/core/diagnostics.ts';
import { checkText } from './helpers/check.ts';
import { DIRECTIVES } from '../src/directives/registry.ts';
import { loadOwnershipSchema } from '../src/schema/ownership.ts';
import { ROOT } from './helpers/build.ts';
import { withRules } from '../scripts/lib/rules-doc.ts';

const DOC = fs.readFileSync(path.join(ROOT, 'docs/authoring.md'), 'utf8');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text of a `### heading` section, up to the next heading of the same or a higher level. */
function section(heading: string): string {
	const start = DOC.indexOf(`\n### ${heading}\n`);
	if (start === -1) return '';
	const rest = DOC.slice(start + 1);
	const end = rest.slice(1).search(/\n##?#? /);
	return end === -1 ? rest : rest.slice(0, end + 1);
}

describe('rules', () => {
	const rules = DOC.slice(DOC.indexOf('\n## Rules\n'));
	const rows = [...rules.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);

	it('has a Rules section', () => {
		expect(DOC).toContain('\n## Rules\n');
	});

	it.each(Object.keys(RULES))('%s has a row in the rules tables', (id) => {
		expect(rows).toContain(id);
	});

	it('documents no rule that does not exist', () => {
		expect(rows.filter((id) => !(id! in RULES))).toEqual([]);
	});

	it('has the rules tables generated from src/core/rules.ts (regenerate with npm run docs:rules)', () => {
		expect(DOC).toBe(withRules(DOC));
	});
});

describe('directives', () => {
	const FORM = {
		textDirective: (n: string) => new RegExp(`(^|[^:]):${escape(n)}\\[`, 'm'),
		leafDirective: (n: string) => new RegExp(`(^|[^:])::${escape(n)}\\{`, 'm'),
		containerDirective: (n: string) => new RegExp(`:::${escape(n)}\\b`),
	};

	describe.each(DIRECTIVES.map((spec) => [spec.names.length > 1 ? 'callouts' : spec.names[0]!, spec] as const))('%s', (heading, spec) => {
		const text = section(heading);

		it('has a section', () => {
			expect(text).not.toBe('');
		});

		it.each(spec.names.flatMap((name) => spec.kinds.map((kind) => [name, kind] as const)))('shows %s as a %s', (name, kind) => {
			expect(text).toMatch(FORM[kind](name));
		});

		it.each(Object.keys(spec.attributes).length ? Object.keys(spec.attributes) : ['(none)'])('documents the attribute %s', (attribute) => {
			if (attribute === '(none)') expect(text).toMatch(/no attributes/);
			else expect(text).toMatch(new RegExp(`^\\| \`${escape(attribute)}\` \\|`, 'm'));
		});

		it('shows the example from the registry', () => {
			expect(text).toContain(spec.example);
		});
	});
});

describe('examples', () => {
	const { schema } = loadOwnershipSchema(path.join(ROOT, 'content/ownership.yaml'));
	const blocks = [...DOC.matchAll(/^```md\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

	it('has examples', () => {
		expect(blocks.length).toBeGreaterThan(10);
	});

	it.each(blocks)('passes the checker: %s', (block) => {
		const chapter = `---\ntitle: Example\ndescription: An example from docs/authoring.md.\norder: 1\n---\n\n${block}`;
		expect(checkText(path.join(ROOT, 'content/chapters/example.mdx'), chapter, schema).diagnostics).toEqual([]);
	});
});
