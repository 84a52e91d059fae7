/**
 * The header menu (src/components/MenuButton.astro): the button toggles `aria-expanded`, and the styles show the
 * course links as a panel while it is true. Escape closes it and returns focus to the button; so do a click
 * outside and following a link. Wide screens show the links in the header whatever the button says.
 */
export function enhanceMenu() {
	const button = document.querySelector<HTMLButtonElement>('[data-menu-toggle]');
	const nav = document.querySelector<HTMLElement>('[data-site-menu]');
	if (!button || !nav) return;
	const isOpen = () => button.getAttribute('aria-expanded') === 'true';
	const set = (open: boolean) => button.setAttribute('aria-expanded', String(open));
	button.addEventListener('click', () => {
		set(!isOpen());
		if (isOpen()) nav.querySelector('a')?.focus();
	});
	document.addEventListener('keydown', (e) => {
		if (e.key !== 'Escape' || !isOpen()) return;
		set(false);
		button.focus();
	});
	document.addEventListener('click', (e) => {
		if (isOpen() && !nav.contains(e.target as Node) && !button.contains(e.target as Node)) set(false);
	});
	nav.addEventListener('click', (e) => {
		if ((e.target as Element).closest('a')) set(false);
	});
}
