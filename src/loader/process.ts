/**
 * One chapter through the whole pipeline: read → check → render, from one tree. The result (a record) is plain
 * data: it is cached by content, sent between threads, and read by the pages. A chapter with errors is not
 * rendered (nothing is built while any error remains).
 */
import fs from 'node:fs';
import { type ChapterEnv, checkChapter } from '../check/chapter.ts';
import type { ChapterSource } from '../check/discover.ts';
import { applySeverity } from '../check/severity.ts';
import { localePath, withBase } from '../core/routes.ts';
import { createUi, type UiStrings } from '../i18n/index.ts';
import { renderChapter } from '../render/chapter.ts';
import type { ChapterRecord } from './record.ts';
import type { PublishedImage } from '../render/render.ts';

export type { ChapterRecord } from './record.ts';

export interface ProcessOptions {
	base: string;
	/** Render the chapter too (the CLI check does, so that a clean check guarantees a build). */
	render: boolean;
}

/** Where a local image is published: a name from its content, so a changed image never shows stale. */
export const publishedPath = (image: { digest: string; name: string; ext: string }) => `/_course/${image.name}.${image.digest.slice(0, 12)}.${image.ext}`;

export async function processChapter(source: ChapterSource, bytes: Uint8Array, env: ChapterEnv, options: ProcessOptions, key: string): Promise<ChapterRecord> {
	const checked = checkChapter(source, bytes, env);
	const diagnostics = applySeverity(checked.diagnostics, env.rules);
	const record: ChapterRecord = { key, facts: checked.facts, diagnostics };
	// Render only what checked clean against a schema that loaded: renderers rely on every tag naming a control.
	if (options.render && env.schema.loaded && checked.tree && !diagnostics.some((d) => d.severity === 'error')) {
		const images = new Map<string, PublishedImage>(checked.facts.images.map((i) => [i.url, { src: withBase(options.base, publishedPath(i)), width: i.width, height: i.height }]));
		// Links go to the pages of the locale the chapter is shown in; images are the course's, under the base.
		const page = env.page;
		const base = page ? withBase(options.base, localePath(page.prefix, '/')) : options.base;
		const ui = page ? createUi(page.lang, page.ui as UiStrings) : undefined;
		const { html, ...fragments } = await renderChapter(checked.tree, { schema: page?.schema ?? env.schema, base, ui, policy: env.policy, images });
		record.rendered = fragments;
		record.html = html;
	}
	return record;
}

export const readChapter = (file: string): Uint8Array => fs.readFileSync(file);
