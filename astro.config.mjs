// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { courseSite } from './src/integration.ts';

// COURSE_DIR picks the course folder (default ./content); BASE_PATH or course.yaml `base` the deploy path;
// OUT_DIR the output folder (default ./dist).
const course = courseSite();

export default defineConfig({
	base: course.site.base,
	...(course.site.site ? { site: course.site.site } : {}),
	outDir: process.env.OUT_DIR || './dist',
	// One cache per course, so building a fixture course never reuses another course's content store.
	cacheDir: `./node_modules/.astro/${Buffer.from(course.site.courseDir).toString('base64url').slice(-40)}`,
	trailingSlash: 'always',
	integrations: [course, mdx()],
	// remark plugins need the unified processor (Astro 7 defaults to Sätteri).
	markdown: { processor: unified({ remarkPlugins: /** @type {any} */ (course.remarkPlugins) }) },
	devToolbar: { enabled: false },
});
