/**
 * The course-site Astro integration. It only wires things together; the work lives in src/loader (the
 * pipeline: check and render every chapter once), src/integration/{vite,dev,assets,pagefind}.ts and the routes.
 *
 *   import { defineConfig } from 'astro/config';
 *   import { courseSite } from 'course-site';
 *   export default defineConfig({ integrations: [courseSite({ courseDir: './content' })] });
 *
 * That is all a course project needs: the integration injects its pages, sets the base path, site URL and
 * trailing slashes, and adds @astrojs/mdx only for a course that allows MDX (./trusted-mdx.ts). In a build the
 * whole course is loaded — checked and rendered — before Astro writes anything; any error stops the build with
 * every problem listed once and the previous output left as it was. The pages then render the stored HTML: no
 * chapter is compiled, imported or bundled.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { digest } from '../core/hash.ts';
import { formatSummary, formatText } from '../check/format.ts';
import { hasErrors } from '../core/diagnostics.ts';
import { type CourseSiteOptions, parseCourseSiteOptions, resolveSite, siteConflict, type SiteOptions } from '../config/site.ts';
import { loadCourse } from '../loader/pipeline.ts';
import { publish, storeKey } from '../loader/store.ts';
import { copyImages, copySocialImage } from './assets.ts';
import { watchCourse } from './dev.ts';
import { copyMermaid } from './mermaid.ts';
import { indexSite } from './pagefind.ts';
import { courseSitemap } from './sitemap.ts';
import { trustedMdx } from './trusted-mdx.ts';
import { courseVite } from './vite.ts';

/**
 * The generated pages (src/routes), injected as Starlight injects its own: a course project has no src/pages.
 * `[...locale]` is empty for the course's own language (`/matrix/`) and a translation's tag for its pages
 * (`/de/matrix/`): one route per page serves every locale (src/core/routes.ts `localePath`).
 */
const ROUTES = [
	{ pattern: '/[...locale]', file: 'index.astro' },
	{ pattern: '/[...locale]/chapters/[slug]', file: 'chapters/[slug].astro' },
	{ pattern: '/[...locale]/matrix', file: 'matrix.astro' },
	{ pattern: '/[...locale]/glossary', file: 'glossary.astro' },
	{ pattern: '/[...locale]/practice', file: 'practice.astro' },
	{ pattern: '/[...locale]/practice/[slug]', file: 'practice/[slug].astro' },
	{ pattern: '/[...locale]/review', file: 'review.astro' },
	{ pattern: '/404', file: '404.astro' },
];

export class CourseCheckError extends Error {
	override name = 'CourseCheckError';
}

export type { CourseSiteOptions, SiteOptions };

