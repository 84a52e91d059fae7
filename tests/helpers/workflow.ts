/**
 * Run a GitHub Actions job here, the way the runner does: each `run:` step in order, as `bash -e` (the default
 * shell), with the step's `env`, `${{ … }}` expressions filled in from a given context, stopping at the first
 * step that fails. `uses:` steps are recorded with their inputs (an upload's `path` is checked to exist when
 * asked). Commands can be stubbed (tests/helpers/stubs.ts) so a test sees what a job or script invokes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './build.ts';

export interface Step {
	name?: string;
	uses?: string;
	run?: string;
	id?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
export interface Job {
	'runs-on': string;
	needs?: string | string[];
	environment?: { name: string; url: string };
	steps: Step[];
}
export interface Workflow {
	name: string;
	on: Record<string, unknown>;
	permissions: Record<string, string>;
	jobs: Record<string, Job>;
}

export const loadWorkflow = (name: string) => parse(fs.readFileSync(path.join(ROOT, '.github/workflows', name), 'utf8')) as Workflow;

export interface JobRun {
	/** The job finished with every step passing. */
	ok: boolean;
	/** The name of the step that failed. */
	failed?: string;
	/** The steps that ran, in order: `run: <command>` or `uses: <action>`. */
	steps: string[];
	/** Inputs of the `uses:` steps that ran, by action (`actions/upload-artifact` → its `with`). */
	actions: { action: string; with: Record<string, unknown> }[];
	/** Output of the `run:` steps. */
	output: string;
}

export interface RunJobOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	/** Values of `${{ … }}` expressions, by expression. */
	context?: Record<string, string>;
	/** Fail an upload step whose `path` does not exist under cwd (as the upload actions do). */
	checkUploads?: boolean;
}

const UPLOADS = new Set(['actions/upload-artifact', 'actions/upload-pages-artifact']);

export function runJob(job: Job, { cwd, env, context = {}, checkUploads = false }: RunJobOptions): JobRun {
	const result: JobRun = { ok: true, steps: [], actions: [], output: '' };
	const fill = (text: string) =>
		text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expr: string) => {
			if (!(expr in context)) throw new Error(`No value for \${{ ${expr} }} in the test's context`);
			return context[expr]!;
		});
	for (const step of job.steps) {
		const name = step.name ?? step.uses ?? step.run ?? '?';
		if (step.uses) {
			const action = step.uses.replace(/@.*$/, '');
			result.steps.push(`uses: ${action}`);
			result.actions.push({ action, with: step.with ?? {} });
			if (checkUploads && UPLOADS.has(action) && !fs.existsSync(path.join(cwd, String(step.with?.path)))) return { ...result, ok: false, failed: name };
			continue;
		}
		const script = fill(step.run ?? '');
		result.steps.push(`run: ${script.trim()}`);
		const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(String(v))]));
		const r = spawnSync('bash', ['-e', '-c', script], { cwd, env: { ...env, ...stepEnv }, encoding: 'utf8', timeout: 300_000 });
		result.output += `${r.stdout}${r.stderr}`;
		if (r.status !== 0) return { ...result, ok: false, failed: name };
	}
	return result;
}
