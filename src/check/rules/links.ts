/**
 * Links. Per chapter: every Markdown link, image and link definition is classified (./urls.ts); script URLs
 * and malformed addresses are reported at once, links are recorded in `facts.links`. Per course: every
 * internal link must reach a page that exists and an anchor that exists on that page. External links are not
 * fetched: checks run offline, and a flaky site must never fail a pull request.
 */
import path from 'node:path';
import type { Definition, Image, Link } from 'mdast';
import { walk } from '../../core/walk.ts';
import { anchors, routes } from '../../core/routes.ts';
import type { ChapterFacts } from '../chapter.ts';
import type { CourseCheck } from '../course.ts';
import { diagnostic } from '../../core/diagnostics.ts';
import { suggest } from '../../core/suggest.ts';
import type { CourseRule } from './course-rules.ts';
import type { ChapterRule } from './index.ts';
import { classifyUrl } from './urls.ts';

const WHAT = { link: 'link', image: 'image', definition: 'link definition' } as const;
const LINKISH = new Set(Object.keys(WHAT));

export const collectLinks: ChapterRule = (tree, ctx) => {
	walk(tree, (node) => {
		const n = node as Link | Image | Definition;
		const what = WHAT[n.type];
		const url = classifyUrl(n.url);
		if (url.kind === 'unsafe') {
			ctx.report(n, 'unsafe-url', `Unsafe \`${url.scheme}\` URL in ${what}: ${url.why}`, 'Link to an http(s) address or a course page (/chapters/<slug>/) instead.');
			return;
		}
		if (url.kind === 'malformed') {
			ctx.report(n, 'malformed-url', `Malformed URL "${n.url}" in ${what}: ${url.reason}`, url.hint);
			return;
		}
		// Images are files, not pages: ./images.ts checks them.
		if (n.type === 'image') return;
		const start = n.position?.start;
		const chapterPath = url.kind === 'relative' ? relativeChapter(n.url, ctx.facts.rel) : undefined;
		if (chapterPath) {
			// The renderer links to the chapter's route: chapter URLs are flat, so the file name is the slug.
			const hash = n.url.indexOf('#');
			n.data = { ...n.data, courseHref: `${routes.chapter(path.posix.basename(chapterPath))}${hash === -1 ? '' : n.url.slice(hash)}` } as never;
		}
		ctx.facts.links.push({ url: n.url, line: start?.line ?? 1, column: start?.column ?? 1, ...(chapterPath ? { chapterPath } : {}) });
	}, LINKISH);
};

/**
 * A relative link to a chapter file (`./other.mdx`, `../part/other.md#x`), as the course path it names without
 * the extension (`chapters/part/other`); undefined for any other relative link.
 */
export function relativeChapter(url: string, fromRel: string): string | undefined {
	const file = decode(url.split('#')[0]!.split('?')[0]!);
	if (!/\.mdx?$/.test(file)) return undefined;
	const target = path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), file));
	return target.replace(/\.mdx?$/, '');
}

function decode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/** The site's pages and the anchors each one has, built once per check from the course. */
interface Site {
	/** Anchors of each chapter by slug; undefined for a chapter that could not be parsed (its anchors are unknown). */
	chapters: Map<string, Set<string> | undefined>;
	/** Slug of each chapter by its path in the chapter tree, without extension (`part/intro`). */
	paths: Map<string, string>;
	pages: Map<string, Set<string> | undefined>;
	/** `quiz-<id>` → the practice page that has it (questions moved there from /practice/). */
	practice: Map<string, string>;
}

