/**
 * Applies course.yaml's `rules:` to a run's diagnostics: `off` drops a rule's reports, `warning` and `error`
 * set their severity. Pure, so the CLI, the build and the dev server agree by calling the same function.
 */
import type { RuleLevel } from '../config/rules.ts';
import type { Diagnostic, RuleId } from '../core/diagnostics.ts';

export function applySeverity(diagnostics: readonly Diagnostic[], rules: Partial<Record<RuleId, RuleLevel>> | undefined): Diagnostic[] {
	if (!rules) return [...diagnostics];
	return diagnostics.flatMap((d) => {
		const level = rules[d.ruleId];
		if (level === undefined) return [d];
		return level === 'off' ? [] : [{ ...d, severity: level }];
	});
}
