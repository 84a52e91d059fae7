/**
 * `locales/<tag>/ownership.yaml`: a translation of the schema's words, never of its facts. It may give the
 * parties' labels and descriptions, the controls' titles, notes and splits, and the services' titles in
 * another language; who owns a control is decided once, in the course's own ownership.yaml. Setting an owner,
 * naming a control, party or service the original does not have, or a field that is not words is an error
 * (`translation-invalid`), at its line.
 *
 * The result is the schema as the translation's pages show it. Tags in translated chapters are checked
 * against the original: the same owners, and messages that name the original's lines.
 */
import fs from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { diagnostic, type Diagnostic, type Place } from '../core/diagnostics.ts';
import { didYouMean, suggest } from '../core/suggest.ts';
import type { OwnershipSchema } from './ownership.ts';

const CONTROL_WORDS = ['title', 'notes', 'split'] as const;
const PARTY_WORDS = ['label', 'description'] as const;

export function loadSchemaTranslation(file: string, original: OwnershipSchema): { schema: OwnershipSchema; diagnostics: Diagnostic[] } {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch {
		return { schema: original, diagnostics: [] };
	}
	return parseSchemaTranslation(text, file, original);
}

export function parseSchemaTranslation(text: string, file: string, original: OwnershipSchema): { schema: OwnershipSchema; diagnostics: Diagnostic[] } {
	const diagnostics: Diagnostic[] = [];
	const lc = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, schema: 'core', customTags: [] });
	const at = (node: unknown): Place => {
		const offset = (node as { range?: number[] } | undefined)?.range?.[0];
		if (offset === undefined) return { line: 1, column: 1 };
		const { line, col } = lc.linePos(offset);
		return { line, column: col };
	};
	const error = doc.errors[0];
	if (error) {
		const { line, col } = lc.linePos(error.pos[0]);
		diagnostics.push(diagnostic(file, { line, column: col }, 'schema-syntax', `Invalid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, 'Fix the YAML syntax (indentation, colons, quotes: a title containing `: ` must be quoted).'));
		return { schema: original, diagnostics };
	}
	const problem = (node: unknown, message: string, hint: string) => diagnostics.push(diagnostic(file, at(node), 'translation-invalid', message, hint));
	const schema: OwnershipSchema = {
		...original,
		parties: original.parties.map((p) => ({ ...p })),
		controls: new Map([...original.controls].map(([id, c]) => [id, { ...c, ...(c.split ? { split: { ...c.split } } : {}) }])),
		services: new Map([...original.services].map(([id, s]) => [id, { ...s }])),
	};
	const root = doc.contents;
	if (root === null || root === undefined) return { schema, diagnostics };
	if (!isMap(root)) {
		problem(root, 'Expected a map with `controls:` (and optionally `parties:` and `services:`)', 'Start the file with `controls:` and the ids of the controls whose words you translate.');
		return { schema, diagnostics };
	}
	for (const pair of root.items as Pair[]) {
		const key = isScalar(pair.key) ? String(pair.key.value) : '';
		if (key === 'controls') translateControls(pair.value, schema, original, problem);
		else if (key === 'parties') translateParties(pair.value, schema, original, problem);
		else if (key === 'services') translateServices(pair.value, schema, original, problem);
		else {
			const s = suggest(key, ['controls', 'parties', 'services']);
			problem(pair.key, `Unexpected key \`${key}\` in a translated ownership.yaml.${didYouMean(s)}`, s ? `Rename it to \`${s}:\`.` : 'A translation has `controls:`, `parties:` and `services:` only.');
		}
	}
	return { schema, diagnostics };
}

type Problem = (node: unknown, message: string, hint: string) => void;

/** The entries of a map, each with its key node; a problem (and nothing) when the value is not a map. */
function entries(node: unknown, what: string, problem: Problem): { id: string; key: unknown; value: unknown }[] {
	if (!isMap(node)) {
		problem(node, `Expected \`${what}:\` to be a map of ids`, `Write one \`id:\` per entry under \`${what}:\`.`);
		return [];
	}
	return (node.items as Pair[]).map((p) => ({ id: isScalar(p.key) ? String(p.key.value) : '', key: p.key, value: p.value }));
}

/** The fields of one entry; each must be one of `allowed`, and a text. */
function fields(entry: { id: string; key: unknown; value: unknown }, allowed: readonly string[], what: string, problem: Problem, extra?: (field: string, keyNode: unknown) => boolean) {
	if (!isMap(entry.value)) {
		problem(entry.key, `${what} "${entry.id}": expected the translated fields (${allowed.join(', ')}) under the id`, `Indent ${allowed.map((f) => `\`${f}:\``).join(', ')} under the id.`);
		return [];
	}
	const out: { field: string; value: unknown; node: Pair }[] = [];
	for (const pair of (entry.value as YAMLMap).items as Pair[]) {
		const field = isScalar(pair.key) ? String(pair.key.value) : '';
		if (extra?.(field, pair.key)) continue;
		if (!allowed.includes(field)) {
			const s = suggest(field, allowed);
			problem(pair.key, `${what} "${entry.id}": \`${field}\` cannot be translated, only ${allowed.join(', ')}.${s ? didYouMean(s) : ''}`, s ? `Rename it to \`${s}:\`.` : `Remove \`${field}:\`; it is set once, in the course's ownership.yaml.`);
			continue;
		}
		out.push({ field, value: pair.value, node: pair });
	}
	return out;
}

