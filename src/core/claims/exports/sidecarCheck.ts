/**
 * The checks of `news-seed validate`: a sidecar against its schema and its article, one problem per finding.
 *
 * Severity: errors make CI fail (a damaged or foreign sidecar, a missing article, a claim whose text is gone);
 * warnings do not (a claim whose text changed and awaits confirmation, a verdict outside the scale, a sidecar
 * naming another file).
 */
import { assessClaims, findVerdict, parseSidecar, prepareArticle, type Verdict } from '..';
import { lineStartsOf, positionAt } from '../../text/lineColumns';
import { shortenAtWord } from '../../text/shorten';
import { countOf } from '../../text/countOf';

/** One finding. `line`/`column` are 1-based in the sidecar file. */
export interface SidecarFinding {
	readonly severity: 'error' | 'warning';
	readonly line: number;
	readonly column: number;
	/** The claim concerned, when there is one. */
	readonly claimId: string | null;
	readonly message: string;
}

/** What one sidecar holds, for the summary. */
export interface SidecarCheck {
	readonly findings: readonly SidecarFinding[];
	readonly claims: number;
	readonly anchored: number;
	readonly fuzzy: number;
	readonly unanchored: number;
	/** Claims that carry a merge conflict record (both versions kept, awaiting a choice). */
	readonly conflicts: number;
}

/**
 * Checks a sidecar's text against its article. `articleText` is null when the article file is missing;
 * `articleFileName` is the article's actual file name. Never throws.
 */
export function checkSidecar(sidecarText: string, articleFileName: string, articleText: string | null, scale: readonly Verdict[]): SidecarCheck {
	const findings: SidecarFinding[] = [];
	const parsed = parseSidecar(sidecarText);
	let raw: unknown;
	const rawClaimId = (index: number): string | null => {
		try {
			raw ??= JSON.parse(sidecarText.replace(/^\uFEFF/, ''));
		} catch {
			raw = null;
		}
		const id = (raw as { claims?: { id?: unknown }[] } | null)?.claims?.[index]?.id;
		return typeof id === 'string' ? id : null;
	};
	for (const problem of parsed.problems) {
		// A foreign file or a damaged one: both are errors, the claims cannot be trusted.
		const claimIndex = /^\$\.claims\[(\d+)\]/.exec(problem.path);
		const claimId = claimIndex ? rawClaimId(Number(claimIndex[1])) : null;
		findings.push({ severity: 'error', line: problem.line, column: problem.column, claimId, message: `${problem.path}: ${problem.message}` });
	}
	if (parsed.status === 'foreign') {
		return { findings, claims: 0, anchored: 0, fuzzy: 0, unanchored: 0, conflicts: 0 };
	}
	const claims = parsed.claims;
	let starts: readonly number[] | undefined;
	const where = (id: string) => {
		const at = sidecarText.indexOf(`"id": ${JSON.stringify(id)}`);
		if (at === -1) {
			return { line: 1, column: 1 };
		}
		const { line, character } = positionAt(starts ??= lineStartsOf(sidecarText, 'lf'), at);
		return { line: line + 1, column: character + 1 };
	};
	if (parsed.article && parsed.article.fileName !== articleFileName) {
		findings.push({ severity: 'warning', line: 1, column: 1, claimId: null, message: `names the article "${parsed.article.fileName}" but sits beside "${articleFileName}"` });
	}
	if (articleText === null) {
		findings.push({ severity: 'error', line: 1, column: 1, claimId: null, message: `its article ${articleFileName} is missing: ${countOf(claims.length, 'claim')} cannot be anchored` });
		return { findings, claims: claims.length, anchored: 0, fuzzy: 0, unanchored: claims.length, conflicts: claims.filter((c) => c.conflict).length };
	}
	const assessed = assessClaims(prepareArticle(articleText), claims);
	let anchored = 0;
	let fuzzy = 0;
	let unanchored = 0;
	let conflicts = 0;
	claims.forEach((claim, i) => {
		if (claim.conflict) {
			conflicts++;
			findings.push({ severity: 'warning', ...where(claim.id), claimId: claim.id, message: `merge conflict kept, both versions in the sidecar (${claim.conflict.kind}); choose one in the editor (News Seed: Resolve Claim Conflict)` });
		}
		const { anchor, anchoring } = assessed[i];
		if (anchoring.state === 'exact') {
			anchored++;
		} else if (anchoring.state === 'changed') {
			fuzzy++;
			findings.push({ severity: 'warning', ...where(claim.id), claimId: claim.id, message: `fuzzy: the text changed (similarity ${anchor.score.toFixed(2)}); confirm it in the editor: "${shortenAtWord(claim.target.quote.exact, 60)}"` });
		} else {
			unanchored++;
			findings.push({ severity: 'error', ...where(claim.id), claimId: claim.id, message: `unanchored: its text is no longer in the article: "${shortenAtWord(claim.target.quote.exact, 60)}"` });
		}
		if (!findVerdict(scale, claim.body.verdict)) {
			findings.push({ severity: 'warning', ...where(claim.id), claimId: claim.id, message: `verdict "${claim.body.verdict}" is not on the verdict scale` });
		}
	});
	findings.sort((a, b) => a.line - b.line || a.column - b.column);
	return { findings, claims: claims.length, anchored, fuzzy, unanchored, conflicts };
}
