/**
 * The whole path of a new course team, from the packed tarball: `npm pack` this project, create a course
 * project with the init command, install the tarball into it (one `npm install`, which also brings Astro and
 * Node 24), then `npm run check`, `npm run new:chapter` and `npm run build` there, as its README says, with
 * the site's address and repository set in course.yaml: chapter pages, sitemap, canonical and OpenGraph tags,
 * the default social image and "Edit this page".
 *
 * Installed, this package's .ts files are under node_modules, where Node does not strip types: so this also
 * proves the type-stripping hook (src/core/strip-types.mjs) for the bin, the integration entry, the pipeline's
 * worker threads (a second course of 50 chapters) and the Mermaid validator's worker (a diagram that does not
 * parse). Slow (about a minute: the install is most of it), so it runs in the site lane.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MERMAID } from '../../src/core/routes.ts';
import { cleanEnv, refuseInUnitLane, ROOT } from '../helpers/build.ts';

/** The environment of a terminal in the course project: none of the npm variables of the `npm test` running this. */
const env = () => Object.fromEntries(Object.entries(cleanEnv()).filter(([k]) => !/^npm_|^INIT_CWD$/i.test(k))) as NodeJS.ProcessEnv;

function run(command: string, args: string[], cwd: string, timeout = 300_000) {
	const r = spawnSync(command, args, { cwd, env: { ...env(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' }, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr, output: `${r.stdout}\n${r.stderr}${r.error ? `\n${r.error.message}` : ''}` };
}
const npm = (args: string[], cwd: string, timeout?: number) => run('npm', args, cwd, timeout);

const chapter = (title: string, order: number, body: string) => `---\ntitle: ${title}\ndescription: A chapter of the generated course.\norder: ${order}\n---\n\n${body}\n`;

describe('the package, packed and installed in a new course project', () => {
	let tmp: string;
	let project: string;
	let tarball: string;
	let created: ReturnType<typeof run>;
	let installed: ReturnType<typeof run>;

	beforeAll(() => {
		refuseInUnitLane('pack and install the package');
		tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'course-site-package-'));
		const packed = npm(['pack', '--silent', '--pack-destination', tmp], ROOT);
		if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.output}`);
		tarball = path.join(tmp, packed.stdout.trim().split('\n').at(-1)!);
		project = path.join(tmp, 'my-course');
		created = run(process.execPath, [path.join(ROOT, 'src/cli/bin.mjs'), 'init', project, '--title', 'My first course'], tmp);
		if (created.status !== 0) throw new Error(`init failed:\n${created.output}`);
		// The dependency on this package becomes the tarball (it is not in the registry); everything else comes from
		// the registry (or npm's cache), as for a user.
		installed = npm(['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project, 540_000);
	}, 600_000);
	afterAll(() => {
		if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
	});

	it('init creates the project its README describes', () => {
		expect(created.stdout).toContain("Created a course in my-course.");
		for (const file of ['package.json', 'astro.config.mjs', 'README.md', '.gitignore', '.github/workflows/pr.yml', 'content/course.yaml', 'content/ownership.yaml', 'content/chapters/getting-started.mdx'])
			expect(fs.existsSync(path.join(project, file)), file).toBe(true);
		expect(fs.readFileSync(path.join(project, 'astro.config.mjs'), 'utf8')).toContain("integrations: [courseSite({ courseDir: './content' })]");
	});

	it('installs from the tarball', () => {
		expect(installed.status, installed.output.slice(-3000)).toBe(0);
		const manifest = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
		expect(manifest.dependencies['course-site']).toMatch(/^file:.*\.tgz$/);
		expect(fs.existsSync(path.join(project, 'node_modules/course-site/src/integration/index.ts'))).toBe(true);
		// The repository's tests and benchmarks are not part of the package.
		expect(fs.existsSync(path.join(project, 'node_modules/course-site/tests'))).toBe(false);
	});

	it('npm run check: the new course checks clean, without a warning', () => {
		const r = npm(['run', 'check'], project);
		expect(r.status, r.output).toBe(0);
		expect(r.stdout.trim().split('\n').at(-1)).toBe('✓ 3 files checked, no problems');
	});

	it('checks with worker threads and the Mermaid validator from node_modules', () => {
		// A second course in the project: 50 chapters (enough for the pipeline's worker threads), one diagram that
		// does not parse and one that does.
		const many = path.join(project, 'many');
		fs.mkdirSync(path.join(many, 'chapters'), { recursive: true });
		for (const f of ['course.yaml', 'ownership.yaml']) fs.copyFileSync(path.join(project, 'content', f), path.join(many, f));
		for (let n = 1; n <= 50; n++) fs.writeFileSync(path.join(many, 'chapters', `part-${n}.mdx`), chapter(`Part ${n}`, n, `## Part ${n}\n\nText of part ${n}.`));
		fs.writeFileSync(path.join(many, 'chapters', 'part-2.mdx'), chapter('Part 2', 2, '```mermaid alt="A leads to B."\nflowchart LR\n  A --> B\n```\n\n```mermaid alt="A leads nowhere."\nflowchart LR\n  A -->\n```'));
		const r = npm(['run', 'check', '--', 'many'], project);
		expect(r.status, r.output).toBe(1);
		expect(r.stdout).toMatch(/^many\/chapters\/part-2\.mdx:12:1: error mermaid-syntax: Mermaid diagram does not parse: /m);
		expect(r.stdout.trim().split('\n').at(-1)).toBe('✗ 1 error in 52 files checked');
		fs.rmSync(many, { recursive: true, force: true });
	});

	it('npm run new:chapter adds a chapter that checks clean', () => {
		const r = npm(['run', 'new:chapter', '--', 'Second steps'], project);
		expect(r.status, r.output).toBe(0);
		expect(r.stdout).toContain(`Created ${path.join('content', 'chapters', 'second-steps.mdx')}`);
		const again = npm(['run', 'check'], project);
		expect(again.stdout.trim().split('\n').at(-1), again.output).toBe('✓ 4 files checked, no problems');
	});

	it('npm run build writes the site: the chapter pages, search, the favicon, the sitemap, social tags and Mermaid', () => {
		// As its course.yaml suggests: the site's address and the repository, set once there.
		const config = path.join(project, 'content/course.yaml');
		fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('# site: https://example.org', 'site: https://courses.example.org').replace('# repository: https://github.com/owner/my-course', 'repository: https://github.com/owner/my-course'));
		// A diagram: Mermaid is published from the project's node_modules (src/integration/mermaid.ts).
		fs.appendFileSync(path.join(project, 'content/chapters/second-steps.mdx'), '\n```mermaid alt="A leads to B."\nflowchart LR\n  A --> B\n```\n');
		const r = npm(['run', 'build'], project);
		expect(r.status, r.output.slice(-3000)).toBe(0);
		const dist = path.join(project, 'dist');
		const page = fs.readFileSync(path.join(dist, 'chapters/getting-started/index.html'), 'utf8');
		expect(page).toMatch(/<h1[^>]*>Getting started<\/h1>/);
		expect(page).toContain('<title>Getting started');
		expect(fs.readFileSync(path.join(dist, 'chapters/second-steps/index.html'), 'utf8')).toMatch(/<h1[^>]*>Second steps<\/h1>/);
		expect(fs.readFileSync(path.join(dist, 'index.html'), 'utf8')).toContain('My first course');
		expect(fs.existsSync(path.join(dist, 'pagefind/pagefind.js'))).toBe(true);
		expect(fs.existsSync(path.join(dist, 'favicon.svg'))).toBe(true);
		expect(page).toContain('<link rel="canonical" href="https://courses.example.org/chapters/getting-started/">');
		expect(page).toContain('<meta property="og:title" content="Getting started">');
		expect(page).toContain('<meta property="og:image" content="https://courses.example.org/_course/social.png">');
		expect(page).toContain('<a href="https://github.com/owner/my-course/edit/main/content/chapters/getting-started.mdx">Edit this page</a>');
		expect(fs.existsSync(path.join(dist, '_course/social.png'))).toBe(true);
		expect(fs.readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8')).toContain('<loc>https://courses.example.org/chapters/getting-started/</loc>');
		const mermaid = path.join(project, 'node_modules/mermaid/dist');
		expect(fs.readFileSync(path.join(dist, MERMAID.entry), 'utf8')).toBe(fs.readFileSync(path.join(mermaid, 'mermaid.esm.min.mjs'), 'utf8'));
		const chunks = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort();
		expect(chunks(path.join(dist, MERMAID.folder, 'chunks/mermaid.esm.min'))).toEqual(chunks(path.join(mermaid, 'chunks/mermaid.esm.min')));
	});

	it('the installed bin creates a course project too (npx course-site init)', () => {
		const second = path.join(tmp, 'second-course');
		const r = run(path.join(project, 'node_modules/.bin/course-site'), ['init', second], tmp);
		expect(r.status, r.output).toBe(0);
		const manifest = JSON.parse(fs.readFileSync(path.join(second, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
		const own = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string> };
		expect(manifest.dependencies).toEqual({ 'course-site': `^${own.version}`, astro: expect.stringMatching(/^\^7\./) });
		expect(manifest.devDependencies).toEqual({ node: own.devDependencies.node });
		expect(fs.readdirSync(path.join(second, 'content/chapters'))).toEqual(['getting-started.mdx']);
	});
});
