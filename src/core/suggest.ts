/** "Did you mean …?" from a list of candidates: the closest by edit distance, if it is close enough. */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestScore = Infinity;
	for (const c of candidates) {
		const d = distance(input, c);
		if (d < bestScore) [best, bestScore] = [c, d];
	}
	// Allow roughly a third of the word to differ; beyond that a suggestion is noise.
	return best !== undefined && bestScore <= Math.max(2, Math.ceil(input.length / 3)) ? best : undefined;
}

export function distance(a: string, b: string): number {
	if (a === b) return 0;
	let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		for (let j = 1; j <= b.length; j++) {
			cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		prev = cur;
	}
	return prev[b.length]!;
}

export const didYouMean = (s: string | undefined) => (s ? ` Did you mean "${s}"?` : '');
