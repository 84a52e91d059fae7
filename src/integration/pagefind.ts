/**
 * Index the built site with Pagefind's Node API after the build; Pagefind errors fail the build.
 *
 * Besides the pages, every quiz, flashcard and control gets a record of its own (from the course model), so a
 * search can find "the quiz about X" and filter by content type, and each result links straight to the item:
 * chapter#quiz-<id>, chapter#term-<id> (the card in its deck) or matrix/#<control id>.
 *
 * Pagefind keeps one index per language (it reads `<html lang>`; records say theirs): a course with
 * translations gets one per locale, and the search on a page looks in the index of the page's language.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { localePath, routes } from '../core/routes.ts';
import { createUi } from '../i18n/index.ts';
import { type CourseModel, ownerLabel } from '../model/model.ts';
import type { Owner } from '../schema/ownership.ts';

export interface SearchRecord {
	url: string;
	content: string;
	language: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text of an HTML fragment we rendered ourselves (no scripts or comments in it): tags out, entities decoded. */
export function htmlText(html: string): string {
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
			if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
			return ENTITIES[e.toLowerCase()] ?? m;
		})
		.replace(/\s+/g, ' ')
		.trim();
}

const clip = (s: string, max = 90) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

/** Owners tagged in a rendered fragment (badges and inline tags carry `badge--<owner>` / `data-owner`). */
export const ownersIn = (html: string, owners: readonly Owner[]): Owner[] => owners.filter((o) => html.includes(`badge--${o}`) || html.includes(`data-owner="${o}"`));

/**
 * A rendered quiz as search text: its question only. The options, the answer, the explanation and the owner
 * stay out of the index, so no result or excerpt gives the answer away.
 */
export function quizText(html: string): { question: string } {
	const legend = /<legend[^>]*>([\s\S]*?)<\/legend>/;
	// The legend opens with the quiz's kind (src/directives/quiz.ts, in the page's language), then the question.
	return { question: htmlText((html.match(legend)?.[1] ?? '').replace(/<span class="quiz__kind">[^<]*<\/span>/, '')) };
}

/**
 * One search record per quiz, flashcard and control of the course. Pure: the course model in, records out.
 * URLs are site-relative without the base path, like the URLs Pagefind gives pages: the search client adds
 * the base (it derives it from where the Pagefind bundle is served).
 */
export function courseRecords(model: CourseModel): SearchRecord[] {
	const language = model.language;
	const { t } = createUi(language, model.ui);
	const owners = model.owners.map((o) => o.id);
	const label = (o: Owner) => ownerLabel(model, o);
	const at = (sitePath: string) => localePath(model.locale.prefix, sitePath);
	const chapters = new Map(model.chapters.map((c) => [c.slug, c]));
	const records: SearchRecord[] = [];

	for (const q of model.quizzes) {
		const chapter = chapters.get(q.chapter);
		if (!chapter || !q.html) continue;
		const section = chapter.headings.find((h) => h.id === q.section);
		const { question } = quizText(q.html);
		records.push({
			url: `${at(routes.chapter(chapter.slug))}#quiz-${q.id}`,
			content: question,
			language,
			meta: { title: t('search.quizTitle', { question: clip(question || q.id) }), kind: t('search.kindQuiz', { number: chapter.number }), chapter: chapter.title, ...(section ? { section: section.text } : {}) },
			// No owner filter: filtering quizzes by owner would tell their answers.
			filters: { type: [t('search.typeQuiz')], chapter: [chapter.title] },
		});
	}

	for (const term of model.glossary) {
		const chapter = chapters.get(term.chapter);
		if (!chapter) continue;
		records.push({
			url: `${at(routes.chapter(chapter.slug))}#term-${term.id}`,
			content: `${term.front}. ${term.text}`,
			language,
			meta: { title: term.front, kind: t('search.kindFlashcard', { number: chapter.number }), chapter: chapter.title },
			filters: { type: [t('search.typeFlashcard')], chapter: [chapter.title], owner: ownersIn(term.html, owners).map(label) },
		});
	}

	for (const c of model.controls) {
		const taught = [...new Set(c.taughtIn.map((t) => chapters.get(t.chapter)?.title).filter((t) => t !== undefined))];
		const split = owners.filter((o) => c.split?.[o]).map((o) => t('control.splitPart', { party: label(o), text: c.split![o]! }));
		records.push({
			url: `${at(routes.matrix)}#${c.id}`,
			content: [`${c.title}.`, t('search.controlOwner', { owner: label(c.owner) }), ...split, c.notes, c.id].filter(Boolean).join(' '),
			language,
			// Where it is taught, short enough for a result's one-line label.
			meta: { title: c.title, kind: t('search.kindControl', { owner: label(c.owner) }), ...(taught.length === 1 ? { chapter: taught[0]! } : taught.length > 1 ? { chapter: t('search.taughtIn', { count: taught.length }) } : {}) },
			// No chapter filter: a control lives on the matrix page, not in a chapter; `chapter` meta says where it is taught.
			filters: { type: [t('search.typeControl')], owner: [label(c.owner)] },
		});
	}
	// Pagefind wants no empty filter lists.
	for (const r of records) for (const [k, v] of Object.entries(r.filters)) if (v.length === 0) delete r.filters[k];
	return records;
}

export async function indexSite(outDir: URL | string, logger: AstroIntegrationLogger, models: readonly CourseModel[] = []) {
	const dir = typeof outDir === 'string' ? outDir : fileURLToPath(outDir);
	const { index, errors } = await pagefind.createIndex({});
	if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
	try {
		const added = await index.addDirectory({ path: dir });
		if (added.errors.length) throw new Error(`Pagefind failed to index the site: ${added.errors.join('; ')}`);
		const records = models.flatMap(courseRecords);
		for (const record of records) {
			const r = await index.addCustomRecord(record);
			if (r.errors.length) throw new Error(`Pagefind failed to index ${record.url}: ${r.errors.join('; ')}`);
		}
		const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
		if (written.errors.length) throw new Error(`Pagefind failed to write its files: ${written.errors.join('; ')}`);
		logger.info(`Pagefind indexed ${added.page_count} pages and ${records.length} quizzes, flashcards and controls`);
	} finally {
		await pagefind.close();
	}
}
