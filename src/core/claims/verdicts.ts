/**
 * The verdict scale a claim is judged on (the `newsSeed.verdicts` setting): labels with an optional numeric
 * rating and a colour, ClaimReview-style by default.
 */

/** One step of the scale. */
export interface Verdict {
	/** Shown to the user and stored in the sidecar; unique within a scale, compared case-insensitively. */
	readonly label: string;
	/** Higher is truer (ClaimReview's `ratingValue`); null for verdicts outside the scale (Unverifiable, Unchecked). */
	readonly rating: number | null;
	/** `#rrggbb` or `#rrggbbaa`, lower case. */
	readonly color: string;
}

/** The verdict of a claim that nobody has judged yet; every normalised scale contains it. */
export const UNCHECKED_LABEL = 'Unchecked';

/** The default `Unchecked` entry, appended to a user scale that lacks one. */
export const UNCHECKED_VERDICT: Verdict = { label: UNCHECKED_LABEL, rating: null, color: '#8a8a8a' };

/** The default scale, truest first, ending with Unverifiable and Unchecked (both without a rating). */
export const DEFAULT_VERDICTS: readonly Verdict[] = [
	{ label: 'True', rating: 5, color: '#1a6fd1' },
	{ label: 'Mostly true', rating: 4, color: '#5b8def' },
	{ label: 'Half true', rating: 3, color: '#b58900' },
	{ label: 'Mostly false', rating: 2, color: '#d0661a' },
	{ label: 'False', rating: 1, color: '#d63a72' },
	{ label: 'Unverifiable', rating: null, color: '#8e6fd8' },
	UNCHECKED_VERDICT,
];

/** A usable scale and what was wrong with the configured value (empty when nothing was). */
export interface NormalisedVerdicts {
	readonly verdicts: readonly Verdict[];
	readonly problems: readonly string[];
}

function normaliseColor(value: unknown): string | null {
	if (typeof value !== 'string') {
		return null;
	}
	const hex = value.trim().toLowerCase();
	if (/^#[0-9a-f]{3}$/.test(hex)) {
		return `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}`;
	}
	return /^#(?:[0-9a-f]{6}|[0-9a-f]{8})$/.test(hex) ? hex : null;
}

/**
 * Turns a user-configured scale (any JSON value) into a usable one, never throwing.
 *
 * Rules: the value must be a non-empty array, otherwise the default scale is used. Each entry needs a
 * non-blank `label` (trimmed); entries without one, or repeating an earlier label (case-insensitive), are
 * dropped. `rating` must be a finite number, or absent/null for "no rating". `color` must be `#rgb`, `#rrggbb`
 * or `#rrggbbaa`; a missing or bad colour becomes the grey of Unchecked. The user's order is kept. `Unchecked`
 * is appended when missing and never carries a rating. Every dropped or repaired item yields one problem.
 */
export function normaliseVerdicts(value: unknown): NormalisedVerdicts {
	if (!Array.isArray(value) || value.length === 0) {
		const problems = value === undefined || value === null ? [] : ['newsSeed.verdicts must be a non-empty array; using the default scale.'];
		return { verdicts: DEFAULT_VERDICTS, problems };
	}
	const verdicts: Verdict[] = [];
	const problems: string[] = [];
	const seen = new Set<string>();
	value.forEach((entry: unknown, i) => {
		const where = `newsSeed.verdicts[${i}]`;
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
			problems.push(`${where} is not an object; ignored.`);
			return;
		}
		const record = entry as Record<string, unknown>;
		const label = typeof record.label === 'string' ? record.label.trim() : '';
		if (label === '') {
			problems.push(`${where} has no label; ignored.`);
			return;
		}
		if (seen.has(label.toLowerCase())) {
			problems.push(`${where} repeats the label "${label}"; ignored.`);
			return;
		}
		seen.add(label.toLowerCase());
		let rating: number | null = null;
		if (typeof record.rating === 'number' && Number.isFinite(record.rating)) {
			rating = record.rating;
		} else if (record.rating !== undefined && record.rating !== null) {
			problems.push(`${where} ("${label}") has a rating that is not a number; treated as no rating.`);
		}
		const isUnchecked = label.toLowerCase() === UNCHECKED_LABEL.toLowerCase();
		if (isUnchecked && rating !== null) {
			problems.push(`${where}: "${UNCHECKED_LABEL}" cannot have a rating; ignored the rating.`);
			rating = null;
		}
		let color = normaliseColor(record.color);
		if (color === null) {
			problems.push(`${where} ("${label}") needs a colour like "#1a6fd1"; using grey.`);
			color = UNCHECKED_VERDICT.color;
		}
		verdicts.push({ label: isUnchecked ? UNCHECKED_LABEL : label, rating, color });
	});
	if (verdicts.length === 0) {
		problems.push('newsSeed.verdicts has no usable entry; using the default scale.');
		return { verdicts: DEFAULT_VERDICTS, problems };
	}
	if (!seen.has(UNCHECKED_LABEL.toLowerCase())) {
		verdicts.push(UNCHECKED_VERDICT);
	}
	return { verdicts, problems };
}

/**
 * The verdict of the scale with this label (case-insensitive), or undefined when the scale has no such label
 * (a sidecar written with another scale): callers show such a label as it is, in the Unchecked colour.
 */
export function findVerdict(verdicts: readonly Verdict[], label: string): Verdict | undefined {
	const wanted = label.toLowerCase();
	return verdicts.find((v) => v.label.toLowerCase() === wanted);
}
