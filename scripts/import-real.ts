/**
 * `node scripts/import-real.ts --from starlight|docusaurus <src> [--site URL] [--unwrap A,B] [--keep]`
 *
 * Measures the importer on a folder of real pages (docs/migrating.md, "Measured on real pages"): imports them
 * into a temporary course exactly as `npm run import` does, checks it as `npm run check` does, and prints one
 * line per chapter — PASS or FAIL with its errors counted by rule id, and how many constructs the importer
 * reported as not converted on its page — then the totals. Third-party pages stay outside the repository:
 * point it at the folder you copied them to.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkCourse } from '../src/check/course.ts';
import { main } from '../src/cli/import.ts';

const USAGE = 'Usage: node scripts/import-real.ts --from starlight|docusaurus <src> [--site URL] [--unwrap A,B] [--keep]';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { from: { type: 'string' }, site: { type: 'string' }, unwrap: { type: 'string' }, keep: { type: 'boolean' } } });
if (!values.from || positionals.length !== 1) {
	console.error(USAGE);
	process.exit(2);
}
const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'import-real-'));
let printed = '';
const args = ['--from', values.from, positionals[0]!, dest, ...(values.site ? ['--site', values.site] : []), ...(values.unwrap ? ['--unwrap', values.unwrap] : [])];
await main(args, { cwd: process.cwd(), out: (t) => (printed += `${t}\n`), err: (t) => (printed += `${t}\n`) });

// What the importer left for a person, per source page (`path:line: cannot convert …`).
const left = new Map<string, number>();
for (const m of printed.matchAll(/^(.+?):\d+: cannot convert /gm)) left.set(path.resolve(m[1]!), (left.get(path.resolve(m[1]!)) ?? 0) + 1);

const result = checkCourse(dest);
const errors = new Map<string, Map<string, number>>();
for (const d of result.diagnostics.filter((d) => d.severity === 'error')) {
	const byRule = errors.get(d.file) ?? new Map<string, number>();
	byRule.set(d.ruleId, (byRule.get(d.ruleId) ?? 0) + 1);
	errors.set(d.file, byRule);
}
const chapters = result.chapters.map((c) => c.file).sort();
let passed = 0;
for (const file of chapters) {
	const byRule = errors.get(file);
	if (!byRule) passed++;
	const counts = byRule ? [...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ') : '';
	console.log(`${byRule ? 'FAIL' : 'PASS'}  ${path.relative(dest, file)}${counts ? `  ${counts}` : ''}`);
}
const elsewhere = [...errors.keys()].filter((f) => !chapters.includes(f));
for (const f of elsewhere) console.log(`      ${path.relative(dest, f)}: ${[...errors.get(f)!].map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
console.log(`\n${passed} of ${chapters.length} chapters pass the check; the importer reported ${[...left.values()].reduce((a, b) => a + b, 0)} construct(s) it could not convert, on ${left.size} page${left.size === 1 ? '' : 's'}.`);
if (values.keep) console.log(`Course kept at ${dest}`);
else fs.rmSync(dest, { recursive: true, force: true });
