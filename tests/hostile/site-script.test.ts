/** Script reaches the site: local SVG, bad `base`/`site`, raw-text, animation and foreign elements, Astro directive attributes. See cases/site-script/ and README.md. */
import { describeFamily } from './family.ts';

describeFamily('site-script');
