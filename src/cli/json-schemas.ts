/**
 * JSON Schemas of course.yaml and ownership.yaml, generated from their zod schemas (`z.toJSONSchema`), for
 * editors: the YAML language server (VS Code's YAML extension) completes keys, shows their descriptions and
 * marks unknown ones as you type. Committed in schemas/ (`npm run schemas` writes them; a test fails when
 * they are stale); the files `init` creates point at them with a `# yaml-language-server: $schema=…` line.
 * Rules that need more than a shape (a shared control needs a split) are the checker's, not the editor's.
 */
import path from 'node:path';
import { z } from 'zod';
import { courseConfigSchema } from '../config/course.ts';
import { RULE_LEVELS } from '../config/rules.ts';
import { RULES } from '../core/diagnostics.ts';
import { ownershipFileSchema } from '../schema/ownership.ts';

// Draft 7: the version editors' YAML support knows best.
const options = { io: 'input', target: 'draft-7', unrepresentable: 'any' } as const;

/** `rules:` is validated by hand (its messages suggest rule ids); for editors, every rule id and its levels. */
function courseSchema() {
	const schema = z.toJSONSchema(courseConfigSchema, options) as { properties: Record<string, object> };
	const description = (schema.properties.rules as { description?: string }).description;
	schema.properties.rules = {
		type: 'object',
		description,
		properties: Object.fromEntries(Object.entries(RULES).map(([id, summary]) => [id, { description: summary, enum: [...RULE_LEVELS] }])),
		additionalProperties: false,
	};
	return schema;
}

const titled = (title: string, description: string, { $schema, ...schema }: Record<string, unknown>) => ({ $schema, title, description, ...schema });

/** File name → schema. */
export function jsonSchemas(): Record<string, object> {
	return {
		'course.schema.json': titled('course.yaml', 'A course of course-site: its title and site-wide settings.', courseSchema()),
		'ownership.schema.json': titled('ownership.yaml', 'The ownership schema of a course-site course: every control and who owns it.', z.toJSONSchema(ownershipFileSchema, options)),
	};
}

export const formatSchema = (schema: object) => `${JSON.stringify(schema, null, '\t')}\n`;

/** This package's schemas/ folder. */
export const SCHEMAS_DIR = path.resolve(import.meta.dirname, '../../schemas');

/** The first line of a course.yaml or ownership.yaml that a command writes: where editors find its schema. */
export const schemaComment = (name: 'course' | 'ownership', schemasDir: string) => `# yaml-language-server: $schema=${schemasDir}/${name}.schema.json`;
