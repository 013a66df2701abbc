/**
 * Check-worthiness scoring off the editor's thread: the messages between the editor and a scoring worker, the
 * worker's side ({@link ScoringWorkerState}: the open articles' texts, parses and score caches; it scores what
 * it is sent) and the editor's side ({@link ScoringClient}: it sends an article's text once, then only the edits,
 * and rebuilds the scores from compact replies).
 *
 * Replies are flat typed arrays (transferred, not copied): a sentence whose block was scored in the previous
 * reply is sent as the index of its earlier self ("reuse"), so that while typing the reply carries the edited
 * paragraph's reasons only, and the editor keeps the objects it already has. A reason's text is sent as offsets
 * into the article: the editor slices it from its own copy of the text.
 */
import type { SeedDocument, SentenceSpan, TextEdit } from '../seed/seedDocument';
import { applyEdits, parseSeed, updateSeed } from '../seed/seedParser';
import { isSeedFileName, startsWithDateline } from '../seed/seedRecognition';
import type { Steps } from '../text/steps';
import { features } from './features';
import { scoreTextInto, type Reason, type SentenceScore } from './scorer';
import { decodeRemembered, decodeRememberedSteps, encodeRememberedSteps, type ParagraphScoreLists } from './rememberedScores';
import { drainSteps } from '../text/steps';
import { warmUpArticle, warmUpPlan, warmUpSteps, type WarmUpWork } from './warmUp';

/**
 * A job for the scoring worker. `score`: the article `key` at `version`, given either its whole `text` (the first
 * time, or to start over) or the `edits` since the last job for it (one batch per change event, each as VS Code
 * reports it: non-overlapping ranges of the text before that event). `close`: forget the article. `warmUp`: run
 * the scorer's warm-up (jobs that arrive meanwhile go first).
 */
export type ScoringJob =
	| { readonly kind: 'score'; readonly id: number; readonly key: string; readonly version: number; readonly text?: string; readonly edits?: readonly (readonly TextEdit[])[] }
	| { readonly kind: 'close'; readonly key: string }
	| { readonly kind: 'warmUp'; readonly id: number; readonly threshold: number }
	/** Take the scores remembered from earlier sessions (the file's `bytes`, if there is one) for the scorer `fingerprint`. */
	| { readonly kind: 'remember'; readonly id: number; readonly fingerprint: string; readonly bytes?: Uint8Array }
	/** Send the remembered scores to write, if they changed since the last time. */
	| { readonly kind: 'exportRemembered'; readonly id: number }
	/**
	 * Score the workspace's large articles before they are opened (see {@link ScoringWorkerState.prescoreSteps}): of
	 * `files` (local paths, with the key an open article of the same file has), those of at least `minBytes` bytes, the
	 * most recently modified first, up to `maxUnits` UTF-16 units of text in all, read by the worker itself; their
	 * paragraphs' scores join the remembered ones. Runs in slices, paused while articles are being scored.
	 */
	| { readonly kind: 'prescore'; readonly id: number; readonly files: readonly PrescoreFile[]; readonly minBytes: number; readonly maxUnits: number }
	/**
	 * An article is about to open (its editor's tab appeared; the editor has no document yet): read its file at `path`
	 * (when it has `minBytes` to `maxBytes` bytes) and score its paragraphs now, at full priority, in steps between
	 * which other jobs are answered, so that the article's `score` job under `key` finds them scored (see
	 * {@link ScoringWorkerState.prefetchSteps}). No reply; a worker without files ignores it.
	 */
	| { readonly kind: 'prefetch'; readonly key: string; readonly path: string; readonly minBytes: number; readonly maxBytes: number };

/** A file to score before it is opened: its local path, and the key its article has in `score` jobs (its URI). */
export interface PrescoreFile {
	readonly key: string;
	readonly path: string;
}

/** What a `prescore` job did. */
export interface PrescoreResult {
	/** False where the worker cannot read files (a Web Worker): nothing was done. */
	readonly supported: boolean;
	/** Files looked at (stat'ed), and those of at least `minBytes`. */
	readonly files: number;
	readonly large: number;
	/** Large articles read and scored (every paragraph now remembered), and those left: open, unreadable, or beyond `maxUnits`. */
	readonly articles: number;
	readonly skipped: number;
	/** Paragraphs and sentences scored (the others were remembered already). */
	readonly paragraphs: number;
	readonly sentences: number;
	/** The worker's slices: how many, their work (wall, and CPU where the thread has a clock), the longest. */
	readonly slices: number;
	readonly busyMs: number;
	readonly longestSliceMs: number;
	readonly busyCpuMs?: number;
}

/** How a worker reads local files (a Node worker thread; a Web Worker cannot). Both never throw. */
export interface WorkerFiles {
	/** A file's size in bytes and modification time (ms), or undefined when it is missing or not a file. */
	stat(path: string): { readonly size: number; readonly mtime: number } | undefined;
	/** A file's text (UTF-8, without its byte order mark), or undefined when it cannot be read. */
	read(path: string): string | undefined;
}

/**
 * An article's scores in flat arrays, sentence `i` at `starts[i]`..`ends[i]`. `reuse[i]` >= 0: the sentence is
 * sentence `reuse[i]` of the previous reply for the same article (same text, perhaps moved: its score and reasons
 * are those); -1: its score is `scores[i]` and its reasons are the next `reasonCounts[i]` entries of the reason
 * arrays (feature index, text offsets into the article or -1 when the reason has no text, contribution).
 */
export interface EncodedScores {
	readonly starts: Int32Array;
	readonly ends: Int32Array;
	readonly reuse: Int32Array;
	readonly scores: Float64Array;
	readonly reasonCounts: Int32Array;
	readonly reasonFeatures: Int32Array;
	readonly reasonStarts: Int32Array;
	readonly reasonEnds: Int32Array;
	readonly contributions: Float64Array;
}

/** How long the worker's own work took (its thread's clock when it has one, else the wall clock), ms. */
export interface WorkerTiming {
	readonly workMs: number;
	readonly cpuMs?: number;
	/** Its parts (wall): the text parsed (or the edits applied), every sentence scored, the reply encoded. */
	readonly parseMs: number;
	readonly scoreMs: number;
	readonly encodeMs: number;
	/** How many of the article's sentences the job scored (the others came from a cache or from earlier sessions). */
	readonly scoredSentences: number;
	/** When the worker began and ended the job, on a clock both threads share ({@link sharedClockMs}). */
	readonly startedAt: number;
	readonly finishedAt: number;
	/**
	 * When the article's file was read and scored before its text came (a `prefetch` job): the sentences scored then
	 * (not in `scoredSentences`), its CPU (where the thread has a clock), and when it began and ended on the shared
	 * clock (`finishedAt` undefined: this job came first and scored the rest).
	 */
	readonly prefetch?: { readonly sentences: number; readonly cpuMs?: number; readonly startedAt: number; readonly finishedAt?: number };
}

/**
 * Milliseconds since the epoch, to the precision of `performance.now()`: a clock the editor's thread and the
 * worker's share (each thread's `performance.now()` counts from its own start), so that the editor can tell how
 * long a job waited to reach the worker and its reply to come back.
 */
export function sharedClockMs(): number {
	return performance.timeOrigin + performance.now();
}

