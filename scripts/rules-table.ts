/** `npm run docs:rules`: regenerate the rules tables of docs/authoring.md from src/core/rules.ts. */
import fs from 'node:fs';
import path from 'node:path';
import { withRules } from './lib/rules-doc.ts';

const file = path.resolve(import.meta.dirname, '../docs/authoring.md');
const before = fs.readFileSync(file, 'utf8');
const after = withRules(before);
fs.writeFileSync(file, after);
console.log(after === before ? 'docs/authoring.md is up to date.' : 'Rewrote the rules tables of docs/authoring.md.');
