/**
 * Every directive of the language, rendered through the real pipeline (tests/helpers/render.ts). The outlines
 * pin structure and wording; the `renderHtml` assertions pin escaping and prose that must stay verbatim.
 */
import { describe, expect, it } from 'vitest';
import { STRICT_POLICY } from '../../src/config/policy.ts';
import { renderChapter } from '../../src/render/chapter.ts';
import { checkText } from '../helpers/check.ts';
import { parseOwnershipSchema } from '../../src/schema/ownership.ts';
import { outline as outlineWith, renderHtml as renderWith } from '../helpers/render.ts';

const { schema, diagnostics } = parseOwnershipSchema(
	`controls:
  ec2.guest-os-patching:
    title: Patch and harden the guest operating system of an EC2 instance
    owner: customer
    notes: AWS never logs into your instances.
  global.physical-security:
    title: Physical security of data centers
    owner: aws
  cloudtrail.trail-configuration:
    title: Turn on CloudTrail in every Region
    owner: shared
    split:
      aws: Runs the service and delivers events
      customer: Creates trails and chooses where logs go
  demo.escaping:
    title: Say "hi" & <b>bye</b>
    owner: aws
`,
	'/course/ownership.yaml',
);
const glossary = [{ id: 'least-privilege', front: 'Least privilege', text: 'grant only the permissions a task needs.', chapter: 'identity' }];
const outline = (md: string, base = '/') => outlineWith(md, { schema, glossary, base });
const renderHtml = (md: string, base = '/') => renderWith(md, { schema, glossary, base });

it('uses a valid schema', () => {
	expect(diagnostics).toEqual([]);
});

describe(':control (inline)', () => {
	it('wraps the phrase, links a badge to the matrix and describes the control in a tooltip', () => {
		expect(outline('You :control[patch the guest OS]{ref=ec2.guest-os-patching owner=customer} yourself.')).toMatchInlineSnapshot(`
			"
			<p>
			  "You "
			  <span class="ctl ctl--customer" data-ref="ec2.guest-os-patching" data-owner="customer">
			    <span class="ctl__text"> "patch the guest OS"
			    <a class="ctl__badge badge badge--customer" href="/matrix/#ec2.guest-os-patching" aria-describedby="tip-1" data-pagefind-ignore=""> "Customer"
			    <span class="ctl__tip" role="tooltip" id="tip-1" data-pagefind-ignore=""> "Customer responsibility: Patch and harden the guest operating system of an EC2 instance."
			  " yourself."
			"
		`);
	});

	it('shows the split of a shared control in the tooltip', () => {
		expect(outline(':control[CloudTrail]{ref=cloudtrail.trail-configuration owner=shared}')).toMatchInlineSnapshot(`
			"
			<p>
			  <span class="ctl ctl--shared" data-ref="cloudtrail.trail-configuration" data-owner="shared">
			    <span class="ctl__text"> "CloudTrail"
			    <a class="ctl__badge badge badge--shared" href="/matrix/#cloudtrail.trail-configuration" aria-describedby="tip-1" data-pagefind-ignore=""> "Shared"
			    <span class="ctl__tip" role="tooltip" id="tip-1" data-pagefind-ignore=""> "Shared responsibility: Turn on CloudTrail in every Region. AWS: Runs the service and delivers events. Customer: Creates trails and chooses where logs go."
			"
		`);
	});

	it('gives each tooltip its own id', () => {
		const html = renderHtml(':control[a]{ref=global.physical-security owner=aws} and :control[b]{ref=global.physical-security owner=aws}');
		expect(html).toContain('aria-describedby="tip-1"');
		expect(html).toContain('id="tip-1"');
		expect(html).toContain('aria-describedby="tip-2"');
		expect(html).toContain('id="tip-2"');
	});

	it('adds the base path to the matrix link', () => {
		expect(renderHtml(':control[x]{ref=global.physical-security owner=aws}', '/course/')).toContain('href="/course/matrix/#global.physical-security"');
	});
});

