/**
 * Loads Pagefind's component UI on first use and opens its modal. Results say what they are and where they
 * live ("Quiz · Chapter 2 · Identity and access › Roles") and list the matching sections of a chapter as deep
 * links to their headings. Filters: chapter, owner (the course's parties and Shared) and content type. Pagefind
 * searches the index of the page's `<html lang>`, so a reader of a translation searches that translation.
 */
import type { Translate } from './ui.ts';

let ready: Promise<HTMLElement> | undefined;

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
{{#if excerpt}}<p class="pf-result-excerpt">{{+ excerpt +}}</p>{{/if}}
</div></div>
{{#if sub_results}}<ul class="pf-heading-chips">{{#each sub_results as sub}}<li class="pf-heading-chip"><a class="pf-heading-link" href="{{ sub.url | safeUrl }}"><span class="visually-hidden">${escapeAttr(t('search.section'))} </span>{{ sub.title }}</a><p class="pf-heading-excerpt">{{+ sub.excerpt +}}</p></li>{{/each}}</ul>{{/if}}
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
		script.onload = () => customElements.whenDefined('pagefind-modal').then(() => resolve(modal));
		script.onerror = () => {
			ready = undefined; // let a later attempt retry
			reject(new Error(t('search.notLoaded')));
		};
		document.head.append(script);
	});
	return ready;
}

export async function openSearch(base: string, t: Translate) {
	const modal = (await load(base, t)) as HTMLElement & { open?: () => void };
	// The element upgrades asynchronously; wait a frame so its dialog exists.
	requestAnimationFrame(() => modal.open?.());
}
