/**
 * `npm run import -- --from starlight|docusaurus <src> <dest-course> [--site URL] [--title TEXT]` — converts
 * the pages of a Starlight or Docusaurus site into a course: asides and admonitions become callouts, Tabs /
 * Steps / FileTree / Card become directives, frontmatter becomes chapter frontmatter, links follow the pages,
 * code-block options become this site's (./import/code.ts), `.md` pages become `.mdx`, SVG images PNG; an
 * mdBook's pages are read with its SUMMARY.md and includes (./import/mdbook.ts). Folders are kept (each is a
 * part of the course). Writes course.yaml and an ownership.yaml with no controls when they are missing, and
 * never overwrites a chapter.
 *
 * Prints what it changed on the author's behalf (`path:line: note: …`) and every construct it could not
 * convert (`path:line: cannot convert <X>: …`), at the source file's line. Exit 0 when everything was
 * converted, 1 when something is left for a person (or a chapter already existed), 2 for usage errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { GithubSlugger } from '../core/slug.ts';
import { type BodyOptions, convertBody, pageTitleHeading } from './import/body.ts';
import { convertFrontmatter, readFrontmatter } from './import/frontmatter.ts';
import { linkTable, type LinkResult } from './import/links.ts';
import { type Draw, loadDraw } from './import/images.ts';
import { readSummary } from './import/mdbook.ts';
import { type Category, destFolder, planPages, type SourcePage } from './import/pages.ts';
import { FLAVOURS, type Flavour, type Note, type PagePlan } from './import/types.ts';
import { commandArgs } from './args.ts';

const USAGE = `Usage: npm run import -- --from starlight|docusaurus <src> <dest-course> [--site URL] [--title TEXT] [--unwrap A,B]

Converts the .md and .mdx pages of a Starlight or Docusaurus site into a course at <dest-course>.

  <src>            the folder of pages (Starlight: src/content/docs, Docusaurus: docs), or the project root
                   (an mdBook, with book.toml: the book or its src/, with either --from)
  <dest-course>    the course folder: chapters/ is filled; course.yaml and ownership.yaml are created if missing
  --site URL       the source site's address: links to pages that were not imported point there
  --title TEXT     the course title for a new course.yaml (default: from the folder name)
  --unwrap A,B     the site's own components that only frame content (a preview box): keep their content
  -h, --help       show this help

Every construct that could not be converted is printed as  path:line: cannot convert <X>: why
and left as written, so that \`npm run check -- <dest-course>\` points at it too.`;

export interface ImportResult {
	pages: number;
	notes: { file: string; note: Note }[];
	written: string[];
	/** Chapters that already existed and were left alone. */
	skipped: string[];
	/** SVG images to draw as the PNG files the chapters show (drawImages). */
	drawings: { svg: string; png: string; page: string }[];
}

/** The folder of pages in a project: given directly, or at its conventional place under the project root. */
export function pagesFolder(flavour: Flavour, src: string): string {
	// An mdBook (book.toml) keeps its pages in src/, whichever flavour reads them.
	if (fs.existsSync(path.join(src, 'book.toml')) && fs.existsSync(path.join(src, 'src'))) return path.join(src, 'src');
	const conventional = flavour === 'starlight' ? path.join(src, 'src/content/docs') : path.join(src, 'docs');
	const isProject = flavour === 'starlight' ? fs.existsSync(path.join(src, 'astro.config.mjs')) || fs.existsSync(path.join(src, 'astro.config.ts')) || fs.existsSync(conventional) : ['js', 'ts', 'mjs'].some((e) => fs.existsSync(path.join(src, `docusaurus.config.${e}`)));
	return isProject && fs.existsSync(conventional) ? conventional : src;
}

function walk(dir: string, root: string, out: string[] = []): string[] {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
		if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full, root, out);
		else out.push(path.relative(root, full).split(path.sep).join('/'));
	}
	return out;
}

function readCategory(file: string): Category | undefined {
	try {
		const raw = fs.readFileSync(file, 'utf8');
		const data = ((file.endsWith('.json') ? JSON.parse(raw) : parse(raw)) ?? {}) as { label?: unknown; position?: unknown };
		return { ...(typeof data.label === 'string' ? { label: data.label } : {}), ...(typeof data.position === 'number' ? { position: data.position } : {}) };
	} catch {
		return undefined;
	}
}

/** The folder of the mdBook the pages belong to (it holds book.toml: the pages folder or its parent). */
export function bookFolder(pages: string): string | undefined {
	return [pages, path.dirname(pages)].find((d) => fs.existsSync(path.join(d, 'book.toml')));
}

