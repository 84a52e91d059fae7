/**
 * The parties a course assigns controls to, with the words prose uses for them. The checker's prose rules
 * (untagged claims, quiz answers) only ever ask this function, so a schema that declares its own parties
 * (issue 14) changes what they look for without touching them.
 */
import { OWNER_LABELS, type Owner, type OwnershipSchema } from './ownership.ts';

export interface Party {
	id: Owner;
	/** How pages and messages name the party ("AWS", "Customer"). */
	label: string;
	/** Lower-case words that name the party in a sentence; the label is always one of them. */
	words: readonly string[];
	/** `shared` is not a party of its own but "more than one": it never owns a control alone. */
	reserved: boolean;
}

/** Words for the reader, who is the customer, and for joint ownership. */
const EXTRA_WORDS: Partial<Record<Owner, readonly string[]>> = {
	customer: ['customers', 'you', 'your', 'yours', 'yourself', 'yourselves'],
	shared: ['both', 'jointly'],
};

export function partiesOf(schema: OwnershipSchema): Party[] {
	void schema; // Today every course has the same parties; ownership.yaml will be able to declare its own.
	return (Object.keys(OWNER_LABELS) as Owner[]).map((id) => ({
		id,
		label: OWNER_LABELS[id],
		words: [...new Set([OWNER_LABELS[id].toLowerCase(), ...(EXTRA_WORDS[id] ?? [])])],
		reserved: id === 'shared',
	}));
}
