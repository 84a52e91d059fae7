/**
 * The safe-content policy: what a chapter may contain besides Markdown and the project's directives.
 *
 * Chapters come from contributors by pull request, so by default they are data, not code: no ESM, no
 * expressions, no components, and only a few harmless HTML elements with a few harmless attributes. A
 * maintainer can loosen this per course in course.yaml (`policy:`), and the checker then prints a
 * `policy-loosened` warning on every run, so a loosened policy is never silent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { CourseConfig } from '../../course/course-config.ts';
import { diagnostic } from '../diagnostics.ts';
import type { CourseRule } from './course-rules.ts';

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

/**
 * The notice: a warning on course.yaml's `policy:` line whenever the policy is looser than the default. It is
 * a diagnostic, so the CLI, the build log and GitHub annotations on a pull request all show it.
 */
export const policyNotice: CourseRule = ({ courseDir, config, diagnostics }) => {
	const policy = resolvePolicy(config.policy);
	if (!isLoosened(policy)) return;
	const file = path.join(courseDir, 'course.yaml');
	diagnostics.push(
		diagnostic(
			file,
			{ line: keyLine(file, 'policy'), column: 1 },
			'policy-loosened',
			`The safe-content policy is loosened: chapters may also use ${describeLoosening(policy).join('; and ')}`,
			'Review chapters that use these with care. Remove `policy:` from course.yaml to restore the default (Markdown and directives only).',
			'warning',
		),
	);
};

/** Line of a top-level key in a YAML file (1 when it cannot be found). */
function keyLine(file: string, key: string): number {
	try {
		const lc = new LineCounter();
		const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: lc });
		if (isMap(doc.contents))
			for (const pair of doc.contents.items) if (isScalar(pair.key) && pair.key.value === key && pair.key.range) return lc.linePos(pair.key.range[0]).line;
	} catch {}
	return 1;
}
