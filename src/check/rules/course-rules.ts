/** Rules that need every chapter: study path, quiz ids, glossary, terms. */
import type { CourseCheck } from '../course.ts';
import { diagnostic } from '../../core/diagnostics.ts';
import { didYouMean, suggest } from '../../core/suggest.ts';

export type CourseRule = (course: CourseCheck) => void;

/** Two chapters with the same `order`. */
const duplicateOrder: CourseRule = ({ chapters, diagnostics }) => {
	const byOrder = new Map<number, string>();
	for (const c of chapters) {
		const order = c.frontmatter?.order;
		if (order === undefined) continue;
		const other = byOrder.get(order);
		if (other) diagnostics.push(diagnostic(c.file, { line: c.frontmatterLines.order ?? 1, column: 1 }, 'duplicate-order', `Duplicate order ${order}: chapter "${other}" has the same order`, 'Give each chapter a different `order:` number.'));
		else byOrder.set(order, c.slug);
	}
};

/** `prerequisites` / `next` naming chapters that do not exist, and prerequisite cycles. */
export const studyPath: CourseRule = ({ chapters, diagnostics }) => {
	const slugs = new Set(chapters.map((c) => c.slug));
	for (const c of chapters)
		for (const field of ['prerequisites', 'next'] as const)
			for (const target of c.frontmatter?.[field] ?? [])
				if (!slugs.has(target)) {
					const s = suggest(target, slugs);
					diagnostics.push(diagnostic(c.file, { line: c.frontmatterLines[field] ?? 1, column: 1 }, 'unknown-chapter', `Unknown chapter "${target}" in ${field}.${didYouMean(s)}`, s ? `Use "${s}".` : `Use the file name (without .mdx) of a chapter in chapters/: ${[...slugs].join(', ')}.`));
				}
	// Cycle detection over prerequisites: depth-first, colouring nodes, with a stack of our own (a course whose
	// chapters each need the one before is a path as deep as the course: 10,000 frames would overflow Node's).
	const prereqs = new Map(chapters.map((c) => [c.slug, (c.frontmatter?.prerequisites ?? []).filter((p) => slugs.has(p))]));
	const bySlug = new Map(chapters.map((c) => [c.slug, c]));
	const state = new Map<string, 1 | 2>();
	const reported = new Set<string>();
	for (const root of prereqs.keys()) {
		if (state.has(root)) continue;
		// The path from the root, each with how many of its prerequisites have been followed.
		const path: { slug: string; next: number }[] = [{ slug: root, next: 0 }];
		state.set(root, 1);
		while (path.length) {
			const top = path.at(-1)!;
			const p = prereqs.get(top.slug)![top.next++];
			if (p === undefined) {
				path.pop();
				state.set(top.slug, 2);
			} else if (state.get(p) === 1) {
				const cycle = [...path.slice(path.findIndex((f) => f.slug === p)).map((f) => f.slug), p];
				const key = [...cycle].sort().join();
				if (!reported.has(key)) {
					reported.add(key);
					const c = bySlug.get(top.slug)!;
					diagnostics.push(diagnostic(c.file, { line: c.frontmatterLines.prerequisites ?? 1, column: 1 }, 'prerequisite-cycle', `Prerequisites form a cycle: ${cycle.join(' → ')}`, `Remove "${p}" from the prerequisites of "${top.slug}" (or break the cycle elsewhere).`));
				}
			} else if (!state.has(p)) {
				state.set(p, 1);
				path.push({ slug: p, next: 0 });
			}
		}
	}
};

/** Quiz ids are unique in the whole course (progress and the practice exam key on them). */
export const duplicateQuizId: CourseRule = ({ chapters, diagnostics }) => {
	const seen = new Map<string, string>();
	for (const c of chapters)
		for (const q of c.quizzes) {
			const first = seen.get(q.id);
			if (first) diagnostics.push(diagnostic(c.file, q, 'duplicate-quiz-id', `Duplicate quiz id "${q.id}", first used at ${first}`, 'Give this quiz a different id, e.g. prefixed with the chapter name.'));
			else seen.set(q.id, `${c.slug}.mdx:${q.line}`);
		}
};

/** A glossary term defined twice must say the same thing; every `:term` must name a defined term. */
export const glossary: CourseRule = ({ chapters, diagnostics }) => {
	const defs = new Map<string, { back: string; where: string }>();
	for (const c of chapters)
		for (const t of c.terms) {
			const first = defs.get(t.id);
			if (!first) defs.set(t.id, { back: t.back, where: `${c.slug}.mdx:${t.line}` });
			// Same-set duplicates never get here (the flashcards check reports them and collects one), so any
			// second definition with other text is a conflict — in another chapter or in another set of this one.
			else if (first.back !== t.back)
				diagnostics.push(diagnostic(c.file, t, 'glossary-conflict', `Term "${t.front}" is defined differently at ${first.where}`, 'Define each term once in the course (link to it with :term[…] elsewhere), or make both definitions identical.'));
		}
	// A chapter that could not be parsed may define the term: its terms are unknown, so this stands down.
	if (chapters.some((c) => !c.parsed)) return;
	for (const c of chapters)
		for (const use of c.termUses)
			if (!defs.has(use.id)) {
				const s = suggest(use.id, defs.keys());
				diagnostics.push(diagnostic(c.file, use, 'unknown-term', `Unknown glossary term "${use.id}".${didYouMean(s)}`, s ? `Use :term[…]{id=${s}}.` : 'Add the term to a :::flashcards set, or remove the :term link.'));
			}
};

export const COURSE_RULES: CourseRule[] = [duplicateOrder, studyPath, duplicateQuizId, glossary];
