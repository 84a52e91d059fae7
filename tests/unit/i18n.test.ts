/**
 * The translated interface: every built-in table is complete (the keys and placeholders of the English one,
 * plural maps with `other`), every key is documented in src/i18n/keys.ts and in docs/authoring.md, and the
 * formatting goes through Intl (plurals, numbers, dates, lists, word counts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCourseConfig } from '../../src/config/course.ts';
import { formatMessage, type Message, placeholdersOf, translator } from '../../src/core/messages.ts';
import { countWords } from '../../src/core/reading-time.ts';
import { BUILT_IN, builtInLocale, createUi, endonym, scriptStrings, UI_KEY_LIST, UI_KEYS, uiStrings } from '../../src/i18n/index.ts';
import { ROOT } from '../helpers/build.ts';

const english = BUILT_IN.en!;

describe('built-in tables', () => {
	it('are en, de and es', () => {
		expect(Object.keys(BUILT_IN).sort()).toEqual(['de', 'en', 'es']);
	});

	it('document every key of the English table, and no other', () => {
		expect(Object.keys(UI_KEYS).sort()).toEqual(Object.keys(english).sort());
		for (const [key, doc] of Object.entries(UI_KEYS)) expect(doc.trim(), key).not.toBe('');
	});

	describe.each(Object.keys(BUILT_IN).filter((l) => l !== 'en'))('%s', (locale) => {
		const table = BUILT_IN[locale]! as Record<string, Message>;

		it('has every key of the English table, and no other', () => {
			expect(UI_KEY_LIST.filter((k) => !(k in table)), 'missing').toEqual([]);
			expect(Object.keys(table).filter((k) => !(k in english)), 'unknown').toEqual([]);
		});

		it.each(UI_KEY_LIST)('%s has the English placeholders and plural shape', (key) => {
			const mine = table[key]!;
			const theirs = english[key];
			expect(placeholdersOf(mine)).toEqual(placeholdersOf(theirs));
			expect(typeof mine).toBe(typeof theirs);
			if (typeof mine !== 'string') expect(mine.other.trim()).not.toBe('');
			else expect(mine.trim()).not.toBe('');
		});
	});

	it('English plural maps have the forms English needs', () => {
		for (const [key, m] of Object.entries(english)) if (typeof m !== 'string') expect(Object.keys(m).sort(), key).toEqual(['one', 'other']);
	});
});

describe('docs/authoring.md', () => {
	const doc = fs.readFileSync(path.join(ROOT, 'docs/authoring.md'), 'utf8');
	const start = doc.indexOf('\n### Interface strings\n');
	const section = doc.slice(start, doc.indexOf('\n### ', start + 1));
	const rows = [...section.matchAll(/^\| `([a-zA-Z0-9.-]+)` \|/gm)].map((m) => m[1]);

	it('lists every interface key, once, and no other', () => {
		expect(doc).toContain('\n### Interface strings\n');
		expect([...rows].sort()).toEqual([...UI_KEY_LIST].sort());
		expect(new Set(rows).size).toBe(rows.length);
	});
});

describe('choosing a table', () => {
	it.each([
		['en', 'en'],
		['de', 'de'],
		['de-CH', 'de'],
		['es-MX', 'es'],
		['pt-BR', 'en'],
		['ja', 'en'],
	])('%s uses %s', (language, table) => {
		expect(builtInLocale(language)).toBe(table);
	});

	it('applies course.yaml `ui:` over the built-in strings, and ignores nothing else', () => {
		const strings = uiStrings('de', { 'home.start': 'Los geht’s', 'count.chapters': { one: 'ein Kapitel', other: '{count} Kapitel' } });
		const { t } = createUi('de', strings);
		expect(t('home.start')).toBe('Los geht’s');
		expect(t('count.chapters', { count: 1 })).toBe('ein Kapitel');
		expect(t('toc.title')).toBe('Zu einem Abschnitt springen');
	});

	it('reports a `ui:` key that is not an interface key, at its line, with the closest key', () => {
		const { diagnostics } = parseCourseConfig('title: T\ndescription: D\nui:\n  home.startt: Begin\n  toc.title: Contents\n', '/c/course.yaml', { uiKeys: UI_KEY_LIST });
		expect(diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message, d.hint])).toEqual([
			[4, 3, 'course-config', 'Unexpected interface key `home.startt` in `ui:`. Did you mean "home.start"?', 'Rename it to `home.start`.'],
		]);
	});

	it('hands the browser scripts only their share of the strings', () => {
		const share = scriptStrings(english);
		expect(Object.keys(share).length).toBeGreaterThan(20);
		expect(Object.keys(share).every((k) => /^(quiz|exercise|flashcards|progress|practice|exam|review|search|code)\./.test(k))).toBe(true);
		expect(share['code.copied']).toBe('Copied');
		expect(share['matrix.title' as never]).toBeUndefined();
	});
});

describe('Intl', () => {
	it('chooses plural forms by the language’s rules', () => {
		const cards = english['progress.cardsLearned'];
		expect(formatMessage('en', cards, { count: 1 })).toBe('You have learned 1 flashcard.');
		expect(formatMessage('en', cards, { count: 2 })).toBe('You have learned 2 flashcards.');
		expect(formatMessage('de', BUILT_IN.de!['count.questions'], { count: 1 })).toBe('1 Frage');
		expect(formatMessage('es', BUILT_IN.es!['practice.toGo'], { count: 3 })).toBe('Faltan 3 preguntas.');
	});

	it('writes numbers, dates, percentages, lists and language names for the language', () => {
		expect(formatMessage('de', '{n} Zeichen', { n: 12345 })).toBe('12.345 Zeichen');
		expect(createUi('en', english).date('2026-03-01')).toBe('March 1, 2026');
		expect(createUi('de', BUILT_IN.de!).date('2026-03-01')).toBe('1. März 2026');
		expect(createUi('de', BUILT_IN.de!).percent(0.57)).toBe('57\u00a0%');
		expect(createUi('en', english).list(['Microsoft', 'Customer', 'Shared'], 'disjunction')).toBe('Microsoft, Customer, or Shared');
		expect(createUi('es', BUILT_IN.es!).languageName('de')).toBe('alemán');
		expect(endonym('es')).toBe('Español');
	});

	it('writes reading times in the language’s words', () => {
		expect(createUi('en', english).duration(40)).toBe('40 min');
		expect(createUi('en', english).duration(75)).toBe('1 h 15 min');
		expect(createUi('de', BUILT_IN.de!).duration(120)).toBe('2 Std.');
	});

	it('leaves a missing key visible, and unknown placeholders as written', () => {
		const t = translator('en', { a: 'Hello {name} and {other}' });
		expect(t('a', { name: 'you' })).toBe('Hello you and {other}');
		expect(t('b')).toBe('b');
	});

	it('counts the words of text without spaces (Chinese, Japanese) and reads joined parts as one word', () => {
		expect(countWords('我们在云中保护数据。客户负责身份和访问管理。', 'zh')).toBeGreaterThan(6);
		expect(countWords('クラウドのセキュリティは共有責任です。', 'ja')).toBeGreaterThan(3);
		expect(countWords('The SSE-S3 key, re:Invent and ec2.guest-os-patching: 42 words?', 'en')).toBe(8);
	});
});
