/**
 * Inputs that take minutes: each must be checked (with the bundled course) within the budget of
 * 10 s and 1 GB. See cases/slow/ and README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.ts';
import { describeFamily } from './family.ts';
import { createEnv, runCli } from './runner.ts';

describeFamily('slow');

// The reference point: the budget is for the bundled course *plus* one chapter, so the course alone must
// take a fraction of it (if this fails, the slow cases below say nothing about their chapters).
const env = createEnv();
afterAll(() => env.cleanup());

it('the bundled course alone checks clean in well under the budget', () => {
	const dir = path.join(env.tmp, 'bundled');
	fs.cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
	const run = runCli(dir, env, { measure: true });
	expect(run.errors).toEqual([]);
	expect(run.status).toBe(0);
	expect(run.usage!.cpuSeconds).toBeLessThan(5);
	expect(run.usage!.maxRssMB).toBeLessThan(512);
});
