/**
 * course.yaml `repository:` (src/config/repository.ts): the address form and the object form with a branch and
 * the course folder's path, the edit address of GitHub-style hosts and GitLab, and the problems course.yaml
 * reports at the key's line.
 */
import { describe, expect, it } from 'vitest';
import { parseCourseConfig } from '../../src/config/course.ts';
import { editBase, editUrl, resolveRepository } from '../../src/config/repository.ts';

const config = (yaml: string) => parseCourseConfig(`title: T\ndescription: D\n${yaml}`, '/course/course.yaml');
const edit = (given: Parameters<typeof resolveRepository>[0], found: string | undefined, rel: string) => editUrl(editBase(resolveRepository(given, found)!), rel);

describe('repository', () => {
	it('edits on branch main, in the course folder found from git, by default', () => {
		expect(edit('https://github.com/owner/course', 'content', 'chapters/intro.mdx')).toBe('https://github.com/owner/course/edit/main/content/chapters/intro.mdx');
		expect(edit('https://github.com/owner/course/', '', 'chapters/intro.mdx')).toBe('https://github.com/owner/course/edit/main/chapters/intro.mdx');
		expect(edit('https://github.com/owner/course.git', undefined, 'chapters/intro.mdx')).toBe('https://github.com/owner/course/edit/main/chapters/intro.mdx');
	});

	it('takes the branch and path it is given, over what git says', () => {
		expect(edit({ url: 'https://github.com/owner/mono', branch: 'release/2026', path: 'courses/security/' }, 'elsewhere', 'locales/de/chapters/einführung.mdx')).toBe(
			'https://github.com/owner/mono/edit/release/2026/courses/security/locales/de/chapters/einf%C3%BChrung.mdx',
		);
	});

	it('edits on GitLab at /-/edit/', () => {
		expect(edit({ url: 'https://gitlab.com/group/course', branch: 'trunk' }, '', 'chapters/a.mdx')).toBe('https://gitlab.com/group/course/-/edit/trunk/chapters/a.mdx');
		expect(edit('https://gitlab.example.org/group/course', '', 'chapters/a.mdx')).toBe('https://gitlab.example.org/group/course/-/edit/main/chapters/a.mdx');
	});

	it('accepts both forms in course.yaml', () => {
		expect(config('repository: https://github.com/owner/course\n')).toMatchObject({ config: { repository: 'https://github.com/owner/course' }, diagnostics: [] });
		expect(config('repository: { url: https://github.com/owner/course, branch: trunk, path: content }\n')).toMatchObject({ config: { repository: { url: 'https://github.com/owner/course', branch: 'trunk', path: 'content' } }, diagnostics: [] });
	});

	it('reports a misspelt key, a bad address, branch or path at its line', () => {
		const problems = (yaml: string) => config(yaml).diagnostics.map((d) => `${d.line}:${d.column} ${d.message} | ${d.hint}`);
		expect(problems('repository:\n  url: https://github.com/owner/course\n  brnch: trunk\n')).toEqual(['5:3 Unexpected key `repository.brnch` in course.yaml. Did you mean "branch"? | Rename it to `branch`.']);
		expect(problems('repository: git@github.com:owner/course.git\n')).toEqual([
			'3:13 `repository`: Unexpected URL "git@github.com:owner/course.git", expected an http(s) address such as https://example.org | Write the repository’s address, e.g. `repository: https://github.com/owner/course`, or `repository: { url: …, branch: main, path: content }`.',
		]);
		expect(problems('repository: { url: https://github.com/o/c, branch: ../x, path: /abs }\n').map((p) => p.split(' | ')[0])).toEqual([
			'3:52 `repository.branch`: unexpected value "../x", expected a branch name such as main or release/2026',
			'3:64 `repository.path`: unexpected value "/abs", expected the course folder’s path in the repository, such as content or courses/security (no leading slash, no ..)',
		]);
		expect(problems('repository: 42\n').map((p) => p.split(' | ')[0])).toEqual(['3:13 `repository`: unexpected value 42, expected an http(s) address, or { url, branch, path }']);
	});
});
