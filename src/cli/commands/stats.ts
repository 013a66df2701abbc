// `news-seed stats PATH...`: articles, claims by verdict, anchoring, most-mentioned entities.
import * as path from 'node:path';
import { assessClaims, findVerdict, prepareArticle, type Verdict } from '../../core/claims';
import { groupEntities, recognizeEntities, type EntityType } from '../../core/entities';
import { readSidecarForExport, verdictOrder } from '../../core/claims/exports';
import { displayPath, loadVerdictScale, parseCommandArgs, VERDICTS_HELP } from '../claimsCli';
import { type CliCommand, type CliIo, exitCodes, UsageError } from '../cliTypes';
import { findArticles, isOrphanSidecar, loadArticle, mapLimit, progressReporter } from '../workspaceFiles';

const help = `Usage: news-seed stats PATH... [--json] [--top N] [--no-entities]

Counts, over the seed articles under the PATHs (folders searched recursively): articles and articles with
claims, claims by verdict, claims anchored, fuzzy and unanchored, damaged sidecars, and the most-mentioned
named entities (the recognizer of the editor's entity features; an entity is counted by canonical name and
type within each article, then summed over the articles).

Options:
  --json           print JSON instead of text
  --top N          how many entities to list (default 10; 0 for none)
  --no-entities    skip entity recognition (faster)
${VERDICTS_HELP}
  -h, --help       show this help

Exit codes: 0 done, 1 done but a sidecar's article is missing (renamed or deleted; reported and skipped),
2 bad arguments or a missing or unreadable PATH.
`;

/** The figures `stats` prints. */
export interface ClaimStats {
	articles: number;
	articlesWithClaims: number;
	claims: number;
	anchored: number;
	fuzzy: number;
	unanchored: number;
	damagedSidecars: string[];
	/** Sidecars whose article is missing (renamed or deleted): not counted. */
	orphanSidecars: string[];
	verdicts: { verdict: string; claims: number }[];
	entities: { name: string; type: EntityType; mentions: number; articles: number }[];
}

