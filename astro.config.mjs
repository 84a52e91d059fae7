// @ts-check
import { createHash } from 'node:crypto';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { courseSite } from './src/integration/index.ts';

// COURSE_DIR picks the course folder (default ./content); BASE_PATH or course.yaml `base` the deploy path;
// OUT_DIR the output folder (default ./dist).
const course = courseSite();
const outDir = process.env.OUT_DIR || './dist';

export default defineConfig({
	base: course.site.base,
	...(course.site.site ? { site: course.site.site } : {}),
	outDir,
	// One cache per course and output folder, so concurrent builds (tests, benchmarks) never share a content store.
	cacheDir: `./node_modules/.astro/${createHash('sha1').update(`${course.site.courseDir}\0${outDir}`).digest('hex').slice(0, 16)}`,
	trailingSlash: 'always',
	// optimize: static parts of a chapter compile to one HTML string instead of JSX calls (same DOM; a third less
	// compile and render time, see docs/performance.md).
	integrations: [course, mdx({ optimize: true })],
	// remark plugins need the unified processor (Astro 7 defaults to Sätteri).
	markdown: { processor: unified({ remarkPlugins: /** @type {any} */ (course.remarkPlugins) }) },
	devToolbar: { enabled: false },
});
