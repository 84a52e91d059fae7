/**
 * Where a chapter's frontmatter is: the one definition. The file starts with a line `---`; the frontmatter ends
 * at the next line that is exactly `---`. What lies between is YAML; everything after it is the body.
 *
 * Other tools end frontmatter at any line that merely *starts* with `---` (or use `+++` for TOML), so such a
 * line inside the YAML is reported rather than guessed at: no reader may take part of it for the body.
 */
export interface Frontmatter {
	/** The YAML between the fences. */
	yaml: string;
	/** 1-based line of the first YAML line (the line after the opening `---`). */
	firstLine: number;
	/** Offset where the body starts (after the closing fence's line break). */
	bodyOffset: number;
}

export interface FrontmatterProblem {
	line: number;
	message: string;
	hint: string;
}

const FENCE = /^---[ \t]*$/;

export function splitFrontmatter(text: string): { frontmatter?: Frontmatter; problems: FrontmatterProblem[] } {
	const lines = text.split('\n');
	const first = lines[0]?.replace(/\r$/, '') ?? '';
	if (!FENCE.test(first)) {
		if (/^\+\+\+[ \t]*$/.test(first)) return { problems: [{ line: 1, message: 'TOML frontmatter (`+++`) is not supported', hint: 'Write the frontmatter as YAML between two `---` lines.' }] };
		return { problems: [] };
	}
	const problems: FrontmatterProblem[] = [];
	let offset = lines[0]!.length + 1;
	for (let i = 1; i < lines.length; i++) {
		const line = lines[i]!.replace(/\r$/, '');
		if (FENCE.test(line)) {
			const yaml = text.slice(lines[0]!.length + 1, offset);
			return { frontmatter: { yaml, firstLine: 2, bodyOffset: Math.min(text.length, offset + lines[i]!.length + 1) }, problems };
		}
		if (/^(?:---|\+\+\+)/.test(line))
			problems.push({ line: i + 1, message: `Unexpected line \`${line.slice(0, 20)}\` in the frontmatter: a line that starts with \`${line.slice(0, 3)}\` ends the frontmatter for other tools`, hint: 'Quote the value (`key: "---…"`) or end the frontmatter with a line of exactly `---`.' });
		offset += lines[i]!.length + 1;
	}
	return { problems: [{ line: 1, message: 'The frontmatter is never closed', hint: 'End the frontmatter with a line of exactly `---`.' }] };
}

/** The text with the frontmatter replaced by spaces (line breaks kept), so the body parses at its real offsets. */
export function blankFrontmatter(text: string, frontmatter: Frontmatter | undefined): string {
	if (!frontmatter) return text;
	return text.slice(0, frontmatter.bodyOffset).replace(/[^\n]/g, ' ') + text.slice(frontmatter.bodyOffset);
}
