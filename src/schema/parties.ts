/**
 * The parties a course assigns controls to. `ownership.yaml` declares them (`parties:`); without that, a course
 * has the two parties below, so every course written before parties existed keeps working unchanged. `shared`
 * is reserved: it is the owner of a control that two or more parties split, never a party itself.
 *
 * The checker's prose rules (untagged claims, quiz answers) ask `partiesOf` which words name a party, so a
 * schema's own parties change what they look for without touching them.
 */
import type { OwnershipSchema } from './ownership.ts';

export interface PartyDef {
	/** The id owners and split keys use (`owner: customer`). */
	id: string;
	/** How pages and messages name the party ("Customer"). */
	label: string;
	/** What the party is responsible for, in a sentence (the matrix shows it beside the party's count). */
	description?: string;
	/** Line of the entry in ownership.yaml (absent for the default parties). */
	line?: number;
}

/** The reserved owner of controls that parties split. */
export const SHARED = 'shared';

/** A party id: lowercase words joined by dashes (it is also a CSS class and a search filter value's key). */
export const PARTY_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * The parties of a schema without `parties:`. This is the only place the generator names a provider, and it is
 * data: the bundled course's schema, and any course written before parties existed, relies on it.
 */
export const DEFAULT_PARTIES: readonly PartyDef[] = [
	{ id: 'aws', label: 'AWS', description: 'Security of the cloud: facilities, hardware, the hypervisor and the internals of managed services. You inherit these.' },
	{ id: 'customer', label: 'Customer', description: 'Security in the cloud: identities, policies, network rules, data, keys and code. AWS supplies the tools; the decisions are yours.' },
];

export interface Party {
	id: string;
	/** How messages name the party ("AWS", "Customer"; "Shared" for the reserved owner). */
	label: string;
	/** Lower-case words that name the party in a sentence; the label is always one of them. */
	words: readonly string[];
	/** `shared` is not a party of its own but "more than one": it never owns a control alone. */
	reserved: boolean;
}

/** Words for the reader, who is the customer, and for joint ownership (the prose rules read English). */
const EXTRA_WORDS: Readonly<Record<string, readonly string[]>> = {
	customer: ['customers', 'you', 'your', 'yours', 'yourself', 'yourselves'],
	[SHARED]: ['both', 'jointly'],
};

const words = (id: string, label: string) => [...new Set([label.toLowerCase(), ...(EXTRA_WORDS[id] ?? [])])];

export function partiesOf(schema: Pick<OwnershipSchema, 'parties'>): Party[] {
	return [
		...schema.parties.map((p) => ({ id: p.id, label: p.label, words: words(p.id, p.label), reserved: false })),
		{ id: SHARED, label: 'Shared', words: words(SHARED, 'shared'), reserved: true },
	];
}

/** Every owner a tag may name, in order: the parties, then `shared`. */
export const ownerIds = (schema: Pick<OwnershipSchema, 'parties'>) => [...schema.parties.map((p) => p.id), SHARED];
