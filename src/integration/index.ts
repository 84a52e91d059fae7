/**
 * The course-site Astro integration. It only wires things together; the work lives in src/check (the
 * checker), src/remark (rendering), src/course (the model) and src/integrations (Pagefind, virtual modules).
 *
 *   const course = courseSite();
 *   export default defineConfig({ integrations: [course], markdown: { processor: unified({ remarkPlugins: course.remarkPlugins }) } });
 */
import type { AstroIntegration } from 'astro';
import mermaid from 'astro-mermaid';
import remarkDirective from 'remark-directive';
import { formatSummary, formatText } from '../check/format.ts';
import { hasErrors } from '../core/diagnostics.ts';
import { loadCourse } from '../loader/load.ts';
import { resolveSite, type SiteOptions } from '../config/site.ts';
import { indexSite } from './pagefind.ts';
import { virtualCourse } from './virtual-course.ts';
import remarkCourse from './remark-course.ts';

/** The generated pages (src/routes). */
const ROUTES = [
	{ pattern: '/', file: 'index.astro' },
	{ pattern: '/chapters/[slug]', file: 'chapters/[slug].astro' },
	{ pattern: '/matrix', file: 'matrix.astro' },
	{ pattern: '/glossary', file: 'glossary.astro' },
	{ pattern: '/practice', file: 'practice.astro' },
	{ pattern: '/404', file: '404.astro' },
];

export class CourseCheckError extends Error {
	override name = 'CourseCheckError';
}

export function courseSite(options: Partial<SiteOptions> = {}) {
	const site = resolveSite(options);
	const state = { watch: false, mermaidClient: '' };
	const mermaidIntegration = mermaid({ theme: 'default', autoTheme: true });

	const integration: AstroIntegration & { remarkPlugins: unknown[]; site: SiteOptions } = {
		name: 'course-site',
		site,
		// remark-directive parses the syntax; remarkCourse renders it. `watch` is read lazily: it is only known once Astro says which command runs.
		remarkPlugins: [remarkDirective, [remarkCourse, { courseDir: site.courseDir, base: site.base, get watch() { return state.watch; } }]],
		hooks: {
			'astro:config:setup': async (params) => {
				const { command, logger, updateConfig, injectRoute } = params;
				// The site's pages belong to the integration (as Starlight's do): a course project has no src/pages.
				for (const route of ROUTES) injectRoute({ pattern: route.pattern, entrypoint: new URL(`../routes/${route.file}`, import.meta.url), prerender: true });
				state.watch = command === 'dev';
				if (command === 'build') {
					// Check the whole course before Astro writes anything: every problem, reported once, then stop.
					const { check } = loadCourse(site.courseDir, site.base);
					if (check.diagnostics.length) console.error(formatText(check.diagnostics));
					if (hasErrors(check.diagnostics)) {
						console.error(formatSummary(check.diagnostics, check.files));
						const error = new CourseCheckError(`The course in ${site.courseDir} has errors (listed above). Nothing was built.`);
						// The problems are the course's, not the code's: no stack trace.
						error.stack = `${error.name}: ${error.message}`;
						throw error;
					}
					logger.info(formatSummary(check.diagnostics, check.files));
				}
				// astro-mermaid turns ```mermaid blocks into diagrams. Its client script would be injected into every
				// page; we keep it and serve it as a module that only pages with a diagram import.
				await mermaidIntegration.hooks['astro:config:setup']!({
					...params,
					injectScript: (stage: string, content: string) => {
						if (stage === 'page' && !state.mermaidClient) state.mermaidClient = content;
					},
				} as never);
				updateConfig({
					vite: {
						plugins: [virtualCourse({ courseDir: site.courseDir, base: site.base, watch: () => state.watch, mermaidClient: () => state.mermaidClient })],
					},
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				// The course model adds search records for every quiz, flashcard and control.
				await indexSite(dir, logger, loadCourse(site.courseDir, site.base).model);
			},
		},
	};
	return integration;
}

export default courseSite;
