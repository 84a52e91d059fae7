/**
 * A fixture folder may omit course.yaml / ownership.yaml (the shared ones in tests/check/fixtures/_shared are
 * used). Diagnostics are reported relative to the fixture folder, so the shared files are linked in place
 * for the duration of the check and removed afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';

const SHARED = path.resolve(import.meta.dirname, '../check/fixtures/_shared');

export function materialiseFixture(dir: string) {
	const added: string[] = [];
	for (const name of ['course.yaml', 'ownership.yaml']) {
		const target = path.join(dir, name);
		if (!fs.existsSync(target)) {
			fs.copyFileSync(path.join(SHARED, name), target);
			added.push(target);
		}
	}
	return { dir, cleanup: () => added.forEach((f) => fs.rmSync(f, { force: true })) };
}
