/**
 * schema.org ClaimReview (https://schema.org/ClaimReview) in JSON-LD: one `ClaimReview` per judged claim.
 *
 * Fields, after schema.org's definitions:
 *  - `claimReviewed` (Text): the claim's text as quoted in the article;
 *  - `reviewRating` (Rating): `ratingValue` the verdict's rating on the scale, `bestRating`/`worstRating` the
 *    highest and lowest ratings of the scale, `alternateName` the verdict's label (the "truthiness" text). A
 *    verdict without a rating (Unverifiable) carries `alternateName` only;
 *  - `itemReviewed` (Claim): `author` the claimant (a Person, or an Organization when the entity recognizer
 *    calls the name one), `datePublished` the article's dateline, `appearance` the article (a NewsArticle with
 *    its IRI, headline and date);
 *  - `author` (Person): the claim's creator; `datePublished` (DateTime): when the verdict was last changed
 *    (`modified`); `reviewBody` the note; `keywords` the tags; `citation` the sources; `url` the article IRI
 *    with the claim id as fragment, so each review has its own address.
 * Claims still `Unchecked` have not been reviewed, so they are left out unless `includeUnchecked` is set.
 */
import { UNCHECKED_LABEL, findVerdict, type Verdict } from '..';
import { recognizeEntities } from '../../entities';
import { scaleOf, type ExportArticle, type ExportClaim, type ExportOptions } from './exportModel';

/** The schema.org JSON-LD context. */
export const SCHEMA_ORG_CONTEXT = 'https://schema.org';

/** The type a claimant's name most likely has: Organization when the recognizer says so, else Person. */
export function claimantType(name: string): 'Person' | 'Organization' {
	const mentions = recognizeEntities(name);
	const whole = mentions.find((m) => m.end - m.start >= name.trim().length - 4);
	if (whole?.type === 'organization') {
		return 'Organization';
	}
	return /\b(?:agency|ministry|government|council|company|corp\.?|inc\.?|ltd\.?|bank|party|office|university|committee|organi[sz]ation|union|association|department)\b/i.test(name) ? 'Organization' : 'Person';
}

function ratingOf(scale: readonly Verdict[], label: string): Record<string, unknown> {
	const rated = scale.filter((v) => v.rating !== null).map((v) => v.rating as number);
	const verdict = findVerdict(scale, label);
	const rating: Record<string, unknown> = { '@type': 'Rating' };
	if (verdict?.rating !== null && verdict?.rating !== undefined && rated.length > 0) {
		rating.ratingValue = verdict.rating;
		rating.bestRating = Math.max(...rated);
		rating.worstRating = Math.min(...rated);
	}
	rating.alternateName = verdict?.label ?? label;
	return rating;
}

/** The ClaimReview of one claim (without `@context`: the document's applies). */
export function claimToClaimReview(article: ExportArticle, exported: ExportClaim, options: ExportOptions = {}): Record<string, unknown> {
	const { claim } = exported;
	const appearance: Record<string, unknown> = { '@type': 'NewsArticle', url: article.iri, headline: article.title };
	if (article.date !== null) {
		appearance.datePublished = article.date;
	}
	const item: Record<string, unknown> = { '@type': 'Claim' };
	if (claim.body.claimant !== null) {
		item.author = { '@type': claimantType(claim.body.claimant), name: claim.body.claimant };
	}
	if (article.date !== null) {
		item.datePublished = article.date;
	}
	item.appearance = appearance;
	const review: Record<string, unknown> = {
		'@type': 'ClaimReview',
		'@id': claim.id,
		url: `${article.iri}#${claim.id.replace(/^urn:uuid:/, 'claim-')}`,
		claimReviewed: claim.target.quote.exact,
		reviewRating: ratingOf(scaleOf(options), claim.body.verdict),
		itemReviewed: item,
	};
	if (claim.creator !== null) {
		review.author = { '@type': 'Person', name: claim.creator };
	}
	review.datePublished = claim.modified;
	if (claim.body.note !== '') {
		review.reviewBody = claim.body.note;
	}
	if (claim.body.tags.length > 0) {
		review.keywords = claim.body.tags.join(', ');
	}
	if (claim.body.sources.length > 0) {
		review.citation = [...claim.body.sources];
	}
	return review;
}

/** The ClaimReviews of the articles and the number of unchecked claims left out. */
export function claimReviews(articles: readonly ExportArticle[], options: ExportOptions = {}): { reviews: Record<string, unknown>[]; leftOut: number } {
	const reviews: Record<string, unknown>[] = [];
	let leftOut = 0;
	for (const article of articles) {
		for (const exported of article.claims) {
			if (!options.includeUnchecked && exported.claim.body.verdict.toLowerCase() === UNCHECKED_LABEL.toLowerCase()) {
				leftOut++;
				continue;
			}
			reviews.push(claimToClaimReview(article, exported, options));
		}
	}
	return { reviews, leftOut };
}

/** Whether the claim is left out of ClaimReview (still Unchecked, unless asked for). */
function leftOutOfReviews(exported: ExportClaim, options: ExportOptions): boolean {
	return !options.includeUnchecked && exported.claim.body.verdict.toLowerCase() === UNCHECKED_LABEL.toLowerCase();
}

/**
 * {@link serialiseClaimReviews}'s document in pieces (its head, one article's reviews per piece, its tail) and
 * the count of claims left out. Joined, the pieces are that text: each review is `JSON.stringify`'d alone and
 * indented by the depth of `@graph`'s items, which is how `JSON.stringify(document, null, 2)` writes it (JSON
 * strings hold no raw line break).
 */
export function claimReviewPieces(articles: readonly ExportArticle[], options: ExportOptions = {}): { pieces: () => Generator<string, void, undefined>; leftOut: number } {
	let leftOut = 0;
	let kept = 0;
	for (const article of articles) {
		for (const exported of article.claims) {
			if (leftOutOfReviews(exported, options)) {
				leftOut++;
			} else {
				kept++;
			}
		}
	}
	function* pieces(): Generator<string, void, undefined> {
		if (kept === 0) {
			yield `${JSON.stringify({ '@context': SCHEMA_ORG_CONTEXT, '@graph': [] }, null, 2)}\n`;
			return;
		}
		yield `{\n  "@context": ${JSON.stringify(SCHEMA_ORG_CONTEXT)},\n  "@graph": [\n    `;
		let first = true;
		for (const article of articles) {
			let piece = '';
			for (const exported of article.claims) {
				if (!leftOutOfReviews(exported, options)) {
					piece += `${first ? '' : ',\n    '}${JSON.stringify(claimToClaimReview(article, exported, options), null, 2).replace(/\n/g, '\n    ')}`;
					first = false;
				}
			}
			if (piece !== '') {
				yield piece;
			}
		}
		yield '\n  ]\n}\n';
	}
	return { pieces, leftOut };
}

/** A JSON-LD document with every ClaimReview in its `@graph`; two-space indentation, final newline. */
export function serialiseClaimReviews(articles: readonly ExportArticle[], options: ExportOptions = {}): { content: string; leftOut: number } {
	const { pieces, leftOut } = claimReviewPieces(articles, options);
	return { content: [...pieces()].join(''), leftOut };
}
