/**
 * Which files of a course are chapters: the one definition, used by the checker, the build and the dev server.
 *
 *   chapters/<slug>.mdx                 a chapter, served at /chapters/<slug>/
 *   chapters/<part>/<slug>.mdx          a chapter in a part (a sidebar group); the URL stays /chapters/<slug>/
 *   chapters/<part>/_part.yaml          optional: `title:` of the part (default: the folder name)
 *   chapters/**.(png|jpg|…)             images, shown by chapters that link them
 *
 * Anything else in chapters/ is reported (`not-a-chapter`): a `.md` file, a stray `.js`, a folder inside a
 * part. A symbolic link that leads out of the course folder is reported and never read.
 *
 * Translations (course.yaml `locales: [de]`) mirror the originals:
 *
 *   locales/<tag>/chapters/<slug>.mdx   the translation of chapters/<slug>.mdx (same file name, same rules)
 *   locales/<tag>/course.yaml           translated title, description and interface strings
 *   locales/<tag>/ownership.yaml        translated titles, notes and splits
 */
import fs from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { chaptersDir, chapterSlug, IMAGE_TYPES, posixRelative, SLUG, slugify } from '../core/paths.ts';
import { didYouMean, suggest } from '../core/suggest.ts';
import { readYaml } from '../core/yaml.ts';

export interface ChapterSource {
	/** Absolute path. */
	file: string;
	/** Path relative to the course folder, POSIX style (`chapters/basics/intro.mdx`). */
	rel: string;
	slug: string;
	/** The part (folder under chapters/) the chapter belongs to. */
	part?: string;
	/** The translation the file belongs to (`de` for locales/de/chapters/…); absent for the originals. */
	locale?: string;
}

export interface TranslationFiles {
	locale: string;
	/** The locale's folder, `locales/<tag>/` (it may not exist: every chapter is then shown untranslated). */
	dir: string;
	chapters: ChapterSource[];
	parts: PartInfo[];
}

export const localesDir = (courseDir: string) => path.join(courseDir, 'locales');
export const translationDir = (courseDir: string, locale: string) => path.join(localesDir(courseDir), locale);

export interface PartInfo {
	id: string;
	title: string;
}

export interface CourseFiles {
	chapters: ChapterSource[];
	parts: PartInfo[];
}

const PART_FILE = '_part.yaml';

