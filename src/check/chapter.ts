/**
 * Checks one chapter: its bytes, its frontmatter, its tree (every directive: attributes, owner tags,
 * structure) and whatever the chapter rules in ./rules add. Collects the facts cross-chapter rules and the
 * pages need (headings, quizzes, terms, links, images) as plain data, so they can be cached and sent between
 * threads. The tree it checked is handed back for rendering: what passes is what is built.
 */
import { isUtf8 } from 'node:buffer';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import { walk } from '../core/walk.ts';
import { type ChapterFrontmatter, chapterFrontmatter, FIELD_EXPECTED, FIELD_HINTS, FOREIGN_KEYS, FRONTMATTER_KEYS } from '../config/frontmatter.ts';
import type { CourseConfig } from '../config/course.ts';
import { type ContentPolicy, STRICT_POLICY } from '../config/policy.ts';
import { diagnostic, type Diagnostic, type RuleId } from '../core/diagnostics.ts';
import { DEFAULT_LIMITS, type Limits } from '../core/limits.ts';
import { countWords } from '../core/reading-time.ts';
import { GithubSlugger } from '../core/slug.ts';
import { didYouMean, suggest } from '../core/suggest.ts';
import { readYaml } from '../core/yaml.ts';
import { checkAttributes } from '../directives/attributes.ts';
import { directiveFor, directiveNames } from '../directives/registry.ts';
import type { CheckCollector, CheckContext, DirectiveNode } from '../directives/types.ts';
import type { Message } from '../core/messages.ts';
import type { OwnershipSchema } from '../schema/ownership.ts';
import { tooDeep } from '../syntax/depth.ts';
import { blankFrontmatter, splitFrontmatter } from '../syntax/frontmatter.ts';
import { parseChapter } from '../syntax/parse.ts';
import type { ChapterSource } from './discover.ts';
import { CHAPTER_RULES, type ChapterRuleContext } from './rules/index.ts';
import { findTeachingSections } from './teaching.ts';

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
	/** A relative link to a chapter file (`./other.mdx#x`): the course path it points at, without extension. */
	chapterPath?: string;
}

export interface ImageFact {
	url: string;
	/** Absolute path of the image file (inside the course). */
	file: string;
	width: number;
	height: number;
	/** Content digest, for the published file name and the cache. */
	digest: string;
	/** The file's name without extension, as a slug, for a readable published name. */
	name: string;
	ext: string;
	line: number;
	column: number;
}

export interface ChapterFacts extends CheckCollector {
	file: string;
	/** Path relative to the course folder (`chapters/basics/intro.mdx`). */
	rel: string;
	slug: string;
	part?: string;
	/** False when the chapter could not be read or parsed: course rules that need its content stand down. */
	parsed: boolean;
	frontmatter?: ChapterFrontmatter;
	/** Line of each frontmatter key, for diagnostics about it. */
	frontmatterLines: Record<string, number>;
	headings: HeadingFact[];
	links: LinkFact[];
	images: ImageFact[];
	/** Files besides the chapter that the check looked at (images, found or not): the cache re-validates them. */
	deps: string[];
	/** Mermaid code blocks, for the diagram rule and to load mermaid only where needed. */
	diagrams: { code: string; line: number; column: number }[];
	/** Code blocks other than diagrams (pages with any load the copy button's script). */
	codeBlocks: number;
	/** Names of the directives the chapter uses (pages load a directive's script only where it is used). */
	directives: string[];
	words: number;
}

export interface ChapterEnv {
	courseDir: string;
	/** The course's schema: every chapter's tags, translated or not, are checked against it. */
	schema: OwnershipSchema;
	/** The language the chapter is written in (course.yaml `language`, or the translation's): reading time, prose rules. */
	language?: string;
	/** How the page shows it, when it is not the chapter's own language and schema (translations, untranslated chapters in a locale). */
	page?: PageEnv;
	policy: ContentPolicy;
	limits: Limits;
	/** course.yaml `rules:`: severities, applied where a chapter's own errors decide whether it renders. */
	rules?: CourseConfig['rules'];
}

/** What a page of a locale renders with: its language, interface strings, translated schema and URL prefix. */
export interface PageEnv {
	/** `<html lang>` of the page. */
	lang: string;
	/** The interface strings (src/i18n). */
	ui: Record<string, Message>;
	/** The schema with the locale's titles, notes, splits and labels (src/schema/translation.ts). */
	schema: OwnershipSchema;
	/** The locale's URL segment (`de`), or '' for the course's own language. */
	prefix: string;
}

export interface CheckedChapter {
	facts: ChapterFacts;
	diagnostics: Diagnostic[];
	/** The checked tree and its text, for the renderer (absent when the chapter could not be parsed). */
	tree?: Root;
	text?: string;
}

