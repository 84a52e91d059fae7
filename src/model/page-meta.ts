/**
 * What the `<head>` of each page says about it: its title, its description (`<meta name="description">`, and
 * OpenGraph's when the site has an address), whether it is an article or a page of the site, and whether it
 * has a canonical URL. Defined once here for every page type, from the model; src/layouts/Base.astro writes it.
 */
import type { Ui } from '../i18n/index.ts';
import type { CourseModel } from './model.ts';
import { chapterBySlug } from './navigation.ts';
import { practiceChapters } from './practice.ts';

export type Page =
	| { kind: 'home' }
	| { kind: 'chapter'; slug: string }
	| { kind: 'matrix' }
	| { kind: 'glossary' }
	| { kind: 'practice' }
	| { kind: 'practice-chapter'; slug: string }
	| { kind: 'review' }
	| { kind: 'not-found' };

export interface PageMeta {
	/** The page's own title (the browser tab adds the course's: `layout.pageTitle`). */
	title: string;
	description: string;
	/** OpenGraph `og:type`: a chapter is an article, every other page part of the website. */
	type: 'article' | 'website';
	/** The page has an address of its own (canonical link, `og:url`, alternates in other languages); not the 404 page. */
	addressable: boolean;
}

export function pageMeta(model: CourseModel, { t, list }: Pick<Ui, 't' | 'list'>, page: Page): PageMeta {
	const site = (title: string, description: string): PageMeta => ({ title, description, type: 'website', addressable: true });
	switch (page.kind) {
		case 'home':
			return site(model.title, model.description);
		case 'chapter': {
			// `description` is required frontmatter; a chapter the dev server shows with errors falls back to the course's.
			const chapter = chapterBySlug(model.chapters, page.slug);
			return { title: chapter?.title ?? model.title, description: chapter?.description || model.description, type: 'article', addressable: true };
		}
		case 'matrix': {
			const services = new Set(model.controls.map((c) => c.service)).size;
			return site(t('matrix.title'), t('matrix.description', { controls: t('count.securityControls', { count: model.controls.length }), services: t('count.services', { count: services }) }));
		}
		case 'glossary':
			return site(t('glossary.title'), t('glossary.description', { count: model.glossary.length, course: model.title }));
		case 'practice': {
			const questions = practiceChapters(model).reduce((n, p) => n + p.questions, 0);
			return site(t('practice.title'), t('practice.description', { count: questions, course: model.title }));
		}
		case 'practice-chapter': {
			const practice = practiceChapters(model).find((p) => p.chapter.slug === page.slug);
			if (!practice) return site(t('practice.title'), model.description);
			const counts = list([practice.questions ? t('count.questions', { count: practice.questions }) : '', practice.cards ? t('count.flashcards', { count: practice.cards }) : ''].filter(Boolean));
			return site(t('practice.chapterTitle', { chapter: practice.chapter.title }), t('practice.chapterDescription', { counts, number: practice.chapter.number, course: model.title }));
		}
		case 'review':
			return site(t('review.title'), t('review.description', { course: model.title }));
		case 'not-found':
			return { title: t('notFound.title'), description: model.description, type: 'website', addressable: false };
	}
}
