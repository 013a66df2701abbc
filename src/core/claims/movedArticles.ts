/**
 * Articles renamed or moved without their sidecar (`git mv a.txt b.txt`, a rename in a file manager): the
 * sidecar is left behind without its article, and the article sits elsewhere without claims. This module pairs
 * them up so that the command line and the editor can offer to move the sidecar.
 */
import { parseSidecar, serialiseSidecar, type SidecarArticle } from './sidecarFormat';

/** A sidecar whose article is missing, with the article record it holds. */
export interface OrphanSidecar {
	readonly sidecar: string;
	readonly article: SidecarArticle;
}

/** An article (seed file) that has no sidecar of its own. */
export interface ArticleWithoutSidecar {
	readonly article: string;
	/** The file name without folders. */
	readonly fileName: string;
	/** SHA-256 of the text as the editor holds it (the hash that sidecars record). */
	readonly sha256: string;
}

/** An orphan sidecar and the article it most likely belongs to. */
export interface MovedArticle {
	readonly sidecar: string;
	readonly article: string;
	/** 'content': the article's text is the one the sidecar recorded; 'name': the same file name in another folder. */
	readonly matchedBy: 'content' | 'name';
}

/**
 * Pairs each orphan sidecar with the one article without sidecar that has the recorded text (same SHA-256), or
 * failing that the recorded file name. An orphan with several equally good candidates is left alone (the user
 * decides), and an article is given to one sidecar at most. Linear in the number of files.
 */
export function findMovedArticles(orphans: readonly OrphanSidecar[], articles: readonly ArticleWithoutSidecar[]): MovedArticle[] {
	const byHash = new Map<string, ArticleWithoutSidecar[]>();
	const byName = new Map<string, ArticleWithoutSidecar[]>();
	const add = (map: Map<string, ArticleWithoutSidecar[]>, key: string, candidate: ArticleWithoutSidecar) => {
		const list = map.get(key);
		if (list) {
			list.push(candidate);
		} else {
			map.set(key, [candidate]);
		}
	};
	for (const candidate of articles) {
		add(byHash, candidate.sha256, candidate);
		add(byName, candidate.fileName, candidate);
	}
	const taken = new Set<string>();
	const paired = new Set<string>();
	const out: MovedArticle[] = [];
	for (const matchedBy of ['content', 'name'] as const) {
		for (const orphan of orphans) {
			if (paired.has(orphan.sidecar)) {
				continue;
			}
			const candidates = (matchedBy === 'content' ? byHash.get(orphan.article.sha256) : byName.get(orphan.article.fileName)) ?? [];
			const free = candidates.filter((c) => !taken.has(c.article));
			if (free.length === 1) {
				taken.add(free[0].article);
				paired.add(orphan.sidecar);
				out.push({ sidecar: orphan.sidecar, article: free[0].article, matchedBy });
			}
		}
	}
	return out;
}

/**
 * The sidecar's text for its new place beside the article `articleFileName`: the article record's file name
 * changed, everything else kept. A sidecar that cannot be read as a valid one is moved as it is (returned
 * unchanged): it is never rewritten.
 */
export function relocatedSidecarText(text: string, articleFileName: string): string {
	const parsed = parseSidecar(text);
	if (parsed.status !== 'ok' || !parsed.sidecar || parsed.sidecar.article.fileName === articleFileName) {
		return text;
	}
	return serialiseSidecar({ ...parsed.sidecar, article: { ...parsed.sidecar.article, fileName: articleFileName } });
}
