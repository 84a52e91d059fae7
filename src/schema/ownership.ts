/**
 * The canonical ownership schema: `ownership.yaml` in the course root. Loaded and validated once per run;
 * every tag in every chapter is checked against the result. The schema declares its parties (`parties:`,
 * ./parties.ts): every owner and every split key names one of them, or the reserved owner `shared`.
 */
import fs from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic, type Place } from '../core/diagnostics.ts';
import { didYouMean, suggest } from '../core/suggest.ts';
import { DEFAULT_PARTIES, type PartyDef, PARTY_ID, SHARED } from './parties.ts';

/** A party id or `shared`: which ones a course has is in its schema (`owners(schema)`). */
export type Owner = string;

export const LAYERS = [
	'physical',
	'infrastructure',
	'virtualization',
	'platform',
	'operating-system',
	'network',
	'identity',
	'data',
	'application',
	'logging',
	'compliance',
] as const;

export const CONTROL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One control. `title`, `owner` and `split` are the contract; everything else is optional. */
const controlFields = {
	title: z.string().trim().min(1, 'title must not be empty').describe('What the control is, as a task: tags and the matrix show it.'),
	owner: z
		.string()
		.describe('Who owns the control: one of the parties (`parties:`, or the default two), or shared with a split.')
		.meta({ examples: [...DEFAULT_PARTIES.map((p) => p.id), SHARED] }),
	split: z
		.record(z.string(), z.string().trim().min(1, 'a split line must not be empty'))
		.optional()
		.describe('What each party does, by party id, for a shared control (required then, not allowed otherwise).'),
	layer: z.enum(LAYERS).optional().describe('The layer of the stack the control lives in (the matrix groups by it).'),
	service: z.string().optional().describe('The service, when it is not the id\'s prefix.'),
	notes: z.string().optional().describe('Why the owner is the owner: quizzes and control cards show it.'),
	sources: z.array(z.url({ protocol: /^https?$/ })).optional().describe('Where the split is documented (http(s) addresses).'),
	aliases: z.array(z.string()).optional().describe('Phrases prose uses for the control: the untagged-claim rules match them.'),
};
export const CONTROL_FIELDS = Object.keys(controlFields);

/** The owners a control may have: the parties, then `shared`. */
export const ownersOf = (parties: readonly PartyDef[]) => [...parties.map((p) => p.id), SHARED];

/** The control schema for a course's parties: an owner is a party or `shared`, a split names two or more parties. */
export function controlSchemaFor(parties: readonly PartyDef[]) {
	const ids = parties.map((p) => p.id);
	const owners = ownersOf(parties);
	return (
		z
			.object(controlFields)
			// Unknown fields are errors: a misspelt optional field (`ntoes:`) would otherwise vanish without a word.
			.strict()
			.superRefine((c, ctx) => {
				if (!owners.includes(c.owner)) {
					ctx.addIssue({ code: 'custom', path: ['owner'], message: `unexpected owner ${JSON.stringify(c.owner)}, expected ${owners.join(' | ')}.${didYouMean(suggest(c.owner, owners))}`.replace(/\.$/, '') });
					return;
				}
				if (c.owner === SHARED && !c.split) ctx.addIssue({ code: 'custom', path: ['split'], message: 'split is required when owner is shared' });
				if (c.owner !== SHARED && c.split) ctx.addIssue({ code: 'custom', path: ['split'], message: `split is only allowed when owner is shared (owner is ${c.owner})` });
				if (c.owner !== SHARED || !c.split) return;
				const keys = Object.keys(c.split);
				const unknown = keys.filter((k) => !ids.includes(k));
				for (const key of unknown)
					ctx.addIssue({ code: 'custom', path: ['split', key], message: `unexpected split key ${JSON.stringify(key)}: it is not a party (${ids.join(' | ')}).${didYouMean(suggest(key, ids))}`.replace(/\.$/, '') });
				if (!unknown.length && keys.length < 2) ctx.addIssue({ code: 'custom', path: ['split'], message: `split names ${keys.length} part${keys.length === 1 ? 'y' : 'ies'}, expected two or more of ${ids.join(', ')}` });
			})
	);
}

export const SERVICE_MODELS = ['infrastructure', 'iaas', 'container', 'paas', 'serverless', 'saas', 'managed', 'global', 'governance'] as const;
const serviceSchema = z.object({ title: z.string().min(1), model: z.enum(SERVICE_MODELS).optional() });

