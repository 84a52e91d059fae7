/**
 * Ownership claims in plain prose: a clause that names a control and exactly one party. The decision, clause
 * by clause (docs/authoring.md, "Untagged claims", says the same for authors):
 *
 * 1. Sentences: a question, or a sentence with a belief word (think, believe, assume, myth, mistake,
 *    misconception, wrong, false, incorrect, trap, confuse…) is not a claim. Words in quotation marks are
 *    someone else's words and are left out.
 * 2. Clauses: a sentence splits at `;` `:` dashes and brackets, before but / while / whereas / although /
 *    though / however / yet / except / unlike, at a comma before and / or / so / then / not, and before
 *    "and" + a party ("AWS runs the hosts and you patch the guest").
 * 3. The clause must name one party (./parties.ts) and one or more controls (./controls.ts).
 * 4. A negated party (the party, an optional auxiliary, then not / never / cannot / n't / nor / neither;
 *    not "does not need to" / "does not have to") only ever produces conflicts: "AWS does not encrypt new S3 objects" contradicts owner=aws; "AWS does not
 *    patch your guest OS" is no claim.
 * 5. Shared controls: a clause that gives one to a single party describes that party's part when another
 *    clause of the passage gives the other party its part (two words of that party's `split:` line).
 *    Otherwise it is a conflict ("assigned wholly to one side") when the evidence is strong: an alias ("the
 *    customer must turn on automated backups") or three quarters of the title's weight; on weaker evidence it
 *    is reported as a claim.
 * 6b. A clause that imagines (if, whether, unless, want, wish, suppose) or says what a party does not need
 *    to do is no claim.
 * 6. A clause that says a party provides, offers, supports, enforces, evaluates, allows or helps is about a
 *    feature, and one that says it inherits, receives, gains, relies on or benefits from something is about
 *    the other side's work: such a clause can agree with the schema, never contradict it. Nor is a match a
 *    conflict when its words belong to a control the party owns (or to its part of a shared one) that the
 *    clause also names; an alias loses its words only to a control that explains all of them.
 * 7. A clause that names no party but says a thing is not done by default ("buckets are not encrypted by
 *    default", "never automatic", "off by default") denies it to the provider (the party that is neither
 *    joint ownership nor the reader): a conflict when the provider owns the control, no claim otherwise. Saying
 *    that something is on by default makes no claim ("MFA is on by default in Identity Center" does not move
 *    who must require MFA).
 */
import type { Owner } from '../../../schema/ownership.ts';
import type { Party } from '../../../schema/parties.ts';
import { type ControlEntry, type ControlIndex, type Match, matchControls, servicesNamed } from './controls.ts';
import { type Mention, partyMentions, partyOf } from './parties.ts';
import type { Passage } from './passages.ts';
import { sentencesOf, stem, type Sentence, type Token, type Word } from './tokens.ts';

export interface Claim {
	entry: ControlEntry;
	/** The party the clause names. */
	party: Owner;
	negated: boolean;
	/** The clause names no party but says something is not done by default: the provider's part, denied (rule 7). */
	implicit: boolean;
	/** Agrees with the schema (an untagged claim) or contradicts it (a conflict). */
	verdict: 'agrees' | 'conflicts';
	/** Passage offsets of the matched words, first to last. */
	start: number;
	end: number;
	/** The sentence, for the message. */
	sentence: { start: number; end: number };
}

const stems = (words: string) => new Set(words.split(' ').map(stem));
const BELIEF = stems('think thinks thought believe believes belief assume assumes assuming assumption myth mistake mistaken mistakenly misconception misunderstanding misunderstand wrong false incorrect trap confuse confusion');
const CAPABILITY = stems('provide provides offer offers support supports enforce enforces evaluate evaluates allow allows let lets help helps expose exposes inherit inherits receive receives gain gains rely relies benefit benefits');
const NEGATION = new Set(['not', 'never', 'cannot', 'nor', 'neither']);
const AUXILIARY = new Set(['do', 'does', 'did', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'must', 'should', 'need', 'needs', 'has', 'have', 'may', 'might']);
const SPLIT_MARKS = new Set([';', ':', '—', '–', '(', ')', '[', ']']);
const SPLIT_WORDS = new Set(['but', 'while', 'whereas', 'although', 'though', 'however', 'yet', 'except', 'unlike', 'if', 'unless', 'whether']);
const AFTER_COMMA = new Set(['and', 'or', 'so', 'then', 'not']);
const QUOTES: Record<string, string> = { '"': '"', '“': '”' };
/** A clause that imagines ("if you want to hand OS patching to AWS") states nothing. */
const CONDITIONAL = new Set(['if', 'whether', 'unless', 'want', 'wants', 'wish', 'suppose', 'imagine']);
/** Another party gets the rest of a shared control when its clauses use this many words of its `split:` line ("Windows Update" alone is not the maintenance window). */
const OWNS_REST_WORDS = 2;
/** A shared control given to one party is a conflict only on strong evidence: this share of its title, or an alias. */
const SHARED_CONFLICT_COVERAGE = 0.75;

