/**
 * Vite plugin for `virtual:course` (the course model, for pages) and `virtual:course/mermaid-client`
 * (astro-mermaid's client script, imported only by pages that contain a diagram). In dev, a change to any
 * course file invalidates the model and reloads the page.
 */
import type { Plugin } from 'vite';
import { loadCourse } from '../loader/load.ts';

const MODEL = 'virtual:course';
const MERMAID = 'virtual:course/mermaid-client';
const resolved = (id: string) => `\0${id}`;

export function virtualCourse(options: { courseDir: string; base: string; watch: () => boolean; mermaidClient: () => string }): Plugin {
	return {
		name: 'course-site:virtual',
		resolveId(id) {
			if (id === MODEL || id === MERMAID) return resolved(id);
			return undefined;
		},
		load(id) {
			if (id === resolved(MODEL)) return `export default ${JSON.stringify(loadCourse(options.courseDir, options.base, { watch: options.watch() }).model)};`;
			if (id === resolved(MERMAID)) return options.mermaidClient();
			return undefined;
		},
		configureServer(server) {
			server.watcher.add(options.courseDir);
			const onChange = (file: string) => {
				if (!file.startsWith(options.courseDir)) return;
				const mod = server.moduleGraph.getModuleById(resolved(MODEL));
				if (mod) server.moduleGraph.invalidateModule(mod);
			};
			server.watcher.on('change', onChange);
			server.watcher.on('add', onChange);
			server.watcher.on('unlink', onChange);
		},
	};
}
