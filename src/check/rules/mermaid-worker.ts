/**
 * Worker thread for ./mermaid.ts: validates Mermaid diagrams with mermaid's own parser (`mermaid.parse`).
 *
 * Why a worker: `mermaid.parse` is async, and the checker is synchronous (the build, the dev server's remark
 * plugin and the CLI share it). The caller blocks on a shared flag until the worker answers. The worker also
 * keeps mermaid's module state and the stub below out of the build process.
 *
 * Protocol: the caller posts `{ codes, flag }` on `workerData.port`; the worker posts back one result per code
 * (`null` = valid, or the parser's message) or `{ fatal }`, then sets `flag[0] = 1` and notifies.
 */
import { type MessagePort, workerData } from 'node:worker_threads';

interface Request {
	codes: string[];
	flag: Int32Array;
}

const port = (workerData as { port: MessagePort }).port;

// Mermaid sanitises labels with DOMPurify, which needs a DOM that Node lacks (`DOMPurify.addHook is not a
// function` for class and state diagrams). Parsing does not depend on sanitising, so in this worker only, the
// DOM-less DOMPurify gets no-op hooks and an identity `sanitize`. Nothing rendered here ever reaches a page.
const ready: Promise<{ parse(code: string): Promise<unknown> } | string> = (async () => {
	try {
		const { default: purify } = await import('dompurify');
		const p = purify as unknown as Record<string, unknown>;
		if (typeof p.addHook !== 'function') Object.assign(p, { addHook() {}, removeHook() {}, removeHooks() {}, removeAllHooks() {}, sanitize: (s: unknown) => String(s) });
	} catch {
		// No separate DOMPurify (a future mermaid may not use it): nothing to stub.
	}
	try {
		const { default: mermaid } = await import('mermaid');
		return mermaid;
	} catch (error) {
		return `mermaid could not be loaded: ${(error as Error).message}`;
	}
})();

port.on('message', async ({ codes, flag }: Request) => {
	const mermaid = await ready;
	let reply: (string | null)[] | { fatal: string };
	if (typeof mermaid === 'string') reply = { fatal: mermaid };
	else {
		reply = [];
		for (const code of codes) {
			try {
				await mermaid.parse(code);
				reply.push(null);
			} catch (error) {
				reply.push(String((error as Error)?.message ?? error));
			}
		}
	}
	// Post first, then release the caller: it reads the reply synchronously as soon as it wakes.
	port.postMessage(reply);
	Atomics.store(flag, 0, 1);
	Atomics.notify(flag, 0);
});