export function courseSite(options: CourseSiteOptions = {}): AstroIntegration {
	// Checked when the config is read, so a misspelt option is reported before anything else happens.
	const given = parseCourseSiteOptions(options);
	const state: { site?: SiteOptions; key?: string; target?: string } = {};
	const resolved = () => ({ site: state.site!, key: state.key! });

	return {
		name: 'course-site',
		hooks: {
			'astro:config:setup': async (params) => {
				const { command, logger, updateConfig, injectRoute, config } = params;
				const site = (state.site = resolveSite(given, fileURLToPath(config.root)));
				const key = (state.key = storeKey(site.courseDir, site.base));
				// The site's address is set once, in course.yaml (`site:`; SITE_URL overrides it for a deploy): the pages'
				// canonical and social tags and the sitemap read it from Astro's config, which the integration sets.
				const conflict = siteConflict(config.site, site);
				if (conflict) throw new Error(conflict);
				// Routes and links end in a slash (src/core/routes.ts); base and site come from the options or course.yaml.
				updateConfig({ base: site.base, trailingSlash: 'always', ...(site.site ? { site: site.site } : {}) });
				// One Vite cache per course and output folder (unless the project chose one), so builds of several courses
				// from one project at the same time (this repository's tests and benchmarks) never share one.
				if (config.cacheDir.href === new URL('./node_modules/.astro/', config.root).href) updateConfig({ cacheDir: pathToFileURL(path.join(fileURLToPath(config.cacheDir), digest(site.courseDir, fileURLToPath(config.outDir)).slice(0, 16), path.sep)) as never });
				// A course project without a public/ folder gets this package's (the favicon the layout links to).
				if (!fs.existsSync(fileURLToPath(config.publicDir))) updateConfig({ publicDir: new URL('../../public/', import.meta.url) });
				// Astro writes a build's server chunks to <cwd>/.astro/ when the output folder is outside the working
				// directory, so two such builds at once would overwrite each other's. Build into a folder of this
				// course and output instead, and move the site to where it was asked for when it is done.
				const outDir = fileURLToPath(config.outDir);
				if (command === 'build' && !outDir.startsWith(process.cwd() + path.sep)) {
					state.target = outDir;
					const own = path.join(process.cwd(), 'node_modules', '.astro', `out-${digest(site.courseDir, outDir).slice(0, 16)}`);
					fs.rmSync(own, { recursive: true, force: true });
					updateConfig({ outDir: pathToFileURL(`${own}${path.sep}`) });
				}
				for (const route of ROUTES) injectRoute({ pattern: route.pattern, entrypoint: new URL(`../routes/${route.file}`, import.meta.url), prerender: true });
				if (command === 'build' || command === 'dev') {
					const loaded = await loadCourse(site.courseDir, { base: site.base, render: true });
					const { diagnostics, files } = loaded.check;
					if (diagnostics.length) console.error(formatText(diagnostics));
					if (command === 'build' && hasErrors(diagnostics)) {
						console.error(formatSummary(diagnostics, files));
						const error = new CourseCheckError(`The course in ${site.courseDir} has errors (listed above). Nothing was built.`);
						// The problems are the course's, not the code's: no stack trace.
						error.stack = `${error.name}: ${error.message}`;
						throw error;
					}
					logger.info(`${formatSummary(diagnostics, files)} (${loaded.stats.cached} of ${loaded.stats.chapters} chapters from the cache)`);
					publish(key, loaded);
					if (loaded.check.policy.allowMdx) trustedMdx(params, site, loaded);
					// Integrations added here run after this one and every other: the sitemap is written, then the site moved.
					const sitemap = command === 'build' && site.site && !config.integrations.some((i) => i.name === '@astrojs/sitemap') ? [courseSitemap(loaded)] : [];
					const finish: AstroIntegration = { name: 'course-site:finish', hooks: { 'astro:build:done': ({ dir }) => (state.target ? moveSite(fileURLToPath(dir), state.target) : undefined) } };
					updateConfig({ integrations: [...sitemap, finish] });
				}
				updateConfig({
					vite: { plugins: [courseVite({ key, site })] },
					// A rebuild renders again only the pages whose inputs changed (chapter pages carry a cache key).
					experimental: { incrementalBuild: true },
				});
			},
			'astro:server:setup': ({ server, logger }) => watchCourse(server, { ...resolved(), logger }),
			'astro:build:done': async ({ dir, logger }) => {
				const { published } = await import('../loader/store.ts');
				const { course } = published(resolved().key);
				copyImages(course, dir);
				copyMermaid(course, dir);
				if (resolved().site.site) copySocialImage(dir);
				// The course model adds search records for every quiz, flashcard and control, in every locale.
				await indexSite(dir, logger, [course.model, ...course.locales.map((l) => l.model)]);
			},
		},
	};
}

/**
 * Replace `target` with the built site (a rename when on one file system, else a copy). The previous site is
 * renamed away first and deleted by a detached process: removing tens of thousands of files synchronously
 * would add seconds to every build of a large course, and nobody waits for the old site to go.
 */
function moveSite(from: string, target: string) {
	fs.mkdirSync(path.dirname(target), { recursive: true });
	const old = fs.existsSync(target) ? setAside(target, path.dirname(from)) : undefined;
	try {
		fs.renameSync(from, target);
	} catch {
		fs.cpSync(from, target, { recursive: true });
		fs.rmSync(from, { recursive: true, force: true });
	}
	if (old) removeInBackground(old);
}

/** Rename `dir` out of the way: next to our build folder when on its file system, else next to itself. */
function setAside(dir: string, near: string): string {
	const name = `old-${process.pid}-${Date.now()}`;
	for (const parent of [near, path.dirname(dir)]) {
		const to = path.join(parent, name);
		try {
			fs.renameSync(dir, to);
			return to;
		} catch {
			// another file system (EXDEV) or no permission: try the next place
		}
	}
	fs.rmSync(dir, { recursive: true, force: true });
	return '';
}

function removeInBackground(dir: string) {
	const script = `require('node:fs').rmSync(${JSON.stringify(dir)}, { recursive: true, force: true })`;
	spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore' }).unref();
}

export default courseSite;
