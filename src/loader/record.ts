/** A chapter as the pipeline hands it on: plain data, cached by content and sent between threads. Types only, and one tiny reader (pages import this). */
import type { ChapterFacts } from '../check/chapter.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { RenderedChapter } from '../render/chapter.ts';

export interface ChapterRecord {
	/** The cache key: content, schema, configuration, base and code version (./cache.ts). */
	key: string;
	facts: ChapterFacts;
	diagnostics: Diagnostic[];
	/** What other pages show of the chapter (quizzes, flashcard backs); present when it was rendered. */
	rendered?: Omit<RenderedChapter, 'html'>;
	/** The chapter's page HTML: the text when just rendered, a reader when it comes from the cache. */
	html?: string | (() => string);
}

/** A rendered chapter's page HTML ('' when it was not rendered). */
export const pageHtml = (record: ChapterRecord): string => (typeof record.html === 'function' ? record.html() : (record.html ?? ''));
