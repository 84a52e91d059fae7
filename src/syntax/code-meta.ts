/**
 * The options of a fenced code block: what follows the language on the opening fence.
 *
 *   ```ts title="src/config.ts" {1,3-5} showLineNumbers
 *
 * `title="…"` (or `'…'`) is the file name shown above the block, `{…}` the lines to highlight (one group of
 * numbers and ranges), `showLineNumbers` numbers the lines — the spellings of Docusaurus and Expressive Code.
 * Added and removed lines, and highlights, can also be marked in the code with `// [!code ++]`,
 * `// [!code --]` and `// [!code highlight]` comments (Shiki's notation), and a ```diff block shows a patch.
 * One parser, used by the check (every problem with its place and fix) and by the renderer.
 */
import { didYouMean, suggest } from '../core/suggest.ts';

export interface CodeMeta {
	title?: string;
	/** Highlighted lines as written, 1-based and inclusive: `{1,3-5}` → [[1, 1], [3, 5]]. */
	highlight: [number, number][];
	lineNumbers: boolean;
}

export interface CodeMetaProblem {
	/** Where in the meta string the problem starts (0-based). */
	offset: number;
	message: string;
	hint: string;
}

export const LINE_NUMBERS = 'showLineNumbers';
const OPTIONS = ['title', LINE_NUMBERS];
const EXPECTED = `expected title="…", {lines} or ${LINE_NUMBERS}`;

/** Options other tools have, with what to write here instead. */
const FOREIGN: Record<string, string> = {
	ins: 'Mark added lines with a `// [!code ++]` comment at the end of each line.',
	del: 'Mark removed lines with a `// [!code --]` comment at the end of each line.',
	mark: 'Highlight lines with {1,3-5} after the language, or a `// [!code highlight]` comment.',
	frame: 'Remove it: a block with a title is shown as a file, one without as code.',
	wrap: 'Remove it: long lines scroll.',
	lang: 'Write the language right after the opening fence (```ts).',
};

/** Parse a code block's meta; with `lines` (the block's line count), ranges beyond its end are problems too. */
export function parseCodeMeta(meta: string | null | undefined, lines?: number): { meta: CodeMeta; problems: CodeMetaProblem[] } {
	const result: CodeMeta = { highlight: [], lineNumbers: false };
	const problems: CodeMetaProblem[] = [];
	const text = meta ?? '';
	let groups = 0;
	const token = /\s*(?:\{([^}]*)\}|([A-Za-z_][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|\{([^}]*)\}|(\S*)))?|(\S+))/gy;
	for (let m = token.exec(text); m && m[0].length; m = token.exec(text)) {
		const offset = m.index + m[0].length - m[0].trimStart().length;
		const [, range, name, double, single, braced, bare, junk] = m;
		if (range !== undefined) {
			groups++;
			if (groups > 1) problems.push({ offset, message: `Unexpected second {…} group in the code block's options`, hint: `Write every highlighted line in one group, e.g. {${[...rangeTexts(result.highlight), range].join(',')}}.` });
			else readRanges(range, offset, lines, result, problems);
			continue;
		}
		if (name === 'title') {
			const value = double ?? single ?? bare ?? braced;
			if (value === undefined || (bare === undefined && double === undefined && single === undefined)) problems.push({ offset, message: 'The title of a code block needs a value', hint: 'Write title="file-name.ts".' });
			else if (!value.trim()) problems.push({ offset, message: 'Unexpected empty title on a code block', hint: 'Write the file name, title="file-name.ts", or remove title.' });
			else if (result.title !== undefined) problems.push({ offset, message: `Unexpected second title "${value}" on a code block (the first is "${result.title}")`, hint: 'Keep one title="…".' });
			else result.title = value.trim();
			continue;
		}
		if (name === LINE_NUMBERS) {
			if (m[0].includes('=')) problems.push({ offset, message: `Unexpected value for ${LINE_NUMBERS}: it takes none`, hint: `Write ${LINE_NUMBERS} alone; lines are numbered from 1.` });
			result.lineNumbers = true;
			continue;
		}
		const word = name ?? junk ?? m[0].trim();
		const foreign = name ? FOREIGN[name] : undefined;
		// Compared without case: `linenumbers`, `ShowLineNumbers` and `lineNumbers` all mean showLineNumbers.
		const lower = foreign ? undefined : suggest(word.toLowerCase(), OPTIONS.map((o) => o.toLowerCase()));
		const s = OPTIONS.find((o) => o.toLowerCase() === lower);
		problems.push({
			offset,
			message: `Unexpected code-block option \`${m[0].trim()}\`, ${EXPECTED}.${didYouMean(s)}`,
			hint: foreign ?? (s ? `Write ${s === 'title' ? 'title="…"' : s}.` : 'Remove it, or write the language as the first word after the fence.'),
		});
	}
	return { meta: result, problems };
}

function readRanges(text: string, start: number, lines: number | undefined, result: CodeMeta, problems: CodeMetaProblem[]) {
	if (!text.trim()) {
		problems.push({ offset: start, message: 'Unexpected empty {} in the code block\'s options', hint: 'Write the lines to highlight, e.g. {1,3-5}, or remove {}.' });
		return;
	}
	let at = start + 1;
	for (const part of text.split(',')) {
		const item = part.trim();
		const offset = at + part.length - part.trimStart().length;
		at += part.length + 1;
		const m = /^(\d{1,6})(?:\s*-\s*(\d{1,6}))?$/.exec(item);
		if (!m) {
			problems.push({ offset, message: `Unexpected "${item}" in the lines to highlight {${text}}, expected line numbers and ranges such as {1,3-5}`, hint: 'Write the line numbers, counted from 1 in the block, separated by commas; a range is 3-5.' });
			continue;
		}
		const from = Number(m[1]);
		const to = m[2] === undefined ? from : Number(m[2]);
		if (from < 1) problems.push({ offset, message: `Unexpected line 0 in {${text}}: lines are counted from 1`, hint: 'The first line of the block is line 1.' });
		else if (to < from) problems.push({ offset, message: `Unexpected range ${item} in {${text}}: it ends before it starts`, hint: `Write ${to}-${from}.` });
		else if (lines !== undefined && to > lines)
			problems.push({
				offset,
				message: `Line${from === to ? ` ${from}` : `s ${item}`} to highlight ${from === to ? 'is' : 'go'} beyond the end of the code block, which has ${lines} line${lines === 1 ? '' : 's'}`,
				hint: from > lines ? `${lines === 1 ? 'Highlight line 1 only' : `Highlight lines between 1 and ${lines}`}, or remove ${item}.` : `Write ${from === lines ? from : `${from}-${lines}`} instead of ${item}.`,
			});
		else result.highlight.push([from, to]);
	}
}

const rangeTexts = (ranges: readonly [number, number][]) => ranges.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`));

/** The options Shiki's transformers read (src/render/highlight.ts): the highlighted lines and line numbers, normalised. */
export function shikiMeta(meta: CodeMeta): string {
	return [meta.highlight.length ? `{${rangeTexts(meta.highlight).join(',')}}` : '', meta.lineNumbers ? LINE_NUMBERS : ''].filter(Boolean).join(' ');
}

/** The lines of a code block's text (mdast `code.value` has no final newline; an empty block has none). */
export const codeLines = (value: string) => (value === '' ? 0 : value.split('\n').length);
