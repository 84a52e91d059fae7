// The package's main entry, `import { courseSite } from 'course-site'` (package.json `exports`): plain
// JavaScript, so that Node loads it from node_modules; it registers type stripping first
// (../core/strip-types.mjs), then loads the integration's TypeScript. Types: ./index.ts.
import '../core/strip-types.mjs';

const integration = await import('./index.ts');
export const { courseSite, CourseCheckError } = integration;
export default integration.default;
