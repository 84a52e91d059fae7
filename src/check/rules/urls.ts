/**
 * What a URL written in a chapter is: a script URL (never allowed), a malformed address, a link inside the
 * site (checked against the course), or an external address (not fetched: checks run offline).
 * Shared by the link rule (Markdown links, images, definitions) and the safe-content rule (HTML attributes).
 */

export type UrlKind =
	| { kind: 'unsafe'; scheme: string; why: string }
	| { kind: 'malformed'; reason: string; hint: string }
	| { kind: 'anchor'; anchor: string }
	| { kind: 'internal'; path: string; anchor: string }
	| { kind: 'relative' }
	| { kind: 'external' };

/** Raster image data is inert; every other `data:` URL (HTML, SVG, scripts) can carry a page of its own. */
const INERT_DATA = /^data:image\/(?:png|gif|jpe?g|webp|avif)[;,]/;

/**
 * Browsers drop ASCII tabs and newlines anywhere in a URL and leading/trailing control characters and spaces,
 * and schemes are case-insensitive: `JaVa\tscript:` runs. Normalise the same way before reading the scheme.
 */
export function effectiveScheme(url: string): string | undefined {
	// The URL spec strips exactly these (tab, newline, and C0 controls or spaces at either end). Trimmed by index,
	// not by a regex anchored at the end, which is quadratic on a long run of spaces inside the URL.
	const squashed = trimC0(url.replace(/[\t\n\r]/g, '')).toLowerCase();
	return /^([a-z][a-z0-9+.-]*):/.exec(squashed)?.[1];
}

function trimC0(s: string): string {
	let start = 0;
	let end = s.length;
	while (start < end && s.charCodeAt(start) <= 0x20) start++;
	while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
	return s.slice(start, end);
}

export function unsafeScheme(url: string): { scheme: string; why: string } | undefined {
	const scheme = effectiveScheme(url);
	if (scheme === 'javascript' || scheme === 'vbscript' || scheme === 'livescript')
		return { scheme: `${scheme}:`, why: 'it would run code in the reader’s browser' };
	if (scheme === 'data') {
		const squashed = url.replace(/\s/g, '').toLowerCase();
		if (!INERT_DATA.test(squashed)) {
			const type = /^data:([^;,]*)/.exec(squashed)?.[1] || 'text/plain';
			return { scheme: `data:${type}`, why: 'it opens a document made of arbitrary content, which can run code' };
		}
	}
	return undefined;
}

export function classifyUrl(url: string): UrlKind {
	const unsafe = unsafeScheme(url);
	if (unsafe) return { kind: 'unsafe', ...unsafe };
	if (url.trim() === '') return { kind: 'malformed', reason: 'the link target is empty', hint: 'Write the address between the parentheses: [text](https://…) or [text](/chapters/<slug>/).' };
	if (/\s/.test(url)) return { kind: 'malformed', reason: 'it contains a space', hint: 'Remove the space, or encode it as %20.' };
	if (url.startsWith('#')) return { kind: 'anchor', anchor: decode(url.slice(1)) };
	if (url.startsWith('//')) return checkAbsolute(`https:${url}`, url);
	if (url.startsWith('/')) {
		const hash = url.indexOf('#');
		const before = hash === -1 ? url : url.slice(0, hash);
		return { kind: 'internal', path: before.replace(/\?.*$/, ''), anchor: hash === -1 ? '' : decode(url.slice(hash + 1)) };
	}
	const scheme = effectiveScheme(url);
	if (!scheme) return { kind: 'relative' };
	return checkAbsolute(url, url);
}

function checkAbsolute(url: string, written: string): UrlKind {
	const scheme = effectiveScheme(url)!;
	if (scheme === 'http' || scheme === 'https') {
		// `new URL` repairs `https:/x.com` and `https:x.com`; a browser would too, but it is almost always a typo.
		if (!/^https?:\/\//i.test(url)) return { kind: 'malformed', reason: `expected \`${scheme}://\` at the start`, hint: `Write ${scheme}://${url.replace(/^https?:\/*/i, '')}.` };
		if (/^https?:\/\/(?:[/?#]|$)/i.test(url)) return { kind: 'malformed', reason: `there is no host after \`${scheme}://\``, hint: 'Write the full address, e.g. https://example.org/docs/….' };
	}
	if (scheme === 'mailto' && !/^mailto:[^@\s]+@[^@\s]+$/i.test(url.split('?')[0]!))
		return { kind: 'malformed', reason: 'it is not a mail address', hint: 'Write mailto:name@example.com.' };
	try {
		new URL(url);
	} catch {
		return { kind: 'malformed', reason: 'it cannot be parsed as a URL', hint: `Check the address${written.startsWith('//') ? '' : ' (scheme, host, brackets)'}; copy it again from the browser's address bar.` };
	}
	return { kind: 'external' };
}

function decode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}
