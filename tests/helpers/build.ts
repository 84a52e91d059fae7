/** Build a course with the real `astro build` (as `COURSE_DIR=… npm run build` would), into a folder of its own. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const WORK = path.join(ROOT, 'node_modules/.cache/course-site-builds');
fs.mkdirSync(WORK, { recursive: true });

export interface BuildResult {
	status: number | null;
	output: string;
	outDir: string;
}

export function buildCourse(courseDir: string, outDir: string, env: Record<string, string> = {}): BuildResult {
	// Astro writes its prerender chunks next to the output when the output is inside the working directory,
	// and into a shared <cwd>/.astro/ otherwise; the chunks import packages, so they must live inside the
	// project. So each build runs from a folder of its own under node_modules/.cache and is moved to outDir.
	const work = fs.mkdtempSync(path.join(WORK, 'build-'));
	const tmpOut = path.join(work, 'dist');
	const r = spawnSync(process.execPath, [ASTRO, 'build', '--root', ROOT], {
		cwd: work,
		env: { ...process.env, COURSE_DIR: path.resolve(courseDir), OUT_DIR: tmpOut, ASTRO_TELEMETRY_DISABLED: '1', ...env },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	fs.rmSync(outDir, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(outDir), { recursive: true });
	if (fs.existsSync(tmpOut)) fs.cpSync(tmpOut, outDir, { recursive: true });
	fs.rmSync(work, { recursive: true, force: true });
	return { status: r.status, output: `${r.stdout}\n${r.stderr}`, outDir };
}
