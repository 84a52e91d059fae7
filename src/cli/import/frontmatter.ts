/**
 * Frontmatter of a Starlight or Docusaurus page → this course's chapter frontmatter. Keys the chapter
 * contract knows are kept when their values are valid; `order` comes from the planned sidebar order; a
 * missing title comes from the page's `# heading` or its file name, a missing description from its first
 * sentence; everything else is dropped, and every such change is a note for the author.
 */
import { isMap, isScalar, LineCounter, parseDocument, stringify } from 'yaml';
import { chapterFrontmatter } from '../../config/frontmatter.ts';
import { splitFrontmatter } from '../../syntax/frontmatter.ts';
import type { Note } from './types.ts';

export interface SourceFrontmatter {
	data: Record<string, unknown>;
	/** Line of each top-level key in the file. */
	lines: Record<string, number>;
	/** Offset in the file just after the closing `---` (0 without frontmatter). */
	end: number;
	notes: Note[];
}

/** Read the YAML block at the top of a page (where it ends is the checker's definition, src/syntax/frontmatter.ts). */
export function readFrontmatter(text: string): SourceFrontmatter {
	const fm = splitFrontmatter(text).frontmatter;
	if (!fm) return { data: {}, lines: {}, end: 0, notes: [] };
	const lc = new LineCounter();
	const doc = parseDocument(fm.yaml, { lineCounter: lc });
	if (doc.errors.length) return { data: {}, lines: {}, end: fm.bodyOffset, notes: [{ line: fm.firstLine, construct: 'frontmatter', text: `it is not valid YAML (${doc.errors[0]!.message.split('\n')[0]})` }] };
	const lines: Record<string, number> = {};
	if (isMap(doc.contents)) for (const pair of doc.contents.items) if (isScalar(pair.key) && pair.key.range) lines[String(pair.key.value)] = fm.firstLine + lc.linePos(pair.key.range[0]).line - 1;
	const data = doc.toJS() as unknown;
	return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, lines, end: fm.bodyOffset, notes: [] };
}

export interface ChapterMeta {
	order: number;
	/** Text of a leading `# heading` (Docusaurus shows it as the title). */
	heading?: string | undefined;
	/** Where `heading` comes from, for the note (default: the page's # heading). */
	headingSource?: string;
	/** Plain text of the first paragraph, for a missing description. */
	firstParagraph?: string | undefined;
	/** Title from the file name, when there is no other. */
	fallbackTitle: string;
}

/** Keys of the chapter contract, besides the ones set here; the lead's schema may add more (they pass through). */
const SET_HERE = new Set(['title', 'description', 'order', 'updated', 'concepts', 'draft']);
/** Keys consumed by the conversion: they become the order, the file name or the title and are not "dropped". */
const CONSUMED = new Set(['sidebar_position', 'slug', 'id']);

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The first sentence of a paragraph, cut at a word near 160 characters if it is longer. */
export function firstSentence(paragraph: string): string | undefined {
	const flat = paragraph.replace(/\s+/g, ' ').trim();
	if (!flat) return undefined;
	const sentence = /^.*?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
	if (sentence.length <= 160) return sentence;
	return `${sentence.slice(0, 160).replace(/\s+\S*$/, '')}…`;
}

/** A date the chapter contract accepts, from Starlight's `lastUpdated` or Docusaurus's `last_update.date`. */
function dateOf(v: unknown): string | undefined {
	if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
	if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
	return undefined;
}

export function convertFrontmatter(source: SourceFrontmatter, meta: ChapterMeta): { yaml: string; notes: Note[] } {
	const d = source.data;
	const notes: Note[] = [];
	const at = (key: string) => source.lines[key] ?? 1;
	const out: Record<string, unknown> = {};

	const title = text(d.title) ?? meta.heading;
	if (!text(d.title)) notes.push({ line: 1, text: title ? `title taken from ${meta.headingSource ?? "the page's # heading"}: "${title}"` : `no title: used the file name, "${meta.fallbackTitle}"` });
	out.title = title ?? meta.fallbackTitle;

	const synthesised = meta.firstParagraph ? firstSentence(meta.firstParagraph) : undefined;
	out.description = text(d.description) ?? synthesised ?? out.title;
	if (!text(d.description)) notes.push({ line: 1, text: synthesised ? `description synthesised from the first sentence: "${synthesised}"` : 'no description and no paragraph: used the title as the description' });

	out.order = meta.order;

	const updated = dateOf(d.lastUpdated) ?? dateOf((d.last_update as { date?: unknown } | undefined)?.date);
	if (updated) out.updated = updated;

	// Docusaurus shows tags on the page, as the chapter page shows concepts.
	const tags = Array.isArray(d.tags) ? d.tags.map((t) => (typeof t === 'string' ? t : text((t as { label?: unknown } | null)?.label))).filter((t): t is string => !!t?.trim()) : [];
	if (tags.length) out.concepts = tags;

	if (typeof d.draft === 'boolean') out.draft = d.draft;

	const dropped: string[] = [];
	for (const [key, value] of Object.entries(d)) {
		if (SET_HERE.has(key) || CONSUMED.has(key) || key === 'lastUpdated' || key === 'last_update' || key === 'tags') {
			if (key === 'draft' && typeof value !== 'boolean') dropped.push(key);
			if ((key === 'lastUpdated' || key === 'last_update') && !updated) dropped.push(key);
			continue;
		}
		const field = (chapterFrontmatter.shape as Record<string, { safeParse(v: unknown): { success: boolean } } | undefined>)[key];
		// Starlight's `next`/`prev` are links, not the chapter contract's list of slugs: only a valid value is kept.
		if (field?.safeParse(value).success) out[key] = value;
		else if (key === 'sidebar' && value && typeof value === 'object') dropped.push(...Object.keys(value).filter((k) => k !== 'order').map((k) => `sidebar.${k}`));
		else dropped.push(key);
	}
	if (dropped.length) notes.push({ line: at(dropped[0]!.split('.')[0]!), text: `dropped frontmatter keys the course does not use: ${dropped.join(', ')}` });
	return { yaml: `---\n${stringify(out, { lineWidth: 0 })}---\n`, notes };
}
