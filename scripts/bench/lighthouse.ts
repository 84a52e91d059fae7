/**
 * Lighthouse (the npm CLI, default mobile settings) against pages of a built site served on localhost, with
 * Debian's Chromium. Reports the four category scores, 0–100.
 *
 * Lighthouse is installed on first use into a folder of its own (like Starlight), not as a dependency: it
 * depends on `third-party-web@latest`, which no lock file can pin, so it would break `npm ci`.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_FLAGS } from './browser.ts';
import { NODE } from './run.ts';
import { serveSite } from '../lib/serve.ts';

export interface LighthouseScores {
	page: string;
	performance: number;
	accessibility: number;
	bestPractices: number;
	seo: number;
	/** Weighted audits that did not pass (score < 0.9), by id, for the report. */
	failing: string[];
}

export const LIGHTHOUSE_DIR = process.env.LIGHTHOUSE_DIR || '/tmp/lighthouse-bench';

function ensureLighthouse(dir = LIGHTHOUSE_DIR): string {
	const cli = path.join(dir, 'node_modules/lighthouse/cli/index.js');
	if (!fs.existsSync(cli)) {
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "lighthouse-bench", "private": true }\n');
		console.log(`Installing lighthouse@12 into ${dir} …`);
		const r = spawnSync('flock', ['/tmp/npm.lock', 'npm', 'install', '--no-audit', '--no-fund', 'lighthouse@12'], { cwd: dir, stdio: 'inherit' });
		if (r.status !== 0) throw new Error('Installing Lighthouse failed');
	}
	return cli;
}

export async function lighthouse(distDir: string, pages: string[], work: string, base = '/'): Promise<LighthouseScores[]> {
	const cli = ensureLighthouse();
	const server = await serveSite(distDir, { base, gzip: true });
	const out: LighthouseScores[] = [];
	try {
		for (const page of pages) {
			const report = path.join(work, `lighthouse-${page.replace(/\W+/g, '_') || 'home'}.json`);
			// Async spawn: the server runs in this process and must keep answering while Lighthouse loads pages.
			const r = await runAsync(NODE, [cli, server.url + page, '--quiet', '--output=json', `--output-path=${report}`, `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`], { CHROME_PATH: CHROMIUM });
			if (r.code !== 0 || !fs.existsSync(report)) throw new Error(`Lighthouse failed on ${page}:\n${r.output.slice(-2000)}`);
			const lhr = JSON.parse(fs.readFileSync(report, 'utf8')) as {
				categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
				audits: Record<string, { score: number | null; displayValue?: string }>;
			};
			const failing = Object.values(lhr.categories)
				.flatMap((c) => c.auditRefs.filter((a) => a.weight > 0))
				.filter((a) => (lhr.audits[a.id]?.score ?? 1) < 0.9)
				.map((a) => (lhr.audits[a.id]?.displayValue ? `${a.id} (${lhr.audits[a.id]!.displayValue})` : a.id));
			const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
			out.push({ page: `${base}${page}`, performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo'), failing });
		}
	} finally {
		await server.close();
	}
	return out;
}

function runAsync(cmd: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('close', (code) => resolve({ code, output }));
	});
}
