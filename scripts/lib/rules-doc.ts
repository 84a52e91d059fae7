/**
 * The rules tables of docs/authoring.md, generated from the rule definitions (src/core/rules.ts): one table per
 * group, one row per rule with its example messages (each checked by tests/check/rule-examples.test.ts) and its
 * fix. `npm run docs:rules` rewrites the part between the markers; tests/docs.test.ts fails when it is stale.
 */
import { RULE_DEFINITIONS, RULE_GROUPS, type RuleDefinition } from '../../src/core/rules.ts';

export const START = '<!-- rules:start — generated from src/core/rules.ts by `npm run docs:rules`: edit the definitions there -->';
export const END = '<!-- rules:end -->';

/** Inline code that holds any text: a fence longer than any run of backticks in it, `|` escaped for tables. */
export function code(text: string): string {
	const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
	const fence = '`'.repeat(longest + 1);
	const pad = /^[`\s]|[`\s]$/.test(text) ? ' ' : '';
	return `${fence}${pad}${text.replace(/\|/g, '\\|')}${pad}${fence}`;
}

const list = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export function rulesMarkdown(): string {
	const rules = Object.entries(RULE_DEFINITIONS) as [string, RuleDefinition][];
	const warnings = rules.filter(([, r]) => r.severity === 'warning').map(([id]) => `\`${id}\``);
	const out = [`All are errors except ${list(warnings)} (warnings).`];
	for (const [group, title] of Object.entries(RULE_GROUPS)) {
		out.push('', `### ${title}`, '', '| Rule | Example message | Fix |', '| --- | --- | --- |');
		for (const [id, rule] of rules.filter(([, r]) => r.group === group)) {
			const messages = rule.examples.map((e) => code(e.message)).join('; ');
			out.push(`| \`${id}\` | ${messages}${rule.severity === 'warning' ? ' (warning)' : ''} | ${rule.fix} |`);
		}
	}
	return out.join('\n');
}

/** The document with its generated part replaced by the current one. */
export function withRules(doc: string): string {
	const start = doc.indexOf(START);
	const end = doc.indexOf(END);
	if (start === -1 || end < start) throw new Error(`docs/authoring.md has no ${START} … ${END} markers`);
	return `${doc.slice(0, start + START.length)}\n${rulesMarkdown()}\n${doc.slice(end)}`;
}
