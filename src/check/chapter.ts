/**
 * Checks one chapter: frontmatter, every directive (attributes, owner tags, structure), and whatever the
 * chapter rules in ./rules add. Collects the facts cross-chapter rules need (headings, quizzes, terms, links).
 */
import type { Heading, Root, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { type ChapterFrontmatter, chapterFrontmatter } from '../config/frontmatter.ts';
import { chapterSlug } from '../core/paths.ts';
import { countWords } from '../core/reading-time.ts';
import { GithubSlugger } from '../core/slug.ts';
import { checkAttributes } from '../directives/attributes.ts';
import { directiveFor, directiveNames } from '../directives/registry.ts';
import type { CheckCollector, CheckContext, DirectiveNode } from '../directives/types.ts';
import type { OwnershipSchema } from '../schema/ownership.ts';
import { diagnostic, type Diagnostic, type RuleId } from '../core/diagnostics.ts';
import { parseChapter } from '../syntax/parse.ts';
import { CHAPTER_RULES, type ChapterRuleContext } from './rules/index.ts';
import { type ContentPolicy, STRICT_POLICY } from '../config/policy.ts';
import { suggest } from '../core/suggest.ts';

export interface HeadingFact {
	depth: number;
	text: string;
	id: string;
	line: number;
}

export interface LinkFact {
	url: string;
	line: number;
	column: number;
}

export interface ChapterFacts extends CheckCollector {
	file: string;
	slug: string;
	frontmatter?: ChapterFrontmatter;
	/** Line of each frontmatter key, for diagnostics about it. */
	frontmatterLines: Record<string, number>;
	headings: HeadingFact[];
	links: LinkFact[];
	/** Mermaid code blocks, for the diagram rule and to load mermaid only where needed. */
	diagrams: { code: string; line: number; column: number }[];
	hasDiagram: boolean;
	/** Names of the directives the chapter uses (pages load a directive's script only where it is used). */
	directives: Set<string>;
	words: number;
	tree?: Root;
	/** The text the tree was parsed from: the build's MDX compile reuses the tree when it sees the same text. */
	text?: string;
}

export function checkChapter(file: string, text: string, schema: OwnershipSchema, diagnostics: Diagnostic[], policy: ContentPolicy = STRICT_POLICY): ChapterFacts {
	const facts: ChapterFacts = { file, slug: chapterSlug(file), frontmatterLines: {}, headings: [], links: [], diagrams: [], hasDiagram: false, directives: new Set(), words: 0, tags: [], quizzes: [], terms: [], termUses: [] };
	const report = (node: Node | undefined, ruleId: RuleId, message: string, hint?: string) =>
		diagnostics.push(diagnostic(file, node?.position?.start, ruleId, message, hint));

	if (!text.trim()) {
		report(undefined, 'parse-error', 'The chapter is empty', 'Add frontmatter (title, description, order) and some content, or delete the file.');
		return facts;
	}
	let tree: Root;
	try {
		tree = parseChapter(text);
	} catch (error) {
		const e = error as { place?: { line: number; column: number } | { start: { line: number; column: number } }; reason?: string; message: string };
		const place = e.place && 'start' in e.place ? e.place.start : e.place;
		diagnostics.push(diagnostic(file, place, 'parse-error', `MDX syntax error: ${e.reason ?? e.message}`, 'Chapters are Markdown: escape a literal `<` as `&lt;` and `{` as `\\{`, or put it in `inline code`.'));
		return facts;
	}
	facts.tree = tree;
	facts.text = text;
	checkFrontmatter(tree, facts, diagnostics);

	const slugger = new GithubSlugger();
	let section: string | undefined;
	const ctx: CheckContext & ChapterRuleContext = {
		file,
		schema,
		collect: facts,
		facts,
		policy,
		get section() {
			return section;
		},
		report,
	};
	visit(tree, (node) => {
		if (node.type === 'heading') {
			const h = node as Heading;
			const id = slugger.slug(toString(h));
			facts.headings.push({ depth: h.depth, text: toString(h), id, line: h.position?.start.line ?? 1 });
			if (h.depth <= 3) section = id;
			return;
		}
		if (node.type === 'code' && (node as { lang?: string }).lang === 'mermaid') {
			const start = node.position?.start;
			facts.diagrams.push({ code: (node as { value: string }).value, line: start?.line ?? 1, column: start?.column ?? 1 });
			facts.hasDiagram = true;
			return;
		}
		if (node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') {
			const d = node as DirectiveNode;
			// Prose like `re:Invent`: keep its exact source, so fragments rendered later (glossary, practice
			// exam) can restore it verbatim without the file's text.
			if (directiveFor(d.name)) facts.directives.add(d.name);
			else if (d.type === 'textDirective') d.data = { ...d.data, source: sourceSlice(text, d) } as never;
			checkDirective(d, ctx);
		}
	});
	for (const rule of CHAPTER_RULES) rule(tree, ctx);
	facts.words = countWords(proseText(tree));
	return facts;
}

const FORMS: Record<DirectiveNode['type'], (name: string) => string> = {
	textDirective: (name) => `:${name}[…]`,
	leafDirective: (name) => `::${name}`,
	containerDirective: (name) => `:::${name}`,
};

function checkDirective(node: DirectiveNode, ctx: CheckContext) {
	const spec = directiveFor(node.name);
	if (!spec) {
		// Text directives that are not ours are prose (`re:Invent`); the renderer restores them verbatim.
		if (node.type === 'textDirective') return;
		const s = suggest(node.name, directiveNames());
		// Suggest the form the suggested directive really has: `::controll` → `:::control`, not `::control`.
		const kinds = s ? directiveFor(s)!.kinds : [];
		const meant = s ? (kinds.includes(node.type) ? [FORMS[node.type](s)] : kinds.map((k) => FORMS[k](s))) : [];
		ctx.report(
			node,
			'unknown-directive',
			`Unknown directive "${FORMS[node.type](node.name)}".${meant.length ? ` Did you mean ${meant.map((m) => `"${m}"`).join(' or ')}?` : ''}`,
			meant.length ? `Write ${meant.join(' or ')}.` : `Use one of: ${directiveNames().join(', ')}.`,
		);
		return;
	}
	if (!spec.kinds.includes(node.type)) {
		const forms = spec.kinds.map((k) => FORMS[k](node.name)).join(' or ');
		ctx.report(node, 'directive-kind', `Unexpected form of "${node.name}", expected ${forms}`, `Write it as ${forms}.`);
		return;
	}
	const { tagged } = checkAttributes(spec, node, ctx);
	// Only tags that match the schema are indexed (the matrix, "taught in"); broken ones are diagnostics.
	if (tagged) {
		const { ref, owner, id, title } = node.attributes as Record<string, string>;
		const kind = node.type === 'textDirective' ? 'inline' : node.name === 'card' ? 'card' : node.name === 'quiz' ? 'quiz' : 'block';
		const text = kind === 'inline' ? toString(node) : kind === 'quiz' ? id : kind === 'card' ? title : '';
		ctx.collect.tags.push({ ref: ref!, owner: owner as never, kind, text: text ?? '', section: ctx.section, line: node.position?.start.line ?? 1 });
	}
	// Structure is checked even when attributes are wrong: every problem in one run. Checks tolerate bad attributes.
	spec.check?.(node, ctx);
}

function sourceSlice(text: string, node: Node): string | undefined {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	return start !== undefined && end !== undefined ? text.slice(start, end) : undefined;
}

function checkFrontmatter(tree: Root, facts: ChapterFacts, diagnostics: Diagnostic[]) {
	const yamlNode = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : undefined;
	if (!yamlNode) {
		diagnostics.push(diagnostic(facts.file, { line: 1, column: 1 }, 'frontmatter-invalid', 'Missing frontmatter', 'Start the file with `---`, then `title:`, `description:` and `order:`, then `---`.'));
		return;
	}
	const startLine = (yamlNode.position?.start.line ?? 1) + 1; // first line after `---`
	const lc = new LineCounter();
	const doc = parseDocument(yamlNode.value, { lineCounter: lc });
	if (doc.errors.length) {
		const e = doc.errors[0]!;
		const pos = lc.linePos(e.pos[0]);
		// The yaml library counts from the first frontmatter line; drop its "at line …" so only our (file) position shows.
		const reason = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
		diagnostics.push(diagnostic(facts.file, { line: startLine + pos.line - 1, column: pos.col }, 'frontmatter-invalid', `Frontmatter is not valid YAML: ${reason}`, 'Fix the YAML between the `---` lines.'));
		return;
	}
	if (isMap(doc.contents))
		for (const pair of doc.contents.items) if (isScalar(pair.key) && pair.key.range) facts.frontmatterLines[String(pair.key.value)] = startLine + lc.linePos(pair.key.range[0]).line - 1;
	const data = doc.toJS() as Record<string, unknown> | null;
	// reportInput: the message names the offending value.
	const parsed = chapterFrontmatter.safeParse(data, { reportInput: true });
	if (parsed.success) {
		facts.frontmatter = parsed.data;
		return;
	}
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? '');
		const line = facts.frontmatterLines[field] ?? (yamlNode.position?.start.line ?? 1);
		const missing = issue.code === 'invalid_type' && (data === null || typeof data !== 'object' || !(field in data));
		diagnostics.push(
			diagnostic(
				facts.file,
				{ line, column: 1 },
				'frontmatter-invalid',
				missing ? `Missing required frontmatter field "${field}"` : `Invalid frontmatter field "${issue.path.join('.')}": unexpected value ${JSON.stringify(issue.input)}, expected ${(issue.path.length === 1 && FIELD_EXPECTED[field]) || issue.message.replace(/^(Invalid input: )?expected /, '')}`,
				FIELD_HINTS[field] ?? 'See the frontmatter fields in docs/authoring.md.',
			),
		);
	}
}

