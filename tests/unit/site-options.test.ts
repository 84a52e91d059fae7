/**
 * `courseSite(options)`: options are validated (zod) when the Astro config is read, a relative `courseDir` is
 * resolved against the Astro project root, and what the user passes wins over the environment (COURSE_DIR,
 * BASE_PATH, SITE_URL: this repository's scripts and tests) and course.yaml.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCourseSiteOptions, resolveSite } from '../../src/config/site.ts';
import { courseSite } from '../../src/integration/index.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'site-options-'));
const course = path.join(root, 'content');
fs.mkdirSync(course);
fs.writeFileSync(path.join(course, 'course.yaml'), 'title: T\ndescription: D\nbase: /from-yaml/\nsite: https://yaml.example\n');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const ENV = ['COURSE_DIR', 'BASE_PATH', 'SITE_URL'] as const;
let saved: Record<string, string | undefined> = {};
beforeEach(() => {
	saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
	for (const k of ENV) delete process.env[k];
});
afterEach(() => {
	for (const k of ENV) if (saved[k] === undefined) delete process.env[k];
	else process.env[k] = saved[k];
});

describe('courseSite() options', () => {
	it('accepts courseDir, base and site', () => {
		expect(parseCourseSiteOptions({ courseDir: './content', base: '/learn/', site: 'https://example.org' })).toEqual({ courseDir: './content', base: '/learn/', site: 'https://example.org' });
		expect(parseCourseSiteOptions(undefined)).toEqual({});
	});

	it('rejects a misspelt option, naming the ones there are', () => {
		expect(() => courseSite({ courseDri: './content' } as never)).toThrow('Invalid courseSite() options in the Astro config: unexpected option `courseDri` (options: courseDir, base, site)');
	});

	it('rejects a base that is not a path and a site that is not an address', () => {
		expect(() => parseCourseSiteOptions({ base: 'learn' })).toThrow('`base`: Unexpected base "learn", expected a path that starts with /');
		expect(() => parseCourseSiteOptions({ site: 'javascript:alert(1)' })).toThrow('`site`: Unexpected URL "javascript:alert(1)", expected an http(s) address');
		expect(() => parseCourseSiteOptions({ courseDir: 7 })).toThrow('`courseDir`: ');
	});
});

describe('resolveSite', () => {
	it('resolves courseDir against the project root, not the working directory', () => {
		expect(resolveSite({ courseDir: './content' }, root).courseDir).toBe(course);
	});

	it('takes base and site from course.yaml by default', () => {
		expect(resolveSite({ courseDir: './content' }, root)).toEqual({ courseDir: course, base: '/from-yaml/', site: 'https://yaml.example' });
	});

	it('lets the environment override course.yaml, and the options override both', () => {
		process.env.BASE_PATH = '/from-env/';
		process.env.SITE_URL = 'https://env.example';
		process.env.COURSE_DIR = path.join(root, 'elsewhere');
		expect(resolveSite({ courseDir: './content' }, root)).toEqual({ courseDir: course, base: '/from-env/', site: 'https://env.example' });
		expect(resolveSite({ courseDir: './content', base: '/from-options', site: 'https://options.example' }, root)).toEqual({ courseDir: course, base: '/from-options/', site: 'https://options.example' });
	});

	it('uses COURSE_DIR when the options name no folder', () => {
		process.env.COURSE_DIR = course;
		expect(resolveSite({}, '/somewhere/else').courseDir).toBe(course);
	});
});
