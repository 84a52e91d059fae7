/**
 * Diagrams (src/render/chapter.ts renders each as `figure[data-diagram]` holding its Mermaid source, hidden, and
 * its text alternative). Mermaid is large (about 195 KB gzip), so it is imported only when the first diagram
 * comes within a screen or so of the viewport, and each diagram is drawn when it gets there.
 *
 * A drawn diagram shrinks to the column only down to 12 px text; where that is not enough (a phone), it keeps
 * that size and scrolls sideways inside its frame. The frame is an image named by the text alternative.
 * Colours come from the site's palette (the CSS custom properties of the current theme), and a change of theme
 * redraws every drawn diagram.
 */
import { MERMAID, normaliseBase, withBase } from '../core/routes.ts';
import { watchOverflow } from './overflow.ts';

type Mermaid = (typeof import('mermaid'))['default'];
/**
 * Mermaid's own prebuilt ES module, published by the integration (src/integration/mermaid.ts) and imported by
 * URL: Vite does not bundle it, which saved every build seconds and hundreds of MB.
 */
const MERMAID_URL = withBase(normaliseBase(import.meta.env.BASE_URL ?? '/'), MERMAID.entry);
let mermaid: Promise<Mermaid> | undefined;
let counter = 0;

/** The smallest a diagram is drawn: 12 px text (Mermaid writes 16 px). */
const MIN_SCALE = 0.75;
/** How far outside the viewport a diagram starts loading: about a phone screen's height. */
const NEAR = '900px 0px';

export function enhanceDiagrams(root: ParentNode = document) {
	const figures = [...root.querySelectorAll<HTMLElement>('figure[data-diagram]')];
	if (!figures.length) return;
	const near = new IntersectionObserver(
		(entries) => {
			for (const entry of entries) {
				if (!entry.isIntersecting) continue;
				near.unobserve(entry.target);
				void draw(entry.target as HTMLElement);
			}
		},
		{ rootMargin: NEAR },
	);
	for (const figure of figures) near.observe(figure);
	new MutationObserver(() => {
		for (const figure of figures) if (figure.dataset.rendered) void draw(figure);
	}).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}

/** The figure's text alternative: its `.diagram__alt` paragraph without the "Diagram:" label. */
function altOf(figure: HTMLElement): string {
	const p = figure.querySelector('.diagram__alt');
	if (!p) return '';
	return [...p.childNodes]
		.filter((n) => !(n instanceof HTMLElement && n.classList.contains('diagram__label')))
		.map((n) => n.textContent ?? '')
		.join('')
		.trim();
}

async function draw(figure: HTMLElement) {
	const source = figure.querySelector('pre.mermaid')?.textContent ?? '';
	const m = await (mermaid ??= (import(/* @vite-ignore */ MERMAID_URL) as Promise<{ default: Mermaid }>).then((module) => module.default));
	m.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'base', ...palette(), flowchart: { useMaxWidth: false, htmlLabels: true } });
	let svg: string;
	try {
		({ svg } = await m.render(`diagram-${++counter}`, source));
	} catch {
		// The checker parsed every diagram, so this is unexpected: leave the text alternative (or the source) shown.
		return;
	}
	let view = figure.querySelector<HTMLElement>('.diagram__view');
	if (!view) {
		view = document.createElement('div');
		view.className = 'diagram__view';
		view.setAttribute('role', 'img');
		view.setAttribute('aria-label', altOf(figure) || figure.dataset.name || '');
		figure.prepend(view);
		watchOverflow(view, { focusable: true, hint: figure.dataset.scrollHint ?? '' });
	}
	view.innerHTML = svg;
	const drawn = view.querySelector('svg');
	if (drawn) {
		drawn.setAttribute('aria-hidden', 'true');
		// Fit the column while the text stays at 12 px or more (three quarters of its natural 16 px); below that,
		// keep that size and scroll sideways. Never larger than natural.
		const natural = drawn.viewBox.baseVal?.width || drawn.getBoundingClientRect().width;
		if (natural) Object.assign(drawn.style, { width: '100%', maxWidth: `${natural}px`, minWidth: `${Math.ceil(natural * MIN_SCALE)}px` });
	}
	// A diagram wider than its frame opens at its middle, where a top-down chart has its first node.
	view.scrollLeft = (view.scrollWidth - view.clientWidth) / 2;
	for (const el of figure.querySelectorAll<HTMLElement>('pre.mermaid, .diagram__alt')) el.hidden = true;
	figure.dataset.rendered = 'true';
}

/** Mermaid's `base` theme in the site's colours, read from the current theme's custom properties. */
function palette() {
	const css = getComputedStyle(document.documentElement);
	const v = (name: string) => css.getPropertyValue(name).trim();
	const surface = v('--surface');
	const text = v('--text');
	return {
		themeVariables: {
			darkMode: document.documentElement.dataset.theme === 'dark',
			fontFamily: v('--font-body'),
			fontSize: '16px',
			background: surface,
			primaryColor: v('--accent-soft'),
			primaryTextColor: text,
			primaryBorderColor: v('--accent'),
			secondaryColor: v('--surface-2'),
			tertiaryColor: surface,
			mainBkg: v('--accent-soft'),
			nodeBorder: v('--accent'),
			nodeTextColor: text,
			textColor: text,
			titleColor: text,
			lineColor: v('--muted'),
			clusterBkg: v('--surface-2'),
			clusterBorder: v('--border'),
			edgeLabelBackground: surface,
		},
		// Edge labels sit on a half-transparent box by default, over the lines: an opaque one keeps their contrast.
		themeCSS: `.labelBkg, .edgeLabel, .edgeLabel p { background-color: ${surface}; color: ${text}; }`,
	};
}
