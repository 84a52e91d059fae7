/** Shared shapes of the importer (src/cli/import.ts). */

/** The generators the importer reads. */
export const FLAVOURS = ['starlight', 'docusaurus'] as const;
export type Flavour = (typeof FLAVOURS)[number];

/**
 * Something the importer tells the author about one page, at a line of the source file. `construct` set: a
 * construct it could not convert (left as written, so the checker points at it too); otherwise a change made
 * on the author's behalf (a synthesised description, dropped frontmatter keys).
 */
export interface Note {
	line: number;
	text: string;
	construct?: string;
}

/** One page of the source site, as the importer plans to write it. */
export interface PagePlan {
	/** Path in the source folder, with `/` separators: `guides/setup.mdx`. */
	source: string;
	/** Path in the course's chapters/ folder: `guides/setup.mdx`. */
	dest: string;
	/** The chapter's file name without `.mdx` (its URL: /chapters/<slug>/). */
	slug: string;
	/** URL paths the source site served the page at (`/guides/setup/`), for absolute links to it. */
	urls: string[];
	/** The page's own address on the source site, which its relative links resolve against. */
	address: string;
	order: number;
}
