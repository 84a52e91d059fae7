/**
 * Chapter rules beyond the directives (safe content, links, diagrams): one module per rule, each a function
 * over the parsed chapter that reports through the context. Course rules see every chapter at once.
 */
import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { ChapterFacts } from '../chapter.ts';
import type { RuleId } from '../diagnostics.ts';

export interface ChapterRuleContext {
	file: string;
	facts: ChapterFacts;
	report(node: Node | undefined, ruleId: RuleId, message: string, hint?: string): void;
}

export type ChapterRule = (tree: Root, ctx: ChapterRuleContext) => void;

export const CHAPTER_RULES: ChapterRule[] = [];
