/** Build-machine files and secrets leak: `?raw` imports, symlinks out of the course. See cases/leaks/ and README.md. */
import { describeFamily } from './family.ts';

describeFamily('leaks');
