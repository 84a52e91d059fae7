/**
 * Which party a stretch of words names. Only the words `partiesOf(schema)` gives are parties; everything
 * here is about telling a party apart from the same word used as a name or a modifier:
 *
 * - a party word counts only as a whole word: "AWS-managed" and "customer-managed" are not parties;
 * - a label followed by a capitalised word is part of a name ("AWS Config", "AWS Lambda");
 * - a party word followed by a modifier noun is not the party ("AWS account", "AWS managed key",
 *   "customer managed key", "AWS services");
 * - "without"/"no" right before a party removes it ("without customer action");
 * - "shared" before "responsibility" or "with" is not joint ownership ("the shared responsibility model",
 *   "shared with another account"); "both" is joint ownership only next to party words ("both AWS and you",
 *   "AWS and the customer both") or at the end of a clause ("owned by both").
 *
 * A possessive ("your instances", "AWS's network") or an object ("done for you", "it tells you") is a
 * weak mention: it says whose thing it is, not who
 * does the work, and never names the clause's party, unless a responsibility noun follows it ("the
 * customer's job", "AWS's side").
 */
import type { Owner } from '../../../schema/ownership.ts';
import type { Party } from '../../../schema/parties.ts';
import type { Token, Word } from './tokens.ts';

export interface Mention {
	party: Owner;
	/** Plain mention, or a possessive followed by a responsibility noun. */
	strong: boolean;
	word: Word;
}

const MODIFIED = new Set([
	'account', 'accounts', 'service', 'services', 'console', 'documentation', 'docs', 'cli', 'api', 'apis', 'sdk',
	'region', 'regions', 'cloud', 'managed', 'owned', 'provided', 'supplied', 'generated', 'partner', 'partners',
	'marketplace', 'user', 'users', 'customer', 'customers', 'employee', 'employees', 'data', 'content', 'support',
	'side-by-side', 'master', 'keys', 'key',
]);
const RESPONSIBILITY = new Set(['responsibility', 'responsibilities', 'job', 'jobs', 'task', 'tasks', 'duty', 'duties', 'problem', 'fault', 'side', 'work', 'call', 'decision', 'choice', 'part', 'concern', 'burden']);
const OBJECT_OF = new Set(['for', 'to', 'with', 'from', 'toward', 'towards', 'tell', 'tells', 'give', 'gives', 'show', 'shows', 'ask', 'asks', 'let', 'lets', 'help', 'helps', 'lets']);
const NOT_SHARED_AFTER = new Set(['responsibility', 'responsibilities', 'with', 'publicly', 'snapshot', 'snapshots', 'reports', 'report', 'link', 'links']);

const wordMaps = new WeakMap<readonly Party[], Map<string, Party>>();

export function partyMentions(tokens: readonly Token[], parties: readonly Party[]): Mention[] {
	let byWord = wordMaps.get(parties);
	if (!byWord) {
		byWord = new Map(parties.flatMap((p) => p.words.map((w) => [w, p] as const)));
		wordMaps.set(parties, byWord);
	}
	const mentions: Mention[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (t.kind !== 'word' || t.parts.length !== 1) continue;
		const party = byWord.get(t.parts[0]!);
		if (!party) continue;
		const next = tokens[i + 1];
		const nextWord = next?.kind === 'word' ? next : undefined;
		const prev = tokens[i - 1];
		if (prev?.kind === 'word' && (prev.lower === 'without' || prev.lower === 'no')) continue;
		if (party.reserved) {
			if (t.parts[0] === 'both' && !bothIsJoint(tokens, i, byWord)) continue;
			if (t.parts[0] !== 'both' && t.parts[0] !== 'jointly' && nextWord && NOT_SHARED_AFTER.has(nextWord.lower)) continue;
			mentions.push({ party: party.id, strong: true, word: t });
			continue;
		}
		if (!t.possessive && nextWord && t.parts[0] !== 'your') {
			const isLabel = t.parts[0] === party.label.toLowerCase();
			if (isLabel && /^[A-Z]/.test(nextWord.value) && nextWord.lower !== 'i') continue;
			if (MODIFIED.has(nextWord.lower) || /-(managed|owned|provided)$/.test(nextWord.lower)) continue;
		}
		// "for you", "to the customer": the party the work is done for, not the one doing it.
		const object = prev?.kind === 'word' && OBJECT_OF.has(prev.lower) || (prev?.kind === 'word' && prev.lower === 'the' && tokens[i - 2]?.kind === 'word' && OBJECT_OF.has((tokens[i - 2] as Word).lower));
		const strong = (!t.possessive && t.parts[0] !== 'your' && !object) || (nextWord !== undefined && RESPONSIBILITY.has(nextWord.lower));
		mentions.push({ party: party.id, strong, word: t });
	}
	return mentions;
}

/** "both AWS and the customer", "AWS and you both", "owned by both" — not "both volumes and snapshots". */
function bothIsJoint(tokens: readonly Token[], i: number, byWord: Map<string, Party>): boolean {
	const isParty = (t: Token | undefined) => t?.kind === 'word' && t.parts.length === 1 && byWord.has(t.parts[0]!) && !byWord.get(t.parts[0]!)!.reserved;
	for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) if (isParty(tokens[k])) return true;
	for (let k = i - 1; k >= i - 3 && k >= 0; k--) if (isParty(tokens[k])) return true;
	const next = tokens[i + 1];
	return next === undefined || next.kind === 'mark';
}

/** The one party a clause names, if it names exactly one; joint ownership wins over single parties named with it. */
export function partyOf(mentions: readonly Mention[], parties: readonly Party[]): Owner | 'several' | undefined {
	if (mentions.length === 0) return undefined;
	const shared = parties.find((p) => p.reserved)?.id;
	if (shared && mentions.some((m) => m.party === shared)) return shared;
	// Possessives alone ("your per-volume setting") describe whose thing it is, not who does the work.
	const strong = mentions.filter((m) => m.strong);
	if (strong.length === 0) return undefined;
	const set = new Set(strong.map((m) => m.party));
	return set.size === 1 ? [...set][0] : 'several';
}