describe(':::control (block)', () => {
	it('is a card with the badge, the schema title, the id, the split and the author prose', () => {
		expect(outline(':::control{ref=cloudtrail.trail-configuration owner=shared}\nTurn it on in **every** Region.\n:::')).toMatchInlineSnapshot(`
			"
			<div class="control-card control-card--shared" data-ref="cloudtrail.trail-configuration" data-owner="shared" data-pagefind-filter="owner:Shared">
			  <p class="control-card__head">
			    <span class="badge badge--shared" data-pagefind-ignore=""> "Shared"
			    <a class="control-card__title" href="/matrix/#cloudtrail.trail-configuration"> "Turn on CloudTrail in every Region"
			    <code class="control-card__id" data-pagefind-ignore=""> "cloudtrail.trail-configuration"
			  <dl class="split">
			    <dt>
			      <span class="badge badge--aws" data-pagefind-ignore=""> "AWS"
			    <dd> "Runs the service and delivers events"
			    <dt>
			      <span class="badge badge--customer" data-pagefind-ignore=""> "Customer"
			    <dd> "Creates trails and chooses where logs go"
			  <p>
			    "Turn it on in "
			    <strong> "every"
			    " Region."
			"
		`);
	});
});

describe(':::card', () => {
	it('has a title, and a badge when it carries an owner tag', () => {
		expect(outline(':::card{title="Security of the cloud" ref=global.physical-security owner=aws}\nAWS guards the buildings.\n:::')).toMatchInlineSnapshot(`
			"
			<div class="card" data-ref="global.physical-security" data-owner="aws">
			  <p class="card__title">
			    "Security of the cloud"
			    <span class="badge badge--aws" data-pagefind-ignore="" title="Physical security of data centers"> "AWS"
			  <p> "AWS guards the buildings."
			"
		`);
	});

	it('needs no owner tag', () => {
		expect(outline(':::card{title="Security in the cloud"}\nWhat you build is yours.\n:::')).toMatchInlineSnapshot(`
			"
			<div class="card">
			  <p class="card__title"> "Security in the cloud"
			  <p> "What you build is yours."
			"
		`);
	});
});

