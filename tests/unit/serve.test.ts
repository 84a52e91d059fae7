/**
 * The one server for built sites (scripts/lib/serve.ts), used by the browser tests and the benchmark: it must
 * behave like a static host, or browser tests pass on a server no learner uses.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SiteServer, serveSite } from '../../scripts/lib/serve.ts';

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-site-'));
const write = (file: string, text: string | Buffer) => {
	fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
	fs.writeFileSync(path.join(site, file), text);
};
const PAGE = `<!doctype html><title>Alpha</title>${'<p>Security of the cloud, security in the cloud.</p>'.repeat(50)}`;
write('index.html', '<!doctype html><title>Home</title>');
write('chapters/alpha/index.html', PAGE);
write('404.html', '<!doctype html><title>Not here</title>');
write('_astro/app.js', 'export const a = 1;\n'.repeat(100));
write('pagefind/fragment/en_1.pf_fragment', Buffer.from([0x1f, 0x8b, 1, 2, 3]));
write('pagefind/wasm.en.pagefind', Buffer.from([0x1f, 0x8b, 4, 5]));
fs.writeFileSync(path.join(os.tmpdir(), 'serve-secret.txt'), 'outside the site');
afterAll(() => fs.rmSync(site, { recursive: true, force: true }));

const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { redirect: 'manual', headers });

/**
 * The log entry for `urlPath` after index `from`. Responses are logged when the server has finished sending
 * them, so an earlier test's unread response may be logged in between.
 */
async function loggedAfter(server: SiteServer, from: number, urlPath: string) {
	const find = () => server.log.slice(from).find((l) => l.path === urlPath);
	for (let i = 0; i < 200 && !find(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
	return find();
}

describe('serving a site under a base path', () => {
	let server: SiteServer;
	beforeAll(async () => {
		server = await serveSite(site, { base: '/learn/' });
	});
	afterAll(() => server.close());

	it('serves dir/ as dir/index.html, with the HTML type', async () => {
		const r = await get(`${server.url}chapters/alpha/`);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toMatch(/^text\/html/);
		expect(await r.text()).toBe(PAGE);
		expect((await get(server.url)).status).toBe(200);
	});

	it('redirects dir and the bare base to their slash forms', async () => {
		const dir = await get(`${server.url}chapters/alpha?x=1`);
		expect([dir.status, dir.headers.get('location')]).toEqual([301, '/learn/chapters/alpha/?x=1']);
		const bare = await get(`${server.origin}/learn`);
		expect([bare.status, bare.headers.get('location')]).toEqual([301, '/learn/']);
	});

	it("answers anything else with the site's 404 page and status 404", async () => {
		for (const p of ['/learn/nope/', '/other/', '/learn/..%2f..%2fserve-secret.txt', '/learn/%E0%A4%A']) {
			const r = await get(server.origin + p);
			expect(r.status, p).toBe(404);
			expect(await r.text(), p).toContain('Not here');
		}
	});

	it('types JavaScript and Pagefind files, and never caches', async () => {
		const js = await get(`${server.url}_astro/app.js`);
		expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
		expect(js.headers.get('cache-control')).toBe('no-store');
		expect((await get(`${server.url}pagefind/fragment/en_1.pf_fragment`)).headers.get('content-type')).toBe('application/octet-stream');
	});

	it('does not compress unless asked', async () => {
		const from = server.log.length;
		const r = await get(`${server.url}chapters/alpha/`, { 'accept-encoding': 'gzip' });
		expect(r.headers.get('content-encoding')).toBeNull();
		await r.text();
		expect(await loggedAfter(server, from, '/learn/chapters/alpha/')).toEqual({ path: '/learn/chapters/alpha/', status: 200, bytes: Buffer.byteLength(PAGE) });
	});
});

describe('serving with gzip, as the benchmark measures a first search', () => {
	let server: SiteServer;
	beforeAll(async () => {
		server = await serveSite(site, { gzip: true });
	});
	afterAll(() => server.close());

	/** The raw body as sent (Node's fetch would decompress it). */
	const raw = (p: string) =>
		new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
			import('node:http').then(({ get: request }) =>
				request(`${server.url}${p}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
				}).on('error', reject),
			);
		});

	it('compresses text, and logs the compressed size', async () => {
		const from = server.log.length;
		const r = await raw('chapters/alpha/');
		expect(r.encoding).toBe('gzip');
		expect(gunzipSync(r.body).toString()).toBe(PAGE);
		expect(r.body.length).toBeLessThan(Buffer.byteLength(PAGE) / 4);
		expect(await loggedAfter(server, from, '/chapters/alpha/')).toEqual({ path: '/chapters/alpha/', status: 200, bytes: r.body.length });
		expect((await raw('_astro/app.js')).encoding).toBe('gzip');
	});

	it("sends Pagefind's already compressed files as they are", async () => {
		for (const p of ['pagefind/fragment/en_1.pf_fragment', 'pagefind/wasm.en.pagefind']) {
			const r = await raw(p);
			expect(r.encoding, p).toBeUndefined();
			expect(r.body.subarray(0, 2), p).toEqual(Buffer.from([0x1f, 0x8b]));
		}
	});
});
