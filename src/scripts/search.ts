/**
 * Loads Pagefind's component UI on first use and opens its modal. Results say what they are and where they
 * live ("Quiz · Chapter 2 · Identity and access › Roles") and list the matching sections of a chapter as deep
 * links to their headings. Filters: chapter, owner (the course's parties and Shared) and content type. Pagefind
 * searches the index of the page's `<html lang>`, so a reader of a translation searches that translation.
 */
import type { Translate } from './ui.ts';

let ready: Promise<HTMLElement> | undefined;

/**
 * Pagefind's ranking at search time, with the index's weights (src/integration/pagefind.ts): a chapter section
 * outranks a quiz, flashcard or control record that uses the same words. Pagefind normally boosts a match in a
 * result's title five times and scores long pages down hard; a record's title is most of the record, and a
 * chapter is long. Here a title counts half as much, length counts less, and the labels shown on a result
 * (`kind`, `chapter`, `section`) are not matched at all. Every search of the site uses this (tests included).
 */
export const SEARCH_RANKING = { pageLength: 0.3, metaWeights: { title: 0.5, kind: 0, chapter: 0, section: 0 } } as const;

/**
 * The result template (Pagefind's template language; `{{ }}` escapes, `{{+ +}}` is Pagefind's own excerpt HTML).
 * Our own classes must not start with `pf-`: Pagefind's stylesheet resets every `pf-*` element.
 * `meta.kind`, `meta.chapter` and `meta.section` come from chapter pages and from the quiz, flashcard and
 * control records (src/integrations/pagefind.ts).
 */
export const resultTemplate = (t: Translate) => `<li class="pf-result">
<div class="pf-result-card"><div class="pf-result-content">
{{#if meta.kind}}<p class="result-kind">{{ meta.kind }}{{#if meta.chapter}} · {{ meta.chapter }}{{/if}}{{#if meta.section}} › {{ meta.section }}{{/if}}</p>{{/if}}
<p class="pf-result-title"><a class="pf-result-link" href="{{ meta.url | default(url) | safeUrl }}">{{ meta.title }}</a></p>
{{#if excerpt}}<p class="result-excerpt">{{+ excerpt +}}</p>{{/if}}
</div></div>
{{#if sub_results}}<ul class="pf-heading-chips">{{#each sub_results as sub}}<li class="pf-heading-chip"><a class="pf-heading-link" href="{{ sub.url | safeUrl }}"><span class="visually-hidden">${escapeAttr(t('search.section'))} </span>{{ sub.title }}</a><p class="result-excerpt result-excerpt--sub">{{+ sub.excerpt +}}</p></li>{{/each}}</ul>{{/if}}
</li>`;

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function load(base: string, t: Translate): Promise<HTMLElement> {
	ready ??= new Promise((resolve, reject) => {
		const css = document.createElement('link');
		css.rel = 'stylesheet';
		css.href = `${base}pagefind/pagefind-component-ui.css`;
		document.head.append(css);
		const config = document.createElement('pagefind-config');
		config.setAttribute('bundle-path', `${base}pagefind/`);
		// About two lines of the result card.
		config.setAttribute('excerpt-length', '24');
		const modal = document.createElement('pagefind-modal');
		const attr = (key: string) => escapeAttr(t(key));
		modal.innerHTML = `<pagefind-modal-header><pagefind-input placeholder="${attr('search.placeholder')}"></pagefind-input></pagefind-modal-header>
<pagefind-modal-body><div class="search-filters"><pagefind-filter-dropdown filter="chapter" label="${attr('search.filterChapter')}"></pagefind-filter-dropdown><pagefind-filter-dropdown filter="owner" label="${attr('search.filterOwner')}"></pagefind-filter-dropdown><pagefind-filter-dropdown filter="type" label="${attr('search.filterType')}"></pagefind-filter-dropdown></div><pagefind-summary></pagefind-summary><pagefind-results><script type="text/pagefind-template"></script></pagefind-results></pagefind-modal-body>
<pagefind-modal-footer><pagefind-keyboard-hints></pagefind-keyboard-hints></pagefind-modal-footer>`;
		// Set as text, not parsed as HTML: the template is data for Pagefind.
		const template = modal.querySelector('script[type="text/pagefind-template"]');
		if (template) template.textContent = resultTemplate(t);
		document.body.append(config, modal);
		const script = document.createElement('script');
		script.type = 'module';
		script.src = `${base}pagefind/pagefind-component-ui.js`;
		script.onload = () =>
			customElements.whenDefined('pagefind-modal').then(() => {
				const components = (window as unknown as { PagefindComponents?: PagefindComponents }).PagefindComponents;
				components?.configureInstance('default', { ranking: SEARCH_RANKING });
				labelFilters(modal);
				if (components) countSelected(modal, components.getInstanceManager().getInstance('default'), t);
				addEventListener('keydown', escapeClosesDropdown, { capture: true });
				resolve(modal);
			});
		script.onerror = () => {
			ready = undefined; // let a later attempt retry
			reject(new Error(t('search.notLoaded')));
		};
		document.head.append(script);
	});
	return ready;
}

