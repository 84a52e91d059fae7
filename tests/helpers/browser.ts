/**
 * Browser tests drive a system Chromium (Debian's /usr/bin/chromium, or $CHROME_PATH) with playwright-core
 * against a built fixture course (built on first use, tests/helpers/sites.ts) served by scripts/lib/serve.ts.
 *
 * Without a Chromium the browser tests are skipped with a warning saying why — except in CI (CI=true), where
 * tests/e2e/browser.test.ts fails instead, so a broken CI image cannot pass silently.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type SiteServer, serveSite } from '../../scripts/lib/serve.ts';
import { ROOT, refuseInUnitLane } from './build.ts';
import { builtSite, type SiteName } from './sites.ts';

// An explicit CHROME_PATH is the only candidate (a wrong one should say so, not fall back silently).
const candidates = process.env.CHROME_PATH ? [process.env.CHROME_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium to use, or undefined when none is installed. */
export const CHROME: string | undefined = candidates.find((p) => fs.existsSync(p));
export const IN_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
export const NO_BROWSER_REASON = CHROME
	? undefined
	: `No Chromium found at ${candidates.join(' or ')}. Install one (apt-get install chromium) or set CHROME_PATH to its executable.`;

let warned = false;
/** Call at the top of a browser test file: true when its tests will be skipped (and says so, once). */
export function skipBrowserTests(): boolean {
	if (CHROME) return false;
	if (!warned) console.warn(`\n⚠ Browser tests skipped: ${NO_BROWSER_REASON}\n`);
	warned = true;
	return true;
}

export const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'];

export function launchBrowser(): Promise<Browser> {
	refuseInUnitLane('start a browser');
	if (!CHROME) throw new Error(NO_BROWSER_REASON);
	return chromium.launch({ executablePath: CHROME, args: CHROME_ARGS, headless: true });
}

/** The fixture course the browser tests use (tests/helpers/sites.ts), deployed under a base path. */
export const SITE = { build: 'interactive', base: '/learn/' } as const;

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

export interface BrowserSite {
	/** `http://127.0.0.1:PORT/learn/` */
	url: string;
	/** `http://127.0.0.1:PORT` */
	origin: string;
	/** Absolute URL of a site path: `at('chapters/patching/')`. */
	at(sitePath: string): string;
	browser: Browser;
	/** A fresh context (own localStorage) and page; JavaScript errors on the page are collected in `errors`. */
	open(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
}

/** The bundled course (content/), served at the root: real diagrams, tables and search queries. */
export const BUNDLED = { build: 'bundled', base: '/' } as const;

/**
 * Serve a built fixture (the interactive one unless `which` says another) and launch a browser for the file's
 * tests; both are closed in afterAll. Use the returned object inside tests (it is filled in by beforeAll).
 */
export function useBrowserSite(which: { build: SiteName; base: string } = SITE): BrowserSite {
	let server: SiteServer | undefined;
	const contexts: BrowserContext[] = [];
	const site = {} as BrowserSite;
	beforeAll(async () => {
		server = await serveSite(await builtSite(which.build), { base: which.base });
		site.url = server.url;
		site.origin = server.origin;
		site.at = (p: string) => new URL(p.replace(/^\//, ''), server!.url).href;
		site.browser = await launchBrowser();
		site.open = async (options = DESKTOP) => {
			const context = await site.browser.newContext({ ...DESKTOP, ...options });
			contexts.push(context);
			const page = await context.newPage();
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
			page.on('console', (m) => {
				if (m.type() === 'error') errors.push(`console: ${m.text()}`);
			});
			return { context, page, errors };
		};
	});
	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await site.browser?.close();
		await server?.close();
	});
	return site;
}

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[]; failureSummary?: string }[];
}

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

async function axeViolations(page: Page): Promise<AxeViolation[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
	return (await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
		const result = await axe.run(document, { resultTypes: ['violations'] });
		return result.violations;
	})) as AxeViolation[];
}

const describeViolation = (v: AxeViolation) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')).join('\n')}`;

/** Run axe-core on the page; returns the serious and critical violations, as readable strings. */
export async function seriousViolations(page: Page): Promise<string[]> {
	return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical').map(describeViolation);
}

/** Every axe-core violation, whatever its impact (minor and moderate included), as readable strings. */
/**
 * WCAG 2 contrast, for `evaluate` callbacks in the page: `rgb` reads a computed CSS colour, `ratio` compares two.
 * A callback reads it as `(window as unknown as { wcag: Wcag }).wcag` (it runs in the page: it can import nothing).
 */
export interface Wcag {
	rgb(css: string): number[];
	ratio(a: number[], b: number[]): number;
}

/** Put `window.wcag` (see Wcag) into the page, once per document. */
export const installWcag = (page: Page) =>
	page.evaluate(() => {
		const w = window as unknown as { wcag?: Wcag };
		if (w.wcag) return;
		const lum = (c: number[]) => {
			const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
			return 0.2126 * f(c[0]!) + 0.7152 * f(c[1]!) + 0.0722 * f(c[2]!);
		};
		w.wcag = {
			rgb: (css) => (css.match(/[\d.]+/g) ?? []).map(Number),
			ratio: (a, b) => {
				const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
				return (hi! + 0.05) / (lo! + 0.05);
			},
		};
	});

export async function allViolations(page: Page): Promise<string[]> {
	return (await axeViolations(page)).map(describeViolation);
}

/** The site's localStorage keys: one per course, by base path (src/scripts/progress.ts, theme.ts). */
export const PROGRESS_KEY = `course-progress:v2:${SITE.base}`;
export const THEME_KEY = `course-theme:${SITE.base}`;
/** Version 1 kept every course's progress under one key. */
export const LEGACY_PROGRESS_KEY = 'course-progress:v1';

/** The four ways the study features are tested: desktop 1280 and phone 390, light and dark. */
export const VIEWS = [
	{ name: 'desktop, light', options: { ...DESKTOP, colorScheme: 'light' } },
	{ name: 'desktop, dark', options: { ...DESKTOP, colorScheme: 'dark' } },
	{ name: 'phone, light', options: { ...PHONE, colorScheme: 'light' } },
	{ name: 'phone, dark', options: { ...PHONE, colorScheme: 'dark' } },
] as const satisfies readonly { name: string; options: BrowserContextOptions }[];

/** How much wider than the screen the page is (0 when nothing scrolls sideways). */
export const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

/** Math.random made repeatable (a Park–Miller generator): shuffles come out the same for the same seed. */
export const seedRandom = (context: BrowserContext, seed: number) =>
	context.addInitScript((s) => {
		let state = s;
		Math.random = () => (state = (state * 16807) % 2147483647) / 2147483647;
	}, seed);