export type ControlData = z.infer<ReturnType<typeof controlSchemaFor>>;
export interface Control extends ControlData {
	id: string;
	/** The id's prefix (`ec2` in `ec2.guest-os-patching`). */
	service: string;
	/** Line of the entry in ownership.yaml, for "the schema says … (ownership.yaml:12)". */
	line: number;
}
export interface ServiceInfo {
	id: string;
	title: string;
	model?: (typeof SERVICE_MODELS)[number] | undefined;
}

export interface OwnershipSchema {
	file: string;
	/**
	 * The parties controls are assigned to, in the order of `parties:` (the default: aws, customer). `shared`
	 * is not one of them: it is the owner of controls that two or more parties split.
	 */
	parties: PartyDef[];
	controls: Map<string, Control>;
	services: Map<string, ServiceInfo>;
	/** Ids whose entry is present but invalid (already reported), by line: tags naming them are not "unknown". */
	rejected: Map<string, number>;
	/**
	 * False when the file is missing, is not valid YAML or has no `controls:` map. That is one error, in
	 * ownership.yaml; tags cannot be checked against a schema that did not load, so they are not reported.
	 */
	loaded: boolean;
}

const emptySchema = (file: string): OwnershipSchema => ({ file, parties: [...DEFAULT_PARTIES], controls: new Map(), services: new Map(), rejected: new Map(), loaded: false });

export function loadOwnershipSchema(file: string): { schema: OwnershipSchema; diagnostics: Diagnostic[] } {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch {
		return {
			schema: emptySchema(file),
			diagnostics: [diagnostic(file, undefined, 'schema-syntax', 'ownership.yaml is missing', 'Create ownership.yaml in the course folder with a `controls:` map.')],
		};
	}
	return parseOwnershipSchema(text, file);
}

export function parseOwnershipSchema(text: string, file: string): { schema: OwnershipSchema; diagnostics: Diagnostic[] } {
	const diagnostics: Diagnostic[] = [];
	const schema = emptySchema(file);
	const lc = new LineCounter();
	// uniqueKeys: false so a duplicate id is our diagnostic (with both lines), not a YAML parse failure.
	const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false, schema: 'core', customTags: [] });
	const at = (offset: number | undefined): Place => {
		if (offset === undefined) return { line: 1, column: 1 };
		const { line, col } = lc.linePos(offset);
		return { line, column: col };
	};

	// The first syntax error only: the parser's later errors are consequences of it, and so would be every
	// tag in every chapter (the schema did not load): one mistake, one error.
	const err = doc.errors[0];
	if (err) {
		diagnostics.push(diagnostic(file, at(err.pos[0]), 'schema-syntax', `Invalid YAML: ${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, 'Fix the YAML syntax (indentation, colons, quotes: a title containing `: ` must be quoted).'));
		return { schema, diagnostics };
	}
	const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
	if (tag) {
		diagnostics.push(diagnostic(file, at(tag.pos[0]), 'schema-syntax', `Invalid YAML: custom tags are not supported (${tag.message.split('\n')[0]})`, 'Remove the `!tag`; values are plain YAML.'));
		return { schema, diagnostics };
	}

	const root = doc.contents;
	const controls = isMap(root) ? root.get('controls', true) : undefined;
	if (!isMap(controls)) {
		diagnostics.push(diagnostic(file, at(root?.range?.[0]), 'schema-invalid', 'Expected a top-level `controls:` map of control ids', 'Start the file with `controls:` and one entry per control id.'));
		return { schema, diagnostics };
	}

	if (isMap(root) && root.has('parties')) {
		const parties = readParties(root.get('parties', true), file, at, diagnostics);
		// Without its parties no owner can be checked: one error, in ownership.yaml, as for a missing `controls:`.
		if (!parties) return { schema, diagnostics };
		schema.parties = parties;
	}
	const controlSchema = controlSchemaFor(schema.parties);
	const fieldHint = (issue: z.core.$ZodIssue) => schemaHint(issue, schema.parties);

	schema.loaded = true;
	const seen = new Map<string, number>();
	for (const pair of controls.items as Pair[]) {
		const keyNode = pair.key;
		const id = isScalar(keyNode) ? String(keyNode.value) : '';
		const place = at(isScalar(keyNode) ? keyNode.range?.[0] : undefined);
		const first = seen.get(id);
		if (first !== undefined) {
			diagnostics.push(diagnostic(file, place, 'schema-duplicate-id', `Duplicate control id "${id}", first defined at line ${first}`, 'Remove one of the entries or give it a different id.'));
			continue;
		}
		seen.set(id, place.line);
		if (!CONTROL_ID.test(id)) {
			schema.rejected.set(id, place.line);
			diagnostics.push(diagnostic(file, place, 'schema-invalid', `Unexpected control id "${id}", expected lowercase \`service.control-name\``, 'Use lowercase letters, digits and dashes, with one dot after the service, e.g. `ec2.guest-os-patching`.'));
			continue;
		}
		const value = pair.value;
		// reportInput: the messages name the offending value, and "missing" must mean missing, not "wrong type".
		const parsed = controlSchema.safeParse(value && typeof value === 'object' && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : undefined, { reportInput: true });
		if (!parsed.success) {
			schema.rejected.set(id, place.line);
			if (!isMap(value)) {
				diagnostics.push(diagnostic(file, place, 'schema-invalid', `Control "${id}": expected fields \`title:\` and \`owner:\` under the id`, 'Indent `title:` and `owner:` (and `split:` for shared controls) under the control id.'));
				continue;
			}
			for (const issue of parsed.error.issues) {
				if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
					// One diagnostic per unknown field, at the field, with the closest known field.
					for (const key of issue.keys) {
						const keyNode = value.items.find((p) => isScalar(p.key) && p.key.value === key)?.key as { range?: number[] } | undefined;
						const s = suggest(key, CONTROL_FIELDS);
						diagnostics.push(diagnostic(file, keyNode?.range ? at(keyNode.range[0]) : place, 'schema-invalid', `Control "${id}": unexpected field \`${key}\`.${didYouMean(s)}`, s ? `Rename \`${key}:\` to \`${s}:\`.` : `Remove \`${key}:\` (fields: ${CONTROL_FIELDS.join(', ')}).`));
					}
					continue;
				}
				// Point at the field's key (`split:`, or the split's own key), or at the control id when the field is missing.
				const fieldPlace = keyPlace(value, issue.path, at) ?? place;
				diagnostics.push(diagnostic(file, fieldPlace, 'schema-invalid', `Control "${id}": ${describeIssue(issue)}`, fieldHint(issue)));
			}
			continue;
		}
		schema.controls.set(id, { ...parsed.data, id, service: id.split('.')[0]!, line: place.line });
	}

	const services = isMap(root) ? root.get('services', true) : undefined;
	if (isMap(services)) {
		for (const pair of services.items as Pair[]) {
			const id = isScalar(pair.key) ? String(pair.key.value) : '';
			const parsed = serviceSchema.safeParse((pair.value as { toJSON?: () => unknown })?.toJSON?.(), { reportInput: true });
			if (parsed.success) schema.services.set(id, { id, ...parsed.data });
			else diagnostics.push(diagnostic(file, at(isScalar(pair.key) ? pair.key.range?.[0] : undefined), 'schema-invalid', `Service "${id}": ${describeIssue(parsed.error.issues[0]!)}`, 'Give each service a `title` (and optionally a `model`).'));
		}
	}
	return { schema, diagnostics };
}

