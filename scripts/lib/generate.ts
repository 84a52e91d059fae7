/**
 * A synthetic course of N chapters for benchmarks: deterministic (a seeded PRNG, no clock, no Math.random),
 * so the same N always gives byte-identical files, and a run can be repeated or compared across machines.
 *
 * Each chapter uses the whole language at realistic density: inline control tags every few paragraphs, one
 * block control, one card, callouts, three quizzes, a flashcards set, an ownership exercise, term links,
 * internal links with anchors, a table — and a Mermaid diagram in one chapter in four. The plain variants are
 * the same text as plain Markdown (no directives), for comparing with other site generators: `plain-course`
 * is a course this project builds, `starlight` the same chapters as Starlight docs (only the frontmatter
 * differs between the two).
 *
 * Files are produced one at a time and nothing is kept but the schema, so memory does not grow with the
 * number of chapters (10,000 and more), and time grows linearly.
 *
 *   writeCourse('/tmp/course-200', courseFiles(200));   // streams the files to disk
 *   const files = generateCourse(200);                   // Map of relative path → file text (small courses)
 */
import fs from 'node:fs';
import path from 'node:path';
import { GithubSlugger } from '../../src/core/slug.ts';

export type CourseFormat =
	/** This project's course: directives, full frontmatter, course.yaml and ownership.yaml. */
	| 'course'
	/** The same prose as plain Markdown, as a course this project builds (title, description, order). */
	| 'plain-course'
	/** The same plain Markdown as Starlight docs: no course files, `sidebar.order` for the order. */
	| 'starlight';

export interface GenerateOptions {
	seed?: number;
	/** Default `course`. */
	format?: CourseFormat;
}

/** Chapters with a diagram: one in four, starting with chapter 2 (chapter 1 has none, for page weights). */
export const hasDiagram = (i: number) => i % 4 === 2;
export const chapterSlugOf = (i: number) => `chapter-${String(i).padStart(4, '0')}`;

/** mulberry32: a tiny, well-known 32-bit PRNG; enough for text that only has to look varied. */
export function prng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
	return { next, int, pick, between: (lo: number, hi: number) => lo + int(hi - lo + 1) };
}
type Rng = ReturnType<typeof prng>;

// ---------------------------------------------------------------- vocabulary

const NOUNS = 'account,alarm,audit,backup,boundary,bucket,certificate,cluster,console,container,control,credential,dashboard,database,deployment,domain,endpoint,event,firewall,function,gateway,group,guardrail,handler,host,identity,image,incident,instance,interface,key,layer,ledger,listener,log,metric,network,node,object,operator,organization,owner,package,partition,patch,permission,pipeline,platform,policy,port,principal,process,queue,quota,record,region,registry,replica,report,repository,request,resource,retention,role,route,rule,runtime,scan,schedule,secret,segment,server,service,session,setting,snapshot,stack,storage,stream,subnet,table,tag,task,template,tenant,threat,token,topic,trail,trust,user,vault,version,volume,workload,zone'.split(',');
const VERBS = 'audits,blocks,builds,caches,checks,collects,configures,controls,copies,creates,decides,defines,delivers,deploys,detects,encrypts,enforces,evaluates,exports,filters,grants,handles,inspects,isolates,limits,logs,manages,monitors,moves,owns,patches,protects,publishes,records,reduces,replaces,replicates,restores,reviews,rotates,routes,runs,scans,secures,shares,signs,stores,tracks,updates,validates'.split(',');
const ADJECTIVES = 'active,automatic,central,critical,current,dedicated,default,durable,encrypted,external,global,hardened,immutable,internal,isolated,managed,minimal,modern,multiple,narrow,new,optional,outdated,physical,private,public,regional,remote,restricted,scheduled,secure,separate,pooled,short,single,stale,strict,temporary,trusted,unused,verified,virtual,visible,weak,wide'.split(',');
const ADVERBS = 'always,automatically,carefully,daily,explicitly,often,only,quickly,rarely,regularly,separately,silently,usually'.split(',');
const CONNECTORS = ['because', 'while', 'so', 'although', 'when', 'unless', 'after', 'before'];
const SYLLABLES = 'ba,ce,di,fo,gu,ka,le,mi,no,pu,ra,se,ti,vo,za,bri,cla,dre,fri,glo'.split(',');
const SERVICES = [
	['compute', 'Compute Engine', 'iaas'],
	['storage', 'Object Storage', 'managed'],
	['blocks', 'Block Volumes', 'iaas'],
	['database', 'Relational Database', 'paas'],
	['keyvalue', 'Key-Value Store', 'serverless'],
	['functions', 'Functions', 'serverless'],
	['containers', 'Container Service', 'container'],
	['network', 'Virtual Network', 'infrastructure'],
	['identity', 'Identity Service', 'global'],
	['keys', 'Key Management', 'managed'],
	['logging', 'Audit Logging', 'managed'],
	['platform', 'Global Platform', 'infrastructure'],
] as const;
const LAYERS = ['physical', 'infrastructure', 'virtualization', 'platform', 'operating-system', 'network', 'identity', 'data', 'application', 'logging', 'compliance'];
const OWNERS = ['aws', 'customer', 'shared'] as const;
const CONTROLS_PER_SERVICE = 8;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** `patches` → `patch`, `runs` → `run`. */
const bare = (verb: string) => verb.replace(/(ch|sh|ss|x)es$/, '$1').replace(/s$/, '');
/** A made-up word that is unique for each n: the long tail of a real course's vocabulary (names, jargon). */
const coined = (n: number) => {
	let s = '';
	let k = n + SYLLABLES.length;
	while (k > 0) {
		s += SYLLABLES[k % SYLLABLES.length];
		k = Math.floor(k / SYLLABLES.length);
	}
	return s;
};