describe(':::quiz', () => {
	const single = [
		':::quiz{id=patch-owner ref=ec2.guest-os-patching owner=customer}',
		'A kernel flaw is announced. Who patches the guest OS?',
		'',
		'- [ ] AWS',
		'- [x] The **customer**',
		'',
		'The guest OS belongs to the customer.',
		':::',
	].join('\n');

	it('is a fieldset of radio buttons with the question as legend, and a "Show answer" with the explanation', () => {
		expect(outline(single)).toMatchInlineSnapshot(`
			"
			<div class="quiz" id="quiz-patch-owner" data-quiz="patch-owner" data-correct="1" data-owner="customer">
			  <form class="quiz__form" data-quiz-form="">
			    <fieldset aria-describedby="quiz-patch-owner-result">
			      <legend class="quiz__question" id="quiz-patch-owner-q">
			        <span class="quiz__kind" data-pagefind-ignore=""> "Quiz"
			        <span class="quiz__para"> "A kernel flaw is announced. Who patches the guest OS?"
			      <ul class="quiz__options" role="list" data-pagefind-ignore="">
			        <li>
			          <label class="quiz__option">
			            <input type="radio" name="quiz-patch-owner" value="0">
			            <span> "AWS"
			        <li>
			          <label class="quiz__option">
			            <input type="radio" name="quiz-patch-owner" value="1">
			            <span>
			              "The "
			              <strong> "customer"
			    <div class="quiz__actions" hidden>
			      <button type="submit" class="button"> "Check answer"
			      <button type="reset" class="button button--quiet"> "Try again"
			    <p class="quiz__result" id="quiz-patch-owner-result" role="status" aria-live="polite">
			  <details class="quiz__answer" data-pagefind-ignore="">
			    <summary> "Show answer"
			    <p class="quiz__correct"> "Correct answer:"
			    <ul>
			      <li>
			        "The "
			        <strong> "customer"
			    <div class="quiz__explanation">
			      <p> "The guest OS belongs to the customer."
			    <p class="quiz__owner">
			      "Owner: "
			      <span class="badge badge--customer" data-pagefind-ignore=""> "Customer"
			      <a href="/matrix/#ec2.guest-os-patching"> "Patch and harden the guest operating system of an EC2 instance"
			"
		`);
	});

	it('uses checkboxes and says "choose all that apply" with `multiple`', () => {
		const md = [':::quiz{id=aws-tasks multiple}', 'Which does AWS do?', '', '- [x] Guard the data centers', '- [x] Run CloudTrail', '- [ ] Patch the guest OS', '', 'AWS secures the cloud itself.', ':::'].join('\n');
		expect(outline(md)).toMatchInlineSnapshot(`
			"
			<div class="quiz" id="quiz-aws-tasks" data-quiz="aws-tasks" data-correct="0,1" data-multiple="">
			  <form class="quiz__form" data-quiz-form="">
			    <fieldset aria-describedby="quiz-aws-tasks-result">
			      <legend class="quiz__question" id="quiz-aws-tasks-q">
			        <span class="quiz__kind" data-pagefind-ignore=""> "Quiz · choose all that apply"
			        <span class="quiz__para"> "Which does AWS do?"
			      <ul class="quiz__options" role="list" data-pagefind-ignore="">
			        <li>
			          <label class="quiz__option">
			            <input type="checkbox" name="quiz-aws-tasks" value="0">
			            <span> "Guard the data centers"
			        <li>
			          <label class="quiz__option">
			            <input type="checkbox" name="quiz-aws-tasks" value="1">
			            <span> "Run CloudTrail"
			        <li>
			          <label class="quiz__option">
			            <input type="checkbox" name="quiz-aws-tasks" value="2">
			            <span> "Patch the guest OS"
			    <div class="quiz__actions" hidden>
			      <button type="submit" class="button"> "Check answer"
			      <button type="reset" class="button button--quiet"> "Try again"
			    <p class="quiz__result" id="quiz-aws-tasks-result" role="status" aria-live="polite">
			  <details class="quiz__answer" data-pagefind-ignore="">
			    <summary> "Show answer"
			    <p class="quiz__correct"> "Correct answers:"
			    <ul>
			      <li> "Guard the data centers"
			      <li> "Run CloudTrail"
			    <div class="quiz__explanation">
			      <p> "AWS secures the cloud itself."
			"
		`);
	});
});

describe(':::flashcards', () => {
	it('is a list of cards: the bold front in a dfn, the rest as the back', () => {
		expect(outline(':::flashcards\n- **Least privilege**: grant only what a task needs.\n- **Guest OS** — the OS inside an instance.\n:::')).toMatchInlineSnapshot(`
			"
			<section class="flashcards" data-flashcards="" aria-label="Key terms">
			  <p class="flashcards__title"> "Key terms"
			  <ol class="flashcards__list">
			    <li class="flashcard" id="term-least-privilege" data-term="least-privilege">
			      <p class="flashcard__front">
			        <dfn> "Least privilege"
			      <div class="flashcard__back">
			        <p> "grant only what a task needs."
			    <li class="flashcard" id="term-guest-os" data-term="guest-os">
			      <p class="flashcard__front">
			        <dfn> "Guest OS"
			      <div class="flashcard__back">
			        <p> "the OS inside an instance."
			"
		`);
	});

	it('takes its title from the label', () => {
		const html = renderHtml(':::flashcards[Logging terms]\n- **Trail**: delivers events to a bucket.\n:::');
		expect(html).toContain('aria-label="Logging terms"');
		expect(html).toContain('<p class="flashcards__title">Logging terms</p>');
	});
});

