/**
 * The second line of defence. Every rendered chapter passes `hast-util-sanitize` with GitHub's schema (the one
 * its own Markdown rendering is built on), extended with exactly what the directives of this project emit and
 * what the course's policy allows. The checker already refuses anything else, so on a checked chapter the
 * sanitizer removes nothing (tests/render/sanitize.test.ts asserts it); if a rule ever misses something, this
 * still cannot put script on the page.
 */
import type { Root } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { type ContentPolicy, LOOSENED_ATTRIBUTES, neverAllowed, propertyOf } from '../config/policy.ts';

/**
 * Elements the directives emit (src/directives/*) beyond GitHub's: quizzes, exercises, flashcards; and the
 * renderer's own (src/render/chapter.ts, render.ts): `figure` for diagrams and titled code blocks, `div` scroll
 * containers around tables (with `tabIndex`, `role`, `ariaLabel` below).
 */
const DIRECTIVE_TAGS = ['section', 'form', 'fieldset', 'legend', 'label', 'input', 'button', 'dfn', 'figure', 'figcaption', 'nav'];

/** Attributes the directives emit, on any of their elements. `data*` covers data-ref, data-owner, data-quiz… */
const DIRECTIVE_ATTRIBUTES = ['className', 'id', 'role', 'hidden', 'ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy', 'ariaLive', 'ariaHidden', 'ariaControls', 'ariaExpanded', 'ariaSelected', 'tabIndex', 'data*'];

const SPECIFIC: Schema['attributes'] = {
	input: [['type', 'radio', 'checkbox'], 'name', 'value', 'checked', 'disabled'],
	button: [['type', 'button', 'submit', 'reset']],
	img: ['loading', 'decoding'],
	a: ['rel'],
	details: ['open'],
};

const cache = new Map<string, Schema>();

export function sanitizeSchema(policy: ContentPolicy): Schema {
	const key = [...policy.allowHtml].sort().join(',');
	let schema = cache.get(key);
	if (schema) return schema;
	const loosened = [...policy.allowHtml].filter((n) => !neverAllowed(n));
	const attributes: NonNullable<Schema['attributes']> = {};
	// GitHub restricts classes to its own (task lists, footnotes); ours are everywhere, and a chapter cannot
	// write one (the checker refuses `class`), so `className` is allowed on every element below.
	for (const [tag, list] of Object.entries(defaultSchema.attributes ?? {})) attributes[tag] = list.filter((d) => (typeof d === 'string' ? d : d[0]) !== 'className');
	attributes['*'] = [...(attributes['*'] ?? []), ...DIRECTIVE_ATTRIBUTES];
	// Our definitions for these elements replace GitHub's (an entry found first wins).
	for (const [tag, list] of Object.entries(SPECIFIC ?? {})) attributes[tag] = [...list, ...(attributes[tag] ?? []).filter((d) => !list.some((l) => (typeof l === 'string' ? l : l[0]) === (typeof d === 'string' ? d : d[0])))];
	// Elements a maintainer allowed get the policy's attributes, and no more.
	for (const tag of loosened) attributes[tag] = [...(attributes[tag] ?? []), ...[...LOOSENED_ATTRIBUTES].map(propertyOf)];
	schema = {
		...defaultSchema,
		tagNames: [...new Set([...(defaultSchema.tagNames ?? []), ...DIRECTIVE_TAGS, ...loosened])],
		attributes,
		// Our ids (headings, quizzes, terms) are the anchors links point at: no `user-content-` prefix. Chapters
		// cannot write `id` or `name` themselves (the checker refuses them), so nothing can clobber the page's.
		clobber: [],
		clobberPrefix: '',
		// Raster `data:` images are accepted by the checker; in an <img> no data: URL can run script.
		protocols: { ...defaultSchema.protocols, src: ['http', 'https', 'data'] },
		// GitHub only allows disabled checkboxes (task lists); quizzes and exercises need live inputs.
		required: {},
		strip: ['script', 'style', 'template', 'textarea', 'title', 'xmp', 'noscript', 'noembed', 'noframes', 'iframe', 'plaintext'],
	};
	cache.set(key, schema);
	return schema;
}

export function sanitizeChapter(tree: Root, policy: ContentPolicy): Root {
	return sanitize(tree, sanitizeSchema(policy)) as Root;
}
