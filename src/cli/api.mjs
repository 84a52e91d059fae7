// `import { checkCourse } from 'course-site/check'` (package.json `exports`): plain JavaScript, so that Node
// loads it from node_modules; it registers type stripping first (../core/strip-types.mjs). Types: ./api.ts.
import '../core/strip-types.mjs';

const api = await import('./api.ts');
export const { checkCourse, formatGithub, formatSummary, formatText, hasErrors, RULES } = api;