describe('callouts', () => {
	it.each([
		['note', 'Note'],
		['tip', 'Tip'],
		['info', 'Info'],
		['important', 'Important'],
		['caution', 'Caution'],
		['warning', 'Warning'],
		['danger', 'Danger'],
		['exam-trap', 'Exam trap'],
	])(':::%s has the title "%s"', (name, title) => {
		expect(renderHtml(`:::${name}\nBody.\n:::`)).toBe(
			`<div class="callout callout--${name}" role="note"><p class="callout__title"><span class="callout__kind">${title}</span></p><p>Body.</p></div>`,
		);
	});

	it('adds the label after the kind', () => {
		expect(outline(':::exam-trap[Encryption is *on* by default]\nS3 encrypts new objects.\n:::')).toMatchInlineSnapshot(`
			"
			<div class="callout callout--exam-trap" role="note">
			  <p class="callout__title">
			    <span class="callout__kind"> "Exam trap"
			    ": "
			    "Encryption is "
			    <em> "on"
			    " by default"
			  <p> "S3 encrypts new objects."
			"
		`);
	});
});

describe('::::tabs', () => {
	const md = '::::tabs{default="CLI"}\n:::tab[Console]\nOpen the **console**.\n:::\n:::tab[`CLI`]\nRun `aws cloudtrail create-trail`.\n:::\n::::';

	it('holds every panel under its label, and the index of the default tab', () => {
		expect(outline(md)).toMatchInlineSnapshot(`
			"
			<div class="tabs" data-tabs="" data-selected="1">
			  <div class="tabs__panel" id="tabs-1-panel-1" data-tab-panel="">
			    <p class="tabs__label" data-tab-label=""> "Console"
			    <p>
			      "Open the "
			      <strong> "console"
			      "."
			  <div class="tabs__panel" id="tabs-1-panel-2" data-tab-panel="">
			    <p class="tabs__label" data-tab-label="">
			      <code> "CLI"
			    <p>
			      "Run "
			      <code> "aws cloudtrail create-trail"
			      "."
			"
		`);
	});

	it('selects the first tab without a default, and numbers blocks on a page', () => {
		const html = renderHtml('::::tabs\n:::tab[A]\na\n:::\n::::\n\n::::tabs\n:::tab[B]\nb\n:::\n::::');
		expect(html).toContain('<div class="tabs" data-tabs="" data-selected="0"><div class="tabs__panel" id="tabs-1-panel-1"');
		expect(html).toContain('id="tabs-2-panel-1"');
	});

	it('renders a tab that holds block directives (more colons outside)', () => {
		expect(renderHtml(':::::tabs\n::::tab[Linux]\n:::tip\nUse the package.\n:::\n::::\n:::::')).toBe(
			'<div class="tabs" data-tabs="" data-selected="0"><div class="tabs__panel" id="tabs-1-panel-1" data-tab-panel=""><p class="tabs__label" data-tab-label="">Linux</p><div class="callout callout--tip" role="note"><p class="callout__title"><span class="callout__kind">Tip</span></p><p>Use the package.</p></div></div></div>',
		);
	});
});

describe(':::steps', () => {
	it('is the numbered list, marked as steps, with everything in each step', () => {
		expect(outline(':::steps\n1. Open the console.\n2. Create a role.\n\n   ```sh\n   aws iam create-role\n   ```\n:::')).toMatchInlineSnapshot(`
			"
			<div class="steps">
			  <ol class="steps__list" role="list">
			    <li>
			      <p> "Open the console."
			    <li>
			      <p> "Create a role."
			      <pre>
			        <code class="language-sh"> "aws iam create-role\\n"
			"
		`);
	});

	it('keeps the start number of the list', () => {
		expect(renderHtml(':::steps\n3. Third.\n4. Fourth.\n:::')).toContain('<ol start="3" class="steps__list" role="list">');
	});
});

