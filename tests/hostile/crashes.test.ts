/** A clean check, then a crashed build: slug fields, file names, YAML types and tags, course.yaml values, missing images, depth and size, two files for one URL. See cases/crashes/ and README.md. */
import { describeFamily } from './family.ts';

describeFamily('crashes');
