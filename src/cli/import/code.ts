/**
 * Code blocks of Starlight (Expressive Code) and Docusaurus pages, in this course's code-block language
 * (src/syntax/code-meta.ts): `title="…"`, one `{lines}` group, `showLineNumbers`, and `[!code ++]` /
 * `[!code --]` comments for added and removed lines.
 *
 *   Expressive Code                         here
 *   {1,3} mark={1,3}                        {1,3}
 *   ins={2} del={4}                         `// [!code ++]` / `// [!code --]` at the end of lines 2 and 4
 *   "text" 'text' /re/ ins="text" …         {lines} of every line the text or pattern is on (whole lines)
 *   ```diff lang="js"  (+/- prefixed)      ```js with the prefixes removed and those lines marked
 *   frame= wrap collapse= …                 dropped (how the block is framed, not what it says)
 *   Docusaurus // highlight-next-line,      {lines}, the comment lines removed (as Docusaurus shows them)
 *   // highlight-start … -end
 *
 * Pure: the caller rewrites the block from the lines returned. Every change is a note; an option this table
 * does not know is kept as written, so that the checker's code-meta rule points at it.
 */
import type { Flavour } from './types.ts';

/** One option of a code block's meta string, as Expressive Code splits it. */
export interface MetaOption {
	key?: string;
	kind: 'string' | 'range' | 'regexp' | 'boolean';
	value: string;
	raw: string;
}

const DELIMITERS: Record<string, string> = { '"': '"', "'": "'", '/': '/', '{': '}' };

/**
 * Split a meta string: `key=value` or bare values, delimited by quotes, slashes (a regular expression) or
 * braces (a range); a backslash escapes the closing delimiter. Undelimited values are words (`true`/`false`
 * and bare keys are booleans).
 */
export function parseMeta(meta: string): MetaOption[] {
	const out: MetaOption[] = [];
	let i = 0;
	while (i < meta.length) {
		if (/\s/.test(meta[i]!)) {
			i++;
			continue;
		}
		const from = i;
		const key = /^([^\s"'/{}=]+)\s*=\s*/.exec(meta.slice(i));
		const at = key ? i + key[0].length : i;
		const open = meta[at];
		const close = open ? DELIMITERS[open] : undefined;
		if (close) {
			let j = at + 1;
			// The closing delimiter is the first unescaped one followed by whitespace or the end.
			for (; j < meta.length; j++) {
				if (meta[j] === '\\') j++;
				else if (meta[j] === close && (j + 1 === meta.length || /\s/.test(meta[j + 1]!))) break;
			}
			if (j < meta.length) {
				const body = meta.slice(at + 1, j).replace(new RegExp(`\\\\([\\\\${close === '/' ? '/' : close}])`, 'g'), '$1');
				out.push({ ...(key ? { key: key[1] } : {}), kind: open === '{' ? 'range' : open === '/' ? 'regexp' : 'string', value: body, raw: meta.slice(from, j + 1) });
				i = j + 1;
				continue;
			}
		}
		const word = /^\S+/.exec(meta.slice(i))![0];
		const eq = word.indexOf('=');
		const [k, v] = eq > 0 ? [word.slice(0, eq), word.slice(eq + 1)] : [word, undefined];
		out.push(v === undefined || v === 'true' || v === 'false' ? { key: k, kind: 'boolean', value: v ?? 'true', raw: word } : { key: k, kind: 'string', value: v, raw: word });
		i += word.length;
	}
	return out;
}

/** `1, 4, 7-8` → [1, 4, 7, 8]; undefined when it is not a list of lines and ranges. */
export function rangeLines(range: string): number[] | undefined {
	const lines: number[] = [];
	for (const part of range.split(',')) {
		const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
		if (!m) return undefined;
		const from = Number(m[1]);
		const to = m[2] === undefined ? from : Number(m[2]);
		if (from < 1 || to < from || to - from > 10_000) return undefined;
		for (let n = from; n <= to; n++) lines.push(n);
	}
	return lines;
}

/** `[1,2,3,5]` → `line 1-3, 5` for a note. */
const linesText = (lines: Iterable<number>, verb = '') => {
	const text = rangeText(lines).slice(1, -1).replaceAll(',', ', ');
	const many = /[,-]/.test(text);
	return `line${many ? 's' : ''} ${text}${verb ? ` ${many ? 'are' : 'is'} ${verb}` : ''}`;
};

/** `[1,2,3,5]` → `{1-3,5}`. */
export function rangeText(lines: Iterable<number>): string {
	const sorted = [...new Set(lines)].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let i = 0; i < sorted.length; ) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
		parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
		i = j + 1;
	}
	return `{${parts.join(',')}}`;
}

/**
 * The comment that Shiki's notation transformer reads at the end of a line, per language: a `[!code ++]`
 * written in it marks the line (tests/import/import.test.ts renders one per language to prove it).
 */
