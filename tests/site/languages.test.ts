/**
 * Any provider, any language, built: the example course (German, Microsoft Azure, its own parties), a course
 * with three parties, and a course with a German translation — its pages under /de/, the language switcher and
 * `hreflang` alternates, a fallback page for a chapter not translated yet, and search within each language.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/check/course.ts';
import { ROOT } from '../helpers/build.ts';
import { searchSite } from '../helpers/pagefind.ts';
import { builtSite } from '../helpers/sites.ts';

const page = (dist: string, url: string): Root => fromHtml(fs.readFileSync(path.join(dist, url, url.endsWith('.html') ? '' : 'index.html'), 'utf8'));
const texts = (tree: Root | Element, selector: string) => selectAll(selector, tree).map((el) => toString(el).replace(/\s+/g, ' ').trim());
const attr = (tree: Root | Element, selector: string, name: string) => selectAll(selector, tree).map((el) => String(el.properties[name] ?? ''));
const htmlPages = (dist: string) => (fs.readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));

describe('the example course: German, on Microsoft Azure, with its own parties', async () => {
	const dist = await builtSite('azure');
	const matrix = page(dist, 'matrix/');
	const chapter = page(dist, 'chapters/dienste/');

	it('checks clean', () => {
		expect(checkCourse(path.join(ROOT, 'examples/azure-de')).diagnostics).toEqual([]);
	});

	it('has a German interface', () => {
		const home = page(dist, '');
		expect(attr(home, 'html', 'lang')).toEqual(['de']);
		expect(texts(home, '.site-nav a')).toEqual(['Matrix', 'Glossar', 'Üben']);
		expect(texts(home, '.hero__kicker')[0]).toMatch(/^Kurs · 2 Kapitel · \d+ Min\. Lesezeit$/);
		expect(texts(chapter, '.chapter__kicker')).toEqual(['Kapitel 2 von 2']);
		expect(texts(chapter, '.chapter__meta li')).toContain('Aktualisiert am 2. März 2026');
		expect(texts(chapter, '.quiz__actions button')).toEqual(['Antwort prüfen', 'Noch einmal', 'Antwort prüfen', 'Noch einmal']);
		expect(texts(chapter, '.callout__kind')).toEqual(['Tipp', 'Prüfungsfalle']);
	});

	it('labels badges, the exercise and the matrix with its parties', () => {
		expect(new Set(texts(chapter, '.badge'))).toEqual(new Set(['Microsoft', 'Kunde', 'Geteilt']));
		expect(texts(chapter, '.exercise__choices')[0]).toBe('Microsoft Kunde Geteilt');
		expect(attr(chapter, '.exercise__choices input', 'value').slice(0, 3)).toEqual(['microsoft', 'kunde', 'shared']);
		expect(texts(matrix, '.mx-stat .badge')).toEqual(['Microsoft', 'Kunde', 'Geteilt']);
		expect(attr(matrix, "input[name='mx-owner']", 'value')).toEqual(['all', 'microsoft', 'kunde', 'shared']);
		expect(texts(matrix, '.mx-stat__text')[0]).toMatch(/^Die Cloud selbst/);
		expect(texts(matrix, '.mx-mix__num').slice(0, 3)).toEqual(['5 Microsoft', '5 Kunde', '2 Geteilt']);
	});

	it('names no other provider in any of its pages', () => {
		for (const f of htmlPages(dist)) expect(fs.readFileSync(path.join(dist, f), 'utf8'), f).not.toMatch(/\bAWS\b/i);
	});

	it('has study pages in German: practice per chapter, the exam with its parties, spaced review', () => {
		const practice = page(dist, 'practice/');
		expect(texts(practice, 'h1')).toEqual(['Probeprüfung']);
		expect(texts(practice, '.exam__mode label')).toEqual(['Prüfung: bewertet, wenn Sie abgeben', 'Üben: jede Antwort sofort bewertet']);
		// The score by owner lists the schema's parties and `shared`, in its order, with the course's labels.
		expect(JSON.parse(attr(practice, '[data-exam]', 'dataOwners')[0]!)).toEqual([
			{ id: 'microsoft', label: 'Microsoft' },
			{ id: 'kunde', label: 'Kunde' },
			{ id: 'shared', label: 'Geteilt' },
		]);
		const dienste = page(dist, 'practice/dienste/');
		expect(texts(dienste, '.hero__kicker')).toEqual(['Üben · Kapitel 2 von 2']);
		expect(attr(dienste, '[data-practice]', 'dataChapterLabel')).toEqual(['Kapitel 2: ' + texts(dienste, 'h1')[0]]);
		expect(texts(dienste, '.quiz__owner')).toEqual(['Zuständig: Kunde Das Gastbetriebssystem eines virtuellen Azure-Computers patchen und härten', 'Zuständig: Geteilt Identitäts- und Verzeichnisinfrastruktur mit Microsoft Entra ID']);
		const review = page(dist, 'review/');
		expect(texts(review, 'h1')).toEqual(['Wiederholen, was fällig ist']);
		expect(texts(review, '.review__how td')).toEqual(['1 Tag', '2 Tagen', '4 Tagen', '8 Tagen', '16 Tagen']);
	});

	it('is searched in German, with its owners as the filter values', async () => {
		const hits = await searchSite(dist, 'Gastbetriebssystem', undefined, 'de');
		expect(hits.some((h) => h.url === '/chapters/dienste/')).toBe(true);
		const control = hits.find((h) => h.url === '/matrix/#vm.gastbetriebssystem');
		// A control record's chapter filter is the chapters that teach it (issue 12).
		expect(control?.filters).toEqual({ type: ['Maßnahme'], chapter: ['Verantwortung Dienst für Dienst'], owner: ['Kunde'] });
	});
});

describe('a course with three parties', async () => {
	const dist = await builtSite('threeParty');
	const matrix = page(dist, 'matrix/');
	const chapter = page(dist, 'chapters/operations/');

	it('shows every party and shared in the matrix, with their counts and meanings', () => {
		expect(texts(matrix, '.mx-stat .badge')).toEqual(['Google Cloud', 'Customer', 'Managed service provider', 'Shared']);
		expect(texts(matrix, '.mx-stat__count')).toEqual(['1', '1', '1', '2']);
		expect(texts(matrix, '.mx-stat__text')[3]).toBe('Two or more parties act, each at its own layer. The split says exactly what each one does.');
		expect(attr(matrix, "input[name='mx-owner']", 'value')).toEqual(['all', 'google', 'customer', 'msp', 'shared']);
		expect(attr(matrix, '.mx-dot', 'dataOwner').sort()).toEqual(['customer', 'google', 'msp', 'shared', 'shared']);
	});

	it('splits a shared control between the parties the schema names', () => {
		const row = select('[id="gke.node-upgrades"]', matrix)!;
		expect(texts(row, '.mx-split dt')).toEqual(['Google Cloud', 'Managed service provider']);
		const tip = texts(chapter, '.ctl[data-ref="gke.node-upgrades"] .ctl__tip')[0];
		expect(tip).toBe('Shared responsibility: Upgrade the nodes of the Kubernetes clusters. Google Cloud: Releases node versions and upgrades nodes in auto-upgrade mode. Managed service provider: Chooses the release channel and the maintenance windows.');
	});

	it('scores the exam by its three parties and shared', () => {
		expect(JSON.parse(attr(page(dist, 'practice/'), '[data-exam]', 'dataOwners')[0]!).map((o: { id: string }) => o.id)).toEqual(['google', 'customer', 'msp', 'shared']);
		expect(texts(page(dist, 'practice/operations/'), '.quiz__owner .badge')).toEqual(['Managed service provider']);
	});

	it('offers every owner in the exercise and gives each its own colour and shape', () => {
		expect(attr(chapter, '.exercise__item:first-child input', 'value')).toEqual(['google', 'customer', 'msp', 'shared']);
		expect(texts(chapter, '.exercise__intro')).toEqual(['Choose Google Cloud, Customer, Managed service provider, or Shared for each control, then check your answers.']);
		const css = fs.readdirSync(path.join(dist, '_astro')).filter((f) => f.endsWith('.css')).map((f) => fs.readFileSync(path.join(dist, '_astro', f), 'utf8')).join('\n');
		for (const [id, slot] of [['google', 0], ['customer', 1], ['msp', 2]] as const) expect(css).toMatch(new RegExp(`\\.mx-dot--${id}[^{]*\\{[^}]*--owner:\\s*var\\(--party-${slot}\\)`));
		expect(css).toMatch(/\.mx-dot--shared[^{]*\{[^}]*--owner:\s*var\(--shared\)/);
	});
});

describe('a course with a German translation', async () => {
	const dist = await builtSite('translated');

	it('serves every page in both languages, the original ones at today’s URLs', () => {
		for (const url of ['', 'chapters/patching/', 'chapters/logging/', 'chapters/summary/', 'matrix/', 'glossary/', 'practice/', 'practice/patching/', 'review/']) {
			expect(attr(page(dist, url), 'html', 'lang'), url).toEqual(['en']);
			expect(attr(page(dist, `de/${url}`), 'html', 'lang'), `de/${url}`).toEqual(['de']);
		}
		expect(attr(page(dist, 'de/'), 'html', 'dataLocale')).toEqual(['de']);
		expect(attr(page(dist, ''), 'html', 'dataLocale')).toEqual(['']);
	});

	it('links every page to itself in the other language: a switcher and hreflang alternates', () => {
		const de = page(dist, 'de/chapters/logging/');
		expect(selectAll('link[rel=alternate]', de).map((l) => [l.properties.hrefLang, l.properties.href])).toEqual([
			['en', '/chapters/logging/'],
			['de', '/de/chapters/logging/'],
			['x-default', '/chapters/logging/'],
		]);
		expect(texts(de, '.lang-switch a')).toEqual(['English', 'Deutsch']);
		expect(attr(de, '.lang-switch a[aria-current]', 'href')).toEqual(['/de/chapters/logging/']);
		expect(attr(page(dist, 'matrix/'), '.lang-switch a', 'href')).toEqual(['/matrix/', '/de/matrix/']);
		expect(selectAll('.lang-switch', page(dist, '404.html'))).toEqual([]);
	});

	it('shows the translation, with the translated schema words and links that stay in German', () => {
		const de = page(dist, 'de/chapters/patching/');
		expect(texts(de, 'h1')).toEqual(['Patchen']);
		expect(texts(de, '.ctl[data-ref="ec2.guest-os-patching"] .ctl__badge')).toEqual(['Kunde']);
		expect(texts(de, '.ctl[data-ref="ec2.guest-os-patching"] .ctl__tip')).toEqual(['Zuständig: Kunde. Das Gastbetriebssystem einer Instanz patchen.']);
		expect(attr(de, '.prose a', 'href')).toEqual(expect.arrayContaining(['/de/matrix/#ec2.guest-os-patching', '/de/chapters/logging/#trails-einschalten']));
		expect(texts(de, '.chapter__kicker')).toEqual(['Kapitel 1 von 3']);
		expect(texts(page(dist, 'de/'), '.hero [data-continue]')).toEqual(['Los geht’s mit Kapitel 1']);
		expect(texts(page(dist, 'de/'), 'h1')).toEqual(['Übersetztes Beispiel']);
		const matrix = page(dist, 'de/matrix/');
		expect(texts(matrix, '.mx-stat .badge')).toEqual(['AWS', 'Kunde', 'Geteilt']);
		expect(texts(select('[id="cloudtrail.trail-configuration"]', matrix)!, '.mx-split dd')).toEqual(['Betreibt den Dienst und liefert die Ereignisse', 'Legt Trails an und wählt, wohin die Protokolle gehen']);
		expect(texts(page(dist, 'de/glossary/'), '.gl-entry__term')).toEqual(['Gastbetriebssystem']);
	});

	it('has its own study pages: practice pages, exam and review load the German ones and link in German', () => {
		const practice = page(dist, 'de/practice/');
		expect(attr(practice, '[data-exam]', 'dataBase')).toEqual(['/de/']);
		expect(attr(practice, '.exam__list a', 'href')).toEqual(expect.arrayContaining(['/de/practice/patching/']));
		expect(attr(page(dist, 'de/review/'), '[data-review]', 'dataBase')).toEqual(['/de/']);
		expect(attr(page(dist, 'review/'), '[data-review]', 'dataBase')).toEqual(['/']);
		const patching = page(dist, 'de/practice/patching/');
		expect(texts(patching, '.practice__links a')).toEqual(['Kapitel lesen', 'Alle Kapitel und die Prüfung']);
		expect(attr(patching, '[data-practice-source]', 'href').every((h) => h.startsWith('/de/chapters/patching/'))).toBe(true);
		expect(texts(patching, '.quiz__owner .badge')).toEqual(['Kunde']);
		expect(texts(page(dist, 'de/'), '.progress__links a')).toEqual(['Verteilte Wiederholung', 'Üben und Prüfungen', 'Glossar als Kartenstapel']);
	});

	it('shows a chapter not translated yet in English, under the German URL, with a notice', () => {
		const de = page(dist, 'de/chapters/summary/');
		expect(texts(de, '.fallback-notice')).toEqual(['Dieses Kapitel ist noch nicht auf Deutsch übersetzt. Es wird auf Englisch angezeigt.']);
		expect(texts(de, 'h1')).toEqual(['Summary']);
		expect(attr(de, '.prose', 'lang')).toEqual(['en']);
		expect(texts(de, '.sidebar__toggle')).toEqual(['Kapitel 3 von 3']);
		expect(selectAll('.fallback-notice', page(dist, 'de/chapters/logging/'))).toEqual([]);
		expect(selectAll('.fallback-notice', page(dist, 'chapters/summary/'))).toEqual([]);
	});

	it('keeps one search index per language, and a page searches its own', async () => {
		expect(fs.readdirSync(path.join(dist, 'pagefind')).filter((f) => f.endsWith('.pf_meta')).map((f) => f.split('_')[0]).sort()).toEqual(['pagefind.de', 'pagefind.en']);
		const german = await searchSite(dist, 'Gastbetriebssystem', undefined, 'de');
		expect(german.map((h) => h.url)).toEqual(expect.arrayContaining(['/de/chapters/patching/', '/de/matrix/#ec2.guest-os-patching']));
		expect(german.every((h) => h.url.startsWith('/de/'))).toBe(true);
		const english = await searchSite(dist, 'guest', undefined, 'en');
		expect(english.map((h) => h.url)).toEqual(expect.arrayContaining(['/chapters/patching/']));
		expect(english.some((h) => h.url.startsWith('/de/'))).toBe(false);
		// The German pages of an untranslated chapter are in the German index (in English).
		expect((await searchSite(dist, 'hypervisor', undefined, 'de')).map((h) => h.url)).toContain('/de/chapters/summary/');
	});
});