/** Where the key at `path` is (`split` → the `split:` key; `split.amazon` → the `amazon:` key under it). */
function keyPlace(map: YAMLMap, path: readonly PropertyKey[], at: (offset: number | undefined) => Place): Place | undefined {
	let node: unknown = map;
	let place: Place | undefined;
	for (const key of path) {
		if (!isMap(node)) break;
		const pair = (node.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === key);
		if (!pair) break;
		const range = (pair.key as { range?: number[] }).range;
		if (range) place = at(range[0]);
		node = pair.value;
	}
	return place;
}

/**
 * `parties:` — `id: { label, description? }`, two or more, `shared` reserved. Undefined (with one error) when
 * it is not a map of parties at all; an entry with a bad value is reported and kept with its id as label, so
 * the controls that name it are not reported too.
 */
function readParties(node: unknown, file: string, at: (offset: number | undefined) => Place, diagnostics: Diagnostic[]): PartyDef[] | undefined {
	const place = (n: unknown) => at((n as { range?: number[] } | undefined)?.range?.[0]);
	const hint = 'Declare the parties as `parties:` with one `id: { label: Name }` per party, two or more (e.g. `provider: { label: Provider }` and `customer: { label: Customer }`).';
	if (!isMap(node)) {
		diagnostics.push(diagnostic(file, place(node), 'schema-invalid', 'Expected `parties:` to be a map of party ids', hint));
		return undefined;
	}
	const parties: PartyDef[] = [];
	for (const pair of node.items as Pair[]) {
		const id = isScalar(pair.key) ? String(pair.key.value) : '';
		const where = place(pair.key);
		if (id === SHARED) {
			diagnostics.push(diagnostic(file, where, 'schema-invalid', 'Unexpected party "shared": it is reserved for controls that parties split', 'Remove it: `owner: shared` with a `split:` is always available. Give the party another id.'));
			continue;
		}
		if (!PARTY_ID.test(id)) {
			diagnostics.push(diagnostic(file, where, 'schema-invalid', `Unexpected party id "${id}", expected lowercase letters, digits and dashes`, `Write it as \`${id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '') || 'party'}:\`; the label is what readers see.`));
			continue;
		}
		if (parties.some((p) => p.id === id)) {
			diagnostics.push(diagnostic(file, where, 'schema-duplicate-id', `Duplicate party "${id}", first declared at line ${parties.find((p) => p.id === id)!.line}`, 'Remove one of the two entries.'));
			continue;
		}
		const parsed = partySchema.safeParse((pair.value as { toJSON?: () => unknown } | null)?.toJSON?.(), { reportInput: true });
		if (!parsed.success) {
			const issue = parsed.error.issues[0]!;
			const what = issue.code === 'unrecognized_keys' ? `unexpected field(s) ${issue.keys.map((k) => `\`${k}\``).join(', ')}` : issue.path.length ? `\`${issue.path.join('.')}\`: ${issue.input === undefined ? 'missing' : issue.message}` : 'expected `label:` under the id';
			diagnostics.push(diagnostic(file, where, 'schema-invalid', `Party "${id}": ${what}`, 'Write `' + id + ': { label: Name }` (and optionally `description:`, shown on the matrix).'));
			parties.push({ id, label: id, line: where.line });
			continue;
		}
		parties.push({ id, label: parsed.data.label, ...(parsed.data.description ? { description: parsed.data.description } : {}), line: where.line });
	}
	if (parties.length < 2) {
		diagnostics.push(diagnostic(file, place(node), 'schema-invalid', `Expected two or more parties, found ${parties.length}`, hint));
		return undefined;
	}
	return parties;
}

