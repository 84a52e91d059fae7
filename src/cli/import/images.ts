/**
 * SVG images of an imported site, drawn as PNG: chapters do not accept SVG (it can carry script, served from
 * the site's own origin), and a drawing keeps what the reader saw. Drawn with sharp (libvips and librsvg),
 * an optional dependency: without it the importer copies the SVG and reports it.
 */

/** Draws one SVG file as a PNG file. */
export type Draw = (svg: string, png: string) => Promise<void>;

/** Twice the SVG's own size (72 dpi is its 1:1), so that diagrams stay sharp on high-density screens. */
const DENSITY = 144;

/** The drawing function, or undefined when sharp is not installed. */
export async function loadDraw(): Promise<Draw | undefined> {
	try {
		const { default: sharp } = await import('sharp');
		return async (svg, png) => {
			await sharp(svg, { density: DENSITY }).png().toFile(png);
		};
	} catch {
		return undefined;
	}
}
