/**
 * Which control a clause names. Built once per schema into an index, so a clause costs one lookup per word,
 * never a pass over every control:
 *
 * - **Key words** are a title's words without stop words and party words, stemmed. Each weighs by how
 *   rare it is among the titles (inverse document frequency): "guest" says more than "instance".
 * - A clause names a control by its title when at least `MIN_WORDS` of its words carry key words of the
 *   title (the service's own name, "EBS", does not count: it says which service, not which control), the
 *   matched key words carry at least `MIN_COVERAGE` of the title's total weight, and they stand close
 *   together: at least `MIN_DENSITY` of the words from the first matched one to the last are matches.
 * - An **alias** (`aliases:` in ownership.yaml) names its control when its key words appear in the clause in
 *   the same order, nothing else between them but stop words (no punctuation, no "and"/"or" the alias does
 *   not have): an alias is a strong match.
 * - When a sentence names services ("EC2", "Amazon RDS", "Security Hub"), only their controls are
 *   candidates, by title or alias: "AWS patches the OS for RDS" is not about EC2's guest OS. A sentence
 *   that names none continues the services of the passage's last sentence that did.
 * - Compounds: two adjacent key words of a title or alias ("security group", "parameter group"). A word that
 *   the clause uses as the head of another compound than the title's ("security groups" for "parameter
 *   groups") does not count for that title, and the words of an alias used apart ("the configuration, manage")
 *   count once.
 * - A candidate whose matched words are all matched by a better candidate is dropped ("EBS encryption by
 *   default" is the default setting, not the volume; between two aliases the longer one wins). Two candidates
 *   with the same words and different owners are ambiguous and both dropped.
 */
import type { Control, Owner, OwnershipSchema } from '../../../schema/ownership.ts';
import { type Party, partiesOf } from '../../../schema/parties.ts';
import { sentencesOf, stem, type Token, type Word } from './tokens.ts';

export const MIN_WORDS = 2;
export const MIN_COVERAGE = 0.5;
export const MIN_DENSITY = 0.5;

const STOP = new Set(
	(
		'a an the and or nor of to in on onto into for with by from at as is are was were be been being it its that this these those ' +
		'each every all any only own their them they who whom which what when where how than then before after under over between ' +
		'across per via such other more most so if but not no do does did can could must should will would may might up out about ' +
		'also just still whether unless truly instead there here one underlying s'
	)
		.split(' ')
		.map(stem),
);

export interface ControlEntry {
	control: Control;
	/** Key word stem → weight. */
	weights: Map<string, number>;
	total: number;
	/** Stems of the service's id and name ("ebs"): they narrow, they do not identify. */
	serviceStems: Set<string>;
	/** For a shared control, the key words of each party's `split:` line. */
	related: Map<Owner, Set<string>>;
	/** Its compounds: pairs of adjacent key words of its title and aliases ("parameter group"). */
	compounds: Set<string>;
	/** The second word of each compound → its first words ("group" → parameter). */
	heads: Map<string, Set<string>>;
	/** Pairs of successive key words of its aliases, service names left out ("configur manag"). */
	aliasPairs: string[];
}

interface AliasEntry {
	entry: ControlEntry;
	stems: string[];
	/** The coordinators ("and", "or") the alias itself has between key word k and k + 1 ("awareness and training"). */
	joins: Set<string>[];
}

/** Words that join two things: between an alias's words they make two phrases ("patches and manages" is not patch management). */
const COORDINATORS = new Set(['and', 'or', 'nor']);

export interface ControlIndex {
	parties: Party[];
	/**
	 * Stems that name no control: the stop words and the provider's brand — the first word two or more service
	 * titles share ("Amazon EC2", "Amazon S3", "AWS Lambda"; "Azure SQL", "Azure Storage").
	 */
	stop: Set<string>;
	entries: ControlEntry[];
	byStem: Map<string, ControlEntry[]>;
	aliasesByFirst: Map<string, AliasEntry[]>;
	/** First word of a service's name → the service id and the whole name, as lower-case words. */
	serviceNames: Map<string, { id: string; words: string[] }[]>;
	/** Services with at least one control: only those can narrow a sentence. */
	services: Set<string>;
	/** Every control's compounds. */
	compounds: Set<string>;
}

