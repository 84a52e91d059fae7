/// <reference types="astro/client" />
declare module 'virtual:course-site/key' {
	const key: string;
	export default key;
}
declare module 'virtual:course-site/mdx' {
	/** Chapters compiled by @astrojs/mdx (only in courses with `policy.allowMdx`), by slug. */
	const chapters: Record<string, () => Promise<{ default: import('astro').AstroComponentFactory }>>;
	export default chapters;
}
declare module 'virtual:course-site/ui' {
	/** The browser scripts' interface strings, by `<html lang>` of each locale of the site (src/i18n). */
	const tables: Record<string, Record<string, import('./core/messages.ts').Message>>;
	export default tables;
}
declare module 'virtual:course-site/parties.css' {}
