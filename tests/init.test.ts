/**
 * `npx course-site init <dir>`: the files of a new course project, and that its course checks clean as
 * created. (Installing it from the packed tarball, checking and building it: tests/site/package.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkCourse } from '../src/check/course.ts';
import { init } from '../src/cli/init.ts';
import { newChapter } from '../src/cli/new-chapter.ts';
import { ROOT } from './helpers/build.ts';
import { makeStubs } from './helpers/stubs.ts';
import { runJob, type Workflow } from './helpers/workflow.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'course-init-'));
const stubs = makeStubs();
afterEach(() => stubs.reset());
afterAll(() => {
	fs.rmSync(tmp, { recursive: true, force: true });
	stubs.remove();
});

const own = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; peerDependencies: Record<string, string>; devDependencies: Record<string, string> };

function run(args: string[]) {
	let stdout = '';
	let stderr = '';
	const status = init(args, (t) => (stdout += `${t}\n`), (t) => (stderr += `${t}\n`));
	return { status, stdout, stderr };
}

const files = (dir: string) =>
	fs
		.readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => fs.statSync(path.join(dir, f)).isFile())
		.map((f) => f.split(path.sep).join('/'))
		.sort();

describe('init', () => {
	const project = path.join(tmp, 'cloud-basics');
	const created = run([project]);

	it('creates the project and says what to do next', () => {
		expect(created.stderr).toBe('');
		expect(created.status).toBe(0);
		expect(created.stdout).toBe(`Created a course in ${project}. Next:\n\n  cd ${project}\n  npm install\n  npm run dev\n`);
		expect(files(project)).toEqual(['.github/workflows/pr.yml', '.gitignore', 'README.md', 'astro.config.mjs', 'content/chapters/getting-started.mdx', 'content/course.yaml', 'content/ownership.yaml', 'package.json']);
	});

	it('writes a package.json with the package, Astro and Node 24, and the scripts the README names', () => {
		const manifest = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8'));
		expect(manifest).toMatchObject({ name: 'cloud-basics', private: true, type: 'module', dependencies: { [own.name]: `^${own.version}`, astro: own.peerDependencies.astro }, devDependencies: { node: own.devDependencies.node } });
		expect(manifest.scripts).toEqual({ dev: 'astro dev', build: 'astro build', preview: 'astro preview', check: 'course-site check', 'new:chapter': 'course-site new-chapter' });
		const readme = fs.readFileSync(path.join(project, 'README.md'), 'utf8');
		for (const script of Object.keys(manifest.scripts).filter((s) => s !== 'preview')) expect(readme).toContain(`npm run ${script}`);
	});

	it('configures the integration with nothing but the course folder', () => {
		expect(fs.readFileSync(path.join(project, 'astro.config.mjs'), 'utf8')).toContain("import { courseSite } from 'course-site';\n\nexport default defineConfig({\n\tintegrations: [courseSite({ courseDir: './content' })],\n});");
	});

	it('titles the course after the folder', () => {
		expect(parse(fs.readFileSync(path.join(project, 'content/course.yaml'), 'utf8'))).toMatchObject({ title: 'Cloud basics' });
	});

	it('makes a course that checks clean: no errors, no warnings', () => {
		const result = checkCourse(path.join(project, 'content'));
		expect(result.diagnostics).toEqual([]);
		expect(result.chapters.map((c) => c.slug)).toEqual(['getting-started']);
	});

	it('takes --title', () => {
		const dir = path.join(tmp, 'titled');
		expect(run([dir, '--title', 'Security: the basics']).status).toBe(0);
		expect(parse(fs.readFileSync(path.join(dir, 'content/course.yaml'), 'utf8'))).toMatchObject({ title: 'Security: the basics' });
		expect(checkCourse(path.join(dir, 'content')).diagnostics).toEqual([]);
	});

	it('never writes into a folder that has files', () => {
		const r = run([project]);
		expect(r.status).toBe(1);
		expect(r.stderr).toBe(`${project} is not an empty folder; nothing was written. Choose a new folder.\n`);
	});

	it('exits 2 without a folder, or with two', () => {
		expect(run([]).status).toBe(2);
		expect(run([path.join(tmp, 'a'), path.join(tmp, 'b')]).status).toBe(2);
		expect(fs.existsSync(path.join(tmp, 'a'))).toBe(false);
	});

	it('writes a pull-request workflow that installs as locked, checks with annotations, builds and uploads the site', () => {
		const workflow = parse(fs.readFileSync(path.join(project, '.github/workflows/pr.yml'), 'utf8')) as Workflow;
		expect(Object.keys(workflow.on)).toEqual(['pull_request']);
		expect(workflow.permissions).toEqual({ contents: 'read' });
		const job = runJob(Object.values(workflow.jobs)[0]!, { cwd: project, env: stubs.env() });
		expect(job.ok, job.output).toBe(true);
		expect(stubs.commands()).toEqual(['npm ci', 'npm run check -- --format github', 'npm run build']);
		expect(job.actions.at(-1)).toEqual({ action: 'actions/upload-artifact', with: { name: 'site', path: 'dist', 'if-no-files-found': 'error' } });
	});
});

describe('new:chapter in a course with no chapters yet', () => {
	it('creates chapters/ and a first chapter that checks clean, with a schema that has no controls', () => {
		const course = path.join(tmp, 'empty-course');
		fs.mkdirSync(course);
		fs.writeFileSync(path.join(course, 'course.yaml'), 'title: Empty\ndescription: A course with nothing in it yet.\n');
		fs.writeFileSync(path.join(course, 'ownership.yaml'), 'controls: {}\n');
		const out: string[] = [];
		const err: string[] = [];
		expect(newChapter(['First steps'], (t) => out.push(t), (t) => err.push(t), course)).toBe(0);
		expect(err).toEqual([]);
		expect(fs.readdirSync(path.join(course, 'chapters'))).toEqual(['first-steps.mdx']);
		expect(checkCourse(course).diagnostics).toEqual([]);
	});

	it('says how to make a course when the folder has no course.yaml', () => {
		const err: string[] = [];
		const dir = path.join(tmp, 'not-a-course');
		expect(newChapter(['First steps'], () => {}, (t) => err.push(t), dir)).toBe(1);
		expect(err).toEqual([`No course.yaml in ${dir}. Set COURSE_DIR to a course folder, or create a course with npx course-site init <dir>.`]);
		expect(fs.existsSync(dir)).toBe(false);
	});
});
