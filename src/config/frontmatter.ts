/**
 * The chapter frontmatter contract. Used by the content collection (src/content.config.ts) and by the
 * checker, so the build and `npm run check` accept exactly the same files.
 */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a chapter slug (lowercase-with-dashes)');

export const chapterFrontmatter = z
	.object({
		title: z.string().trim().min(1),
		description: z.string().trim().min(1),
		order: z.number().int().positive(),
		updated: z
			.union([
				z.date(),
				z
					.string()
					.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
					// The pattern alone accepts 2026-13-45; a real date survives the round trip through Date.
					.refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 10) === s, 'expected a real calendar date as YYYY-MM-DD'),
			])
			.transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))
			.optional(),
		concepts: z.array(z.string().trim().min(1)).optional(),
		prerequisites: z.array(slug).optional(),
		next: z.array(slug).optional(),
	})
	// Authors may add their own fields; they pass through untouched.
	.loose();

export type ChapterFrontmatter = z.infer<typeof chapterFrontmatter>;
