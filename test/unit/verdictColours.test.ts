// The default verdict colours: visible on the light, dark and high-contrast editor backgrounds, and apart from
// the colours that mean entities and cues (no more red for False and organisations, green for True and places).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEFAULT_VERDICTS } from '../../src/core/claims';
import { contrastRatio, hueOf } from '../../src/core/text/contrast';

/** Editor backgrounds of VS Code's default light, dark and high-contrast themes. */
const backgrounds = { light: '#ffffff', dark: '#1f1f1f', highContrast: '#000000', highContrastLight: '#ffffff' };

void test('contrast: black on white is 21, a colour on itself is 1', () => {
	assert.equal(Math.round(contrastRatio('#000000', '#ffffff')), 21);
	assert.equal(contrastRatio('#8a8a8a', '#8a8a8a'), 1);
	assert.equal(hueOf('#ff0000'), 0);
	assert.equal(hueOf('#00ff00'), 120);
	assert.equal(hueOf('#808080'), null);
});

void test('every default verdict colour has at least 3:1 contrast on the light, dark and high-contrast backgrounds', () => {
	for (const verdict of DEFAULT_VERDICTS) {
		for (const [theme, background] of Object.entries(backgrounds)) {
			const ratio = contrastRatio(verdict.color, background);
			assert.ok(ratio >= 3, `${verdict.label} (${verdict.color}) on ${theme} (${background}): ${ratio.toFixed(2)}:1`);
		}
	}
});

void test('no default verdict is red or green (the colours of organisations, hedges, places and numbers)', () => {
	for (const verdict of DEFAULT_VERDICTS) {
		const hue = hueOf(verdict.color);
		if (hue === null) {
			continue;
		}
		const redness = Math.min(hue, 360 - hue);
		assert.ok(redness > 20, `${verdict.label} (${verdict.color}) is red (hue ${hue.toFixed(0)})`);
		assert.ok(Math.abs(hue - 120) > 40, `${verdict.label} (${verdict.color}) is green (hue ${hue.toFixed(0)})`);
	}
});

void test('the manifest, the default scale and the gutter icons agree on each verdict colour', () => {
	const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
	const configured = manifest.contributes.configuration.properties['newsSeed.verdicts'].default as { label: string; color: string }[];
	assert.deepEqual(configured.map((v) => [v.label, v.color]), DEFAULT_VERDICTS.map((v) => [v.label, v.color]));
	for (const verdict of DEFAULT_VERDICTS) {
		const id = verdict.label.toLowerCase().split(' ').map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
		const colour = manifest.contributes.colors.find((c: { id: string }) => c.id === `newsSeed.claim.${id}`);
		assert.ok(colour.defaults.dark.startsWith(verdict.color), `${id}: theme colour`);
		assert.match(readFileSync(new URL(`../../media/claims/${id}.svg`, import.meta.url), 'utf8'), new RegExp(verdict.color));
	}
});
