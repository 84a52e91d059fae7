/**
 * Runs the two measured commands — `npm run check` and `astro build` — as child processes and records wall time,
 * CPU time and peak memory (GNU time: user + system time of the process and the children it waited for; the
 * maximum resident set size of the largest of them) and, for builds, where the time went.
 *
 * Build phases come from marks written by a wrapper config (see benchConfig below): two tiny integrations around
 * ours bracket the course check (astro:config:setup) and Pagefind (astro:build:done), and a Vite plugin marks
 * each environment's bundle — the prerender bundle is where every MDX chapter is compiled through our remark
 * plugin; page rendering runs from the end of the client bundle to astro:build:generated.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, type SiteRoot } from '../lib/site-root.ts';

export const NODE = process.execPath;
const TIME = '/usr/bin/time';
export const hasGnuTime = () => fs.existsSync(TIME);

export interface Run {
	ok: boolean;
	wallMs: number;
	/** User + system CPU time in ms (GNU time), steadier than wall time when the machine is shared. */
	cpuMs?: number;
	/** Peak resident memory in MB, or undefined without GNU time. */
	peakMb?: number;
	output: string;
}

export interface BuildPhases {
	/** Node start-up, loading Astro and the config, up to our integration's setup hook. */
	startupMs: number;
	/** The full course check in astro:config:setup (parse every chapter, all rules, the model). */
	checkMs: number;
	/** Route and Vite setup plus Astro's content layer sync (reads and hashes every chapter). */
	syncMs: number;
	/** The server (prerender) bundle: every chapter's MDX compiled through our remark plugin, every .astro compiled. */
	bundleMs: number;
	/** The client bundle (scripts and CSS). */
	clientMs: number;
	/** Rendering every page to HTML and writing it. */
	renderMs: number;
	/** Pagefind: indexing the HTML and writing the bundle. */
	pagefindMs: number;
	/** Whatever is left (exit, flushing). */
	otherMs: number;
}

export interface BuildRun extends Run {
	phases?: BuildPhases;
	/** The same phases in CPU time of the build process (all its threads; Pagefind's own process is not included). */
	cpuPhases?: BuildPhases;
	/** How many times the course was checked during the build (should be 1), when the build reports it. */
	checks?: number | null;
}

/** Run a command under GNU time (when present) and time it. */
export function timed(cmd: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
	const useTime = hasGnuTime();
	const start = performance.now();
	const r = spawnSync(useTime ? TIME : cmd, useTime ? ['-v', cmd, ...args] : args, {
		cwd: options.cwd ?? ROOT,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...options.env },
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
	});
	const wallMs = performance.now() - start;
	const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}`;
	const stat = (name: string) => new RegExp(`${name}: ([\\d.]+)`).exec(r.stderr ?? '')?.[1];
	const rss = stat('Maximum resident set size \\(kbytes\\)');
	const user = stat('User time \\(seconds\\)');
	const sys = stat('System time \\(seconds\\)');
	return { ok: r.status === 0, wallMs, ...(user && sys ? { cpuMs: (Number(user) + Number(sys)) * 1000 } : {}), ...(rss ? { peakMb: Number(rss) / 1024 } : {}), output };
}

/**
 * `npm run check` on a course, from the private root (its own copy of the CLI and its own
 * node_modules/.cache, so a check cache, if any, is private to the benchmark and `cold` can clear it).
 */
export function runCheck(root: SiteRoot, courseDir: string, { cold = true } = {}): Run {
	if (cold) root.clearCaches();
	return timed(NODE, [path.join(root.dir, 'src/cli/bin.mjs'), 'check', courseDir], { cwd: root.dir });
}

/**
 * JavaScript, run in the build process at astro:build:done, that says how many times the course was checked
 * in that build: the loader's counter (\`loadStats\` in src/loader/load.ts, kept on globalThis). The one place
 * to change when the pipeline counts differently; \`null\` when the build does not report it.
 */
const courseChecksSource = () => 'globalThis.__courseSiteStats?.checks ?? null';

const BENCH_CONFIG = 'astro.bench.config.mjs';

/**
 * The project's config with a timing integration before and after ours, and a Vite plugin marking the start and
 * end of each environment's bundle. Each mark records wall time and the process's CPU time (all threads), so
 * phases can be compared even when the machine is shared. Written into the private root.
 */
const benchConfig = () => `import fs from 'node:fs';
import config from './astro.config.mjs';

