/**
 * Links. Per chapter: every Markdown link, image and link definition is classified (./urls.ts); script URLs
 * and malformed addresses are reported at once, links are recorded in `facts.links`. Per course: every
 * internal link must reach a page that exists and an anchor that exists on that page. External links are not
 * fetched: checks run offline, and a flaky site must never fail a pull request.
 */
import type { Definition, Image, Link } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ChapterFacts } from '../chapter.ts';
import type { CourseCheck } from '../course.ts';
import { diagnostic } from '../../core/diagnostics.ts';
import { suggest } from '../../core/suggest.ts';
import type { CourseRule } from './course-rules.ts';
import type { ChapterRule } from './index.ts';
import { classifyUrl } from './urls.ts';

const WHAT = { link: 'link', image: 'image', definition: 'link definition' } as const;

export const collectLinks: ChapterRule = (tree, ctx) => {
	visit(tree, ['link', 'image', 'definition'], (node) => {
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
		// Images are not pages: their targets are not part of the site's routes (only safety and syntax apply).
		if (n.type === 'image') return;
		const start = n.position?.start;
		ctx.facts.links.push({ url: n.url, line: start?.line ?? 1, column: start?.column ?? 1 });
	});
};

/** The site's pages and the anchors each one has, built once per check from the course. */
interface Site {
	chapters: Map<string, Set<string>>;
	pages: Map<string, Set<string> | undefined>;
}

function siteOf(course: CourseCheck): Site {
	const chapters = new Map<string, Set<string>>();
	for (const c of course.chapters) chapters.set(c.slug, anchorsOf(c));
	const controls = new Set<string>();
	for (const id of course.schema.controls.keys()) {
		controls.add(id);
		controls.add(`service-${id.split('.')[0]}`);
	}
	const terms = new Set(course.chapters.flatMap((c) => c.terms.map((t) => `term-${t.id}`)));
	const quizzes = new Set(course.chapters.flatMap((c) => c.quizzes.map((q) => `quiz-${q.id}`)));
	// Pages outside chapters and the anchors authors may link to (undefined: the page has none to offer).
	const pages = new Map<string, Set<string> | undefined>([
		['/', undefined],
		['/matrix/', controls],
		['/glossary/', terms],
		['/practice/', quizzes],
	]);
	return { chapters, pages };
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
			const problem = checkLink(link.url, c, site);
			if (problem) course.diagnostics.push(diagnostic(c.file, link, 'broken-link', `Broken link "${link.url}": ${problem.message}`, problem.hint));
		}
};

interface Problem {
	message: string;
	hint: string;
}

function checkLink(url: string, chapter: ChapterFacts, site: Site): Problem | undefined {
	const u = classifyUrl(url);
	if (u.kind === 'anchor') return checkAnchor(u.anchor, site.chapters.get(chapter.slug)!, 'this chapter', '#');
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
		const anchors = site.chapters.get(slug);
		if (!anchors) {
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
		return u.anchor ? checkAnchor(u.anchor, anchors, `chapter "${slug}"`, `/chapters/${slug}/#`) : undefined;
	}
	const path = u.path.endsWith('/') ? u.path : `${u.path}/`;
	if (!site.pages.has(path)) {
		const known = [...site.pages.keys(), ...[...site.chapters.keys()].map((k) => `/chapters/${k}/`)];
		const s = suggest(u.path, known);
		return { message: `there is no page "${u.path}" in the site.${s ? ` Did you mean "${s}"?` : ''}`, hint: s ? `Link to ${s}.` : `Link to one of: ${[...site.pages.keys()].join(', ')}, or a chapter (/chapters/<slug>/).` };
	}
	if (path !== u.path) return { message: 'page URLs end with a slash', hint: `Write ${path}${u.anchor ? `#${u.anchor}` : ''}.` };
	if (!u.anchor) return undefined;
	const anchors = site.pages.get(path);
	if (!anchors) return { message: `the page ${path} has no anchors to link to`, hint: `Link to ${path} without "#${u.anchor}".` };
	return checkAnchor(u.anchor, anchors, `the page ${path}`, `${path}#`, ANCHOR_HELP[path]);
}

const ANCHOR_HELP: Record<string, string> = {
	'/matrix/': 'Matrix anchors are control ids from ownership.yaml (/matrix/#ec2.guest-os-patching) or service-<service> (/matrix/#service-ec2).',
	'/glossary/': 'Glossary anchors are term-<id>, where <id> is a flashcard term (/glossary/#term-least-privilege).',
	'/practice/': 'Practice anchors are quiz-<id>, where <id> is a quiz id (/practice/#quiz-ec2-patch-owner).',
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
