/** Build a course with the real `astro build` (as `COURSE_DIR=… npm run build` would), into a folder of its own. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

export interface BuildResult {
	status: number | null;
	output: string;
	outDir: string;
}

export function buildCourse(courseDir: string, outDir: string, env: Record<string, string> = {}): BuildResult {
	const r = spawnSync(process.execPath, [ASTRO, 'build'], {
		cwd: ROOT,
		env: { ...process.env, COURSE_DIR: path.resolve(courseDir), OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1', ...env },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	return { status: r.status, output: `${r.stdout}\n${r.stderr}`, outDir };
}
