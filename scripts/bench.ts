/**
 * `npm run bench -- --chapters 200 [--runs 3] [--vs-starlight] [--warm] [--lighthouse] [--no-search] [--out bench/results/x.json]`
 *
 * Generates a deterministic synthetic course of N chapters (scripts/lib/generate.ts) in a temporary folder,
 * then measures, as the median of several runs: `npm run check` time and memory (cold, and again with nothing
 * changed), a cold `astro build` (with Pagefind) time, peak memory and where the time goes, the output sizes,
 * what one chapter page loads (with and without a diagram), the bytes a first search fetches in Chromium, and
 * optionally: a warm rebuild after appending a line to one chapter (`--warm`), Lighthouse scores, and Astro
 * Starlight on the same text (`--vs-starlight`: the plain corpus — the same chapters without directives — built
 * by us and by Starlight, and the course with directives against Starlight's plain twin), all builds
 * alternating. Prints a table and the issue-11 targets, and writes JSON. See docs/performance.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM, type SearchCost, searchCost } from './bench/browser.ts';
import { chapterSlugOf, courseFiles, writeCourse } from './lib/generate.ts';
import { type LighthouseScores, lighthouse } from './bench/lighthouse.ts';
import { analysePage, type PageWeight } from './lib/page-weight.ts';
import { type BuildPhases, type BuildRun, hasGnuTime, type Run, runBuild, runCheck } from './bench/run.ts';
import { formatTargets, type TargetRow, targetRows } from './bench/targets.ts';
import { dirBytes, prepareSiteRoot, ROOT } from './lib/site-root.ts';
import { ensureStarlight, prepareStarlight, runStarlightBuild, starlightFile } from './bench/starlight.ts';

const USAGE = `Usage: npm run bench -- --chapters N [--runs 3] [--vs-starlight] [--warm] [--lighthouse] [--no-search] [--query word] [--baseline file.json] [--out file.json] [--keep]
       npm run bench -- --lighthouse --site dist [--pages ",chapters/x/,matrix/"] [--out file.json]

  --chapters N      size of the synthetic course (e.g. 26, 200, 1000, 10000)
  --runs R          runs per measurement; figures are medians (default 3)
  --vs-starlight    also build the plain corpus (the same chapters without directives) with ours and with
                    Astro Starlight, alternating runs: ours/Starlight on the same text, and the course vs
                    Starlight's plain twin
  --warm            after each cold build, append a line to one chapter and rebuild (both sides, same edit)
  --baseline file   a result of a smaller run (e.g. bench/results/bench-1000.json): report the build time ratio
  --lighthouse      Lighthouse scores of the home page and a chapter page (Chromium at $CHROME_PATH or /usr/bin/chromium)
  --site dir        with --lighthouse: score an already built site instead (e.g. the bundled course's dist/),
                    nothing else; --pages lists its pages, comma-separated (default: home, a chapter with a
                    diagram, matrix, practice)
  --no-search       skip the search-cost measurement in Chromium
  --query word      the single-word query for the search cost (default: firewall, which matches most chapters)
  --out file        write the results as JSON (e.g. bench/results/baseline-200.json)
  --keep            keep the temporary folder (course, site, output) and print its path`;

interface Args {
	chapters: number;
	runs: number;
	vsStarlight: boolean;
	warm: boolean;
	baseline?: string;
	lighthouse: boolean;
	site?: string;
	pages: string[];
	search: boolean;
	query: string;
	out?: string;
	keep: boolean;
}

function parse(argv: string[]): Args | undefined {
	const { values } = parseArgs({
		args: argv,
		options: {
			chapters: { type: 'string' },
			runs: { type: 'string', default: '3' },
			'vs-starlight': { type: 'boolean', default: false },
			warm: { type: 'boolean', default: false },
			baseline: { type: 'string' },
			lighthouse: { type: 'boolean', default: false },
			site: { type: 'string' },
			pages: { type: 'string', default: ',chapters/cloud-foundations/,matrix/,practice/' },
			'no-search': { type: 'boolean', default: false },
			query: { type: 'string', default: 'firewall' },
			out: { type: 'string' },
			keep: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h' },
		},
	});
	const chapters = Number(values.chapters);
	const runs = Number(values.runs);
	const pages = values.pages!.split(',');
	if (values.site && values.lighthouse && !values.help) return { chapters: 0, runs: 1, vsStarlight: false, warm: false, lighthouse: true, site: values.site, pages, search: false, query: '', ...(values.out ? { out: values.out } : {}), keep: false };
	if (values.help || !Number.isInteger(chapters) || chapters < 2 || !Number.isInteger(runs) || runs < 1) return undefined;
	return { pages, chapters, runs, vsStarlight: values['vs-starlight']!, warm: values.warm!, ...(values.baseline ? { baseline: values.baseline } : {}), lighthouse: values.lighthouse!, search: !values['no-search'], query: values.query!, ...(values.out ? { out: values.out } : {}), keep: values.keep! };
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
const kb = (bytes: number) => round(bytes / 1024, 1);
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);
const sec = (ms: number) => round(ms / 1000, 2);
const versionOf = (pkg: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

function pageSummary(w: PageWeight) {
	return { htmlBytes: w.html.bytes, htmlGzip: w.html.gzip, jsBytes: w.js.bytes, jsGzip: w.js.gzip, cssBytes: w.css.bytes, cssGzip: w.css.gzip, scripts: w.js.assets.length, stylesheets: w.css.assets.length, lazyModules: w.lazy.length, loadsMermaid: w.mermaid.length > 0 };
}

function fail(what: string, run: Run): never {
	console.error(`${what} failed:\n${run.output.slice(-4000)}`);
	process.exit(1);
}

/** Median wall and CPU time and the highest peak memory of a set of runs. */
function summary(rs: Run[]) {
	return {
		medianMs: round(median(rs.map((r) => r.wallMs))),
		cpuMs: rs.every((r) => r.cpuMs !== undefined) ? round(median(rs.map((r) => r.cpuMs!))) : null,
		/** The largest process's peak RSS (MiB, GNU time), the highest of the runs. */
		peakMb: rs.every((r) => r.peakMb !== undefined) ? round(Math.max(...rs.map((r) => r.peakMb!))) : null,
		runsMs: rs.map((r) => round(r.wallMs)),
	};
}
type Summary = ReturnType<typeof summary>;
const ratio = (a: Summary | undefined, b: Summary | undefined, clock: 'medianMs' | 'cpuMs' = 'medianMs') => (a && b && a[clock] !== null && b[clock] ? round(a[clock]! / b[clock]!, 2) : null);