/** The largest file a page may pull in with `{{#include}}`. */
const INCLUDE_BYTES = 1_000_000;

/**
 * Reads a file an mdBook page includes, relative to the page, only inside the book: a page is not trusted to
 * copy files from elsewhere on the machine into a chapter (links are followed, then checked).
 */
function bookReader(book: string, pageDir: string) {
	const inside = fs.realpathSync(book);
	return (file: string): { text: string } | { problem: string } => {
		const target = path.resolve(pageDir, file);
		if (!fs.existsSync(target) || !fs.statSync(target).isFile()) return { problem: 'the file was not found' };
		const real = fs.realpathSync(target);
		if (real !== inside && !real.startsWith(inside + path.sep)) return { problem: 'the file is outside the book (the folder holding book.toml)' };
		if (fs.statSync(real).size > INCLUDE_BYTES) return { problem: `the file is larger than ${INCLUDE_BYTES} bytes` };
		return { text: fs.readFileSync(real, 'utf8') };
	};
}

const humanise = (name: string) => name.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

export interface ImportOptions {
	site?: string;
	title?: string;
	unwrap?: readonly string[];
	/** SVG images become PNG files (drawn afterwards by drawImages); otherwise they are copied and reported. */
	drawSvg?: boolean;
}

export function importSite(flavour: Flavour, srcArg: string, dest: string, options: ImportOptions = {}): ImportResult {
	const root = pagesFolder(flavour, srcArg);
	const files = walk(root, root);
	const notes: ImportResult['notes'] = [];
	const categories = new Map<string, Category>();
	for (const f of files.filter((f) => /(^|\/)_category_\.(json|ya?ml)$/.test(f))) {
		const c = readCategory(path.join(root, f));
		if (c) categories.set(path.posix.dirname(f), c);
	}
	const texts = new Map<string, string>();
	const sources: SourcePage[] = [];
	// An mdBook's table of contents gives its pages their titles and order; it is not a page itself.
	const book = bookFolder(root);
	const summary = book && files.includes('SUMMARY.md') ? readSummary(fs.readFileSync(path.join(root, 'SUMMARY.md'), 'utf8')) : undefined;
	if (summary) notes.push({ file: path.join(root, 'SUMMARY.md'), note: { line: 1, text: 'skipped: the book\'s table of contents gives the pages their titles and order' } });
	for (const f of files.filter((f) => /\.mdx?$/.test(f) && !(summary && f === 'SUMMARY.md'))) {
		// Docusaurus partials (`_name.mdx`) are not pages; the pages that import them say so where they use them.
		if (path.posix.basename(f).startsWith('_')) {
			notes.push({ file: path.join(root, f), note: { line: 1, text: 'skipped: a partial (its name starts with _) is not a page' } });
			continue;
		}
		const text = fs.readFileSync(path.join(root, f), 'utf8').replace(/\r\n?/g, '\n');
		texts.set(f, text);
		const entry = summary?.get(f);
		sources.push({ source: f, frontmatter: readFrontmatter(text).data, ...(entry ? { position: entry.position } : {}) });
	}
	const plans = planPages(flavour, sources, categories, !!book);
	const unwrap = new Set(options.unwrap ?? []);
	// A first reading finds the heading each page gives up to its title: links to its anchor go to the page.
	const bodyOptions = (plan: PagePlan): BodyOptions => {
		const title = summary?.get(plan.source)?.title;
		return {
			flavour,
			extension: plan.source.endsWith('.mdx') ? '.mdx' : '.md',
			unwrap,
			resolve: (url, kind) => (kind === 'image' ? asset(plan, url) : links.resolve(plan, url)),
			...(book ? { book: { read: bookReader(book, path.dirname(path.join(root, plan.source))) } } : {}),
			...(title ? { title } : {}),
		};
	};
	const titleAnchors = new Map<string, string>();
	for (const plan of plans) {
		const heading = pageTitleHeading(texts.get(plan.source)!, bodyOptions(plan));
		if (heading) titleAnchors.set(plan.source, new GithubSlugger().slug(heading));
	}
	const links = linkTable(flavour, plans, options.site, titleAnchors, !!book);
	const chapters = path.join(dest, 'chapters');
	const written: string[] = [];
	const skipped: string[] = [];
	const copies = new Map<string, string>();
	const drawings: ImportResult['drawings'] = [];

	for (const plan of plans) {
		const file = path.join(root, plan.source);
		const text = texts.get(plan.source)!;
		const fm = readFrontmatter(text);
		const title = summary?.get(plan.source)?.title;
		const body = convertBody(text, bodyOptions(plan));
		const stem = path.posix.basename(plan.source).replace(/\.mdx?$/, '');
		const { yaml, notes: fmNotes } = convertFrontmatter(fm, { order: plan.order, heading: body.heading ?? title, ...(title ? { headingSource: body.heading ? "the page's heading (SUMMARY.md names it so too)" : 'SUMMARY.md' } : {}), firstParagraph: body.firstParagraph, fallbackTitle: humanise(stem === 'index' ? path.posix.basename(path.posix.dirname(plan.source)) || 'Home' : stem) });
		const renamed = plan.source.replace(/\.mdx?$/, '') !== plan.dest.replace(/\.mdx$/, '') ? [{ line: fm.lines.slug ?? fm.lines.id ?? 1, text: `written as chapters/${plan.dest}` }] : [];
		for (const note of [...fm.notes, ...fmNotes, ...renamed, ...body.notes]) notes.push({ file, note });
		const out = path.join(chapters, plan.dest);
		if (fs.existsSync(out)) {
			skipped.push(out);
			continue;
		}
		fs.mkdirSync(path.dirname(out), { recursive: true });
		fs.writeFileSync(out, yaml + body.text, { flag: 'wx' });
		written.push(out);
	}

	/** A relative image inside the pages folder is copied beside its chapter; other images need --site. */
	function asset(plan: PagePlan, url: string): LinkResult {
		if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url) || url.startsWith('data:')) return { unchanged: true };
		const clean = decodeURI(url.split(/[?#]/)[0]!);
		const from = url.startsWith('/') ? [path.join(root, '..', 'static', clean), path.join(root, '../../..', 'public', clean)] : [path.join(root, path.posix.dirname(plan.source), clean)];
		const found = from.find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
		if (!found) return options.site && url.startsWith('/') ? { url: new URL(url.slice(1), options.site.endsWith('/') ? options.site : `${options.site}/`).href } : { problem: `the image file was not found${url.startsWith('/') ? ' (pass --site to link to the original)' : ''}` };
		// Beside the chapter (parts hold no folders): `img/cycle.png` → `cycle.png`, another name on a clash.
		const dir = path.join(chapters, path.dirname(plan.dest));
		const stem = path.basename(found, path.extname(found));
		const svg = path.extname(found).toLowerCase() === '.svg';
		const ext = svg && options.drawSvg ? '.png' : path.extname(found);
		let target = path.join(dir, `${stem}${ext}`);
		for (let n = 2; copies.has(target) && copies.get(target) !== found; n++) target = path.join(dir, `${stem}-${n}${ext}`);
		if (!copies.has(target)) {
			copies.set(target, found);
			if (!fs.existsSync(target)) {
				fs.mkdirSync(dir, { recursive: true });
				if (svg && options.drawSvg) drawings.push({ svg: found, png: target, page: path.join(root, plan.source) });
				else fs.copyFileSync(found, target);
			}
		}
		const copied = `./${path.basename(target)}`;
		if (!svg) return { url: copied };
		const why = 'chapters do not accept SVG (it can carry script)';
		return options.drawSvg ? { url: copied, note: `${why}: drawn as the PNG ${copied}` } : { url: copied, cannot: `${why}; export it as PNG or WebP (the importer draws it when the optional package sharp is installed)` };
	}

	for (const folder of new Set(plans.map((p) => path.posix.dirname(p.source)).filter((f) => f.includes('/'))))
		notes.push({ file: path.join(root, folder), note: { line: 1, text: `the folder became the part chapters/${destFolder(flavour, folder)}/ (parts are one folder deep)` } });
	// Folders with a Docusaurus label keep it as the part's title.
	for (const [folder, c] of categories) {
		const part = path.join(chapters, destFolder(flavour, folder), '_part.yaml');
		if (!c.label || folder === '.' || !plans.some((p) => p.source.startsWith(`${folder}/`)) || fs.existsSync(part)) continue;
		fs.writeFileSync(part, stringify({ title: c.label }));
		written.push(part);
	}
	if (!fs.existsSync(path.join(dest, 'course.yaml'))) {
		const name = flavour === 'starlight' ? 'Starlight' : 'Docusaurus';
		const title = options.title ?? humanise(path.basename(path.resolve(srcArg)));
		fs.writeFileSync(path.join(dest, 'course.yaml'), stringify({ title, description: `Pages imported from a ${name} site.` }));
		written.push(path.join(dest, 'course.yaml'));
	}
	if (!fs.existsSync(path.join(dest, 'ownership.yaml'))) {
		fs.writeFileSync(path.join(dest, 'ownership.yaml'), '# The controls this course talks about and who owns each: see docs/authoring.md.\ncontrols: {}\n');
		written.push(path.join(dest, 'ownership.yaml'));
	}
	notes.sort(byPlace);
	return { pages: plans.length, notes, written, skipped, drawings };
}

/** Draws the SVG images importSite planned as PNG files; one that cannot be drawn is a note at its page. */
export async function drawImages(result: ImportResult, draw: Draw): Promise<void> {
	for (const d of result.drawings) {
		try {
			await draw(d.svg, d.png);
			result.written.push(d.png);
		} catch (error) {
			result.notes.push({ file: d.page, note: { line: 1, construct: `image ${path.basename(d.svg)}`, text: `it could not be drawn as PNG (${(error as Error).message.split('\n')[0]}); export it as PNG or WebP as ${path.basename(d.png)}` } });
		}
	}
	result.notes.sort(byPlace);
}

const byPlace = (a: ImportResult['notes'][number], b: ImportResult['notes'][number]) => a.file.localeCompare(b.file) || a.note.line - b.note.line;

/** One line per note: `path:line: cannot convert <X>: why` or `path:line: note: …`. */
export function formatNotes(notes: ImportResult['notes'], cwd = process.cwd()): string {
	return notes.map(({ file, note }) => `${path.relative(cwd, file)}:${note.line}: ${note.construct ? `cannot convert ${note.construct}: ` : 'note: '}${note.text}`).join('\n');
}

export interface Io {
	cwd: string;
	out(text: string): void;
	err(text: string): void;
}

export async function main(argv: string[], io: Io = { cwd: process.cwd(), out: console.log, err: console.error }): Promise<number> {
	const args = commandArgs<{ from?: string; site?: string; title?: string; unwrap?: string }>(argv, { from: { type: 'string' }, site: { type: 'string' }, title: { type: 'string' }, unwrap: { type: 'string' } }, USAGE, io.out, io.err);
	if (typeof args === 'number') return args;
	const { values, positionals } = args;
	if (!FLAVOURS.includes(values.from as Flavour)) {
		io.err(`${values.from ? `Unknown --from "${values.from}"` : 'Missing --from'}, expected starlight or docusaurus.\n\n${USAGE}`);
		return 2;
	}
	if (positionals.length !== 2) {
		io.err(`Expected a source folder and a course folder, got ${positionals.length} argument${positionals.length === 1 ? '' : 's'}.\n\n${USAGE}`);
		return 2;
	}
	const [src, dest] = positionals.map((p) => path.resolve(io.cwd, p)) as [string, string];
	if (!fs.existsSync(src) || !fs.statSync(src).isDirectory()) {
		io.err(`Source folder not found: ${src}`);
		return 2;
	}
	if (values.site && !/^https?:\/\//.test(values.site)) {
		io.err(`--site must be an http(s) address, got "${values.site}".`);
		return 2;
	}
	fs.mkdirSync(dest, { recursive: true });
	const unwrap = (values.unwrap ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	const draw = await loadDraw();
	const result = importSite(values.from as Flavour, src, dest, { ...(values.site ? { site: values.site } : {}), ...(values.title ? { title: values.title } : {}), unwrap, drawSvg: !!draw });
	if (draw) await drawImages(result, draw);
	const out = formatNotes(result.notes, io.cwd);
	if (out) io.out(out);
	for (const s of result.skipped) io.err(`${path.relative(io.cwd, s)} already exists; left unchanged.`);
	const cannot = result.notes.filter((n) => n.note.construct).length;
	io.out(
		`${result.pages} page${result.pages === 1 ? '' : 's'} imported into ${path.relative(io.cwd, dest) || '.'}: ${cannot ? `${cannot} construct${cannot === 1 ? '' : 's'} could not be converted (listed above)` : 'everything converted'}.\nNext: npm run check -- ${path.relative(io.cwd, dest) || '.'}`,
	);
	return cannot || result.skipped.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'import.ts')) {
	try {
		process.exitCode = await main(process.argv.slice(2));
	} catch (error) {
		console.error(`Internal error in the importer: ${(error as Error).message}`);
		if (process.env.DEBUG) console.error(error);
		process.exitCode = 2;
	}
}