/** What the worker's warm-up did: like the editor's sliced warm-up, its slices (turns of the worker's event loop). */
export interface WorkerWarmUp extends WarmUpWork {
	readonly slices: number;
	readonly busyMs: number;
	readonly longestSliceMs: number;
	readonly busyCpuMs?: number;
	readonly longestSliceCpuMs?: number;
}

/** The worker's answer to the job with the same id. `length` is the article's length as the worker holds it. */
export type ScoringReply =
	| { readonly kind: 'scores'; readonly id: number; readonly key: string; readonly version: number; readonly length: number; readonly encoded: EncodedScores; readonly timing: WorkerTiming }
	/**
	 * A `prefetch` done (no job asks for it: `id` 0): the worker now holds the article `key` with the file's `text`,
	 * as if the editor had sent it whole, and these are its scores. The editor uses them if its document's text is
	 * this very text (then sends only edits from there), else sends its text whole as usual.
	 */
	| { readonly kind: 'prefetched'; readonly id: 0; readonly key: string; readonly text: string; readonly encoded: EncodedScores; readonly timing: WorkerTiming }
	| { readonly kind: 'warmedUp'; readonly id: number; readonly warmUp: WorkerWarmUp }
	/** To `remember`: how many paragraphs' scores the file gave; to `exportRemembered`: the bytes to write, if they changed. */
	| { readonly kind: 'remembered'; readonly id: number; readonly paragraphs: number; readonly bytes?: Uint8Array }
	| { readonly kind: 'prescored'; readonly id: number; readonly result: PrescoreResult }
	| { readonly kind: 'error'; readonly id: number; readonly error: string };

/** The typed arrays of an encoding, to transfer rather than copy. */
export function transferablesOf(encoded: EncodedScores): ArrayBuffer[] {
	return [encoded.starts, encoded.ends, encoded.reuse, encoded.scores, encoded.reasonCounts, encoded.reasonFeatures, encoded.reasonStarts, encoded.reasonEnds, encoded.contributions]
		.map((array) => array.buffer as ArrayBuffer);
}

/**
 * One paragraph's scores as the worker keeps them: flat lists, offsets from the paragraph's start (a reason's -1,
 * -1 when it has no text). The same object serves every paragraph of the same text, wherever it moves; a reply
 * sends the sentences of one that was in the previous reply as indices into it.
 */
class BlockScores implements ParagraphScoreLists {
	readonly starts: number[] = [];
	readonly ends: number[] = [];
	readonly scores: number[] = [];
	readonly reasonCounts: number[] = [];
	readonly reasonFeatures: number[] = [];
	readonly reasonStarts: number[] = [];
	readonly reasonEnds: number[] = [];
	readonly contributions: number[] = [];
	/** The sentence being scored, from the paragraph's start (while the constructor runs). */
	private sentenceOffset = 0;

	/** Scores the sentences `spans` (offsets into `text`) of the paragraph starting at `start`. */
	constructor(text: string, start: number, spans: readonly SentenceSpan[]) {
		const sink = (feature: number, from: number, to: number, contribution: number): void => {
			this.reasonFeatures.push(feature);
			this.reasonStarts.push(from < 0 ? -1 : from + this.sentenceOffset);
			this.reasonEnds.push(to < 0 ? -1 : to + this.sentenceOffset);
			this.contributions.push(contribution);
		};
		for (const span of spans) {
			this.sentenceOffset = span.start - start;
			const before = this.reasonFeatures.length;
			this.starts.push(span.start - start);
			this.ends.push(span.end - start);
			this.scores.push(scoreTextInto(text.slice(span.start, span.end), sink));
			this.reasonCounts.push(this.reasonFeatures.length - before);
		}
	}
}

/**
 * The worker's scores of an article's paragraphs, cached by paragraph text, so that an edit rescores only the
 * paragraphs it touched. Each pass over the article starts a generation: entries unused since the previous pass
 * go at the next one (as the editor's BlockScoreCache does).
 */
class BlockScoresCache {
	private current = new Map<string, ParagraphScoreLists>();
	private previous = new Map<string, ParagraphScoreLists>();

	/**
	 * The scores of every paragraph of `doc`, in document order, with where each starts: from this cache, else
	 * from `remembered` (earlier sessions), else scored now (`scored` hears of each).
	 */
	scoresOf(doc: SeedDocument, remembered: (text: string) => ParagraphScoreLists | undefined, scored: (scores: BlockScores) => void): { readonly start: number; readonly scores: ParagraphScoreLists }[] {
		this.previous = this.current;
		this.current = new Map();
		const out: { start: number; scores: ParagraphScoreLists }[] = [];
		for (const block of doc.blocks) {
			if (block.kind !== 'paragraph') continue;
			const blockText = doc.text.slice(block.start, block.end);
			let scores = this.current.get(blockText) ?? this.previous.get(blockText) ?? remembered(blockText);
			if (scores === undefined) {
				const fresh = new BlockScores(doc.text, block.start, block.sentences);
				scored(fresh);
				scores = fresh;
			}
			this.current.set(blockText, scores);
			out.push({ start: block.start, scores });
		}
		return out;
	}

	/** The paragraphs of the last pass, by text. */
	get paragraphs(): ReadonlyMap<string, ParagraphScoreLists> {
		return this.current;
	}
}

/**
 * Encodes an article's paragraph scores (see {@link EncodedScores}) against `previous`, the index of the first
 * sentence of each paragraph's scores in the last reply for the same article: those paragraphs' sentences are sent
 * as indices into it. Returns the encoding and that index for this reply.
 */
function encodeBlocks(blocks: readonly { readonly start: number; readonly scores: ParagraphScoreLists }[], previous: ReadonlyMap<ParagraphScoreLists, number>): { encoded: EncodedScores; firsts: Map<ParagraphScoreLists, number> } {
	let n = 0;
	let reasonTotal = 0;
	for (const { scores } of blocks) {
		n += scores.starts.length;
		if (!previous.has(scores)) reasonTotal += scores.reasonFeatures.length;
	}
	const starts = new Int32Array(n);
	const ends = new Int32Array(n);
	const reuse = new Int32Array(n);
	const values = new Float64Array(n);
	const reasonCounts = new Int32Array(n);
	const reasonFeatures = new Int32Array(reasonTotal);
	const reasonStarts = new Int32Array(reasonTotal);
	const reasonEnds = new Int32Array(reasonTotal);
	const contributions = new Float64Array(reasonTotal);
	const firsts = new Map<ParagraphScoreLists, number>();
	let i = 0;
	let r = 0;
	for (const { start, scores } of blocks) {
		firsts.set(scores, i);
		const earlier = previous.get(scores);
		for (let k = 0; k < scores.starts.length; k++, i++) {
			starts[i] = start + scores.starts[k];
			ends[i] = start + scores.ends[k];
			reuse[i] = earlier === undefined ? -1 : earlier + k;
		}
		if (earlier !== undefined) continue;
		values.set(scores.scores, i - scores.starts.length);
		reasonCounts.set(scores.reasonCounts, i - scores.starts.length);
		for (let k = 0; k < scores.reasonFeatures.length; k++, r++) {
			reasonFeatures[r] = scores.reasonFeatures[k];
			reasonStarts[r] = scores.reasonStarts[k] < 0 ? -1 : start + scores.reasonStarts[k];
			reasonEnds[r] = scores.reasonEnds[k] < 0 ? -1 : start + scores.reasonEnds[k];
			contributions[r] = scores.contributions[k];
		}
	}
	return { encoded: { starts, ends, reuse, scores: values, reasonCounts, reasonFeatures, reasonStarts, reasonEnds, contributions }, firsts };
}

