/**
 * `untagged-claim` and `untagged-owner-conflict`: ownership claims written as plain prose. The checker holds
 * every tag to the schema; this rule finds the sentences that make the same kind of claim without a tag
 * ("AWS patches the guest operating system of your instances.") and either offers the tag to add or, when
 * the sentence gives the control to another party than the schema, reports the contradiction. How a
 * sentence is read is in ./claims/ (and, for authors, in docs/authoring.md).
 */
import type { Root } from 'mdast';
import { type Claim, claimsIn } from './claims/claims.ts';
import { controlIndex } from './claims/controls.ts';
import type { Party } from '../../schema/parties.ts';
import { type Passage, passagesOf, PLACEHOLDER, sourceOffset } from './claims/passages.ts';
import { type ChapterRuleContext, readsEnglish } from './index.ts';

export function untaggedClaims(tree: Root, ctx: ChapterRuleContext) {
	const source = ctx.source;
	if (!source || ctx.schema.controls.size === 0 || !readsEnglish(ctx.language)) return;
	const index = controlIndex(ctx.schema);
	const lines = lineStarts(source);
	const labelOf = (id: string) => index.parties.find((p) => p.id === id)?.label ?? id;
	const mayClaim = claimPattern(index.parties);
	for (const passage of passagesOf(tree)) {
		// Every claim names a party or says what is not done by default (claims.ts, rule 7): a passage with
		// neither (most of them) is not read further.
		if (!mayClaim.test(passage.text)) continue;
		const seen = new Set<string>();
		for (const claim of claimsIn(passage, index)) {
			const key = `${claim.entry.control.id}@${claim.sentence.start}`;
			if (seen.has(key)) continue;
			seen.add(key);
			const control = claim.entry.control;
			const start = sourceOffset(passage, claim.start);
			const place = positionAt(lines, start);
			const node = { type: 'text', position: { start: place, end: place } };
			const tag = `:control[${label(passage, claim, source)}]{ref=${control.id} owner=${control.owner}}`;
			const quote = excerpt(passage.text.slice(claim.sentence.start, claim.sentence.end));
			const schema = `(ownership.yaml:${control.line}: ${control.title})`;
			if (claim.verdict === 'agrees') {
				ctx.report(node, 'untagged-claim', `Untagged ownership claim: "${quote}" names "${control.id}" with owner ${labelOf(control.owner)} ${schema}`, `Tag it: ${tag}`);
				continue;
			}
			const says = claim.implicit
				? `says "${control.id}" is not done by default, so not by ${labelOf(claim.party)}`
				: claim.negated
				? `says ${labelOf(claim.party)} does not own "${control.id}"`
				: control.owner === 'shared' && claim.party !== 'shared'
					? `gives "${control.id}" to ${labelOf(claim.party)} alone`
					: `gives "${control.id}" to ${labelOf(claim.party)}`;
			const split = control.split ? `; ${Object.entries(control.split).map(([p, line]) => `${labelOf(p)}: ${line}`).join('; ')}` : '';
			ctx.report(
				node,
				'untagged-owner-conflict',
				`Ownership conflict: "${quote}" ${says}, but the schema says owner=${control.owner} (ownership.yaml:${control.line}: ${control.title}${split})`,
				`Correct the sentence to say owner ${labelOf(control.owner)} and tag it, ${tag}; or, if the schema is wrong, correct ownership.yaml line ${control.line} (with a source).`,
			);
		}
	}
}

const patterns = new WeakMap<readonly Party[], RegExp>();

/** Any of the parties' words, or "by default" / "automatic(ally)", as whole words in any case: a cheap test before a passage is read closely. */
function claimPattern(parties: readonly Party[]): RegExp {
	let re = patterns.get(parties);
	if (!re) {
		const words = [...parties.flatMap((p) => p.words).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'by\\s+default', 'automatic(?:ally)?'];
		re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
		patterns.set(parties, re);
	}
	return re;
}

/** The words to wrap in the tag: the source as written when it is plain text, else the words as read. */
function label(passage: Passage, claim: Claim, source: string): string {
	const from = sourceOffset(passage, claim.start);
	const to = sourceOffset(passage, claim.end - 1) + 1;
	const written = source.slice(from, to);
	const read = passage.text.slice(claim.start, claim.end).replaceAll(PLACEHOLDER, '…');
	return /[[\]{}<>`\n:]/.test(written) || written.length > read.length * 2 + 8 || written.length < read.length ? read.replace(/\s+/g, ' ') : written;
}

function excerpt(sentence: string): string {
	const s = sentence.replace(/\s+/g, ' ').replaceAll(PLACEHOLDER, '…').trim();
	return s.length > 140 ? `${s.slice(0, 137)}…` : s;
}

function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
	return starts;
}

function positionAt(starts: number[], offset: number) {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid]! <= offset) lo = mid;
		else hi = mid - 1;
	}
	return { line: lo + 1, column: offset - starts[lo]! + 1, offset };
}
