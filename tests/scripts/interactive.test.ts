/** The pure parts of the learner scripts and the search records: stored progress, deck order, quiz marking. */
import { describe, expect, it } from 'vitest';
import { BUILT_IN } from '../../src/i18n/index.ts';
import type { CourseModel } from '../../src/model/model.ts';
import { courseRecords, htmlText, quizQuestion, recordHtml, WEIGHTS } from '../../src/integration/pagefind.ts';
import { initialOrder, knewIt, reviewAgain, shuffled } from '../../src/scripts/flashcards.ts';
import { emptyProgress, parseProgress, quizScore } from '../../src/scripts/progress.ts';
import { isCorrect, optionState, parseCorrect } from '../../src/scripts/quiz.ts';
import { initialTab, keyTarget } from '../../src/scripts/tabs.ts';

describe('parseProgress', () => {
	it('reads a valid record', () => {
		const raw = JSON.stringify({ version: 1, read: { a: 5 }, quizzes: { q: { correct: true, attempts: 2, at: 7 } }, learned: { t: 9 } });
		expect(parseProgress(raw)).toEqual({ version: 1, read: { a: 5 }, quizzes: { q: { correct: true, attempts: 2, at: 7 } }, learned: { t: 9 } });
	});

	it.each([
		['nothing stored', null],
		['corrupt JSON', '{"version":1,'],
		['a number', '3'],
		['an array', '[]'],
		['null', 'null'],
		['an older version', JSON.stringify({ version: 0, read: { a: 1 } })],
		['a newer version', JSON.stringify({ version: 2, read: { a: 1 } })],
	])('starts empty from %s', (_, raw) => {
		expect(parseProgress(raw)).toEqual(emptyProgress());
	});

	it('keeps the valid entries of a damaged record and drops the rest', () => {
		const raw = JSON.stringify({ version: 1, read: { a: 1, b: 'yes', c: -4 }, quizzes: { q: { correct: false }, r: { correct: 'no' }, s: null }, learned: ['t'] });
		expect(parseProgress(raw)).toEqual({ version: 1, read: { a: 1 }, quizzes: { q: { correct: false, attempts: 1, at: 0 } }, learned: {} });
	});

	it('scores a chapter from the last results of its quizzes', () => {
		const p = parseProgress(JSON.stringify({ version: 1, quizzes: { a: { correct: true }, b: { correct: false }, z: { correct: true } } }));
		expect(quizScore(p, ['a', 'b', 'c'])).toEqual({ answered: 2, correct: 1, total: 3 });
	});
});

describe('quiz marking', () => {
	it('is right only when exactly the correct options are chosen', () => {
		expect(isCorrect([1], [1])).toBe(true);
		expect(isCorrect([2, 0], [0, 2])).toBe(true);
		expect(isCorrect([0], [0, 2])).toBe(false);
		expect(isCorrect([0, 1, 2], [0, 2])).toBe(false);
	});

	it('marks chosen options right or wrong and the right ones that were missed', () => {
		expect([0, 1, 2].map((i) => optionState(i, [0], [1]))).toEqual(['wrong', 'missed', undefined]);
		expect(parseCorrect('0,2')).toEqual([0, 2]);
		expect(parseCorrect('')).toEqual([]);
	});
});

describe('flashcard deck order', () => {
	it('puts learned cards at the back', () => {
		expect(initialOrder(['a', 'b', 'c', 'd'], (id) => id === 'a' || id === 'c')).toEqual([1, 3, 0, 2]);
	});

	it('"I knew it" moves the card to the back', () => {
		expect(knewIt([0, 1, 2, 3], 1)).toEqual([0, 2, 3, 1]);
	});

	it('"Review again" moves the card behind the cards still to learn, ahead of learned ones', () => {
		// Cards 2 and 3 are learned: card 0 goes just before them.
		expect(reviewAgain([0, 1, 2, 3], 0, (c) => c >= 2)).toEqual([1, 0, 2, 3]);
		// Nothing learned: to the very back.
		expect(reviewAgain([0, 1, 2, 3], 0, () => false)).toEqual([1, 2, 3, 0]);
	});

	it('shuffles without losing cards', () => {
		const random = (() => {
			let n = 0;
			return () => [0.9, 0.1, 0.5][n++ % 3]!;
		})();
		const out = shuffled([0, 1, 2, 3, 4], random);
		expect([...out].sort()).toEqual([0, 1, 2, 3, 4]);
		expect(out).not.toEqual([0, 1, 2, 3, 4]);
	});
});

