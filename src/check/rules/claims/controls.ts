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
 *   the same order, nothing else between them but stop words: an alias is a strong match.
 * - When a sentence names services ("EC2", "Amazon RDS", "Security Hub"), only their controls are
 *   candidates, by title or alias: "AWS patches the OS for RDS" is not about EC2's guest OS. A sentence
 *   that names none continues the services of the passage's last sentence that did.
 * - A candidate whose matched words are all matched by a better candidate is dropped ("EBS encryption by
 *   default" is the default setting, not the volume). Two candidates with the same words and different
 *   owners are ambiguous and both dropped.
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
		'also just still whether unless truly instead there here one amazon aws s'
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
}

interface AliasEntry {
	entry: ControlEntry;
	stems: string[];
}

export interface ControlIndex {
	parties: Party[];
	entries: ControlEntry[];
	byStem: Map<string, ControlEntry[]>;
	aliasesByFirst: Map<string, AliasEntry[]>;
	/** First word of a service's name → the service id and the whole name, as lower-case words. */
	serviceNames: Map<string, { id: string; words: string[] }[]>;
	/** Services with at least one control: only those can narrow a sentence. */
	services: Set<string>;
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

const isKeyStem = (s: string) => !STOP.has(s) && s.length > 0;

function buildIndex(schema: OwnershipSchema): ControlIndex {
	const parties = partiesOf(schema);
	// A party word is left out as written, not by its stem: "shared" is a party, "sharing" and "custom" are not.
	const partyWords = new Set(parties.flatMap((p) => p.words));
	const keys = (text: string) =>
		sentencesOf(text).flatMap((s) =>
			s.tokens.flatMap((t) => (t.kind !== 'word' ? [] : t.stems.filter((k) => isKeyStem(k) && !(t.parts.length === 1 && partyWords.has(t.parts[0]!) && k === stem(t.parts[0]!))))),
		);
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
	controls.forEach((control, i) => {
		const weights = new Map([...titleStems[i]!].map((s) => [s, Math.log(1 + n / df.get(s)!)]));
		const aliasStems = (control.aliases ?? []).map(keys).filter((a) => a.length > 0);
		const related = new Map<Owner, Set<string>>();
		for (const [party, line] of Object.entries(control.split ?? {})) related.set(party as Owner, new Set(keys(line)));
		const entry: ControlEntry = { control, weights, total: [...weights.values()].reduce((a, b) => a + b, 0), serviceStems: serviceStems.get(control.service)!, related };
		entries.push(entry);
		for (const s of weights.keys()) push(byStem, s, entry);
		for (const stems of aliasStems) push(aliasesByFirst, stems[0]!, { entry, stems });
	});
	const serviceNames = new Map<string, { id: string; words: string[] }[]>();
	const services = new Set(controls.map((c) => c.service));
	for (const id of services) {
		push(serviceNames, id, { id, words: [id] });
		const title = schema.services.get(id)?.title;
		// "Amazon EC2" → ec2, "AWS Security Hub" → security hub: the name without the provider's.
		const words = title?.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && w !== 'aws' && w !== 'amazon') ?? [];
		if (words.length && words.join(' ') !== id) push(serviceNames, words[0]!, { id, words });
	}
	return { parties, entries, byStem, aliasesByFirst, serviceNames, services };
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
	const keyed = words.flatMap((word) => word.stems.filter((s) => !STOP.has(s)).map((s) => ({ word, s })));
	const allow = (e: ControlEntry) => services.size === 0 || services.has(e.control.service);
	for (const { word, s } of keyed) {
		for (const entry of index.byStem.get(s) ?? []) {
			if (!allow(entry)) continue;
			let m = found.get(entry);
			if (!m) found.set(entry, (m = { entry, coverage: 0, words: [], stems: new Set(), score: 0, alias: false }));
			if (m.stems.has(s)) continue;
			m.stems.add(s);
			m.score += entry.weights.get(s)!;
			if (!m.words.includes(word)) m.words.push(word);
		}
	}
	const position = new Map(words.map((w, i) => [w, i]));
	const content = words.map((w) => w.stems.some((s) => !STOP.has(s)));
	const dense = (m: Match) => {
		const at = m.words.map((w) => position.get(w)!).sort((a, b) => a - b);
		let span = 0;
		for (let i = at[0]!; i <= at.at(-1)!; i++) if (content[i]) span++;
		return m.words.length >= MIN_DENSITY * span;
	};
	const identifying = (m: Match) => m.words.filter((w) => w.stems.some((s) => m.stems.has(s) && !m.entry.serviceStems.has(s))).length;
	const matches = [...found.values()].filter((m) => identifying(m) >= MIN_WORDS && m.score >= MIN_COVERAGE * m.entry.total && dense(m));
	for (const m of matches) m.coverage = m.score /= m.entry.total;
	// Aliases: key words in order. The alias list per first word is short, so this stays linear in the clause.
	keyed.forEach(({ s }, i) => {
		for (const alias of index.aliasesByFirst.get(s) ?? []) {
			if (!allow(alias.entry) || !alias.stems.every((a, k) => keyed[i + k]?.s === a)) continue;
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
	const list = [...best.values()].sort((a, b) => b.score - a.score || a.entry.control.line - b.entry.control.line);
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
