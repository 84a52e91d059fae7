/** The chapters collection: every .mdx in <course>/chapters, validated by the shared frontmatter schema. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterFrontmatter } from './config/frontmatter.ts';
import { chaptersDir, resolveCourseDir } from './core/paths.ts';

export const collections = {
	chapters: defineCollection({
		loader: glob({ pattern: '*.mdx', base: chaptersDir(resolveCourseDir()) }),
		schema: chapterFrontmatter,
	}),
};