export interface Match {
	entry: ControlEntry;
	/** Share of the title's weight the clause carries (1 for an alias). */
	coverage: number;
	/** The words of the clause that matched, in order. */
	words: Word[];
	stems: Set<string>;
	score: number;
	alias: boolean;
}

const cache = new WeakMap<OwnershipSchema, ControlIndex>();

export function controlIndex(schema: OwnershipSchema): ControlIndex {
	let index = cache.get(schema);
	if (!index) {
		index = buildIndex(schema);
		cache.set(schema, index);
	}
	return index;
}

/** Lower-case first words that begin two or more service titles: the provider's brand, not a service's name. */
export function brandWords(titles: Iterable<string>): Set<string> {
	const count = new Map<string, number>();
	for (const title of titles) {
		const first = title.toLowerCase().split(/[^\p{L}\p{N}]+/u).find(Boolean);
		if (first) count.set(first, (count.get(first) ?? 0) + 1);
	}
	return new Set([...count].filter(([, n]) => n >= 2).map(([w]) => w));
}

function buildIndex(schema: OwnershipSchema): ControlIndex {
	const parties = partiesOf(schema);
	const brand = brandWords([...schema.services.values()].map((s) => s.title));
	const stop = new Set([...STOP, ...[...brand].map(stem)]);
	const isKeyStem = (s: string) => !stop.has(s) && s.length > 0;
	// A party word is left out as written, not by its stem: "shared" is a party, "sharing" and "custom" are not.
	const partyWords = new Set(parties.flatMap((p) => p.words));
	const keyStems = (t: Word) => t.stems.filter((k) => isKeyStem(k) && !(t.parts.length === 1 && partyWords.has(t.parts[0]!) && k === stem(t.parts[0]!)));
	const words = (text: string) => sentencesOf(text).flatMap((s) => s.tokens.filter((t): t is Word => t.kind === 'word'));
	const keys = (text: string) => words(text).flatMap(keyStems);
	// Runs of adjacent key words (a stop word, a party word or a mark ends a run), for the compounds a title names.
	const runs = (text: string) => {
		const out: string[][] = [[]];
		for (const t of words(text)) {
			const stems = keyStems(t);
			if (stems.length < t.stems.length || t.afterMark) out.push([]);
			out.at(-1)!.push(...stems);
		}
		return out;
	};
	const controls = [...schema.controls.values()];
	const titleStems = controls.map((c) => new Set(keys(c.title)));
	const df = new Map<string, number>();
	for (const set of titleStems) for (const s of set) df.set(s, (df.get(s) ?? 0) + 1);
	const n = controls.length;
	const entries: ControlEntry[] = [];
	const byStem = new Map<string, ControlEntry[]>();
	const aliasesByFirst = new Map<string, AliasEntry[]>();
	const serviceStems = new Map<string, Set<string>>();
	for (const c of controls) if (!serviceStems.has(c.service)) serviceStems.set(c.service, new Set([stem(c.service), ...keys(schema.services.get(c.service)?.title ?? '')]));
	const anyService = new Set(controls.map((c) => stem(c.service)));
	// Two adjacent key words of a title or alias, neither a service's id: "security group", "parameter group".
	const compoundsOf = (texts: string[]) =>
		new Set(texts.flatMap((t) => runs(t).flatMap((run) => run.slice(1).flatMap((b, k) => (anyService.has(run[k]!) || anyService.has(b) || run[k] === b ? [] : [`${run[k]} ${b}`])))));
	const compounds = new Set<string>();
	// The coordinators between an alias's key words, gap by gap.
	const joinsOf = (alias: string) => {
		const joins: Set<string>[] = [];
		let seen = 0;
		for (const t of words(alias)) {
			const key = keyStems(t).length;
			if (key) seen += key;
			else if (COORDINATORS.has(t.lower) && seen > 0) (joins[seen - 1] ??= new Set()).add(t.lower);
		}
		return joins;
	};
	controls.forEach((control, i) => {
		const weights = new Map([...titleStems[i]!].map((s) => [s, Math.log(1 + n / df.get(s)!)]));
		const aliasStems = (control.aliases ?? []).map((a) => ({ stems: keys(a), joins: joinsOf(a) })).filter((a) => a.stems.length > 0);
		const related = new Map<Owner, Set<string>>();
		for (const [party, line] of Object.entries(control.split ?? {})) related.set(party as Owner, new Set(keys(line)));
		const own = compoundsOf([control.title, ...(control.aliases ?? [])]);
		const heads = new Map<string, Set<string>>();
		for (const c of own) {
			compounds.add(c);
			const [a, b] = c.split(' ') as [string, string];
			(heads.get(b) ?? heads.set(b, new Set()).get(b)!).add(a);
		}
		const aliasPairs = aliasStems.flatMap(({ stems }) => {
			const own = stems.filter((k) => !anyService.has(k));
			return own.slice(1).map((b, k) => `${own[k]} ${b}`);
		});
		const entry: ControlEntry = { control, weights, total: [...weights.values()].reduce((a, b) => a + b, 0), serviceStems: serviceStems.get(control.service)!, related, compounds: own, heads, aliasPairs };
		entries.push(entry);
		for (const s of weights.keys()) push(byStem, s, entry);
		for (const { stems, joins } of aliasStems) push(aliasesByFirst, stems[0]!, { entry, stems, joins });
	});
	const serviceNames = new Map<string, { id: string; words: string[] }[]>();
	const services = new Set(controls.map((c) => c.service));
	for (const id of services) {
		push(serviceNames, id, { id, words: [id] });
		const title = schema.services.get(id)?.title;
		// "Amazon EC2" → ec2, "AWS Security Hub" → security hub: the name without the provider's.
		const words = title?.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !brand.has(w)) ?? [];
		if (words.length && words.join(' ') !== id) push(serviceNames, words[0]!, { id, words });
	}
	return { parties, stop, entries, byStem, aliasesByFirst, serviceNames, services, compounds };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** Services a sentence names, by id ("s3", also inside "SSE-S3") or by the words of their title. */
