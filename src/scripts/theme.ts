/** Where the light/dark choice is saved: per course (the base path), like progress, so two courses on one host differ. */
export const themeKey = (base: string) => `course-theme:${base}`;
