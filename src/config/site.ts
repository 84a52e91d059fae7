/**
 * The options of the integration, `courseSite({ courseDir, base, site })`, and the site-wide settings resolved
 * from them: the course folder, the deploy base path and the site URL. What the user passes wins, then the
 * environment (`COURSE_DIR`, `BASE_PATH`, `SITE_URL`: this repository's scripts and tests build other courses
 * with them), then course.yaml, then the defaults.
 */
import path from 'node:path';
import { z } from 'zod';
import { normaliseBase } from '../core/routes.ts';
import { resolveCourseDir } from '../core/paths.ts';
import { basePath, httpUrl, loadCourseConfig } from './course.ts';

export const courseSiteOptionsSchema = z
	.object({
		/** The course folder (course.yaml, ownership.yaml, chapters/), relative to the Astro project root. Default `./content`. */
		courseDir: z.string().trim().min(1).optional(),
		/** Deploy path prefix, e.g. `/my-course/` (GitHub Pages project sites). Default: course.yaml's `base`, else `/`. */
		base: basePath.optional(),
		/** The site's absolute address, e.g. `https://example.org`. Default: course.yaml's `site`. */
		site: httpUrl.optional(),
	})
	.strict();

/** What `courseSite()` accepts. */
export type CourseSiteOptions = z.input<typeof courseSiteOptionsSchema>;

/** The options, resolved. */
export interface SiteOptions {
	/** Absolute path of the course folder. */
	courseDir: string;
	/** Always starts and ends with `/`. */
	base: string;
	site?: string;
}

/** Validate what a user passed to `courseSite()`: a mistake stops the build with every problem named. */
export function parseCourseSiteOptions(options: unknown): CourseSiteOptions {
	const parsed = courseSiteOptionsSchema.safeParse(options ?? {}, { reportInput: true });
	if (parsed.success) return parsed.data;
	const problems = parsed.error.issues.map((i) => {
		if (i.code === 'unrecognized_keys') return `unexpected option${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `\`${k}\``).join(', ')} (options: ${Object.keys(courseSiteOptionsSchema.shape).join(', ')})`;
		return `${i.path.length ? `\`${i.path.join('.')}\`: ` : ''}${i.message}`;
	});
	throw new Error(`Invalid courseSite() options in the Astro config: ${problems.join('; ')}`);
}

/**
 * The course folder, base path and site URL. `root` is the Astro project root, which a relative `courseDir`
 * option is resolved against; `COURSE_DIR` is resolved against the working directory, like any path in a shell.
 */
export function resolveSite(options: CourseSiteOptions = {}, root: string = process.cwd()): SiteOptions {
	const courseDir = options.courseDir ? path.resolve(root, options.courseDir) : resolveCourseDir();
	const { config } = loadCourseConfig(courseDir);
	const given = options.base ?? process.env.BASE_PATH ?? config.base ?? '/';
	// course.yaml's base is checked with the course; one from the environment or the options is checked here.
	if (given !== config.base && !basePath.safeParse(given).success) throw new Error(`Invalid base path ${JSON.stringify(given)} (BASE_PATH or the base option): expected a path such as /my-course/.`);
	const base = basePath.safeParse(given).success ? normaliseBase(given) : '/';
	// The site's address is course.yaml's `site:`; SITE_URL (a deploy's, empty = unset) or the option override it.
	const site = options.site ?? (process.env.SITE_URL || undefined) ?? config.site;
	if (site !== undefined && site !== config.site && !httpUrl.safeParse(site).success) throw new Error(`Invalid site address ${JSON.stringify(site)} (SITE_URL or the site option): expected an http(s) address such as https://example.org.`);
	return { courseDir, base, ...(site ? { site } : {}) };
}

/**
 * The site's address is set once, in course.yaml (or SITE_URL / the option): an Astro config that sets its own
 * `site` is a mistake the build names, since the pages, the sitemap and course.yaml would disagree.
 */
export function siteConflict(astroSite: string | undefined, site: SiteOptions): string | undefined {
	if (!astroSite || astroSite.replace(/\/$/, '') === site.site?.replace(/\/$/, '')) return undefined;
	return `The Astro config sets \`site: ${astroSite}\`${site.site ? `, but the course's address is ${site.site}` : ''}: set the site's address once, as \`site:\` in ${path.join(site.courseDir, 'course.yaml')}, and remove it from the Astro config.`;
}
