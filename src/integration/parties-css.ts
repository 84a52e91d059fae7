/**
 * Each owner's colour and shape, from the schema's parties: a stylesheet the pages import as
 * `virtual:course-site/parties.css`. Party n takes palette colour n (src/styles/global.css: `--party-0` …
 * `--party-5`, each checked for AA contrast in both themes) and shape n (the matrix's dots and legend), so
 * owners differ in colour, in shape, and always in the label text every badge carries. `shared` has a colour
 * and a shape of its own. The owner filter of the matrix (radio buttons and `:has()`) gets one rule per owner.
 */
import { SHARED } from '../schema/parties.ts';

/** Colours in the palette of global.css; a seventh party reuses the first colour with another shape. */
export const PALETTE_SIZE = 6;

/** Dot shapes (`clip-path`), one per party in order; `shared` is a diamond. */
export const SHAPES = [
	'circle(50%)',
	'inset(8% round 1px)',
	'polygon(50% 2%, 100% 94%, 0 94%)',
	'polygon(25% 4%, 75% 4%, 100% 50%, 75% 96%, 25% 96%, 0 50%)',
	'polygon(0 6%, 100% 6%, 50% 98%)',
	'polygon(50% 0, 62% 36%, 100% 38%, 70% 60%, 80% 98%, 50% 76%, 20% 98%, 30% 60%, 0 38%, 38% 36%)',
] as const;
export const SHARED_SHAPE = 'polygon(50% 0, 100% 50%, 50% 100%, 0 50%)';

/** Elements that show one owner, by the modifier class the renderers and pages put on them. */
const OWNER_CLASSES = ['badge', 'ctl', 'control-card', 'mx-stat', 'mx-mix__seg', 'mx-mix__num', 'mx-filter__option', 'mx-dot', 'mx-control'];

/** The colour variables and shape of an owner: a party by its place in `parties:`, or `shared`. */
export function ownerStyle(id: string, index: number): { color: string; background: string; shape: string } {
	if (id === SHARED) return { color: 'var(--shared)', background: 'var(--shared-bg)', shape: SHARED_SHAPE };
	const slot = index % PALETTE_SIZE;
	return { color: `var(--party-${slot})`, background: `var(--party-${slot}-bg)`, shape: SHAPES[index % SHAPES.length]! };
}

export function partiesCss(parties: readonly string[]): string {
	const owners = [...parties, SHARED];
	const rules: string[] = [];
	owners.forEach((id, index) => {
		const { color, background, shape } = ownerStyle(id, index);
		rules.push(`${OWNER_CLASSES.map((c) => `.${c}--${id}`).join(',\n')} {\n\t--owner: ${color};\n\t--owner-bg: ${background};\n\t--owner-shape: ${shape};\n}`);
	});
	// Filtering the matrix by owner: hide other owners' controls, then layers and services left empty; dim their dots.
	const on = (id: string) => `.mx:has(input[name='mx-owner'][value='${id}']:checked)`;
	rules.push(
		`${owners.flatMap((id) => [`${on(id)} .mx-control:not([data-owner='${id}'])`, `${on(id)} .mx-layer:not(:has(.mx-control[data-owner='${id}']))`, `${on(id)} .mx-service:not(:has(.mx-control[data-owner='${id}']))`, `${on(id)} .mx-jump li:not([data-owners~='${id}'])`]).join(',\n')} {\n\tdisplay: none;\n}`,
		`${owners.map((id) => `${on(id)} .mx-dot:not([data-owner='${id}'])`).join(',\n')} {\n\topacity: 0.15;\n}`,
	);
	return `${rules.join('\n')}\n`;
}
