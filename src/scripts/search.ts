/** Loads Pagefind's component UI on first use and opens its modal. */
let ready: Promise<HTMLElement> | undefined;

function load(base: string): Promise<HTMLElement> {
	ready ??= new Promise((resolve, reject) => {
		const css = document.createElement('link');
		css.rel = 'stylesheet';
		css.href = `${base}pagefind/pagefind-component-ui.css`;
		document.head.append(css);
		const config = document.createElement('pagefind-config');
		config.setAttribute('bundle-path', `${base}pagefind/`);
		const modal = document.createElement('pagefind-modal');
		modal.innerHTML = `<pagefind-modal-header><pagefind-input placeholder="Search the course"></pagefind-input></pagefind-modal-header>
<pagefind-modal-body><pagefind-filter-dropdown filter="chapter" label="Chapter"></pagefind-filter-dropdown><pagefind-filter-dropdown filter="owner" label="Owner"></pagefind-filter-dropdown><pagefind-filter-dropdown filter="type" label="Type"></pagefind-filter-dropdown><pagefind-summary></pagefind-summary><pagefind-results></pagefind-results></pagefind-modal-body>
<pagefind-modal-footer><pagefind-keyboard-hints></pagefind-keyboard-hints></pagefind-modal-footer>`;
		document.body.append(config, modal);
		const script = document.createElement('script');
		script.type = 'module';
		script.src = `${base}pagefind/pagefind-component-ui.js`;
		script.onload = () => customElements.whenDefined('pagefind-modal').then(() => resolve(modal));
		script.onerror = () => reject(new Error('Search is unavailable (the Pagefind bundle did not load).'));
		document.head.append(script);
	});
	return ready;
}

export async function openSearch(base: string) {
	const modal = (await load(base)) as HTMLElement & { open?: () => void };
	// The element upgrades asynchronously; wait a frame so its dialog exists.
	requestAnimationFrame(() => modal.open?.());
}
