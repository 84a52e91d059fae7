// @ts-check
// The site of this repository: the bundled course, built with the integration exactly as a course project
// created by `npx course-site init` uses it (there it is `import { courseSite } from 'course-site'`).
// COURSE_DIR picks another course folder, BASE_PATH and SITE_URL override course.yaml's `base` and `site`,
// OUT_DIR the output folder: this repository's scripts and tests build other courses with them.
import { defineConfig } from 'astro/config';
import { courseSite } from './src/integration/index.ts';

const courseDir = process.env.COURSE_DIR || './content';

export default defineConfig({
	outDir: process.env.OUT_DIR || './dist',
	integrations: [courseSite({ courseDir })],
	devToolbar: { enabled: false },
});
