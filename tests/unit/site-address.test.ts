/**
 * The site's address (src/config/site.ts) is set once: course.yaml `site:`, overridden by SITE_URL for a
 * deploy (an empty one is unset, a malformed one an error); an Astro config with a `site` of its own is named.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { resolveSite, siteConflict } from '../../src/config/site.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-address-'));
fs.writeFileSync(path.join(dir, 'course.yaml'), 'title: T\ndescription: D\nsite: https://courses.example.org\n');
const saved = process.env.SITE_URL;
afterEach(() => (saved === undefined ? delete process.env.SITE_URL : (process.env.SITE_URL = saved)));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the site's address", () => {
	it('comes from course.yaml, or SITE_URL when a deploy sets one', () => {
		delete process.env.SITE_URL;
		expect(resolveSite({ courseDir: dir }).site).toBe('https://courses.example.org');
		process.env.SITE_URL = '';
		expect(resolveSite({ courseDir: dir }).site).toBe('https://courses.example.org');
		process.env.SITE_URL = 'https://owner.github.io';
		expect(resolveSite({ courseDir: dir }).site).toBe('https://owner.github.io');
	});

	it('refuses a SITE_URL that is not an http(s) address', () => {
		process.env.SITE_URL = 'owner.github.io';
		expect(() => resolveSite({ courseDir: dir })).toThrow('Invalid site address "owner.github.io" (SITE_URL or the site option): expected an http(s) address such as https://example.org.');
	});

	it('names an Astro config that sets another address (the same one, with or without a slash, is fine)', () => {
		delete process.env.SITE_URL;
		const site = resolveSite({ courseDir: dir });
		expect(siteConflict(undefined, site)).toBeUndefined();
		expect(siteConflict('https://courses.example.org/', site)).toBeUndefined();
		expect(siteConflict('https://elsewhere.example.org', site)).toBe(
			`The Astro config sets \`site: https://elsewhere.example.org\`, but the course's address is https://courses.example.org: set the site's address once, as \`site:\` in ${path.join(dir, 'course.yaml')}, and remove it from the Astro config.`,
		);
	});
});
