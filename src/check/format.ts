import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics.ts';

/** `path:line:column: error <rule-id>: <message>` — the contract other tools parse. The hint follows on its own line. */
export function formatText(list: Diagnostic[], cwd = process.cwd()): string {
	const lines: string[] = [];
	for (const d of list) {
		lines.push(`${rel(d.file, cwd)}:${d.line}:${d.column}: ${d.severity} ${d.ruleId}: ${d.message}`);
		if (d.hint) lines.push(`  fix: ${d.hint}`);
	}
	return lines.join('\n');
}

export function formatSummary(list: Diagnostic[], files: number): string {
	const errors = list.filter((d) => d.severity === 'error').length;
	const warnings = list.length - errors;
	const checked = `${files} file${files === 1 ? '' : 's'} checked`;
	if (list.length === 0) return `✓ ${checked}, no problems`;
	if (errors === 0) return `✓ ${checked}, no errors, ${warnings} warning${warnings === 1 ? '' : 's'}`;
	return `✗ ${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''} in ${checked}`;
}

/** GitHub Actions workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions */
export function formatGithub(list: Diagnostic[], cwd = process.cwd()): string {
	return list
		.map((d) => {
			const props = `file=${escapeProperty(rel(d.file, cwd))},line=${d.line},col=${d.column},title=${escapeProperty(d.ruleId)}`;
			const body = d.hint ? `${d.message}\n\nFix: ${d.hint}` : d.message;
			return `::${d.severity} ${props}::${escapeData(body)}`;
		})
		.join('\n');
}

const rel = (file: string, cwd: string) => path.relative(cwd, file).split(path.sep).join('/') || file;
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
