/**
 * The safe-content policy: what a chapter may contain besides Markdown and the project's directives.
 *
 * Chapters come from contributors by pull request, so by default they are data, not code: no ESM, no
 * expressions, no components, and only a few harmless HTML elements with a few harmless attributes. A
 * maintainer can loosen this per course in course.yaml (`policy:`), and the checker then prints a
 * `policy-loosened` warning on every run, so a loosened policy is never silent.
 */
import type { CourseConfig } from './course.ts';

/** Phrasing-level elements with no Markdown equivalent and no way to run code or restyle the page. */
export const SAFE_ELEMENTS: ReadonlySet<string> = new Set([
	'abbr', 'br', 'cite', 'del', 'details', 'dfn', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'sub', 'summary', 'sup', 'time', 'u', 'var', 'wbr',
]);

/** Attributes allowed on the safe elements (`cite` is a URL and is checked like one). */
export const SAFE_ATTRIBUTES: ReadonlySet<string> = new Set(['title', 'lang', 'dir', 'open', 'datetime', 'cite']);

/**
 * Elements no policy can allow: they run code or change the page itself (its scripts, styles, base URL).
 * A course that needs them needs a component, which is `policy.allowMdx`.
 */
export const NEVER_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'link', 'meta', 'base']);

export interface ContentPolicy {
	/** Elements allowed on top of SAFE_ELEMENTS (attributes other than `on*`, `style`, `srcdoc` allowed). */
	allowHtml: ReadonlySet<string>;
	/** ESM, expressions and components allowed: chapters are trusted code. */
	allowMdx: boolean;
}

export const STRICT_POLICY: ContentPolicy = { allowHtml: new Set(), allowMdx: false };

export function resolvePolicy(config?: CourseConfig['policy']): ContentPolicy {
	if (!config) return STRICT_POLICY;
	const allowHtml = new Set((config.allowHtml ?? []).map((n) => n.toLowerCase()).filter((n) => !NEVER_ELEMENTS.has(n) && !SAFE_ELEMENTS.has(n)));
	return { allowHtml, allowMdx: config.allowMdx === true };
}

export const isLoosened = (p: ContentPolicy) => p.allowMdx || p.allowHtml.size > 0;

/** What a loosened policy allows, in words, for the notice. */
export function describeLoosening(p: ContentPolicy): string[] {
	const parts: string[] = [];
	if (p.allowHtml.size) parts.push(`raw HTML ${[...p.allowHtml].sort().map((n) => `<${n}>`).join(', ')} (policy.allowHtml)`);
	if (p.allowMdx) parts.push('import/export, {expressions} and JSX components, which run on the build machine (policy.allowMdx)');
	return parts;
}
