/**
 * A small static server for a built site, for measuring it in a browser: gzip for text responses (as any
 * static host does), files that are already compressed (Pagefind's index, fragments and wasm) sent as they are.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Content types by file extension; the test server (tests/helpers/serve.ts) uses the same table. */
export const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml',
	'.wasm': 'application/wasm',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

export interface Server {
	url: string;
	/** Every response: path and body bytes as sent (compressed when compressed). */
	log: { path: string; bytes: number }[];
	close(): Promise<void>;
}

export async function serve(dir: string, base = '/'): Promise<Server> {
	const gzipped = new Map<string, Buffer>();
	const log: Server['log'] = [];
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let rel = decodeURIComponent(url.pathname);
		if (!rel.startsWith(base)) return notFound(res);
		rel = rel.slice(base.length);
		let file = path.join(dir, rel);
		if (!file.startsWith(dir)) return notFound(res);
		if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
		if (!fs.existsSync(file)) return notFound(res);
		const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
		let body: Buffer = fs.readFileSync(file);
		const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' };
		if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
			let z = gzipped.get(file);
			if (!z) gzipped.set(file, (z = gzipSync(body, { level: 6 })));
			body = z;
			headers['content-encoding'] = 'gzip';
		}
		headers['content-length'] = String(body.length);
		log.push({ path: url.pathname, bytes: body.length });
		res.writeHead(200, headers);
		res.end(req.method === 'HEAD' ? undefined : body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}${base}`, log, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function notFound(res: http.ServerResponse) {
	res.writeHead(404, { 'content-type': 'text/plain' });
	res.end('Not found');
}
