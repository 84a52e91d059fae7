/** The `policy-loosened` notice: a loosened safe-content policy is never silent. */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { describeLoosening, isLoosened, resolvePolicy } from '../../config/policy.ts';
import { diagnostic } from '../../core/diagnostics.ts';
import type { CourseRule } from './course-rules.ts';

/**
 * The notice: a warning on course.yaml's `policy:` line whenever the policy is looser than the default. It is
 * a diagnostic, so the CLI, the build log and GitHub annotations on a pull request all show it.
 */
export const policyNotice: CourseRule = ({ courseDir, config, diagnostics }) => {
	const policy = resolvePolicy(config.policy);
	if (!isLoosened(policy)) return;
	const file = path.join(courseDir, 'course.yaml');
	diagnostics.push(
		diagnostic(
			file,
			{ line: keyLine(file, 'policy'), column: 1 },
			'policy-loosened',
			`The safe-content policy is loosened: chapters may also use ${describeLoosening(policy).join('; and ')}`,
			'Review chapters that use these with care. Remove `policy:` from course.yaml to restore the default (Markdown and directives only).',
			'warning',
		),
	);
};

/** Line of a top-level key in a YAML file (1 when it cannot be found). */
function keyLine(file: string, key: string): number {
	try {
		const lc = new LineCounter();
		const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: lc });
		if (isMap(doc.contents))
			for (const pair of doc.contents.items) if (isScalar(pair.key) && pair.key.value === key && pair.key.range) return lc.linePos(pair.key.range[0]).line;
	} catch {}
	return 1;
}
