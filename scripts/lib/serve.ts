/**
 * Serve a built site the way a static host does, for the browser tests and the benchmark (one server for both):
 * files under a base path (`sirv`, which also picks the content types), `dir/` → `dir/index.html`, `dir` → a
 * redirect to `dir/`, anything else → the site's 404.html with status 404. `gzip: true` compresses text
 * responses on the fly (`compression`), as hosts do; Pagefind's index and fragments, already compressed, are
 * sent as they are. Every response is logged with the body bytes as sent, for the search-cost measurement.
 * Listens on 127.0.0.1 on a free port.
 *
 *   const server = await serveSite('dist', { base: '/learn/' });
 *   await fetch(server.url);   // http://127.0.0.1:PORT/learn/
 *   await server.close();
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import compression from 'compression';
import sirv from 'sirv';

export interface ServeOptions {
	/** The path the site is deployed under, with slashes at both ends (default `/`). */
	base?: string;
	/** Compress text responses with gzip when the browser accepts it (default false). */
	gzip?: boolean;
}

export interface SiteServer {
	/** Origin plus base path, ending in `/`: `http://127.0.0.1:PORT/base/`. */
	url: string;
	/** `http://127.0.0.1:PORT` */
	origin: string;
	/** Every response, in order: the request path, its status and the body bytes sent (compressed when compressed). */
	log: { path: string; status: number; bytes: number }[];
	close(): Promise<void>;
}

/** What a host compresses: text, JSON, XML and SVG. Pagefind's binary files have no such type. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg)/;

export async function serveSite(root: string, { base = '/', gzip = false }: ServeOptions = {}): Promise<SiteServer> {
	const dir = path.resolve(root);
	const files = sirv(dir, {
		dev: true, // look files up per request: a test may rebuild or edit the site while it is served
		extensions: ['html'],
		// sirv has no type for Pagefind's own files (.pf_index, .pf_fragment, .pf_meta, wasm.en.pagefind).
		setHeaders: (res, pathname) => {
			if (/\.(pf_\w+|pagefind)$/.test(pathname)) res.setHeader('Content-Type', 'application/octet-stream');
		},
	});
	const compress = gzip ? compression({ threshold: 0, filter: (_req, res) => COMPRESSIBLE.test(String(res.getHeader('Content-Type') ?? '')) }) : undefined;
	const log: SiteServer['log'] = [];

	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		countBytes(res, (bytes) => log.push({ path: url.pathname, status: res.statusCode, bytes }));
		const respond = () => route(dir, base, url, req, res, files);
		if (compress) compress(req as never, res as never, respond);
		else respond();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		url: `${origin}${base}`,
		origin,
		log,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}

function route(dir: string, base: string, url: URL, req: http.IncomingMessage, res: http.ServerResponse, files: ReturnType<typeof sirv>): void {
	let pathname: string;
	try {
		pathname = decodeURIComponent(url.pathname);
	} catch {
		return notFound(dir, res);
	}
	if (`${pathname}/` === base) return redirect(res, base);
	if (!pathname.startsWith(base)) return notFound(dir, res);
	const rel = pathname.slice(base.length);
	const target = path.resolve(dir, rel);
	if (target !== dir && !target.startsWith(dir + path.sep)) return notFound(dir, res);
	if (!pathname.endsWith('/') && isDirectory(target)) return redirect(res, `${url.pathname}/${url.search}`);
	// sirv serves from the site root: hand it the path below the base.
	req.url = `/${rel}${url.search}`;
	files(req, res, () => {
		notFound(dir, res);
	});
}

const isDirectory = (p: string) => {
	try {
		return fs.statSync(p).isDirectory();
	} catch {
		return false;
	}
};

function redirect(res: http.ServerResponse, location: string): void {
	res.writeHead(301, { location });
	res.end();
}

function notFound(dir: string, res: http.ServerResponse): void {
	const page = path.join(dir, '404.html');
	res.statusCode = 404;
	res.setHeader('Cache-Control', 'no-store');
	if (!fs.existsSync(page)) {
		res.setHeader('Content-Type', 'text/plain');
		res.end('Not found');
		return;
	}
	res.setHeader('Content-Type', 'text/html;charset=utf-8');
	fs.createReadStream(page).pipe(res);
}

/** Count the body bytes as they go to the socket (after compression, which wraps write/end after us). */
function countBytes(res: http.ServerResponse, done: (bytes: number) => void) {
	let bytes = 0;
	const size = (chunk: unknown, encoding?: unknown) =>
		chunk == null || typeof chunk === 'function' ? 0 : typeof chunk === 'string' ? Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : (chunk as Uint8Array).byteLength;
	const write = res.write.bind(res);
	const end = res.end.bind(res);
	res.write = ((chunk: unknown, ...rest: unknown[]) => {
		bytes += size(chunk, rest[0]);
		return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
	}) as typeof res.write;
	res.end = ((chunk?: unknown, ...rest: unknown[]) => {
		bytes += size(chunk, rest[0]);
		return (end as (...a: unknown[]) => http.ServerResponse)(chunk, ...rest);
	}) as typeof res.end;
	res.on('finish', () => done(bytes));
}
