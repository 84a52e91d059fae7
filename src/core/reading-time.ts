/** Reading time from the words of a chapter: 220 words a minute, rounded up, at least one minute. */
export const WORDS_PER_MINUTE = 220;

export function countWords(text: string): number {
	return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function readingMinutes(words: number): number {
	return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}
