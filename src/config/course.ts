/** `course.yaml`: the course's title and site-wide settings. Every problem is reported at its own line and column. */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { DEFAULT_LIMITS, type Limits } from '../core/limits.ts';
import { BASE_PATTERN } from '../core/routes.ts';
import { didYouMean, suggest } from '../core/suggest.ts';
import { readYaml } from '../core/yaml.ts';
import { neverAllowed } from './policy.ts';
import { RULES_HINT, rulesConfigSchema } from './rules.ts';

/** A BCP 47 language tag that `Intl` accepts (`en`, `de-CH`, `zh-Hant`). */
const languageTag = z.string().refine(
	(s) => {
		try {
			return Intl.getCanonicalLocales(s).length === 1;
		} catch {
			return false;
		}
	},
	{ error: (i) => `Unexpected language ${JSON.stringify(i.input)}, expected a BCP 47 language tag such as en, de or pt-BR` },
);

/** An absolute http(s) URL without credentials. */
const httpUrl = z.string().refine(
	(s) => {
		try {
			const u = new URL(s);
			return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && /^https?:\/\//i.test(s);
		} catch {
			return false;
		}
	},
	{ error: (i) => `Unexpected URL ${JSON.stringify(i.input)}, expected an http(s) address such as https://example.org` },
);

export const basePath = z.string().refine((s) => BASE_PATTERN.test(s), {
	error: (i) => `Unexpected base ${JSON.stringify(i.input)}, expected a path that starts with / (letters, digits, . _ ~ - and single slashes; no backslash, no //)`,
});

const positiveInt = z.number().int().positive();

export const courseConfigSchema = z
	.object({
		title: z.string().trim().min(1),
		description: z.string().trim().min(1),
		language: languageTag.default('en'),
		/** Deploy path prefix, e.g. `/my-course/` for GitHub Pages project sites. `BASE_PATH` overrides it. */
		base: basePath.optional(),
		/** Absolute site URL, used for canonical links. */
		site: httpUrl.optional(),
		author: z.string().optional(),
		repository: httpUrl.optional(),
		/**
		 * Loosen the safe-content policy (src/config/policy.ts) for this course. Never silent: every check and
		 * build prints a `policy-loosened` warning saying what is allowed. Strict: a misspelt key is an error.
		 */
		policy: z
			.object({
				/** Extra HTML elements chapters may use, e.g. [figure, figcaption]. */
				allowHtml: z
					.array(
						z
							.string()
							.refine((name) => !neverAllowed(name), {
								error: (i) => (/[A-Z]/.test(String(i.input)) ? `Unexpected "${String(i.input)}": ${neverAllowed(String(i.input))}` : `<${String(i.input)}> can never be allowed: ${neverAllowed(String(i.input))}`),
							}),
					)
					.optional(),
				/** Chapters may use import/export, expressions and components: they are trusted code. */
				allowMdx: z.boolean().optional(),
			})
			.strict()
			.optional(),
		/** Raise (or lower) the limits on one chapter (src/core/limits.ts). */
		limits: z
			.object({ chapterBytes: positiveInt.optional(), depth: positiveInt.max(1000).optional() })
			.strict()
			.optional(),
		/** Severity per rule id: `off`, `warning` or `error` (./rules.ts). */
		rules: rulesConfigSchema.optional(),
	})
	.strict();

export type CourseConfig = z.infer<typeof courseConfigSchema>;

export const courseFile = (courseDir: string) => path.join(courseDir, 'course.yaml');

export const limitsOf = (config: CourseConfig): Limits => ({
	chapterBytes: config.limits?.chapterBytes ?? DEFAULT_LIMITS.chapterBytes,
	depth: config.limits?.depth ?? DEFAULT_LIMITS.depth,
});

const HINTS: Record<string, string> = {
	title: 'Write `title: Your course title`.',
	description: 'Write `description:` with one sentence about the course.',
	language: 'Write a language tag such as `language: en` or `language: de-CH`.',
	base: 'Write the deploy path, e.g. `base: /my-course/` (or `/` for a site of its own).',
	site: 'Write the site’s address, e.g. `site: https://example.org`.',
	repository: 'Write the repository’s address, e.g. `repository: https://github.com/owner/course`.',
	policy: '`policy:` takes `allowHtml: [figure, …]` (lowercase element names) and `allowMdx: true`; see "Safe content" in CONTRIBUTING.md.',
	limits: '`limits:` takes `chapterBytes:` and `depth:` (positive whole numbers); see docs/authoring.md.',
	rules: RULES_HINT,
};

