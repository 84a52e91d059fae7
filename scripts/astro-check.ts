/**
 * `astro check` for this repository (run by `npm test` and `npm run typecheck`, next to `tsc`): type-checks the
 * .astro files (layouts, components, routes) with @astrojs/check. @astrojs/check drives TypeScript's language
 * service API, which TypeScript 7 (the `typescript` this project compiles with) does not have, and `astro check`
 * refuses to run next to it. So this runs @astrojs/check itself, with every `typescript` import in this process
 * resolved to TypeScript 6 (`typescript-6`, an npm alias in devDependencies). Exit code 1 when there are errors.
 */
import { registerHooks } from 'node:module';
import path from 'node:path';

registerHooks({
	resolve(specifier, context, next) {
		if (specifier === 'typescript' || specifier.startsWith('typescript/')) return next(`typescript-6${specifier.slice('typescript'.length)}`, context);
		return next(specifier, context);
	},
});

const root = path.resolve(import.meta.dirname, '..');
const { check, parseArgsAsCheckConfig } = await import('@astrojs/check');
// `astro check` runs `astro sync` first: .astro/types.d.ts (in tsconfig.json) declares Astro's virtual modules.
const { sync } = await import('astro');
await sync({ root, logLevel: 'error' });
const failed = await check({ ...parseArgsAsCheckConfig([process.argv[0]!, 'astro-check', ...process.argv.slice(2)]), root });
process.exitCode = failed ? 1 : 0;
