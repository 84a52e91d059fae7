/**
 * Attributes on a code fence's info string, after the language: ```` ```mermaid alt="Three zones in a Region" ````.
 * The parser gives the text after the language as the node's `meta`; this reads `key="value"`, `key='value'`
 * and `key=value` pairs from it. Anything else in the meta is kept as `rest`, so a rule can say what it found.
 */
import { didYouMean, suggest } from '../core/suggest.ts';

export interface FenceAttributes {
	attributes: Record<string, string>;
	/** What was not a `key=value` pair, trimmed (empty when the meta was all attributes). */
	rest: string;
}

const PAIR = /([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g;

export function fenceAttributes(meta: string | null | undefined): FenceAttributes {
	const attributes: Record<string, string> = {};
	if (!meta) return { attributes, rest: '' };
	const rest = meta
		.replace(PAIR, (_, key: string, double?: string, single?: string, bare?: string) => {
			// The first of a repeated key wins, as in HTML.
			if (!(key in attributes)) attributes[key] = (double ?? single ?? bare ?? '').replace(/\s+/g, ' ').trim();
			return ' ';
		})
		.replace(/\s+/g, ' ')
		.trim();
	return { attributes, rest };
}

/** A diagram's text alternative: its `alt` attribute, or undefined when it has none (or only spaces). */
export function diagramAlt(meta: string | null | undefined): string | undefined {
	const alt = fenceAttributes(meta).attributes.alt;
	return alt ? alt : undefined;
}

export interface FenceProblem {
	/** Where in the meta string the problem starts (0-based). */
	offset: number;
	message: string;
	hint: string;
}

/** A `key=value` pair (quoted or bare), or a run of other words up to the next pair. */
const DIAGRAM_TOKEN = /\s*(?:([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"']+))|((?:(?![A-Za-z][\w-]*=(?:"[^"]*"|'[^']*'|[^\s"']))\S+\s*)+))/gy;

/**
 * What a diagram's fence has besides one `alt` (its only option): each other option, a second `alt`, and each
 * run of loose words, with where it starts. Nothing else would reach the page, so each is reported (`code-meta`).
 */
export function diagramMetaProblems(meta: string | null | undefined): FenceProblem[] {
	const text = meta ?? '';
	const problems: FenceProblem[] = [];
	let alt: string | undefined;
	for (let m = DIAGRAM_TOKEN.exec(text); m && m[0].trim(); m = DIAGRAM_TOKEN.exec(text)) {
		const offset = m.index + m[0].length - m[0].trimStart().length;
		const [, key, double, single, bare, words] = m;
		if (words !== undefined) {
			problems.push({ offset, message: `Unexpected text \`${words.trim()}\` on a Mermaid diagram: its only option is alt="…", its text alternative`, hint: 'Write it as alt="…" if it says what the diagram shows; otherwise remove it.' });
			continue;
		}
		const value = double ?? single ?? bare ?? '';
		if (key === 'alt' && alt === undefined) alt = value;
		else if (key === 'alt') problems.push({ offset, message: `Unexpected second alt on a Mermaid diagram (the first is "${alt}")`, hint: 'Keep one alt="…".' });
		else {
			const close = suggest(key!.toLowerCase(), ['alt']);
			problems.push({
				offset,
				message: `Unexpected option \`${m[0].trim()}\` on a Mermaid diagram: its only option is alt="…", its text alternative.${didYouMean(close)}`,
				hint: close ? `Write alt="${value}".` : 'Remove it; say what the diagram shows in alt="…".',
			});
		}
	}
	return problems;
}