/** Gathers the figures of the articles under `paths`. */
export async function gatherStats(io: CliIo, paths: readonly string[], scale: readonly Verdict[], top: number): Promise<ClaimStats> {
	const found = await findArticles(io.cwd, paths, false);
	const progress = progressReporter(io.stderr, 'counted', found.length);
	const byVerdict = new Map<string, number>();
	const entities = new Map<string, { name: string; type: EntityType; mentions: number; articles: number }>();
	const stats: ClaimStats = { articles: found.length, articlesWithClaims: 0, claims: 0, anchored: 0, fuzzy: 0, unanchored: 0, damagedSidecars: [], orphanSidecars: [], verdicts: [], entities: [] };
	await mapLimit(found, 8, async (files) => {
		if (await isOrphanSidecar(files)) {
			stats.orphanSidecars.push(displayPath(io, files.sidecar));
			stats.articles--;
			progress.tick();
			return;
		}
		const loaded = await loadArticle(files, readSidecarForExport);
		const claims = loaded.parsed?.claims ?? [];
		if (loaded.parsed && loaded.parsed.status !== 'ok') {
			stats.damagedSidecars.push(displayPath(io, files.sidecar));
		}
		if (claims.length > 0) {
			stats.articlesWithClaims++;
			stats.claims += claims.length;
			for (const { anchoring } of assessClaims(prepareArticle(loaded.text), claims)) {
				stats[anchoring.state === 'exact' ? 'anchored' : anchoring.state === 'changed' ? 'fuzzy' : 'unanchored']++;
			}
			for (const claim of claims) {
				const label = findVerdict(scale, claim.body.verdict)?.label ?? claim.body.verdict;
				byVerdict.set(label, (byVerdict.get(label) ?? 0) + 1);
			}
		}
		if (top > 0) {
			for (const entity of groupEntities(recognizeEntities(loaded.text), loaded.text)) {
				const entry = entities.get(entity.id) ?? { name: entity.canonical, type: entity.type, mentions: 0, articles: 0 };
				entry.mentions += entity.mentions.length;
				entry.articles++;
				if (entity.canonical.length > entry.name.length) {
					entry.name = entity.canonical;
				}
				entities.set(entity.id, entry);
			}
		}
		progress.tick();
	});
	progress.done();
	stats.damagedSidecars.sort();
	stats.orphanSidecars.sort();
	stats.verdicts = verdictOrder(scale, byVerdict.keys()).filter((v) => byVerdict.has(v)).map((verdict) => ({ verdict, claims: byVerdict.get(verdict) ?? 0 }));
	stats.entities = [...entities.values()]
		.sort((a, b) => b.mentions - a.mentions || b.articles - a.articles || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
		.slice(0, top);
	return stats;
}

/** The plain-text report. */
export function formatStats(stats: ClaimStats): string {
	const lines = [
		`articles: ${stats.articles} (${stats.articlesWithClaims} with claims)`,
		`claims: ${stats.claims} (${stats.anchored} anchored, ${stats.fuzzy} fuzzy, ${stats.unanchored} unanchored)`,
	];
	if (stats.damagedSidecars.length > 0) {
		lines.push(`damaged sidecars: ${stats.damagedSidecars.length} (${stats.damagedSidecars.slice(0, 5).join(', ')}${stats.damagedSidecars.length > 5 ? ', …' : ''})`);
	}
	if (stats.orphanSidecars.length > 0) {
		lines.push(`sidecars without their article: ${stats.orphanSidecars.length} (${stats.orphanSidecars.slice(0, 5).join(', ')}${stats.orphanSidecars.length > 5 ? ', …' : ''})`);
	}
	if (stats.verdicts.length > 0) {
		const width = Math.max(...stats.verdicts.map((v) => v.verdict.length));
		lines.push('claims by verdict:', ...stats.verdicts.map((v) => `  ${v.verdict.padEnd(width)}  ${v.claims}`));
	}
	if (stats.entities.length > 0) {
		const width = Math.max(...stats.entities.map((e) => String(e.mentions).length));
		lines.push('most-mentioned entities:', ...stats.entities.map((e) => `  ${String(e.mentions).padStart(width)}  ${e.type.padEnd(12)}  ${e.name} (${e.articles} article${e.articles === 1 ? '' : 's'})`));
	}
	return `${lines.join('\n')}\n`;
}

export const statsCommand: CliCommand = {
	name: 'stats',
	summary: 'count articles, claims by verdict, unanchored claims and most-mentioned entities',
	help,
	async run(args: readonly string[], io: CliIo): Promise<number> {
		const { values, positionals } = parseCommandArgs('stats', args, {
			json: { type: 'boolean' },
			top: { type: 'string' },
			'no-entities': { type: 'boolean' },
			verdicts: { type: 'string' },
		});
		if (values.help) {
			io.stdout(help);
			return exitCodes.ok;
		}
		if (positionals.length === 0) {
			throw new UsageError('stats: which files or folders? (news-seed stats PATH...)');
		}
		let top = 10;
		if (values.top !== undefined) {
			if (!/^\d+$/.test(values.top)) {
				throw new UsageError(`stats: --top needs a whole number, got "${values.top}"`);
			}
			top = Number(values.top);
		}
		if (values['no-entities']) {
			top = 0;
		}
		const scale = await loadVerdictScale(io, values.verdicts);
		const stats = await gatherStats(io, positionals.map((p) => path.normalize(p)), scale, top);
		io.stdout(values.json ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats));
		for (const orphan of stats.orphanSidecars) {
			io.stderr(`news-seed: error: ${orphan}: its article is missing (renamed or deleted?); not counted\n`);
		}
		return stats.orphanSidecars.length > 0 ? exitCodes.failure : exitCodes.ok;
	},
};