describe('search records', () => {
	const quizHtml =
		'<div class="quiz" id="quiz-q1" data-quiz="q1" data-correct="1" data-owner="customer"><form class="quiz__form" data-quiz-form><fieldset><legend class="quiz__question" id="quiz-q1-q"><span class="quiz__kind">Quiz <span class="badge badge--customer">Customer</span></span><span class="quiz__para">Who patches the guest &amp; OS?</span></legend><ul class="quiz__options" role="list"><li><label class="quiz__option"><input type="radio" name="quiz-q1" value="0"><span>AWS</span></label></li><li><label class="quiz__option"><input type="radio" name="quiz-q1" value="1"><span>The customer</span></label></li></ul></fieldset><div class="quiz__actions" hidden><button type="submit" class="button">Check answer</button><button type="reset" class="button button--quiet">Try again</button></div><p class="quiz__result" id="quiz-q1-result" role="status" aria-live="polite"></p></form><details class="quiz__answer"><summary>Show answer</summary><p class="quiz__correct">Correct answer:</p><ul><li>The customer</li></ul><div class="quiz__explanation"><p>It is yours.</p></div></details></div>';

	it('reads a quiz as its question only: no label, options, answer or explanation', () => {
		expect(quizQuestion(quizHtml)).toBe('Who patches the guest & OS?');
		expect(quizQuestion(quizHtml.replace(' <span class="badge badge--customer">Customer</span>', ''))).toBe('Who patches the guest & OS?');
		expect(htmlText('<p>a&nbsp;&lt;b&gt; &#39;c&#x27;</p>')).toBe("a <b> 'c'");
	});

	it('makes one record per quiz, flashcard and control, linking to the item without the base path', () => {
		const chapter = { slug: 'alpha', title: 'Alpha', number: 1, headings: [{ depth: 2, text: 'Who patches', id: 'who-patches' }] };
		const model = {
			language: 'en',
			chapters: [chapter],
			quizzes: [{ id: 'q1', chapter: 'alpha', section: 'who-patches', html: quizHtml }],
			glossary: [{ id: 'guest-os', front: 'Guest OS', text: 'the OS inside', chapter: 'alpha', html: '<p>the OS <span class="ctl ctl--customer" data-owner="customer">inside</span></p>' }],
			controls: [{ id: 'ec2.patching', title: 'Patch the OS', owner: 'customer', service: 'ec2', notes: 'Inside the instance.', sources: [], aliases: ['OS patching'], taughtIn: [{ chapter: 'alpha' }] }],
			services: [{ id: 'ec2', title: 'Amazon EC2' }],
			ui: BUILT_IN.en,
			locale: { lang: 'en', prefix: '', name: 'English' },
			owners: [
				{ id: 'aws', label: 'AWS', index: 0 },
				{ id: 'customer', label: 'Customer', index: 1 },
				{ id: 'shared', label: 'Shared', index: -1 },
			],
		} as unknown as CourseModel;
		expect(courseRecords(model)).toEqual([
			{
				url: '/chapters/alpha/#quiz-q1',
				content: 'Who patches the guest & OS?',
				language: 'en',
				meta: { title: 'Quiz: Who patches the guest & OS?', kind: 'Quiz · Chapter 1', chapter: 'Alpha', section: 'Who patches' },
				filters: { type: ['Quiz'], chapter: ['Alpha'], owner: ['Customer'] },
			},
			{
				url: '/chapters/alpha/#term-guest-os',
				content: 'Guest OS. the OS inside',
				language: 'en',
				meta: { title: 'Guest OS', kind: 'Flashcard · Chapter 1', chapter: 'Alpha' },
				filters: { type: ['Flashcard'], chapter: ['Alpha'], owner: ['Customer'] },
			},
			{
				url: '/matrix/#ec2.patching',
				content: 'Patch the OS. Inside the instance.',
				names: 'OS patching, Amazon EC2',
				language: 'en',
				meta: { title: 'Patch the OS', kind: 'Control · Customer', chapter: 'Alpha' },
				filters: { type: ['Control'], chapter: ['Alpha'], owner: ['Customer'] },
			},
		]);
	});

	it('writes a translation’s records in its language, with its labels, under its locale', () => {
		const model = {
			language: 'de',
			chapters: [{ slug: 'alpha', title: 'Alpha (de)', number: 1, headings: [] }],
			quizzes: [],
			glossary: [],
			controls: [{ id: 'ec2.patching', title: 'Das Betriebssystem patchen', owner: 'kunde', service: 'ec2', split: undefined, sources: [], aliases: [], taughtIn: [{ chapter: 'alpha' }, { chapter: 'beta' }] }],
			services: [],
			ui: BUILT_IN.de,
			locale: { lang: 'de', prefix: 'de', name: 'Deutsch' },
			owners: [
				{ id: 'anbieter', label: 'Anbieter', index: 0 },
				{ id: 'kunde', label: 'Kunde', index: 1 },
				{ id: 'shared', label: 'Geteilt', index: -1 },
			],
		} as unknown as CourseModel;
		expect(courseRecords(model)).toEqual([
			{
				url: '/de/matrix/#ec2.patching',
				content: 'Das Betriebssystem patchen.',
				language: 'de',
				meta: { title: 'Das Betriebssystem patchen', kind: 'Maßnahme · Kunde', chapter: 'Alpha (de)' },
				filters: { type: ['Maßnahme'], chapter: ['Alpha (de)'], owner: ['Kunde'] },
			},
		]);
	});

	it('indexes a record as a page: its words weighted, its meta and filters hidden and escaped', () => {
		const html = recordHtml({ url: '/matrix/#x.y', content: 'Use <b> & "quotes"', names: 'XY', language: 'en', meta: { title: 'A & B' }, filters: { type: ['Control'], chapter: ['C <1>'] } });
		expect(html).toBe(
			'<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><main data-pagefind-body>' +
				'<span hidden data-pagefind-ignore data-pagefind-meta="title">A &amp; B</span>' +
				'<span hidden data-pagefind-ignore data-pagefind-filter="type">Control</span>' +
				'<span hidden data-pagefind-ignore data-pagefind-filter="chapter">C &lt;1&gt;</span>' +
				`<p data-pagefind-weight="${WEIGHTS.record}">Use &lt;b&gt; &amp; &quot;quotes&quot;</p>` +
				`<p data-pagefind-weight="${WEIGHTS.names}">XY</p>` +
				'</main></body></html>',
		);
	});
});

describe('tabs keyboard', () => {
	it.each([
		['ArrowRight', 0, 1],
		['ArrowRight', 2, 0],
		['ArrowLeft', 0, 2],
		['ArrowLeft', 2, 1],
		['Home', 2, 0],
		['End', 0, 2],
	])('%s from tab %i of 3 goes to tab %i', (key, from, to) => {
		expect(keyTarget(key, from, 3)).toBe(to);
	});

	it('leaves other keys to the browser (Tab moves into the panel)', () => {
		expect(keyTarget('Tab', 0, 3)).toBeUndefined();
		expect(keyTarget('ArrowDown', 0, 3)).toBeUndefined();
	});

	it('starts on the default tab, or the first when it is missing or out of range', () => {
		expect(initialTab('2', 3)).toBe(2);
		expect(initialTab(undefined, 3)).toBe(0);
		expect(initialTab('3', 3)).toBe(0);
		expect(initialTab('x', 3)).toBe(0);
	});
});