/**
 * A sentence's reasons as a reply encoded them, decoded on first read (most sentences' reasons are never read);
 * once decoded, the reply's arrays and text are let go.
 */
class EncodedReasons {
	private decoded: readonly Reason[] | undefined;
	private source: { readonly text: string; readonly encoded: EncodedScores } | undefined;

	constructor(text: string, encoded: EncodedScores, private readonly first: number, private readonly count: number) {
		this.source = { text, encoded };
	}

	get reasons(): readonly Reason[] {
		if (this.decoded) return this.decoded;
		const { text, encoded: { reasonFeatures, reasonStarts, reasonEnds, contributions } } = this.source!;
		const reasons: Reason[] = [];
		for (let r = this.first; r < this.first + this.count; r++) {
			const feature = features[reasonFeatures[r]];
			reasons.push(reasonStarts[r] < 0
				? { feature: feature.id, label: feature.label, contribution: contributions[r] }
				: { feature: feature.id, label: feature.label, text: text.slice(reasonStarts[r], reasonEnds[r]), contribution: contributions[r] });
		}
		this.decoded = reasons;
		this.source = undefined;
		return reasons;
	}
}

/**
 * Replies with at most this many new sentences (typing) have their reasons decoded at once: cheap, and they then
 * keep no reference to their reply's arrays, which would otherwise live as long as any of its sentences.
 */
const EAGER_DECODING_SENTENCES = 512;

/**
 * A sentence's score from a worker's reply. Its reasons are decoded when first read (hover, Claims view, the
 * snapshot): the editor reads few of an article's thousands, and decoding them all took tens of milliseconds of
 * its thread. A moved sentence shares its reasons with the one of before.
 */
class DecodedScore implements SentenceScore {
	constructor(readonly start: number, readonly end: number, readonly score: number, readonly source: EncodedReasons) {}

	get reasons(): readonly Reason[] {
		return this.source.reasons;
	}
}

/** A plain copy of a score (its reasons decoded): for comparisons and messages. */
export function plainScore(s: SentenceScore): SentenceScore {
	return { start: s.start, end: s.end, score: s.score, reasons: s.reasons };
}

/**
 * The scores an encoding stands for, given the article's `text` (the editor's copy, equal to the worker's) and
 * `previous`, the scores decoded from the last reply for the same article. A reused sentence that did not move
 * is the very object of before; reasons are decoded when first read.
 */
export function decodeScores(text: string, encoded: EncodedScores, previous: readonly SentenceScore[]): SentenceScore[] {
	const { starts, ends, reuse, scores, reasonCounts } = encoded;
	const out: SentenceScore[] = [];
	let fresh = 0;
	for (let i = 0; i < reuse.length && fresh <= EAGER_DECODING_SENTENCES; i++) if (reuse[i] < 0) fresh++;
	const eager = fresh <= EAGER_DECODING_SENTENCES;
	let r = 0;
	for (let i = 0; i < starts.length; i++) {
		const start = starts[i];
		const end = ends[i];
		const at = reuse[i];
		if (at >= 0) {
			const before = previous[at];
			if (!(before instanceof DecodedScore)) throw new Error(`check-worthiness worker: reply reuses sentence ${at} of ${previous.length}`);
			out.push(before.start === start && before.end === end ? before : new DecodedScore(start, end, before.score, before.source));
			continue;
		}
		const reasons = new EncodedReasons(text, encoded, r, reasonCounts[i]);
		if (eager) void reasons.reasons;
		out.push(new DecodedScore(start, end, scores[i], reasons));
		r += reasonCounts[i];
	}
	return out;
}

interface Article {
	doc: SeedDocument;
	readonly cache: BlockScoresCache;
	/** Where each paragraph's scores began in the last reply, which the next one is encoded against. */
	previous: ReadonlyMap<ParagraphScoreLists, number>;
}

/** At most this many articles' `prefetch` scores wait for their article's job (a tab opened and closed again leaves one). */
const PREFETCHED_ARTICLES = 2;

/** At most this much paragraph text (UTF-16 units, twice as many bytes) is remembered across sessions: a few long articles, or hundreds of short ones. */
export const rememberedTextUnits = 4_000_000;

/**
 * The scoring worker's state and work, without the thread: the open articles (text, parse, score cache, last
 * reply) by key. {@link answer} scores synchronously; the worker's warm-up runs in {@link warmUpSteps}' steps
 * between jobs. Never throws: a failure is an `error` reply.
 */
export class ScoringWorkerState {
	/** The open articles, the most recently scored last. */
	private readonly articles = new Map<string, Article>();
	/** Scores remembered from earlier sessions (and from articles closed since), and the scorer they belong to. */
	private remembered: ReadonlyMap<string, ParagraphScoreLists> = new Map();
	/**
	 * Paragraphs not in the remembered bytes yet, until the next export takes them (see {@link absorbSteps}): those of
	 * articles closed, and those scored before their article was opened (one map per `prescore` job, see
	 * {@link prescoreSteps}); the newest last. Until then they pin their articles' texts.
	 */
	private unsaved: ReadonlyMap<string, ParagraphScoreLists>[] = [];
	/**
	 * The unsaved maps a `prescore` job is still filling: an export that runs between the job's steps takes what they
	 * hold so far but leaves them unsaved, so the paragraphs scored after it are taken by the next export.
	 */
	private readonly filling = new Set<ReadonlyMap<string, ParagraphScoreLists>>();
	/** The remembered scores, then the unsaved ones (the newest first), by paragraph text. */
	private readonly known = (text: string): ParagraphScoreLists | undefined => {
		const remembered = this.remembered.get(text);
		if (remembered !== undefined) return remembered;
		for (let i = this.unsaved.length - 1; i >= 0; i--) {
			const scores = this.unsaved[i].get(text);
			if (scores !== undefined) return scores;
		}
		return undefined;
	};
	/**
	 * Articles read and scored before their text came (`prefetch` jobs), by key: their paragraphs' scores and what it
	 * cost; taken by the article's first `score` job. At most {@link PREFETCHED_ARTICLES}, the oldest dropped.
	 */
	private readonly prefetched = new Map<string, { readonly paragraphs: Map<string, ParagraphScoreLists>; sentences: number; cpuMs?: number; readonly startedAt: number; finishedAt?: number }>();
	private fingerprint: string | undefined;
	/** Whether paragraphs were scored or articles closed since the remembered scores were last made. */
	private changed = false;
	/** The remembered scores' bytes not yet sent to be written. */
	private unsent: Uint8Array | undefined;
	/** How many sentences were scored (not found in a cache or remembered): tests. */
	scoredSentences = 0;

	/**
	 * `cpuMs` is the worker thread's CPU clock where the runtime has one (for the timing in replies).
	 */
	constructor(private readonly now: () => number = () => performance.now(), private readonly cpuMs: () => number | undefined = () => undefined) {}

