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
import { formatSummary, formatText } from './check/format.ts';
import { hasErrors } from './check/diagnostics.ts';
import { loadCourse } from './course/load.ts';
import { resolveSite, type SiteOptions } from './course/site.ts';
import { indexSite } from './integrations/pagefind.ts';
import { virtualCourse } from './integrations/virtual-course.ts';
import remarkCourse from './remark/remark-course.ts';

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
				const { command, logger, updateConfig } = params;
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