interface Clause {
	words: Word[];
	mentions: Mention[];
	party: Owner | 'several' | undefined;
	negated: boolean;
	implicit: boolean;
	capability: boolean;
	conditional: boolean;
	sentence: Sentence;
	services: Set<string>;
}

export function claimsIn(passage: Passage, index: ControlIndex): Claim[] {
	const parties = index.parties;
	// The party that does what happens by default: the one that is neither joint ownership nor the reader ("you").
	const others = parties.filter((p) => !p.reserved && !p.words.includes('you'));
	const provider = others.length === 1 ? others[0]!.id : undefined;
	const clauses: Clause[] = [];
	let services = new Set<string>();
	for (const sentence of sentencesOf(passage.text)) {
		const tokens = unquoted(sentence.tokens);
		if (isQuestion(sentence) || tokens.some((t) => t.kind === 'word' && t.stems.some((s) => BELIEF.has(s)))) continue;
		// A sentence that names no service continues the passage's last one ("RDS … . AWS patches the engine.").
		const named = servicesNamed(tokens, index);
		if (named.size) services = named;
		for (const part of splitClauses(tokens, parties)) {
			const words = part.filter((t): t is Word => t.kind === 'word');
			const mentions = partyMentions(part, parties);
			const party = partyOf(mentions, parties);
			const implicit = party === undefined && provider !== undefined && notByDefault(words);
			const negation = mentions.length ? negates(words, mentions) : false;
			clauses.push({
				words,
				mentions,
				party: implicit ? provider : party,
				negated: implicit || negation === true,
				implicit,
				conditional: words.some((w) => CONDITIONAL.has(w.lower)) || negation === 'need',
				capability: words.some((w) => w.stems.some((s) => CAPABILITY.has(s))),
				sentence,
				services,
			});
		}
	}
	// Which stems each party's clauses use, for shared controls (rule 5).
	const stemsByParty = new Map<Owner, Set<string>>();
	for (const c of clauses) {
		if (!c.party || c.party === 'several' || c.negated) continue;
		let set = stemsByParty.get(c.party);
		if (!set) stemsByParty.set(c.party, (set = new Set()));
		for (const w of c.words) for (const s of w.stems) set.add(s);
	}
	const claims: Claim[] = [];
	for (const c of clauses) {
		if (!c.party || c.party === 'several' || c.conditional) continue;
		const party = c.party;
		const mentioned = new Set(c.mentions.map((m) => m.word));
		const matches = matchControls(c.words.filter((w) => !mentioned.has(w)), c.services, index).filter((m) => !passage.tagged.has(m.entry.control.id));
		const verdicts = matches.map((m) => decide(m, party, c.negated, stemsByParty, parties));
		matches.forEach((m, i) => {
			const verdict = verdicts[i];
			if (!verdict) return;
			if (verdict === 'conflicts') {
				if (c.capability || passage.context === 'trap') return;
				// The words belong to a control the party does own ("AWS patches the physical hosts, keeping EC2
				// instances apart"), unless the two are about services the sentence names side by side ("S3 and EBS").
				// Owning takes the party's own control or its part of a shared one, not a shared control matched too
				// weakly to call ("patches and manages" is not patch management). An alias names its control
				// outright: only a control that explains every one of its words takes them away.
				const ownService = (o: Match) => c.services.has(o.entry.control.service) && c.services.has(m.entry.control.service) && o.entry.control.service !== m.entry.control.service;
				const explains = (o: Match) => (m.alias ? m.words.every((w) => o.words.includes(w)) : o.words.some((w) => m.words.includes(w)));
				if (matches.some((o, k) => k !== i && (verdicts[k] === 'agrees' || verdicts[k] === 'part') && explains(o) && !ownService(o))) return;
			}
			claims.push({ entry: m.entry, party, negated: c.negated, implicit: c.implicit, verdict: verdict === 'conflicts' ? verdict : 'agrees', start: m.words[0]!.start, end: m.words.at(-1)!.end, sentence: { start: c.sentence.start, end: c.sentence.end } });
		});
	}
	return claims;
}

