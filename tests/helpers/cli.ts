/**
 * `npm run check` for tests: in-process through the CLI's exported `main` (fast, the same code path), or as a
 * real process (one per output format is enough to prove the wiring: tests/check/cli.test.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli/check.ts';
import { ROOT } from './build.ts';

export interface CliResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

export interface CliOptions {
	cwd?: string;
	/** Variables to set (or, as '', to empty) on top of the test process's environment. */
	env?: Record<string, string>;
}

/** Run the checker CLI in this process, capturing what it prints. */
export async function checkCli(args: string[], { cwd = ROOT, env = {} }: CliOptions = {}): Promise<CliResult> {
	let stdout = '';
	let stderr = '';
	const status = await main(args, { cwd, env: { ...process.env, ...env }, out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
	return { status, stdout, stderr };
}

/** Run `node src/cli/bin.mjs check …` as a real process, as `npm run check` does (with the project's Node). */
export function spawnCheckCli(args: string[], { cwd = ROOT, env = {} }: CliOptions = {}): CliResult {
	// The timeout turns a checker that never exits into a failure instead of a hung test run.
	const r = spawnSync(path.join(ROOT, 'node_modules/.bin/node'), [path.join(ROOT, 'src/cli/bin.mjs'), 'check', ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