	/**
	 * The reply to a job, at once (undefined for `close`; `warmUp` and `prescore` are the caller's loops over
	 * {@link warmUpSteps} and {@link prescoreSteps}; the worker runs `exportRemembered` as {@link exportSteps}).
	 */
	answer(job: Exclude<ScoringJob, { kind: 'warmUp' | 'prescore' | 'prefetch' }>): ScoringReply | undefined {
		if (job.kind === 'close') {
			// Its paragraphs are kept with the remembered ones at the next export (where there are remembered scores).
			const article = this.articles.get(job.key);
			if (article && this.fingerprint !== undefined) this.unsaved.push(article.cache.paragraphs);
			this.articles.delete(job.key);
			return undefined;
		}
		if (job.kind === 'remember') return this.remember(job);
		if (job.kind === 'exportRemembered') return drainSteps(this.exportSteps(job));
		const clock = this.clock();
		try {
			const article = this.update(job);
			return this.scoresReply(job, article, clock, this.now(), this.knownFor(job.key));
		} catch (error) {
			return this.failed(job, error);
		}
	}

	/**
	 * The known scores for the article `key`'s job: the remembered and unsaved ones, then those of its `prefetch`,
	 * which this job takes (they join the article's cache).
	 */
	private knownFor(key: string): { readonly known: (text: string) => ParagraphScoreLists | undefined; readonly prefetch?: WorkerTiming['prefetch'] } {
		const prefetched = this.prefetched.get(key);
		if (!prefetched) return { known: this.known };
		this.prefetched.delete(key);
		const { paragraphs, sentences, cpuMs, startedAt, finishedAt } = prefetched;
		if (paragraphs.size > 0) this.changed = true;
		return {
			known: (text) => this.known(text) ?? paragraphs.get(text),
			prefetch: { sentences, startedAt, ...(cpuMs === undefined ? {} : { cpuMs }), ...(finishedAt === undefined ? {} : { finishedAt }) },
		};
	}

	/**
	 * A `prefetch` job as steps (the worker answers other jobs between them): the file stat'ed, read and parsed, then
	 * each of its paragraphs not known (remembered or unsaved) taken from an open article's cache or else scored, a
	 * step each, into the scores the article's `score` job takes. Stops as soon as that job came (it scores what is left), or when
	 * the file is outside the sizes, unreadable, no seed article (neither its name nor a dateline says so), or its
	 * article open already. The text read is the one VS Code shows
	 * for a UTF-8 file (see {@link WorkerFiles}); if the editor's text differs, only the equal paragraphs are used.
	 */
	*prefetchSteps(job: Extract<ScoringJob, { kind: 'prefetch' }>, files: WorkerFiles): Steps<Extract<ScoringReply, { kind: 'prefetched' }> | undefined> {
		if (this.articles.has(job.key) || this.prefetched.has(job.key)) return undefined;
		const startedAt = sharedClockMs();
		const cpuStarted = this.cpuMs();
		const stat = files.stat(job.path);
		if (!stat || stat.size < job.minBytes || stat.size > job.maxBytes) return undefined;
		const entry: { paragraphs: Map<string, ParagraphScoreLists>; sentences: number; cpuMs?: number; startedAt: number; finishedAt?: number } = { paragraphs: new Map(), sentences: 0, startedAt };
		this.prefetched.set(job.key, entry);
		for (const key of this.prefetched.keys()) {
			if (this.prefetched.size <= PREFETCHED_ARTICLES) break;
			this.prefetched.delete(key);
		}
		const gone = (): boolean => this.prefetched.get(job.key) !== entry;
		const spent = (): void => {
			const cpuNow = this.cpuMs();
			if (cpuNow !== undefined && cpuStarted !== undefined) entry.cpuMs = cpuNow - cpuStarted;
		};
		const text = files.read(job.path);
		// Only a seed article: by its name, or a dateline on its first line (as the editor gives it the language).
		if (text === undefined || !(isSeedFileName(job.path.slice(Math.max(job.path.lastIndexOf('/'), job.path.lastIndexOf('\\')) + 1)) || startsWithDateline(text.slice(0, 200)))) {
			this.prefetched.delete(job.key);
			return undefined;
		}
		const doc = parseSeed(text);
		spent();
		yield;
		for (const block of doc.blocks) {
			if (gone()) return undefined;
			if (block.kind !== 'paragraph') continue;
			const blockText = text.slice(block.start, block.end);
			if (entry.paragraphs.has(blockText) || this.known(blockText) !== undefined) continue;
			// An open article's paragraph of the same text: its scores, not scored again.
			const open = this.openParagraph(blockText);
			if (open) {
				entry.paragraphs.set(blockText, open);
				continue;
			}
			const scores = new BlockScores(text, block.start, block.sentences);
			entry.paragraphs.set(blockText, scores);
			entry.sentences += scores.starts.length;
			this.scoredSentences += scores.starts.length;
			spent();
			yield;
		}
		if (gone()) return undefined;
		// The article as if the editor had sent the file's text whole: its job (the text, or edits from it) then
		// finds it, and the editor gets its scores before it has the document.
		const article: Article = { doc, cache: new BlockScoresCache(), previous: new Map() };
		const known = this.knownFor(job.key);
		const { encoded, firsts } = encodeBlocks(article.cache.scoresOf(doc, known.known, () => undefined), article.previous);
		article.previous = firsts;
		this.articles.set(job.key, article);
		spent();
		entry.finishedAt = sharedClockMs();
		const timing: WorkerTiming = {
			workMs: 0, parseMs: 0, scoreMs: 0, encodeMs: 0, scoredSentences: 0, startedAt, finishedAt: entry.finishedAt,
			prefetch: { sentences: entry.sentences, startedAt, finishedAt: entry.finishedAt, ...(entry.cpuMs === undefined ? {} : { cpuMs: entry.cpuMs }) },
		};
		return { kind: 'prefetched', id: 0, key: job.key, text, encoded, timing };
	}

	/** The scores of the paragraph `text` in an open article's cache, if one holds it. */
	private openParagraph(text: string): ParagraphScoreLists | undefined {
		for (const article of this.articles.values()) {
			const scores = article.cache.paragraphs.get(text);
			if (scores) return scores;
		}
		return undefined;
	}

	/** The clocks at a job's start. */
	private clock(): { readonly startedAt: number; readonly started: number; readonly cpuStarted: number | undefined; readonly scoredBefore: number } {
		return { startedAt: sharedClockMs(), started: this.now(), cpuStarted: this.cpuMs(), scoredBefore: this.scoredSentences };
	}

	/** A failed article starts over from its whole text next time. */
	private failed(job: Extract<ScoringJob, { kind: 'score' }>, error: unknown): ScoringReply {
		this.articles.delete(job.key);
		return { kind: 'error', id: job.id, error: String(error) };
	}

