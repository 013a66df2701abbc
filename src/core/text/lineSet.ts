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

	/** With {@link hashLines}: per slot, the line's index + 1 (0: empty), and the hash of its characters. */
	#slots: Int32Array | undefined;
	#hashes: Int32Array | undefined;

	/**
	 * Adds a hash index of the lines (two typed arrays of twice the lines' count, built in one pass over the data, no
	 * string made), so that a word costs one hash of its characters and a probe or two instead of a binary search.
	 * For a thread that asks many words (an index worker); the answers stay the same.
	 */
	hashLines(): void {
		const { data, starts } = this;
		let capacity = 2;
		while (capacity < this.size * 2) capacity *= 2;
		const slots = new Int32Array(capacity);
		const hashes = new Int32Array(capacity);
		const mask = capacity - 1;
		for (let line = 0; line < this.size; line++) {
			const hash = hashOf(data, starts[line], starts[line + 1] - 1);
			let slot = hash & mask;
			while (slots[slot] !== 0) slot = (slot + 1) & mask;
			slots[slot] = line + 1;
			hashes[slot] = hash;
		}
		this.#slots = slots;
		this.#hashes = hashes;
	}

	private search(word: string): boolean {
		return this.#slots === undefined ? this.binarySearch(word) : this.hashedSearch(word, this.#slots, this.#hashes as Int32Array);
	}

	private hashedSearch(word: string, slots: Int32Array, hashes: Int32Array): boolean {
		const { data, starts } = this;
		const mask = slots.length - 1;
		const hash = hashOf(word, 0, word.length);
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const held = slots[slot];
			if (held === 0) return false;
			if (hashes[slot] !== hash) continue;
			const start = starts[held - 1];
			if (starts[held] - 1 - start !== word.length) continue;
			let same = true;
			for (let i = 0; i < word.length && same; i++) same = data.charCodeAt(start + i) === word.charCodeAt(i);
			if (same) return true;
		}
	}

	/** Binary search of `word` among the lines. */
	private binarySearch(word: string): boolean {
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

/** FNV-1a of `text[start, end)` with a final mix, as the tokenizer's span table hashes (never 0). */
function hashOf(text: string, start: number, end: number): number {
	let hash = 0x811c9dc5 | 0;
	for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
	hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
	return hash ^ (hash >>> 13) || 1;
}

/**
 * Up to 15 yes/no facts per word (bit `f` of a fact set: its answer; bit `f + 15`: whether it was asked), each
 * worked out once by its own predicate, all of a word's facts kept in one entry: a recognizer that asks several lists
 * about the same word ("given name? city? common English?") pays one hash lookup for all of them, and none at all
 * when it asks about the word it asked about last. Memory stays bounded by generations: when the newest generation
 * holds `limit` words it becomes the older one and the oldest is dropped; a word found only in the older generation
 * is carried into the newest. So the words a text keeps using stay remembered whatever passes, and nothing is
 * forgotten all at once.
 */
export class WordFacts {
	#newest = new Map<string, number>();
	#older = new Map<string, number>();
	#lastWord: string | undefined;
	#lastFacts = 0;
	readonly #predicates: ((word: string) => boolean)[] = [];

	/** `limit`: words per generation (may be changed at any time; takes effect at the next word stored). */
	constructor(public limit = rememberedAnswers) {}

	/** Registers a predicate as the next fact; returns the function that answers it with remembering. */
	fact(predicate: (word: string) => boolean): (word: string) => boolean {
		const index = this.#predicates.length;
		if (index >= 15) throw new RangeError('at most 15 facts per word');
		this.#predicates.push(predicate);
		const answer = 1 << index;
		const asked = 1 << (index + 15);
		return (word) => {
			let facts = word === this.#lastWord ? this.#lastFacts : this.#find(word);
			if ((facts & asked) === 0) {
				facts |= asked | (predicate(word) ? answer : 0);
				this.#store(word, facts);
			}
			this.#lastWord = word;
			this.#lastFacts = facts;
			return (facts & answer) !== 0;
		};
	}

	/** How many words are remembered (both generations). */
	get size(): number {
		return this.#newest.size + this.#older.size;
	}

	#find(word: string): number {
		const facts = this.#newest.get(word);
		if (facts !== undefined) return facts;
		const old = this.#older.get(word);
		if (old === undefined) return 0;
		this.#store(word, old);
		return old;
	}

	#store(word: string, facts: number): void {
		const newest = this.#newest;
		if (newest.size >= this.limit && !newest.has(word)) {
			this.#older = newest;
			this.#newest = new Map();
		}
		this.#newest.set(word, facts);
	}
}