/** What each field must be, in words (zod's own messages are written for programmers). */
const FIELD_EXPECTED: Record<string, string> = {
	title: 'a non-empty text',
	description: 'a non-empty text',
	order: 'a positive whole number',
	updated: 'a real date as YYYY-MM-DD',
	concepts: 'a list of texts',
	prerequisites: 'a list of chapter slugs',
	next: 'a list of chapter slugs',
};

const FIELD_HINTS: Record<string, string> = {
	title: 'Add `title: Your chapter title`.',
	description: 'Add `description:` with one sentence about the chapter.',
	order: 'Add `order:` with a positive whole number, unique in the course.',
	updated: 'Write the date as `updated: 2026-01-31`.',
	concepts: 'Write concepts as a list: `concepts: [one, two]`.',
	prerequisites: 'List chapter slugs (file names without .mdx): `prerequisites: [shared-responsibility]`.',
	next: 'List chapter slugs (file names without .mdx): `next: [identity-and-access]`.',
};

/** The words a reader reads: text, inline code and directive labels, not frontmatter, code blocks or diagrams. */
export function proseText(tree: Root): string {
	const parts: string[] = [];
	visit(tree, (node) => {
		if (node.type === 'yaml' || node.type === 'code' || node.type === 'mdxjsEsm' || node.type === 'html') return 'skip';
		if (node.type === 'text' || node.type === 'inlineCode') parts.push((node as { value: string }).value);
		return undefined;
	});
	return parts.join(' ');
}