	/**
	 * The `scores` reply for `article` (updated for `job`, parsed by `parsed`): every paragraph's scores from the
	 * cache, else `known`, else scored now; encoded against the previous reply.
	 */
	private scoresReply(job: Extract<ScoringJob, { kind: 'score' }>, article: Article, clock: ReturnType<ScoringWorkerState['clock']>, parsed: number, known: ReturnType<ScoringWorkerState['knownFor']>): ScoringReply {
		const { startedAt, started, cpuStarted, scoredBefore } = clock;
		const blocks = article.cache.scoresOf(article.doc, known.known, (scores) => {
			this.scoredSentences += scores.starts.length;
			this.changed = true;
		});
		const scored = this.now();
		const { encoded, firsts } = encodeBlocks(blocks, article.previous);
		article.previous = firsts;
		const cpuNow = this.cpuMs();
		const now = this.now();
		const timing: WorkerTiming = {
			workMs: now - started, parseMs: parsed - started, scoreMs: scored - parsed, encodeMs: now - scored, scoredSentences: this.scoredSentences - scoredBefore, startedAt, finishedAt: sharedClockMs(),
			...(cpuNow !== undefined && cpuStarted !== undefined ? { cpuMs: cpuNow - cpuStarted } : {}),
			...(known.prefetch ? { prefetch: known.prefetch } : {}),
		};
		return { kind: 'scores', id: job.id, key: job.key, version: job.version, length: article.doc.text.length, encoded, timing };
	}

	/** How many articles the worker holds (tests). */
	get size(): number {
		return this.articles.size;
	}

	/** Takes the remembered scores of a file, if it is one of this scorer's; a bad file is ignored (and overwritten later). */
	private remember(job: Extract<ScoringJob, { kind: 'remember' }>): ScoringReply {
		this.fingerprint = job.fingerprint;
		const decoded = job.bytes && decodeRemembered(job.bytes, job.fingerprint);
		if (decoded) this.remembered = decoded;
		return { kind: 'remembered', id: job.id, paragraphs: this.remembered.size };
	}

	/** The reply to `exportRemembered`, as steps between which the worker answers other jobs (see {@link absorbSteps}). */
	*exportSteps(job: Extract<ScoringJob, { kind: 'exportRemembered' }>): Steps<ScoringReply> {
		if (this.changed) yield* this.absorbSteps();
		const bytes = this.unsent;
		this.unsent = undefined;
		return { kind: 'remembered', id: job.id, paragraphs: this.remembered.size, ...(bytes ? { bytes } : {}) };
	}

	/**
	 * Makes the remembered scores anew: the open articles' paragraphs (the most recently scored article first),
	 * then the unsaved ones (the newest first), then those remembered before, up to {@link rememberedTextUnits};
	 * kept as bytes to send, and read back, so that they hold no article's whole text. In steps (a few megabytes
	 * written and read back take tens of milliseconds): jobs answered meanwhile see the scores of before, and what
	 * they score is taken by the next export.
	 */
	private *absorbSteps(): Steps<void> {
		this.changed = false;
		const fingerprint = this.fingerprint;
		if (fingerprint === undefined) return;
		const remembered = this.remembered;
		const unsaved = [...this.unsaved].reverse();
		const articles = [...this.articles.values()].reverse();
		function* paragraphs(): Generator<readonly [string, ParagraphScoreLists]> {
			const seen = new Set<string>();
			for (const map of [...articles.map((article) => article.cache.paragraphs), ...unsaved]) {
				for (const entry of map) {
					if (seen.has(entry[0])) continue;
					seen.add(entry[0]);
					yield entry;
				}
			}
			for (const entry of remembered) if (!seen.has(entry[0])) yield entry;
		}
		const bytes = yield* encodeRememberedSteps(fingerprint, paragraphs(), rememberedTextUnits);
		const decoded = (yield* decodeRememberedSteps(bytes, fingerprint)) ?? new Map<string, ParagraphScoreLists>();
		// A file read meanwhile (`remember`) or another scorer: this export is dropped, the next one starts again.
		if (this.remembered !== remembered || this.fingerprint !== fingerprint) {
			this.changed = true;
			return;
		}
		this.remembered = decoded;
		this.unsaved = this.unsaved.filter((map) => !unsaved.includes(map) || this.filling.has(map));
		// Sent as a copy: the remembered lists are views of these bytes.
		this.unsent = bytes.slice();
	}

	/**
	 * Scores the workspace's large articles before they are opened (a `prescore` job), as steps between which the
	 * worker answers other jobs: every file stat'ed (a step per 64), those of at least `minBytes` taken newest first
	 * while their text fits in `maxUnits`, each read, parsed and its paragraphs scored unless known (remembered, or
	 * prescored already; a step per paragraph scored). Articles open in the worker are left to their own jobs. The
	 * paragraphs serve the next jobs at once, and join the remembered scores at the next export (with the open
	 * articles' before them, see {@link absorb}), so that opening one of these articles scores nothing.
	 */
	*prescoreSteps(job: Extract<ScoringJob, { kind: 'prescore' }>, files: WorkerFiles): Steps<Omit<PrescoreResult, 'slices' | 'busyMs' | 'longestSliceMs' | 'busyCpuMs'>> {
		const scoredHere = new Map<string, ParagraphScoreLists>();
		// Without remembered scores (no workspace storage) nothing would keep them: nothing is scored.
		if (this.fingerprint === undefined) return { supported: true, files: job.files.length, large: 0, articles: 0, skipped: 0, paragraphs: 0, sentences: 0 };
		this.unsaved.push(scoredHere);
		this.filling.add(scoredHere);
		try {
			return yield* this.prescoreInto(scoredHere, job, files);
		} finally {
			this.filling.delete(scoredHere);
			// An export during the job left the map unsaved: the next one takes it (and lets its texts go).
			if (scoredHere.size > 0) this.changed = true;
		}
	}

	/** {@link prescoreSteps}' work, its scores put in `scoredHere`. */
	private *prescoreInto(scoredHere: Map<string, ParagraphScoreLists>, job: Extract<ScoringJob, { kind: 'prescore' }>, files: WorkerFiles): Steps<Omit<PrescoreResult, 'slices' | 'busyMs' | 'longestSliceMs' | 'busyCpuMs'>> {
		const large: { readonly file: PrescoreFile; readonly mtime: number }[] = [];
		for (let i = 0; i < job.files.length; i++) {
			const file = job.files[i];
			const stat = files.stat(file.path);
			if (stat && stat.size >= job.minBytes) large.push({ file, mtime: stat.mtime });
			if (i % 64 === 63) yield;
		}
		large.sort((a, b) => b.mtime - a.mtime);
		let units = 0;
		let articles = 0;
		let skipped = 0;
		let paragraphs = 0;
		let sentences = 0;
		for (const { file } of large) {
			const text = this.articles.has(file.key) ? undefined : files.read(file.path);
			if (text === undefined || units + text.length > job.maxUnits) {
				skipped++;
				continue;
			}
			units += text.length;
			yield;
			const doc = parseSeed(text);
			yield;
			for (const block of doc.blocks) {
				if (block.kind !== 'paragraph') continue;
				const blockText = text.slice(block.start, block.end);
				if (this.known(blockText) !== undefined) continue;
				const scores = new BlockScores(text, block.start, block.sentences);
				scoredHere.set(blockText, scores);
				this.changed = true;
				paragraphs++;
				sentences += scores.starts.length;
				this.scoredSentences += scores.starts.length;
				yield;
			}
			articles++;
		}
		// They join the remembered bytes at the next export (the editor asks for it a little after this job), in one
		// step of tens of milliseconds that is not this job's: until then they pin the articles' texts.
		return { supported: true, files: job.files.length, large: large.length, articles, skipped, paragraphs, sentences };
	}

