/**
 * The tests one family of hostile cases gets (each tests/hostile/<family>.test.ts calls describeFamily):
 *
 * - every `reject:` case alone, checked in-process: exactly its errors, each with a fix;
 * - every `bounded:` case alone, through the real CLI in a child process: within its CPU and memory budget;
 * - the `reject:` cases merged into as few courses as their course.yaml/ownership.yaml allow, each course
 *   checked once by the real CLI and built once by the real build: the same errors, exit code 1, no stack
 *   trace, the previous output folder untouched, no payload run, nothing of the build machine in the log.
 *
 * `build: inert` cases of every family are built together by inert.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	type Case,
	type CliRun,
	checkInProcess,
	countMatches,
	courseDir,
	createEnv,
	expectedOf,
	groupCases,
	type HostileBuild,
	type HostileEnv,
	buildExpectingFailure,
	KILL_AFTER_MS,
	keys,
	leaksIn,
	loadFamily,
	MARKER,
	materialise,
	type Reported,
	runCli,
	STACK_FRAME,
	type ExpectedError,
} from './runner.ts';
import fs from 'node:fs';
import path from 'node:path';

export function describeFamily(family: string) {
	const cases = loadFamily(family);
	const rejects = cases.filter((c) => c.spec.reject && !c.spec.bounded);
	const bounded = cases.filter((c) => c.spec.bounded);

	describe(family, () => {
		let env: HostileEnv;
		beforeAll(() => {
			env = createEnv();
		});
		afterAll(() => env.cleanup());

		describe.skipIf(rejects.length === 0)('checkCourse, each case alone', () => {
			it.each(rejects.map((c) => [c.name, c] as const))('%s', (_name, c) => {
				const dir = materialise([c], courseDir(env, c.name), env);
				const reported = checkInProcess(dir);
				expect(keys(reported), c.spec.about).toEqual(keys(c.spec.reject!));
				expectWellFormed(reported, c.spec.reject!);
				expect(env.canaryFiles(dir), 'files written by a payload').toEqual([]);
			});
		});

		describe.skipIf(bounded.length === 0)('the CLI in a child process, within budget', () => {
			it.each(bounded.map((c) => [c.name, c] as const))('%s', (_name, c) => {
				const dir = materialise([c], courseDir(env, c.name), env);
				const run = runCli(dir, env, { measure: true });
				expectWithinBudget(run, c);
				expectNoCrash(run);
				if (c.spec.reject) {
					expect(keys(run.errors), c.spec.about).toEqual(keys(c.spec.reject));
					expectWellFormed(run.errors, c.spec.reject);
				} else expectCounts(run.errors, c.spec.errors ?? {});
				expect(run.status).toBe(run.errors.length ? 1 : 0);
				expect(env.canaryFiles(dir), 'files written by a payload').toEqual([]);
			});
		});

		for (const group of groupCases(rejects)) {
			const names = group.map((c) => c.name);
			const expected = expectedOf(group);
			describe(`merged into one course: ${names.join(', ')}`, () => {
				let dir: string;
				let cli: CliRun;
				let build: HostileBuild;
				beforeAll(() => {
					dir = materialise(group, courseDir(env, `${family}-merged`), env);
					cli = runCli(dir, env);
					build = buildExpectingFailure(dir, env);
				});

				it('npm run check exits 1 with exactly these errors, each followed by a fix, and no stack trace', () => {
					expectNoCrash(cli);
					expect(keys(cli.errors)).toEqual(keys(expected));
					expectWellFormed(cli.errors, expected);
					expect(cli.status).toBe(1);
				});

				it('the build fails with the same errors and no stack trace', () => {
					expect(build.output).not.toMatch(STACK_FRAME);
					expect(keys(build.errors), build.output.slice(-3000)).toEqual(keys(expected));
					expect(build.status).not.toBe(0);
				});

				it('the failed build leaves the previous site in its output folder', () => {
					expect(fs.existsSync(path.join(build.previousOut, MARKER)), 'the previous site was wiped').toBe(true);
				});

				it('no payload ran, and nothing of the build machine reached the check or build output', () => {
					expect(env.canaryFiles(dir), 'files written by a payload').toEqual([]);
					expect(leaksIn(`${cli.stdout}\n${cli.stderr}`, env)).toEqual([]);
					expect(leaksIn(build.output, env)).toEqual([]);
				});
			});
		}
	});
}

/** Every error has a fix line and names what it must name. */
function expectWellFormed(reported: Reported[], expected: ExpectedError[]) {
	for (const e of reported) expect(e.fix, `${e.file}:${e.line}:${e.column} ${e.rule} has no fix`).toBeTruthy();
	for (const want of expected.filter((e) => e.mentions)) {
		const got = reported.find((r) => r.file === want.file && r.line === want.line && r.column === want.column && r.rule === want.rule);
		for (const m of want.mentions!) expect(got?.message, `${want.file}:${want.line} ${want.rule} should mention ${m}`).toContain(m);
	}
}

function expectNoCrash(run: CliRun) {
	expect(run.killed, `killed after ${KILL_AFTER_MS / 1000} s of wall-clock time`).toBe(false);
	expect(run.stdout).not.toMatch(STACK_FRAME);
	expect(run.stderr).not.toMatch(STACK_FRAME);
	expect(run.stderr.trim(), 'stderr').toBe('');
}

/**
 * The budget for a check of the bundled course plus one hostile chapter: 10 s and 1 GB. It is
 * asserted as CPU time (user + system, all threads) rather than wall-clock time, so a busy shared machine
 * cannot fail it, and peak resident memory. Each case states its budget in case.yaml.
 */
function expectWithinBudget(run: CliRun, c: Case) {
	const budget = c.spec.bounded!;
	expect(run.killed, `${c.name}: killed after ${KILL_AFTER_MS / 1000} s of wall-clock time (budget: ${budget.cpuSeconds} s of CPU)`).toBe(false);
	expect(run.usage, `${c.name}: the checker did not exit normally (status ${run.status}): ${run.stderr.slice(-500)}`).toBeDefined();
	expect(run.usage!.cpuSeconds, `${c.name}: CPU seconds`).toBeLessThanOrEqual(budget.cpuSeconds);
	expect(run.usage!.maxRssMB, `${c.name}: peak memory (MB)`).toBeLessThanOrEqual(budget.memoryMB);
}

function expectCounts(reported: Reported[], counts: Record<string, number | string>) {
	const byRule: Record<string, number> = {};
	for (const e of reported) byRule[e.rule] = (byRule[e.rule] ?? 0) + 1;
	for (const [rule, n] of Object.entries(byRule)) expect(rule in counts, `unexpected ${n} × ${rule}: ${reported.find((e) => e.rule === rule)?.message}`).toBe(true);
	for (const [rule, want] of Object.entries(counts)) expect(countMatches(want, byRule[rule] ?? 0), `${rule}: ${byRule[rule] ?? 0} errors, expected ${want}`).toBe(true);
}
