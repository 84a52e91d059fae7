/**
 * `npx course-site init <dir> [--title TEXT]` — creates a course project: a package.json that depends on this
 * package, Astro and the `node` package (Node 24, so `npm run …` works on machines with an older Node), an
 * astro.config.mjs with the integration, a course in content/ (course.yaml, ownership.yaml and a first chapter
 * made by new-chapter's template, so it checks clean), a pull-request workflow, a README and a .gitignore.
 * Never writes into a folder that has files. Exit 0 on success, 1 when the folder is not empty, 2 for usage errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { slugify } from '../core/paths.ts';
import { commandArgs } from './args.ts';
import { schemaComment } from './json-schemas.ts';
import { newChapter } from './new-chapter.ts';

const USAGE = `Usage: npx course-site init <dir> [--title "Course title"]

Creates a course project in <dir> (a new or empty folder): package.json, astro.config.mjs, content/ with
course.yaml, ownership.yaml and a first chapter, a pull-request workflow and a README. Then:

  cd <dir> && npm install && npm run dev`;

interface PackageJson {
	name: string;
	version: string;
	peerDependencies: Record<string, string>;
	devDependencies: Record<string, string>;
	allowScripts?: Record<string, boolean>;
}

const PACKAGE_ROOT = path.resolve(import.meta.dirname, '../..');
const own = (): PackageJson => JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as PackageJson;

/** Where the JSON Schemas are once the project is installed, as seen from content/. */
const SCHEMAS = '../node_modules/course-site/schemas';

/** The files of a new course project, by path relative to it (the first chapter is added by new-chapter). */
export function projectFiles(name: string, title: string, pkg: PackageJson = own()): Record<string, string> {
	const manifest = {
		name,
		version: '0.1.0',
		private: true,
		type: 'module',
		scripts: {
			dev: 'astro dev',
			build: 'astro build',
			preview: 'astro preview',
			check: 'course-site check',
			'new:chapter': 'course-site new-chapter',
		},
		dependencies: { [pkg.name]: `^${pkg.version}`, astro: pkg.peerDependencies.astro! },
		// Astro 7 needs Node ≥ 22.12: with the `node` package every `npm run …` uses Node 24, whatever is installed.
		devDependencies: { node: pkg.devDependencies.node! },
		...(pkg.allowScripts ? { allowScripts: pkg.allowScripts } : {}),
	};
	return {
		'package.json': `${JSON.stringify(manifest, null, '\t')}\n`,
		'astro.config.mjs': `// @ts-check
import { defineConfig } from 'astro/config';
import { courseSite } from '${pkg.name}';

export default defineConfig({
	integrations: [courseSite({ courseDir: './content' })],
});
`,
		'content/course.yaml': `${schemaComment('course', SCHEMAS)}
title: ${JSON.stringify(title)}
description: What a learner can do after this course, in one sentence.
language: en
# base: /my-course/          # the deploy path, when the site is not at the root of its domain
# site: https://example.org  # the site's address: canonical links, social tags and a sitemap
# repository: https://github.com/owner/my-course  # "Edit this page" on every chapter
`,
		'content/ownership.yaml': `${schemaComment('ownership', SCHEMAS)}
# Who owns each control this course talks about. Every ownership claim in a chapter (:control[…]{ref=… owner=…},
# quizzes, cards) is checked against this file. The parties are who can own a control; \`shared\` is always there.
parties:
  provider: { label: Cloud provider, description: "Runs the buildings, the hardware and the managed services." }
  customer: { label: Customer, description: "Decides who may do what, and configures what it runs." }
controls:
  global.data-center-security:
    title: Guard the buildings, hardware and networks the cloud runs on
    owner: provider
    layer: physical
    notes: Nobody outside the provider enters its data centers, so only the provider can decide who does.
  iam.least-privilege:
    title: Give every person and program only the permissions its work needs
    owner: customer
    layer: identity
    notes: The provider offers the permission system; who is allowed to do what in an account is the account owner's decision.
  global.patch-management:
    title: Keep software patched
    owner: shared
    layer: operating-system
    split:
      provider: Patches the hosts, hypervisors and the software of managed services
      customer: Patches the operating systems and applications it installs on its own servers
`,
		'.github/workflows/pr.yml': `# Every pull request: the course must check clean and the site must build. Problems in chapters show up
# as annotations on the changed lines (\`--format github\`).
name: Pull request

on:
  pull_request:

permissions:
  contents: read

jobs:
  check:
    name: Check and build
    runs-on: ubuntu-latest
    timeout-minutes: 20
    steps:
      - name: Check out
        uses: actions/checkout@v6

      - name: Set up Node.js
        uses: actions/setup-node@v6
        with:
          node-version: 24
          cache: npm

      - name: Install dependencies
        run: npm ci

      - name: Check the course
        run: npm run check -- --format github

      - name: Build
        run: npm run build

      - name: Upload the built site
        uses: actions/upload-artifact@v7
        with:
          name: site
          path: dist
          if-no-files-found: error
`,
		'.gitignore': 'node_modules/\ndist/\n.astro/\n',
		'README.md': `# ${title}

A course built with [${pkg.name}](https://www.npmjs.com/package/${pkg.name}): chapters in \`content/chapters/\`,
checked against the ownership schema in \`content/ownership.yaml\`, published as a static site with search.

## Work on the course

\`\`\`sh
npm install              # once (commit package-lock.json: the pull-request workflow installs from it)
npm run dev              # the site at http://localhost:4321/, reloading as you save; problems show in the page
npm run check            # check every chapter: one line per problem, with its file, line and fix
npm run build            # check and build the site into dist/
npm run new:chapter -- "Chapter title"   # a new chapter at the next order, from a template that checks clean
\`\`\`

## Layout

\`\`\`
content/
  course.yaml          title, description; optional: language, base, site, policy, limits, rules
  ownership.yaml       the parties, the controls and who owns each (a party, or shared)
  chapters/<slug>.mdx  one file per chapter, served at /chapters/<slug>/
astro.config.mjs       the site: integrations: [courseSite({ courseDir: './content' })]
.github/workflows/     pr.yml: every pull request is checked (annotations on the changed lines) and built
\`\`\`

The authoring language (directives, the schema format, every rule and its message) is documented in
\`node_modules/${pkg.name}/docs/authoring.md\`; \`npm run check -- --list-rules\` lists the rules. Editors
with the YAML language server (VS Code's YAML extension) complete and check course.yaml and ownership.yaml.

Upgrade the generator with \`npm update ${pkg.name}\`.
`,
	};
}

