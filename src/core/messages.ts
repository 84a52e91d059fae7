/**
 * Interface messages: a text with `{name}` placeholders, or plural forms chosen by `Intl.PluralRules` from the
 * `count` parameter. Numbers are written with `Intl.NumberFormat`. Pure and without Node imports: the pages
 * format with it at build time and the browser scripts at run time, from the same tables (src/i18n/).
 */

/** Plural forms by CLDR category; `other` is required, the rest as the language needs them. */
export interface PluralMessage {
	zero?: string | undefined;
	one?: string | undefined;
	two?: string | undefined;
	few?: string | undefined;
	many?: string | undefined;
	other: string;
}

export type Message = string | PluralMessage;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: string, params?: MessageParams) => string;

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

const plurals = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();
const cached = <T>(map: Map<string, T>, locale: string, make: () => T): T => {
	let value = map.get(locale);
	if (!value) map.set(locale, (value = make()));
	return value;
};

/** The text of a message for these parameters: the plural form for `count`, then every `{name}` filled in. */
export function formatMessage(locale: string, message: Message, params: MessageParams = {}): string {
	let text: string;
	if (typeof message === 'string') text = message;
	else {
		const count = typeof params.count === 'number' ? params.count : Number(params.count ?? 0);
		const category = cached(plurals, locale, () => new Intl.PluralRules(locale)).select(count);
		// An exact zero form wins when the table has one ("No quizzes yet"), whatever the language's rules say.
		text = (count === 0 ? message.zero : undefined) ?? message[category] ?? message.other;
	}
	return text.replace(PLACEHOLDER, (whole, name: string) => {
		const value = params[name];
		if (value === undefined) return whole;
		return typeof value === 'number' ? cached(numbers, locale, () => new Intl.NumberFormat(locale)).format(value) : value;
	});
}

/** A `t(key, params)` for one locale and its table; a key the table lacks comes back as itself, visibly. */
export function translator(locale: string, table: Readonly<Record<string, Message>>): Translate {
	return (key, params) => {
		const message = table[key];
		return message === undefined ? key : formatMessage(locale, message, params);
	};
}

/** The placeholders a message uses, every form together (tests compare translations with the original). */
export function placeholdersOf(message: Message): string[] {
	const texts = typeof message === 'string' ? [message] : Object.values(message).filter((v): v is string => typeof v === 'string');
	return [...new Set(texts.flatMap((t) => [...t.matchAll(PLACEHOLDER)].map((m) => m[1]!)))].sort();
}

const SLOT = '\u0000';

/**
 * A message cut where elements go (links, badges), in the message's own order: text, then `{ slot }`, text …
 * A translation may put the slots in any order.
 */
export function pieces(t: Translate, key: string, slots: readonly string[], params: MessageParams = {}): (string | { slot: string })[] {
	const marks = Object.fromEntries(slots.map((slot, i) => [slot, `${SLOT}${i}${SLOT}`]));
	return t(key, { ...params, ...marks })
		.split(new RegExp(`${SLOT}(\\d+)${SLOT}`))
		.map((piece, i) => (i % 2 ? { slot: slots[Number(piece)]! } : piece))
		.filter((piece) => piece !== '');
}
