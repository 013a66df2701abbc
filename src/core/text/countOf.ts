/**
 * A count with its noun in the right number: `countOf(1, 'claim')` is "1 claim", `countOf(3, 'claim')` "3 claims"
 * (never "claim(s)"). `plural` defaults to the noun with an "s".
 */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
	return `${n} ${n === 1 ? noun : plural}`;
}
