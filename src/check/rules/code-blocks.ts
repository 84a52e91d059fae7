/**
 * `code-meta`: the options after a code block's language (src/syntax/code-meta.ts) must be ones the site
 * shows — a title, lines to highlight that the block has, line numbers; on a Mermaid diagram only `alt="…"`.
 * Anything else would be dropped silently, so it is reported at its column on the fence line, with what to
 * write instead.
 */
import type { Code } from 'mdast';
import { walk } from '../../core/walk.ts';
import { codeLines, parseCodeMeta } from '../../syntax/code-meta.ts';
import { diagramMetaProblems } from '../../syntax/fence.ts';
import type { ChapterRule } from './index.ts';

export const codeBlocks: ChapterRule = (tree, ctx) => {
	walk(
		tree,
		(node) => {
			const code = node as Code;
			if (!code.meta?.trim() || !code.position) return;
			const { line, column, offset } = code.position.start;
			// The fence line as written (inside a list or a quote it is indented or prefixed): where the options start.
			const lineStart = offset === undefined ? 0 : ctx.source.lastIndexOf('\n', offset - 1) + 1;
			const lineEnd = ctx.source.indexOf('\n', lineStart);
			const fence = ctx.source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
			const at = fence.indexOf(code.meta, column - 1);
			const place = (o: number) => ({ type: 'code', position: { start: { line, column: at === -1 ? column : at + o + 1 }, end: { line, column } } });
			// A diagram has no title, highlights or line numbers: its one option is its text alternative (`diagram-no-alt`).
			const problems = code.lang === 'mermaid' ? diagramMetaProblems(code.meta) : parseCodeMeta(code.meta, codeLines(code.value)).problems;
			for (const p of problems) ctx.report(place(p.offset), 'code-meta', p.message, p.hint);
		},
		'code',
	);
};
