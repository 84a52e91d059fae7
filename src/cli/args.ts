/**
 * The arguments of a command, read the same way by every command: `--help`/`-h` prints the usage (exit 0), and
 * an unknown or malformed option prints the parser's message and the usage (exit 2). Returns the exit code
 * when the command is done, else its options and positionals (`V`: the options' types, as the caller declares).
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

export interface CommandArgs<V> {
	values: V;
	positionals: string[];
}

export function commandArgs<V>(argv: string[], options: ParseArgsOptionsConfig, usage: string, out: (s: string) => void, err: (s: string) => void): CommandArgs<V> | number {
	let parsed: { values: Record<string, unknown>; positionals: string[] };
	try {
		parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
	} catch (error) {
		err(`${(error as Error).message}\n\n${usage}`);
		return 2;
	}
	if (parsed.values.help) {
		out(usage);
		return 0;
	}
	return { values: parsed.values as V, positionals: parsed.positionals };
}
