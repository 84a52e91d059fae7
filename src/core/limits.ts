/**
 * Limits on what one chapter may ask of the checker and the build. A contributor's chapter is untrusted input:
 * every cost it can cause is linear in its size, and its size and nesting are capped, so no chapter can make a
 * check or a build take minutes or run out of memory. Maintainers can raise a limit in course.yaml (`limits:`).
 */
export interface Limits {
	/** Largest chapter file, in bytes. The bundled chapters are 15–25 KB; parsing runs at about 5 MB/s. */
	chapterBytes: number;
	/** Deepest nesting of the chapter's tree (lists in quotes in directives …); the bundled course needs 12. */
	depth: number;
}

export const DEFAULT_LIMITS: Limits = { chapterBytes: 4_000_000, depth: 40 };