function siteOf(course: CourseCheck): Site {
	const chapters = new Map<string, Set<string> | undefined>();
	const paths = new Map<string, string>();
	for (const c of course.chapters) {
		chapters.set(c.slug, c.parsed ? anchorsOf(c) : undefined);
		paths.set(treePath(c.rel.replace(/\.mdx$/, '')), c.slug);
	}
	const controls = new Set<string>();
	for (const id of course.schema.controls.keys()) {
		controls.add(id);
		controls.add(`service-${id.split('.')[0]}`);
	}
	const terms = new Set(course.chapters.flatMap((c) => c.terms.map((t) => `term-${t.id}`)));
	// Pages outside chapters and the anchors authors may link to (undefined: the page has none to offer).
	const pages = new Map<string, Set<string> | undefined>([
		[routes.home, undefined],
		[routes.matrix, controls],
		[routes.glossary, terms],
		[routes.practice, undefined],
		[routes.review, undefined],
	]);
	// Each chapter with questions or flashcards has a practice page with their anchors.
	const practice = new Map<string, string>();
	for (const c of course.chapters) {
		if (!c.quizzes.length && !c.terms.length) continue;
		pages.set(routes.practiceChapter(c.slug), new Set([...c.quizzes.map((q) => anchors.quiz(q.id)), ...c.terms.map((t) => anchors.term(t.id))]));
		for (const q of c.quizzes) practice.set(anchors.quiz(q.id), routes.practiceChapter(c.slug));
	}
	return { chapters, paths, pages, practice };
}

/** Anchors on a chapter page: heading ids, quizzes (`#quiz-<id>`) and flashcard terms (`#term-<id>`). */
function anchorsOf(c: ChapterFacts): Set<string> {
	return new Set([...c.headings.map((h) => h.id), ...c.quizzes.map((q) => `quiz-${q.id}`), ...c.terms.map((t) => `term-${t.id}`)]);
}

export const internalLinks: CourseRule = (course) => {
	if (!course.chapters.some((c) => c.links.length)) return;
	const site = siteOf(course);
	for (const c of course.chapters)
		for (const link of c.links) {
			const problem = link.chapterPath ? checkRelative(link.url, link.chapterPath, site) : checkLink(link.url, c, site);
			if (problem) course.diagnostics.push(diagnostic(c.file, link, 'broken-link', `Broken link "${link.url}": ${problem.message}`, problem.hint));
		}
};

interface Problem {
	message: string;
	hint: string;
}

/**
 * A chapter's path inside its chapter tree: `chapters/part/x` and a translation's `locales/de/chapters/part/x`
 * are both `part/x`, so a translation's relative links (copied from the original) reach the same chapters.
 */
