/** A set of words that is only asked whether it holds one. */
export interface WordSet {
	has(word: string): boolean;
}

/** Holds a word when either set does. */
export function eitherOf(first: WordSet, second: WordSet): WordSet {
	return { has: (word) => first.has(word) || second.has(word) };
}

/** How many answers {@link remembering} keeps by default: the words of a few hundred articles, a few MB at most. */
export const rememberedAnswers = 16_384;

/**
 * `answer` with its answers remembered per word, at most `limit` of them (all forgotten at once when full, so that
 * memory stays bounded however many distinct words pass). News repeats its words (Zipf): a long-lived recognizer asks
 * a few thousand of them most of the time, and a hash lookup costs less than a binary search or suffix folding.
 */
export function remembering(answer: (word: string) => boolean, limit = rememberedAnswers): (word: string) => boolean {
	const answers = new Map<string, boolean>();
	return (word) => {
		let known = answers.get(word);
		if (known === undefined) {
			known = answer(word);
			if (answers.size >= limit) answers.clear();
			answers.set(word, known);
		}
		return known;
	};
}

/**
 * A read-only set of the lines of one large string, sorted by UTF-16 code units, looked up by binary search in
 * place. Made with one typed array of line starts (a few milliseconds for 150,000 words), where
 * `new Set(data.split('\n'))` allocates a string and a hash entry per line: about 0.2 to 0.3 s of the extension
 * host's start, a third of it garbage collection. Answers are remembered unless told otherwise (see {@link remembering}).
 */
export class LineSet implements WordSet {
	/** Where each line starts, and one past the end of the data's last line + 1. */
	private readonly starts: Int32Array;
	readonly size: number;

	/** `remember`: whether answers are remembered (not for a set only asked on another memory's misses). */
	constructor(private readonly data: string, remember = true) {
		let lines = 1;
		for (let i = data.indexOf('\n'); i >= 0; i = data.indexOf('\n', i + 1)) lines++;
		const starts = new Int32Array(lines + 1);
		let line = 1;
		for (let i = data.indexOf('\n'); i >= 0; i = data.indexOf('\n', i + 1)) starts[line++] = i + 1;
		starts[lines] = data.length + 1;
		this.starts = starts;
		this.size = lines;
		this.has = remember ? remembering((word) => this.search(word)) : (word) => this.search(word);
	}

	readonly has: (word: string) => boolean;

	/** Binary search of `word` among the lines. */
	private search(word: string): boolean {
		const { data, starts } = this;
		let low = 0;
		let high = this.size - 1;
		while (low <= high) {
			const middle = (low + high) >>> 1;
			const start = starts[middle];
			const length = starts[middle + 1] - 1 - start;
			const shorter = Math.min(length, word.length);
			let order = 0;
			for (let i = 0; i < shorter && order === 0; i++) order = data.charCodeAt(start + i) - word.charCodeAt(i);
			if (order === 0) order = length - word.length;
			if (order === 0) return true;
			if (order < 0) low = middle + 1;
			else high = middle - 1;
		}
		return false;
	}
}
