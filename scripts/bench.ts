/**
 * `npm run bench -- --chapters 200 [--runs 3] [--vs-starlight] [--lighthouse] [--no-search] [--out bench/results/x.json]`
 *
 * Generates a deterministic synthetic course of N chapters (scripts/bench/generate.ts) in a temporary folder,
 * then measures, as the median of several runs: `npm run check` time and memory, a cold `astro build` (with
 * Pagefind) time, memory and where the time goes, the output sizes, what one chapter page loads (with and
 * without a diagram), the bytes a first search fetches in Chromium, and optionally Lighthouse scores and the
 * same corpus built by Astro Starlight. Prints a table and writes JSON. See docs/performance.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM, type SearchCost, searchCost } from './bench/browser.ts';
import { chapterSlugOf, generateCourse, writeCourse } from './bench/generate.ts';
import { type LighthouseScores, lighthouse } from './bench/lighthouse.ts';
import { analysePage, type PageWeight } from './bench/page-weight.ts';
import { type BuildPhases, type BuildRun, hasGnuTime, type Run, runBuild, runCheck } from './bench/run.ts';
import { dirBytes, prepareSiteRoot, ROOT } from './bench/site-root.ts';
import { ensureStarlight, prepareStarlight, runStarlightBuild } from './bench/starlight.ts';

const USAGE = `Usage: npm run bench -- --chapters N [--runs 3] [--vs-starlight] [--lighthouse] [--no-search] [--query word] [--out file.json] [--keep]

  --chapters N      size of the synthetic course (e.g. 26, 200, 1000)
  --runs R          runs per measurement; figures are medians (default 3)
  --vs-starlight    also build the same corpus (plain Markdown) with Astro Starlight, alternating runs
  --lighthouse      Lighthouse scores of the home page and a chapter page (Chromium at $CHROME_PATH or /usr/bin/chromium)
  --no-search       skip the search-cost measurement in Chromium
  --query word      the single-word query for the search cost (default: firewall, which matches most chapters)
  --out file        write the results as JSON (e.g. bench/results/baseline-200.json)
  --keep            keep the temporary folder (course, site, output) and print its path`;

interface Args {
	chapters: number;
	runs: number;
	vsStarlight: boolean;
	lighthouse: boolean;
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
			lighthouse: { type: 'boolean', default: false },
			'no-search': { type: 'boolean', default: false },
			query: { type: 'string', default: 'firewall' },
			out: { type: 'string' },
			keep: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h' },
		},
	});
	const chapters = Number(values.chapters);
	const runs = Number(values.runs);
	if (values.help || !Number.isInteger(chapters) || chapters < 2 || !Number.isInteger(runs) || runs < 1) return undefined;
	return { chapters, runs, vsStarlight: values['vs-starlight']!, lighthouse: values.lighthouse!, search: !values['no-search'], query: values.query!, ...(values.out ? { out: values.out } : {}), keep: values.keep! };
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

async function main() {
	const args = parse(process.argv.slice(2));
	if (!args) {
		console.error(USAGE);
		process.exitCode = 2;
		return;
	}
	const { chapters: n, runs } = args;
	if (!hasGnuTime()) console.warn('GNU time (/usr/bin/time) not found: peak memory will not be reported (apt-get install time).');
	const work = fs.mkdtempSync(path.join(os.tmpdir(), `course-bench-${n}-`));
	const courseDir = path.join(work, 'course');
	const outDir = path.join(work, 'site', 'dist');
	const started = new Date();
	const loadBefore = os.loadavg();
	console.log(`Benchmark: ${n} chapters, ${runs} run${runs > 1 ? 's' : ''} each, in ${work}`);

	const files = generateCourse(n);
	writeCourse(courseDir, files);
	const root = prepareSiteRoot(path.join(work, 'site'));

	// --- npm run check
	const checks: Run[] = [];
	for (let r = 0; r < runs; r++) {
		const run = runCheck(courseDir);
		if (!run.ok) fail('npm run check', run);
		checks.push(run);
		console.log(`  check  run ${r + 1}: ${sec(run.wallMs)} s`);
	}

	// --- astro build (alternating with Starlight, so both see the same machine conditions)
	let starlight: { versions: { astro: string; starlight: string }; runs: Run[] } | undefined;
	if (args.vsStarlight) {
		const versions = ensureStarlight();
		prepareStarlight(generateCourse(n, { plain: true }));
		starlight = { versions, runs: [] };
	}
	const builds: BuildRun[] = [];
	for (let r = 0; r < runs; r++) {
		const run = runBuild(root, courseDir, outDir, work);
		if (!run.ok) fail('astro build', run);
		builds.push(run);
		console.log(`  build  run ${r + 1}: ${sec(run.wallMs)} s (course checked ${run.checks}×)`);
		if (starlight) {
			const s = runStarlightBuild(path.join(work, 'starlight-dist'));
			if (!s.ok) fail('Starlight build', s);
			starlight.runs.push(s);
			console.log(`  starlight run ${r + 1}: ${sec(s.wallMs)} s`);
		}
	}

	// --- the output (the last build's)
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
		const rare = [...files.get(`chapters/${chapterSlugOf(Math.ceil(n / 2))}.mdx`)!.matchAll(/^- \*\*(\w+) /gm)][0]?.[1];
		if (rare) rareSearch = await searchCost(outDir, `chapters/${chapterSlugOf(1)}/`, rare.toLowerCase());
		console.log(`  search "${search.query}": ${kb(search.bytes)} KB in ${search.requests.length} requests`);
	} else if (args.search) console.warn(`Chromium not found at ${CHROMIUM}: search cost skipped.`);

	let scores: LighthouseScores[] | undefined;
	if (args.lighthouse) {
		scores = await lighthouse(outDir, ['', `chapters/${chapterSlugOf(1)}/`], work);
	}

	// --- medians
	const phaseNames = Object.keys(builds[0]!.phases ?? {}) as (keyof BuildPhases)[];
	const phases = Object.fromEntries(phaseNames.map((p) => [p, round(median(builds.map((b) => b.phases?.[p] ?? 0)))])) as Record<keyof BuildPhases, number>;
	const cpuPhases = Object.fromEntries(phaseNames.map((p) => [p, round(median(builds.map((b) => b.cpuPhases?.[p] ?? 0)))])) as Record<keyof BuildPhases, number>;
	const cpu = (rs: Run[]) => (rs.every((r) => r.cpuMs !== undefined) ? round(median(rs.map((r) => r.cpuMs!))) : null);
	const checkMs = median(checks.map((c) => c.wallMs));
	const buildMs = median(builds.map((b) => b.wallMs));
	const starlightMs = starlight ? median(starlight.runs.map((s) => s.wallMs)) : undefined;
	const peak = (rs: Run[]) => (rs.every((r) => r.peakMb !== undefined) ? round(median(rs.map((r) => r.peakMb!))) : null);

	const result = {
		chapters: n,
		runs,
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
		course: { files: files.size, bytes: [...files.values()].reduce((s, t) => s + Buffer.byteLength(t), 0), words: [...files.values()].reduce((s, t) => s + t.split(/\s+/).length, 0) },
		check: { medianMs: round(checkMs), perChapterMs: round(checkMs / n, 2), cpuMs: cpu(checks), peakMb: peak(checks), runsMs: checks.map((c) => round(c.wallMs)) },
		build: {
			medianMs: round(buildMs),
			perChapterMs: round(buildMs / n, 1),
			cpuMs: cpu(builds),
			peakMb: peak(builds),
			runsMs: builds.map((b) => round(b.wallMs)),
			phasesMs: phases,
			/** CPU time per phase of the build process (all threads; Pagefind's own process is only in cpuMs). */
			phasesCpuMs: cpuPhases,
			courseChecksPerBuild: [...new Set(builds.map((b) => b.checks))],
		},
		output: {
			pages,
			distBytes: dirBytes(outDir),
			pagefindBytes: dirBytes(path.join(outDir, 'pagefind')),
			chapterHtmlBytes: { first: chapterHtml[0]!, median: median(chapterHtml), max: Math.max(...chapterHtml) },
		},
		pageWeight: { chapter: pageSummary(plainPage), chapterWithDiagram: pageSummary(diagramPage), home: pageSummary(home) },
		...(search ? { search: { query: search.query, bytes: search.bytes, requests: search.requests, ...(rareSearch ? { rareWord: { query: rareSearch.query, bytes: rareSearch.bytes, requests: rareSearch.requests } } : {}) } } : {}),
		...(scores ? { lighthouse: scores } : {}),
		...(starlight && starlightMs !== undefined
			? {
					starlight: {
						...starlight.versions,
						medianMs: round(starlightMs),
						cpuMs: cpu(starlight.runs),
						peakMb: peak(starlight.runs),
						runsMs: starlight.runs.map((r) => round(r.wallMs)),
						ratio: round(buildMs / starlightMs, 2),
						cpuRatio: cpu(builds) && cpu(starlight.runs) ? round(cpu(builds)! / cpu(starlight.runs)!, 2) : null,
					},
				}
			: {}),
	};

	printTable(result);
	if (args.out) {
		fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
		fs.writeFileSync(args.out, `${JSON.stringify(result, null, '\t')}\n`);
		console.log(`\nWrote ${args.out}`);
	}
	if (args.keep) console.log(`Kept ${work}`);
	else fs.rmSync(work, { recursive: true, force: true });
}

