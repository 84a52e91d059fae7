/**
 * Learner progress, kept in this browser only (localStorage; no server, no tracking). One versioned key per
 * course and locale holds everything: the key includes the course's base path, so two courses on one host
 * (GitHub Pages project sites) keep separate records, and the pages of a translation (`<html data-locale="de">`)
 * keep theirs under a key of their own, so reading the German chapters does not mark the English ones read.
 * Reading never throws: storage may be blocked, the JSON corrupt, the shape wrong or from an unknown version —
 * each case falls back to an empty record, keeping whatever entries are still valid.
 */
import { cardKey, grade, quizKey, type ReviewItem, reviewItem } from './leitner.ts';

export const PROGRESS_VERSION = 2;

/** The locale of the page (`<html data-locale>`): absent for the course's own language. */
export function pageLocale(): string | undefined {
	try {
		return document.documentElement.dataset.locale || undefined;
	} catch {
		return undefined;
	}
}

/**
 * The key of a course's record in one locale: `course-progress:v2:<base>` for the course's own language,
 * `course-progress:v2:<base>:<locale>` for a translation (a base path never contains `:`). `base` is the
 * deploy base (`/` or `/my-course/`).
 */
export const progressKey = (base: string = import.meta.env.BASE_URL ?? '/', locale: string | undefined = pageLocale()) =>
	`course-progress:v${PROGRESS_VERSION}:${base}${locale ? `:${locale}` : ''}`;

/**
 * Version 1 used one key for every course on the host (`course-progress:v1`, `course-progress:v1:<locale>` for
 * a translation); it is read once, when this course has no record in that locale yet.
 */
export const legacyKey = (locale: string | undefined = pageLocale()) => `course-progress:v1${locale ? `:${locale}` : ''}`;
export const LEGACY_KEY = legacyKey(undefined);

/** How many finished exams are kept (the newest). */
export const MAX_EXAMS = 20;

export interface QuizResult {
	correct: boolean;
	/** How many times the learner checked this quiz. */
	attempts: number;
	/** When the last check happened (ms since epoch). */
	at: number;
}

/** A finished exam: when, the score, and which chapters it drew from (empty: all of them). */
export interface ExamResult {
	at: number;
	correct: number;
	total: number;
	chapters: string[];
}

/** An exam in progress: its questions in the order shown, each with its options' order, and the answers so far. */
export interface ExamState {
	started: number;
	chapters: string[];
	questions: { id: string; chapter: string; order: number[] }[];
	answers: Record<string, number[]>;
}

/** Where the learner last read: a chapter and the section at the top of the screen. */
export interface Position {
	chapter: string;
	section?: string;
	/** The section's heading, so the home page can name it without carrying every chapter's headings. */
	title?: string;
	at: number;
}

export interface ExerciseResult {
	correct: number;
	total: number;
	at: number;
}

export interface Progress {
	version: typeof PROGRESS_VERSION;
	/** Chapter slug → when it was first read to the end. */
	read: Record<string, number>;
	/** Quiz id → the last result. */
	quizzes: Record<string, QuizResult>;
	/** The spaced-review queue (leitner.ts): `card:<term id>` and `quiz:<quiz id>` → box, due date, chapter. */
	review: Record<string, ReviewItem>;
	/** Finished exams, oldest first, at most MAX_EXAMS. */
	exams: ExamResult[];
	exam?: ExamState;
	last?: Position;
	/** Ownership exercise (`<chapter>/<n>`, n counting from 1 in the chapter) → the last check. */
	exercises: Record<string, ExerciseResult>;
}

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, read: {}, quizzes: {}, review: {}, exams: [], exercises: {} });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter(isString) : []);
const indices = (v: unknown): number[] | undefined => (Array.isArray(v) && v.every(isCount) && v.length <= 50 ? (v as number[]) : undefined);

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

const examResult = (v: unknown): ExamResult | undefined =>
	isRecord(v) && isTime(v.at) && isCount(v.correct) && isCount(v.total) && v.total > 0 && v.correct <= v.total ? { at: v.at, correct: v.correct, total: v.total, chapters: strings(v.chapters) } : undefined;

function examState(v: unknown): ExamState | undefined {
	if (!isRecord(v) || !isTime(v.started) || !Array.isArray(v.questions)) return undefined;
	const questions = v.questions.flatMap((q) => {
		if (!isRecord(q) || !isString(q.id) || !isString(q.chapter)) return [];
		const order = indices(q.order);
		return order ? [{ id: q.id, chapter: q.chapter, order }] : [];
	});
	// An attempt that lost a question is not the attempt the learner started: drop it rather than guess.
	if (questions.length === 0 || questions.length !== v.questions.length) return undefined;
	const answers = entries(v.answers, indices);
	return { started: v.started, chapters: strings(v.chapters), questions, answers };
}

const position = (v: unknown): Position | undefined =>
	isRecord(v) && isString(v.chapter) && isTime(v.at)
		? { chapter: v.chapter, ...(isString(v.section) ? { section: v.section } : {}), ...(isString(v.title) ? { title: v.title } : {}), at: v.at }
		: undefined;

