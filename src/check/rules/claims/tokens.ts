/**
 * Sentences and words of a passage of prose, with their offsets, in one linear scan (a full English parser
 * such as parse-english was ten times the cost of the whole check). Words are stemmed with Porter's
 * stemmer so "patches", "patching" and "patch" meet.
 */
import { stemmer } from 'stemmer';

export interface Word {
	kind: 'word';
	/** The whole word as written ("AWS's", "SSE-S3", "don't"). */
	value: string;
	lower: string;
	/** Its alphanumeric parts, lower case ("sse", "s3"); a compound is several. */
	parts: string[];
	/** Stems of the parts, with common abbreviations spelt out ("OS" → oper, system). */
	stems: string[];
	/** Written with an apostrophe-s or a trailing apostrophe ("AWS's", "customers'"). */
	possessive: boolean;
	/** Follows a punctuation mark ("the configuration, manage"): a phrase does not run across it. */
	afterMark: boolean;
	start: number;
	end: number;
}

export interface Mark {
	kind: 'mark';
	value: string;
	start: number;
	end: number;
}

export type Token = Word | Mark;

export interface Sentence {
	tokens: Token[];
	start: number;
	end: number;
}

/** Abbreviations that titles usually spell out. */
const EXPAND = new Map<string, string[]>([
	['os', ['operating', 'system']],
	['db', ['database']],
	['az', ['availability', 'zone']],
	['azs', ['availability', 'zones']],
	['mfa', ['multi', 'factor', 'authentication']],
	['nacl', ['network', 'acl']],
	['nacls', ['network', 'acls']],
]);

/** Second words of a compound name: "AWS managed", "AWS owned", "customer managed". */
const COMPOUND = new Set(['managed', 'owned']);
/**
 * First words of such a name when written apart: these, or a provider's name in capitals ("AWS managed", "GCP
 * managed"); after other words "managed" is a verb or an adjective ("patch managed runtimes").
 */
const COMPOUND_FIRST = new Set(['customer', 'customers', 'service', 'self', 'user', 'provider']);
const compoundFirst = (word: { value: string; parts: string[] }) => COMPOUND_FIRST.has(word.parts[0]!) || /^\p{Lu}{2,}$/u.test(word.value);

const stemCache = new Map<string, string>();

export function stem(word: string): string {
	let s = stemCache.get(word);
	if (s === undefined) {
		s = stemmer(word);
		stemCache.set(word, s);
	}
	return s;
}

/**
 * Stems of a phrase (an alias, a title, a section), in order, for the same comparison as the prose: the stems
 * `sentencesOf` gives its words, found by the same scan without building sentences and tokens.
 */
export function stemsOf(phrase: string): string[] {
	const out: string[] = [];
	// The word before, unless a mark came after it; where its stems are in `out`.
	let prev: { value: string; parts: string[]; possessive: boolean; end: number; at: number; count: number } | undefined;
	const re = new RegExp(TOKEN.source, TOKEN.flags);
	for (let m = re.exec(phrase); m; m = re.exec(phrase)) {
		if (m[1]) {
			const { parts, stems, possessive } = analyse(m[1].toLowerCase());
			if (parts.length === 1 && COMPOUND.has(parts[0]!) && prev && prev.parts.length === 1 && !prev.possessive && compoundFirst(prev)) {
				out.splice(prev.at, prev.count, `${stem(prev.parts[0]!)}-${stem(parts[0]!)}`);
				prev = { value: m[1], parts, possessive, end: re.lastIndex, at: out.length, count: 0 };
				continue;
			}
			prev = { value: m[1], parts, possessive, end: re.lastIndex, at: out.length, count: stems.length };
			out.push(...stems);
		} else if ((m[2] === "'" || m[2] === '’') && prev && prev.end === m.index && prev.value.toLowerCase().endsWith('s')) {
			prev.possessive = true;
		} else prev = undefined;
	}
	return out;
}

