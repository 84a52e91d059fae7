/**
 * course.yaml `repository:` → the address where a course file is edited ("Edit this page" on every chapter).
 *
 *   repository: https://github.com/owner/course                      branch main, course folder found from git
 *   repository: { url: https://gitlab.com/group/course, branch: trunk, path: courses/security }
 *
 * GitHub (and Gitea, Forgejo, Codeberg) edit at `<url>/edit/<branch>/<path>`, GitLab at `<url>/-/edit/<branch>/<path>`.
 */
import type { CourseConfig } from './course.ts';

export const DEFAULT_BRANCH = 'main';

export interface Repository {
	url: string;
	branch: string;
	/** The course folder inside the repository, without slashes at either end ('' at the top). */
	path: string;
}

/** The repository of a course, with its defaults; `found` is the course folder's path in the repository, if known (src/loader/git.ts). */
export function resolveRepository(given: CourseConfig['repository'], found?: string): Repository | undefined {
	if (!given) return undefined;
	const object = typeof given === 'string' ? { url: given } : given;
	return {
		url: object.url.replace(/\/+$/, '').replace(/\.git$/, ''),
		branch: object.branch ?? DEFAULT_BRANCH,
		path: (object.path ?? found ?? '').replace(/^\/+|\/+$/g, ''),
	};
}

/** The address that a course file (`chapters/intro.mdx`, relative to the course folder) is edited at: this plus the file's path. */
export function editBase(repository: Repository): string {
	const gitlab = /(^|\.)gitlab\./i.test(new URL(repository.url).hostname);
	const segments = [...repository.branch.split('/'), ...(repository.path ? repository.path.split('/') : [])].map(encodeURIComponent);
	return `${repository.url}/${gitlab ? '-/' : ''}edit/${segments.join('/')}/`;
}

/** `editBase` + a course-relative POSIX path, each segment encoded. */
export const editUrl = (base: string, rel: string) => base + rel.split('/').map(encodeURIComponent).join('/');
