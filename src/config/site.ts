/** Site-wide options resolved from the environment and course.yaml: the course folder and the base path. */
import { normaliseBase } from '../core/routes.ts';
import { resolveCourseDir } from '../core/paths.ts';
import { basePath, loadCourseConfig } from './course.ts';

export interface SiteOptions {
	courseDir: string;
	/** Always starts and ends with `/`. */
	base: string;
	site?: string;
}

export function resolveSite(options: Partial<SiteOptions> = {}): SiteOptions {
	const courseDir = options.courseDir ?? resolveCourseDir();
	const { config } = loadCourseConfig(courseDir);
	const given = options.base ?? process.env.BASE_PATH ?? config.base ?? '/';
	// course.yaml's base is checked with the course; one from the environment or the options is checked here.
	const base = basePath.safeParse(given).success ? normaliseBase(given) : '/';
	if (base === '/' && given !== '/' && given !== config.base) throw new Error(`Invalid base path ${JSON.stringify(given)} (BASE_PATH or the base option): expected a path such as /my-course/.`);
	const site = options.site ?? process.env.SITE_URL ?? config.site;
	return { courseDir, base, ...(site ? { site } : {}) };
}

