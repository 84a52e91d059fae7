/**
 * What the pages read: the course loaded for this site (`virtual:course-site/key` names it), fresh on every
 * render, so the dev server shows an edit without restarting anything. Only pages and components import this.
 */
import key from 'virtual:course-site/key';
import { pageProblems } from './problems.ts';
import { published } from './store.ts';

export const currentCourse = () => published(key).course;
export const courseModel = () => currentCourse().model;

/**
 * For a page's frontmatter: the course, or — in the dev server, when the course has errors this page depends
 * on — an error for Astro's overlay. Thrown before the page streams anything, so the response is a 500.
 */
export function pageCourse(chapterFile?: string) {
	const course = currentCourse();
	const problems = pageProblems(course, chapterFile);
	if (problems) throw problems;
	return course;
}
