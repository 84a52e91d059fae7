/**
 * `npm run new:chapter -- "Title" [--slug my-slug]` — creates <course>/chapters/<slug>.mdx ($COURSE_DIR or
 * ./content) at the next `order`, from a short template that uses every directive once with controls taken
 * from the course's own ownership.yaml, so the new chapter passes `npm run check` before anyone edits it.
 * Never overwrites a file. Exit 0 on success, 1 when the chapter cannot be created, 2 for usage errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type CourseCheck, checkCourse } from '../check/course.ts';
import { formatText } from '../check/format.ts';
import { courseFile } from '../config/course.ts';
import { chaptersDir, resolveCourseDir } from '../core/paths.ts';
import { termId } from '../core/slug.ts';
import type { Control, Owner } from '../schema/ownership.ts';
import { SHARED } from '../schema/parties.ts';
import { commandArgs } from './args.ts';

const USAGE = `Usage: npm run new:chapter -- "Chapter title" [--slug file-name]

Creates chapters/<slug>.mdx in the course ($COURSE_DIR or ./content) at the next order, from a template that
passes the check. The slug (file name and URL) comes from the title unless --slug is given.`;

/** `Identity & Access (IAM)` → `identity-access-iam`: lowercase ASCII words joined by dashes. */
export function slugify(title: string): string {
	return title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** Text that is safe in Markdown/MDX prose and directive labels: no markup, no JSX, no expressions. */
const prose = (s: string) => s.replace(/[\\`*_[\]{}<>#|]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** The first control of each owner, in schema order (so the exercise has something to sort). */
function pickControls(course: CourseCheck): Map<Owner, Control> {
	const picked = new Map<Owner, Control>();
	for (const c of course.schema.controls.values()) if (!picked.has(c.owner)) picked.set(c.owner, c);
	return picked;
}

function unique(base: string, taken: Set<string>): string {
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The quiz's options: one per party (its label, from the schema), then one for a shared control. */
function answers(course: CourseCheck): { owner: Owner; text: string }[] {
	const labels = course.schema.parties.map((p) => p.label);
	const all = new Intl.ListFormat('en', { type: 'conjunction' }).format(labels);
	return [...course.schema.parties.map((p) => ({ owner: p.id, text: prose(p.label) })), { owner: SHARED, text: prose(`Shared: ${all} each own a part`) }];
}

export function renderTemplate(title: string, slug: string, course: CourseCheck): string {
	const orders = course.chapters.map((c) => c.frontmatter?.order ?? 0);
	const order = Math.max(0, ...orders) + 1;
	const picked = pickControls(course);
	const first = course.schema.controls.values().next().value as Control | undefined;
	const parties = course.schema.parties.map((p) => p.id);
	// The inline tag and the quiz use a control of the last party (the one readers are, in most courses); the
	// concept card one of the first; the control card a shared one — whichever the schema has.
	const tagged = picked.get(parties.at(-1)!) ?? first;
	const carded = picked.get(parties[0]!) ?? first;
	const shared = picked.get(SHARED) ?? first;
	const quizIds = new Set(course.chapters.flatMap((c) => c.quizzes.map((q) => q.id)));
	const termIds = new Set(course.chapters.flatMap((c) => c.terms.map((t) => t.id)));
	// A glossary term is defined once per course: reuse of the title as a term must not collide.
	let front = title;
	for (let n = 2; termIds.has(termId(front)); n++) front = `${title} ${n}`;
	const quizId = unique(`${slug}-owner`, quizIds);
	const tag = (c: Control | undefined) => (c ? `{ref=${c.id} owner=${c.owner}}` : '');
	const today = new Date().toISOString().slice(0, 10);
	const exercise = [...new Set([tagged, carded, shared, ...picked.values()].filter((c) => c !== undefined).map((c) => c.id))];

	const lines = [
		'---',
		`title: ${JSON.stringify(title)}`,
		`description: ${JSON.stringify(`What a reader learns in “${title}”, in one sentence.`)}`,
		`order: ${order}`,
		`updated: ${today}`,
		'---',
		'',
		'{/* A new chapter from `npm run new:chapter`. Replace the text, keep what you need; `npm run check` says what is wrong. The language: docs/authoring.md. */}',
		'',
		'## Overview',
		'',
		`Say what this chapter covers and why it matters. Link other pages from the site root, like the [ownership matrix](/matrix/).`,
	];
	if (tagged)
		lines.push(
			'',
			`Tag every ownership claim: :control[${prose(lowerFirst(tagged.title))}]${tag(tagged)} is a claim the checker compares with ownership.yaml.`,
		);
	lines.push('', ':::tip', `Callouts (:::note, :::tip, :::info, :::important, :::caution, :::warning, :::danger, :::exam-trap) highlight one idea. Define words once and link them: :term[${prose(front)}].`, ':::');
	lines.push(
		'',
		'## Steps, alternatives and files',
		'',
		':::steps',
		'1. Write a procedure as one numbered list.',
		'2. A step may hold more: indent paragraphs and code under its number.',
		':::',
		'',
		'::::tabs',
		':::tab[Console]',
		'Alternatives a reader picks one of go in tabs, each with a label of its own.',
		':::',
		':::tab[CLI]',
		'Without JavaScript every tab shows, under its label.',
		':::',
		'::::',
		'',
		':::file-tree',
		'- content/',
		'  - chapters/',
		`    - **${slug}.mdx** this chapter`,
		':::',
	);
	if (carded || shared) {
		lines.push('', '## Who owns what', '');
		if (carded) lines.push(`:::card{title="${carded.title.replace(/"/g, '')}" ${tag(carded).slice(1, -1)}}`, 'A concept card: explain one idea, with its owner.', ':::', '');
		if (shared) lines.push(`:::control${tag(shared)}`, 'A control card shows the schema’s entry for a control (its owner, and the split when it is shared).', ':::');
	}
	if (tagged) {
		lines.push(
			'',
			'## Check your understanding',
			'',
			`:::quiz{id=${quizId} ${tag(tagged).slice(1, -1)}}`,
			`Who is responsible for this: ${prose(lowerFirst(tagged.title))}?`,
			'',
			...answers(course).map((a) => `- [${a.owner === tagged.owner ? 'x' : ' '}] ${a.text}`),
			'',
			`Explain why. ownership.yaml says: ${prose(tagged.notes ?? Object.values(tagged.split ?? {})[0] ?? `owner ${tagged.owner}`)}`,
			':::',
		);
	}
	if (exercise.length) lines.push('', `::ownership-exercise{refs="${exercise.join(',')}"}`);
	lines.push('', '## Key terms', '', ':::flashcards', `- **${prose(front)}**: the definition, in one sentence.`, ':::', '');
	return lines.join('\n');
}

