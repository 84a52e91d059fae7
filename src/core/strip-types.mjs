/**
 * This package runs its TypeScript as it is written: Node strips the types itself, except in files under
 * node_modules (ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING), which is where this package's own .ts files are
 * once it is installed. So everything Node starts directly — the bin (src/cli/bin.mjs), the package entries
 * (src/**\/entry.mjs) and the worker threads (./worker.ts) — imports this module first. When the package is
 * under node_modules it registers a synchronous load hook that strips the types of this package's own .ts
 * files with amaro, the stripper Node itself uses (`strip-only`: types become spaces, so lines and columns stay
 * right); elsewhere, as in this repository, it does nothing and Node strips them.
 *
 * Why not a compile step at `prepack`: the .astro routes import the .ts sources (Vite transforms them), the
 * cache key hashes the sources, and the tests run the sources. Shipping the files of this repository as they
 * are keeps one set of files, and the packed-tarball test (tests/site/package.test.ts) runs exactly them.
 */
import fs from 'node:fs';
import { createRequire, enableCompileCache, registerHooks } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Node keeps compiled (and type-stripped) modules on disk between runs: everything loaded after this line (a
// command, a worker's modules) starts about 0.4 s sooner the second time. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
enableCompileCache?.();

const SRC = new URL('../', import.meta.url);
const KEY = Symbol.for('course-site.strip-types');

if (!globalThis[KEY] && fileURLToPath(SRC).split(path.sep).includes('node_modules')) {
	globalThis[KEY] = true;
	const { transformSync } = createRequire(import.meta.url)('amaro');
	const own = SRC.href;
	registerHooks({
		load(url, context, nextLoad) {
			if (!url.startsWith(own) || !url.endsWith('.ts')) return nextLoad(url, context);
			const file = fileURLToPath(url);
			const { code } = transformSync(fs.readFileSync(file, 'utf8'), { mode: 'strip-only', filename: file });
			return { format: 'module', source: code, shortCircuit: true };
		},
	});
}