const marks = {};
const mark = (name) => {
	if (marks[name]) return;
	const cpu = process.cpuUsage();
	marks[name] = { wall: performance.now(), cpu: (cpu.user + cpu.system) / 1000 };
};
const first = { name: 'bench:first', hooks: {
	'astro:config:setup': () => mark('setupStart'),
	'astro:build:done': () => mark('doneStart'),
} };
const last = { name: 'bench:last', hooks: {
	'astro:config:setup': () => mark('setupEnd'),
	'astro:build:start': () => mark('buildStart'),
	'astro:build:generated': () => mark('generated'),
	'astro:build:done': () => {
		mark('doneEnd');
		fs.writeFileSync(process.env.BENCH_MARKS, JSON.stringify({ marks, checks: ${courseChecksSource()} }));
	},
} };
const bundles = {
	name: 'bench:bundles',
	buildStart() { mark(this.environment.name + ':start'); },
	writeBundle() { mark(this.environment.name + ':end'); },
};
export default {
	...config,
	vite: { ...config.vite, plugins: [...(config.vite?.plugins ?? []), bundles] },
	integrations: [first, ...config.integrations, last],
};
`;

/**
 * One `astro build` of the course into outDir. Cold (the default) clears every cache and the output first, like
 * a CI build; warm keeps them, like an author building again after an edit.
 */
export function runBuild(root: SiteRoot, courseDir: string, outDir: string, work: string, { cold = true } = {}): BuildRun {
	fs.writeFileSync(path.join(root.dir, BENCH_CONFIG), benchConfig());
	if (cold) {
		root.clearCaches();
		fs.rmSync(outDir, { recursive: true, force: true });
	}
	const marksFile = path.join(work, 'marks.json');
	fs.rmSync(marksFile, { force: true });
	const run = timed(NODE, [path.join(root.dir, 'node_modules/astro/bin/astro.mjs'), 'build', '--config', BENCH_CONFIG], {
		cwd: root.dir,
		env: { COURSE_DIR: courseDir, OUT_DIR: outDir, BENCH_MARKS: marksFile },
	});
	if (!run.ok || !fs.existsSync(marksFile)) return run;
	const { marks, checks } = JSON.parse(fs.readFileSync(marksFile, 'utf8')) as { marks: Record<string, { wall: number; cpu: number }>; checks: number | null };
	const span = (from: string, to: string, clock: 'wall' | 'cpu') => (marks[to] && marks[from] ? marks[to][clock] - marks[from][clock] : 0);
	const phasesOf = (clock: 'wall' | 'cpu', total: number): BuildPhases => {
		const p: BuildPhases = {
			startupMs: marks.setupStart?.[clock] ?? 0,
			checkMs: span('setupStart', 'setupEnd', clock),
			syncMs: span('setupEnd', 'prerender:start', clock),
			bundleMs: span('prerender:start', 'prerender:end', clock) + span('ssr:start', 'ssr:end', clock),
			// The client environment's buildStart fires early (Astro creates it during setup): measure from the prerender end.
			clientMs: span('prerender:end', 'client:end', clock),
			renderMs: span('client:end', 'generated', clock),
			pagefindMs: span('doneStart', 'doneEnd', clock),
			otherMs: 0,
		};
		p.otherMs = Math.max(0, total - Object.values(p).reduce((a, b) => a + b, 0));
		return p;
	};
	const phases = phasesOf('wall', run.wallMs);
	const cpuPhases = phasesOf('cpu', run.cpuMs ?? marks.doneEnd?.cpu ?? 0);
	return { ...run, phases, cpuPhases, checks };
}
