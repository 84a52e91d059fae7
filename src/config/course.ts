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
export const httpUrl = z.string().refine(
	(s) => {
		try {
			const u = new URL(s);
			return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && /^https?:\/\//i.test(s);
		} catch {
			return false;
		}
	},
	{ error: (i) => `Unexpected URL ${JSON.stringify(i.input)}, expected an http(s) address such as https://example.org` },
).meta({ format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' });

/**
 * `repository: { url, branch, path }`: the repository's address, the branch to edit (default `main`) and the
 * course folder's path inside the repository (default: found from git, else its path in the project folder).
 */
const repositoryObject = z
	.object({
		url: httpUrl.describe('The repository\'s address, e.g. https://github.com/owner/course.'),
		branch: z
			.string()
			.regex(/^(?!\/)(?!.*(?:\.\.|\/\/|@\{))(?!.*[./]$)[A-Za-z0-9._\/-]+$/, { error: 'expected a branch name such as main or release/2026' })
			.optional()
			.describe('The branch that "Edit this page" opens (default main).'),
		path: z
			.string()
			.regex(/^(?:[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*)?\/?$/, { error: 'expected the course folder’s path in the repository, such as content or courses/security (no leading slash, no ..)' })
			.refine((p) => !p.split('/').includes('..'), { error: 'expected a path inside the repository (no ..)' })
			.optional()
			.describe('The course folder\'s path in the repository, e.g. content (default: found from git, else its path in the project).'),
	})
	.strict();

export const basePath = z
	.string()
	.refine((s) => BASE_PATTERN.test(s), {
		error: (i) => `Unexpected base ${JSON.stringify(i.input)}, expected a path that starts with / (letters, digits, . _ ~ - and single slashes; no backslash, no //)`,
	})
	.meta({ pattern: BASE_PATTERN.source });

const positiveInt = z.number().int().positive();

/** An interface string: a text, or plural forms (`one`, `other`, …; `other` required). See src/core/messages.ts. */
const message = z.union([
	z.string(),
	z.object({ zero: z.string().optional(), one: z.string().optional(), two: z.string().optional(), few: z.string().optional(), many: z.string().optional(), other: z.string() }).strict(),
]);
/** `ui:` — interface strings by key (src/i18n/keys.ts); which keys exist is checked with the course (uiKeys). */
export const uiOverrides = z.record(z.string(), message);

export const courseConfigSchema = z
	.object({
		title: z.string().trim().min(1).describe('The course title, shown on every page.'),
		description: z.string().trim().min(1).describe('One sentence about the course: the home page and search results show it.'),
		language: languageTag.default('en').describe('The language of the chapters, a BCP 47 tag such as en, de or pt-BR (default en).'),
		/** Deploy path prefix, e.g. `/my-course/` for GitHub Pages project sites. `BASE_PATH` overrides it. */
		base: basePath.optional().describe('The deploy path, e.g. /my-course/ for a GitHub Pages project site (default /). BASE_PATH and the integration option override it.'),
		/**
		 * The site's address (`https://example.org`, or with the deploy path). With it, pages get canonical links and
		 * OpenGraph and Twitter card tags, and the build writes a sitemap. `SITE_URL` overrides it for a deploy.
		 */
		site: httpUrl.optional().describe('The site\'s absolute address, e.g. https://example.org: canonical links, social tags and a sitemap. SITE_URL and the integration option override it.'),
		author: z.string().optional().describe('Who wrote the course.'),
		/** Where the course's sources live: every chapter page links to its file there ("Edit this page"). */
		repository: z
			.union([httpUrl, repositoryObject], { error: 'expected an http(s) address, or { url, branch, path }' })
			.optional()
			.describe('The course\'s repository, e.g. https://github.com/owner/course, or { url, branch, path }: every chapter links to its source file there ("Edit this page").'),
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
					.optional()
					.describe('Extra HTML elements chapters may use, e.g. [figure, figcaption] (never script-capable ones).'),
				/** Chapters may use import/export, expressions and components: they are trusted code. */
				allowMdx: z.boolean().optional().describe('Chapters are trusted code, compiled as MDX: never build untrusted pull requests with secrets in the environment.'),
			})
			.strict()
			.optional()
			.describe('Loosen the safe-content policy; every check then prints a policy-loosened warning.'),
		/** Raise (or lower) the limits on one chapter (src/core/limits.ts). */
		limits: z
			.object({ chapterBytes: positiveInt.optional().describe('The largest chapter, in bytes (default 4 MB).'), depth: positiveInt.max(1000).optional().describe('The deepest nesting of a chapter (default 40).') })
			.strict()
			.optional()
			.describe('Raise (or lower) the limits on one chapter.'),
		/** Severity per rule id: `off`, `warning` or `error` (./rules.ts). */
		rules: rulesConfigSchema.optional().describe('The severity of rules by id: off, warning or error (npm run check -- --list-rules lists them).'),
		/** Translations of the course (`locales/<tag>/`), served at `/<tag>/…`; the default locale is `language`. */
		locales: z.array(languageTag).optional().describe('Translations of the course, in locales/<tag>/, served at /<tag>/ (language tags other than `language`).'),
		/** Interface strings that replace the built-in ones of `language`. */
		ui: uiOverrides.optional().describe('Interface strings that replace the built-in ones of `language`, by key.'),
	})
	.strict()
	.superRefine((c, ctx) => {
		(c.locales ?? []).forEach((l, i) => {
			if (l.toLowerCase() === c.language.toLowerCase()) ctx.addIssue({ code: 'custom', path: ['locales', i], message: `${JSON.stringify(l)} is the course's own language (\`language: ${c.language}\`), not a translation` });
			else if (c.locales!.findIndex((o) => o.toLowerCase() === l.toLowerCase()) < i) ctx.addIssue({ code: 'custom', path: ['locales', i], message: `${JSON.stringify(l)} is listed twice` });
		});
	});

/** `locales/<tag>/course.yaml`: what a translation may translate. */
export const translationConfigSchema = z
	.object({ title: z.string().trim().min(1).optional(), description: z.string().trim().min(1).optional(), ui: uiOverrides.optional() })
	.strict();
export type TranslationConfig = z.infer<typeof translationConfigSchema>;

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
	repository: 'Write the repository’s address, e.g. `repository: https://github.com/owner/course`, or `repository: { url: …, branch: main, path: content }`.',
	policy: '`policy:` takes `allowHtml: [figure, …]` (lowercase element names) and `allowMdx: true`; see "Safe content" in CONTRIBUTING.md.',
	limits: '`limits:` takes `chapterBytes:` and `depth:` (positive whole numbers); see docs/authoring.md.',
	rules: RULES_HINT,
	locales: 'List the translations by language tag, e.g. `locales: [de, es]`; each lives in `locales/<tag>/` (see docs/authoring.md).',
	ui: 'Write interface strings by key, e.g. `ui: { home.start: "Begin here" }`, or plural forms `{ one: …, other: … }` (keys: docs/authoring.md, “Interface strings”).',
};

export interface ConfigOptions {
	/** The interface keys `ui:` may set (src/i18n/keys.ts); without them `ui:` keys are not checked. */
	uiKeys?: readonly string[];
}

export function loadCourseConfig(courseDir: string, options: ConfigOptions = {}): { config: CourseConfig; diagnostics: Diagnostic[] } {
	const file = courseFile(courseDir);
	const fallback: CourseConfig = { title: 'Untitled course', description: '', language: 'en' };
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch {
		return { config: fallback, diagnostics: [diagnostic(file, undefined, 'course-config', 'course.yaml is missing', 'Create course.yaml with `title:` and `description:`.')] };
	}
	return parseCourseConfig(text, file, options);
}

export function parseCourseConfig(text: string, file: string, options: ConfigOptions = {}): { config: CourseConfig; diagnostics: Diagnostic[] } {
	const fallback: CourseConfig = { title: 'Untitled course', description: '', language: 'en' };
	const yaml = readYaml(text);
	if (yaml.problems.length)
		return { config: fallback, diagnostics: yaml.problems.map((p) => diagnostic(file, p.place, 'course-config', `course.yaml is not valid YAML: ${p.message}`, 'Fix the YAML syntax (indentation, colons, quotes).')) };
	const raw = yaml.value ?? {};
	const parsed = courseConfigSchema.safeParse(raw, { reportInput: true });
	if (parsed.success) return { config: parsed.data, diagnostics: uiKeyProblems(parsed.data.ui, yaml, file, options) };
	const diagnostics: Diagnostic[] = [];
	for (const issue of parsed.error.issues) {
		if (issue.code === 'unrecognized_keys') {
			const known = issue.path.length === 0 ? Object.keys(courseConfigSchema.shape) : nestedKeys(String(issue.path[0]));
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
	const config = salvage(raw, parsed.error.issues) ?? fallback;
	return { config, diagnostics: [...diagnostics, ...uiKeyProblems(config.ui, yaml, file, options)] };
}

/** `ui:` keys that are not interface keys: each at its line, with the closest key. */
function uiKeyProblems(ui: Record<string, unknown> | undefined, yaml: ReturnType<typeof readYaml>, file: string, { uiKeys }: ConfigOptions): Diagnostic[] {
	if (!ui || !uiKeys) return [];
	return Object.keys(ui)
		.filter((key) => !uiKeys.includes(key))
		.map((key) => {
			const s = suggest(key, uiKeys);
			return diagnostic(file, yaml.keyPlace(['ui', key]), 'course-config', `Unexpected interface key \`${key}\` in \`ui:\`.${didYouMean(s)}`, s ? `Rename it to \`${s}\`.` : 'Use one of the keys listed in docs/authoring.md (“Interface strings”).');
		});
}

/** The keys of a nested object of course.yaml (`policy`, `limits`, the object form of `repository`). */
function nestedKeys(key: string): string[] {
	const field = courseConfigSchema.shape[key as keyof typeof courseConfigSchema.shape] as unknown as { unwrap(): { options?: unknown[]; shape?: object } };
	const inner = field.unwrap();
	const object = (inner.options ?? [inner]).find((o): o is { shape: object } => typeof (o as { shape?: unknown }).shape === 'object');
	return object ? Object.keys(object.shape) : [];
}

/**
 * `locales/<tag>/course.yaml` of a translation: its title, description and interface strings. A missing file
 * is no problem (the original's title and description are used); anything else it sets is an error.
 */
export function loadTranslationConfig(file: string, options: ConfigOptions = {}): { config: TranslationConfig; diagnostics: Diagnostic[] } {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch {
		return { config: {}, diagnostics: [] };
	}
	const yaml = readYaml(text);
	if (yaml.problems.length) return { config: {}, diagnostics: yaml.problems.map((p) => diagnostic(file, p.place, 'course-config', `course.yaml is not valid YAML: ${p.message}`, 'Fix the YAML syntax (indentation, colons, quotes).')) };
	const raw = yaml.value ?? {};
	const parsed = translationConfigSchema.safeParse(raw, { reportInput: true });
	if (parsed.success) return { config: parsed.data, diagnostics: uiKeyProblems(parsed.data.ui, yaml, file, options) };
	const diagnostics: Diagnostic[] = [];
	const known = Object.keys(translationConfigSchema.shape);
	for (const issue of parsed.error.issues) {
		if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
			for (const key of issue.keys) {
				const s = key in courseConfigSchema.shape ? undefined : suggest(key, known);
				diagnostics.push(
					diagnostic(file, yaml.keyPlace([key]), 'course-config', `Unexpected key \`${key}\` in a translation's course.yaml${key in courseConfigSchema.shape ? ': it is set once, in the course’s own course.yaml' : `.${didYouMean(s)}`}`, s ? `Rename it to \`${s}\`.` : `Remove it; a translation's course.yaml has ${known.join(', ')}.`),
				);
			}
			continue;
		}
		const field = String(issue.path[0] ?? '');
		diagnostics.push(diagnostic(file, yaml.valuePlace(issue.path), 'course-config', `\`${issue.path.join('.')}\`: unexpected value ${JSON.stringify(issue.input)}, ${issue.message.replace(/^Invalid input: /, '')}`, HINTS[field] ?? 'See “Translations” in docs/authoring.md.'));
	}
	const again = translationConfigSchema.safeParse(Object.fromEntries(Object.entries(raw as object).filter(([k]) => k in translationConfigSchema.shape && !parsed.error.issues.some((i) => i.path[0] === k))));
	return { config: again.success ? again.data : {}, diagnostics };
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