export function loadCourseConfig(courseDir: string): { config: CourseConfig; diagnostics: Diagnostic[] } {
	const file = courseFile(courseDir);
	const fallback: CourseConfig = { title: 'Untitled course', description: '', language: 'en' };
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch {
		return { config: fallback, diagnostics: [diagnostic(file, undefined, 'course-config', 'course.yaml is missing', 'Create course.yaml with `title:` and `description:`.')] };
	}
	return parseCourseConfig(text, file);
}

export function parseCourseConfig(text: string, file: string): { config: CourseConfig; diagnostics: Diagnostic[] } {
	const fallback: CourseConfig = { title: 'Untitled course', description: '', language: 'en' };
	const yaml = readYaml(text);
	if (yaml.problems.length)
		return { config: fallback, diagnostics: yaml.problems.map((p) => diagnostic(file, p.place, 'course-config', `course.yaml is not valid YAML: ${p.message}`, 'Fix the YAML syntax (indentation, colons, quotes).')) };
	const raw = yaml.value ?? {};
	const parsed = courseConfigSchema.safeParse(raw, { reportInput: true });
	if (parsed.success) return { config: parsed.data, diagnostics: [] };
	const diagnostics: Diagnostic[] = [];
	for (const issue of parsed.error.issues) {
		if (issue.code === 'unrecognized_keys') {
			const known = issue.path.length === 0 ? Object.keys(courseConfigSchema.shape) : Object.keys((courseConfigSchema.shape[issue.path[0] as 'policy'] as unknown as { unwrap(): z.ZodObject }).unwrap().shape);
			for (const key of issue.keys) {
				const s = suggest(key, known);
				diagnostics.push(
					diagnostic(file, yaml.keyPlace([...issue.path, key]), 'course-config', `Unexpected key \`${[...issue.path, key].join('.')}\` in course.yaml.${didYouMean(s)}`, s ? `Rename it to \`${s}\`.` : `Remove it (keys: ${known.join(', ')}).`),
				);
			}
			continue;
		}
		const field = issue.path.join('.');
		const missing = issue.code === 'invalid_type' && issue.input === undefined;
		const place = missing ? { line: 1, column: 1 } : yaml.valuePlace(issue.path);
		const message = missing ? `Missing required key \`${field}\` in course.yaml` : issue.code === 'custom' ? `\`${field}\`: ${issue.message}` : `\`${field}\`: unexpected value ${JSON.stringify(issue.input)}, ${issue.message.replace(/^Invalid input: /, '')}`;
		diagnostics.push(diagnostic(file, place, 'course-config', message, HINTS[String(issue.path[0])] ?? 'See course.yaml in docs/authoring.md.'));
	}
	return { config: salvage(raw, parsed.error.issues) ?? fallback, diagnostics };
}

/**
 * The course.yaml without the values that were reported, so that one bad entry (`allowHtml: [svg, figure]`)
 * does not also turn the rest of the file off and cascade into every chapter. Undefined when that fails too.
 */
function salvage(raw: unknown, issues: z.core.$ZodIssue[]): CourseConfig | undefined {
	const copy = structuredClone(raw) as Record<string, unknown>;
	const remove = (path: readonly PropertyKey[], keys?: string[]) => {
		let node: unknown = copy;
		for (const key of path.slice(0, keys ? path.length : -1)) node = (node as Record<PropertyKey, unknown> | undefined)?.[key as string];
		if (!node || typeof node !== 'object') return;
		if (keys) for (const k of keys) delete (node as Record<string, unknown>)[k];
		else if (Array.isArray(node)) node[path.at(-1) as number] = undefined;
		else delete (node as Record<PropertyKey, unknown>)[path.at(-1) as string];
	};
	for (const issue of issues) {
		if (issue.code === 'unrecognized_keys') remove(issue.path, issue.keys);
		else if (issue.path.length) remove(issue.path);
	}
	// Array entries were blanked in place (so later indexes stayed right): drop them now.
	const compact = (v: unknown): unknown => (Array.isArray(v) ? v.filter((x) => x !== undefined).map(compact) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)])) : v);
	const again = courseConfigSchema.safeParse(compact(copy));
	return again.success ? again.data : undefined;
}
