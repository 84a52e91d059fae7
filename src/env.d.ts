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
declare module 'virtual:course/mermaid-client' {}