export function servicesNamed(tokens: readonly Token[], index: ControlIndex): Set<string> {
	const parts = tokens.flatMap((t) => (t.kind === 'word' ? t.parts : []));
	const named = new Set<string>();
	parts.forEach((part, i) => {
		for (const { id, words } of index.serviceNames.get(part) ?? []) if (words.every((w, k) => parts[i + k] === w)) named.add(id);
	});
	return named;
}

/** Every control the words of a clause name, best first. */
export function matchControls(words: readonly Word[], services: ReadonlySet<string>, index: ControlIndex): Match[] {
	const found = new Map<ControlEntry, Match>();
	const position = new Map(words.map((w, i) => [w, i]));
	const keyed = words.flatMap((word) => word.stems.filter((s) => !index.stop.has(s)).map((s) => ({ word, s })));
	const allow = (e: ControlEntry) => services.size === 0 || services.has(e.control.service);
	// Key words in one phrase: only stop words between them, no punctuation, no "and"/"or".
	const between = (from: Word, to: Word) => words.slice(position.get(from)! + 1, position.get(to)! + 1);
	const joined = (from: Word, to: Word) => from === to || between(from, to).every((w) => !w.afterMark && !COORDINATORS.has(w.lower));
	const together = new Set<string>();
	// The word before each key word when the two make a compound some title or alias names ("security groups").
	const modifier = keyed.map(() => undefined as string | undefined);
	keyed.forEach((k, i) => {
		const prev = keyed[i - 1];
		if (!prev || !joined(prev.word, k.word)) return;
		together.add(`${prev.s} ${k.s}`).add(`${k.s} ${prev.s}`);
		const touching = prev.word === k.word || position.get(k.word) === position.get(prev.word)! + 1;
		if (touching && index.compounds.has(`${prev.s} ${k.s}`)) modifier[i] = prev.s;
	});
	// A head word with another modifier than the title's is another thing: the "groups" of "security groups" are
	// not the "parameter groups" of "Configure DB parameter groups securely". Unless the title's own modifier
	// stands earlier in the same phrase ("Auto runtime update mode" is still the Auto update mode).
	const otherThing = (entry: ControlEntry, i: number) => {
		const q = modifier[i];
		const own = entry.heads.get(keyed[i]!.s);
		if (q === undefined || !own || own.has(q)) return false;
		for (let k = i - 1; k >= 0 && joined(keyed[k]!.word, keyed[k + 1]!.word); k--) if (own.has(keyed[k]!.s)) return false;
		return true;
	};
	for (const [i, { word, s }] of keyed.entries()) {
		for (const entry of index.byStem.get(s) ?? []) {
			if (!allow(entry)) continue;
			if (otherThing(entry, i)) continue;
			let m = found.get(entry);
			if (!m) found.set(entry, (m = { entry, coverage: 0, words: [], stems: new Set(), score: 0, alias: false }));
			if (m.stems.has(s)) continue;
			m.stems.add(s);
			m.score += entry.weights.get(s)!;
			if (!m.words.includes(word)) m.words.push(word);
		}
	}
	const content = words.map((w) => w.stems.some((s) => !index.stop.has(s)));
	const dense = (m: Match) => {
		const at = m.words.map((w) => position.get(w)!).sort((a, b) => a - b);
		let span = 0;
		for (let i = at[0]!; i <= at.at(-1)!; i++) if (content[i]) span++;
		return m.words.length >= MIN_DENSITY * span;
	};
	// An alias's words used apart count once: "harden the configuration, manage users" has the words of the alias
	// "configuration management", not the thing.
	const apart = (m: Match) => m.entry.aliasPairs.filter((pair) => !together.has(pair) && pair.split(' ').every((s) => m.stems.has(s))).length;
	const identifying = (m: Match) => m.words.filter((w) => w.stems.some((s) => m.stems.has(s) && !m.entry.serviceStems.has(s))).length - apart(m);
	const matches = [...found.values()].filter((m) => identifying(m) >= MIN_WORDS && m.score >= MIN_COVERAGE * m.entry.total && dense(m));
	for (const m of matches) m.coverage = m.score /= m.entry.total;
	// Aliases: key words in order, with nothing between them but stop words, and no punctuation ("harden the
	// configuration, manage users" is not configuration management). The alias list per first word is short, so
	// this stays linear in the clause.
	const phrase = (alias: AliasEntry, i: number) =>
		alias.stems.every((_, k) => k === 0 || between(keyed[i + k - 1]!.word, keyed[i + k]!.word).every((w) => !w.afterMark && (!COORDINATORS.has(w.lower) || alias.joins[k - 1]?.has(w.lower))));
	keyed.forEach(({ s }, i) => {
		for (const alias of index.aliasesByFirst.get(s) ?? []) {
			if (!allow(alias.entry) || !alias.stems.every((a, k) => keyed[i + k]?.s === a)) continue;
			if (!phrase(alias, i)) continue;
			const aliasWords = [...new Set(keyed.slice(i, i + alias.stems.length).map((k) => k.word))];
			const existing = matches.find((m) => m.entry === alias.entry) ?? found.get(alias.entry);
			const m = existing ?? { entry: alias.entry, coverage: 1, words: [], stems: new Set<string>(), score: Infinity, alias: true };
			for (const w of aliasWords) if (!m.words.includes(w)) m.words.push(w);
			for (const a of alias.stems) m.stems.add(a);
			Object.assign(m, { coverage: 1, score: Infinity, alias: true });
			if (!matches.includes(m)) matches.push(m);
		}
	});
	return prune(matches);
}

/** Keep the best match per control, drop matches explained by a better one, drop ambiguous ties. */
function prune(matches: Match[]): Match[] {
	const best = new Map<ControlEntry, Match>();
	for (const m of matches) {
		const b = best.get(m.entry);
		if (!b || m.score > b.score) best.set(m.entry, m);
	}
	// Best first; between equals (two aliases), the one with more words: "EBS encryption by default" is the
	// default setting, whose words include those of "EBS encryption".
	const list = [...best.values()].sort((a, b) => (b.score === a.score ? 0 : b.score - a.score) || b.stems.size - a.stems.size || a.entry.control.line - b.entry.control.line);
	const kept: Match[] = [];
	const dropped = new Set<Match>();
	for (const m of list) {
		const over = kept.find((k) => [...m.stems].every((s) => k.stems.has(s)));
		if (over) {
			// Same words, other owner: the clause does not say which control it means.
			if (over.score === m.score && over.stems.size === m.stems.size && over.entry.control.owner !== m.entry.control.owner) dropped.add(over);
			continue;
		}
		kept.push(m);
	}
	return kept.filter((m) => !dropped.has(m)).map((m) => ({ ...m, words: [...m.words].sort((a, b) => a.start - b.start) }));
}