export function discoverChapters(courseDir: string, diagnostics: Diagnostic[], root = chaptersDir(courseDir), locale?: string): CourseFiles {
	const files: CourseFiles = { chapters: [], parts: [] };
	let courseReal: string;
	try {
		courseReal = fs.realpathSync(courseDir);
		if (!fs.statSync(root).isDirectory()) throw new Error('not a folder');
		const rootReal = fs.realpathSync(root);
		if (rootReal !== path.join(courseReal, path.relative(courseDir, root)) && !rootReal.startsWith(courseReal + path.sep)) {
			diagnostics.push(diagnostic(root, undefined, 'chapter-outside-course', `chapters/ is a symbolic link that leads out of the course folder (${rootReal})`, 'Make chapters/ a real folder of the course.'));
			return files;
		}
	} catch {
		diagnostics.push(diagnostic(root, undefined, 'course-config', 'The course has no chapters/ folder', 'Create chapters/ in the course folder with one .mdx file per chapter.'));
		return files;
	}
	const inside = (p: string) => p === courseReal || p.startsWith(courseReal + path.sep);
	const report = (file: string, ruleId: 'not-a-chapter' | 'chapter-file-name' | 'chapter-outside-course' | 'part-invalid', message: string, hint: string, line = 1) =>
		diagnostics.push(diagnostic(file, { line, column: 1 }, ruleId, message, hint));

	const walk = (dir: string, part: string | undefined) => {
		const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const entry of entries) {
			// Editors and operating systems leave dotfiles (.DS_Store, .swp); they are nobody's content.
			if (entry.name.startsWith('.')) continue;
			const full = path.join(dir, entry.name);
			const rel = posixRelative(courseDir, full);
			let isDir = entry.isDirectory();
			let isFile = entry.isFile();
			if (entry.isSymbolicLink()) {
				let real: string;
				try {
					real = fs.realpathSync(full);
				} catch {
					report(full, 'not-a-chapter', `${rel} is a symbolic link to nothing`, 'Remove the link.');
					continue;
				}
				if (!inside(real)) {
					report(full, 'chapter-outside-course', `${rel} is a symbolic link that leads out of the course folder (${real})`, 'Copy the file into the course instead of linking to it.');
					continue;
				}
				const stat = fs.statSync(real);
				[isDir, isFile] = [stat.isDirectory(), stat.isFile()];
			}
			if (!isDir && !isFile) {
				// A pipe or device named like a chapter would block the reader forever.
				report(full, 'not-a-chapter', `${rel} is not a regular file`, 'Remove it from chapters/.');
				continue;
			}
			if (isDir) {
				if (part !== undefined) {
					report(full, 'not-a-chapter', `Unexpected folder ${rel}: parts cannot contain folders`, `Move its chapters up into chapters/${part}/, or make it a part of its own under chapters/.`);
					continue;
				}
				if (!SLUG.test(entry.name)) {
					report(full, 'chapter-file-name', `Unexpected part folder name "${entry.name}", expected lowercase words joined by dashes`, `Rename the folder to ${slugify(entry.name) || 'part-name'}.`);
					continue;
				}
				files.parts.push(readPart(full, entry.name, diagnostics));
				walk(full, entry.name);
				continue;
			}
			const ext = path.extname(entry.name).toLowerCase();
			if (entry.name === PART_FILE) {
				if (part === undefined) report(full, 'not-a-chapter', `${rel} belongs in a part folder (chapters/<part>/${PART_FILE})`, 'Move it into the part folder it describes, or delete it.');
				continue;
			}
			if (ext in IMAGE_TYPES || ext === '.svg') continue; // images: checked where a chapter shows them
			if (ext === '.mdx') {
				const slug = chapterSlug(entry.name);
				if (!SLUG.test(slug)) {
					const meant = slugify(slug) || 'chapter-name';
					const taken = fs.existsSync(path.join(dir, `${meant}.mdx`)) && entry.name !== `${meant}.mdx`;
					report(
						full,
						'chapter-file-name',
						`Unexpected chapter file name "${entry.name}": the name is the chapter's URL, so it must be lowercase words joined by dashes${taken ? ` (and ${meant}.mdx, which has that URL, exists)` : ''}`,
						taken ? `Merge it into ${meant}.mdx, or rename it to another lowercase name.` : `Rename it to ${meant}.mdx.`,
					);
					continue;
				}
				files.chapters.push({ file: full, rel, slug, ...(part ? { part } : {}), ...(locale ? { locale } : {}) });
				continue;
			}
			if (ext === '.md')
				report(full, 'not-a-chapter', `${rel} is not a chapter: chapters are .mdx files`, `Rename it to ${chapterSlug(entry.name)}.mdx (the content stays as it is; escape a literal < as &lt; and { as \\{).`);
			else report(full, 'not-a-chapter', `Unexpected file ${rel} in chapters/: only chapters (.mdx), part descriptions (${PART_FILE}) and images belong here`, 'Move it out of chapters/, or delete it.');
		}
	};
	walk(root, undefined);

	// Two files, one URL: one error, naming both.
	const bySlug = new Map<string, ChapterSource>();
	files.chapters = files.chapters.filter((c) => {
		const first = bySlug.get(c.slug);
		if (!first) {
			bySlug.set(c.slug, c);
			return true;
		}
		diagnostics.push(diagnostic(c.file, { line: 1, column: 1 }, 'duplicate-slug', `${c.rel} and ${first.rel} would both be ${locale ? `/${locale}` : ''}/chapters/${c.slug}/`, 'Rename one of the two files: a chapter’s URL is its file name, whatever part it is in.'));
		return false;
	});
	return files;
}

