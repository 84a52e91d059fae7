/**
 * Once per test run, in every lane: the folder where fixture sites are built on first use
 * (tests/helpers/sites.ts), shared by all test files and workers of the run, and removed at the end.
 * `COURSE_SITE_TEST_BUILDS=/some/dir` keeps the builds there instead, reused by later runs while the inputs of
 * a build (its course, the project's sources, the lock file) are unchanged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { BUILDS_ENV, RUN_ENV } from './helpers/sites.ts';

export default function setup() {
	process.env[RUN_ENV] = randomUUID();
	if (process.env[BUILDS_ENV]) {
		fs.mkdirSync(process.env[BUILDS_ENV], { recursive: true });
		return;
	}
	// Workers inherit the environment, so every file of the run finds the same folder.
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'course-site-test-'));
	process.env[BUILDS_ENV] = root;
	return () => {
		fs.rmSync(root, { recursive: true, force: true });
		delete process.env[BUILDS_ENV];
	};
}
