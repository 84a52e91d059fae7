/** `npm run schemas`: write schemas/*.schema.json from the zod schemas (src/cli/json-schemas.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { formatSchema, jsonSchemas } from '../src/cli/json-schemas.ts';

const dir = path.resolve(import.meta.dirname, '../schemas');
fs.mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
	fs.writeFileSync(path.join(dir, name), formatSchema(schema));
	console.log(`Wrote schemas/${name}`);
}
