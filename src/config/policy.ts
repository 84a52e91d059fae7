/**
 * The safe-content policy: what a chapter may contain besides Markdown and the project's directives.
 *
 * Chapters come from contributors by pull request, so by default they are data, not code: no ESM, no
 * expressions, no components, and only a few harmless HTML elements with a few harmless attributes. A
 * maintainer can loosen this per course in course.yaml (`policy:`), and the checker then prints a
 * `policy-loosened` warning on every run, so a loosened policy is never silent.
 *
 * The same tables drive the checker (which reports what a chapter may not use) and the sanitizer that every
 * rendered chapter passes (src/render/sanitize.ts), so the check allows exactly what the page keeps.
 */
import { find, html } from 'property-information';
import type { CourseConfig } from './course.ts';

/** Phrasing-level elements with no Markdown equivalent and no way to run code or restyle the page. */
export const SAFE_ELEMENTS: ReadonlySet<string> = new Set([
	'abbr', 'br', 'cite', 'del', 'details', 'dfn', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'sub', 'summary', 'sup', 'time', 'u', 'var', 'wbr',
]);

/** Attributes allowed on the safe elements (`cite` is a URL and is checked like one). */
export const SAFE_ATTRIBUTES: ReadonlySet<string> = new Set(['title', 'lang', 'dir', 'open', 'datetime', 'cite']);

/**
 * Elements no policy can allow. They run code (script, object, embed, applet, foreign SVG/MathML content and
 * its animation elements), parse their content as raw text so that an attribute value can close them and
 * inject markup (iframe, textarea, noscript, noembed, noframes, xmp, plaintext, title, style, template),
 * change the page itself (link, meta, base), or collect and send readers' input (form controls). A course that
 * needs them needs components, which is `policy.allowMdx`.
 */
export const NEVER_ELEMENTS: ReadonlySet<string> = new Set([
	'script', 'style', 'link', 'meta', 'base', 'title', 'template', 'slot', 'portal',
	'iframe', 'frame', 'frameset', 'fencedframe', 'object', 'embed', 'applet', 'param',
	'textarea', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'listing',
	'form', 'input', 'button', 'select', 'option', 'optgroup', 'datalist', 'output', 'dialog',
	'svg', 'math', 'set', 'animate', 'animatemotion', 'animatetransform', 'foreignobject', 'use', 'image',
]);

/**
 * Attributes an element added by `policy.allowHtml` may carry: the text and table attributes of GitHub's
 * sanitizer schema, and the URL attributes of links and images (checked for script URLs). Never event
 * handlers, `style`, `id`/`name` (which could shadow the page's own ids and scripts' globals), `class`, or a
 * name with a `:` (which Astro and frameworks read as instructions: `set:html`, `is:raw`, `v-on:click`).
 */
export const LOOSENED_ATTRIBUTES: ReadonlySet<string> = new Set([
	'abbr', 'align', 'alt', 'axis', 'border', 'cellpadding', 'cellspacing', 'char', 'charoff', 'cite', 'clear', 'colspan', 'color',
	'cols', 'compact', 'coords', 'datetime', 'dir', 'headers', 'height', 'href', 'hreflang', 'lang', 'longdesc', 'nowrap', 'noshade',
	'open', 'rev', 'rowspan', 'rows', 'rules', 'scope', 'shape', 'size', 'span', 'src', 'start', 'summary', 'title', 'valign', 'width',
]);

/** Why a name can never be allowed in `policy.allowHtml`, or undefined when it may be. */
export function neverAllowed(name: string): string | undefined {
	if (/^[A-Za-z][A-Za-z0-9]*$/.test(name) && name !== name.toLowerCase()) return `element names are written in lowercase: ${name.toLowerCase()}`;
	if (!/^[a-z][a-z0-9]*$/.test(name)) return 'only standard HTML element names are accepted (custom elements such as the site’s own search widgets are not)';
	if (NEVER_ELEMENTS.has(name)) return `<${name}> runs code, reads its content as raw text, changes the page or collects input`;
	return undefined;
}

export interface ContentPolicy {
	/** Elements allowed on top of SAFE_ELEMENTS, with the attributes in LOOSENED_ATTRIBUTES. */
	allowHtml: ReadonlySet<string>;
	/** ESM, expressions and components allowed: chapters are trusted code, compiled by @astrojs/mdx. */
	allowMdx: boolean;
}

export const STRICT_POLICY: ContentPolicy = { allowHtml: new Set(), allowMdx: false };

export function resolvePolicy(config?: CourseConfig['policy']): ContentPolicy {
	if (!config) return STRICT_POLICY;
	const allowHtml = new Set((config.allowHtml ?? []).map((n) => n.toLowerCase()).filter((n) => !neverAllowed(n) && !SAFE_ELEMENTS.has(n)));
	return { allowHtml, allowMdx: config.allowMdx === true };
}

export const isLoosened = (p: ContentPolicy) => p.allowMdx || p.allowHtml.size > 0;

/** The attributes (HTML names) an element written in a chapter may carry under the policy. */
export function allowedAttributes(element: string, policy: ContentPolicy): ReadonlySet<string> {
	if (SAFE_ELEMENTS.has(element)) return SAFE_ATTRIBUTES;
	if (policy.allowHtml.has(element)) return LOOSENED_ATTRIBUTES;
	return new Set();
}

const properties = new Map<string, string>();

/** HTML attribute name → hast property name (`datetime` → `dateTime`), for the sanitizer's schema. */
export function propertyOf(attribute: string): string {
	let property = properties.get(attribute);
	if (property === undefined) properties.set(attribute, (property = find(html, attribute).property));
	return property;
}

/** What a loosened policy allows, in words, for the notice. */
export function describeLoosening(p: ContentPolicy): string[] {
	const parts: string[] = [];
	if (p.allowHtml.size) parts.push(`raw HTML ${[...p.allowHtml].sort().map((n) => `<${n}>`).join(', ')} (policy.allowHtml)`);
	if (p.allowMdx) parts.push('import/export, {expressions} and JSX components, which run on the build machine (policy.allowMdx)');
	return parts;
}
