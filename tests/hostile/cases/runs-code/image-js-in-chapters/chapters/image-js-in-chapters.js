// Imported by Vite because a Markdown image points at it; the import runs this file.
process.getBuiltinModule('node:fs').writeFileSync('@@CANARY@@/image-js-in-chapters', String(process.env.COURSE_CANARY_SECRET));
export default { src: '/x.png', width: 1, height: 1, format: 'png' };
