/**
 * Reading time from the words of a chapter: 220 words a minute, rounded up, at least one minute. Words are
 * counted with `Intl.Segmenter` for the chapter's language, so text without spaces between words (Chinese,
 * Japanese, Thai) is measured by its words too, not as one long "word" per line. Parts joined by a hyphen,
 * dot, apostrophe, colon, slash or underscore with nothing between ("SSE-S3", "ec2.guest-os", "re:Invent")
 * are read as one word, as a reader reads them.
 */
export const WORDS_PER_MINUTE = 220;

const segmenters = new Map<string, Intl.Segmenter>();
const JOINERS = /^[-.'’:_/‐]$/;

/** Scripts written without spaces between words: only text with them needs the segmenter. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
const LETTER = /[\p{L}\p{M}\p{N}]/u;
const isJoiner = (c: number) => c === 45 || c === 46 || c === 39 || c === 58 || c === 95 || c === 47 || c === 0x2019 || c === 0x2010;

/** Words of a spaced script: runs of letters and digits, parts joined by a joiner counting once ("SSE-S3", "don't"). */
function countSpaced(text: string): number {
	let words = 0;
	// 0: between words, 1: in a word, 2: on a joiner right after a word.
	let state = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const letter = c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : LETTER.test(text[i]!);
		if (letter) {
			if (state === 0) words++;
			state = 1;
		} else state = state === 1 && isJoiner(c) ? 2 : 0;
	}
	return words;
}

export function countWords(text: string, language = 'en'): number {
	// The segmenter costs a millisecond a chapter; text in spaced scripts is counted by one scan instead.
	if (!UNSPACED.test(text)) return countSpaced(text);
	let segmenter = segmenters.get(language);
	if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'word' })));
	let words = 0;
	// What came before: a word, a joiner right after a word, or anything else (space, punctuation).
	let previous: 'word' | 'joiner' | 'other' = 'other';
	for (const s of segmenter.segment(text)) {
		if (s.isWordLike) {
			if (previous !== 'joiner') words++;
			previous = 'word';
		} else previous = previous === 'word' && JOINERS.test(s.segment) ? 'joiner' : 'other';
	}
	return words;
}

export function readingMinutes(words: number): number {
	return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}
