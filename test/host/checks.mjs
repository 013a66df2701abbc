// Named checks of the UI runners (runUi.mjs, runWebUi.mjs): each counts as a test and logs `ok` or `FAIL` with the
// first line of its error.

/**
 * @param {(...parts: unknown[]) => void} log
 */
export function createChecks(log) {
	const counts = { passed: 0, failed: 0 };
	/**
	 * @param {string} name
	 * @param {() => Promise<void>} body
	 */
	async function check(name, body) {
		try {
			await body();
			counts.passed++;
			log(`ok   ${name}`);
		} catch (error) {
			counts.failed++;
			log(`FAIL ${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
		}
	}
	return { counts, check };
}