export function emptyFacts(source: ChapterSource): ChapterFacts {
	return { file: source.file, rel: source.rel, slug: source.slug, ...(source.part ? { part: source.part } : {}), parsed: false, frontmatterLines: {}, headings: [], links: [], images: [], deps: [], diagrams: [], codeBlocks: 0, directives: [], words: 0, tags: [], quizzes: [], terms: [], termUses: [] };
}

/** Check a chapter from its bytes (or text, for tests). */
export function checkChapter(source: ChapterSource, input: Uint8Array | string, env: Partial<ChapterEnv> & { schema: OwnershipSchema }): CheckedChapter {
	const { courseDir = '', schema, policy = STRICT_POLICY, limits = DEFAULT_LIMITS, language = 'en' } = env;
	const file = source.file;
	const facts = emptyFacts(source);
	const diagnostics: Diagnostic[] = [];
	const fail = (place: { line: number; column: number } | undefined, ruleId: RuleId, message: string, hint: string) => {
		diagnostics.push(diagnostic(file, place, ruleId, message, hint));
		return { facts, diagnostics };
	};

	const size = typeof input === 'string' ? input.length : input.byteLength;
	if (size > limits.chapterBytes)
		return fail({ line: 1, column: 1 }, 'limit-exceeded', `The chapter is ${formatBytes(size)}, more than the limit of ${formatBytes(limits.chapterBytes)}`, 'Split it into several chapters, or raise `limits.chapterBytes` in course.yaml.');
	const text = typeof input === 'string' ? input : decodeUtf8(input);
	if (text === undefined) {
		const bytes = input as Uint8Array;
		const line = Buffer.from(bytes.subarray(0, firstInvalidUtf8(bytes))).toString('latin1').split('\n').length;
		return fail({ line, column: 1 }, 'parse-error', 'The file is not valid UTF-8', 'Save the file with UTF-8 encoding (most editors: “Save with encoding…” → UTF-8).');
	}
	if (!text.trim()) return fail(undefined, 'parse-error', 'The chapter is empty', 'Add frontmatter (title, description, order) and some content, or delete the file.');

	const { frontmatter: fm, problems } = splitFrontmatter(text);
	for (const p of problems) diagnostics.push(diagnostic(file, { line: p.line, column: 1 }, 'frontmatter-invalid', p.message, p.hint));
	if (!fm && !problems.length) diagnostics.push(diagnostic(file, { line: 1, column: 1 }, 'frontmatter-invalid', 'Missing frontmatter', 'Start the file with `---`, then `title:`, `description:` and `order:`, then `---`.'));
	if (fm && !problems.length) checkFrontmatter(fm.yaml, fm.firstLine, facts, diagnostics, source.locale !== undefined);

	const parsed = parseChapter(blankFrontmatter(text, fm));
	if ('error' in parsed)
		return fail(parsed.error, 'parse-error', `MDX syntax error: ${parsed.error.message}`, 'Chapters are Markdown: escape a literal `<` as `&lt;` and `{` as `\\{`, or put it in `inline code`.');
	const tree = parsed.tree;
	const deep = tooDeep(tree, limits.depth);
	if (deep)
		return fail(deep.position?.start, 'limit-exceeded', `The chapter nests more than ${limits.depth} levels deep here (lists, quotes, emphasis or directives inside each other)`, 'Flatten the structure, or raise `limits.depth` in course.yaml.');
	facts.parsed = true;

	// A chapter that makes thousands of mistakes gets its first MAX_PROBLEMS listed, then one line saying how many more.
	let unlisted = 0;
	const report = (node: Node | undefined, ruleId: RuleId, message: string, hint?: string) => {
		if (diagnostics.length >= MAX_PROBLEMS) unlisted++;
		else diagnostics.push(diagnostic(file, node?.position?.start, ruleId, message, hint));
	};
	const slugger = new GithubSlugger();
	const ids = new Map<string, number>();
	const used = new Set<string>();
	let section: string | undefined;
	const ctx: CheckContext & ChapterRuleContext = {
		file,
		source: text,
		courseDir,
		schema,
		collect: facts,
		facts,
		policy,
		language,
		get section() {
			return section;
		},
		report,
	};
	walk(tree, (node) => {
		if (node.type === 'heading') {
			const h = node as Heading;
			const id = headingId(h, slugger, ctx);
			const first = ids.get(id);
			if (first !== undefined) report(h, 'heading-id', `Duplicate heading id "#${id}": the heading at line ${first} has the same id`, 'Give one of the two headings a different {#id} or text.');
			else ids.set(id, h.position?.start.line ?? 1);
			// The renderer writes this id: the page's anchors are the ones the link rule checked.
			h.data = { ...h.data, hProperties: { id } };
			facts.headings.push({ depth: h.depth, text: toString(h), id, line: h.position?.start.line ?? 1 });
			if (h.depth <= 3) section = id;
			return;
		}
		if (node.type === 'code' && (node as { lang?: string }).lang === 'mermaid') {
			const start = node.position?.start;
			facts.diagrams.push({ code: (node as unknown as { value: string }).value, line: start?.line ?? 1, column: start?.column ?? 1 });
			return;
		}
		if (node.type === 'code') {
			facts.codeBlocks++;
			return;
		}
		if (node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') {
			const d = node as DirectiveNode;
			if (directiveFor(d.name)) used.add(d.name);
			checkDirective(d, ctx);
		}
	});
	for (const rule of CHAPTER_RULES) rule(tree, ctx);
	findTeachingSections(tree, facts.quizzes, facts.tags);
	if (unlisted) diagnostics.push(diagnostic(file, { line: 1, column: 1 }, 'limit-exceeded', `${unlisted} more problems in this chapter are not listed (the first ${MAX_PROBLEMS} are)`, 'Fix the problems listed, then check again.'));
	facts.directives = [...used].sort();
	facts.words = countWords(proseText(tree), language);
	return { facts, diagnostics, tree, text };
}

