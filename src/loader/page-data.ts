/**
 * What the pages read: the course loaded for this site (`virtual:course-site/key` names it), fresh on every
 * render, so the dev server shows an edit without restarting anything. Only pages and components import this.
 */
import key from 'virtual:course-site/key';
import { published } from './store.ts';

export const currentCourse = () => published(key).course;
export const courseModel = () => currentCourse().model;
