/**
 * The course rules of a translation (course.yaml `locales:`). Each translated chapter was checked like an
 * original, against the same schema, so a flipped owner is an `owner-mismatch` at the translation's own line.
 * Here, per translated chapter:
 *
 * - `translation-invalid`: its `order`, `prerequisites` or `next` differ from the original's (a translation
 *   keeps its original's place in the course; it may leave them out);
 * - `translation-drift` (a warning): it tags different controls than the original, listed both ways.
 *
 * And the locale as its readers see it (translations, and the originals of chapters not translated yet) gets
 * the cross-chapter rules again: quiz ids, the glossary and term links, internal links and anchors, diagrams.
 * Only what they find in the translation's own files is reported here: the originals have their own run.
 */
import { diagnostic, type Diagnostic } from '../../core/diagnostics.ts';
import type { ChapterFacts } from '../chapter.ts';
import type { CourseCheck, TranslationCheck } from '../course.ts';
import { type CourseRule, duplicateQuizId, glossary } from './course-rules.ts';
import { internalLinks } from './links.ts';
import { mermaidSyntax } from './mermaid.ts';

/** The cross-chapter rules that read a locale's pages; the study path and `order` come from the originals. */
const LOCALE_RULES: CourseRule[] = [duplicateQuizId, glossary, internalLinks, mermaidSyntax];

export function checkTranslation(course: CourseCheck, translation: TranslationCheck) {
	const originals = new Map(course.chapters.map((c) => [c.slug, c]));
	// A chapter with errors (a wrong tag is not collected) is compared again once they are fixed: one mistake, one message.
	const failing = new Set(course.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
	for (const chapter of translation.chapters) {
		const original = originals.get(chapter.slug);
		if (!original) continue;
		course.diagnostics.push(...keptPlace(chapter, original), ...(failing.has(chapter.file) || failing.has(original.file) ? [] : drift(chapter, original)));
	}
	const translated = new Map(translation.chapters.map((c) => [c.slug, c]));
	const view: CourseCheck = { ...course, chapters: course.chapters.map((c) => translated.get(c.slug) ?? c), diagnostics: [] };
	for (const rule of LOCALE_RULES) rule(view);
	const own = new Set(translation.chapters.map((c) => c.file));
	course.diagnostics.push(...view.diagnostics.filter((d) => own.has(d.file)));
}

/** `order`, `prerequisites` and `next` are the original's; a translation that writes them must agree. */
function keptPlace(chapter: ChapterFacts, original: ChapterFacts): Diagnostic[] {
	const mine = chapter.frontmatter;
	const theirs = original.frontmatter;
	if (!mine || !theirs) return [];
	const out: Diagnostic[] = [];
	const show = (v: unknown) => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v ?? 'none'));
	const differs = (field: 'order' | 'prerequisites' | 'next') => {
		if (chapter.frontmatterLines[field] === undefined) return false;
		const a = mine[field];
		const b = theirs[field];
		return Array.isArray(a) || Array.isArray(b) ? show([...((a as string[] | undefined) ?? [])].sort()) !== show([...((b as string[] | undefined) ?? [])].sort()) : a !== b;
	};
	for (const field of ['order', 'prerequisites', 'next'] as const)
		if (differs(field))
			out.push(
				diagnostic(
					chapter.file,
					{ line: chapter.frontmatterLines[field]!, column: 1 },
					'translation-invalid',
					`\`${field}: ${show(mine[field])}\` differs from the original's (${original.rel} has ${show(theirs[field])}): a translation keeps its original's place in the course`,
					`Remove \`${field}:\` from the translation (the original's is used), or write \`${field}: ${show(theirs[field])}\`.`,
				),
			);
	return out;
}

/** The controls a translation tags and its original does not, and the other way round. */
function drift(chapter: ChapterFacts, original: ChapterFacts): Diagnostic[] {
	if (!chapter.parsed || !original.parsed) return [];
	const refs = (c: ChapterFacts) => new Set(c.tags.map((t) => t.ref));
	const mine = refs(chapter);
	const theirs = refs(original);
	const missing = [...theirs].filter((r) => !mine.has(r)).sort();
	const extra = [...mine].filter((r) => !theirs.has(r)).sort();
	if (!missing.length && !extra.length) return [];
	const parts = [missing.length ? `not tagged here: ${missing.join(', ')}` : '', extra.length ? `tagged only here: ${extra.join(', ')}` : ''].filter(Boolean);
	return [
		diagnostic(
			chapter.file,
			{ line: 1, column: 1 },
			'translation-drift',
			`The translation tags different controls than ${original.rel} (${parts.join('; ')})`,
			'Tag the controls the original tags (a translation may reword, not drop or add ownership claims), or change the original too.',
		),
	];
}
