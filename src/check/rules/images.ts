/**
 * Local images. `![alt](./diagram.png)` must name, after resolving symbolic links, a file inside the course
 * folder of a raster type the build can size (png, jpg, gif, webp, avif). The file is published under a name
 * made from its content; the page gets its width and height. Nothing else is ever read: no query strings
 * (`?raw`), no paths out of the course, no SVG (it can carry script on the site's own origin).
 */
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { Image } from 'mdast';
import { walk } from '../../core/walk.ts';
import { digest } from '../../core/hash.ts';
import { IMAGE_TYPES, slugify } from '../../core/paths.ts';
import type { ChapterRule } from './index.ts';
import { classifyUrl } from './urls.ts';

/** Largest image file the build reads, in bytes. */
const MAX_IMAGE_BYTES = 20_000_000;
const TYPES = Object.keys(IMAGE_TYPES).map((e) => e.slice(1)).join(', ');

export const localImages: ChapterRule = (tree, ctx) => {
	if (!ctx.courseDir) return;
	let courseReal: string;
	try {
		courseReal = fs.realpathSync(ctx.courseDir);
	} catch {
		return;
	}
	walk(tree, (node) => {
		const n = node as Image;
		const url = n.url;
		const kind = classifyUrl(url).kind;
		if (kind === 'external' || kind === 'unsafe' || kind === 'malformed') return; // other rules
		if (kind === 'internal' || kind === 'anchor') {
			ctx.report(n, 'image-not-found', `Image "${url}" is written from the site root, but images are files of the course`, 'Write the image’s path relative to this chapter, e.g. ![…](./images/diagram.png).');
			return;
		}
		if (/[?#]/.test(url)) {
			ctx.report(n, 'image-type', `Image "${url}" has a query or fragment (\`${url.slice(url.search(/[?#]/))}\`): images are plain files`, 'Remove everything from the `?` or `#` on.');
			return;
		}
		let rel: string;
		try {
			rel = decodeURIComponent(url);
		} catch {
			rel = url;
		}
		const target = path.resolve(path.dirname(ctx.file), rel);
		ctx.facts.deps.push(target);
		const ext = path.extname(target).toLowerCase();
		let real: string | undefined;
		try {
			real = fs.realpathSync(target);
		} catch {}
		const outside = (p: string) => p !== courseReal && !p.startsWith(courseReal + path.sep);
		// Outside the course first: whether such a file exists is none of a chapter's business.
		if (outside(real ?? path.resolve(courseReal, path.relative(ctx.courseDir, target)))) {
			ctx.report(n, 'image-outside-course', `Image "${url}" resolves to a file outside the course folder`, 'Put the image inside the course folder (for example next to the chapter) and link it relatively.');
			return;
		}
		if (!(ext in IMAGE_TYPES)) {
			ctx.report(n, 'image-type', `Image "${url}" is ${ext ? `a ${ext} file` : 'not an image file'}, expected one of ${TYPES}${ext === '.svg' ? ' (SVG can carry scripts, so it is not accepted: export it as PNG or WebP)' : ''}`, `Use a ${TYPES} image.`);
			return;
		}
		if (!real) {
			ctx.report(n, 'image-not-found', `Image "${url}" does not exist (${path.relative(ctx.courseDir, target).split(path.sep).join('/')})`, 'Check the file name and folder; the path is relative to this chapter.');
			return;
		}
		let bytes: Buffer;
		try {
			const stat = fs.statSync(real);
			if (!stat.isFile() || stat.size > MAX_IMAGE_BYTES) throw new Error(stat.isFile() ? 'too large' : 'not a file');
			bytes = fs.readFileSync(real);
		} catch (error) {
			ctx.report(n, 'image-type', `Image "${url}" cannot be used: ${(error as Error).message === 'too large' ? `it is larger than ${MAX_IMAGE_BYTES / 1_000_000} MB` : 'it is not a regular file'}`, 'Use a smaller image file.');
			return;
		}
		let size: { width?: number; height?: number; type?: string };
		try {
			size = imageSize(bytes);
		} catch {
			size = {};
		}
		const expected = ext === '.jpeg' ? 'jpg' : ext.slice(1);
		if (!size.width || !size.height || size.type !== expected) {
			ctx.report(n, 'image-type', `Image "${url}" is not a valid ${expected} file${size.type ? ` (its content is ${size.type})` : ''}`, `Save it again as ${expected}, or give it the extension of its real type.`);
			return;
		}
		const start = n.position?.start;
		ctx.facts.images.push({ url, file: real, width: size.width, height: size.height, digest: digest(bytes), name: slugify(path.basename(real, path.extname(real))) || 'image', ext: expected, line: start?.line ?? 1, column: start?.column ?? 1 });
	}, 'image');
};
