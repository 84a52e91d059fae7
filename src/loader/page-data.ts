/**
 * What the pages read: the course loaded for this site (`virtual:course-site/key` names it), fresh on every
 * render, so the dev server shows an edit without restarting anything. Only pages and components import this.
 *
 * Every page but 404 exists once per locale: `[...locale]` is absent for the course's own language (today's
 * URLs) and a translation's tag otherwise (`/de/…`). `localeOf(Astro.params.locale)` gives a page its
 * locale's model and chapter records.
 */
import key from 'virtual:course-site/key';
import { localePath, withBase } from '../core/routes.ts';
import { createUi, type Ui } from '../i18n/index.ts';
import type { CourseModel } from '../model/model.ts';
import { pageProblems } from './problems.ts';
import { published } from './store.ts';

export const currentCourse = () => published(key).course;
export const courseModel = (locale?: string) => localeOf(locale).model;

const uis = new WeakMap<CourseModel, Ui>();
/** One interface per model: every component of every page asks for it. */
const uiOf = (model: CourseModel) => {
	let ui = uis.get(model);
	if (!ui) uis.set(model, (ui = createUi(model.language, model.ui)));
	return ui;
};

/** A locale's model, chapter records and URL maker (`href('/matrix/')` → `/base/de/matrix/`). */
export function localeOf(locale: string | undefined) {
	const course = currentCourse();
	const build = locale ? course.locales.find((l) => l.locale === locale) : undefined;
	const model = build?.model ?? course.model;
	const prefix = build?.locale ?? '';
	return {
		course,
		model,
		records: build?.records ?? course.records,
		prefix,
		ui: uiOf(model),
		href: (sitePath: string) => withBase(course.base, localePath(prefix, sitePath)),
	};
}

/** `getStaticPaths` of a page that every locale has: `locale` is undefined for the course's own language. */
export const localePaths = () => [{ params: { locale: undefined } }, ...currentCourse().locales.map((l) => ({ params: { locale: l.locale } }))];

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
