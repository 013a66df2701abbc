// An index worker reads a whole archive and has memory to spare, where the extension host must stay small: there the
// recognizer trades a few tens of MB for less CPU per article (no output changes; see issue 12).
import { hashWordLists } from './gazetteer';
import { rememberWords } from './tokenize';

let done = false;

/**
 * Makes this thread's recognizer remember its whole vocabulary and look its largest word lists up in hash sets.
 * Called once at the start of an index worker (desktop thread or Web Worker); later calls do nothing.
 */
export function useWorkerMemory(): void {
	if (done) return;
	done = true;
	// 131,072 words before the tables are emptied: the vocabulary of a 13 MB news archive, about 25 MB.
	rememberWords(1 << 18);
	hashWordLists(1 << 17);
}
