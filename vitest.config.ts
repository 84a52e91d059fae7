/**
 * Four lanes, one Vitest project each (`npm run test:unit`, `test:site`, `test:e2e`, `test:hostile`; `npm test` runs all):
 *   unit  no builds, no browser: checker, renderers, scripts, CLI in-process, docs, workflows, .ci/run
 *   site  tests that build sites (tests/site/): HTML, Pagefind, budgets, the dev server, failing builds
 *   e2e   browser tests (tests/e2e/) against the built interactive fixture
 *   hostile  attack and mistake courses (tests/hostile/): rejected with a line and a rule, or built inert
 * Fixture sites are built on first use and shared by every file and worker of the run (tests/helpers/sites.ts).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		// Runs once per run, whatever the lanes: makes the folder the shared builds go to.
		globalSetup: ['tests/global-setup.ts'],
		testTimeout: 120_000,
		hookTimeout: 300_000,
		// Builds and browsers are heavy; two cores.
		maxWorkers: 2,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/**/*.test.ts'],
					exclude: ['tests/site/**', 'tests/e2e/**', 'tests/hostile/**'],
					testTimeout: 30_000,
					// tests/helpers/build.ts and browser.ts refuse to start a build or a browser in this lane.
					env: { COURSE_SITE_TEST_LANE: 'unit' },
				},
			},
			// The hostile-content suite builds its attack courses and loads them in Chromium: a lane of its own.
			{ extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'] } },
			{ extends: true, test: { name: 'hostile', include: ['tests/hostile/**/*.test.ts'] } },
			// A browser on a shared machine can be slow to settle: polled expectations wait up to 5 s.
			{ extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], expect: { poll: { timeout: 5_000 } } } },
		],
	},
});