type Result = {
	chapters: number;
	check: { medianMs: number; perChapterMs: number; cpuMs: number | null; peakMb: number | null };
	build: { medianMs: number; perChapterMs: number; cpuMs: number | null; peakMb: number | null; phasesMs: Record<string, number>; phasesCpuMs: Record<string, number>; courseChecksPerBuild: (number | undefined)[] };
	output: { pages: number; distBytes: number; pagefindBytes: number; chapterHtmlBytes: { first: number; median: number; max: number } };
	pageWeight: Record<string, ReturnType<typeof pageSummary>>;
	search?: { query: string; bytes: number; requests: unknown[]; rareWord?: { query: string; bytes: number } };
	lighthouse?: LighthouseScores[];
	starlight?: { medianMs: number; ratio: number; cpuRatio: number | null; starlight: string };
};

function printTable(r: Result) {
	const rows: [string, string][] = [
		['chapters', String(r.chapters)],
		['check (median)', `${sec(r.check.medianMs)} s · ${r.check.perChapterMs} ms/chapter · CPU ${r.check.cpuMs === null ? '?' : sec(r.check.cpuMs)} s · peak ${r.check.peakMb ?? '?'} MB`],
		['build (median, cold, incl. Pagefind)', `${sec(r.build.medianMs)} s · ${r.build.perChapterMs} ms/chapter · CPU ${r.build.cpuMs === null ? '?' : sec(r.build.cpuMs)} s · peak ${r.build.peakMb ?? '?'} MB`],
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
	if (r.starlight) rows.push([`Starlight ${r.starlight.starlight} build`, `${sec(r.starlight.medianMs)} s · ours/Starlight = ${r.starlight.ratio} (CPU time: ${r.starlight.cpuRatio ?? '?'})`]);
	const width = Math.max(...rows.map(([k]) => k.length));
	console.log('');
	for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

await main();
