/**
 * The JSON Schemas for editors (schemas/*.schema.json) are generated from the zod schemas and committed: they
 * must be what `npm run schemas` writes now, accept real course files, reject what the checker rejects for its
 * shape, and be what the files `init` creates point at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectFiles } from '../src/cli/init.ts';
import { formatSchema, jsonSchemas } from '../src/cli/json-schemas.ts';
import { ROOT } from './helpers/build.ts';

const SCHEMAS = path.join(ROOT, 'schemas');
const generated = jsonSchemas();
// Formats (`uri`) are hints for editors; the checker validates addresses itself.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validator = (name: string) => ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS, name), 'utf8')) as object);
const course = validator('course.schema.json');
const ownership = validator('ownership.schema.json');
const yamlOf = (file: string) => parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as unknown;

describe('schemas/', () => {
	it.each(Object.keys(generated))('%s is up to date (regenerate with npm run schemas)', (name) => {
		expect(fs.readFileSync(path.join(SCHEMAS, name), 'utf8')).toBe(formatSchema(generated[name]!));
	});

	it('holds no other schema', () => {
		expect(fs.readdirSync(SCHEMAS).sort()).toEqual(Object.keys(generated).sort());
	});
});

describe('course.schema.json', () => {
	it.each(['content/course.yaml', 'tests/check/fixtures/_shared/course.yaml', 'tests/fixtures/interactive-course/course.yaml'])('accepts %s', (file) => {
		expect(course(yamlOf(file)), JSON.stringify(course.errors)).toBe(true);
	});

	it.each([
		['a misspelt key', { title: 'T', description: 'D', tilte: 'T' }],
		['a missing description', { title: 'T' }],
		['an unknown rule', { title: 'T', description: 'D', rules: { 'untagged-claims': 'off' } }],
		['an unknown level', { title: 'T', description: 'D', rules: { 'untagged-claim': 'loud' } }],
		['a base that is not a path', { title: 'T', description: 'D', base: 'https://evil.example/' }],
		['an unknown policy key', { title: 'T', description: 'D', policy: { allowJs: true } }],
	])('rejects %s', (_, value) => {
		expect(course(value)).toBe(false);
	});

	it('describes every rule id with its summary', () => {
		const rules = (generated['course.schema.json'] as { properties: { rules: { properties: Record<string, { description: string }> } } }).properties.rules.properties;
		expect(rules['untagged-claim']).toEqual({ description: expect.stringContaining('names a control and its owner'), enum: ['off', 'warning', 'error'] });
	});
});

describe('ownership.schema.json', () => {
	it.each(['content/ownership.yaml', 'tests/check/fixtures/_shared/ownership.yaml'])('accepts %s', (file) => {
		expect(ownership(yamlOf(file)), JSON.stringify(ownership.errors)).toBe(true);
	});

	it.each([
		['a party id that is not lowercase', { parties: { Provider: { label: 'Provider' }, customer: { label: 'Customer' } }, controls: {} }],
		['a party without a label', { parties: { provider: {}, customer: { label: 'Customer' } }, controls: {} }],
		['a split that is not a map', { controls: { 'ec2.patching': { title: 'Patch', owner: 'shared', split: 'both' } } }],
		['a misspelt field', { controls: { 'ec2.patching': { title: 'Patch', owner: 'customer', ntoes: 'x' } } }],
		['a control id without a service', { controls: { patching: { title: 'Patch', owner: 'customer' } } }],
		['no controls', { services: {} }],
	])('rejects %s', (_, value) => {
		expect(ownership(value)).toBe(false);
	});
});

describe('the files init creates', () => {
	const files = projectFiles('my-course', 'My course');

	it.each([
		['content/course.yaml', 'course.schema.json', course],
		['content/ownership.yaml', 'ownership.schema.json', ownership],
	] as const)('%s points at %s and is valid', (file, name, validate) => {
		const first = files[file]!.split('\n')[0]!;
		const target = first.match(/^# yaml-language-server: \$schema=(.+)$/)?.[1];
		// From content/ of the project, the path leads into the installed package's schemas/.
		expect(path.posix.join('project/content', target ?? '')).toBe(`project/node_modules/course-site/schemas/${name}`);
		expect(validate(parse(files[file]!)), JSON.stringify(validate.errors)).toBe(true);
	});
});