	private update(job: Extract<ScoringJob, { kind: 'score' }>): Article {
		const known = this.articles.get(job.key);
		if (job.text !== undefined) {
			// Sent whole: the editor has no earlier reply to reuse sentences from (the score cache is kept).
			const article = { doc: parseSeed(job.text), cache: known?.cache ?? new BlockScoresCache(), previous: new Map<ParagraphScoreLists, number>() };
			this.articles.delete(job.key);
			this.articles.set(job.key, article);
			return article;
		}
		if (!known) throw new Error(`no text for ${job.key}: the editor must send it whole first`);
		this.articles.delete(job.key);
		this.articles.set(job.key, known);
		for (const edits of job.edits ?? []) known.doc = updateSeed(known.doc, edits, applyEdits(known.doc.text, edits));
		return known;
	}
}

/**
 * The worker's warm-up, none of it on the editor's thread: the editor's (see warmUp.ts), then the worker's own
 * path over `workerRounds` more generated articles: each sent whole (parse, score, encode), then edited in one
 * paragraph (the edits applied, the reply encoded against the previous one), so that the first article's job runs
 * optimised code from end to end.
 */
export function* workerWarmUpSteps(threshold: number, workerRounds = 10): Steps<WarmUpWork> {
	const work = yield* warmUpSteps(warmUpPlan.rounds, warmUpPlan.paragraphs, threshold);
	const state = new ScoringWorkerState();
	let characters = work.characters;
	let sentences = work.sentences;
	for (let round = 0; round < workerRounds; round++) {
		const key = `warm-up ${round}`;
		const text = warmUpArticle(warmUpPlan.rounds + round, warmUpPlan.paragraphs);
		const whole = state.answer({ kind: 'score', id: 0, key, version: 1, text });
		yield;
		const at = text.indexOf('. ', text.length >> 1) + 2;
		state.answer({ kind: 'score', id: 0, key, version: 2, edits: [[{ start: at, end: at, text: 'Imports fell 30% in 2023. ' }]] });
		state.answer({ kind: 'close', key });
		yield;
		characters += text.length;
		sentences += whole?.kind === 'scores' ? whole.encoded.starts.length : 0;
	}
	return { rounds: work.rounds + workerRounds, characters, sentences };
}

/** A Web Worker's first message, once its script has loaded (a Node worker thread reports failures itself). */
export const scoringWorkerReady = 'news-seed-checkworthiness-worker-ready';

/** How a scoring worker's thread talks and schedules: a Node worker thread's or a Web Worker's. */
export interface ScoringWorkerHost {
	/** Sends a reply, transferring the given buffers. */
	reply(reply: ScoringReply, transfer: ArrayBuffer[]): void;
	/** Runs `task` after the messages already waiting (setImmediate in Node, setTimeout in a Web Worker). */
	later(task: () => void): void;
	/** The thread's CPU clock (ms), where the runtime has one. */
	cpuMs(): number | undefined;
	now(): number;
	/** Runs `task` in `ms` milliseconds (setTimeout); without it, {@link later}. */
	after?(ms: number, task: () => void): void;
	/** Local files, where the worker can read them (a Node worker thread): `prescore` jobs need them. */
	readonly files?: WorkerFiles;
}

/**
 * Background scoring (`prescore`) runs in slices of at most this long, each followed by a pause as long (so that
 * it takes at most half of a core), and waits {@link PRESCORE_QUIET_MS} after any article's job, so that an
 * article being opened or edited, and the editor's other work on it, have the cores first (ms).
 */
const PRESCORE_SLICE_MS = 4;
const PRESCORE_QUIET_MS = 500;

/** A `prefetch` runs this long before the worker looks at its messages again (ms). */
const PREFETCH_SLICE_MS = 8;

/** A warm-up step runs at most about this long before the worker looks at its messages again (ms). */
const WARM_UP_SLICE_MS = 4;

/** What a job run in slices reports of them; CPU figures only where the worker has a CPU clock (not in a Web Worker). */
interface SliceFigures { slices: number; busyMs: number; longestSliceMs: number; busyCpuMs?: number; longestSliceCpuMs?: number }

/** Runs `steps` for about `sliceMs`, counting the slice in `figures`; the last step reached and the slice's wall time. */
function measuredSlice<T>(host: ScoringWorkerHost, steps: Iterator<unknown, T>, sliceMs: number, figures: SliceFigures): { step: IteratorResult<unknown, T>; wall: number } {
	const start = host.now();
	const cpuStart = host.cpuMs();
	let step = steps.next();
	while (!step.done && host.now() - start < sliceMs) step = steps.next();
	const wall = host.now() - start;
	const cpuEnd = host.cpuMs();
	figures.slices++;
	figures.busyMs += wall;
	figures.longestSliceMs = Math.max(figures.longestSliceMs, wall);
	if (cpuStart !== undefined && cpuEnd !== undefined) {
		figures.busyCpuMs = (figures.busyCpuMs ?? 0) + cpuEnd - cpuStart;
		figures.longestSliceCpuMs = Math.max(figures.longestSliceCpuMs ?? 0, cpuEnd - cpuStart);
	}
	return { step, wall };
}

/**
 * The scoring worker's message handler, for either kind of worker: `score`, `close` and `remember` answered at once;
 * `warmUp` and `exportRemembered` (one at a time) run a slice of about 4 ms per turn of the worker's event loop, so
 * that jobs arriving meanwhile go first; `prescore` likewise, with a pause as long after each slice and none for
 * {@link PRESCORE_QUIET_MS} after an article's job. `created` hears of the state it keeps (tests).
 */