describe(':::file-tree', () => {
	it('nests directories as open disclosures, with names, highlights and comments', () => {
		expect(outline(':::file-tree\n- content/\n  - course.yaml the *title* and description\n  - chapters\n    - **patching.mdx** this chapter\n    - `my notes.md`\n    - …\n- empty/\n:::')).toMatchInlineSnapshot(`
			"
			<div class="file-tree" role="group" aria-label="File tree">
			  <ul>
			    <li class="file-tree__entry file-tree__entry--dir">
			      <details open>
			        <summary>
			          <span class="file-tree__name"> "content/"
			        <ul>
			          <li class="file-tree__entry file-tree__entry--file">
			            <span class="file-tree__name"> "course.yaml"
			            <span class="file-tree__comment">
			              "the "
			              <em> "title"
			              " and description"
			          <li class="file-tree__entry file-tree__entry--dir">
			            <details open>
			              <summary>
			                <span class="file-tree__name">
			                  "chapters"
			                  "/"
			              <ul>
			                <li class="file-tree__entry file-tree__entry--file">
			                  <span class="file-tree__name file-tree__name--highlight">
			                    <strong> "patching.mdx"
			                  <span class="file-tree__comment"> "this chapter"
			                <li class="file-tree__entry file-tree__entry--file">
			                  <span class="file-tree__name">
			                    <code> "my notes.md"
			                <li class="file-tree__entry file-tree__entry--placeholder">
			                  <span class="file-tree__name"> "…"
			    <li class="file-tree__entry file-tree__entry--dir">
			      <span class="file-tree__name"> "empty/"
			"
		`);
	});

	it('escapes names and comments like any text', () => {
		expect(renderHtml(':::file-tree\n- a&amp;b.txt 1 &lt; 2\n:::')).toContain('<span class="file-tree__name">a&#x26;b.txt</span> <span class="file-tree__comment">1 &#x3C; 2</span>');
	});
});

describe('::ownership-exercise', () => {
	it('has one item per ref, with the answer and explanation from the schema', () => {
		expect(outline('::ownership-exercise{refs="ec2.guest-os-patching, cloudtrail.trail-configuration"}')).toMatchInlineSnapshot(`
			"
			<div class="exercise" data-exercise="">
			  <p class="exercise__title"> "Who owns this control?"
			  <p class="exercise__intro"> "Choose AWS, Customer, or Shared for each control, then check your answers."
			  <ol class="exercise__items">
			    <li class="exercise__item" data-ref="ec2.guest-os-patching" data-answer="customer">
			      <fieldset>
			        <legend class="exercise__control"> "Patch and harden the guest operating system of an EC2 instance"
			        <div class="exercise__choices" data-pagefind-ignore="">
			          <label class="exercise__choice">
			            <input type="radio" name="exercise-1-0" value="aws">
			            " AWS"
			          <label class="exercise__choice">
			            <input type="radio" name="exercise-1-0" value="customer">
			            " Customer"
			          <label class="exercise__choice">
			            <input type="radio" name="exercise-1-0" value="shared">
			            " Shared"
			      <p class="exercise__feedback">
			      <details class="exercise__answer" data-pagefind-ignore="">
			        <summary> "Show answer"
			        <p>
			          <span class="badge badge--customer" data-pagefind-ignore=""> "Customer"
			          " AWS never logs into your instances."
			    <li class="exercise__item" data-ref="cloudtrail.trail-configuration" data-answer="shared">
			      <fieldset>
			        <legend class="exercise__control"> "Turn on CloudTrail in every Region"
			        <div class="exercise__choices" data-pagefind-ignore="">
			          <label class="exercise__choice">
			            <input type="radio" name="exercise-1-1" value="aws">
			            " AWS"
			          <label class="exercise__choice">
			            <input type="radio" name="exercise-1-1" value="customer">
			            " Customer"
			          <label class="exercise__choice">
			            <input type="radio" name="exercise-1-1" value="shared">
			            " Shared"
			      <p class="exercise__feedback">
			      <details class="exercise__answer" data-pagefind-ignore="">
			        <summary> "Show answer"
			        <p>
			          <span class="badge badge--shared" data-pagefind-ignore=""> "Shared"
			          " Turn on CloudTrail in every Region"
			        <dl class="split">
			          <dt>
			            <span class="badge badge--aws" data-pagefind-ignore=""> "AWS"
			          <dd> "Runs the service and delivers events"
			          <dt>
			            <span class="badge badge--customer" data-pagefind-ignore=""> "Customer"
			          <dd> "Creates trails and chooses where logs go"
			  <div class="exercise__actions" hidden>
			    <button type="button" class="button" data-exercise-check=""> "Check answers"
			"
		`);
	});
});