const COMMENTS: [string, string][] = [
	['//', ''],
	['#', ''],
	['/*', ' */'],
	['<!--', ' -->'],
	['--', ''],
];
const LANGUAGE_COMMENT: Record<string, number> = {};
for (const [n, langs] of [
	[0, 'js javascript mjs cjs jsx ts typescript mts cts tsx json jsonc json5 rust rs go c cpp c++ java kotlin kt swift scss less php cs csharp dart scala groovy'],
	[1, 'sh bash shell zsh shellscript yaml yml toml python py ruby rb dockerfile makefile powershell ps1 r perl elixir'],
	[2, 'css'],
	[3, 'html xml'],
	[4, 'sql lua haskell hs'],
] as const)
	for (const lang of langs.split(' ')) LANGUAGE_COMMENT[lang] = n;

export const markComment = (lang: string | undefined, mark: '++' | '--'): string | undefined => {
	const c = lang === undefined ? undefined : COMMENTS[LANGUAGE_COMMENT[lang.toLowerCase()] ?? -1];
	return c ? `${c[0]} [!code ${mark}]${c[1]}` : undefined;
};

/** Expressive Code options that only change the frame or layout of the block: dropped, with a note. */
const PRESENTATION = new Set(['frame', 'wrap', 'preserveindent', 'hangingindent', 'collapse', 'collapsestyle', 'startlinenumber']);

