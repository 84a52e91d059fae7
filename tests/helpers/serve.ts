/**
 * A tiny static file server for built sites, as a static host would serve them: files under a base path,
 * `dir/` → `dir/index.html`, `dir` → redirect to `dir/`, anything else → the site's 404.html with status 404.
 * Listens on 127.0.0.1 on a random free port.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { TYPES } from '../../scripts/bench/serve.ts';

export interface StaticServer {
	/** Origin plus base path, ending in `/`: `http://127.0.0.1:PORT/base/`. */
	url: string;
	origin: string;
	close(): Promise<void>;
}

/** Map a request path to a file inside `root`, or undefined (outside the base, outside the root, missing). */
export function resolveFile(root: string, base: string, urlPath: string): { file?: string; redirect?: string } {
	let pathname: string;
	try {
		pathname = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
	} catch {
		return {};
	}
	if (`${pathname}/` === base) return { redirect: base };
	if (!pathname.startsWith(base)) return {};
	const relative = pathname.slice(base.length);
	const target = path.resolve(root, relative);
	if (target !== root && !target.startsWith(root + path.sep)) return {}; // `..` out of the site
	let stat: fs.Stats | undefined;
	try {
		stat = fs.statSync(target);
	} catch {
		return {};
	}
	if (stat.isDirectory()) {
		if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
		const index = path.join(target, 'index.html');
		return fs.existsSync(index) ? { file: index } : {};
	}
	return { file: target };
}

export async function serve(root: string, base = '/'): Promise<StaticServer> {
	const dir = path.resolve(root);
	const server = http.createServer((req, res) => {
		const { file, redirect } = resolveFile(dir, base, req.url ?? '/');
		if (redirect) {
			res.writeHead(301, { location: redirect });
			res.end();
			return;
		}
		const notFound = path.join(dir, '404.html');
		const served = file ?? (fs.existsSync(notFound) ? notFound : undefined);
		if (!served) {
			res.writeHead(404, { 'content-type': 'text/plain' });
			res.end('Not found');
			return;
		}
		res.writeHead(file ? 200 : 404, { 'content-type': TYPES[path.extname(served)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
		fs.createReadStream(served).pipe(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		url: `${origin}${base}`,
		origin,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}
