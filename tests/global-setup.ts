/**
 * Builds the fixture courses once per test run (a build takes seconds; every site test reads the same output).
 * Tests get the output folders through `inject('builds')`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildCourse, ROOT } from './helpers/build.ts';

/** Fixture courses that tests read built. Add one here to have it built. */
export const FIXTURES: Record<string, string> = {
	basic: 'tests/fixtures/basic-course',
	// Browser tests (tests/e2e): quizzes, flashcards, an exercise, deployed under /learn/.
	interactive: 'tests/fixtures/interactive-course',
	// The bundled course (content/): real Pagefind queries against its index (tests/site/bundled-search.test.ts).
	bundled: 'content',
};

declare module 'vitest' {
	export interface ProvidedContext {
		builds: Record<string, string>;
	}
}

export default function setup(project: TestProject) {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'course-site-test-'));
	const builds: Record<string, string> = {};
	for (const [name, dir] of Object.entries(FIXTURES)) {
		const out = path.join(root, name);
		const r = buildCourse(path.join(ROOT, dir), out);
		if (r.status !== 0) throw new Error(`Building fixture "${name}" failed:\n${r.output.slice(-4000)}`);
		builds[name] = out;
	}
	project.provide('builds', builds);
	return () => fs.rmSync(root, { recursive: true, force: true });
}
