/**
 * Attribute validation shared by every directive: unknown attributes, required attributes, value formats,
 * and the owner-tag rule (a `ref` + `owner` pair that must match the schema).
 */
import { didYouMean, suggest } from '../core/suggest.ts';
import { CONTROL_ID, type Owner } from '../schema/ownership.ts';
import { ownerIds } from '../schema/parties.ts';
import type { CheckContext, DirectiveNode, DirectiveSpec } from './types.ts';

/** Quiz and term ids: lowercase words joined by dashes. */
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface AttributeCheck {
	/** No unknown, missing or malformed attribute (owner-tag problems aside). */
	valid: boolean;
	/** The directive carries a complete owner tag that matches the schema (so it can be indexed). */
	tagged: boolean;
}

/**
 * Checks the attributes of one directive and reports every problem. Owner-tag problems never hide anything
 * else: the caller still checks the directive's structure, so an author sees all problems in one run.
 */
export function checkAttributes(spec: DirectiveSpec, node: DirectiveNode, ctx: CheckContext): AttributeCheck {
	const attrs = node.attributes ?? {};
	const name = node.name;
	let valid = true;
	// Attributes an unknown key was probably meant to be (`onwer` → owner), so the tag rule does not also say "missing owner".
	const meant = new Set<string>();
	for (const key of Object.keys(attrs)) {
		if (key in spec.attributes) continue;
		valid = false;
		const s = suggest(key, Object.keys(spec.attributes));
		if (s) meant.add(s);
		const allowed = Object.keys(spec.attributes);
		ctx.report(
			node,
			'unknown-attribute',
			`Unexpected attribute "${key}" on ${name}, expected ${allowed.length ? allowed.map((a) => `"${a}"`).join(', ') : 'no attributes'}.${didYouMean(s)}`,
			s ? `Rename "${key}" to "${s}".` : `Remove "${key}".`,
		);
	}
	for (const [key, a] of Object.entries(spec.attributes)) {
		const value = attrs[key];
		if (value === undefined || value === null) {
			// ref/owner presence is the owner-tag rule's job, with its own rule ids.
			if (a.required && a.type !== 'ref' && a.type !== 'owner' && !meant.has(key)) {
				valid = false;
				ctx.report(node, 'missing-attribute', `Missing required attribute "${key}" on ${name}`, `Add ${key}=… (${a.doc}).`);
			}
			continue;
		}
		// An owner is one of the course's parties (or shared); which those are is only known once the schema loaded.
		if (a.type === 'owner' && !ctx.schema.loaded) continue;
		const owners = ownerIds(ctx.schema);
		const problem = a.type === 'owner' ? (owners.includes(value) ? undefined : owners.join(' | ')) : checkValue(a.type, value);
		if (problem) {
			valid = false;
			const meant = a.type === 'owner' ? suggest(value, owners) : undefined;
			ctx.report(node, 'invalid-attribute', `Unexpected value "${value}" for "${key}" on ${name}, expected ${problem}.${didYouMean(meant)}`.replace(/\.$/, ''), `Write ${key}=${meant ?? example(a.type, owners)}.`);
		}
	}
	const hasTag = attrs.ref != null && attrs.owner != null;
	// checkOwnerTag passes an optional tag that is absent; only a present, matching pair is a tag to index.
	const tagged = spec.ownerTag ? checkOwnerTag(spec, node, ctx, meant) && hasTag : false;
	return { valid, tagged };
}

function checkValue(type: string, value: string): string | undefined {
	switch (type) {
		case 'ref':
			return CONTROL_ID.test(value) ? undefined : 'a control id like `service.control-name`';
		case 'id':
			return ID.test(value) ? undefined : 'lowercase letters, digits and dashes';
		case 'flag':
			return value === '' || value === 'true' ? undefined : 'no value (just the attribute name)';
		case 'string':
			return value.trim() ? undefined : 'a non-empty text';
		case 'refs':
			return value.split(',').every((v) => CONTROL_ID.test(v.trim())) ? undefined : 'a comma-separated list of control ids';
	}
	return undefined;
}

const example = (type: string, owners: readonly string[]) =>
	({ owner: owners.at(-2) ?? 'shared', ref: 'ec2.guest-os-patching', id: 'my-quiz-id', flag: '(no value)', string: '"Some text"', refs: '"ec2.guest-os-patching,s3.bucket-policies"' })[type] ?? '…';

/** ref and owner come as a pair; the pair must name a schema control with that owner. */
function checkOwnerTag(spec: DirectiveSpec, node: DirectiveNode, ctx: CheckContext, meant: ReadonlySet<string>): boolean {
	const { ref, owner } = node.attributes ?? {};
	const hasRef = ref !== undefined && ref !== null;
	const hasOwner = owner !== undefined && owner !== null;
	// A misspelt `onwer=`/`rfe=` is already reported as an unknown attribute with the fix; "missing owner" would repeat it.
	if ((!hasRef && meant.has('ref')) || (!hasOwner && meant.has('owner'))) return false;
	if (!hasRef && !hasOwner) {
		if (spec.ownerTag === 'required') {
			ctx.report(node, 'missing-ref', `Missing "ref" and "owner" on ${node.name}`, `Add ref=<control id> owner=<${ownerIds(ctx.schema).join('|')}>, as in ownership.yaml.`);
			return false;
		}
		return true;
	}
	if (hasRef && !hasOwner) {
		const control = ctx.schema.controls.get(ref);
		ctx.report(node, 'missing-owner', `Missing "owner" for ref "${ref}" on ${node.name}`, control ? `Add owner=${control.owner} (the schema's owner of ${ref}).` : `Add ${orList(ownerIds(ctx.schema).map((o) => `owner=${o}`))}.`);
		return false;
	}
	if (!hasRef && hasOwner) {
		ctx.report(node, 'missing-ref', `Missing "ref" for owner "${owner}" on ${node.name}`, 'Add ref=<control id> naming the control this owner is about.');
		return false;
	}
	if (!CONTROL_ID.test(ref!) || !ownerIds(ctx.schema).includes(owner!)) return false; // already reported
	if (!ctx.schema.loaded) return false; // the schema's own error is the one to fix first
	const control = ctx.schema.controls.get(ref!);
	if (!control) {
		// An entry that exists but is invalid is reported in ownership.yaml; "unknown control" here would mislead.
		if (ctx.schema.rejected.has(ref!)) return false;
		const s = suggest(ref!, ctx.schema.controls.keys());
		ctx.report(node, 'unknown-ref', `Unknown control "${ref}": it is not in ${schemaName(ctx)}.${didYouMean(s)}`, s ? `Use ref=${s}, or add "${ref}" to ownership.yaml.` : `Add "${ref}" to ownership.yaml, or use an existing control id.`);
		return false;
	}
	if (control.owner !== owner) {
		ctx.report(
			node,
			'owner-mismatch',
			`Owner mismatch for "${ref}": written owner=${owner}, but the schema says owner=${control.owner} (${schemaName(ctx)}:${control.line}: ${control.title})`,
			`Change the tag to owner=${control.owner}, or correct ownership.yaml line ${control.line} if the schema is wrong.`,
		);
		return false;
	}
	return true;
}

const orList = (items: readonly string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? ''));

/** The schema is always `ownership.yaml` in the course root; naming it alone keeps messages short and stable. */
const schemaName = (ctx: CheckContext) => ctx.schema.file.split(/[\\/]/).pop() ?? 'ownership.yaml';

export const ownerOf = (node: DirectiveNode): Owner | undefined => (node.attributes?.owner as Owner | undefined) ?? undefined;