const textOf = (node: unknown) => (isScalar(node) && typeof node.value === 'string' && node.value.trim() ? node.value.trim() : undefined);

function translateControls(node: unknown, schema: OwnershipSchema, original: OwnershipSchema, problem: Problem) {
	for (const entry of entries(node, 'controls', problem)) {
		const control = original.controls.get(entry.id);
		if (!control) {
			if (original.rejected.has(entry.id)) continue; // reported in ownership.yaml
			const s = suggest(entry.id, original.controls.keys());
			problem(entry.key, `Unknown control "${entry.id}": it is not in ownership.yaml, so there is nothing to translate.${didYouMean(s)}`, s ? `Use the id ${s}.` : 'Translate only controls of ownership.yaml; add new controls there first.');
			continue;
		}
		const target = schema.controls.get(entry.id)!;
		const owner = (field: string, keyNode: unknown) => {
			if (field !== 'owner') return false;
			problem(keyNode, `Control "${entry.id}": a translation cannot set an owner; ownership.yaml:${control.line} says owner=${control.owner}`, 'Remove `owner:` from the translation: who owns a control is decided once, in the course’s ownership.yaml.');
			return true;
		};
		for (const { field, value, node: pair } of fields(entry, CONTROL_WORDS, `Control`, problem, owner)) {
			if (field === 'split') {
				translateSplit(entry.id, pair, value, control, target, problem);
				continue;
			}
			const text = textOf(value);
			if (!text) problem(pair.key, `Control "${entry.id}": \`${field}\` must be a non-empty text`, `Write the translated ${field} after \`${field}:\`.`);
			else (target as unknown as Record<string, string>)[field] = text;
		}
	}
}

function translateSplit(id: string, pair: Pair, value: unknown, control: NonNullable<ReturnType<OwnershipSchema['controls']['get']>>, target: typeof control, problem: Problem) {
	if (!control.split) {
		problem(pair.key, `Control "${id}": it has no split to translate (owner=${control.owner} in ownership.yaml:${control.line})`, 'Remove `split:`; only shared controls have one.');
		return;
	}
	if (!isMap(value)) {
		problem(pair.key, `Control "${id}": expected \`split:\` to map parties to their part`, `Write \`split: { ${Object.keys(control.split).map((k) => `${k}: …`).join(', ')} }\`.`);
		return;
	}
	const keys = Object.keys(control.split);
	for (const part of value.items as Pair[]) {
		const party = isScalar(part.key) ? String(part.key.value) : '';
		if (!keys.includes(party)) {
			const s = suggest(party, keys);
			problem(part.key, `Control "${id}": unexpected split key "${party}", the original splits it between ${keys.join(', ')}.${didYouMean(s)}`, s ? `Rename it to \`${s}:\`.` : `Translate the parts the original has (${keys.join(', ')}).`);
			continue;
		}
		const text = textOf(part.value);
		if (!text) problem(part.key, `Control "${id}": the split of "${party}" must be a non-empty text`, 'Write the translated part after the party’s id.');
		else target.split![party] = text;
	}
}

function translateParties(node: unknown, schema: OwnershipSchema, original: OwnershipSchema, problem: Problem) {
	const ids = original.parties.map((p) => p.id);
	for (const entry of entries(node, 'parties', problem)) {
		const target = schema.parties.find((p) => p.id === entry.id);
		if (!target) {
			const s = suggest(entry.id, ids);
			problem(entry.key, `Unknown party "${entry.id}": the course's parties are ${ids.join(', ')}.${didYouMean(s)}`, s ? `Use the id ${s}.` : 'Translate the labels of the parties ownership.yaml declares.');
			continue;
		}
		for (const { field, value, node: pair } of fields(entry, PARTY_WORDS, 'Party', problem)) {
			const text = textOf(value);
			if (!text) problem(pair.key, `Party "${entry.id}": \`${field}\` must be a non-empty text`, `Write the translated ${field}.`);
			else target[field as (typeof PARTY_WORDS)[number]] = text;
		}
	}
}

function translateServices(node: unknown, schema: OwnershipSchema, original: OwnershipSchema, problem: Problem) {
	for (const entry of entries(node, 'services', problem)) {
		const target = schema.services.get(entry.id);
		if (!target || !original.services.has(entry.id)) {
			const s = suggest(entry.id, original.services.keys());
			problem(entry.key, `Unknown service "${entry.id}": it is not in the \`services:\` of ownership.yaml.${didYouMean(s)}`, s ? `Use the id ${s}.` : 'Translate the titles of services ownership.yaml lists.');
			continue;
		}
		for (const { value, node: pair } of fields(entry, ['title'], 'Service', problem)) {
			const text = textOf(value);
			if (!text) problem(pair.key, `Service "${entry.id}": \`title\` must be a non-empty text`, 'Write the translated title.');
			else target.title = text;
		}
	}
}