/** Docusaurus's default magic comments, in the comment styles it reads. */
const MAGIC = /^\s*(?:\/\/|#|--|;;|%|\/\*|\{\s*\/\*|<!--)\s*(highlight-next-line|highlight-start|highlight-end)\s*(?:\*\/\s*\}|\*\/|-->)?\s*$/;

export interface CodeIn {
	flavour: Flavour;
	lang: string | undefined;
	meta: string;
	/** The code's lines (mdast `code.value` split at newlines). */
	lines: string[];
}

export interface CodeOut {
	lang: string | undefined;
	meta: string;
	/** The new lines, each with the index of the line it comes from (its indentation in the page is kept). */
	lines: { from: number; text: string }[];
	notes: string[];
	/** Options kept as written because this table has no equivalent (the checker reports them too). */
	left: string[];
}

/** The block in this course's language, or undefined when it needs no change. */
export function convertCode({ flavour, lang, meta, lines }: CodeIn): CodeOut | undefined {
	const options = parseMeta(meta);
	const notes: string[] = [];
	const dropped: string[] = [];
	const kept: string[] = [];
	const highlight = new Set<number>();
	const marks = new Map<number, '++' | '--'>();
	const texts: { what: string; test: (line: string) => boolean }[] = [];
	let title: string | undefined;
	let numbers = false;
	let ranges = 0;
	// Whether anything beyond what the checker reads as written (a title, one {…}, showLineNumbers) was met.
	let changed = false;
	let diffLang: string | undefined;

	for (const o of options) {
		const key = o.key?.toLowerCase();
		const marker = key === undefined || key === 'mark' ? 'mark' : key === 'ins' || key === 'add' ? '++' : key === 'del' || key === 'rem' ? '--' : undefined;
		if (key === 'title' && o.kind === 'string' && o.value.trim() && title === undefined && !(o.value.includes('"') && o.value.includes("'"))) title = o.value.trim();
		else if (o.kind === 'range' && marker) {
			// `{"A":3-5}`: a label beside the lines, which this site does not draw.
			const label = /^\s*(["'])((?:(?!\1).)+?)\1:\s*/.exec(o.value);
			const ns = rangeLines(label ? o.value.slice(label[0].length) : o.value);
			if (!ns) {
				kept.push(o.raw);
				continue;
			}
			if (label) dropped.push(`the label "${label[2]}"`);
			if (marker !== 'mark' || key !== undefined || ++ranges > 1) changed = true;
			for (const n of ns) if (marker === 'mark') highlight.add(n);
			else marks.set(n, marker);
		} else if ((o.kind === 'string' || o.kind === 'regexp') && marker) {
			// Docusaurus ignores the options it does not know; Expressive Code marks the text.
			if (flavour === 'docusaurus') dropped.push(o.raw);
			else if (o.kind === 'string') texts.push({ what: o.raw, test: (l) => l.includes(o.value) });
			else {
				try {
					const re = new RegExp(o.value);
					texts.push({ what: o.raw, test: (l) => re.test(l) });
				} catch {
					kept.push(o.raw);
				}
			}
		} else if (key === 'lang' && o.kind === 'string' && lang === 'diff' && flavour === 'starlight') diffLang = o.value;
		else if (key === 'usediffsyntax' && o.kind === 'boolean' && flavour === 'starlight') {
			changed = true;
			if (o.value === 'true') diffLang = lang;
		} else if (key === 'showlinenumbers' && (o.kind === 'boolean' || /^\d+$/.test(o.value))) {
			if (o.kind !== 'boolean') dropped.push(`the first line number ${o.value}`);
			else if (o.raw !== 'showLineNumbers') changed = true;
			numbers ||= o.value !== 'false';
		} else if (key && PRESENTATION.has(key)) dropped.push(o.raw);
		else kept.push(o.raw);
	}

	let language = lang;
	let out = lines.map((text, from) => ({ from, text }));

	// Text and patterns mark their lines, whole.
	for (const t of texts) {
		const found = lines.flatMap((l, i) => (t.test(l) ? [i + 1] : []));
		for (const n of found) highlight.add(n);
		notes.push(found.length ? `${t.what} marks text: ${linesText(found, 'highlighted')} whole instead` : `${t.what} marks text the block does not hold: dropped`);
	}

	// Expressive Code reads `diff lang="js"` as JS with +/- prefixed lines, unless it looks like a real patch.
	if (diffLang !== undefined) {
		const realPatch = lines.slice(0, 4).some((l) => /^([*+-]{3}\s|@@\s|[0-9,]+[acd][0-9,]+\s*$)/.test(l));
		if (realPatch || !markComment(diffLang, '++')) dropped.push(`lang="${diffLang}" (the block stays a diff)`);
		else {
			const parsed = lines.map((l) => /^(([+-](?![+-]))?\s*)(.*)$/.exec(l)!);
			const indent = Math.min(...parsed.filter((m) => m[3]!.trim()).map((m) => m[1]!.length));
			out = parsed.map((m, from) => {
				if (m[2]) marks.set(from + 1, m[2] === '+' ? '++' : '--');
				return { from, text: lines[from]!.slice(Number.isFinite(indent) && indent > 0 ? indent : m[2] ? 1 : 0) };
			});
			notes.push(`a diff of ${diffLang} became a ${diffLang} block, its + and - lines marked with [!code ++]/[!code --]`);
			language = diffLang;
		}
	}

	// Docusaurus highlights the line after `// highlight-next-line` and those between -start and -end, and
	// hides the comments; a {…} range turns them off, as does a block without a language.
	if (flavour === 'docusaurus' && lang && ranges === 0 && lines.some((l) => MAGIC.test(l))) {
		let open = 0;
		let next = false;
		const rest: typeof out = [];
		for (const line of out) {
			const m = MAGIC.exec(line.text);
			if (m) {
				if (m[1] === 'highlight-next-line') next = true;
				else if (m[1] === 'highlight-start') open++;
				else open = Math.max(0, open - 1);
				continue;
			}
			rest.push(line);
			if (next || open) highlight.add(rest.length);
			next = false;
		}
		out = rest;
		notes.push(`highlight comments became highlighted ${linesText(highlight)}`);
	}

	// Added and removed lines: a comment at the end of each, in the block's language (else highlighted).
	if (marks.size) {
		const blank: number[] = [];
		const plain: number[] = [];
		const beyond: number[] = [];
		for (const [n, mark] of [...marks].sort((a, b) => a[0] - b[0])) {
			const index = out.findIndex((l) => l.from === n - 1);
			if (index === -1) {
				beyond.push(n);
				continue;
			}
			const line = out[index]!;
			const comment = markComment(language, mark);
			// In Shiki's notation a comment alone on a line marks the next one: blank lines stay unmarked.
			if (!line.text.trim()) blank.push(n);
			else if (!comment) {
				plain.push(n);
				highlight.add(index + 1);
			} else out[index] = { ...line, text: `${line.text.replace(/\s+$/, '')} ${comment}` };
		}
		const commented = marks.size - plain.length - blank.length - beyond.length;
		if (commented && (diffLang === undefined || language !== diffLang)) notes.push('ins=/del= lines became [!code ++]/[!code --] comments');
		if (plain.length) notes.push(`${language ?? 'a block without a language'} has no comment the site reads [!code ++] in: ${linesText(plain, 'highlighted')} instead of marked added or removed`);
		if (blank.length) notes.push(`blank ${linesText(blank, 'not marked')} (a comment alone on a line marks the next one)`);
		if (beyond.length) notes.push(`ins=/del= ${linesText(beyond)} beyond the end of the block: dropped`);
	}

	if (dropped.length) notes.push(`dropped ${dropped.join(', ')}`);
	if (!changed && !notes.length && !kept.length && language === lang) return undefined;
	const quoted = title === undefined ? '' : `title=${title.includes('"') ? `'${title}'` : `"${title}"`}`;
	return { lang: language, meta: [quoted, highlight.size ? rangeText(highlight) : '', numbers ? 'showLineNumbers' : '', ...kept].filter(Boolean).join(' '), lines: out, notes, left: kept };
}