/** Words keep inner hyphens, apostrophes, dots and colons ("SSE-S3", "AWS's", "e.g", "99.9", "re:Invent"). */
const TOKEN = /([\p{L}\p{N}]+(?:[-'’.:][\p{L}\p{N}]+)*)|(\S)/gu;
const SEPARATOR = /[-'’.:]/;
/** Words after which a dot does not end the sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'cf', 'approx', 'incl', 'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'fig', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const OPENING = /^[\p{Lu}\p{N}"“‘(\[\uFFFC]/u;

/**
 * Sentences by a single left-to-right scan: a sentence ends at `!` or `?`, or at a dot followed by a capital,
 * a digit or an opening quote, unless the dot ends an abbreviation ("e.g.", "Jan.") or an initial.
 */
export function sentencesOf(text: string): Sentence[] {
	const sentences: Sentence[] = [];
	let tokens: Token[] = [];
	const close = () => {
		if (tokens.length) sentences.push({ tokens, start: tokens[0]!.start, end: tokens.at(-1)!.end });
		tokens = [];
	};
	// One match ahead, so that a dot can look at what follows it.
	const re = new RegExp(TOKEN.source, TOKEN.flags);
	let m = re.exec(text);
	while (m) {
		const next = re.exec(text);
		const start = m.index;
		const end = start + m[0].length;
		const prev = tokens.at(-1);
		if (m[1]) {
			const value = m[1];
			const lower = value.toLowerCase();
			const { parts: content, stems: known, possessive } = analyse(lower);
			let stems = known;
			// "AWS managed key", "customer-managed key": who manages the key is part of the name, one word.
			if (content.length === 1 && COMPOUND.has(content[0]!) && prev?.kind === 'word' && prev.parts.length === 1 && !prev.possessive && compoundFirst(prev)) {
				prev.stems = [`${stem(prev.parts[0]!)}-${stem(content[0]!)}`];
				stems = [];
			}
			tokens.push({ kind: 'word', value, lower, parts: content, stems, possessive, afterMark: prev?.kind === 'mark', start, end });
		} else {
			const value = m[2]!;
			// A trailing apostrophe after a plural is a possessive: "customers' keys".
			if ((value === "'" || value === '’') && prev?.kind === 'word' && prev.end === start && prev.lower.endsWith('s')) prev.possessive = true;
			else {
				tokens.push({ kind: 'mark', value, start, end });
				const spaced = !next || next.index > end;
				if ((value === '!' || value === '?') && spaced) close();
				else if (value === '.' && (!next || (spaced && OPENING.test(next[0]))) && !(prev?.kind === 'word' && (ABBREVIATIONS.has(prev.lower) || /^\p{L}$/u.test(prev.value)))) close();
			}
		}
		m = next;
	}
	close();
	return sentences;
}

interface Analysis {
	parts: string[];
	stems: string[];
	possessive: boolean;
}

/** What a word is made of: a pure function of its lower-case form, so it is worked out once per word. */
const analyses = new Map<string, Analysis>();

function analyse(lower: string): Analysis {
	let a = analyses.get(lower);
	if (a) return { parts: a.parts, stems: [...a.stems], possessive: a.possessive };
	const parts = SEPARATOR.test(lower) ? lower.split(SEPARATOR) : [lower];
	const possessive = parts.length > 1 && parts.at(-1) === 's' && (lower.endsWith("'s") || lower.endsWith('’s'));
	const content = possessive ? parts.slice(0, -1) : parts;
	let stems = content.flatMap((p) => (EXPAND.get(p) ?? [p]).map(stem));
	if (content.length === 2 && COMPOUND.has(content[1]!)) stems = [`${stem(content[0]!)}-${stem(content[1]!)}`];
	a = { parts: content, stems, possessive };
	if (analyses.size < 200_000) analyses.set(lower, a);
	return { parts: a.parts, stems: [...a.stems], possessive: a.possessive };
}
