/**
 * Diagnostics are data. Every check in the project (build, CLI, dev server) produces these, and formatters
 * at the edge (src/check/format.ts) turn them into text or GitHub annotations.
 */

import { RULE_DEFINITIONS } from './rules.ts';

/** Every rule id (each is defined once, with its summary, fix and examples, in ./rules.ts). */
export type RuleId = keyof typeof RULE_DEFINITIONS;
export type Severity = 'error' | 'warning';

/** Every rule id with its one-line summary, as docs and `--list-rules` show it. */
export const RULES = Object.fromEntries(Object.entries(RULE_DEFINITIONS).map(([id, rule]) => [id, rule.summary])) as Record<RuleId, string>;

/** Rules that report warnings unless course.yaml (`rules:`) says otherwise; every other rule reports errors. */
export const DEFAULT_SEVERITY: Partial<Record<RuleId, Severity>> = Object.fromEntries(
	Object.entries(RULE_DEFINITIONS).flatMap(([id, rule]) => ('severity' in rule ? [[id, rule.severity]] : [])),
);

export interface Diagnostic {
	/** Absolute path of the file the problem is in. */
	file: string;
	/** 1-based line and column. */
	line: number;
	column: number;
	ruleId: RuleId;
	severity: Severity;
	message: string;
	/** How to fix it, in one sentence. */
	hint?: string;
}

export interface Place {
	line: number;
	column: number;
}

export function diagnostic(
	file: string,
	place: Place | undefined,
	ruleId: RuleId,
	message: string,
	hint?: string,
	severity: Severity = DEFAULT_SEVERITY[ruleId] ?? 'error',
): Diagnostic {
	return {
		file,
		line: place?.line ?? 1,
		column: place?.column ?? 1,
		ruleId,
		severity,
		message,
		...(hint ? { hint } : {}),
	};
}

/** Stable order: by file, then position, then rule, so output and snapshots do not depend on scheduling. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
	return [...list].sort(
		(a, b) =>
			a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
	);
}

export const hasErrors = (list: Diagnostic[]) => list.some((d) => d.severity === 'error');
