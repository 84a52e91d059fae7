/**
 * The words of prose, as the untagged-claim rules and the practice pages' section finder read them. `stemsOf`
 * is the fast path for phrases and whole sections: it must give exactly the stems `sentencesOf` gives the words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentencesOf, stemsOf } from '../../src/check/rules/claims/tokens.ts';

const wordStems = (text: string) => sentencesOf(text).flatMap((s) => s.tokens.flatMap((t) => (t.kind === 'word' ? t.stems : [])));

describe('stemsOf', () => {
	it('joins a party and "managed" or "owned" into one name, unless a mark or a possessive comes between', () => {
		expect(stemsOf('AWS managed keys')).toEqual(['aw-manag', 'kei']);
		expect(stemsOf('customer owned, AWS. Managed')).toEqual(['custom-own', 'aw', 'manag']);
		expect(stemsOf("the customers' managed keys")).toEqual(['the', 'custom', 'manag', 'kei']);
		expect(stemsOf('patch managed runtimes')).toEqual(['patch', 'manag', 'runtim']);
	});

	it('spells out abbreviations and splits compounds', () => {
		expect(stemsOf('OS patches for SSE-S3')).toEqual(['oper', 'system', 'patch', 'for', 'sse', 's3']);
	});

	it('gives the stems sentencesOf gives the words, on every line of the bundled course', () => {
		const dir = path.join(import.meta.dirname, '../../content/chapters');
		const lines = fs.readdirSync(dir).flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'));
		expect(lines.length).toBeGreaterThan(500);
		for (const line of lines) expect(stemsOf(line)).toEqual(wordStems(line));
	});
});
