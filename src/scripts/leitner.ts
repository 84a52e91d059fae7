/**
 * Spaced review on a Leitner schedule. Every flashcard the learner grades and every quiz question they answer
 * wrong goes into one queue, in one of five boxes; each box waits twice as long as the one before:
 *
 *   box      1      2       3       4       5
 *   wait   1 day  2 days  4 days  8 days  16 days
 *
 * "Review again" (or a wrong answer) puts an item in box 1: it is due again tomorrow. "I knew it" (or a right
 * answer) on a due item moves it up one box, to at most box 5; a card known the first time it is graded starts
 * in box 2. Grading an item that is not due yet does not promote it (reviewing early is not spacing) but
 * "Review again" always sends it back to box 1. Pure functions; progress.ts stores the queue.
 */

export const DAY = 86_400_000;
/** Days to wait in box 1…5. */
export const BOX_DAYS = [1, 2, 4, 8, 16] as const;
export const BOXES = BOX_DAYS.length;

export interface ReviewItem {
	box: number;
	/** When the item is next due (ms since epoch). */
	due: number;
	/** The chapter the card or question comes from: the review session loads that chapter's practice page. */
	chapter: string;
}

export const cardKey = (term: string) => `card:${term}`;
export const quizKey = (id: string) => `quiz:${id}`;

/** Parse a stored item; anything malformed is dropped. */
export function reviewItem(v: unknown): ReviewItem | undefined {
	if (typeof v !== 'object' || v === null) return undefined;
	const { box, due, chapter } = v as Record<string, unknown>;
	if (typeof box !== 'number' || !Number.isInteger(box) || box < 1 || box > BOXES) return undefined;
	if (typeof due !== 'number' || !Number.isFinite(due) || due < 0) return undefined;
	return { box, due, chapter: typeof chapter === 'string' && chapter.length <= 200 ? chapter : '' };
}

export const isDue = (item: ReviewItem, now: number) => item.due <= now;

/** The item after a grade: `knew` is "I knew it" or a right answer; otherwise "Review again" or a wrong one. */
export function grade(item: ReviewItem | undefined, knew: boolean, chapter: string, now: number): ReviewItem {
	const where = chapter || item?.chapter || '';
	if (!knew) return { box: 1, due: now + BOX_DAYS[0] * DAY, chapter: where };
	if (!item) return { box: 2, due: now + BOX_DAYS[1] * DAY, chapter: where };
	if (!isDue(item, now)) return { ...item, chapter: where };
	const box = Math.min(item.box + 1, BOXES);
	return { box, due: now + BOX_DAYS[box - 1]! * DAY, chapter: where };
}

/** A card counts as known once it has left box 1. */
export const isKnown = (item: ReviewItem | undefined) => item !== undefined && item.box >= 2;

/** Keys of the due items, most overdue first, limited to chapters the site still has. */
export function dueKeys(review: Readonly<Record<string, ReviewItem>>, now: number, chapters?: ReadonlySet<string>): string[] {
	return Object.entries(review)
		.filter(([, item]) => isDue(item, now) && item.chapter !== '' && (!chapters || chapters.has(item.chapter)))
		.sort(([ka, a], [kb, b]) => a.due - b.due || ka.localeCompare(kb))
		.map(([key]) => key);
}

/** The next time something in the queue falls due (for "Nothing due; next review tomorrow"). */
export function nextDue(review: Readonly<Record<string, ReviewItem>>, now: number, chapters?: ReadonlySet<string>): number | undefined {
	let next: number | undefined;
	for (const item of Object.values(review)) {
		if (item.chapter === '' || (chapters && !chapters.has(item.chapter)) || isDue(item, now)) continue;
		if (next === undefined || item.due < next) next = item.due;
	}
	return next;
}

const midnight = (t: number) => new Date(t).setHours(0, 0, 0, 0);

/**
 * "today", "tomorrow", "in 3 days" in the page's language (Intl.RelativeTimeFormat): how many calendar days
 * (the learner's own) away a due date is. An overdue item is due today.
 */
export function dueIn(due: number, now: number, lang = 'en'): string {
	const days = Math.max(0, Math.round((midnight(due) - midnight(now)) / DAY));
	return new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(days, 'day');
}
