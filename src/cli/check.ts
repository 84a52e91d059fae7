/**
 * `npm run check -- [course-dir] [--format text|github]` — checks a course without building the site.
 * Exit 0 when clean, 1 when any error, 2 for usage or internal errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatGithub, formatSummary, formatText } from '../check/format.ts';
import { DEFAULT_SEVERITY, RULES, type RuleId } from '../core/diagnostics.ts';
import { checkCourse } from './api.ts';
import { commandArgs } from './args.ts';

const USAGE = `Usage: npm run check -- [course-dir] [--format text|github] [--no-cache]
       npm run check -- --list-rules

Checks every chapter of a course (default: $COURSE_DIR or ./content) against the ownership schema and the
authoring rules, without building the site.

  --format text     one line per problem: path:line:column: error <rule-id>: <message> (default)
  --format github   GitHub Actions annotations (::error file=…,line=…,col=…::message)
  --no-cache        check every chapter again (by default chapters that have not changed, nor anything they
                    depend on, come from node_modules/.cache/course-site; course-wide rules always run)
  --list-rules      print every rule id, its default severity and what it reports, and exit
  -h, --help        show this help`;

/** One line per rule, in the order of src/core/rules.ts: `id  severity  summary`. */
export function listRules(): string {
	const ids = Object.keys(RULES) as RuleId[];
	const width = Math.max(...ids.map((id) => id.length));
	return ids.map((id) => `${id.padEnd(width)}  ${(DEFAULT_SEVERITY[id] ?? 'error').padEnd(7)}  ${RULES[id]}`).join('\n');
}

/** What the command reads and writes besides the course: tests call `main` in-process with their own. */
export interface CheckIo {
	/** Relative folders resolve, and printed paths are relative, to this folder. */
	cwd: string;
	env: Record<string, string | undefined>;
	/** Print a block of standard output or standard error (a newline is added). */
	out(text: string): void;
	err(text: string): void;
}

const processIo = (): CheckIo => ({ cwd: process.cwd(), env: process.env, out: (t) => console.log(t), err: (t) => console.error(t) });

export async function main(argv: string[], io: CheckIo = processIo()): Promise<number> {
	const args = commandArgs<{ format?: string; 'no-cache'?: boolean; 'list-rules'?: boolean }>(argv, { format: { type: 'string', default: 'text' }, 'no-cache': { type: 'boolean' }, 'list-rules': { type: 'boolean' } }, USAGE, io.out, io.err);
	if (typeof args === 'number') return args;
	const { values, positionals } = args;
	if (values['list-rules']) {
		io.out(listRules());
		return 0;
	}
	if (values.format !== 'text' && values.format !== 'github') {
		io.err(`Unknown format "${values.format}", expected text or github.\n\n${USAGE}`);
		return 2;
	}
	if (positionals.length > 1) {
		io.err(`Expected one course folder, got ${positionals.length}.\n\n${USAGE}`);
		return 2;
	}
	const courseDir = path.resolve(io.cwd, positionals[0] ?? io.env.COURSE_DIR ?? 'content');
	if (!fs.existsSync(courseDir) || !fs.statSync(courseDir).isDirectory()) {
		io.err(`Course folder not found: ${courseDir}`);
		return 2;
	}
	// The same pipeline as the build, without its last step (rendering HTML, which only the build needs).
	const result = await checkCourse(courseDir, { cache: !values['no-cache'] });
	const out = values.format === 'github' ? formatGithub(result.diagnostics, io.cwd) : formatText(result.diagnostics, io.cwd);
	if (out) io.out(out);
	io.out(formatSummary(result.diagnostics, result.files));
	return result.ok ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/check.ts')) {
	try {
		process.exitCode = await main(process.argv.slice(2));
	} catch (error) {
		// An internal error is a bug in the checker, not in the course: say so, briefly, with exit code 2.
		console.error(`Internal error in the checker: ${(error as Error).message}`);
		if (process.env.DEBUG) console.error(error);
		process.exitCode = 2;
	}
}
