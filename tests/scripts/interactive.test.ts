/** The pure parts of the learner scripts and the search records: stored progress, the review schedule, deck order, quiz marking. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/core/messages.ts';
import { BUILT_IN } from '../../src/i18n/index.ts';
import type { CourseModel } from '../../src/model/model.ts';
import { courseRecords, htmlText, quizQuestion, recordHtml, WEIGHTS } from '../../src/integration/pagefind.ts';
import { breakdown, ownerOrder, pageOwners, pickQuestions, scoreLine } from '../../src/scripts/exam.ts';
import { cardRank, initialOrder } from '../../src/scripts/flashcards.ts';
import { chapterStatus, dueText, examText, summaryText } from '../../src/scripts/home-progress.ts';
import { BOX_DAYS, DAY, dueIn, dueKeys, grade, nextDue } from '../../src/scripts/leitner.ts';
import { sectionAt } from '../../src/scripts/position.ts';
import { emptyProgress, legacyKey, MAX_EXAMS, parseProgress, progressKey, quizScore } from '../../src/scripts/progress.ts';
import { isCorrect, optionState, parseCorrect } from '../../src/scripts/quiz.ts';
import { shuffled } from '../../src/scripts/shuffle.ts';
import { initialTab, keyTarget } from '../../src/scripts/tabs.ts';

const v2 = (data: object) => JSON.stringify({ version: 2, ...data });
const en = translator('en', BUILT_IN.en!);
const de = translator('de', BUILT_IN.de!);

describe('parseProgress', () => {
	it('reads a valid record', () => {
		const record = {
			version: 2,
			read: { a: 5 },
			quizzes: { q: { correct: true, attempts: 2, at: 7 } },
			review: { 'card:t': { box: 3, due: 9, chapter: 'a' } },
			exams: [{ at: 10, correct: 3, total: 4, chapters: ['a'] }],
			exam: { started: 11, chapters: [], questions: [{ id: 'q', chapter: 'a', order: [1, 0] }], answers: { q: [1] } },
			last: { chapter: 'a', section: 's', title: 'S', at: 12 },
			exercises: { 'a/1': { correct: 2, total: 3, at: 13 } },
		};
		expect(parseProgress(JSON.stringify(record))).toEqual(record);
	});

	it.each([
		['nothing stored', null],
		['corrupt JSON', '{"version":2,'],
		['a number', '3'],
		['an array', '[]'],
		['null', 'null'],
		['an older version', JSON.stringify({ version: 0, read: { a: 1 } })],
		['a newer version', JSON.stringify({ version: 3, read: { a: 1 } })],
	])('starts empty from %s', (_, raw) => {
		expect(parseProgress(raw)).toEqual(emptyProgress());
	});

	it('keeps the valid entries of a damaged record and drops the rest', () => {
		const raw = v2({
			read: { a: 1, b: 'yes', c: -4 },
			quizzes: { q: { correct: false }, r: { correct: 'no' }, s: null },
			review: { 'card:t': { box: 9, due: 1, chapter: 'a' }, 'card:u': { box: 1, due: -1 }, 'quiz:q': { box: 1, due: 5 } },
			exams: [{ at: 1, correct: 5, total: 4 }, { at: 2, correct: 1, total: 2 }, 'x'],
			exam: { started: 1, questions: [{ id: 'q', chapter: 'a', order: [0] }, { id: 'r' }], answers: {} },
			last: { chapter: 7 },
			exercises: { 'a/1': { correct: 4, total: 3, at: 1 } },
		});
		expect(parseProgress(raw)).toEqual({
			version: 2,
			read: { a: 1 },
			quizzes: { q: { correct: false, attempts: 1, at: 0 } },
			review: { 'quiz:q': { box: 1, due: 5, chapter: '' } },
			exams: [{ at: 2, correct: 1, total: 2, chapters: [] }],
			exercises: {},
		});
	});

	it('reads version 1 (one key for every course): learned cards join the review queue in box 2', () => {
		const raw = JSON.stringify({ version: 1, read: { a: 5 }, quizzes: { q: { correct: true, attempts: 2, at: 7 } }, learned: { t: 9 } });
		expect(parseProgress(raw)).toEqual({ ...emptyProgress(), read: { a: 5 }, quizzes: { q: { correct: true, attempts: 2, at: 7 } }, review: { 'card:t': { box: 2, due: 9 + 2 * DAY, chapter: '' } } });
	});

	it('keeps the newest exams only', () => {
		const exams = Array.from({ length: MAX_EXAMS + 5 }, (_, i) => ({ at: i, correct: 1, total: 1, chapters: [] }));
		expect(parseProgress(v2({ exams })).exams.map((e) => e.at)).toEqual(exams.slice(5).map((e) => e.at));
	});

	it('is stored under a key of its own for each course base path and locale', () => {
		expect(progressKey('/', undefined)).toBe('course-progress:v2:/');
		expect(progressKey('/other-course/', undefined)).toBe('course-progress:v2:/other-course/');
		expect(progressKey('/other-course/', 'de')).toBe('course-progress:v2:/other-course/:de');
		// Version 1 is read once per locale, from the key that locale used.
		expect([legacyKey(undefined), legacyKey('de')]).toEqual(['course-progress:v1', 'course-progress:v1:de']);
	});

	it('scores a chapter from the last results of its quizzes', () => {
		const p = parseProgress(v2({ quizzes: { a: { correct: true }, b: { correct: false }, z: { correct: true } } }));
		expect(quizScore(p, ['a', 'b', 'c'])).toEqual({ answered: 2, correct: 1, total: 3 });
	});
});

describe('the Leitner schedule', () => {
	const now = 100 * DAY;
	it('waits 1, 2, 4, 8 and 16 days in boxes 1 to 5', () => {
		expect(BOX_DAYS).toEqual([1, 2, 4, 8, 16]);
	});

	it('puts a card known at first sight in box 2, a missed one in box 1', () => {
		expect(grade(undefined, true, 'ch', now)).toEqual({ box: 2, due: now + 2 * DAY, chapter: 'ch' });
		expect(grade(undefined, false, 'ch', now)).toEqual({ box: 1, due: now + DAY, chapter: 'ch' });
	});

	it('moves a due item up one box (at most 5), and back to box 1 when missed', () => {
		expect(grade({ box: 2, due: now, chapter: 'ch' }, true, '', now)).toEqual({ box: 3, due: now + 4 * DAY, chapter: 'ch' });
		expect(grade({ box: 5, due: now - DAY, chapter: 'ch' }, true, 'ch', now)).toEqual({ box: 5, due: now + 16 * DAY, chapter: 'ch' });
		expect(grade({ box: 4, due: now, chapter: 'ch' }, false, 'ch', now)).toEqual({ box: 1, due: now + DAY, chapter: 'ch' });
	});

	it('does not promote an item reviewed before it is due', () => {
		expect(grade({ box: 3, due: now + DAY, chapter: 'ch' }, true, 'ch', now)).toEqual({ box: 3, due: now + DAY, chapter: 'ch' });
	});

	it('lists the due items of chapters the site has, most overdue first, and when the next falls due', () => {
		const review = {
			'card:a': { box: 1, due: now - DAY, chapter: 'one' },
			'quiz:b': { box: 2, due: now - 2 * DAY, chapter: 'two' },
			'card:c': { box: 3, due: now + 3 * DAY, chapter: 'one' },
			'card:gone': { box: 1, due: now - DAY, chapter: 'removed' },
			'card:old': { box: 2, due: now - DAY, chapter: '' },
		};
		expect(dueKeys(review, now, new Set(['one', 'two']))).toEqual(['quiz:b', 'card:a']);
		expect(nextDue(review, now, new Set(['one', 'two']))).toBe(now + 3 * DAY);
		expect([dueIn(now, now), dueIn(now + DAY, now), dueIn(now + 3 * DAY, now), dueIn(now - 2 * DAY, now)]).toEqual(['today', 'tomorrow', 'in 3 days', 'today']);
		expect([dueIn(now + DAY, now, 'de'), dueIn(now + 3 * DAY, now, 'es')]).toEqual(['morgen', 'dentro de 3 días']);
	});
});

describe('the home page', () => {
	const now = 50 * DAY;
	const p = parseProgress(
		v2({
			read: { one: 1 },
			quizzes: { q1: { correct: false } },
			review: { 'card:a': { box: 2, due: now - 1, chapter: 'one' }, 'quiz:q1': { box: 1, due: now + DAY, chapter: 'one' } },
			exercises: { 'one/1': { correct: 2, total: 3, at: 1 } },
		}),
	);
	it('counts what is due, or says when the next item is', () => {
		expect(dueText(p, new Set(['one']), now, en)).toEqual({ text: '1 card or question due for review.', due: 1 });
		expect(dueText(p, new Set(['one']), now - 10, en)).toEqual({ text: 'Nothing is due for review; the next card or question is due today.', due: 0 });
		expect(dueText(emptyProgress(), new Set(['one']), now, en)).toBeUndefined();
		expect(dueText(p, new Set(['one']), now - 10, de, 'de')?.text).toBe('Nichts ist zur Wiederholung fällig; die nächste Karte oder Frage ist heute fällig.');
	});
	it('sums up chapters, cards, quizzes and exercises', () => {
		expect(summaryText(p, ['one', 'two'], en)).toBe('1 of 2 chapters read. You have learned 1 flashcard.');
		expect(chapterStatus(p, 'one', ['q1', 'q2'], en)).toBe('✓ Read · Quizzes: 0 of 2 right on the last try · Exercise: 2 of 3 right');
		expect(chapterStatus(p, 'one', ['q1', 'q2'], de)).toBe('✓ Gelesen · Quizfragen: 0 von 2 beim letzten Versuch richtig · Übung: 2 von 3 richtig');
	});
	it('lists an exam with its date, score and chapters', () => {
		expect(examText({ at: Date.UTC(2026, 4, 12, 12), correct: 7, total: 10, chapters: [] }, 'en', 3, en)).toBe('May 12, 2026: 7 of 10 right (70%), all chapters');
		expect(examText({ at: Date.UTC(2026, 4, 12, 12), correct: 1, total: 3, chapters: ['a'] }, 'en', 3, en)).toBe('May 12, 2026: 1 of 3 right (33%), 1 chapter');
		expect(examText({ at: Date.UTC(2026, 4, 12, 12), correct: 1, total: 3, chapters: ['a', 'b'] }, 'de', 3, de)).toBe('12. Mai 2026: 1 von 3 richtig (33\u00a0%), 2 Kapitel');
	});
});

describe('the exam', () => {
	const counter = (values: number[]) => {
		let n = 0;
		return () => values[n++ % values.length]!;
	};
	it('draws the asked number of distinct questions from the chosen chapters only', () => {
		const picks = pickQuestions([{ slug: 'a', count: 3 }, { slug: 'b', count: 2 }], 4, counter([0.1, 0.7, 0.3, 0.9]));
		expect(picks.length).toBe(4);
		expect(new Set(picks.map((p) => `${p.slug}${p.index}`)).size).toBe(4);
		expect(picks.every((p) => (p.slug === 'a' && p.index < 3) || (p.slug === 'b' && p.index < 2))).toBe(true);
		expect(pickQuestions([{ slug: 'a', count: 2 }], 10).length).toBe(2);
	});
	it('scores by group, in the order the groups first appear', () => {
		expect(breakdown([{ key: 'aws', label: 'AWS', correct: true }, { key: 'none', label: 'No owner', correct: false }, { key: 'aws', label: 'AWS', correct: false }])).toEqual([
			{ key: 'aws', label: 'AWS', correct: 1, total: 2 },
			{ key: 'none', label: 'No owner', correct: 0, total: 1 },
		]);
		expect(scoreLine(2, 3, en)).toBe('2 of 3 right (67%).');
		expect(scoreLine(2, 3, de, 'de')).toBe('2 von 3 richtig (67\u00a0%).');
	});
	it('lists the owners in the schema’s order, whatever the parties, and questions without an owner last', () => {
		const owners = pageOwners(JSON.stringify([{ id: 'microsoft', label: 'Microsoft' }, { id: 'customer', label: 'Kunde' }, { id: 'msp', label: 'MSP' }, { id: 'shared', label: 'Geteilt' }]));
		const lines = breakdown([
			{ key: ' none', label: 'Ohne Zuständigkeit', correct: true },
			{ key: 'msp', label: 'MSP', correct: false },
			{ key: 'shared', label: 'Geteilt', correct: true },
			{ key: 'microsoft', label: 'Microsoft', correct: true },
		]);
		expect(ownerOrder(lines, owners.map((o) => o.id), ' none').map((l) => l.key)).toEqual(['microsoft', 'msp', 'shared', ' none']);
		expect(pageOwners('not json')).toEqual([]);
	});
});

describe('reading position', () => {
	it('is the last heading at or above the line', () => {
		const hs = [{ id: 'a', top: -300 }, { id: 'b', top: 100 }, { id: 'c', top: 600 }];
		expect(sectionAt(hs, 200)?.id).toBe('b');
		expect(sectionAt(hs, -400)).toBeUndefined();
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
	it('puts due cards first, then new ones, then the ones scheduled for later', () => {
		const now = 10 * DAY;
		const items: Record<string, { box: number; due: number; chapter: string } | undefined> = { a: { box: 2, due: now + DAY, chapter: 'c' }, c: { box: 1, due: now - 1, chapter: 'c' } };
		expect(initialOrder(['a', 'b', 'c', 'd'], (id) => cardRank(items[id], now))).toEqual([2, 1, 3, 0]);
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
		'<div class="quiz" id="quiz-q1" data-quiz="q1" data-correct="1" data-owner="customer"><form class="quiz__form" data-quiz-form><fieldset><legend class="quiz__question" id="quiz-q1-q"><span class="quiz__kind">Quiz</span><span class="quiz__para">Who patches the guest &amp; OS?</span></legend><ul class="quiz__options" role="list"><li><label class="quiz__option"><input type="radio" name="quiz-q1" value="0"><span>AWS</span></label></li><li><label class="quiz__option"><input type="radio" name="quiz-q1" value="1"><span>The customer</span></label></li></ul></fieldset><div class="quiz__actions" hidden><button type="submit" class="button">Check answer</button><button type="reset" class="button button--quiet">Try again</button></div><p class="quiz__result" id="quiz-q1-result" role="status" aria-live="polite"></p></form><details class="quiz__answer" data-pagefind-ignore=""><summary>Show answer</summary><p class="quiz__correct">Correct answer:</p><ul><li>The customer</li></ul><div class="quiz__explanation"><p>It is yours.</p></div><p class="quiz__owner">Owner: <span class="badge badge--customer">Customer</span> <a href="/matrix/#ec2.patching">Patch the OS</a></p></details></div>';

	it('reads a quiz as its question only: no label, options, answer, explanation or owner', () => {
		expect(quizQuestion(quizHtml)).toBe('Who patches the guest & OS?');
		// The label as the quiz renders it: out of the page's search text too.
		expect(quizQuestion(quizHtml.replace('<span class="quiz__kind">', '<span class="quiz__kind" data-pagefind-ignore="">'))).toBe('Who patches the guest & OS?');
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
				filters: { type: ['Quiz'], chapter: ['Alpha'] },
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
