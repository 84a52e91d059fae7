/** Heading and term ids. The checker and the renderer both call these, so anchors always agree. */
import GithubSlugger, { slug } from 'github-slugger';

export { GithubSlugger };
/** Id of a glossary term from its text: `Least privilege` → `least-privilege`. */
export const termId = (text: string) => slug(text.trim());
