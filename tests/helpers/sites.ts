/**
 * Built fixture sites, made on first use and shared: `await builtSite('basic')` builds the course the first
 * time any test file of the run asks for it and returns its output folder; every other file and worker waits
 * for that build (a lock file beside it) and reuses it. A unit test never waits for a build it does not use.
 *
 * A build is named by a digest of everything it is made from (the course folder, the project's sources and
 * config, the lock file), so with COURSE_SITE_TEST_BUILDS=/some/dir (kept between runs) an unchanged build is
 * reused, and any change makes a new one.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildCourse, ROOT } from './build.ts';

/** The environment variable naming the folder builds go to (set per run by tests/global-setup.ts). */
export const BUILDS_ENV = 'COURSE_SITE_TEST_BUILDS';
/** A different id for every run (tests/global-setup.ts): a build that failed in this run is not tried again. */
export const RUN_ENV = 'COURSE_SITE_TEST_RUN';

/** Fixture courses that tests read built. Add one here to have it built on demand. */
export const SITES = {
	/** Two chapters (one with a diagram, one with an image): HTML, Pagefind, budgets. */
	basic: 'tests/fixtures/basic-course',
	/** Browser tests (tests/e2e): quizzes, flashcards, an exercise, deployed under /learn/. */
	interactive: 'tests/fixtures/interactive-course',
	/** The bundled course (content/): real Pagefind queries, the matrix and glossary pages. */
	bundled: 'content',
	/** Parts, relative links, heading ids, a local image and a draft (tests/site/pipeline.test.ts). */
	pipeline: 'tests/fixtures/pipeline-course',
	/** The example course: German, on Microsoft Azure, with its own parties (tests/site/languages.test.ts). */
	azure: 'examples/azure-de',
	/** A schema with three parties (tests/site/languages.test.ts). */
	threeParty: 'tests/fixtures/three-party-course',
	/** English with a German translation, one chapter left untranslated (tests/site/languages.test.ts). */
	translated: 'tests/fixtures/translated-course',
	/** An address, a repository, a translation and code blocks: metadata, sitemap, edit links, dates, code (tests/site/metadata.test.ts). */
	metadata: 'tests/fixtures/site-course',
	/** `policy.allowMdx`: chapters are trusted code, compiled by @astrojs/mdx (tests/site/trusted-mdx.test.ts). */
	trusted: 'tests/fixtures/trusted-course',
} as const;
export type SiteName = keyof typeof SITES;

/** What a build depends on besides its course. node_modules is covered by the lock file. */
const PROJECT_INPUTS = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
/** Environment variables the build reads. */
const BUILD_ENV = ['BASE_PATH', 'SITE_URL'];

const POLL_MS = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function builtSite(name: SiteName): Promise<string> {
	const root = process.env[BUILDS_ENV];
	if (!root) throw new Error(`${BUILDS_ENV} is not set: run the tests through Vitest (tests/global-setup.ts sets it).`);
	const key = `${name}-${inputDigest(path.join(ROOT, SITES[name]))}`;
	const out = path.join(root, key);
	const ok = `${out}.ok`;
	const lock = `${out}.lock`;
	const failed = `${out}.failed`;
	for (;;) {
		if (fs.existsSync(ok)) return out;
		// A build that failed in this run fails every file that needs it, without building again.
		const failure = fs.existsSync(failed) ? fs.readFileSync(failed, 'utf8') : '';
		if (failure.startsWith(`${runId()}\n`)) throw new Error(failure.slice(failure.indexOf('\n') + 1));
		if (takeLock(lock)) break;
		await sleep(POLL_MS); // another worker is building it
	}
	try {
		if (fs.existsSync(ok)) return out;
		fs.rmSync(failed, { force: true });
		const started = performance.now();
		const r = buildCourse(path.join(ROOT, SITES[name]), out);
		if (r.status !== 0) {
			const message = `Building the "${name}" fixture (${SITES[name]}) failed:\n${r.output.slice(-4000)}`;
			fs.writeFileSync(failed, `${runId()}\n${message}`);
			throw new Error(message);
		}
		fs.writeFileSync(ok, `built in ${Math.round(performance.now() - started)} ms\n`);
		return out;
	} finally {
		fs.rmSync(lock, { force: true });
	}
}

const runId = () => process.env[RUN_ENV] ?? String(process.ppid);

/** Create the lock file, or take over one whose process is gone. False while a live process holds it. */
function takeLock(lock: string): boolean {
	try {
		fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	let text: string;
	try {
		text = fs.readFileSync(lock, 'utf8');
	} catch (error) {
		// Released between the two calls: try again.
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return takeLock(lock);
		throw error;
	}
	// Empty: its holder has created it and not yet written its pid (unless it died in between, long ago).
	if (!text) {
		const made = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
		if (made !== undefined && Date.now() - made < 10_000) return false;
	}
	const holder = Number(text);
	if (holder && isAlive(holder)) return false;
	fs.rmSync(lock, { force: true });
	return takeLock(lock);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** A digest of the course folder, the project's build inputs and the build's environment. */
export function inputDigest(courseDir: string): string {
	const hash = createHash('sha256');
	const add = (dir: string, label: string) => {
		if (!fs.existsSync(dir)) return;
		if (fs.statSync(dir).isFile()) {
			hash.update(`${label}\0`).update(fs.readFileSync(dir)).update('\0');
			return;
		}
		const files = (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
		for (const f of files) hash.update(`${label}/${f}\0`).update(fs.readFileSync(path.join(dir, f))).update('\0');
	};
	add(courseDir, 'course');
	for (const input of PROJECT_INPUTS) add(path.join(ROOT, input), input);
	for (const v of BUILD_ENV) hash.update(`${v}=${process.env[v] ?? ''}\0`);
	return hash.digest('hex').slice(0, 16);
}
