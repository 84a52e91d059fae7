/**
 * Stand-ins for the commands CI scripts run (`npm`, `sudo`, `apt-get`, `id`), put first on PATH: each records
 * its command line, working directory and the variables that matter, then succeeds, unless told otherwise:
 *
 *   STUB_FAIL   a regular expression: an invocation whose command line matches it exits 1
 *   STUB_REAL   a regular expression: an npm invocation matching it runs the real npm
 *   STUB_UID    what `id -u` prints (default 1000, so scripts use sudo)
 *   STUB_CREATES  a file `apt-get install` creates (an executable), as installing Chromium would
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanEnv } from './build.ts';

export interface Call {
	/** `npm ci`, `sudo apt-get update`, … */
	command: string;
	cwd: string;
	env: { CI?: string; BASE_PATH?: string; COURSE_DIR?: string; SITE_URL?: string };
}

export interface Stubs {
	dir: string;
	/** The environment to run a script with: the stubs first on PATH. */
	env(extra?: Record<string, string>): NodeJS.ProcessEnv;
	/** What was invoked so far, in order. */
	calls(): Call[];
	/** Just the command lines. */
	commands(): string[];
	reset(): void;
	remove(): void;
}

const REAL_NPM = spawnSync('bash', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();

const record = (name: string) => `#!/usr/bin/env bash
line="${name}\${*:+ $*}"
printf '%s\\t%s\\t%s\\t%s\\t%s\\t%s\\n' "$line" "$PWD" "\${CI-}" "\${BASE_PATH-}" "\${COURSE_DIR-}" "\${SITE_URL-}" >> "$STUB_LOG"
if [ -n "\${STUB_FAIL:-}" ] && [[ "$line" =~ $STUB_FAIL ]]; then echo "stub: $line fails" >&2; exit 1; fi
`;

const SCRIPTS: Record<string, string> = {
	npm: `${record('npm')}if [ -n "\${STUB_REAL:-}" ] && [[ "$line" =~ $STUB_REAL ]]; then exec "$STUB_REAL_NPM" "$@"; fi\n`,
	sudo: `${record('sudo')}exec "$@"\n`,
	'apt-get': `${record('apt-get')}if [ "\${1-}" = install ] && [ -n "\${STUB_CREATES:-}" ]; then printf '#!/bin/sh\\n' > "$STUB_CREATES"; chmod +x "$STUB_CREATES"; fi\n`,
	id: `#!/usr/bin/env bash\nif [ "\${1-}" = -u ]; then echo "\${STUB_UID:-1000}"; else /usr/bin/id "$@"; fi\n`,
};

export function makeStubs(): Stubs {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ci-stubs-'));
	const bin = path.join(dir, 'bin');
	const log = path.join(dir, 'calls.log');
	fs.mkdirSync(bin);
	for (const [name, text] of Object.entries(SCRIPTS)) fs.writeFileSync(path.join(bin, name), text, { mode: 0o755 });
	fs.writeFileSync(log, '');
	const calls = (): Call[] =>
		fs
			.readFileSync(log, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((l) => {
				const [command, cwd, CI, BASE_PATH, COURSE_DIR, SITE_URL] = l.split('\t') as [string, string, string, string, string, string];
				return { command, cwd, env: { ...(CI ? { CI } : {}), ...(BASE_PATH ? { BASE_PATH } : {}), ...(COURSE_DIR ? { COURSE_DIR } : {}), ...(SITE_URL ? { SITE_URL } : {}) } };
			});
	return {
		dir,
		env: (extra = {}) => {
			const env: NodeJS.ProcessEnv = { ...cleanEnv(), PATH: `${bin}:${process.env.PATH}`, STUB_LOG: log, STUB_REAL_NPM: REAL_NPM, ...extra };
			// The test run's own CI flag must not leak into the scripts under test.
			if (!('CI' in extra)) delete env.CI;
			return env;
		},
		calls,
		commands: () => calls().map((c) => c.command),
		reset: () => fs.writeFileSync(log, ''),
		remove: () => fs.rmSync(dir, { recursive: true, force: true }),
	};
}
