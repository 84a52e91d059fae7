/**
 * The chapter frontmatter contract, the only one: the checker validates it and the pages read the result. No
 * other program parses a chapter's frontmatter (Astro never sees it), so a key means exactly what this schema
 * says — and a key it does not know is an error, not something another tool might act on (`layout:`, `slug:`).
 */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a chapter slug (lowercase-with-dashes)');

export const chapterFrontmatter = z
	.object({
		title: z.string().trim().min(1),
		description: z.string().trim().min(1),
		order: z.number().int().positive(),
		updated: z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
			// The pattern alone accepts 2026-13-45; a real date survives the round trip through Date.
			.refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 10) === s, 'expected a real calendar date as YYYY-MM-DD')
			.optional(),
		concepts: z.array(z.string().trim().min(1)).optional(),
		prerequisites: z.array(slug).optional(),
		next: z.array(slug).optional(),
		/** Checked like any chapter, but left out of the site, the navigation and the search index. */
		draft: z.boolean().optional(),
	})
	.strict();

export type ChapterFrontmatter = z.infer<typeof chapterFrontmatter>;
export const FRONTMATTER_KEYS = Object.keys(chapterFrontmatter.shape);

/** What each field must be, in words (zod's own messages are written for programmers). */
export const FIELD_EXPECTED: Record<string, string> = {
	title: 'a non-empty text',
	description: 'a non-empty text',
	order: 'a positive whole number',
	updated: 'a real date as YYYY-MM-DD',
	concepts: 'a list of texts',
	prerequisites: 'a list of chapter slugs',
	next: 'a list of chapter slugs',
	draft: 'true or false',
};

export const FIELD_HINTS: Record<string, string> = {
	title: 'Add `title: Your chapter title` (quote it if it looks like a number or a date).',
	description: 'Add `description:` with one sentence about the chapter.',
	order: 'Add `order:` with a positive whole number, unique in the course.',
	updated: 'Write the date as `updated: 2026-01-31`.',
	concepts: 'Write concepts as a list: `concepts: [one, two]`.',
	prerequisites: 'List chapter slugs (file names without .mdx): `prerequisites: [shared-responsibility]`.',
	next: 'List chapter slugs (file names without .mdx): `next: [identity-and-access]`.',
	draft: 'Write `draft: true` to keep the chapter out of the site, or remove the line.',
};

/** Keys other tools know, with what to do instead here. */
export const FOREIGN_KEYS: Record<string, string> = {
	slug: 'the file name is the chapter’s slug and URL: rename the file instead',
	layout: 'chapters cannot choose a layout or import code: remove it',
	permalink: 'the file name is the chapter’s URL: rename the file instead',
	sidebar: 'the order in the sidebar is `order:`',
	sidebar_position: 'the order in the sidebar is `order:`',
	tags: 'list the chapter’s ideas in `concepts:`',
	date: 'write the date of the last change as `updated:`',
	lastUpdated: 'write the date of the last change as `updated:`',
};