/** `agrees`: the party owns the control; `part`: its part of a shared one; `weak`: a shared control given to one party on too little evidence to call it a conflict (reported as a claim). */
function decide(m: Match, party: Owner, negated: boolean, stemsByParty: Map<Owner, Set<string>>, parties: readonly Party[]): 'agrees' | 'part' | 'weak' | 'conflicts' | undefined {
	const owner = m.entry.control.owner;
	const shared = parties.find((p) => p.reserved)?.id;
	if (negated) return owner !== shared && party === owner ? 'conflicts' : undefined;
	if (party === owner) return 'agrees';
	if (owner !== shared || party === shared) return 'conflicts';
	// A shared control given to one party: its part, if another party gets the rest elsewhere in the passage
	// (a word of that party's split line), or if the evidence is weak.
	const others = parties.filter((p) => p.id !== party && !p.reserved);
	const ownsRest = others.some((other) => {
		const used = stemsByParty.get(other.id);
		const related = [...(m.entry.related.get(other.id) ?? [])];
		return used !== undefined && related.filter((s) => used.has(s)).length >= OWNS_REST_WORDS;
	});
	if (ownsRest) return 'part';
	return m.alias || m.coverage >= SHARED_CONFLICT_COVERAGE ? 'conflicts' : 'weak';
}

/** "Buckets are not encrypted by default", "encryption is never automatic", "off by default": nobody's default. */
function notByDefault(words: readonly Word[]): boolean {
	const at = words.findIndex((w, k) => (w.lower === 'by' && words[k + 1]?.lower === 'default') || w.lower === 'automatic' || w.lower === 'automatically');
	if (at === -1) return false;
	if (['off', 'disabled'].includes(words[at - 1]?.lower ?? '')) return true;
	// The negation comes before, in the same stretch of words: "is not on by default", not "… by default, Lambda does not …".
	for (let k = at; k > 0 && !words[k]!.afterMark; k--) if (NEGATION.has(words[k - 1]!.lower) || /n['’]t$/.test(words[k - 1]!.lower)) return true;
	return false;
}

/** The party itself is negated: "AWS does not encrypt", "you never patch", "customers don't" — not "it does not tell you". */
function negates(words: readonly Word[], mentions: readonly Mention[]): boolean | 'need' {
	const isNegation = (w: Word | undefined) => w !== undefined && (NEGATION.has(w.lower) || /n['’]t$/.test(w.lower));
	let result: boolean | 'need' = false;
	for (const m of mentions) {
		const i = words.indexOf(m.word);
		const next = words[i + 1];
		const at = i === -1 ? -1 : isNegation(next) ? i + 1 : next !== undefined && AUXILIARY.has(next.lower) && isNegation(words[i + 2]) ? i + 2 : -1;
		if (at === -1) continue;
		// "you do not need to enable flow logs for GuardDuty" says what is needed for a purpose, not who owns it.
		if (next?.lower === 'need' || next?.lower === 'needs' || ['need', 'have', 'has'].includes(words[at + 1]?.lower ?? '')) return 'need';
		result = true;
	}
	return result;
}

const isQuestion = (s: Sentence) => s.tokens.findLast((t) => t.kind === 'mark' && !/^[”"')\]]$/.test(t.value))?.value === '?';

/** The tokens of a sentence outside quotation marks. */
function unquoted(tokens: readonly Token[]): Token[] {
	const out: Token[] = [];
	let close: string | undefined;
	for (const t of tokens) {
		if (t.kind === 'mark' && close === undefined && QUOTES[t.value]) close = QUOTES[t.value];
		else if (t.kind === 'mark' && t.value === close) close = undefined;
		else if (close === undefined) out.push(t);
	}
	// An unbalanced quote mark quotes nothing: keep the sentence.
	return close === undefined ? out : [...tokens];
}

const partyWordSets = new WeakMap<readonly Party[], Set<string>>();

export function splitClauses(tokens: readonly Token[], parties: readonly Party[]): Token[][] {
	let partyWords = partyWordSets.get(parties);
	if (!partyWords) partyWordSets.set(parties, (partyWords = new Set(parties.filter((p) => !p.reserved).flatMap((p) => p.words))));
	const isParty = (t: Token | undefined) => t?.kind === 'word' && t.parts.length === 1 && partyWords.has(t.parts[0]!);
	const clauses: Token[][] = [[]];
	tokens.forEach((t, i) => {
		const prev = tokens[i - 1];
		const next = tokens[i + 1];
		const afterNext = tokens[i + 2];
		const cut =
			(t.kind === 'mark' && SPLIT_MARKS.has(t.value)) ||
			(t.kind === 'word' && SPLIT_WORDS.has(t.lower)) ||
			(t.kind === 'mark' && t.value === ',' && next?.kind === 'word' && (AFTER_COMMA.has(next.lower) || SPLIT_WORDS.has(next.lower))) ||
			(t.kind === 'word' && (t.lower === 'and' || t.lower === 'so') && !isParty(prev) && (isParty(next) || (next?.kind === 'word' && next.lower === 'the' && isParty(afterNext))));
		if (cut) clauses.push([]);
		if (t.kind === 'word' || t.value !== ',') clauses.at(-1)!.push(t);
	});
	return clauses.filter((c) => c.some((t) => t.kind === 'word'));
}
