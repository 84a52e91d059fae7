/**
 * The one YAML reader of the project (course.yaml, ownership.yaml, frontmatter, _part.yaml).
 *
 * YAML 1.2 core schema only: `2026-01-01` stays a string (no timestamps), no custom tags (`!foo`), no aliases
 * (`*a`: entity expansion), duplicate keys are problems. Every problem and every value has a place
 * (line, column) in the file, so diagnostics point at the key an author wrote.
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import type { Place } from './diagnostics.ts';

export interface YamlProblem {
	place: Place;
	message: string;
}

export interface YamlFile {
	/** The plain data (undefined when the YAML has errors). */
	value: unknown;
	problems: YamlProblem[];
	/** Place of the key at `path` (e.g. ['policy', 'allowHtml']); of the value when the path ends in an index. */
	keyPlace(path: readonly PropertyKey[]): Place | undefined;
	/** Place of the value at `path`. */
	valuePlace(path: readonly PropertyKey[]): Place | undefined;
	/** Top-level keys in file order. */
	keys(): string[];
}

/**
 * @param lineOffset added to every line (frontmatter starts after the file's first `---` line).
 */
export function readYaml(text: string, { lineOffset = 0, uniqueKeys = true }: { lineOffset?: number; uniqueKeys?: boolean } = {}): YamlFile {
	const lc = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lc, schema: 'core', prettyErrors: false, uniqueKeys, customTags: [] });
	const at = (offset: number | undefined): Place => {
		const { line, col } = lc.linePos(offset ?? 0);
		return { line: line + lineOffset, column: col };
	};
	const problems: YamlProblem[] = [];
	// The first syntax error only: the parser's later errors are almost always consequences of it.
	const error = doc.errors[0];
	if (error) problems.push({ place: at(error.pos[0]), message: firstLine(error.message) });
	for (const w of doc.warnings) {
		// Unknown tags resolve to strings with a warning; here they are an error: a tag is an instruction to a YAML
		// library, and ours ignores it, so the value would not be what the author meant.
		if (w.code === 'TAG_RESOLVE_FAILED') problems.push({ place: at(w.pos[0]), message: `custom YAML tags are not supported (${firstLine(w.message).replace(/^Unresolved tag: /, '')})` });
	}
	if (!doc.errors.length)
		visit(doc, {
			Alias(_, node) {
				problems.push({ place: at(node.range?.[0]), message: `YAML aliases (\`*${node.source}\`) are not supported` });
			},
			Node(_, node) {
				if (!node.tag || node.tag.startsWith('tag:yaml.org,2002:')) return;
				// Placed at the tag itself (`!foo`), which comes before the value it tags.
				const start = node.range?.[0] ?? 0;
				const bang = text.lastIndexOf('!', start);
				const lineStart = text.lastIndexOf('\n', start - 1);
				problems.push({ place: at(bang > lineStart ? bang : start), message: `custom YAML tags are not supported (${node.tag})` });
			},
		});
	const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
		let node: unknown = doc.contents;
		for (const key of path) {
			if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key))?.value;
			else if (isSeq(node) && typeof key === 'number') node = node.items[key];
			else return undefined;
		}
		return node as Node | undefined;
	};
	const keyNodeAt = (path: readonly PropertyKey[]): Node | undefined => {
		if (!path.length) return undefined;
		const parent = nodeAt(path.slice(0, -1));
		const last = path[path.length - 1]!;
		if (isMap(parent)) return parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(last))?.key as Node | undefined;
		if (isSeq(parent) && typeof last === 'number') return parent.items[last] as Node | undefined;
		return undefined;
	};
	const placeOf = (node: Node | undefined) => (node?.range ? at(node.range[0]) : undefined);
	return {
		value: problems.length ? undefined : (doc.toJS() as unknown),
		problems,
		keyPlace: (path) => placeOf(keyNodeAt(path)),
		valuePlace: (path) => placeOf(nodeAt(path)) ?? placeOf(keyNodeAt(path)),
		keys: () => (isMap(doc.contents) ? doc.contents.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : [])) : []),
	};
}

const firstLine = (s: string) => s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