/**
 * The translations' files. A translated chapter is named like its original; one without an original, and a
 * folder in locales/ that course.yaml does not declare, are errors (nothing would show them).
 */
export function discoverTranslations(courseDir: string, locales: readonly string[], originals: readonly ChapterSource[], diagnostics: Diagnostic[]): TranslationFiles[] {
	const root = localesDir(courseDir);
	let entries: fs.Dirent[] = [];
	try {
		entries = fs.readdirSync(root, { withFileTypes: true });
	} catch {}
	for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
		if (entry.name.startsWith('.') || locales.includes(entry.name)) continue;
		const full = path.join(root, entry.name);
		const declared = locales.find((l) => l.toLowerCase() === entry.name.toLowerCase());
		diagnostics.push(
			diagnostic(
				full,
				{ line: 1, column: 1 },
				'translation-invalid',
				entry.isDirectory() ? `locales/${entry.name}/ is not a locale of this course${declared ? ` (course.yaml declares ${declared})` : ''}` : `Unexpected file locales/${entry.name}: locales/ holds one folder per translation`,
				entry.isDirectory() ? (declared ? `Rename the folder to locales/${declared}/.` : `Add ${entry.name} to \`locales:\` in course.yaml, or remove the folder.`) : 'Move it into a translation’s folder, or delete it.',
			),
		);
	}
	const slugs = new Set(originals.map((c) => c.slug));
	return locales.map((locale) => {
		const dir = translationDir(courseDir, locale);
		const chapters = path.join(dir, 'chapters');
		if (!fs.existsSync(chapters)) return { locale, dir, chapters: [], parts: [] };
		const found = discoverChapters(courseDir, diagnostics, chapters, locale);
		found.chapters = found.chapters.filter((c) => {
			if (slugs.has(c.slug)) return true;
			const s = suggest(c.slug, slugs);
			diagnostics.push(
				diagnostic(c.file, { line: 1, column: 1 }, 'translation-invalid', `${c.rel} translates nothing: there is no chapter "${c.slug}" in chapters/.${didYouMean(s)}`, s ? `Rename it to ${c.rel.replace(/[^/]+\.mdx$/, `${s}.mdx`)} (a translation has its original's file name).` : 'Name the file after the chapter it translates, or add the original to chapters/ first.'),
			);
			return false;
		});
		return { locale, dir, ...found };
	});
}

function readPart(dir: string, id: string, diagnostics: Diagnostic[]): PartInfo {
	const fallback = { id, title: id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) };
	const file = path.join(dir, PART_FILE);
	if (!fs.existsSync(file)) return fallback;
	const yaml = readYaml(fs.readFileSync(file, 'utf8'));
	const problem = (line: number, column: number, message: string, hint: string) => diagnostics.push(diagnostic(file, { line, column }, 'part-invalid', message, hint));
	if (yaml.problems.length) {
		for (const p of yaml.problems) problem(p.place.line, p.place.column, `${PART_FILE} is not valid YAML: ${p.message}`, 'Fix the YAML syntax (indentation, colons, quotes).');
		return fallback;
	}
	const value = yaml.value as Record<string, unknown> | null;
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		problem(1, 1, `${PART_FILE} must be a map with a \`title:\``, 'Write `title: The part’s title`.');
		return fallback;
	}
	for (const key of Object.keys(value))
		if (key !== 'title') {
			const at = yaml.keyPlace([key]);
			problem(at?.line ?? 1, at?.column ?? 1, `Unexpected key \`${key}\` in ${PART_FILE}, expected only \`title\``, 'Remove it; chapters are ordered by their own `order:`.');
		}
	const title = value.title;
	if (typeof title !== 'string' || !title.trim()) {
		const at = yaml.valuePlace(['title']);
		problem(at?.line ?? 1, at?.column ?? 1, `Unexpected title ${JSON.stringify(title)} in ${PART_FILE}, expected a non-empty text`, 'Write `title: The part’s title`.');
		return fallback;
	}
	return { id, title: title.trim() };
}
