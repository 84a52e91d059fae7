/**
 * "Did you mean …?" from a list of candidates: the closest by edit distance, if it is close enough.
 *
 * Bounded, because candidate lists come from the course (every heading, every control id) and inputs from
 * contributors: words are compared on their first MAX_CHARS characters, only candidates whose length is within
 * reach are scored, the distance computation stops as soon as it exceeds the threshold, and a process-wide
 * budget caps the total work, after which suggestions are simply left out.
 */
const MAX_CHARS = 64;
/** Cells of the edit-distance table a process may fill for suggestions (~0.2 s of work). */
const BUDGET_CELLS = 20_000_000;
let spent = 0;

export function suggest(input: string, candidates: Iterable<string>): string | undefined {
	const a = input.slice(0, MAX_CHARS);
	// Allow roughly a third of the word to differ; beyond that a suggestion is noise.
	const threshold = Math.max(2, Math.ceil(a.length / 3));
	let best: string | undefined;
	let bestScore = threshold + 1;
	for (const c of candidates) {
		if (spent > BUDGET_CELLS) return undefined;
		const b = c.slice(0, MAX_CHARS);
		if (Math.abs(a.length - b.length) >= bestScore) continue;
		const d = boundedDistance(a, b, bestScore - 1);
		if (d < bestScore) [best, bestScore] = [c, d];
		if (d === 0) break;
	}
	return best;
}

/** Levenshtein distance, or `max + 1` as soon as it is certain to exceed `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
	if (a === b) return 0;
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
			cur[j] = v;
			if (v < rowMin) rowMin = v;
		}
		spent += b.length;
		if (rowMin > max) return max + 1;
		prev = cur;
	}
	return prev[b.length]!;
}

export const distance = (a: string, b: string) => boundedDistance(a, b, Math.max(a.length, b.length));

export const didYouMean = (s: string | undefined) => (s ? ` Did you mean "${s}"?` : '');