const partySchema = z.object({ label: z.string().trim().min(1), description: z.string().trim().min(1).optional() }).strict();

function describeIssue(issue: z.core.$ZodIssue): string {
	const field = issue.path.join('.') || 'entry';
	if (issue.path.length === 0 && issue.code === 'invalid_type') return 'expected fields (such as `title:`) under the id';
	if (issue.code === 'invalid_type' && issue.input === undefined) return `missing required field \`${field}\``;
	if (issue.code === 'custom') return issue.message;
	if (issue.code === 'unrecognized_keys') return `unexpected field(s) ${issue.keys.map((k) => `\`${k}\``).join(', ')} in \`${field}\``;
	return `\`${field}\`: ${issue.message}`;
}

/** "aws, customer or shared": a list for a hint. */
const orList = (items: readonly string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? ''));

function schemaHint(issue: z.core.$ZodIssue, parties: readonly PartyDef[]): string {
	const field = issue.path[0];
	const ids = parties.map((p) => p.id);
	if (field === 'owner') return `Set \`owner:\` to ${orList(ownersOf(parties))}.`;
	if (field === 'title') return 'Add `title:` with a one-line description of the control.';
	if (field === 'split') {
		if (issue.path.length > 1) {
			const s = suggest(String(issue.path[1]), ids);
			return s ? `Rename it to \`${s}:\`.` : `Use the ids of the parties (${ids.join(', ')}), or declare the party in \`parties:\`.`;
		}
		const keys = ids.map((id) => `\`${id}:\``);
		return `A shared control needs \`split:\` with ${ids.length === 2 ? `${keys[0]} and ${keys[1]}` : `two or more of ${orList(keys).replace(/ or /, ' and ')}`}; other owners must not have one.`;
	}
	if (field === 'sources') return 'List source URLs, e.g. `sources: [https://example.org/docs/...]`.';
	return 'See the schema format in docs/authoring.md.';
}

/**
 * The whole file, for its JSON Schema (schemas/ownership.schema.json, for editors). The loader above reads the
 * file entry by entry, with the same field and party schemas, to report each problem at its line; which owners
 * and split keys exist depends on `parties:`, so that is the checker's to say.
 */
export const ownershipFileSchema = z.object({
	parties: z
		.record(z.string().regex(PARTY_ID), partySchema)
		.optional()
		.describe('The parties controls are assigned to, two or more, by id (without it, the default two); `shared` is reserved.'),
	controls: z.record(z.string().regex(CONTROL_ID), z.object(controlFields).strict()).describe('One entry per control, by id: lowercase `service.control-name`.'),
	services: z.record(z.string(), serviceSchema).optional().describe('Display titles (and service models) of the services, by the id prefix.'),
});
