/**
 * What mdBook adds to Markdown, for a book imported with either flavour (a folder with `book.toml` and its
 * pages in `src/`): `SUMMARY.md` is the table of contents (each page's title and place, not a page), code
 * blocks pull files in with `{{#include file}}` and `{{#rustdoc_include file}}` (a range of lines or an
 * anchor's), Rust blocks hide lines that start with `# `, and info strings carry rustdoc attributes
 * (```` ```rust,ignore ````). The rules are mdBook's own (its links preprocessor). Pure: reading a file is the
 * caller's, so that it decides which files a page may pull in.
 */
import type { Link, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';

/** A file the book pulls in, read by the caller: its text, or why not. */
export type Reader = (file: string) => { text: string } | { problem: string };

export interface SummaryEntry {
	title: string;
	/** Position in the table of contents, from 1. */
	position: number;
}

/** The pages `SUMMARY.md` links to, in its order, with their titles (`- [Title](ch01-00.md)`). */
export function readSummary(text: string): Map<string, SummaryEntry> {
	const tree = unified().use(remarkParse).parse(text) as Root;
	const entries = new Map<string, SummaryEntry>();
	const visit = (node: Root | Root['children'][number]) => {
		if (node.type === 'link') {
			const file = decodeURI((node as Link).url.split('#')[0]!).replace(/^\.\//, '');
			if (/\.md$/i.test(file) && !entries.has(file)) entries.set(file, { title: toString(node).trim(), position: entries.size + 1 });
			return;
		}
		if ('children' in node) for (const c of node.children) visit(c);
	};
	visit(tree);
	return entries;
}

const ANCHOR_START = /ANCHOR:\s*([\w_-]+)/;
const ANCHOR_END = /ANCHOR_END:\s*([\w_-]+)/;
type Range = { anchor: string } | { from: number; to: number | undefined };

/** mdBook's `file:anchor`, `file:3`, `file:3:`, `file::5`, `file:3:5` (lines counted from 1, inclusive). */
function parseTarget(target: string): { file: string; range: Range } {
	const [file, rest] = target.includes(':') ? [target.slice(0, target.indexOf(':')), target.slice(target.indexOf(':') + 1)] : [target, undefined];
	if (rest === undefined) return { file, range: { from: 0, to: undefined } };
	const [a, b] = rest.split(':', 2);
	const start = /^\d+$/.test(a!) ? Math.max(0, Number(a) - 1) : a === '' ? undefined : null;
	if (start === null) return { file, range: { anchor: a! } };
	const end = b === undefined ? undefined : /^\d+$/.test(b) ? Number(b) : NaN;
	if (start !== undefined && b === undefined) return { file, range: { from: start, to: start + 1 } };
	return { file, range: { from: start ?? 0, to: end === undefined || Number.isNaN(end) ? undefined : end } };
}

/** The lines mdBook takes from a file; with `rustdoc`, the others are kept behind `# ` (hidden). */
export function takeLines(text: string, range: Range, rustdoc: boolean): string[] {
	const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
	if ('anchor' in range) {
		const out: string[] = [];
		let inside = false;
		for (const l of lines) {
			const s = ANCHOR_START.exec(l)?.[1];
			const e = ANCHOR_END.exec(l)?.[1];
			if (inside) {
				if (e === range.anchor) {
					if (!rustdoc) break;
					inside = false;
				} else if (!ANCHOR_START.test(l) && !ANCHOR_END.test(l)) out.push(l);
			} else if (s === range.anchor) inside = true;
			else if (rustdoc && !ANCHOR_START.test(l) && !ANCHOR_END.test(l)) out.push(`# ${l}`);
		}
		return out;
	}
	const inRange = (i: number) => i >= range.from && (range.to === undefined || i < range.to);
	return rustdoc ? lines.map((l, i) => (inRange(i) ? l : `# ${l}`)) : lines.filter((_, i) => inRange(i));
}

const INCLUDE = /(\\?)\{\{\s*#(include|rustdoc_include|playground|playpen|title)\s+([^}]*?)\s*\}\}/g;

/**
 * A code block's lines with every `{{#include …}}` and `{{#rustdoc_include …}}` replaced by the lines it
 * names (nested ones too, ten deep as mdBook), and the problems met: a file that cannot be read, or a
 * directive this importer does not expand (`{{#playground}}`), which stays as written.
 */
export function expandIncludes(lines: readonly string[], read: Reader, depth = 0): { lines: string[]; problems: { what: string; why: string }[]; included: string[] } {
	const problems: { what: string; why: string }[] = [];
	const included: string[] = [];
	const out: string[] = [];
	for (const line of lines) {
		let text = '';
		let pos = 0;
		for (const m of line.matchAll(INCLUDE)) {
			text += line.slice(pos, m.index);
			pos = m.index + m[0].length;
			if (m[1]) {
				text += m[0].slice(1); // `\{{#include …}}` is the text `{{#include …}}`
				continue;
			}
			if (m[2] !== 'include' && m[2] !== 'rustdoc_include') {
				problems.push({ what: `{{#${m[2]}}}`, why: 'the importer expands {{#include}} and {{#rustdoc_include}} only' });
				text += m[0];
				continue;
			}
			const { file, range } = parseTarget(m[3]!.split(/\s+/)[0]!);
			const r = read(file);
			if ('problem' in r) {
				problems.push({ what: `{{#${m[2]} ${m[3]}}}`, why: r.problem });
				text += m[0];
				continue;
			}
			let taken = takeLines(r.text, range, m[2] === 'rustdoc_include');
			included.push(file);
			if (depth < 10) {
				const nested = expandIncludes(taken, read, depth + 1);
				taken = nested.lines;
				problems.push(...nested.problems);
				included.push(...nested.included);
			}
			text += taken.join('\n');
		}
		out.push(...(text + line.slice(pos)).split('\n'));
	}
	return { lines: out, problems, included };
}

/** In a Rust block mdBook hides `# ` lines (and a lone `#`); `##` starts a shown line with `#`. */
export function visibleRustLines(lines: readonly string[]): { lines: { index: number; text: string }[]; hidden: number } {
	const out: { index: number; text: string }[] = [];
	lines.forEach((l, index) => {
		const m = /^(\s*)#(.?)(.*)$/.exec(l);
		if (m && m[2] === '#') out.push({ index, text: `${m[1]}#${m[3]}` });
		else if (!m || (m[2] !== '' && m[2] !== ' ')) out.push({ index, text: l });
	});
	return { lines: out, hidden: lines.length - out.length };
}

/** ```` ```rust,ignore,does_not_compile ```` → the language and the rustdoc attributes (mdBook splits at commas). */
export function splitInfo(lang: string): { lang: string; attributes: string[] } {
	const [first, ...rest] = lang.split(',');
	return { lang: first!, attributes: rest.filter(Boolean) };
}
