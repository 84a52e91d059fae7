// @ts-check
import { createHash } from 'node:crypto';
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
	// One Vite cache per course and output folder, so concurrent builds (tests, benchmarks) never share one.
	cacheDir: `./node_modules/.astro/${createHash('sha1').update(`${course.site.courseDir}\0${outDir}`).digest('hex').slice(0, 16)}`,
	trailingSlash: 'always',
	integrations: [course],
	devToolbar: { enabled: false },
});
