/**
 * The course-site Astro integration. It only wires things together; the work lives in src/loader (the
 * pipeline: check and render every chapter once), src/integration/{vite,dev,assets,pagefind}.ts and the routes.
 *
 *   export default defineConfig({ integrations: [courseSite()] });
 *
 * In a build the whole course is loaded — checked and rendered — before Astro writes anything; any error stops
 * the build with every problem listed once and the previous output left as it was. The pages then render the
 * stored HTML: no chapter is compiled, imported or bundled.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { digest } from '../core/hash.ts';
import { formatSummary, formatText } from '../check/format.ts';
import { hasErrors } from '../core/diagnostics.ts';
import { resolveSite, type SiteOptions } from '../config/site.ts';
import { loadCourse } from '../loader/pipeline.ts';
import { publish, storeKey } from '../loader/store.ts';
import { copyImages } from './assets.ts';
import { watchCourse } from './dev.ts';
import { indexSite } from './pagefind.ts';
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
	{ pattern: '/404', file: '404.astro' },
];

export class CourseCheckError extends Error {
	override name = 'CourseCheckError';
}

export function courseSite(options: Partial<SiteOptions> = {}) {
	const site = resolveSite(options);
	const key = storeKey(site.courseDir, site.base);
	const state: { target?: string } = {};

	const integration: AstroIntegration & { site: SiteOptions } = {
		name: 'course-site',
		site,
		hooks: {
			'astro:config:setup': async (params) => {
				const { command, logger, updateConfig, injectRoute, config } = params;
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
				}
				updateConfig({
					vite: { plugins: [courseVite({ key, site })] },
					// A rebuild renders again only the pages whose inputs changed (chapter pages carry a cache key).
					experimental: { incrementalBuild: true },
				});
			},
			'astro:server:setup': ({ server, logger }) => watchCourse(server, { key, site, logger }),
			'astro:build:done': async ({ dir, logger }) => {
				const { published } = await import('../loader/store.ts');
				const { course } = published(key);
				copyImages(course, dir);
				// The course model adds search records for every quiz, flashcard and control, in every locale.
				await indexSite(dir, logger, [course.model, ...course.locales.map((l) => l.model)]);
				if (state.target) moveSite(fileURLToPath(dir), state.target);
			},
		},
	};
	return integration;
}

/** Replace `target` with the built site (a rename when on one file system, else a copy). */
function moveSite(from: string, target: string) {
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(target), { recursive: true });
	try {
		fs.renameSync(from, target);
	} catch {
		fs.cpSync(from, target, { recursive: true });
		fs.rmSync(from, { recursive: true, force: true });
	}
}

export default courseSite;