/** A heading's id: `{#custom-id}` as written, or GitHub's slug of its text. Other heading attributes are errors. */
function headingId(h: Heading, slugger: GithubSlugger, ctx: CheckContext): string {
	const props = (h.data?.hProperties ?? {}) as Record<string, unknown>;
	const custom = typeof props.id === 'string' ? props.id : undefined;
	for (const key of Object.keys(props))
		if (key !== 'id') ctx.report(h, 'heading-id', `Unexpected heading attribute ${key === 'className' ? '`.class`' : `\`${key}\``}: headings accept only an id, \`{#id}\``, 'Remove it; the site styles headings itself.');
	if (custom !== undefined) {
		if (/^[A-Za-z][A-Za-z0-9_-]{0,79}$/.test(custom)) {
			slugger.slug(custom); // reserve it, so a later heading with the same text gets `-1`
			return custom;
		}
		ctx.report(h, 'heading-id', `Unexpected heading id "#${custom}", expected a letter followed by letters, digits, dashes or underscores`, `Write {#${custom.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[^a-z]+/, '') || 'section'}}.`);
	}
	return slugger.slug(toString(h));
}

const FORMS: Record<DirectiveNode['type'], (name: string) => string> = {
	textDirective: (name) => `:${name}[…]`,
	leafDirective: (name) => `::${name}`,
	containerDirective: (name) => `:::${name}`,
};

