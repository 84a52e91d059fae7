/**
 * The Vite side of the integration: `virtual:course-site/key` (which loaded course the pages read, see
 * src/loader/store.ts), `virtual:course-site/mdx` (chapters compiled as MDX, for courses that allow it),
 * `virtual:course-site/ui` (the browser scripts' interface strings, by locale), `virtual:course-site/parties.css`
 * (each party's colour and shape, ./parties-css.ts), and, in dev, the course's published images, the default
 * social card and Mermaid's prebuilt files (./mermaid.ts) under `<base>_course/`. Vite never bundles Mermaid:
 * src/scripts/diagrams.ts imports it by URL, only on pages with a diagram and only when one comes near the
 * viewport.
 */
import fs from 'node:fs';
import type { Plugin, ViteDevServer } from 'vite';
import type { SiteOptions } from '../config/site.ts';
import { scriptStrings } from '../i18n/index.ts';
import { published } from '../loader/store.ts';
import { SOCIAL_IMAGE } from '../core/routes.ts';
import { publishedImages, SOCIAL_IMAGE_FILE } from './assets.ts';
import { mermaidFileFor, mermaidFiles } from './mermaid.ts';
import { partiesCss } from './parties-css.ts';

const KEY = 'virtual:course-site/key';
const MDX = 'virtual:course-site/mdx';
const UI = 'virtual:course-site/ui';
const PARTIES_CSS = 'virtual:course-site/parties.css';
const resolved = (id: string) => `\0${id}`;

/** Modules made from the loaded course: after a reload of the course (the dev loop) they are made again. */
export const COURSE_MODULES = [UI, PARTIES_CSS].map(resolved);

export function invalidateCourseModules(server: ViteDevServer) {
	for (const id of COURSE_MODULES) {
		const module = server.moduleGraph.getModuleById(id);
		if (module) server.moduleGraph.invalidateModule(module);
	}
}

export function courseVite(options: { key: string; site: SiteOptions }): Plugin {
	return {
		name: 'course-site:vite',
		resolveId(id) {
			if (id === KEY || id === MDX || id === UI || id === PARTIES_CSS) return resolved(id);
			return undefined;
		},
		load(id) {
			if (id === resolved(KEY)) return `export default ${JSON.stringify(options.key)};`;
			if (id === resolved(UI)) {
				const { course } = published(options.key);
				const tables = Object.fromEntries([course.model, ...course.locales.map((l) => l.model)].map((m) => [m.language, scriptStrings(m.ui)]));
				return `export default ${JSON.stringify(tables)};`;
			}
			if (id === resolved(PARTIES_CSS)) return partiesCss(published(options.key).course.check.schema.parties.map((p) => p.id));
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
			let mermaid: Set<string> | undefined;
			server.middlewares.use((req, res, next) => {
				const url = (req.url ?? '').split('?')[0]!;
				if (!url.startsWith(prefix)) return next();
				const at = `/_course/${url.slice(prefix.length)}`;
				// Mermaid, as a build publishes it (./mermaid.ts): never through Vite.
				const script = mermaidFileFor(at, (mermaid ??= new Set(mermaidFiles())));
				if (script) {
					res.setHeader('content-type', 'text/javascript');
					fs.createReadStream(script).pipe(res);
					return;
				}
				const image = at === SOCIAL_IMAGE.path ? { file: SOCIAL_IMAGE_FILE, type: 'image/png' } : publishedImages(published(options.key).course).get(at);
				if (!image) return next();
				res.setHeader('content-type', image.type);
				fs.createReadStream(image.file).pipe(res);
			});
		},
	};
}
