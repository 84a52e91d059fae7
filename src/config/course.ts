/** `course.yaml`: the course's title and site-wide settings. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { NEVER_ELEMENTS } from './policy.ts';

export const courseConfigSchema = z
	.object({
		title: z.string().trim().min(1),
		description: z.string().trim().min(1),
		language: z.string().default('en'),
		/** Deploy path prefix, e.g. `/my-course/` for GitHub Pages project sites. `BASE_PATH` overrides it. */
		base: z.string().optional(),
		/** Absolute site URL, used for canonical links. */
		site: z.url().optional(),
		author: z.string().optional(),
		repository: z.url().optional(),
		/**
		 * Loosen the safe-content policy (src/check/rules/policy.ts) for this course. Never silent: every check
		 * and build prints a `policy-loosened` warning saying what is allowed. Strict: a misspelt key is an error.
		 */
		policy: z
			.object({
				/** Extra HTML elements chapters may use, e.g. [iframe, figure]. `on*`, `style` and script URLs stay forbidden. */
				allowHtml: z
					.array(
						z
							.string()
							.regex(/^[a-z][a-z0-9-]*$/, { error: (i) => `Unexpected ${JSON.stringify(i.input)}, expected a lowercase HTML element name such as figure` })
							.refine((name) => !NEVER_ELEMENTS.has(name), { error: (i) => `<${String(i.input)}> can never be allowed: ${[...NEVER_ELEMENTS].join(', ')} run code or change the page itself` }),
					)
					.optional(),
				/** Chapters may use import/export, expressions and components: they are trusted code. */
				allowMdx: z.boolean().optional(),
			})
			.strict()
			.optional(),
	})
	.loose();

export type CourseConfig = z.infer<typeof courseConfigSchema>;

export function loadCourseConfig(courseDir: string): { config: CourseConfig; diagnostics: Diagnostic[] } {
	const file = path.join(courseDir, 'course.yaml');
	const fallback: CourseConfig = { title: 'Untitled course', description: '', language: 'en' };
	let raw: unknown;
	try {
		raw = parse(fs.readFileSync(file, 'utf8'));
	} catch (error) {
		const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
		return {
			config: fallback,
			diagnostics: [diagnostic(file, undefined, 'course-config', missing ? 'course.yaml is missing' : `course.yaml is not valid YAML: ${(error as Error).message.split('\n')[0]}`, 'Create course.yaml with `title:` and `description:`.')],
		};
	}
	const parsed = courseConfigSchema.safeParse(raw);
	if (parsed.success) return { config: parsed.data, diagnostics: [] };
	return {
		config: fallback,
		diagnostics: parsed.error.issues.map((i) => diagnostic(file, undefined, 'course-config', `course.yaml: \`${i.path.join('.')}\`: ${i.message}`, i.path[0] === 'policy' ? POLICY_HINT : 'course.yaml needs `title:` and `description:` strings.')),
	};
}

const POLICY_HINT = '`policy:` takes `allowHtml: [figure, …]` (lowercase element names) and `allowMdx: true`; see "Safe content" in CONTRIBUTING.md.';
