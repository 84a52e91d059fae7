/**
 * Line-level rewrites made before a page is parsed: syntax the source generator reads but an MDX parser does
 * not, or reads differently. Every rewrite keeps the number of lines, so positions found later are the
 * source's own lines. Code fences are tracked, so examples inside code blocks stay exactly as written.
 */
import type { Note } from './types.ts';

export interface Prepassed {
	text: string;
	/** Offset ranges (in `text`) of `{#custom-id}` heading suffixes, which must be copied, never escaped. */
	headingIds: [number, number][];
	/** The same text with heading ids blanked out, for the parser (an MDX parser reads `{#id}` as code). */
	parseText: string;
	notes: Note[];
}

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HEADING_ID = /(\s+)(\\?\{#[A-Za-z0-9_-][\w.:-]*\\?\})\s*$/;
/** Docusaurus's older admonition title: `:::note Your title` (the newer form is `:::note[Your title]`). */
const SPACED_TITLE = /^(\s*)(:{3,})([A-Za-z][\w-]*)[ \t]+([^[{\s].*?)\s*$/;

interface Options {
	/** Docusaurus renders ```mdx-code-block fences as MDX: their content is page content, not code. */
	unwrapMdxCodeBlocks: boolean;
	/** MDX cannot parse HTML comments; Docusaurus and Starlight .md pages may hold them. */
	dropHtmlComments: boolean;
}

export function prepass(source: string, options: Options): Prepassed {
	const notes: Note[] = [];
	const lines = source.split('\n');
	let fence: { char: string; size: number; unwrap: boolean } | undefined;
	let inComment = false;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const f = FENCE.exec(line);
		if (fence) {
			if (f && f[2]![0] === fence.char && f[2]!.length >= fence.size && !f[3]!.trim()) {
				if (fence.unwrap) lines[i] = '';
				fence = undefined;
			}
			continue;
		}
		if (inComment) {
			const end = line.indexOf('-->');
			if (end === -1) lines[i] = '';
			else {
				lines[i] = line.slice(end + 3);
				inComment = false;
			}
			continue;
		}
		if (f && !(f[2]![0] === '`' && f[3]!.includes('`'))) {
			const unwrap = options.unwrapMdxCodeBlocks && f[3]!.trim().split(/\s/)[0] === 'mdx-code-block';
			fence = { char: f[2]![0]!, size: f[2]!.length, unwrap };
			if (unwrap) {
				lines[i] = '';
				notes.push({ line: i + 1, text: 'unwrapped an mdx-code-block fence: its content is page content' });
			}
			continue;
		}
		let out = line;
		if (options.dropHtmlComments && out.includes('<!--')) {
			const dropped = dropComments(out);
			out = dropped.text;
			inComment = dropped.open;
		}
		const t = SPACED_TITLE.exec(out);
		if (t) out = `${t[1]}${t[2]}${t[3]}[${escapeLabel(t[4]!)}]`;
		lines[i] = out;
	}
	const text = lines.join('\n');
	// Heading ids are found in the rewritten text, so their offsets are the ones the parser sees.
	const headingIds: [number, number][] = [];
	let offset = 0;
	fence = undefined;
	for (const line of lines) {
		const f = FENCE.exec(line);
		if (fence) {
			if (f && f[2]![0] === fence.char && f[2]!.length >= fence.size && !f[3]!.trim()) fence = undefined;
		} else if (f) fence = { char: f[2]![0]!, size: f[2]!.length, unwrap: false };
		else if (/^ {0,3}#{1,6}\s/.test(line)) {
			const m = HEADING_ID.exec(line);
			if (m) headingIds.push([offset + m.index + m[1]!.length, offset + m.index + m[1]!.length + m[2]!.length]);
		}
		offset += line.length + 1;
	}
	let parseText = text;
	for (const [s, e] of headingIds) parseText = parseText.slice(0, s) + ' '.repeat(e - s) + parseText.slice(e);
	return { text, headingIds, parseText, notes };
}

/** Remove `<!-- … -->` from one line, outside inline code; `open` when a comment continues on the next line. */
function dropComments(line: string): { text: string; open: boolean } {
	let out = '';
	let i = 0;
	while (i < line.length) {
		if (line[i] === '`') {
			const run = /^`+/.exec(line.slice(i))![0];
			const close = line.indexOf(run, i + run.length);
			const end = close === -1 ? i + run.length : close + run.length;
			out += line.slice(i, end);
			i = end;
			continue;
		}
		if (line.startsWith('<!--', i)) {
			const close = line.indexOf('-->', i + 4);
			if (close === -1) return { text: out, open: true };
			i = close + 3;
			continue;
		}
		out += line[i];
		i++;
	}
	return { text: out, open: false };
}

/** Text that can sit inside a directive label `[…]`: brackets escaped. */
export const escapeLabel = (s: string) => s.replace(/[[\]\\]/g, (c) => `\\${c}`);
