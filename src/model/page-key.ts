/**
 * The incremental-build key of a chapter page (Astro's `experimental.incrementalBuild`): a page whose key is
 * the same as in the previous build is not rendered again. It covers everything the page shows: the chapter's
 * own record (its content, the schema and configuration it was rendered with, this project's code), its summary
 * (with what the build read outside the file: its last commit date from git, its edit link), and what the
 * page and its components read from the rest of the course — the course's title and language, its locale (the
 * interface strings, the owners' labels, the other locales the page links to), the parts, its
 * navigation (./navigation.ts `chapterNavigation`: what the sidebar, pager and study path show of other
 * chapters) and the glossary entries of the terms it uses. A page that starts to read more of the model must
 * add it here.
 */
import { digest } from '../core/hash.ts';
import type { GlossaryEntry } from '../directives/types.ts';
import type { CourseModel } from './model.ts';
import { chapterBySlug, chapterNavigation } from './navigation.ts';

export function chapterPageKey(model: CourseModel, glossary: ReadonlyMap<string, GlossaryEntry>, chapter: { slug: string; recordKey: string; termUses: readonly { id: string }[] }): string {
	const reads = {
		course: [model.title, model.description, model.language],
		locale: [model.locale, model.locales, model.ui, model.owners],
		parts: model.parts,
		// The summary holds `updated` (frontmatter, else git) and `editUrl`: a new commit re-renders the page.
		self: chapterBySlug(model.chapters, chapter.slug),
		navigation: chapterNavigation(model.chapters, chapter.slug),
		terms: [...new Set(chapter.termUses.map((t) => t.id))].sort().map((id) => glossary.get(id)),
	};
	return digest(chapter.recordKey, JSON.stringify(reads));
}