export function scoringWorkerHandler(host: ScoringWorkerHost, created?: (state: ScoringWorkerState) => void): (job: ScoringJob) => void {
	const state = new ScoringWorkerState(() => host.now(), () => host.cpuMs());
	created?.(state);
	const send = (reply: ScoringReply): void => host.reply(reply, reply.kind === 'scores' || reply.kind === 'prefetched' ? transferablesOf(reply.encoded) : reply.kind === 'remembered' && reply.bytes ? [reply.bytes.buffer as ArrayBuffer] : []);
	const after = (ms: number, task: () => void): void => (host.after ? host.after(ms, task) : host.later(task));
	/** Background scoring waits until then (the host's clock): an article's job came just before. */
	let quietUntil = 0;
	/** Exports run one at a time, in steps between which other jobs are answered; the ones asked meanwhile wait here. */
	const exports: Extract<ScoringJob, { kind: 'exportRemembered' }>[] = [];
	const exportNext = (): void => {
		const job = exports[0];
		if (!job) return;
		const steps = state.exportSteps(job);
		const slice = (): void => {
			try {
				const start = host.now();
				let step = steps.next();
				while (!step.done && host.now() - start < WARM_UP_SLICE_MS) step = steps.next();
				if (!step.done) {
					host.later(slice);
					return;
				}
				send(step.value);
			} catch (error) {
				send({ kind: 'error', id: job.id, error: String(error) });
			}
			exports.shift();
			exportNext();
		};
		host.later(slice);
	};
	const prescore = (job: Extract<ScoringJob, { kind: 'prescore' }>): void => {
		const figures: SliceFigures = { slices: 0, busyMs: 0, longestSliceMs: 0 };
		if (!host.files) {
			send({ kind: 'prescored', id: job.id, result: { supported: false, files: 0, large: 0, articles: 0, skipped: 0, paragraphs: 0, sentences: 0, ...figures } });
			return;
		}
		const steps = state.prescoreSteps(job, host.files);
		const slice = (): void => {
			const wait = quietUntil - host.now();
			if (wait > 0) {
				after(wait, slice);
				return;
			}
			try {
				const { step, wall } = measuredSlice(host, steps, PRESCORE_SLICE_MS, figures);
				if (step.done) send({ kind: 'prescored', id: job.id, result: { ...step.value, ...figures } });
				else after(Math.max(1, wall), slice);
			} catch (error) {
				send({ kind: 'error', id: job.id, error: String(error) });
			}
		};
		after(0, slice);
	};
	/** Full priority, but in slices: an article's job (this one's or another's) goes first when it comes. */
	const prefetch = (job: Extract<ScoringJob, { kind: 'prefetch' }>): void => {
		if (!host.files) return;
		const steps = state.prefetchSteps(job, host.files);
		const figures: SliceFigures = { slices: 0, busyMs: 0, longestSliceMs: 0 };
		const slice = (): void => {
			try {
				const { step } = measuredSlice(host, steps, PREFETCH_SLICE_MS, figures);
				if (!step.done) host.later(slice);
				else if (step.value) send(step.value);
			} catch {
				// Nothing lost: the article's own job scores it.
			}
		};
		slice();
	};
	const warmUp = (job: Extract<ScoringJob, { kind: 'warmUp' }>): void => {
		const steps = workerWarmUpSteps(job.threshold);
		const figures: SliceFigures = { slices: 0, busyMs: 0, longestSliceMs: 0 };
		const slice = (): void => {
			try {
				const { step } = measuredSlice(host, steps, WARM_UP_SLICE_MS, figures);
				if (step.done) send({ kind: 'warmedUp', id: job.id, warmUp: { ...step.value, ...figures } });
				else host.later(slice);
			} catch (error) {
				send({ kind: 'error', id: job.id, error: String(error) });
			}
		};
		host.later(slice);
	};
	return (job) => {
		if (job.kind === 'warmUp') {
			warmUp(job);
			return;
		}
		if (job.kind === 'prescore') {
			prescore(job);
			return;
		}
		if (job.kind === 'prefetch') {
			quietUntil = host.now() + PRESCORE_QUIET_MS;
			prefetch(job);
			return;
		}
		if (job.kind === 'exportRemembered') {
			if (exports.push(job) === 1) exportNext();
			return;
		}
		if (job.kind === 'score') quietUntil = host.now() + PRESCORE_QUIET_MS;
		const answer = state.answer(job);
		if (answer) send(answer);
	};
}

/** A scoring worker as its editor sees it: post a job (transferring the given buffers), hear its replies, end it. */
export interface ScoringChannel {
	post(job: ScoringJob): void;
	onReply(listener: (reply: ScoringReply) => void): void;
	/** Called once if the worker fails or exits: every job in flight is then lost. */
	onFailure(listener: (error: Error) => void): void;
	terminate(): void;
}

/** An article's scores from the worker, with the worker's own timing. */
export interface WorkerScores {
	readonly version: number;
	readonly scores: SentenceScore[];
	/** The article's length as the worker holds it: the editor checks it against its own before trusting the offsets. */
	readonly length: number;
	readonly timing: WorkerTiming;
	/** How long decoding the reply took on the editor's thread (wall, and the thread's CPU where the client has its clock), ms. */
	readonly decodeMs: number;
	readonly decodeCpuMs?: number;
	/** When the reply reached the editor's thread ({@link sharedClockMs}). */
	readonly receivedAt: number;
	/** When the article's `prefetch` was posted ({@link sharedClockMs}), if its scores served this reply. */
	readonly prefetchPostedAt?: number;
}

/** At most this many `prefetched` replies wait for their documents; the worker forgets the articles of those dropped. */
const PREFETCHED_REPLIES = 2;

interface Pending {
	resolve(value: unknown): void;
	reject(error: Error): void;
	/** The text the reply's offsets refer to (the editor's copy at the job's version). */
	readonly text?: string;
}

/**
 * The editor's side of a scoring worker: sends jobs, decodes replies in the order they come (each is encoded
 * against the previous one of its article, so none is skipped, even when the editor no longer wants it), and
 * keeps per article the scores of the last reply.
 */
export class ScoringClient {
	private nextId = 1;
	private readonly pending = new Map<number, Pending>();
	private readonly previous = new Map<string, readonly SentenceScore[]>();
	private failure: Error | undefined;
	/** While the remembered scores are being read: jobs are posted after them, in order. */
	private gate: Promise<void> | undefined;
	/** The articles a `score` job was sent for since they were last closed: a `prefetched` reply for one is stale. */
	private readonly sent = new Set<string>();
	/** When each article's `prefetch` was posted, until a reply it served (or its close). */
	private readonly prefetchPosted = new Map<string, number>();
	/** `prefetched` replies not taken yet (see {@link takePrefetched}), the oldest first, with when they came. */
	private readonly prefetchedReplies = new Map<string, { readonly reply: Extract<ScoringReply, { kind: 'prefetched' }>; readonly receivedAt: number }>();

	/** `cpuMs`: the editor thread's CPU clock, where the runtime has one (for the decoding's timing). */
	constructor(private readonly channel: ScoringChannel, private readonly cpuMs: () => number | undefined = () => undefined) {
		channel.onReply((reply) => this.receive(reply));
		channel.onFailure((error) => {
			this.failure ??= error;
			for (const pending of this.pending.values()) pending.reject(error);
			this.pending.clear();
		});
	}

	/** Why the worker is gone, if it is (then every call fails at once). */
	get failed(): Error | undefined {
		return this.failure;
	}

	/**
	 * Scores the article `key` at `version` in the worker, from its whole `text` or the `edits` since the last
	 * job for it (see {@link ScoringJob}). `text` is the editor's text at `version` (the reasons' text is sliced
	 * from it): the worker's copy must be equal, which the reply's length checks. Rejects when the worker fails
	 * or is out of step with the editor (then the next job for the article must send its whole text).
	 */
	score(key: string, version: number, source: { readonly text: string } | { readonly edits: readonly (readonly TextEdit[])[] }, text: string): Promise<WorkerScores> {
		this.sent.add(key);
		this.prefetchedReplies.delete(key);
		const id = this.nextId++;
		return this.send<WorkerScores>({ kind: 'score', id, key, version, ...source }, text);
	}

	/** Runs the worker's warm-up; resolves with what it did. */
	warmUp(threshold: number): Promise<WorkerWarmUp> {
		return this.send<WorkerWarmUp>({ kind: 'warmUp', id: this.nextId++, threshold });
	}

	/**
	 * Lets the worker read and score the article `key`'s file at `path` before the editor has its text (its tab
	 * opened), when it has `minBytes` to `maxBytes` bytes; the article's first `score` job then finds it scored.
	 */
	prefetch(key: string, path: string, minBytes: number, maxBytes: number): void {
		if (this.failure) return;
		this.prefetchPosted.set(key, sharedClockMs());
		this.post({ kind: 'prefetch', key, path, minBytes, maxBytes });
	}

	/** When the article `key`'s prefetch was posted, if `timing` says it served the reply (once). */
	private prefetchPostedFor(key: string, timing: WorkerTiming): { prefetchPostedAt?: number } {
		const postedAt = this.prefetchPosted.get(key);
		if (!timing.prefetch || postedAt === undefined) return {};
		this.prefetchPosted.delete(key);
		return { prefetchPostedAt: postedAt };
	}

