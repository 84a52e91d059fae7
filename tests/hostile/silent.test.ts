/** Mistakes that pass silently: unclosed containers, misspelt inline tags, `.md` files, stray files and sub-folders. See cases/silent/ and README.md. */
import { describeFamily } from './family.ts';

describeFamily('silent');
