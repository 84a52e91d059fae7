/** Site-wide options resolved from the environment and course.yaml: the course folder and the base path. */
import { loadCourseConfig } from './course.ts';
import { resolveCourseDir } from '../core/paths.ts';

export interface SiteOptions {
	courseDir: string;
	/** Always starts and ends with `/`. */
	base: string;
	site?: string;
}

export function resolveSite(options: Partial<SiteOptions> = {}): SiteOptions {
	const courseDir = options.courseDir ?? resolveCourseDir();
	const { config } = loadCourseConfig(courseDir);
	const base = normaliseBase(options.base ?? process.env.BASE_PATH ?? config.base ?? '/');
	const site = options.site ?? process.env.SITE_URL ?? config.site;
	return { courseDir, base, ...(site ? { site } : {}) };
}

export const normaliseBase = (base: string) => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
