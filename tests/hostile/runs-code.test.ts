/** Code runs on the build machine: early frontmatter fences, `layout:` imports, script files as images. See cases/runs-code/ and README.md. */
import { describeFamily } from './family.ts';

describeFamily('runs-code');