const treePath = (coursePath: string) => coursePath.replace(/^(?:locales\/[^/]+\/)?chapters\//, '');

/** `./other.mdx#x`: the file must be a chapter, and the anchor one of its anchors. */
function checkRelative(url: string, chapterPath: string, site: Site): Problem | undefined {
	const slug = site.paths.get(treePath(chapterPath));
	const hash = url.indexOf('#');
	const fragment = hash === -1 ? '' : decode(url.slice(hash + 1));
	if (slug === undefined) {
		const name = path.posix.basename(chapterPath);
		const found = [...site.paths].find(([, s]) => s === name)?.[0];
		const elsewhere = found === undefined ? undefined : `chapters/${found}`;
		const s = elsewhere ? undefined : suggest(name, site.chapters.keys());
		return {
			message: elsewhere ? `there is no chapter file ${chapterPath}.mdx; the chapter "${name}" is ${elsewhere}.mdx` : `there is no chapter file ${chapterPath}.mdx.${s ? ` Did you mean "${s}"?` : ''}`,
			hint: elsewhere || s ? `Link to ${routes.chapter(elsewhere ? name : s!)}${fragment ? `#${fragment}` : ''} (or write the file's path relative to this chapter).` : 'Write the path of a chapter file relative to this chapter, e.g. ./other-chapter.mdx.',
		};
	}
	const anchors = site.chapters.get(slug);
	return fragment && anchors ? checkAnchor(fragment, anchors, `chapter "${slug}"`, `${url.slice(0, hash)}#`) : undefined;
}

function checkLink(url: string, chapter: ChapterFacts, site: Site): Problem | undefined {
	const u = classifyUrl(url);
	if (u.kind === 'anchor') {
		const own = site.chapters.get(chapter.slug);
		return own ? checkAnchor(u.anchor, own, 'this chapter', '#') : undefined;
	}
	if (u.kind === 'relative') {
		// `network-security.mdx`, `../network-security/`, `chapters/network-security#x`: the last path segment.
		const segments = url.split(/[?#]/)[0]!.split('/').filter((p) => p && p !== '.' && p !== '..');
		const slug = (segments.at(-1) ?? '').replace(/\.mdx?$/, '');
		const meant = site.chapters.has(slug) ? slug : suggest(slug, site.chapters.keys());
		return {
			message: 'links inside the course are written from the site root',
			hint: meant ? `Write /chapters/${meant}/${url.includes('#') ? url.slice(url.indexOf('#')) : ''}.` : /^www\./.test(url) ? `Write https://${url}.` : 'Write /chapters/<slug>/ for a chapter, or a full https:// address for another site.',
		};
	}
	if (u.kind !== 'internal') return undefined;

	const match = /^\/chapters\/([^/]*)(\/?)(.*)$/.exec(u.path);
	if (match) {
		const [, raw = '', slash, rest] = match;
		const slug = raw.replace(/\.mdx?$/, '');
		if (!site.chapters.has(slug)) {
			const s = suggest(slug, site.chapters.keys());
			return {
				message: slug ? `there is no chapter "${slug}".${s ? ` Did you mean "${s}"?` : ''}` : 'there is no page listing all chapters',
				hint: s ? `Link to /chapters/${s}/${u.anchor ? `#${u.anchor}` : ''}.` : `Link to one of: ${[...site.chapters.keys()].map((k) => `/chapters/${k}/`).join(', ') || '/'}.`,
			};
		}
		if (slug !== raw || rest || !slash) {
			const fixed = `/chapters/${slug}/${u.anchor ? `#${u.anchor}` : ''}`;
			return { message: rest ? `chapter pages have no sub-pages ("${rest}")` : slug !== raw ? 'chapter URLs have no file extension' : 'chapter URLs end with a slash', hint: `Write ${fixed}.` };
		}
		// A chapter that failed to parse has its own error; its anchors are unknown, so links into it stand down.
		const anchors = site.chapters.get(slug);
		return u.anchor && anchors ? checkAnchor(u.anchor, anchors, `chapter "${slug}"`, `/chapters/${slug}/#`) : undefined;
	}
	const path = u.path.endsWith('/') ? u.path : `${u.path}/`;
	if (!site.pages.has(path)) {
		const known = [...site.pages.keys(), ...[...site.chapters.keys()].map((k) => `/chapters/${k}/`)];
		const s = suggest(u.path, known);
		return { message: `there is no page "${u.path}" in the site.${s ? ` Did you mean "${s}"?` : ''}`, hint: s ? `Link to ${s}.` : `Link to one of: ${[...site.pages.keys()].join(', ')}, or a chapter (/chapters/<slug>/).` };
	}
	if (path !== u.path) return { message: 'page URLs end with a slash', hint: `Write ${path}${u.anchor ? `#${u.anchor}` : ''}.` };
	if (!u.anchor) return undefined;
	const moved = path === routes.practice ? site.practice.get(u.anchor) : undefined;
	if (moved) return { message: `the questions are on each chapter's practice page, and "#${u.anchor}" is on ${moved}`, hint: `Write ${moved}#${u.anchor}.` };
	const pageAnchors = site.pages.get(path);
	if (!pageAnchors) return { message: `the page ${path} has no anchors to link to`, hint: `Link to ${path} without "#${u.anchor}".` };
	return checkAnchor(u.anchor, pageAnchors, `the page ${path}`, `${path}#`, ANCHOR_HELP[path] ?? (path.startsWith('/practice/') ? ANCHOR_HELP.practice : undefined));
}

const ANCHOR_HELP: Record<string, string> = {
	'/matrix/': 'Matrix anchors are control ids from ownership.yaml (/matrix/#ec2.guest-os-patching) or service-<service> (/matrix/#service-ec2).',
	'/glossary/': 'Glossary anchors are term-<id>, where <id> is a flashcard term (/glossary/#term-least-privilege).',
	practice: 'A practice page has the anchors quiz-<id> and term-<id> of its chapter (/practice/shared-responsibility/#quiz-srm-fargate-image).',
};

function checkAnchor(anchor: string, anchors: Set<string>, where: string, prefix: string, help?: string): Problem | undefined {
	if (anchors.has(anchor)) return undefined;
	const s = suggest(anchor, anchors);
	return {
		message: `there is no anchor "#${anchor}" in ${where}.${s ? ` Did you mean "#${s}"?` : ''}`,
		hint: s
			? `Write ${prefix}${s}.`
			: (help ?? 'Anchors are heading ids (## Security groups → #security-groups), #quiz-<id> or #term-<id>; check the heading text.'),
	};
}
