/** Index the built site with Pagefind's Node API after the build; Pagefind errors fail the build. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

export async function indexSite(outDir: URL | string, logger: AstroIntegrationLogger) {
	const dir = typeof outDir === 'string' ? outDir : fileURLToPath(outDir);
	const { index, errors } = await pagefind.createIndex({});
	if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
	try {
		const added = await index.addDirectory({ path: dir });
		if (added.errors.length) throw new Error(`Pagefind failed to index the site: ${added.errors.join('; ')}`);
		const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
		if (written.errors.length) throw new Error(`Pagefind failed to write its files: ${written.errors.join('; ')}`);
		logger.info(`Pagefind indexed ${added.page_count} pages`);
	} finally {
		await pagefind.close();
	}
}
