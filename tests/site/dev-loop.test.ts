/**
 * The dev loop, end to end: in `astro dev`, saving a chapter with an error shows its file, line and message in
 * the browser's error overlay and in the terminal; fixing it brings the page back without a restart.
 *
 * The dev server runs in a private copy of the project (src/, config; packages linked): Astro keeps state in
 * <root>/.astro/, which other builds in the same checkout would overwrite while this test runs.
 * The overlay is what Astro sends on Vite's HMR socket, which is read here exactly as the browser reads it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importsOf } from '../../scripts/lib/page-weight.ts';
import { prepareSiteRoot } from '../../scripts/lib/site-root.ts';
import { MERMAID } from '../../src/core/routes.ts';
import { MERMAID_DIST, mermaidFiles } from '../../src/integration/mermaid.ts';
import { cleanEnv, ROOT } from '../helpers/build.ts';

const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const STARTUP_MS = 90_000;
const CHANGE_MS = 30_000;

interface OverlayError {
	name: string;
	message: string;
	loc?: { file?: string; line?: number; column?: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll until `probe` returns a value (not undefined), or fail after `ms` with `what`. */
async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
	const end = Date.now() + ms;
	for (;;) {
		try {
			const v = await probe();
			if (v !== undefined) return v;
		} catch {}
		if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
		await sleep(250);
	}
}

