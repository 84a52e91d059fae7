/**
 * The trusted path: a course whose maintainers set `policy.allowMdx` compiles its chapters with @astrojs/mdx,
 * so expressions and exports run during the build, and the course's directives still render inside them.
 * (Every other course never compiles a chapter: tests/hostile/.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSite } from '../helpers/sites.ts';

const dist = await builtSite('trusted');
const html = fs.readFileSync(path.join(dist, 'chapters/computed/index.html'), 'utf8');

describe('a course with policy.allowMdx', () => {
	it('evaluates the chapter as MDX: expressions and exports', () => {
		expect(html).toContain('Two and two make 4, and it is 2026.');
	});

	it('renders the directives inside it, checked against the schema', () => {
		expect(html).toContain('<span class="ctl ctl--customer" data-ref="ec2.guest-os-patching" data-owner="customer">');
		expect(html).toMatch(/class="callout callout--note"/);
	});
});
