/**
 * The dev loop. Saving a chapter re-checks that chapter (the others come from the cache) and the course-wide
 * rules; saving course.yaml or ownership.yaml re-checks everything. Problems are printed in the terminal; open
 * pages reload and show them in the error overlay — every open page when the problem is in a file they all
 * depend on.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { formatSummary, formatText } from '../check/format.ts';
import type { SiteOptions } from '../config/site.ts';
import { loadCourse } from '../loader/pipeline.ts';
import { globalErrors, overlayError } from '../loader/problems.ts';
import { publish } from '../loader/store.ts';
import { invalidateCourseModules } from './vite.ts';

export function watchCourse(server: ViteDevServer, { key, site, logger }: { key: string; site: SiteOptions; logger: AstroIntegrationLogger }) {
	server.watcher.add(site.courseDir);
	let timer: NodeJS.Timeout | undefined;
	let running: Promise<void> = Promise.resolve();
	const reload = () =>
		(running = running.then(async () => {
			const loaded = await loadCourse(site.courseDir, { base: site.base, render: true });
			publish(key, loaded);
			// The interface strings and the parties' colours come from course.yaml and ownership.yaml.
			invalidateCourseModules(server);
			const { diagnostics, files } = loaded.check;
			if (diagnostics.length) console.error(formatText(diagnostics));
			logger.info(`${formatSummary(diagnostics, files)} (${loaded.stats.processed} chapter${loaded.stats.processed === 1 ? '' : 's'} checked again)`);
			const everywhere = overlayError(globalErrors(loaded));
			if (everywhere) server.ws.send({ type: 'error', err: { message: everywhere.message, stack: everywhere.stack ?? '', id: everywhere.id, loc: everywhere.loc, plugin: 'course-site' } as never });
			else server.ws.send({ type: 'full-reload', path: '*' });
		}).catch((error: Error) => logger.error(`Reloading the course failed: ${error.message}`)));
	const onChange = (file: string) => {
		if (!file.startsWith(site.courseDir)) return;
		clearTimeout(timer);
		// Editors write a file in several steps; check once they are done.
		timer = setTimeout(reload, 60);
	};
	server.watcher.on('change', onChange);
	server.watcher.on('add', onChange);
	server.watcher.on('unlink', onChange);
}