// ---------------------------------------------------------------- the schema

interface ControlDef {
	id: string;
	title: string;
	owner: (typeof OWNERS)[number];
}

function controlsOf(seed: number): ControlDef[] {
	const r = prng(seed ^ 0x5eed);
	const controls: ControlDef[] = [];
	for (const [service] of SERVICES)
		for (let k = 0; k < CONTROLS_PER_SERVICE; k++) {
			const a = NOUNS[(k * 7 + service.length * 3) % NOUNS.length]!;
			const b = NOUNS[(k * 13 + service.length * 5 + 1) % NOUNS.length]!;
			controls.push({ id: `${service}.${a}-${b}-${k + 1}`, title: `${cap(bare(r.pick(VERBS)))} the ${r.pick(ADJECTIVES)} ${a} ${b}s of the ${service} service`, owner: OWNERS[(k + service.length) % 3]! });
		}
	return controls;
}

function ownershipYaml(controls: ControlDef[], seed: number): string {
	const r = prng(seed ^ 0xa11);
	const lines = ['# Generated by scripts/bench/generate.ts — a synthetic schema for benchmarks.', 'controls:'];
	for (const c of controls) {
		lines.push(`  ${c.id}:`, `    title: ${c.title}`, `    owner: ${c.owner}`);
		if (c.owner === 'shared') lines.push('    split:', `      aws: Runs the ${r.pick(NOUNS)} ${r.pick(NOUNS)} and ${r.pick(VERBS)} it`, `      customer: Chooses the ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} settings and ${r.pick(VERBS)} them`);
		lines.push(`    layer: ${r.pick(LAYERS)}`, `    notes: ${sentence(r)} ${sentence(r)}`, '    sources:', `      - https://docs.example.com/${c.id.replace('.', '/')}/`);
	}
	lines.push('services:');
	for (const [id, title, model] of SERVICES) lines.push(`  ${id}: { title: ${title}, model: ${model} }`);
	return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- prose

/** Inline content: rendered with directives for the course, as plain text for the plain variant. */
type Inline = string | { control: string; ref: string; owner: string } | { term: string; id: string } | { link: string; url: string } | { code: string } | { strong: string };

function sentence(r: Rng): string {
	const clause = () => `the ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} ${r.pick(VERBS)} ${r.int(3) ? 'the' : 'every'} ${r.pick(NOUNS)}`;
	const s = r.int(3) === 0 ? `${clause()} ${r.pick(CONNECTORS)} ${clause()}` : `${clause()} ${r.pick(ADVERBS)}`;
	return `${cap(s)}.`;
}

/** Words that introduce an inline element in a sentence, so the prose reads like prose. */
function leadFor(p: Inline): string {
	if (typeof p === 'string') return '';
	if ('control' in p) return 'In practice you ';
	if ('term' in p) return 'This builds on the ';
	if ('link' in p) return 'Compare with ';
	if ('code' in p) return 'The setting is ';
	return 'Watch for the ';
}

function renderInline(parts: Inline[], plain: boolean): string {
	return parts
		.map((p) => {
			if (typeof p === 'string') return p;
			if ('control' in p) return plain ? p.control : `:control[${p.control}]{ref=${p.ref} owner=${p.owner}}`;
			if ('term' in p) return plain ? p.term : `:term[${p.term}]{id=${p.id}}`;
			if ('link' in p) return `[${p.link}](${p.url})`;
			if ('code' in p) return `\`${p.code}\``;
			return `**${p.strong}**`;
		})
		.join('');
}

interface ChapterPlan {
	i: number;
	slug: string;
	title: string;
	headings: { text: string; id: string }[];
	terms: { front: string; id: string }[];
}

/** Headings and terms first, so chapters can link to anchors and terms of other chapters. */
function planChapter(i: number, seed: number): ChapterPlan {
	const r = prng(seed * 1_000_003 + i);
	const slugger = new GithubSlugger();
	const used = new Set<string>();
	const heading = () => {
		let text: string;
		do text = `${cap(r.pick(ADJECTIVES))} ${r.pick(NOUNS)}s and ${r.pick(NOUNS)} ${r.pick(NOUNS)}s`;
		while (used.has(text));
		used.add(text);
		return { text, id: slugger.slug(text) };
	};
	const headings = Array.from({ length: 6 }, heading);
	const terms = Array.from({ length: 5 }, (_, k) => {
		const front = `${cap(coined(i * 5 + k))} ${r.pick(NOUNS)}`;
		return { front, id: new GithubSlugger().slug(front) };
	});
	return { i, slug: chapterSlugOf(i), title: `${cap(r.pick(ADJECTIVES))} ${r.pick(NOUNS)}s: ${cap(coined(i))} ${r.pick(NOUNS)} ${r.pick(NOUNS)}s`, headings, terms };
}

/** Chapter k's plan, computed on demand (a plan depends on k and the seed only). */
type Plans = (k: number) => ChapterPlan;

function chapterText(plan: ChapterPlan, n: number, planOf: Plans, controls: ControlDef[], opts: Required<GenerateOptions>): string {
	const { i } = plan;
	const r = prng(opts.seed * 7_919 + i * 31);
	const plain = opts.format !== 'course';
	const out: string[] = [];
	const control = () => r.pick(controls);
	const tag = (): Inline => {
		const c = control();
		return { control: `${bare(r.pick(VERBS))} the ${r.pick(NOUNS)}`, ref: c.id, owner: c.owner };
	};
	// Terms linked in prose: from this chapter or, mostly, from earlier ones (as a real course builds on itself).
	const termUse = (): Inline => {
		const from = i > 1 && r.int(3) ? planOf(r.int(i - 1) + 1) : plan;
		const t = r.pick(from.terms);
		return { term: t.front.toLowerCase(), id: t.id };
	};
	const paragraph = (extras: Inline[] = []) => {
		const count = r.between(3, 5);
		const slots = extras.map(() => r.int(count));
		const parts: Inline[] = [];
		for (let s = 0; s < count; s++) {
			parts.push(s ? ' ' : '', sentence(r));
			extras.forEach((x, k) => {
				if (slots[k] === s) parts.push(' ', leadFor(x), x, '.');
			});
		}
		out.push(renderInline(parts, plain), '');
	};
	// Both variants draw the same random numbers in the same order, so the plain text is the course's text.
	const container = (name: string, attrs: string, label: string | undefined, body: () => void, plainLead: string) => {
		if (plain) {
			out.push(`**${plainLead}**`, '');
			body();
			return;
		}
		out.push(`:::${name}${label !== undefined ? `[${label}]` : ''}${attrs}`);
		body();
		if (out.at(-1) === '') out.pop();
		out.push(':::', '');
	};

	// Frontmatter
	const description = `${sentence(r).slice(0, -1)} — chapter ${i} of the synthetic course.`;
	out.push('---', `title: "${plan.title}"`, `description: "${description}"`);
	const concepts = `[${r.pick(NOUNS)} ${r.pick(NOUNS)}s, ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}]`;
	if (opts.format === 'starlight') out.push('sidebar:', `  order: ${i}`);
	else if (opts.format === 'plain-course') out.push(`order: ${i}`);
	else {
		out.push(`order: ${i}`, `updated: 2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, `concepts: ${concepts}`);
		if (i > 1) out.push(`prerequisites: [${chapterSlugOf(i - 1)}]`);
		if (i < n) out.push(`next: [${chapterSlugOf(i + 1)}]`);
	}
	out.push('---', '');

	const prev = i > 1 ? planOf(i - 1) : undefined;
	plan.headings.forEach((h, s) => {
		out.push(`## ${h.text}`, '');
		const paragraphs = r.between(4, 6);
		for (let p = 0; p < paragraphs; p++) {
			// An inline control tag every couple of paragraphs, a term link every few.
			const extras: Inline[] = [];
			if (p % 2 === 0) extras.push(tag());
			if (p % 3 === 1) extras.push(termUse());
			if (s === 0 && p === 0 && prev) extras.push({ link: 'the previous chapter', url: `/chapters/${prev.slug}/` });
			if (s === 1 && p === 1 && prev) extras.push({ link: prev.headings[2]!.text.toLowerCase(), url: `/chapters/${prev.slug}/#${prev.headings[2]!.id}` });
			if (s === 2 && p === 0) extras.push({ code: `${r.pick(NOUNS)}:${r.pick(VERBS)}` }, { strong: `${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}` });
			paragraph(extras);
			if (p === 1) {
				if (s === 0) {
					const c = control();
					const title = `${cap(r.pick(ADJECTIVES))} ${r.pick(NOUNS)}s`;
					container('card', `{title="${title}" ref=${c.id} owner=${c.owner}}`, undefined, () => paragraph(), title);
				} else if (s === 1) {
					const c = control();
					container('control', `{ref=${c.id} owner=${c.owner}}`, undefined, () => paragraph(), c.title);
				} else if (s === 2) container('note', '', undefined, () => paragraph(), 'Note');
				else if (s === 3) container('tip', '', `${cap(r.pick(ADJECTIVES))} ${r.pick(NOUNS)}s`, () => paragraph(), 'Tip');
				else if (s === 4) container('exam-trap', '', `"The ${r.pick(NOUNS)} is ${r.pick(ADJECTIVES)}"`, () => paragraph([tag()]), 'Exam trap');
			}
		}
		if (s === 1) {
			const sub = `${cap(r.pick(ADJECTIVES))} ${r.pick(NOUNS)} details`;
			out.push(`### ${sub}`, '');
			paragraph([tag()]);
			paragraph();
		}
		if (s === 2) {
			out.push(`| ${cap(r.pick(NOUNS))} | Who | Why |`, '|---|---|---|');
			for (let row = 0; row < 4; row++) out.push(`| ${cap(r.pick(NOUNS))} ${r.pick(NOUNS)} | ${r.pick(['AWS', 'You', 'Both'])} | ${sentence(r).slice(0, -1)} |`);
			out.push('');
		}
		if (s === 3 && hasDiagram(i)) {
			// The same random draws in the same order as before the fence had a text alternative.
			const nodes = r.between(4, 6);
			const labels = Array.from({ length: nodes + 1 }, () => `${cap(r.pick(ADJECTIVES))} ${r.pick(NOUNS)}`);
			out.push(`\`\`\`mermaid alt="A flow in ${labels.length} steps, from ${labels[0]} to ${labels[nodes]}"`, 'flowchart LR');
			for (let k = 0; k <= nodes; k++) out.push(`  N${k}["${labels[k]}"]`);
			for (let k = 0; k < nodes; k++) out.push(`  N${k} --> N${Math.min(nodes, k + (k % 3 === 2 ? 2 : 1))}`);
			out.push('```', '');
		}
	});

	// Who owns it? (generated from the schema in the course; a list of controls in plain Markdown)
	out.push('## Who owns this control?', '');
	const refs = [...new Set(Array.from({ length: 5 }, () => control().id))];
	if (plain) for (const ref of refs) out.push(`- ${controls.find((c) => c.id === ref)!.title}`);
	else out.push(`::ownership-exercise{refs="${refs.join(',')}"}`);
	out.push('');

	out.push('## Check your understanding', '');
	for (let q = 0; q < 3; q++) {
		const c = control();
		const multiple = q === 1;
		const attrs = `{id=q-${plan.slug}-${q + 1}${q === 0 ? ` ref=${c.id} owner=${c.owner}` : ''}${multiple ? ' multiple' : ''}}`;
		container('quiz', attrs, undefined, () => {
			out.push(`${sentence(r).slice(0, -1)}?`, '');
			const options = r.between(3, 4);
			const correct = r.int(options);
			for (let o = 0; o < options; o++) out.push(`- ${plain ? '' : `[${o === correct || (multiple && o === (correct + 1) % options) ? 'x' : ' '}] `}The ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} ${r.pick(VERBS)} it`);
			out.push('');
			paragraph();
		}, `Question ${q + 1}`);
	}

	out.push('## Key terms', '');
	container('flashcards', '', undefined, () => {
		plan.terms.forEach((t, k) => {
			const back: Inline[] = [`the ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} that ${r.pick(VERBS)} every ${r.pick(NOUNS)}`];
			if (k === 0) back.push('; ', tag());
			out.push(`- **${t.front}**: ${renderInline(back, plain)}.`);
		});
		out.push('');
	}, 'Flashcards');

	out.push('## Key takeaways', '');
	for (let k = 0; k < 4; k++) out.push(`- ${sentence(r)}`);
	out.push('', `Continue with the [glossary](/glossary/) or the ${i < n ? `[next chapter](/chapters/${chapterSlugOf(i + 1)}/)` : 'review'}.`, '');
	return out.join('\n');
}

/** The files of a course of `chapters` chapters, one at a time: [relative path, text]. */
export function* courseFiles(chapters: number, options: GenerateOptions = {}): Generator<[string, string]> {
	const opts: Required<GenerateOptions> = { seed: options.seed ?? 1, format: options.format ?? 'course' };
	const controls = controlsOf(opts.seed);
	if (opts.format !== 'starlight') {
		const what = opts.format === 'course' ? 'every directive of the language at realistic density' : 'the same prose as plain Markdown, without directives';
		yield ['course.yaml', `title: Synthetic Course (${chapters} chapters)\ndescription: A generated course for benchmarks; ${what}.\nlanguage: en\n`];
		yield ['ownership.yaml', ownershipYaml(controls, opts.seed)];
	}
	const planOf: Plans = (k) => planChapter(k, opts.seed);
	for (let i = 1; i <= chapters; i++) yield [`chapters/${chapterSlugOf(i)}.mdx`, chapterText(planOf(i), chapters, planOf, controls, opts)];
}

/** The whole course in memory (for tests and small courses; the benchmark streams `courseFiles`). */
export const generateCourse = (chapters: number, options: GenerateOptions = {}) => new Map(courseFiles(chapters, options));

/** Runs of non-space characters, counted without splitting (a 10,000-chapter course has 20 million words). */
function countWords(text: string): number {
	let words = 0;
	let inWord = false;
	for (let k = 0; k < text.length; k++) {
		const c = text.charCodeAt(k);
		const space = c === 32 || c === 10 || c === 9 || c === 13;
		if (!space && !inWord) words++;
		inWord = !space;
	}
	return words;
}

export interface CourseStats {
	files: number;
	bytes: number;
	words: number;
}

/** Write the files under dir (which is emptied first), as they come; returns what was written. */
export function writeCourse(dir: string, files: Iterable<[string, string]>): CourseStats {
	fs.rmSync(dir, { recursive: true, force: true });
	const stats: CourseStats = { files: 0, bytes: 0, words: 0 };
	const made = new Set<string>();
	for (const [rel, text] of files) {
		const file = path.join(dir, rel);
		if (!made.has(path.dirname(file))) fs.mkdirSync(path.dirname(file), { recursive: true });
		made.add(path.dirname(file));
		fs.writeFileSync(file, text);
		stats.files++;
		stats.bytes += Buffer.byteLength(text);
		stats.words += countWords(text);
	}
	return stats;
}
