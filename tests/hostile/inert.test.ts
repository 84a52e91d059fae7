/**
 * `build: inert` cases of every family: valid courses full of things that look like code. Built together
 * (one build per distinct course.yaml, since a build takes seconds), with a canary secret in the build's
 * environment and payloads that would write canary files or set `window.__pwned`. Each must check clean,
 * build, publish every chapter as a page, and stay inert in the build, in the site and in Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BuildResult } from '../helpers/build.ts';
import { skipBrowserTests } from '../helpers/browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSite } from '../../src/config/site.ts';
import { type PageReport, visitSite } from './browse.ts';
import { allCases, buildExpectingSite, checkInProcess, courseDir, createEnv, groupCases, type HostileEnv, keys, leaksIn, leaksInSite, materialise, STACK_FRAME } from './runner.ts';

const inert = allCases().filter((c) => c.spec.build === 'inert');
const noBrowser = skipBrowserTests();

describe('inert builds', () => {
	let env: HostileEnv;
	beforeAll(() => {
		env = createEnv();
	});
	afterAll(() => env.cleanup());

	it('has cases', () => expect(inert.length).toBeGreaterThan(0));

	for (const group of groupCases(inert)) {
		describe(`built together: ${group.map((c) => `${c.family}/${c.name}`).join(', ')}`, () => {
			let dir: string;
			let build: BuildResult;
			let pages: PageReport[] = [];
			beforeAll(async () => {
				dir = materialise(group, courseDir(env, 'inert'), env);
				build = buildExpectingSite(dir, env);
				if (build.status === 0 && !noBrowser) pages = await visitSite(build.outDir, resolveSite({ courseDir: dir }).base);
			});

			it('checks clean', () => {
				expect(keys(checkInProcess(dir))).toEqual([]);
			});

			it('builds, with no stack trace', () => {
				expect(build.output).not.toMatch(STACK_FRAME);
				expect(build.status, build.output.slice(-3000)).toBe(0);
			});

			it('publishes every chapter as a page at /chapters/<file-name>/', () => {
				const chapters = fs
					.readdirSync(path.join(dir, 'chapters'), { recursive: true, encoding: 'utf8' })
					.filter((f) => /\.mdx?$/.test(f))
					.map((f) => path.basename(f).replace(/\.mdx?$/, ''));
				const missing = chapters.filter((slug) => !fs.existsSync(path.join(build.outDir, 'chapters', slug, 'index.html')));
				expect(missing).toEqual([]);
			});

			it('writes no canary file, and puts nothing of the build machine in the site or the build log', () => {
				expect(env.canaryFiles(dir), 'files written by a payload').toEqual([]);
				expect(leaksIn(build.output, env)).toEqual([]);
				expect(fs.existsSync(build.outDir) ? leaksInSite(build.outDir, env) : []).toEqual([]);
			});

			it.skipIf(noBrowser)('in Chromium: no payload ran, no script or stylesheet from another origin', () => {
				expect(pages.length, 'pages visited').toBeGreaterThan(0);
				const problems = pages.flatMap((p) => [
					...(p.status === 200 ? [] : [`${p.page}: HTTP ${p.status}`]),
					...(p.pwned === undefined ? [] : [`${p.page}: window.__pwned = ${JSON.stringify(p.pwned)}`]),
					...(p.titleAfter === p.titleServed ? [] : [`${p.page}: document.title changed to ${JSON.stringify(p.titleAfter)}`]),
					...p.dialogs.map((d) => `${p.page}: dialog ${d}`),
					...p.crossOrigin.map((r) => `${p.page}: loads ${r}`),
				]);
				expect(problems).toEqual([]);
			});

			it.skipIf(noBrowser)('shows each case’s pages with their heading and images', () => {
				for (const c of group)
					for (const want of c.spec.pages ?? []) {
						const page = pages.find((p) => p.page === want.path);
						expect(page, `${c.name}: page ${want.path}`).toBeDefined();
						if (want.h1 !== undefined) expect(page!.h1, `${c.name}: heading of ${want.path}`).toBe(want.h1);
						for (const img of want.images ?? []) {
							const found = page!.images.find((i) => i.alt === img.alt);
							expect(found, `${c.name}: image "${img.alt}" on ${want.path}`).toBeDefined();
							expect(found).toEqual({ alt: img.alt, width: String(img.width), height: String(img.height), loading: 'lazy' });
						}
					}
			});
		});
	}
});
