/**
 * `npm run import -- --from starlight|docusaurus <src> <dest-course> [--site URL] [--title TEXT]` — converts
 * the pages of a Starlight or Docusaurus site into a course: asides and admonitions become callouts, Tabs /
 * Steps / FileTree / Card become directives, frontmatter becomes chapter frontmatter, links follow the pages,
 * `.md` pages become `.mdx`. Folders are kept (each is a part of the course). Writes course.yaml and an
 * ownership.yaml with no controls when they are missing, and never overwrites a chapter.
 *
 * Prints what it changed on the author's behalf (`path:line: note: …`) and every construct it could not
 * convert (`path:line: cannot convert <X>: …`), at the source file's line. Exit 0 when everything was
 * converted, 1 when something is left for a person (or a chapter already existed), 2 for usage errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { convertBody } from './import/body.ts';
import { convertFrontmatter, readFrontmatter } from './import/frontmatter.ts';
import { linkTable, type LinkResult } from './import/links.ts';
import { type Category, destFolder, planPages, type SourcePage } from './import/pages.ts';
import { FLAVOURS, type Flavour, type Note, type PagePlan } from './import/types.ts';

const USAGE = `Usage: npm run import -- --from starlight|docusaurus <src> <dest-course> [--site URL] [--title TEXT] [--unwrap A,B]

Converts the .md and .mdx pages of a Starlight or Docusaurus site into a course at <dest-course>.

  <src>            the folder of pages (Starlight: src/content/docs, Docusaurus: docs), or the project root
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
}

/** The folder of pages in a project: given directly, or at its conventional place under the project root. */
export function pagesFolder(flavour: Flavour, src: string): string {
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

const humanise = (name: string) => name.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

export function importSite(flavour: Flavour, srcArg: string, dest: string, options: { site?: string; title?: string; unwrap?: readonly string[] } = {}): ImportResult {
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
	for (const f of files.filter((f) => /\.mdx?$/.test(f))) {
		// Docusaurus partials (`_name.mdx`) are not pages; the pages that import them say so where they use them.
		if (path.posix.basename(f).startsWith('_')) {
			notes.push({ file: path.join(root, f), note: { line: 1, text: 'skipped: a partial (its name starts with _) is not a page' } });
			continue;
		}
		const text = fs.readFileSync(path.join(root, f), 'utf8').replace(/\r\n?/g, '\n');
		texts.set(f, text);
		sources.push({ source: f, frontmatter: readFrontmatter(text).data });
	}
	const plans = planPages(flavour, sources, categories);
	const links = linkTable(flavour, plans, options.site);
	const chapters = path.join(dest, 'chapters');
	const written: string[] = [];
	const skipped: string[] = [];
	const copies = new Map<string, string>();
	const unwrap = new Set(options.unwrap ?? []);

	for (const plan of plans) {
		const file = path.join(root, plan.source);
		const text = texts.get(plan.source)!;
		const fm = readFrontmatter(text);
		const body = convertBody(text, { flavour, extension: plan.source.endsWith('.mdx') ? '.mdx' : '.md', unwrap, resolve: (url, kind) => (kind === 'image' ? asset(plan, url) : links.resolve(plan, url)) });
		const stem = path.posix.basename(plan.source).replace(/\.mdx?$/, '');
		const { yaml, notes: fmNotes } = convertFrontmatter(fm, { order: plan.order, heading: body.heading, firstParagraph: body.firstParagraph, fallbackTitle: humanise(stem === 'index' ? path.posix.basename(path.posix.dirname(plan.source)) || 'Home' : stem) });
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
		let target = path.join(dir, path.basename(found));
		for (let n = 2; copies.has(target) && copies.get(target) !== found; n++) target = path.join(dir, `${path.basename(found, path.extname(found))}-${n}${path.extname(found)}`);
		if (!copies.has(target)) {
			copies.set(target, found);
			if (!fs.existsSync(target)) {
				fs.mkdirSync(dir, { recursive: true });
				fs.copyFileSync(found, target);
			}
		}
		return { url: `./${path.basename(target)}` };
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
	notes.sort((a, b) => a.file.localeCompare(b.file) || a.note.line - b.note.line);
	return { pages: plans.length, notes, written, skipped };
}

/** One line per note: `path:line: cannot convert <X>: why` or `path:line: note: …`. */
export function formatNotes(notes: ImportResult['notes'], cwd = process.cwd()): string {
	return notes.map(({ file, note }) => `${path.relative(cwd, file)}:${note.line}: ${note.construct ? `cannot convert ${note.construct}: ` : 'note: '}${note.text}`).join('\n');
}

export interface Io {
	cwd: string;
	out(text: string): void;
	err(text: string): void;
}

export function main(argv: string[], io: Io = { cwd: process.cwd(), out: console.log, err: console.error }): number {
	let values: { from?: string; site?: string; title?: string; unwrap?: string; help?: boolean };
	let positionals: string[];
	try {
		({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { from: { type: 'string' }, site: { type: 'string' }, title: { type: 'string' }, unwrap: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
	} catch (error) {
		io.err(`${(error as Error).message}\n\n${USAGE}`);
		return 2;
	}
	if (values.help) {
		io.out(USAGE);
		return 0;
	}
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
	const result = importSite(values.from as Flavour, src, dest, { ...(values.site ? { site: values.site } : {}), ...(values.title ? { title: values.title } : {}), unwrap });
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
		process.exitCode = main(process.argv.slice(2));
	} catch (error) {
		console.error(`Internal error in the importer: ${(error as Error).message}`);
		if (process.env.DEBUG) console.error(error);
		process.exitCode = 2;
	}
}