/** The same edit on every side of a warm rebuild: one line appended to one chapter, undone after the rebuild. */
const WARM_LINE = '\nOne more sentence, appended to measure a rebuild after a small edit.\n';
function withEdit<T>(file: string, rebuild: () => T): T {
	const original = fs.readFileSync(file);
	fs.appendFileSync(file, WARM_LINE);
	try {
		return rebuild();
	} finally {
		fs.writeFileSync(file, original);
	}
}

/** One side of the comparison: a course, its private root, and its cold (and warm) builds. */
interface Side {
	name: string;
	cold: BuildRun[];
	warm: BuildRun[];
	build(cold: boolean): BuildRun;
	/** The chapter the warm rebuild edits. */
	editFile: string;
}

/** `--lighthouse --site dir`: Lighthouse on the pages of a site already built, printed and optionally saved. */
async function scoreSite(dir: string, pages: string[], out?: string) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'course-lighthouse-'));
	const scores = await lighthouse(path.resolve(dir), pages, work);
	for (const l of scores) console.log(`${l.page.padEnd(32)} performance ${l.performance} · accessibility ${l.accessibility} · best practices ${l.bestPractices} · SEO ${l.seo}${l.failing.length ? ` · below 0.9: ${l.failing.join(', ')}` : ''}`);
	if (out) fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), site: dir, lighthouse: scores, loadAverage: os.loadavg()[0] }, null, '\t')}\n`);
	fs.rmSync(work, { recursive: true, force: true });
}

async function main() {
	const args = parse(process.argv.slice(2));
	if (!args) {
		console.error(USAGE);
		process.exitCode = 2;
		return;
	}
	if (args.site) return scoreSite(args.site, args.pages, args.out);
	const { chapters: n, runs } = args;
	if (!hasGnuTime()) console.warn('GNU time (/usr/bin/time) not found: peak memory will not be reported (apt-get install time).');
	const work = fs.mkdtempSync(path.join(os.tmpdir(), `course-bench-${n}-`));
	const started = new Date();
	const loadBefore = os.loadavg();
	console.log(`Benchmark: ${n} chapters, ${runs} run${runs > 1 ? 's' : ''} each${args.warm ? ', cold and warm' : ''}${args.vsStarlight ? ', vs Starlight' : ''}, in ${work}`);

	// --- the corpora, streamed to disk (the generator keeps nothing per chapter)
	const starlightVersions = args.vsStarlight ? ensureStarlight() : undefined;
	const genStart = performance.now();
	const courseDir = path.join(work, 'course');
	const course = writeCourse(courseDir, courseFiles(n));
	const plainDir = path.join(work, 'plain');
	if (args.vsStarlight) {
		writeCourse(plainDir, courseFiles(n, { format: 'plain-course' }));
		prepareStarlight(courseFiles(n, { format: 'starlight' }));
	}
	const generator = { ms: round(performance.now() - genStart), peakMb: round(process.resourceUsage().maxRSS / 1024) };
	console.log(`  generated in ${sec(generator.ms)} s (benchmark process peak memory ${generator.peakMb} MB)`);
	const edited = `chapters/${chapterSlugOf(Math.ceil(n / 2))}.mdx`;

	// --- npm run check: cold, then again with nothing changed (a check cache, if any, is used)
	const root = prepareSiteRoot(path.join(work, 'site'));
	const checks: Run[] = [];
	const checksAgain: Run[] = [];
	for (let r = 0; r < runs; r++) {
		const cold = runCheck(root, courseDir);
		if (!cold.ok) fail('npm run check', cold);
		const again = runCheck(root, courseDir, { cold: false });
		if (!again.ok) fail('npm run check (again)', again);
		checks.push(cold);
		checksAgain.push(again);
		console.log(`  check  run ${r + 1}: ${sec(cold.wallMs)} s, again ${sec(again.wallMs)} s`);
	}

	// --- builds, alternating sides so all see the same machine conditions
	const outDir = path.join(work, 'site', 'dist');
	const ours: Side = { name: 'build', cold: [], warm: [], editFile: path.join(courseDir, edited), build: (cold) => runBuild(root, courseDir, outDir, work, { cold }) };
	const sides: Side[] = [ours];
	if (args.vsStarlight) {
		const plainRoot = prepareSiteRoot(path.join(work, 'plain-site'));
		const plainOut = path.join(work, 'plain-site', 'dist');
		sides.push({ name: 'plain', cold: [], warm: [], editFile: path.join(plainDir, edited), build: (cold) => runBuild(plainRoot, plainDir, plainOut, work, { cold }) });
		sides.push({ name: 'starlight', cold: [], warm: [], editFile: starlightFile(edited), build: (cold) => runStarlightBuild(path.join(work, 'starlight-dist'), { cold }) });
	}
	for (let r = 0; r < runs; r++)
		for (const side of sides) {
			const cold = side.build(true);
			if (!cold.ok) fail(`${side.name} build`, cold);
			side.cold.push(cold);
			let line = `  ${side.name.padEnd(9)} run ${r + 1}: ${sec(cold.wallMs)} s${cold.peakMb ? `, ${round(cold.peakMb)} MB` : ''}`;
			if ('checks' in cold) line += ` (course checked ${cold.checks ?? '?'}×)`;
			if (args.warm) {
				const warm = withEdit(side.editFile, () => side.build(false));
				if (!warm.ok) fail(`${side.name} warm rebuild`, warm);
				side.warm.push(warm);
				line += `; warm ${sec(warm.wallMs)} s`;
			}
			console.log(line);
		}
	const [plain, starlight] = [sides.find((s) => s.name === 'plain'), sides.find((s) => s.name === 'starlight')];

	// --- the output (the last cold build's, rebuilt warm if --warm: the same pages)
	const chapterPage = (i: number) => `chapters/${chapterSlugOf(i)}/index.html`;
	const plainPage = analysePage(outDir, chapterPage(1));
	const diagramPage = analysePage(outDir, chapterPage(2));
	const home = analysePage(outDir, 'index.html');
	const chapterHtml = Array.from({ length: n }, (_, k) => fs.statSync(path.join(outDir, chapterPage(k + 1))).size);
	const pages = fs.readdirSync(outDir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;

	let search: SearchCost | undefined;
	let rareSearch: SearchCost | undefined;
	if (args.search && fs.existsSync(CHROMIUM)) {
		search = await searchCost(outDir, `chapters/${chapterSlugOf(1)}/`, args.query);
		// A word that is on one page only (a term of the middle chapter): the smallest index and fragment set.
		const middle = fs.readFileSync(path.join(courseDir, `chapters/${chapterSlugOf(Math.ceil(n / 2))}.mdx`), 'utf8');
		const rare = [...middle.matchAll(/^- \*\*(\w+) /gm)][0]?.[1];
		if (rare) rareSearch = await searchCost(outDir, `chapters/${chapterSlugOf(1)}/`, rare.toLowerCase());
		console.log(`  search "${search.query}": ${kb(search.bytes)} KB in ${search.requests.length} requests`);
	} else if (args.search) console.warn(`Chromium not found at ${CHROMIUM}: search cost skipped.`);

	let scores: LighthouseScores[] | undefined;
	if (args.lighthouse) {
		scores = await lighthouse(outDir, ['', `chapters/${chapterSlugOf(1)}/`], work);
	}

	// --- medians
	const builds = ours.cold;
	const phaseNames = Object.keys(builds[0]!.phases ?? {}) as (keyof BuildPhases)[];
	const phases = Object.fromEntries(phaseNames.map((p) => [p, round(median(builds.map((b) => b.phases?.[p] ?? 0)))])) as Record<keyof BuildPhases, number>;
	const cpuPhases = Object.fromEntries(phaseNames.map((p) => [p, round(median(builds.map((b) => b.cpuPhases?.[p] ?? 0)))])) as Record<keyof BuildPhases, number>;
	const check = summary(checks);
	const checkAgain = summary(checksAgain);
	const build = summary(builds);
	const sideSummary = (side: Side | undefined) => (side ? { cold: summary(side.cold), ...(args.warm ? { warm: summary(side.warm) } : {}) } : undefined);
	const [plainBuild, starlightBuild] = [sideSummary(plain), sideSummary(starlight)];
	const ratios = {
		...(starlightBuild
			? {
					plainCold: ratio(plainBuild!.cold, starlightBuild.cold),
					plainColdCpu: ratio(plainBuild!.cold, starlightBuild.cold, 'cpuMs'),
					courseVsStarlightPlain: ratio(build, starlightBuild.cold),
					courseVsStarlightPlainCpu: ratio(build, starlightBuild.cold, 'cpuMs'),
					plainPeakMemory: plainBuild!.cold.peakMb && starlightBuild.cold.peakMb ? round(plainBuild!.cold.peakMb / starlightBuild.cold.peakMb, 2) : null,
					...(args.warm ? { plainWarm: ratio(plainBuild!.warm, starlightBuild.warm), plainWarmCpu: ratio(plainBuild!.warm, starlightBuild.warm, 'cpuMs') } : {}),
				}
			: {}),
		...(args.baseline ? { baselineTime: baselineRatio(args.baseline, build.medianMs) } : {}),
	};
	const distBytes = dirBytes(outDir);

	const result = {
		chapters: n,
		runs,
		warm: args.warm,
		machine: {
			cpus: os.cpus().length,
			cpuModel: os.cpus()[0]?.model ?? 'unknown',
			memoryGb: round(os.totalmem() / 1024 ** 3, 1),
			platform: `${os.type()} ${os.release()}`,
			node: process.version,
			astro: versionOf('astro'),
			mdx: versionOf('@astrojs/mdx'),
			pagefind: versionOf('pagefind'),
			loadAverageAtStart: loadBefore.map((l) => round(l, 2)),
		},
		date: started.toISOString(),
		generator,
		course,
		check: { ...check, perChapterMs: round(check.medianMs / n, 2), again: checkAgain },
		build: {
			...build,
			perChapterMs: round(build.medianMs / n, 1),
			phasesMs: phases,
			/** CPU time per phase of the build process (all threads; Pagefind's own process is only in cpuMs). */
			phasesCpuMs: cpuPhases,
			courseChecksPerBuild: [...new Set(builds.map((b) => b.checks ?? null))],
			...(args.warm ? { warm: summary(ours.warm), editedChapter: edited } : {}),
		},
		...(plainBuild ? { plain: { build: plainBuild, distBytes: dirBytes(path.join(work, 'plain-site', 'dist')) } } : {}),
		...(starlightBuild ? { starlight: { ...starlightVersions!, build: starlightBuild, distBytes: dirBytes(path.join(work, 'starlight-dist')) } } : {}),
		ratios,
		output: {
			pages,
			distBytes,
			pagefindBytes: dirBytes(path.join(outDir, 'pagefind')),
			chapterHtmlBytes: { first: chapterHtml[0]!, median: median(chapterHtml), max: Math.max(...chapterHtml) },
		},
		pageWeight: { chapter: pageSummary(plainPage), chapterWithDiagram: pageSummary(diagramPage), home: pageSummary(home) },
		...(search ? { search: { query: search.query, bytes: search.bytes, requests: search.requests, ...(rareSearch ? { rareWord: { query: rareSearch.query, bytes: rareSearch.bytes, requests: rareSearch.requests } } : {}) } } : {}),
		...(scores ? { lighthouse: scores } : {}),
		targets: [] as TargetRow[],
	};
	result.targets = targetRows({
		chapters: n,
		ratios,
		peakMb: plainBuild ? plainBuild.cold.peakMb : build.peakMb,
		checkColdMs: check.medianMs,
		checkAgainMs: checkAgain.medianMs,
		distBytes,
		...(search ? { searchBytes: search.bytes } : {}),
	});

	printTable(result);
	console.log(`\n${formatTargets(result.targets, n)}`);
	if (args.out) {
		fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
		fs.writeFileSync(args.out, `${JSON.stringify(result, null, '\t')}\n`);
		console.log(`\nWrote ${args.out}`);
	}
	if (args.keep) console.log(`Kept ${work}`);
	else fs.rmSync(work, { recursive: true, force: true });
}

/** This run's median cold build time over a previous result's (e.g. 10,000 chapters over 1,000). */
function baselineRatio(file: string, buildMs: number): number | null {
	const base = JSON.parse(fs.readFileSync(file, 'utf8')) as { build?: { medianMs?: number } };
	return base.build?.medianMs ? round(buildMs / base.build.medianMs, 2) : null;
}

type Result = {
	chapters: number;
	check: Summary & { perChapterMs: number; again: Summary };
	build: Summary & { perChapterMs: number; phasesMs: Record<string, number>; phasesCpuMs: Record<string, number>; courseChecksPerBuild: (number | null)[]; warm?: Summary };
	plain?: { build: { cold: Summary; warm?: Summary }; distBytes: number };
	starlight?: { starlight: string; build: { cold: Summary; warm?: Summary }; distBytes: number };
	ratios: Record<string, number | null>;
	output: { pages: number; distBytes: number; pagefindBytes: number; chapterHtmlBytes: { first: number; median: number; max: number } };
	pageWeight: Record<string, ReturnType<typeof pageSummary>>;
	search?: { query: string; bytes: number; requests: unknown[]; rareWord?: { query: string; bytes: number } };
	lighthouse?: LighthouseScores[];
};

function printTable(r: Result) {
	const times = (s: Summary) => `${sec(s.medianMs)} s · CPU ${s.cpuMs === null ? '?' : sec(s.cpuMs)} s · peak ${s.peakMb ?? '?'} MB`;
	const rows: [string, string][] = [
		['chapters', String(r.chapters)],
		['check (median)', `${sec(r.check.medianMs)} s · ${r.check.perChapterMs} ms/chapter · CPU ${r.check.cpuMs === null ? '?' : sec(r.check.cpuMs)} s · peak ${r.check.peakMb ?? '?'} MB`],
		['check again, nothing changed', times(r.check.again)],
		['build (median, cold, incl. Pagefind)', `${times(r.build)} · ${r.build.perChapterMs} ms/chapter`],
		...(r.build.warm ? [['build, warm after a one-line edit', times(r.build.warm)] as [string, string]] : []),
		['  where the time goes (wall, s)', Object.entries(r.build.phasesMs).map(([k, v]) => `${k.replace(/Ms$/, '')} ${sec(v)}`).join(' · ')],
		['  where the CPU goes (s)', Object.entries(r.build.phasesCpuMs).map(([k, v]) => `${k.replace(/Ms$/, '')} ${sec(v)}`).join(' · ')],
		['  course checks per build', r.build.courseChecksPerBuild.join(', ')],
		['pages · dist · Pagefind', `${r.output.pages} · ${mb(r.output.distBytes)} MB · ${mb(r.output.pagefindBytes)} MB`],
		['chapter HTML (first · median · max)', `${kb(r.output.chapterHtmlBytes.first)} · ${kb(r.output.chapterHtmlBytes.median)} · ${kb(r.output.chapterHtmlBytes.max)} KB`],
	];
	for (const [name, w] of Object.entries(r.pageWeight))
		rows.push([`${name}: JS · CSS (raw/gzip)`, `${kb(w.jsBytes)}/${kb(w.jsGzip)} KB · ${kb(w.cssBytes)}/${kb(w.cssGzip)} KB · HTML ${kb(w.htmlBytes)}/${kb(w.htmlGzip)} KB${w.loadsMermaid ? ' · Mermaid on demand' : ''}`]);
	if (r.search) rows.push([`first search "${r.search.query}"`, `${kb(r.search.bytes)} KB in ${r.search.requests.length} requests${r.search.rareWord ? ` (rare word "${r.search.rareWord.query}": ${kb(r.search.rareWord.bytes)} KB)` : ''}`]);
	for (const l of r.lighthouse ?? []) rows.push([`Lighthouse ${l.page}`, `performance ${l.performance} · accessibility ${l.accessibility} · best practices ${l.bestPractices} · SEO ${l.seo}`]);
	if (r.plain) {
		rows.push(['plain corpus, our build (cold)', `${times(r.plain.build.cold)} · dist ${mb(r.plain.distBytes)} MB`]);
		if (r.plain.build.warm) rows.push(['plain corpus, our build (warm)', times(r.plain.build.warm)]);
	}
	if (r.starlight) {
		rows.push([`plain corpus, Starlight ${r.starlight.starlight} (cold)`, `${times(r.starlight.build.cold)} · dist ${mb(r.starlight.distBytes)} MB`]);
		if (r.starlight.build.warm) rows.push([`plain corpus, Starlight (warm)`, times(r.starlight.build.warm)]);
		const x = (k: string) => (r.ratios[k] === undefined ? undefined : (r.ratios[k] ?? '?'));
		rows.push(['ours / Starlight, plain, cold', `${x('plainCold')} (CPU ${x('plainColdCpu')}) · peak memory ${x('plainPeakMemory')}`]);
		rows.push(['course with directives / Starlight plain, cold', `${x('courseVsStarlightPlain')} (CPU ${x('courseVsStarlightPlainCpu')})`]);
		if (x('plainWarm') !== undefined) rows.push(['ours / Starlight, plain, warm', `${x('plainWarm')} (CPU ${x('plainWarmCpu')})`]);
	}
	const width = Math.max(...rows.map(([k]) => k.length));
	console.log('');
	for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

await main();
