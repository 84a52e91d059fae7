/**
 * Attributes on a code fence's info string, after the language: ```` ```mermaid alt="Three zones in a Region" ````.
 * The parser gives the text after the language as the node's `meta`; this reads `key="value"`, `key='value'`
 * and `key=value` pairs from it. Anything else in the meta is kept as `rest`, so a rule can say what it found.
 */
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