describe(':term', () => {
	it('links to the glossary entry and shows the definition', () => {
		expect(outline('Apply :term[least privilege] and :term[the principle]{id=least-privilege}.', '/course/')).toMatchInlineSnapshot(`
			"
			<p>
			  "Apply "
			  <span class="term">
			    <a href="/course/glossary/#term-least-privilege" class="term__link" aria-describedby="def-1"> "least privilege"
			    <span class="term__def" role="tooltip" id="def-1" data-pagefind-ignore=""> "Least privilege: grant only the permissions a task needs."
			  " and "
			  <span class="term">
			    <a href="/course/glossary/#term-least-privilege" class="term__link" aria-describedby="def-2"> "the principle"
			    <span class="term__def" role="tooltip" id="def-2" data-pagefind-ignore=""> "Least privilege: grant only the permissions a task needs."
			  "."
			"
		`);
	});
});

describe('unknown text directives are prose', () => {
	it.each([
		['AWS re:Invent starts soon.'],
		['The meeting is at 10:30.'],
		['The bucket is arn:aws:s3:::my-bucket.'],
		['A label and attributes stay as written: :foo[bar]{a=1} and :x{b="c"}.'],
		['Times like 09:45:30 and ratios like 16:9.'],
	])('%s', (md) => {
		expect(renderHtml(md)).toBe(`<p>${md}</p>`);
	});

	it('stay verbatim in fragments shown on other pages (glossary, practice exam)', async () => {
		const md = '---\ntitle: T\ndescription: D\norder: 1\n---\n\n:::flashcards\n- **Event**: AWS re:Invent at 10:30, :foo[bar]{a=1}.\n:::\n';
		const checked = checkText('/course/chapters/t.mdx', md, schema);
		expect(checked.diagnostics).toEqual([]);
		const rendered = await renderChapter(checked.tree!, { schema, base: '/', policy: STRICT_POLICY });
		expect(rendered.terms.event).toBe('<p>AWS re:Invent at 10:30, :foo[bar]{a=1}.</p>');
	});
});

describe('escaping', () => {
	it('escapes attribute values written by authors', () => {
		const html = renderHtml(`:::card{title='Say "hi" & <script>alert(1)</script>'}\nBody.\n:::`);
		expect(html).toContain('<p class="card__title">Say "hi" &#x26; &#x3C;script>alert(1)&#x3C;/script></p>');
		expect(html).not.toContain('<script>');
	});

	it('escapes schema text in tooltips (text) and badge titles (attributes)', () => {
		expect(renderHtml(':control[x]{ref=demo.escaping owner=aws}')).toContain('AWS responsibility: Say "hi" &#x26; &#x3C;b>bye&#x3C;/b>.</span>');
		expect(renderHtml(':::card{title=T ref=demo.escaping owner=aws}\nx\n:::')).toContain('title="Say &#x22;hi&#x22; &#x26; <b>bye</b>"');
	});

	it('keeps an unknown directive with markup in its attributes as text, not HTML', () => {
		expect(renderHtml(`Literal :x{a='"><img src=x onerror=alert(1)>'} here.`)).toBe(`<p>Literal :x{a='">&#x3C;img src=x onerror=alert(1)>'} here.</p>`);
	});
});
