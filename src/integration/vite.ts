/**
 * The Vite side of the integration: `virtual:course-site/key` (which loaded course the pages read, see
 * src/loader/store.ts), `virtual:course/mermaid-client` (astro-mermaid's client, imported only by pages with a
 * diagram), and, in dev, the course's published images under `<base>_course/`.
 */
import fs from 'node:fs';
import type { Plugin } from 'vite';
import type { SiteOptions } from '../config/site.ts';
import { published } from '../loader/store.ts';
import { publishedImages } from './assets.ts';

const KEY = 'virtual:course-site/key';
const MDX = 'virtual:course-site/mdx';
const MERMAID = 'virtual:course/mermaid-client';
const resolved = (id: string) => `\0${id}`;

export function courseVite(options: { key: string; site: SiteOptions; mermaidClient: () => string }): Plugin {
	return {
		name: 'course-site:vite',
		resolveId(id) {
			if (id === KEY || id === MERMAID || id === MDX) return resolved(id);
			return undefined;
		},
		load(id) {
			if (id === resolved(KEY)) return `export default ${JSON.stringify(options.key)};`;
			if (id === resolved(MERMAID)) return options.mermaidClient();
			if (id === resolved(MDX)) {
				// Only a course that allows MDX has chapters that are modules; for every other course this is empty.
				const { course } = published(options.key);
				if (!course.check.policy.allowMdx) return 'export default {};';
				const entries = course.check.chapters.map((c) => `${JSON.stringify(c.slug)}: () => import(${JSON.stringify(c.file)})`);
				return `export default {${entries.join(',\n')}};`;
			}
			return undefined;
		},
		configureServer(server) {
			const prefix = `${options.site.base}_course/`;
			server.middlewares.use((req, res, next) => {
				const url = (req.url ?? '').split('?')[0]!;
				if (!url.startsWith(prefix)) return next();
				const image = publishedImages(published(options.key).course).get(`/_course/${url.slice(prefix.length)}`);
				if (!image) return next();
				res.setHeader('content-type', image.type);
				fs.createReadStream(image.file).pipe(res);
			});
		},
	};
}