	/**
	 * The scores of the article `key` at `version` from the worker's `prefetched` reply, when the editor's `text` is
	 * the text the worker read (the worker then holds the article with it: the next job sends edits); else undefined
	 * (the next job sends the text whole, which the worker takes instead). Either way the reply is used up.
	 */
	takePrefetched(key: string, version: number, text: string): WorkerScores | undefined {
		const stored = this.prefetchedReplies.get(key);
		this.prefetchedReplies.delete(key);
		if (!stored || this.failure || stored.reply.text !== text) return undefined;
		const started = performance.now();
		const cpuStarted = this.cpuMs();
		const scores = decodeScores(text, stored.reply.encoded, []);
		this.previous.set(key, scores);
		this.sent.add(key);
		const cpuNow = this.cpuMs();
		return { version, scores, length: text.length, timing: stored.reply.timing, decodeMs: performance.now() - started, receivedAt: stored.receivedAt, ...(cpuNow !== undefined && cpuStarted !== undefined ? { decodeCpuMs: cpuNow - cpuStarted } : {}), ...this.prefetchPostedFor(key, stored.reply.timing) };
	}

	/** Whether a `prefetched` reply for `key` waits to be taken. */
	hasPrefetched(key: string): boolean {
		return this.prefetchedReplies.has(key);
	}

	/** Lets the worker forget an article. */
	close(key: string): void {
		this.sent.delete(key);
		this.prefetchPosted.delete(key);
		this.prefetchedReplies.delete(key);
		this.previous.delete(key);
		if (!this.failure) this.post({ kind: 'close', key });
	}

	/**
	 * Gives the worker the scores remembered from earlier sessions once `load` has read them (undefined: none to
	 * read). The jobs sent meanwhile follow them, so that an article opened at once finds them, but wait at most
	 * `waitMs` (a slow read must not hold an article's scoring up: then they go first, and the remembered scores
	 * serve the jobs after them). Resolves with the number of paragraphs the worker took.
	 */
	remember(load: Promise<{ readonly fingerprint: string; readonly bytes?: Uint8Array } | undefined>, waitMs: number): Promise<number> {
		if (this.failure) return Promise.reject(this.failure);
		const id = this.nextId++;
		return new Promise<number>((resolve, reject) => {
			this.pending.set(id, { resolve: (reply) => resolve((reply as { paragraphs: number }).paragraphs), reject });
			const job = load.catch(() => undefined).then((loaded) => {
				if (loaded) return { kind: 'remember', id, fingerprint: loaded.fingerprint, ...(loaded.bytes ? { bytes: loaded.bytes } : {}) } as const;
				this.pending.delete(id);
				resolve(0);
				return undefined;
			});
			let timer: ReturnType<typeof setTimeout> | undefined;
			const waited = new Promise<'late'>((late) => (timer = setTimeout(() => late('late'), waitMs)));
			// The gate opens when the file is read or the wait is over; a late file is posted when it comes.
			this.post(Promise.race([job, waited]).then((ready) => {
				clearTimeout(timer);
				if (ready !== 'late') return ready;
				void job.then((late) => late && this.post(late));
				return undefined;
			}));
		});
	}

	/**
	 * Scores the large ones of `files` in the background (see the `prescore` job); resolves with what it did
	 * (`supported` false where the worker cannot read files).
	 */
	prescore(files: readonly PrescoreFile[], minBytes: number, maxUnits: number): Promise<PrescoreResult> {
		return this.send<PrescoreResult>({ kind: 'prescore', id: this.nextId++, files, minBytes, maxUnits });
	}

	/** The remembered scores' bytes to write, if they changed since the last call (the worker's paragraphs and the file's). */
	async exportRemembered(): Promise<Uint8Array | undefined> {
		return (await this.send<{ readonly bytes?: Uint8Array }>({ kind: 'exportRemembered', id: this.nextId++ })).bytes;
	}

	dispose(): void {
		this.failure ??= new Error('the check-worthiness worker was stopped');
		for (const pending of this.pending.values()) pending.reject(this.failure);
		this.pending.clear();
		this.channel.terminate();
	}

	private send<T>(job: Extract<ScoringJob, { id: number }>, text?: string): Promise<T> {
		if (this.failure) return Promise.reject(this.failure);
		return new Promise<T>((resolve, reject) => {
			this.pending.set(job.id, { resolve: resolve as (value: unknown) => void, reject, text });
			this.post(job);
		});
	}

	/** Posts a job now, or after the one being prepared (`job` a promise: posted when it resolves, unless undefined). */
	private post(job: ScoringJob | Promise<ScoringJob | undefined>): void {
		if (this.gate === undefined && !(job instanceof Promise)) {
			this.channel.post(job);
			return;
		}
		const gate: Promise<void> = (this.gate ?? Promise.resolve()).then(() => job).then((ready) => {
			if (ready && !this.failure) this.channel.post(ready);
		}).catch(() => undefined).finally(() => {
			if (this.gate === gate) this.gate = undefined;
		});
		this.gate = gate;
	}

	private receive(reply: ScoringReply): void {
		if (reply.kind === 'prefetched') {
			// Stale once a job went for the article: the worker took (or takes) that job's text instead.
			if (this.sent.has(reply.key)) return;
			this.prefetchedReplies.set(reply.key, { reply, receivedAt: sharedClockMs() });
			for (const key of this.prefetchedReplies.keys()) {
				if (this.prefetchedReplies.size <= PREFETCHED_REPLIES) break;
				this.close(key);
			}
			return;
		}
		const pending = this.pending.get(reply.id);
		this.pending.delete(reply.id);
		if (reply.kind === 'error') {
			pending?.reject(new Error(reply.error));
			return;
		}
		if (reply.kind === 'warmedUp') {
			pending?.resolve(reply.warmUp);
			return;
		}
		if (reply.kind === 'remembered') {
			pending?.resolve(reply);
			return;
		}
		if (reply.kind === 'prescored') {
			pending?.resolve(reply.result);
			return;
		}
		const text = pending?.text;
		const receivedAt = sharedClockMs();
		const started = performance.now();
		const cpuStarted = this.cpuMs();
		try {
			if (text === undefined || text.length !== reply.length) throw new Error(`check-worthiness worker: the article's length is ${reply.length} there, ${text?.length} here`);
			const scores = decodeScores(text, reply.encoded, this.previous.get(reply.key) ?? []);
			this.previous.set(reply.key, scores);
			const cpuNow = this.cpuMs();
			const decodeCpuMs = cpuNow !== undefined && cpuStarted !== undefined ? cpuNow - cpuStarted : undefined;
			pending?.resolve({ version: reply.version, scores, length: reply.length, timing: reply.timing, decodeMs: performance.now() - started, receivedAt, ...(decodeCpuMs === undefined ? {} : { decodeCpuMs }), ...this.prefetchPostedFor(reply.key, reply.timing) } satisfies WorkerScores);
		} catch (error) {
			// Out of step with the worker: the next job for this article must send the whole text.
			this.previous.delete(reply.key);
			pending?.reject(error instanceof Error ? error : new Error(String(error)));
		}
	}
}