const exerciseResult = (v: unknown): ExerciseResult | undefined =>
	isRecord(v) && isCount(v.correct) && isCount(v.total) && v.correct <= v.total && isTime(v.at) ? { correct: v.correct, total: v.total, at: v.at } : undefined;

/** Version 1 (`read`, `quizzes`, `learned`): a learned card becomes a card in box 2, due two days after it was learned. */
function fromVersion1(data: Record<string, unknown>): Progress {
	const p = emptyProgress();
	p.read = entries(data.read, (v) => (isTime(v) ? v : undefined));
	p.quizzes = entries(data.quizzes, quizResult);
	for (const [term, at] of Object.entries(entries(data.learned, (v) => (isTime(v) ? v : undefined)))) p.review[`card:${term}`] = { box: 2, due: at + 2 * 86_400_000, chapter: '' };
	return p;
}

/** Turn whatever is stored into a valid Progress. Unknown versions are not guessed at: they start empty. */
export function parseProgress(raw: string | null | undefined): Progress {
	if (!raw) return emptyProgress();
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return emptyProgress();
	}
	if (!isRecord(data)) return emptyProgress();
	if (data.version === 1) return fromVersion1(data);
	if (data.version !== PROGRESS_VERSION) return emptyProgress();
	const exam = examState(data.exam);
	const last = position(data.last);
	return {
		version: PROGRESS_VERSION,
		read: entries(data.read, (v) => (isTime(v) ? v : undefined)),
		quizzes: entries(data.quizzes, quizResult),
		review: entries(data.review, reviewItem),
		exams: (Array.isArray(data.exams) ? data.exams.flatMap((e) => examResult(e) ?? []) : []).slice(-MAX_EXAMS),
		...(exam ? { exam } : {}),
		...(last ? { last } : {}),
		exercises: entries(data.exercises, exerciseResult),
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
		const store = storage();
		const raw = store?.getItem(progressKey());
		return parseProgress(raw ?? store?.getItem(legacyKey()));
	} catch {
		return emptyProgress();
	}
}

/** Dispatched on `window` after every write in this tab (other tabs get the `storage` event). */
export const PROGRESS_CHANGED = 'course-progress:changed';

function save(progress: Progress) {
	try {
		storage()?.setItem(progressKey(), JSON.stringify(progress));
	} catch {
		// Quota exceeded or storage blocked: progress is a convenience, the page keeps working.
	}
	window.dispatchEvent(new Event(PROGRESS_CHANGED));
}

/** Read, change, write. Re-reads first so two tabs do not overwrite each other's older state wholesale. */
export function updateProgress(change: (p: Progress) => void): Progress {
	const p = loadProgress();
	change(p);
	save(p);
	return p;
}

export const markRead = (slug: string, now = Date.now()) =>
	updateProgress((p) => {
		p.read[slug] ??= now;
	});

/** A checked quiz: its last result, and the review queue (a wrong answer joins it; a right one moves it on). */
function applyQuiz(p: Progress, id: string, correct: boolean, chapter: string, now: number) {
	p.quizzes[id] = { correct, attempts: (p.quizzes[id]?.attempts ?? 0) + 1, at: now };
	const key = quizKey(id);
	if (!correct || p.review[key]) p.review[key] = grade(p.review[key], correct, chapter, now);
}

export const recordQuiz = (id: string, correct: boolean, chapter: string, now = Date.now()) => updateProgress((p) => applyQuiz(p, id, correct, chapter, now));

/** A graded flashcard ("I knew it" or "Review again") on the Leitner schedule. */
export const gradeCard = (term: string, knew: boolean, chapter: string, now = Date.now()) =>
	updateProgress((p) => {
		p.review[cardKey(term)] = grade(p.review[cardKey(term)], knew, chapter, now);
	});

export const recordPosition = (at: Omit<Position, 'at'>, now = Date.now()) =>
	updateProgress((p) => {
		p.last = { ...at, at: now };
	});

export const recordExercise = (key: string, correct: number, total: number, now = Date.now()) =>
	updateProgress((p) => {
		p.exercises[key] = { correct, total, at: now };
	});

export const saveExam = (exam: ExamState | undefined) =>
	updateProgress((p) => {
		if (exam) p.exam = exam;
		else delete p.exam;
	});

export const saveExamAnswer = (id: string, chosen: number[]) =>
	updateProgress((p) => {
		if (p.exam) p.exam.answers[id] = chosen;
	});

/** A submitted exam: every answer recorded (a wrong or missing one joins the review queue) and the score kept. */
export const finishExam = (results: readonly { id: string; chapter: string; correct: boolean }[], chapters: string[], now = Date.now()) =>
	updateProgress((p) => {
		for (const r of results) applyQuiz(p, r.id, r.correct, r.chapter, now);
		p.exams = [...p.exams, { at: now, correct: results.filter((r) => r.correct).length, total: results.length, chapters }].slice(-MAX_EXAMS);
		delete p.exam;
	});

/** Start over in this locale: this course's record and, so that it is not read back in, the shared record of version 1. */
export function resetProgress() {
	try {
		storage()?.removeItem(progressKey());
		storage()?.removeItem(legacyKey());
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
