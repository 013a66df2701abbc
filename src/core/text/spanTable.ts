/**
 * A bounded hash table keyed by the characters of a span of a text, looked up without cutting the span out: what a
 * tokenizer needs to reuse the strings and facts it made for a word it has seen before (news repeats its words), so
 * that a repeated word costs no new string, no case conversion and no new string hash. Open addressing with linear
 * probing; when half full, everything is forgotten at once, so memory stays bounded whatever the input.
 */
export class SpanTable<T> {
	#keys: (string | undefined)[];
	#values: (T | undefined)[];
	#hashes: Int32Array;
	readonly #mask: number;
	readonly #limit: number;
	#size = 0;

	/** `capacity`: slots, a power of two; at most half of them are used. */
	constructor(capacity = 1 << 15) {
		if (capacity < 2 || (capacity & (capacity - 1)) !== 0) throw new RangeError(`capacity must be a power of two, not ${capacity}`);
		this.#keys = new Array<string | undefined>(capacity).fill(undefined);
		this.#values = new Array<T | undefined>(capacity).fill(undefined);
		this.#hashes = new Int32Array(capacity);
		this.#mask = capacity - 1;
		this.#limit = capacity >> 1;
	}

	/** How many entries are held. */
	get size(): number {
		return this.#size;
	}

	/** The value stored for the characters of `text[start, end)`, or undefined. */
	get(text: string, start: number, end: number): T | undefined {
		return this.getHashed(text, start, end, hashOfSpan(text, start, end));
	}

	/**
	 * {@link get} for a caller that hashed the characters as it read them: `hash` must be
	 * `spanHashEnd(spanHashStep(…spanHashStep(spanHashStart, first)…, last))` of exactly `text[start, end)`.
	 */
	getHashed(text: string, start: number, end: number, hash: number): T | undefined {
		const hashes = this.#hashes;
		const length = end - start;
		// An empty slot has hash 0, which no key has: a probe reads the keys only where the hashes agree.
		for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
			const held = hashes[slot];
			if (held === 0) return undefined;
			if (held === hash) {
				const key = this.#keys[slot] as string;
				if (key.length === length && sameChars(key, text, start)) return this.#values[slot];
			}
		}
	}

	/** Stores `value` for `key` (the characters of a span), replacing what was stored for it. */
	set(key: string, value: T): void {
		if (this.#size >= this.#limit) this.clear();
		const hash = hashOfSpan(key, 0, key.length);
		const keys = this.#keys;
		for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
			const held = keys[slot];
			if (held === undefined) {
				keys[slot] = key;
				this.#hashes[slot] = hash;
				this.#values[slot] = value;
				this.#size++;
				return;
			}
			if (held === key) {
				this.#values[slot] = value;
				return;
			}
		}
	}

	/** Forgets every entry. */
	clear(): void {
		this.#keys.fill(undefined);
		this.#values.fill(undefined);
		this.#hashes.fill(0);
		this.#size = 0;
	}
}

/** Where the hash of a span starts (see {@link SpanTable.getHashed}). */
export const spanHashStart = 0x811c9dc5 | 0;

/** The hash of a span so far with one more UTF-16 code unit: FNV-1a. */
export function spanHashStep(hash: number, code: number): number {
	return Math.imul(hash ^ code, 16777619);
}

/** The hash of a whole span: a murmur mix so that the low bits (the slot) depend on every unit; never 0 (an empty slot). */
export function spanHashEnd(hash: number): number {
	hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
	return hash ^ (hash >>> 13) || 1;
}

function hashOfSpan(text: string, start: number, end: number): number {
	let hash = spanHashStart;
	for (let i = start; i < end; i++) hash = spanHashStep(hash, text.charCodeAt(i));
	return spanHashEnd(hash);
}

function sameChars(key: string, text: string, start: number): boolean {
	for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
	return true;
}