describe('dev server: errors in the overlay and terminal, recovery without restart', () => {
	let root: string;
	let server: ChildProcess | undefined;
	let log = '';
	let base = '';
	let chapter: string;
	let original: string;
	const overlays: OverlayError[] = [];
	let socket: WebSocket | undefined;

	const get = async (p: string) => {
		const r = await fetch(new URL(p, base));
		return { status: r.status, body: await r.text() };
	};

	beforeAll(async () => {
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-loop-'));
		// Packages are linked one by one, so Vite's cache (node_modules/.astro) stays in the copy too.
		prepareSiteRoot(root);
		fs.cpSync(path.join(ROOT, 'tests/fixtures/basic-course'), path.join(root, 'course'), { recursive: true });
		chapter = path.join(root, 'course/chapters/alpha.mdx');
		original = fs.readFileSync(chapter, 'utf8');

		server = spawn(process.execPath, [ASTRO, 'dev', '--port', '0'], {
			cwd: root,
			env: { ...cleanEnv(), COURSE_DIR: path.join(root, 'course'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		server.stdout!.on('data', (d) => (log += d));
		server.stderr!.on('data', (d) => (log += d));
		base = await until('the dev server to print its URL', STARTUP_MS, async () => /Local\s+(http:\/\/localhost:\d+\/)/.exec(log)?.[1]);
		let last = '';
		await until('the first page', STARTUP_MS, async () => {
			const p = await get('/chapters/alpha/');
			last = `${p.status} ${p.body.slice(0, 300)}`;
			return p.status === 200 ? true : undefined;
		}).catch((e: Error) => {
			throw new Error(`${e.message}; last response: ${last}\n${log.slice(-3000)}`);
		});

		// Listen like the browser's Vite client: Astro sends the overlay's error on this socket.
		const client = await (await fetch(new URL('/@vite/client', base))).text();
		const token = /wsToken = "([^"]*)"/.exec(client)?.[1] ?? '';
		const ws = new WebSocket(`${base.replace('http', 'ws')}?token=${token}`, 'vite-hmr');
		await new Promise((resolve, reject) => {
			ws.onopen = resolve;
			ws.onerror = reject;
		});
		ws.onmessage = (m) => {
			const data = JSON.parse(String(m.data)) as { type: string; err?: OverlayError };
			if (data.type === 'error' && data.err) overlays.push(data.err);
		};
		socket = ws;
	}, STARTUP_MS * 2 + 10_000);

	afterAll(() => {
		socket?.close();
		if (server?.pid) {
			try {
				process.kill(-server.pid, 'SIGTERM');
			} catch {}
		}
		if (root) fs.rmSync(root, { recursive: true, force: true });
	});

	it('serves the chapter', async () => {
		const page = await get('/chapters/alpha/');
		expect(page.status).toBe(200);
		expect(page.body).toContain('Alpha basics</h1>');
	});

	it('serves the published Mermaid as a build does (never through Vite), and the diagram loader that imports it', async () => {
		const files = mermaidFiles();
		const entry = await fetch(new URL(MERMAID.entry.slice(1), base));
		expect(entry.status).toBe(200);
		expect(entry.headers.get('content-type')).toBe('text/javascript');
		expect(await entry.text()).toBe(fs.readFileSync(path.join(MERMAID_DIST, files[0]!), 'utf8'));
		const chunk = files.find((f) => f.includes('flowDiagram'))!;
		expect((await get(`${MERMAID.folder}${chunk}`)).status).toBe(200);
		// Only what a build publishes: no source maps, nothing else of the package.
		expect((await get(`${MERMAID.folder}mermaid.esm.min.mjs.map`)).status).toBe(404);

		const page = await get('/chapters/beta/');
		expect(page.status).toBe(200);
		const loader = [...page.body.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!).find((src) => src.includes('Diagrams'));
		expect(loader).toBeDefined();
		// The component's script imports src/scripts/diagrams.ts, which names the published entry and no package.
		const component = await get(loader!);
		const spec = importsOf(component.body).find((i) => i.url.includes('scripts/diagrams.ts'));
		expect(spec, component.body).toBeDefined();
		const diagrams = await get(new URL(spec!.url, new URL(loader!, base)).pathname);
		expect(diagrams.status).toBe(200);
		expect(diagrams.body).toContain('MERMAID.entry');
		expect(diagrams.body).not.toMatch(/node_modules\/(?:\.vite\/deps\/)?mermaid/);
	});

	it('shows a broken owner tag with file, line and message, in the overlay and the terminal', async () => {
		// Line 12, column 10: `:control[patch the guest OS]{ref=ec2.guest-os-patching owner=customer}`; aws is wrong.
		fs.writeFileSync(chapter, original.replace('{ref=ec2.guest-os-patching owner=customer} yourself', '{ref=ec2.guest-os-patching owner=aws} yourself'));
		const where = 'course/chapters/alpha.mdx:12:10: error owner-mismatch: Owner mismatch for "ec2.guest-os-patching": written owner=aws, but the schema says owner=customer';

		await until('the page to fail', CHANGE_MS, async () => ((await get('/chapters/alpha/')).status === 500 ? true : undefined));
		const overlay = await until('the overlay error', CHANGE_MS, async () => overlays.find((e) => e.message.includes('owner-mismatch')));
		// The overlay renders the message as HTML: quotes arrive as entities.
		expect(overlay.message.replaceAll('&quot;', '"')).toContain(where);
		expect(overlay.loc).toEqual({ file: chapter, line: 12, column: 10 });
		expect(log).toContain(where);

		// A reload shows the same error again (not a generic one).
		overlays.length = 0;
		expect((await get('/chapters/alpha/')).status).toBe(500);
		expect((await until('the overlay error again', CHANGE_MS, async () => overlays[0]))?.message).toContain('owner-mismatch');
	});

	it('recovers when the chapter is fixed, without a restart', async () => {
		fs.writeFileSync(chapter, original);
		const page = await until('the page to recover', CHANGE_MS, async () => {
			const p = await get('/chapters/alpha/');
			return p.status === 200 ? p : undefined;
		});
		expect(page.body).toContain('data-ref="ec2.guest-os-patching" data-owner="customer"');
	});

	it('re-checks every chapter when ownership.yaml changes, and shows a broken schema on every open page', async () => {
		const schemaFile = path.join(root, 'course/ownership.yaml');
		const schema = fs.readFileSync(schemaFile, 'utf8');
		// The schema now says AWS patches the guest OS: the chapter's unchanged tag (customer) is wrong.
		fs.writeFileSync(schemaFile, schema.replace('owner: customer', 'owner: aws'));
		const where = 'course/chapters/alpha.mdx:12:10: error owner-mismatch: Owner mismatch for "ec2.guest-os-patching": written owner=customer, but the schema says owner=aws';
		await until('the page to fail', CHANGE_MS, async () => ((await get('/chapters/alpha/')).status === 500 ? true : undefined));
		await until('the mismatch in the terminal', CHANGE_MS, async () => (log.includes(where) ? true : undefined));

		// A schema that is not valid YAML is pushed to every open page at once, without a request.
		overlays.length = 0;
		fs.writeFileSync(schemaFile, `${schema}\n  broken: [unclosed\n`);
		const overlay = await until('the schema error on the socket', CHANGE_MS, async () => overlays.find((e) => e.message.includes('schema-syntax')));
		expect(overlay.message).toContain('course/ownership.yaml:');
		expect(overlay.loc?.file).toBe(schemaFile);
		// One mistake, one error: the chapter's tags are not reported against a schema that did not load.
		expect(overlay.message).not.toContain('unknown-ref');
		expect((await get('/matrix/')).status).toBe(500);

		fs.writeFileSync(schemaFile, schema);
		const page = await until('the page to recover', CHANGE_MS, async () => {
			const p = await get('/chapters/alpha/');
			return p.status === 200 ? p : undefined;
		});
		expect(page.body).toContain('data-ref="ec2.guest-os-patching" data-owner="customer"');
	});

	it('catches unsafe content the same way, and recovers', async () => {
		fs.writeFileSync(chapter, `${original}\n<script>alert(1)</script>\n`);
		const line = original.split('\n').length + 1;
		await until('the page to fail', CHANGE_MS, async () => ((await get('/chapters/alpha/')).status === 500 ? true : undefined));
		const overlay = await until('the overlay error', CHANGE_MS, async () => overlays.find((e) => e.message.includes('unsafe-html')));
		expect(overlay.message).toContain(`course/chapters/alpha.mdx:${line}:1: error unsafe-html: Unexpected HTML element`);
		expect(overlay.loc).toMatchObject({ line, column: 1 });

		fs.writeFileSync(chapter, original);
		await until('the page to recover', CHANGE_MS, async () => ((await get('/chapters/alpha/')).status === 200 ? true : undefined));
	});
});
