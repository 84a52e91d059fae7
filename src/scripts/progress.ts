/**
 * Learner progress, kept in this browser only (localStorage; no server, no tracking). One versioned key holds
 * everything. Reading never throws: storage may be blocked, the JSON corrupt, the shape wrong or from an
 * older version — each case falls back to an empty record, keeping whatever entries are still valid.
 *
 * Progress is per locale: the pages of a translation (`<html data-locale="de">`) keep theirs under a key of
 * their own, so reading the German chapters does not mark the English ones read.
 */

export const PROGRESS_KEY = 'course-progress:v1';

/** The storage key of a locale's progress (`undefined`: the course's own language). */
export const progressKey = (locale?: string) => (locale ? `${PROGRESS_KEY}:${locale}` : PROGRESS_KEY);

const pageKey = () => {
	try {
		return progressKey(document.documentElement.dataset.locale);
	} catch {
		return PROGRESS_KEY;
	}
};
export const PROGRESS_VERSION = 1;

export interface QuizResult {
	correct: boolean;
	/** How many times the learner checked this quiz. */
	attempts: number;
	/** When the last check happened (ms since epoch). */
	at: number;
}

export interface Progress {
	version: typeof PROGRESS_VERSION;
	/** Chapter slug → when it was first read to the end. */
	read: Record<string, number>;
	/** Quiz id → the last result. */
	quizzes: Record<string, QuizResult>;
	/** Flashcard (glossary term) id → when the learner said "I knew it". */
	learned: Record<string, number>;
}

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, read: {}, quizzes: {}, learned: {} });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Keep the entries of `value` that `pick` accepts; anything that is not an object becomes `{}`. */
function entries<T>(value: unknown, pick: (v: unknown) => T | undefined): Record<string, T> {
	const out: Record<string, T> = {};
	if (!isRecord(value)) return out;
	for (const [k, v] of Object.entries(value)) {
		const kept = pick(v);
		if (kept !== undefined) out[k] = kept;
	}
	return out;
}

const quizResult = (v: unknown): QuizResult | undefined =>
	isRecord(v) && typeof v.correct === 'boolean' ? { correct: v.correct, attempts: typeof v.attempts === 'number' && v.attempts >= 1 ? Math.floor(v.attempts) : 1, at: isTime(v.at) ? v.at : 0 } : undefined;

/** Turn whatever is stored into a valid Progress. Unknown versions are not guessed at: they start empty. */
export function parseProgress(raw: string | null | undefined): Progress {
	if (!raw) return emptyProgress();
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return emptyProgress();
	}
	if (!isRecord(data) || data.version !== PROGRESS_VERSION) return emptyProgress();
	return {
		version: PROGRESS_VERSION,
		read: entries(data.read, (v) => (isTime(v) ? v : undefined)),
		quizzes: entries(data.quizzes, quizResult),
		learned: entries(data.learned, (v) => (isTime(v) ? v : undefined)),
	};
}

function storage(): Storage | undefined {
	try {
		return window.localStorage;
	} catch {
		return undefined; // blocked (privacy settings, sandboxed frame)
	}
}

export function loadProgress(): Progress {
	try {
		return parseProgress(storage()?.getItem(pageKey()));
	} catch {
		return emptyProgress();
	}
}

function save(progress: Progress) {
	try {
		storage()?.setItem(pageKey(), JSON.stringify(progress));
	} catch {
		// Quota exceeded or storage blocked: progress is a convenience, the page keeps working.
	}
}

/** Read, change, write. Re-reads first so two tabs do not overwrite each other's older state wholesale. */
export function updateProgress(change: (p: Progress) => void): Progress {
	const p = loadProgress();
	change(p);
	save(p);
	return p;
}

export const markRead = (slug: string) =>
	updateProgress((p) => {
		p.read[slug] ??= Date.now();
	});

export const recordQuiz = (id: string, correct: boolean) =>
	updateProgress((p) => {
		p.quizzes[id] = { correct, attempts: (p.quizzes[id]?.attempts ?? 0) + 1, at: Date.now() };
	});

export const setLearned = (term: string, learned: boolean) =>
	updateProgress((p) => {
		if (learned) p.learned[term] ??= Date.now();
		else delete p.learned[term];
	});

export function resetProgress() {
	try {
		storage()?.removeItem(pageKey());
	} catch {}
}

/** Last results for a chapter's quizzes: how many were answered and how many of those were right. */
export function quizScore(progress: Progress, quizIds: readonly string[]) {
	let answered = 0;
	let correct = 0;
	for (const id of quizIds) {
		const r = progress.quizzes[id];
		if (!r) continue;
		answered++;
		if (r.correct) correct++;
	}
	return { answered, correct, total: quizIds.length };
}

/**
 * A chapter counts as read once its end (the element after the last paragraph) has been on screen: the
 * learner scrolled through it, or it is short enough to fit. Without IntersectionObserver nothing is marked.
 */
export function trackReading(slug: string, end: Element) {
	if (loadProgress().read[slug] !== undefined || typeof IntersectionObserver === 'undefined') return;
	const observer = new IntersectionObserver((seen) => {
		if (!seen.some((e) => e.isIntersecting)) return;
		markRead(slug);
		observer.disconnect();
	});
	observer.observe(end);
}