/** `my course/` → `My course`: a readable title from a folder name. */
const titleOf = (dir: string) => {
	const words = path.basename(dir).replace(/[-_]+/g, ' ').trim();
	return words ? words[0]!.toUpperCase() + words.slice(1) : 'My course';
};

export function init(argv: string[], log: (s: string) => void = console.log, error: (s: string) => void = console.error): number {
	const args = commandArgs<{ title?: string }>(argv, { title: { type: 'string' } }, USAGE, log, error);
	if (typeof args === 'number') return args;
	const { values, positionals } = args;
	if (positionals.length !== 1) {
		error(`${positionals.length ? 'Expected one folder' : 'Missing the folder to create the course in'}.\n\n${USAGE}`);
		return 2;
	}
	const dir = path.resolve(positionals[0]!);
	if (fs.existsSync(dir) && (!fs.statSync(dir).isDirectory() || fs.readdirSync(dir).length)) {
		error(`${dir} is not an empty folder; nothing was written. Choose a new folder.`);
		return 1;
	}
	const title = values.title?.trim() || titleOf(dir);
	const name = slugify(path.basename(dir)) || 'course';
	for (const [file, text] of Object.entries(projectFiles(name, title))) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.writeFileSync(path.join(dir, file), text, { flag: 'wx' });
	}
	const chapter = newChapter(['Getting started'], () => {}, error, path.join(dir, 'content'));
	if (chapter !== 0) return chapter;
	const relative = path.relative(process.cwd(), dir);
	const shown = relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative || '.';
	log(`Created a course in ${shown}. Next:\n\n  cd ${shown}\n  npm install\n  npm run dev`);
	return 0;
}

export const main = (argv: string[]) => init(argv);
