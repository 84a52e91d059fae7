// A script in chapters/: neither a chapter nor an image, so it is reported on its own as well.
process.getBuiltinModule('node:fs').writeFileSync('@@CANARY@@/layout-js-in-chapters', 'ran');
export default function Layout() {
	return '';
}