/** Relative to the working directory when inside it, absolute otherwise. */
const shown = (file: string) => {
	const rel = path.relative(process.cwd(), file);
	return rel.startsWith('..') ? file : rel;
};

export function newChapter(argv: string[], log: (s: string) => void = console.log, error: (s: string) => void = console.error, courseDir = resolveCourseDir()): number {
	const args = commandArgs<{ slug?: string }>(argv, { slug: { type: 'string' } }, USAGE, log, error);
	if (typeof args === 'number') return args;
	const { values, positionals } = args;
	const title = positionals.join(' ').trim();
	if (!title) {
		error(`Missing the chapter title.\n\n${USAGE}`);
		return 2;
	}
	const slug = values.slug ?? slugify(title);
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
		error(values.slug ? `Unexpected slug "${slug}": use lowercase letters, digits and dashes.` : `Cannot make a file name from "${title}": pass one with --slug, e.g. --slug my-chapter.`);
		return 2;
	}
	const dir = chaptersDir(courseDir);
	if (!fs.existsSync(courseFile(courseDir))) {
		error(`No course.yaml in ${courseDir}. Set COURSE_DIR to a course folder, or create a course with npx course-site init <dir>.`);
		return 1;
	}
	// A new course has no chapters yet: this is its first.
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${slug}.mdx`);
	if (fs.existsSync(file)) {
		error(`${shown(file)} already exists; nothing was written. Choose another title, or pass --slug.`);
		return 1;
	}
	const before = checkCourse(courseDir);
	// `wx`: fail rather than overwrite, even if the file appeared since the check above.
	fs.writeFileSync(file, renderTemplate(title, slug, before), { flag: 'wx' });
	log(`Created ${shown(file)}`);
	const problems = checkCourse(courseDir).diagnostics.filter((d) => d.file === file);
	if (problems.length) error(`The new chapter has problems (please report this as a bug):\n${formatText(problems)}`);
	return 0;
}

export const main = (argv: string[]) => newChapter(argv);

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'new-chapter.ts')) {
	process.exitCode = newChapter(process.argv.slice(2));
}
