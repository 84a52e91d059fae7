/**
 * `rules:` in course.yaml: the severity of each rule, remark-lint style — `off`, `warning` or `error`.
 * Validated here (an unknown rule id or value is a course-config error with a did-you-mean); applied to the
 * diagnostics by src/check/severity.ts.
 */
import { z } from 'zod';
import { RULES, type RuleId } from '../core/diagnostics.ts';
import { didYouMean, suggest } from '../core/suggest.ts';

export const RULE_LEVELS = ['off', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/**
 * Rules a course may not turn down: they keep chapters from running code, keep the safe-content policy
 * visible, or guard input the build cannot render. They can still be raised (`policy-loosened: error`).
 */
export const FIXED_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['unsafe-esm', 'unsafe-expression', 'unsafe-jsx', 'unsafe-html', 'unsafe-url', 'policy-loosened', 'parse-error', 'course-config', 'schema-syntax', 'schema-invalid', 'schema-duplicate-id', 'frontmatter-invalid', 'unknown-directive', 'directive-kind']);

const isRule = (id: string): id is RuleId => Object.hasOwn(RULES, id);

export const rulesConfigSchema = z.record(z.string(), z.unknown()).superRefine((rules, ctx) => {
	for (const [id, level] of Object.entries(rules)) {
		if (!isRule(id)) {
			ctx.addIssue({ code: 'custom', path: [id], message: `Unknown rule "${id}".${didYouMean(suggest(id, Object.keys(RULES)))}` });
			continue;
		}
		if (typeof level !== 'string' || !(RULE_LEVELS as readonly string[]).includes(level)) {
			const s = typeof level === 'string' ? suggest(level, RULE_LEVELS) : undefined;
			ctx.addIssue({ code: 'custom', path: [id], message: `Unexpected value ${JSON.stringify(level)}, expected ${RULE_LEVELS.join(' | ')}.${didYouMean(s)}` });
			continue;
		}
		const floor: RuleLevel = id === 'policy-loosened' ? 'warning' : 'error';
		if (FIXED_RULES.has(id) && RULE_LEVELS.indexOf(level as RuleLevel) < RULE_LEVELS.indexOf(floor)) ctx.addIssue({ code: 'custom', path: [id], message: `"${id}" cannot be turned down to ${level}: it is at least ${floor} in every course` });
	}
}) as unknown as z.ZodType<Partial<Record<RuleId, RuleLevel>>>;

export const RULES_HINT = '`rules:` maps rule ids (listed in docs/authoring.md, "Rules") to off, warning or error, e.g. `rules: { untagged-claim: error }`.';
