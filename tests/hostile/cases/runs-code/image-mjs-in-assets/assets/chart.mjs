// Outside chapters/ but inside the course: only the image itself is wrong.
process.getBuiltinModule('node:fs').writeFileSync('@@CANARY@@/image-mjs-in-assets', 'ran');
export default { src: '/x.png', width: 1, height: 1, format: 'png' };
