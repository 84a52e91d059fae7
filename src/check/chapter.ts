/**
 * Checks one chapter: frontmatter, every directive (attributes, owner tags, structure), and whatever the
 * chapter rules in ./rules add. Collects the facts cross-chapter rules need (headings, quizzes, terms, links).
 */
import type { Heading, Root, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { type ChapterFrontmatter, chapterFrontmatter } from '../course/frontmatter.ts';
import { chapterSlug } from '../course/paths.ts';
import { countWords } from '../course/reading-time.ts';
import { GithubSlugger } from '../course/slug.ts';
import { checkAttributes } from '../directives/attributes.ts';
import { directiveFor, directiveNames } from '../directives/registry.ts';
import type { CheckCollector, CheckContext, DirectiveNode } from '../directives/types.ts';
import type { OwnershipSchema } from '../schema/ownership.ts';
import { diagnostic, type Diagnostic, type RuleId } from './diagnostics.ts';
import { parseChapter } from './parse.ts';
import { CHAPTER_RULES, type ChapterRuleContext } from './rules/index.ts';
import { didYouMean, suggest } from './suggest.ts';

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
	words: number;
	tree?: Root;
}

export function checkChapter(file: string, text: string, schema: OwnershipSchema, diagnostics: Diagnostic[]): ChapterFacts {
	const facts: ChapterFacts = { file, slug: chapterSlug(file), frontmatterLines: {}, headings: [], links: [], diagrams: [], hasDiagram: false, words: 0, tags: [], quizzes: [], terms: [], termUses: [] };
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
	checkFrontmatter(tree, facts, diagnostics);

	const slugger = new GithubSlugger();
	let section: string | undefined;
	const ctx: CheckContext & ChapterRuleContext = {
		file,
		schema,
		collect: facts,
		facts,
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
			checkDirective(node as DirectiveNode, ctx);
		}
	});
	for (const rule of CHAPTER_RULES) rule(tree, ctx);
	facts.words = countWords(proseText(tree));
	return facts;
}

function checkDirective(node: DirectiveNode, ctx: CheckContext) {
	const spec = directiveFor(node.name);
	if (!spec) {
		// Text directives that are not ours are prose (`re:Invent`); the renderer restores them verbatim.
		if (node.type === 'textDirective') return;
		const s = suggest(node.name, directiveNames());
		const form = node.type === 'containerDirective' ? ':::' : '::';
		ctx.report(node, 'unknown-directive', `Unknown directive "${form}${node.name}".${didYouMean(s)}`, s ? `Rename it to ${form}${s}.` : `Use one of: ${directiveNames().join(', ')}.`);
		return;
	}
	if (!spec.kinds.includes(node.type)) {
		const forms = spec.kinds.map((k) => ({ textDirective: `:${node.name}[…]`, leafDirective: `::${node.name}`, containerDirective: `:::${node.name}` })[k]).join(' or ');
		ctx.report(node, 'directive-kind', `Unexpected form of "${node.name}", expected ${forms}`, `Write it as ${forms}.`);
		return;
	}
	if (!checkAttributes(spec, node, ctx)) return;
	const { ref, owner } = node.attributes ?? {};
	if (ref && owner && spec.ownerTag && node.name !== 'quiz') {
		ctx.collect.tags.push({ ref, owner: owner as never, kind: node.type === 'textDirective' ? 'inline' : node.name === 'card' ? 'card' : 'block', text: node.type === 'textDirective' ? toString(node) : (node.attributes?.title ?? ''), section: ctx.section, line: node.position?.start.line ?? 1 });
	} else if (ref && owner && node.name === 'quiz') {
		ctx.collect.tags.push({ ref, owner: owner as never, kind: 'quiz', text: node.attributes?.id ?? '', section: ctx.section, line: node.position?.start.line ?? 1 });
	}
	spec.check?.(node, ctx);
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
		diagnostics.push(diagnostic(facts.file, { line: startLine + lc.linePos(e.pos[0]).line - 1, column: 1 }, 'frontmatter-invalid', `Frontmatter is not valid YAML: ${e.message.split('\n')[0]}`, 'Fix the YAML between the `---` lines.'));
		return;
	}
	if (isMap(doc.contents))
		for (const pair of doc.contents.items) if (isScalar(pair.key) && pair.key.range) facts.frontmatterLines[String(pair.key.value)] = startLine + lc.linePos(pair.key.range[0]).line - 1;
	const data = doc.toJS() as Record<string, unknown> | null;
	const parsed = chapterFrontmatter.safeParse(data);
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
				missing ? `Missing required frontmatter field "${field}"` : `Invalid frontmatter field "${issue.path.join('.')}": ${issue.message}`,
				FIELD_HINTS[field] ?? 'See the frontmatter fields in docs/authoring.md.',
			),
		);
	}
}

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
