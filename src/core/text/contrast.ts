/**
 * Colour contrast as WCAG 2 defines it: relative luminance of an sRGB colour and the contrast ratio of two
 * (1 to 21). Used to check that the verdict colours stay visible on the light, dark and high-contrast themes'
 * editor backgrounds (3:1 is WCAG's minimum for graphical marks such as the gutter bars).
 */

function channels(hex: string): [number, number, number] {
	const value = hex.replace(/^#/, '');
	const full = value.length === 3 ? value.split('').map((c) => c + c).join('') : value.slice(0, 6);
	return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** WCAG relative luminance of `#rgb`, `#rrggbb` or `#rrggbbaa` (alpha ignored), 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
	const [r, g, b] = channels(hex).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, from 1 (the same luminance) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
	const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
	return (light + 0.05) / (dark + 0.05);
}

/** The hue of a colour in degrees (0 red, 120 green, 240 blue); null for greys. */
export function hueOf(hex: string): number | null {
	const [r, g, b] = channels(hex);
	const max = Math.max(r, g, b);
	const min = Math.min(r, g, b);
	if (max - min < 0.08) {
		return null;
	}
	const d = max - min;
	const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
	return (h * 60 + 360) % 360;
}
