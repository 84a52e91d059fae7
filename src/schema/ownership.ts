/**
 * The canonical ownership schema: `ownership.yaml` in the course root. Loaded and validated once per run;
 * every tag in every chapter is checked against the result.
 */
import fs from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic, type Place } from '../core/diagnostics.ts';
import { didYouMean, suggest } from '../core/suggest.ts';

export const OWNERS = ['aws', 'customer', 'shared'] as const;
export type Owner = (typeof OWNERS)[number];
export const OWNER_LABELS: Record<Owner, string> = { aws: 'AWS', customer: 'Customer', shared: 'Shared' };

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
export const controlSchema = z
	.object({
		title: z.string().trim().min(1, 'title must not be empty'),
		owner: z.enum(OWNERS),
		split: z
			.object({
				aws: z.string().trim().min(1),
				customer: z.string().trim().min(1),
			})
			.strict()
			.optional(),
		layer: z.enum(LAYERS).optional(),
		service: z.string().optional(),
		notes: z.string().optional(),
		sources: z.array(z.url({ protocol: /^https?$/ })).optional(),
		aliases: z.array(z.string()).optional(),
	})
	// Unknown fields are errors: a misspelt optional field (`ntoes:`) would otherwise vanish without a word.
	.strict()
	.superRefine((c, ctx) => {
		if (c.owner === 'shared' && !c.split)
			ctx.addIssue({ code: 'custom', path: ['split'], message: 'split is required when owner is shared' });
		if (c.owner !== 'shared' && c.split)
			ctx.addIssue({ code: 'custom', path: ['split'], message: `split is only allowed when owner is shared (owner is ${c.owner})` });
	});

export const SERVICE_MODELS = ['infrastructure', 'iaas', 'container', 'paas', 'serverless', 'saas', 'managed', 'global', 'governance'] as const;
const serviceSchema = z.object({ title: z.string().min(1), model: z.enum(SERVICE_MODELS).optional() });

export type ControlData = z.infer<typeof controlSchema>;
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

const emptySchema = (file: string): OwnershipSchema => ({ file, controls: new Map(), services: new Map(), rejected: new Map(), loaded: false });

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
						const s = suggest(key, Object.keys(controlSchema.shape));
						diagnostics.push(diagnostic(file, keyNode?.range ? at(keyNode.range[0]) : place, 'schema-invalid', `Control "${id}": unexpected field \`${key}\`.${didYouMean(s)}`, s ? `Rename \`${key}:\` to \`${s}:\`.` : `Remove \`${key}:\` (fields: ${Object.keys(controlSchema.shape).join(', ')}).`));
					}
					continue;
				}
				// Point at the field's key (`split:`), or at the control id when the field is missing.
				const field = issue.path[0];
				const fieldKey = value.items.find((p) => isScalar(p.key) && p.key.value === field)?.key as { range?: number[] } | undefined;
				const fieldPlace = fieldKey?.range ? at(fieldKey.range[0]) : place;
				diagnostics.push(diagnostic(file, fieldPlace, 'schema-invalid', `Control "${id}": ${describeIssue(issue)}`, schemaHint(issue)));
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

function describeIssue(issue: z.core.$ZodIssue): string {
	const field = issue.path.join('.') || 'entry';
	if (issue.path.length === 0 && issue.code === 'invalid_type') return 'expected fields (such as `title:`) under the id';
	if (issue.code === 'invalid_value' && issue.path[0] === 'owner') return `unexpected owner ${JSON.stringify(issue.input)}, expected ${OWNERS.join(' | ')}`;
	if (issue.code === 'invalid_type' && issue.input === undefined) return `missing required field \`${field}\``;
	if (issue.code === 'custom') return issue.message;
	if (issue.code === 'unrecognized_keys') return `unexpected field(s) ${issue.keys.map((k) => `\`${k}\``).join(', ')} in \`${field}\``;
	return `\`${field}\`: ${issue.message}`;
}

function schemaHint(issue: z.core.$ZodIssue): string {
	const field = issue.path[0];
	if (field === 'owner') return 'Set `owner:` to aws, customer or shared.';
	if (field === 'title') return 'Add `title:` with a one-line description of the control.';
	if (field === 'split') return 'A shared control needs `split:` with `aws:` and `customer:`; other owners must not have one.';
	if (field === 'sources') return 'List source URLs, e.g. `sources: [https://docs.aws.amazon.com/...]`.';
	return 'See the schema format in docs/authoring.md.';
}
