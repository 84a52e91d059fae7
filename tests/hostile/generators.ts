/**
 * Chapters too big or too regular to commit, written by the runner when a case's `generate:` names them.
 * Each returns the whole file; the attack starts on line 7 (after five lines of frontmatter and a blank).
 */

const frontmatter = (title: string, order: number) => `---\ntitle: ${title}\ndescription: A generated hostile chapter.\norder: ${order}\n---\n\n`;

/** Orders far above the bundled course's and the fixtures' own, so generated chapters never clash. */
const ORDER = 900;

export const GENERATORS: Record<string, () => string | Buffer> = {
	/** 10,000 `*` on each side of a word: 5,000 levels of nested strong/emphasis on line 7. */
	'nested-emphasis': () => `${frontmatter('Nested emphasis', ORDER + 1)}${'*'.repeat(10_000)}deep${'*'.repeat(10_000)}\n`,

	/** 50 MB of ordinary prose: paragraphs of a sentence repeated, well-formed all the way down. */
	'chapter-50mb': () => {
		const paragraph = `${'Security in the cloud is the part you configure, patch and monitor. '.repeat(30)}\n\n`;
		const head = frontmatter('Fifty megabytes', ORDER + 2);
		const count = Math.ceil((50 * 1024 * 1024 - head.length) / paragraph.length);
		return Buffer.from(head + paragraph.repeat(count));
	},

	/**
	 * 500 levels of a :::note inside a block quote inside a :::note … (line i opens level i with i `>`), then
	 * the closing fences in reverse: about 250 KB.
	 */
	'nested-quotes': () => {
		const depth = 500;
		const open = Array.from({ length: depth }, (_, i) => `${'>'.repeat(i + 1)}:::note`);
		const close = Array.from({ length: depth }, (_, i) => `${'>'.repeat(depth - i)}:::`);
		return `${frontmatter('Nested quotes', ORDER + 3)}${open.join('\n')}\nThe innermost note.\n${close.join('\n')}\n`;
	},

	/** 1,000 headings of ~180 characters, then 1,000 links to anchors that are near misses of none of them. */
	'broken-anchors': () => {
		const words = 'security of the cloud is the part aws runs while security in the cloud is the part you configure patch and monitor';
		const headings = Array.from({ length: 1000 }, (_, i) => `## Section ${i} ${words} ${i}\n\nText of section ${i}.\n`);
		const links = Array.from({ length: 1000 }, (_, i) => `See [part ${i}](#missing-${i}-${words.replaceAll(' ', '-')}).`);
		return `${frontmatter('Broken anchors', ORDER + 4)}${headings.join('\n')}\n${links.join('\n\n')}\n`;
	},

	/** A Markdown link whose URL holds 200,000 spaces (angle brackets allow spaces in a link destination). */
	'spaces-in-link': () => `${frontmatter('Spaces in a link', ORDER + 5)}Read [the guide](<https://example.com/${' '.repeat(200_000)}x>).\n`,

	/** The same run of spaces in the `cite` URL of a `<q>` (an element and attribute the default policy allows). */
	'spaces-in-cite': () => `${frontmatter('Spaces in a cite URL', ORDER + 6)}<q cite="https://example.com/${' '.repeat(200_000)}x">A quotation</q>\n`,
};
