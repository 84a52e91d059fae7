/// <reference types="astro/client" />
declare module 'virtual:course' {
	const model: import('./course/model.ts').CourseModel;
	export default model;
}
declare module 'virtual:course/mermaid-client' {}
