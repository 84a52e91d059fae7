/**
 * The translated interface. One table per locale (./en.ts, ./de.ts, ./es.ts; keys documented in ./keys.ts);
 * course.yaml `language:` picks one (`de-CH` uses `de`; a language without a table uses English) and `ui:`
 * overrides any key. Dates, numbers, lists, plurals and language names come from `Intl`.
 */
import { formatMessage, type Message, type MessageParams, pieces, type Translate, translator } from '../core/messages.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { type UiKey, UI_KEYS } from './keys.ts';

export { type UiKey, UI_KEYS } from './keys.ts';

export type UiStrings = Record<UiKey, Message>;

export const BUILT_IN: Readonly<Record<string, UiStrings>> = { en, de, es };
export const UI_KEY_LIST = Object.keys(UI_KEYS) as UiKey[];

/** The built-in locale for a language tag: the tag itself, then its language (`pt-BR` → `pt`), else `en`. */
export function builtInLocale(language: string): string {
	if (language in BUILT_IN) return language;
	const base = language.toLowerCase().split('-')[0]!;
	return base in BUILT_IN ? base : 'en';
}

/** The strings of a language with a course's overrides (course.yaml `ui:`) on top. */
export function uiStrings(language: string, overrides: Readonly<Record<string, Message>> = {}): UiStrings {
	const table = { ...BUILT_IN[builtInLocale(language)]! };
	for (const [key, value] of Object.entries(overrides)) if (key in table) table[key as UiKey] = value;
	return table;
}

/** The browser scripts' share of the strings (quizzes, exercises, flashcards, progress, practice, exam, review, search, code blocks' copy button). */
export const SCRIPT_NAMESPACES = ['quiz', 'exercise', 'flashcards', 'progress', 'practice', 'exam', 'review', 'search', 'code'] as const;

export function scriptStrings(strings: UiStrings): Record<string, Message> {
	return Object.fromEntries(Object.entries(strings).filter(([key]) => (SCRIPT_NAMESPACES as readonly string[]).includes(key.split('.')[0]!)));
}

export interface Ui {
	/** The language tag pages are written in (`<html lang>`). */
	lang: string;
	t: (key: UiKey, params?: MessageParams) => string;
	/** A message cut where an element goes: `parts('chapter.updated', 'date')` → ['Updated ', ''] around the date. */
	parts: (key: UiKey, slot: string, params?: MessageParams) => [string, string];
	/** A message cut where several elements go, in the message's order: text, then `{ slot }`, text … */
	pieces: (key: UiKey, slots: readonly string[], params?: MessageParams) => (string | { slot: string })[];
	number: (n: number) => string;
	percent: (fraction: number) => string;
	date: (iso: string) => string;
	/** `40` → "40 min", `75` → "1 h 15 min" (in the language's words). */
	duration: (minutes: number) => string;
	/** "A, B or C" (disjunction) or "A, B and C". */
	list: (items: readonly string[], type?: 'conjunction' | 'disjunction') => string;
	/** A language's name in this language ("German" in English, "Deutsch" in German). */
	languageName: (tag: string) => string;
}

const SLOT = '\u0000';

const made = new Map<string, WeakMap<UiStrings, Ui>>();

/** The interface of one language and table, made once (Intl formatters are costly to create). */
export function createUi(lang: string, strings: UiStrings): Ui {
	let byTable = made.get(lang);
	if (!byTable) made.set(lang, (byTable = new WeakMap()));
	let ui = byTable.get(strings);
	if (!ui) byTable.set(strings, (ui = makeUi(lang, strings)));
	return ui;
}

function makeUi(lang: string, strings: UiStrings): Ui {
	const translate: Translate = translator(lang, strings);
	const t = (key: UiKey, params?: MessageParams) => translate(key, params);
	const numbers = new Intl.NumberFormat(lang);
	const percents = new Intl.NumberFormat(lang, { style: 'percent' });
	const dates = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
	const names = new Intl.DisplayNames([lang], { type: 'language' });
	return {
		lang,
		t,
		parts: (key, slot, params = {}) => {
			const [before = '', after = ''] = t(key, { ...params, [slot]: SLOT }).split(SLOT);
			return [before, after];
		},
		pieces: (key, slots, params) => pieces(translate, key, slots, params),
		number: (n) => numbers.format(n),
		percent: (fraction) => percents.format(fraction),
		date: (iso) => dates.format(new Date(`${iso}T00:00:00Z`)),
		duration: (minutes) => {
			const hours = Math.floor(minutes / 60);
			const rest = minutes % 60;
			if (!hours) return t('time.minutes', { minutes: rest });
			return rest ? t('time.hoursMinutes', { hours, minutes: rest }) : t('time.hours', { hours });
		},
		list: (items, type = 'conjunction') => new Intl.ListFormat(lang, { type }).format(items),
		languageName: (tag) => names.of(tag) ?? tag,
	};
}

/** The English interface without overrides (renderers called without a course: tests, tools). */
export const englishUi = (): Ui => createUi('en', en);

/** A language's own name, capitalised as a menu entry ("Deutsch", "Español"). */
export function endonym(tag: string): string {
	const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
	return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

export { formatMessage, type Message };
