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
	/** What the record says, searched at WEIGHTS.record. */
	content: string;
	/** Other names of the item (a control's aliases and service), searched at WEIGHTS.names. */
	names?: string;
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
 * Weights (Pagefind's `data-pagefind-weight`; chapter text counts 1, its headings 5–7). A quiz, flashcard or
 * control is a few dozen words, so a word in it is a large share of the record and would outrank the chapter
 * section that teaches the same thing: a record's words count a fifth. A control's other names (its `aliases:`
 * and its service: "NACL", "Amazon RDS") count as chapter text, so a search by that name finds it. The
 * search-time half of the ranking is SEARCH_RANKING (src/scripts/search.ts); the matrix and glossary pages,
 * whose entries are these records, count less too (src/routes/matrix.astro, glossary.astro).
 */
export const WEIGHTS = { record: 0.2, names: 1 } as const;

/**
 * A rendered quiz as search text: its question only, the text of its legend without the "Quiz" label. The options,
 * the answer, the explanation and the owner stay out of the index, so no result or excerpt gives the answer away.
 */
export function quizQuestion(html: string): string {
	const legend = /<legend[^>]*>([\s\S]*?)<\/legend>/.exec(html)?.[1] ?? '';
	return htmlText(legend.replace(/<span class="quiz__kind"[^>]*>[\s\S]*?<\/span>(?:\s*<\/span>)?/, ''));
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
	const services = new Map(model.services.map((s) => [s.id, s.title]));
	const records: SearchRecord[] = [];

	for (const q of model.quizzes) {
		const chapter = chapters.get(q.chapter);
		if (!chapter || !q.html) continue;
		const section = chapter.headings.find((h) => h.id === q.section);
		const question = quizQuestion(q.html);
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
		const service = services.get(c.service);
		const names = [...c.aliases, ...(service ? [service] : [])].join(', ');
		records.push({
			url: `${at(routes.matrix)}#${c.id}`,
			content: [`${c.title}.`, ...split, c.notes].filter(Boolean).join(' '),
			...(names ? { names } : {}),
			language,
			// Where it is taught, short enough for a result's one-line label.
			meta: { title: c.title, kind: t('search.kindControl', { owner: label(c.owner) }), ...(taught.length === 1 ? { chapter: taught[0]! } : taught.length > 1 ? { chapter: t('search.taughtIn', { count: taught.length }) } : {}) },
			// A control lives on the matrix page; its chapter filter is every chapter that teaches it.
			filters: { type: [t('search.typeControl')], chapter: taught, owner: [label(c.owner)] },
		});
	}
	// Pagefind wants no empty filter lists.
	for (const r of records) for (const [k, v] of Object.entries(r.filters)) if (v.length === 0) delete r.filters[k];
	return records;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A record as the HTML page Pagefind indexes for it (`addHTMLFile`, which honours weights; custom records have
 * none): its words at the record weight, its other names at the names weight, meta and filters as hidden,
 * unindexed elements, as on the site's own pages.
 */
export function recordHtml(r: SearchRecord): string {
	const hidden = (attr: string, key: string, value: string) => `<span hidden data-pagefind-ignore ${attr}="${escapeHtml(key)}">${escapeHtml(value)}</span>`;
	const meta = Object.entries(r.meta).map(([k, v]) => hidden('data-pagefind-meta', k, v));
	const filters = Object.entries(r.filters).flatMap(([k, values]) => values.map((v) => hidden('data-pagefind-filter', k, v)));
	const names = r.names ? `<p data-pagefind-weight="${WEIGHTS.names}">${escapeHtml(r.names)}</p>` : '';
	return `<!doctype html><html lang="${escapeHtml(r.language)}"><head><meta charset="utf-8"></head><body><main data-pagefind-body>${meta.join('')}${filters.join('')}<p data-pagefind-weight="${WEIGHTS.record}">${escapeHtml(r.content)}</p>${names}</main></body></html>`;
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
			const r = await index.addHTMLFile({ url: record.url, content: recordHtml(record) });
			if (r.errors.length) throw new Error(`Pagefind failed to index ${record.url}: ${r.errors.join('; ')}`);
		}
		const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
		if (written.errors.length) throw new Error(`Pagefind failed to write its files: ${written.errors.join('; ')}`);
		logger.info(`Pagefind indexed ${added.page_count} pages and ${records.length} quizzes, flashcards and controls`);
	} finally {
		await pagefind.close();
	}
}
