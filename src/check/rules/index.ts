/**
 * Rules beyond the directives: one module per rule. Chapter rules run over each parsed chapter and report
 * through the context (safe content, links, diagrams); course rules run once over every chapter's facts
 * (./course-rules.ts for the study path, quizzes and glossary; the ones below for links, diagrams and the
 * safe-content policy notice).
 */
import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { ChapterFacts } from '../chapter.ts';
import type { RuleId } from '../../core/diagnostics.ts';
import { COURSE_RULES as LANGUAGE_RULES, type CourseRule } from './course-rules.ts';
import { codeBlocks } from './code-blocks.ts';
import { diagramAlt } from './diagram-alt.ts';
import { collectLinks, internalLinks } from './links.ts';
import { mermaidSyntax } from './mermaid.ts';
import type { ContentPolicy } from '../../config/policy.ts';
import type { OwnershipSchema } from '../../schema/ownership.ts';
import { policyNotice } from './policy-notice.ts';
import { localImages } from './images.ts';
import { quizAnswerOwner } from './quiz-answer-owner.ts';
import { safeContent } from './safe-content.ts';
import { untaggedClaims } from './untagged-claims.ts';

export interface ChapterRuleContext {
	file: string;
	/** The course folder (relative images must stay inside it). Empty when a chapter is checked on its own. */
	courseDir: string;
	/** The chapter's text (positions of things the tree does not place, such as JSX attributes). */
	source: string;
	facts: ChapterFacts;
	/** The course's safe-content policy (course.yaml `policy:`), strict unless a maintainer loosened it. */
	policy: ContentPolicy;
	/** The language the chapter is written in (a BCP 47 tag). */
	language: string;
	schema: OwnershipSchema;
	report(node: Node | undefined, ruleId: RuleId, message: string, hint?: string): void;
}

export type ChapterRule = (tree: Root, ctx: ChapterRuleContext) => void;

/** The prose rules (untagged claims, quiz answers) read English sentences; in other languages they stand down. */
export const readsEnglish = (language: string) => /^en(?:-|$)/i.test(language);

export const CHAPTER_RULES: ChapterRule[] = [safeContent, collectLinks, localImages, codeBlocks, diagramAlt, untaggedClaims, quizAnswerOwner];

/** Every course rule, in order: the language's, then links (they need every chapter's headings), diagrams, the policy notice. */
export const ALL_COURSE_RULES: CourseRule[] = [...LANGUAGE_RULES, internalLinks, mermaidSyntax, policyNotice];
