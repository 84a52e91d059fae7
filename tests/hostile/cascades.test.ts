/** One mistake, one error: a broken schema, a chapter that does not parse, course.yaml errors at their own lines. See cases/cascades/ and README.md. */
import { describeFamily } from './family.ts';

describeFamily('cascades');
