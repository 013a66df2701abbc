// `news-seed checkworthy FILE... [--json] [--top N] [--threshold X]`: the sentences of seed articles most worth
// checking, with their scores and the reasons in words.
import { reasonInWords, scoreDocument, type SentenceScore } from '../../core/checkworthiness/scorer';
import { checkworthinessModel } from '../../core/checkworthiness/weights';
import { parseSeed } from '../../core/seed/seedParser';
import { readTextFile } from '../cliFiles';
import { type CliCommand, type CliIo, exitCodes, UsageError } from '../cliTypes';
import { parseCommandArgs } from '../claimsCli';

const help = `Usage: news-seed checkworthy FILE... [--json] [--top N] [--threshold X]

Ranks the sentences of seed articles (lead and paragraphs, not headings or the dateline) by check-worthiness,
a score in [0, 1] from a small model of named features (figures, comparisons, changes, causes, records,
attributions, ...), and says why each scored high.

Options:
  --json           print JSON: [{"file", "sentences": [{"start", "end", "text", "score", "reasons"}]}], one
                   object per file, every sentence in document order; start/end are UTF-16 offsets into the
                   text as VS Code holds it (no BOM; end exclusive); --top and --threshold do not apply
  --top N          list at most N sentences per file (default 10)
  --threshold X    list only sentences scoring at least X, 0 to 1 (default ${checkworthinessModel.threshold})
  -h, --help       show this help

Exit codes: 0 done, 2 bad arguments or a missing or unreadable file.
`;

/** The JSON form of one sentence. */
export interface CheckworthySentenceOut {
	start: number;
	end: number;
	text: string;
	score: number;
	reasons: string[];
}

/** Every sentence of the lead and paragraphs of `text`, scored, in document order. Pure, for tests. */
export function checkworthySentences(text: string): CheckworthySentenceOut[] {
	return scoreDocument(parseSeed(text)).map((s: SentenceScore) => ({
		start: s.start,
		end: s.end,
		text: text.slice(s.start, s.end),
		score: Math.round(s.score * 1000) / 1000,
		reasons: s.reasons.map(reasonInWords),
	}));
}

/** The plain-text listing of one file: its best sentences, best first, each with score and reasons. Pure, for tests. */
export function formatCheckworthy(file: string, sentences: readonly CheckworthySentenceOut[], top: number, threshold: number): string {
	const best = sentences.filter((s) => s.score >= threshold).sort((a, b) => b.score - a.score || a.start - b.start).slice(0, top);
	let out = `${file}: ${best.length === 0 ? `no sentence scores ${threshold} or more` : `${best.length} of ${sentences.length} sentences`}\n`;
	for (const s of best) {
		out += `  ${s.score.toFixed(2)}  [${s.start}, ${s.end})  ${s.text}\n`;
		if (s.reasons.length > 0) out += `        because: ${s.reasons.join('; ')}\n`;
	}
	return out;
}

function numberOption(value: string | undefined, name: string, fallback: number, valid: (x: number) => boolean): number {
	if (value === undefined) return fallback;
	const parsed = Number(value);
	if (value.trim() === '' || !Number.isFinite(parsed) || !valid(parsed)) throw new UsageError(`checkworthy: ${name} wants ${name === '--top' ? 'a whole number of at least 1' : 'a number from 0 to 1'}, got "${value}"`);
	return parsed;
}

export const checkworthyCommand: CliCommand = {
	name: 'checkworthy',
	summary: 'rank the sentences of seed files by check-worthiness, with reasons',
	help,
	async run(args: readonly string[], io: CliIo): Promise<number> {
		const { values, positionals } = parseCommandArgs('checkworthy', args, {
			json: { type: 'boolean' },
			top: { type: 'string' },
			threshold: { type: 'string' },
		});
		if (values.help) {
			io.stdout(help);
			return exitCodes.ok;
		}
		if (positionals.length === 0) throw new UsageError('checkworthy: which file? (news-seed checkworthy FILE...)');
		const top = numberOption(values.top, '--top', 10, (x) => Number.isInteger(x) && x >= 1);
		const threshold = numberOption(values.threshold, '--threshold', checkworthinessModel.threshold, (x) => x >= 0 && x <= 1);
		// Read every file first, so a missing one fails the run before anything is printed.
		const texts = await Promise.all(positionals.map((file) => readTextFile(io, file)));
		const results = positionals.map((file, i) => ({ file, sentences: checkworthySentences(texts[i]) }));
		if (values.json) {
			io.stdout(`${JSON.stringify(results, null, 2)}\n`);
		} else {
			io.stdout(results.map((r) => formatCheckworthy(r.file, r.sentences, top, threshold)).join('\n'));
		}
		return exitCodes.ok;
	},
};
