/**
 * The trusted path: a course whose maintainers set `policy: { allowMdx: true }` has chapters that are code
 * (imports, expressions, components). Those chapters are still checked by the pipeline, and then compiled by
 * @astrojs/mdx, with this project's directives rendered by a remark plugin inside it. Such a course must never
 * build untrusted pull requests with secrets in the environment (CONTRIBUTING.md).
 */
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import type { HookParameters } from 'astro';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import type { VFile } from 'vfile';
import type { SiteOptions } from '../config/site.ts';
import { createUi } from '../i18n/index.ts';
import { createRenderContext, renderTree } from '../render/render.ts';
import type { LoadedCourse } from '../loader/pipeline.ts';
import { published } from '../loader/store.ts';

export function trustedMdx(params: HookParameters<'astro:config:setup'>, site: SiteOptions, loaded: LoadedCourse) {
	const key = `${site.courseDir}\0${site.base}`;
	const files = new Set(loaded.check.chapters.map((c) => c.file));
	params.updateConfig({
		integrations: [mdx({ optimize: true })],
		markdown: { processor: unified({ remarkPlugins: [remarkDirective, [remarkCourseTrusted, { key, files }]] as never }) },
	});
}

/** Render the directives of a trusted chapter inside MDX's pipeline (MDX parses it; the pipeline checked it). */
function remarkCourseTrusted(options: { key: string; files: ReadonlySet<string> }) {
	return (tree: Root, file: VFile) => {
		if (!file.path || !options.files.has(file.path)) return;
		const { course } = published(options.key);
		renderTree(tree, createRenderContext({ schema: course.check.schema, base: course.base, ui: createUi(course.model.language, course.model.ui) }));
	};
}