/**
 * The filter dropdowns are comboboxes, which take no name from their text; Pagefind names them only while a
 * value is selected ("Owner, 1 filter selected"). Give each its label whenever it has no name.
 */
function labelFilters(modal: HTMLElement) {
	const label = () => {
		for (const trigger of modal.querySelectorAll<HTMLElement>('.pf-dropdown-trigger:not([aria-label])')) {
			const text = trigger.querySelector('.pf-dropdown-trigger-label')?.textContent?.trim();
			if (text) trigger.setAttribute('aria-label', text);
		}
	};
	new MutationObserver(label).observe(modal, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
	label();
}

interface PagefindInstance {
	on(event: 'results', callback: (result: { results?: unknown[] }) => void): void;
	on(event: 'filters', callback: () => void): void;
}
interface PagefindComponents {
	configureInstance(name: string, options: object): void;
	getInstanceManager(): { getInstance(name: string): PagefindInstance };
}

/**
 * Filter options. Their counts follow the other filters: Pagefind counts an unselected option with every
 * filter applied (right), but a selected one as if no other filter were set; with filters combined by AND, a
 * selected option matches exactly the current results, so it shows that number. And an option's name starts
 * with the words it shows ("Quiz 3 results", not "Quiz, 3 results" for a visible "Quiz 3"), so speech input
 * can say what it sees.
 */
function countSelected(modal: HTMLElement, instance: PagefindInstance, t: Translate) {
	let count = 0;
	const patch = () =>
		requestAnimationFrame(() => {
			for (const option of modal.querySelectorAll<HTMLElement>('pagefind-filter-dropdown [role="option"]')) {
				const shown = option.querySelector('.pf-dropdown-option-count');
				const value = option.querySelector('.pf-dropdown-option-label')?.textContent ?? '';
				const n = option.getAttribute('aria-selected') === 'true' ? count : Number.parseInt(shown?.textContent ?? '', 10) || 0;
				if (shown) shown.textContent = ` ${n}`;
				option.setAttribute('aria-label', t('search.optionName', { value, count: n }));
			}
		});
	instance.on('results', (result) => {
		count = result.results?.length ?? 0;
		patch();
	});
	instance.on('filters', patch);
}

/**
 * Escape in an open filter dropdown closes that dropdown only. Pagefind's dialog listens for Escape before the
 * dropdown does (in the capture phase) and closes the whole search; this listener, on the window, runs first.
 */
function escapeClosesDropdown(e: KeyboardEvent) {
	if (e.key !== 'Escape') return;
	const open = document.querySelector('pagefind-modal .pf-dropdown-trigger[aria-expanded="true"]')?.closest('pagefind-filter-dropdown') as (HTMLElement & { close?: () => void }) | null;
	if (!open?.close) return;
	e.preventDefault();
	e.stopPropagation();
	open.close();
}

export async function openSearch(base: string, t: Translate) {
	const modal = (await load(base, t)) as HTMLElement & { open?: () => void };
	// The element upgrades asynchronously; wait a frame so its dialog exists.
	requestAnimationFrame(() => modal.open?.());
}
