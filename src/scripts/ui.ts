/**
 * The interface strings in the browser. The build passes the scripts' share of every locale's table
 * (`virtual:course-site/ui`, src/integration/vite.ts); a page uses the one of its `<html lang>`. The scripts
 * take the resulting `t` as an argument, so they stay plain functions that tests can call with any table.
 */
import { type Message, type MessageParams, pieces, type Translate, translator } from '../core/messages.ts';

export type { Translate };

export function pageTranslator(tables: Readonly<Record<string, Readonly<Record<string, Message>>>>, lang = document.documentElement.lang): Translate {
	const table = tables[lang] ?? Object.values(tables)[0] ?? {};
	return translator(lang, table);
}

/** A fraction as a percentage in the page's language ("57%", "57 %"). */
export const percent = (fraction: number, lang = document.documentElement.lang) => new Intl.NumberFormat(lang, { style: 'percent' }).format(fraction);

/** A message with each slot filled by a node (src/core/messages.ts `pieces`). */
export const withNodes = (t: Translate, key: string, nodes: Record<string, Node>, params: MessageParams = {}): (Node | string)[] =>
	pieces(t, key, Object.keys(nodes), params).map((p) => (typeof p === 'string' ? p : nodes[p.slot]!));