function checkDirective(node: DirectiveNode, ctx: CheckContext) {
	const spec = directiveFor(node.name);
	if (!spec) {
		// Text directives that are not ours are prose (`re:Invent`); the renderer restores them verbatim — unless
		// they carry a tag's attributes: `:contrl[…]{ref=… owner=…}` is a misspelt tag, not prose.
		const attrs = node.attributes ?? {};
		if (node.type === 'textDirective' && !('ref' in attrs) && !('owner' in attrs)) {
			node.data = { ...node.data, source: sourceSlice(ctx.source, node) } as never;
			return;
		}
		const s = suggest(node.name, directiveNames());
		// Suggest the form the suggested directive really has: `::controll` → `:::control`, not `::control`.
		const kinds = s ? directiveFor(s)!.kinds : [];
		const meant = s ? (kinds.includes(node.type) ? [FORMS[node.type](s)] : kinds.map((k) => FORMS[k](s))) : [];
		const tag = node.type === 'textDirective' ? ' (it carries ref/owner, so it is a tag, not prose)' : '';
		ctx.report(
			node,
			'unknown-directive',
			`Unknown directive "${FORMS[node.type](node.name)}"${tag}.${meant.length ? ` Did you mean ${meant.map((m) => `"${m}"`).join(' or ')}?` : ''}`,
			meant.length ? `Write ${meant.join(' or ')}.` : `Use one of: ${directiveNames().join(', ')}.`,
		);
		return;
	}
	if (node.type === 'containerDirective') checkClosed(node, ctx);
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

/**
 * A container that is never closed runs to the end of the file (or of the block around it), swallowing the
 * quizzes and headings after it. Its last line is then not a closing fence of at least its own colons.
 */
function checkClosed(node: DirectiveNode, ctx: CheckContext) {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	if (start === undefined || end === undefined) return;
	const open = /^:+/.exec(ctx.source.slice(start, start + 200))?.[0].length ?? 3;
	const lastLine = ctx.source.slice(ctx.source.lastIndexOf('\n', end - 1) + 1, end);
	const close = /^[ \t]*(:+)[ \t]*$/.exec(lastLine);
	// A fence that ends a nested container too closed that one: the outer one was never closed itself.
	const last = node.children.at(-1);
	const taken = last?.type === 'containerDirective' && last.position?.end.offset === end;
	if (close && close[1]!.length >= open && end > start + open && !taken) return;
	const pos = node.position!.start;
	const fence = ':'.repeat(open);
	ctx.report(node, 'unclosed-directive', `\`${fence}${node.name}\` opened at ${pos.line}:${pos.column} is never closed`, `Add a line \`${fence}\` where the ${node.name} ends (an outer directive needs more colons than the ones inside it: \`${fence}:\`).`);
}

function sourceSlice(text: string, node: Node): string | undefined {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	return start !== undefined && end !== undefined ? text.slice(start, end) : undefined;
}

/** A translation's frontmatter: the same fields, but `order` may be left out (the original's is used). */
const translatedFrontmatter = chapterFrontmatter.extend({ order: chapterFrontmatter.shape.order.optional() });

function checkFrontmatter(yamlText: string, firstLine: number, facts: ChapterFacts, diagnostics: Diagnostic[], translation: boolean) {
	const file = facts.file;
	const yaml = readYaml(yamlText, { lineOffset: firstLine - 1 });
	if (yaml.problems.length) {
		for (const p of yaml.problems) diagnostics.push(diagnostic(file, p.place, 'frontmatter-invalid', `Frontmatter is not valid YAML: ${p.message}`, 'Fix the YAML between the `---` lines.'));
		return;
	}
	for (const key of yaml.keys()) facts.frontmatterLines[key] = yaml.keyPlace([key])?.line ?? firstLine;
	const data = yaml.value;
	const parsed = (translation ? translatedFrontmatter : chapterFrontmatter).safeParse(data, { reportInput: true });
	if (parsed.success) {
		// A translation without `order` takes the original's when the course is put together (0 until then).
		facts.frontmatter = { ...parsed.data, order: parsed.data.order ?? 0 };
		return;
	}
	for (const issue of parsed.error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				const at = yaml.keyPlace([key]) ?? { line: firstLine, column: 1 };
				const foreign = FOREIGN_KEYS[key];
				const s = foreign ? undefined : suggest(key, FRONTMATTER_KEYS);
				diagnostics.push(
					diagnostic(file, at, 'frontmatter-invalid', `Unexpected frontmatter field "${key}"${foreign ? `: ${foreign}` : `.${didYouMean(s)}`}`, s ? `Rename it to \`${s}:\`.` : `Remove \`${key}:\` (fields: ${FRONTMATTER_KEYS.join(', ')}).`),
				);
			}
			continue;
		}
		const field = String(issue.path[0] ?? '');
		const line = facts.frontmatterLines[field] ?? firstLine - 1;
		const missing = issue.code === 'invalid_type' && (data === null || typeof data !== 'object' || !(field in (data as object)));
		diagnostics.push(
			diagnostic(
				file,
				{ line, column: 1 },
				'frontmatter-invalid',
				missing ? `Missing required frontmatter field "${field}"` : `Invalid frontmatter field "${issue.path.join('.')}": unexpected value ${JSON.stringify(issue.input)}, expected ${(issue.path.length === 1 && FIELD_EXPECTED[field]) || issue.message.replace(/^(Invalid input: )?expected /, '')}`,
				FIELD_HINTS[field] ?? 'See the frontmatter fields in docs/authoring.md.',
			),
		);
	}
}

/** The words a reader reads: text, inline code and directive labels, not frontmatter, code blocks or diagrams. */
export function proseText(tree: Root): string {
	const parts: string[] = [];
	walk(tree, (node) => {
		if (node.type === 'yaml' || node.type === 'code' || node.type === 'mdxjsEsm' || node.type === 'html') return 'skip';
		if (node.type === 'text' || node.type === 'inlineCode') parts.push((node as unknown as { value: string }).value);
		return undefined;
	});
	return parts.join(' ');
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
	// Validated natively first (a fatal TextDecoder per chapter costs far more), then decoded; a byte-order mark
	// is not part of the text (editors on Windows add one).
	if (!isUtf8(bytes)) return undefined;
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let lo = 0;
	let hi = bytes.length;
	// Binary search for the longest valid prefix (a prefix may end mid-character, so allow 3 bytes slack).
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		let ok = false;
		for (let k = 0; k < 4 && !ok; k++) {
			try {
				decoder.decode(bytes.subarray(0, Math.max(0, mid - k)));
				ok = mid - k >= 0;
			} catch {}
		}
		if (ok) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/** Problems listed per chapter, at most. */
const MAX_PROBLEMS = 500;

const formatBytes = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} KB`);
