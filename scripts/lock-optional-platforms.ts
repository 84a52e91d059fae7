/**
 * Keeps package-lock.json acceptable to `npm ci` when the registry a machine can reach lacks some
 * platform-specific optional packages (e.g. `@pagefind/darwin-arm64@1.6.0` on a Linux-only mirror).
 * `npm install` then leaves those entries out of the lock, and `npm ci` rejects the lock as out of sync.
 * This adds each missing optional dependency back as an optional entry with its exact version; npm skips
 * optional packages it cannot fetch or that do not match the platform, and a full registry serves them.
 *
 * Run after changing dependencies: `npm install && npm run lock:platforms`.
 */
import fs from 'node:fs';

interface LockEntry {
	version?: string;
	optional?: boolean;
	optionalDependencies?: Record<string, string>;
}

const file = 'package-lock.json';
const lock = JSON.parse(fs.readFileSync(file, 'utf8')) as { packages: Record<string, LockEntry> };
const added: string[] = [];
for (const entry of Object.values(lock.packages)) {
	for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
		const key = `node_modules/${name}`;
		if (lock.packages[key]) continue;
		lock.packages[key] = { version: range.replace(/^[\^~=]/, ''), optional: true };
		added.push(`${name}@${lock.packages[key].version}`);
	}
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `Added ${added.length} optional platform entries: ${added.join(', ')}` : 'Lock file already lists every optional platform package.');
