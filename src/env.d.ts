/// <reference types="astro/client" />
declare module 'virtual:course' {
	const model: import('./model/model.ts').CourseModel;
	export default model;
}
declare module 'virtual:course/mermaid-client' {}
