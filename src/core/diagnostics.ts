/**
 * Diagnostics are data. Every check in the project (build, CLI, dev server) produces these, and formatters
 * at the edge (src/check/format.ts) turn them into text or GitHub annotations.
 */

/** Every rule id, with the one-line description used in docs and `--list-rules`. One table, one source. */
export const RULES = {
	// ownership schema (content/ownership.yaml)
	'schema-syntax': 'ownership.yaml is not valid YAML',
	'schema-invalid': 'An entry in ownership.yaml does not match the schema format',
	'schema-duplicate-id': 'The same control id appears twice in ownership.yaml',
	// course configuration, files and frontmatter
	'course-config': 'course.yaml is missing or invalid',
	'chapter-file-name': 'A chapter’s file name is not a lowercase slug (it becomes the chapter’s URL)',
	'not-a-chapter': 'A file in chapters/ is neither a chapter (.mdx) nor an image',
	'chapter-outside-course': 'A chapter file or folder is a symbolic link that leads out of the course folder',
	'duplicate-slug': 'Two chapter files map to the same URL',
	'part-invalid': 'A part folder’s _part.yaml is invalid',
	'limit-exceeded': 'A chapter exceeds a size or nesting limit (course.yaml `limits:`)',
	'frontmatter-invalid': 'A chapter’s frontmatter is missing a required field or has an invalid value',
	'duplicate-order': 'Two chapters have the same `order`',
	'unknown-chapter': '`prerequisites` or `next` names a chapter that does not exist',
	'prerequisite-cycle': 'Chapter prerequisites form a cycle',
	// owner tags
	'owner-mismatch': 'The owner written on a tag differs from the owner in the schema',
	'unknown-ref': 'A tag refers to a control id that is not in the schema',
	'missing-owner': 'A tag has `ref` without `owner`',
	'missing-ref': 'A tag has `owner` without `ref`',
	'invalid-attribute': 'A directive attribute has an invalid value',
	'unknown-attribute': 'A directive has an attribute it does not accept',
	'missing-attribute': 'A directive lacks a required attribute',
	'unknown-directive': 'A container or leaf directive name is not part of the language',
	'directive-kind': 'A directive is used in a form it does not support (e.g. inline instead of block)',
	// ownership claims in prose
	'untagged-claim': 'A sentence names a control and its owner without an owner tag (a warning; the fix is the tag to add)',
	'untagged-owner-conflict': 'A sentence without an owner tag gives a control to another party than the schema',
	// quizzes, cards, terms
	'quiz-no-options': 'A quiz has no task list of options',
	'quiz-too-few-options': 'A quiz has fewer than two options',
	'quiz-no-correct': 'A quiz has no option marked `[x]`',
	'quiz-several-correct': 'A quiz marks several options `[x]` without the `multiple` attribute',
	'quiz-no-question': 'A quiz has no question before its options',
	'quiz-no-explanation': 'A quiz has no explanation after its options',
	'quiz-answer-owner': 'The correct option of a quiz with `ref` and `owner` names another party than `owner`',
	'duplicate-quiz-id': 'Two quizzes share an id',
	'unclosed-directive': 'A container directive (`:::name`) is never closed',
	'heading-id': 'A heading attribute is invalid, or two headings of a chapter have the same id',
	'flashcard-invalid': 'A flashcards block is not a list of `**Front**: back` items',
	'glossary-conflict': 'A glossary term is defined twice with different text',
	'unknown-term': 'A `:term` refers to a term no flashcard defines',
	// tabs, steps, file trees
	'tabs-invalid': 'A tabs block holds something other than labelled `:::tab` blocks, or a tab is outside tabs',
	'unknown-tab': 'The `default` of a tabs block names no tab of that block',
	'steps-invalid': 'A steps block is not exactly one numbered list',
	'file-tree-invalid': 'A file tree is not one bulleted list of names, comments and nested lists',
	// safe content, links, diagrams
	'unsafe-esm': 'A chapter contains `import` or `export`',
	'unsafe-expression': 'A chapter contains a JavaScript expression',
	'unsafe-jsx': 'A chapter contains a JSX component',
	'unsafe-html': 'A chapter contains raw HTML that is not allowed',
	'unsafe-url': 'A link uses a `javascript:` (or other script) URL',
	'broken-link': 'An internal link points to a page or anchor that does not exist',
	'image-not-found': 'A relative image does not exist',
	'image-outside-course': 'A relative image resolves to a file outside the course folder',
	'image-type': 'A relative image is not a png, jpg, gif, webp or avif file (SVG is not accepted)',
	'malformed-url': 'A link URL cannot be parsed',
	'mermaid-syntax': 'A Mermaid diagram does not parse',
	'diagram-no-alt': 'A Mermaid diagram has no text alternative (`alt="…"` on its fence; a warning)',
	'policy-loosened': 'course.yaml loosens the safe-content policy (a warning, so it is never silent)',
	'parse-error': 'A chapter cannot be parsed (MDX syntax error, bad encoding, empty file)',
	// translations (locales/<tag>/)
	'translation-invalid': 'A translation sets what only the original may (an owner, a chapter’s order), or names a control, party, chapter or locale the course does not have',
	'translation-drift': 'A translated chapter tags different controls than its original (a warning listing the difference)',
} as const;

export type RuleId = keyof typeof RULES;
export type Severity = 'error' | 'warning';

/** Rules that report warnings unless course.yaml (`rules:`) says otherwise; every other rule reports errors. */
export const DEFAULT_SEVERITY: Partial<Record<RuleId, Severity>> = { 'untagged-claim': 'warning', 'untagged-owner-conflict': 'warning', 'policy-loosened': 'warning', 'translation-drift': 'warning', 'diagram-no-alt': 'warning' };

export interface Diagnostic {
	/** Absolute path of the file the problem is in. */
	file: string;
	/** 1-based line and column. */
	line: number;
	column: number;
	ruleId: RuleId;
	severity: Severity;
	message: string;
	/** How to fix it, in one sentence. */
	hint?: string;
}

export interface Place {
	line: number;
	column: number;
}

export function diagnostic(
	file: string,
	place: Place | undefined,
	ruleId: RuleId,
	message: string,
	hint?: string,
	severity: Severity = DEFAULT_SEVERITY[ruleId] ?? 'error',
): Diagnostic {
	return {
		file,
		line: place?.line ?? 1,
		column: place?.column ?? 1,
		ruleId,
		severity,
		message,
		...(hint ? { hint } : {}),
	};
}

/** Stable order: by file, then position, then rule, so output and snapshots do not depend on scheduling. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
	return [...list].sort(
		(a, b) =>
			a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
	);
}

export const hasErrors = (list: Diagnostic[]) => list.some((d) => d.severity === 'error');
