#!/usr/bin/env node
// `course-site <command>`: the package's command line (package.json `bin`). Plain JavaScript, so that Node runs
// it from node_modules; it registers type stripping (../core/strip-types.mjs) before loading any TypeScript.
import '../core/strip-types.mjs';

const COMMANDS = {
	init: ['./init.ts', 'create a course project in <dir>'],
	check: ['./check.ts', 'check a course (default ./content)'],
	'new-chapter': ['./new-chapter.ts', 'add a chapter to the course'],
	import: ['./import.ts', 'convert a Starlight or Docusaurus site into a course'],
};

const USAGE = `Usage: course-site <command> [options]

${Object.entries(COMMANDS)
	.map(([name, [, what]]) => `  ${name.padEnd(12)} ${what}`)
	.join('\n')}

Run course-site <command> --help for a command's options.`;

const [command, ...args] = process.argv.slice(2);
if (!command || command === '-h' || command === '--help') {
	console.log(USAGE);
} else if (!Object.hasOwn(COMMANDS, command)) {
	console.error(`Unknown command "${command}".\n\n${USAGE}`);
	process.exitCode = 2;
} else {
	try {
		const module = await import(COMMANDS[command][0]);
		process.exitCode = await module.main(args);
	} catch (error) {
		// An internal error is a bug in this package, not in the course: say so, briefly, with exit code 2.
		console.error(`Internal error in course-site ${command}: ${error?.message ?? error}`);
		if (process.env.DEBUG) console.error(error);
		process.exitCode = 2;
	}
}
