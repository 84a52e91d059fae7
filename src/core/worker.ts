/**
 * A worker thread running one of this package's .ts modules. The worker first imports ./strip-types.mjs, so
 * the module loads when the package is installed under node_modules too, where Node does not strip types.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

// Resolved by hand (not `new URL(…, import.meta.url)`), so bundlers leave the path alone.
const HOOK = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'strip-types.mjs')).href;

export function typeScriptWorker(module: string | URL, options: WorkerOptions = {}): Worker {
	const entry = typeof module === 'string' ? pathToFileURL(module).href : module.href;
	// A data: URL module may import absolute file: URLs; the static import runs (and registers) first.
	const boot = `import ${JSON.stringify(HOOK)};\nawait import(${JSON.stringify(entry)});`;
	return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}
