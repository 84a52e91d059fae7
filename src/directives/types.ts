import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Node } from 'unist';
import type { RuleId } from '../core/diagnostics.ts';
import type { Ui } from '../i18n/index.ts';
import type { Owner, OwnershipSchema } from '../schema/ownership.ts';

export type DirectiveNode = ContainerDirective | LeafDirective | TextDirective;
export type DirectiveKind = DirectiveNode['type'];

export interface AttributeSpec {
	type: 'ref' | 'owner' | 'string' | 'id' | 'flag' | 'refs';
	required?: boolean;
	doc: string;
}

/** A tag: one ownership claim found in a chapter, checked against the schema and indexed for the matrix. */
export interface TagFact {
	ref: string;
	owner: Owner;
	kind: 'inline' | 'block' | 'quiz' | 'card';
	text: string;
	section?: string | undefined;
	line: number;
}

export interface QuizFact {
	id: string;
	ref?: string | undefined;
	owner?: Owner | undefined;
	/** The heading the quiz is under. */
	section?: string | undefined;
	/** The section that teaches what the quiz asks (src/check/teaching.ts): where review links go. */
	teaches?: string | undefined;
	line: number;
	column: number;
}

export interface TermFact {
	id: string;
	front: string;
	back: string;
	line: number;
	column: number;
}

export interface TermUse {
	id: string;
	line: number;
	column: number;
}

/** What the checker collects from a chapter as it walks it (cross-chapter rules read these). */
export interface CheckCollector {
	tags: TagFact[];
	quizzes: QuizFact[];
	terms: TermFact[];
	termUses: TermUse[];
}

export interface CheckContext {
	file: string;
	/** The chapter's text: directives that are prose (`re:Invent`) keep their exact source. */
	source: string;
	schema: OwnershipSchema;
	collect: CheckCollector;
	/** Id of the heading the node is under, for links back to the section. */
	section: string | undefined;
	report(node: Node, ruleId: RuleId, message: string, hint?: string): void;
}

export interface GlossaryEntry {
	id: string;
	front: string;
	/** Plain-text definition, for tooltips. */
	text: string;
	chapter: string;
}

export interface RenderContext {
	/** The schema as the page's language shows it (a translation's titles, notes, splits and party labels). */
	schema: OwnershipSchema;
	/** Base path of the pages the chapter links to, with trailing slash: `/`, `/course/`, or a locale's `/de/`. */
	base: string;
	/** The interface strings of the page's language. */
	ui: Ui;
	/** Counter for ids that must be unique on a page. */
	nextId(prefix: string): string;
}

export interface DirectiveSpec {
	/** Directive names this module handles (callouts handle several). */
	names: readonly string[];
	kinds: readonly DirectiveKind[];
	summary: string;
	example: string;
	attributes: Record<string, AttributeSpec>;
	/** Whether the directive is an owner tag: `ref` + `owner` must both be given (required) or both/neither (optional). */
	ownerTag?: 'required' | 'optional';
	/** Checks beyond the attributes (structure). Attributes are already validated when this runs. */
	check?(node: DirectiveNode, ctx: CheckContext): void;
	/** Turn the node into HTML-ready mdast in place. Only runs on nodes that passed the checks. */
	render(node: DirectiveNode, ctx: RenderContext): void;
}
