/**
 * Work done as steps: a generator that yields between pieces of a long computation, so that a host can give its
 * thread back between them (the extension host runs them with `runSliced`); the command line and the tests run
 * them to the end at once with {@link drainSteps}.
 */

/** A computation in steps that returns `T`. */
export type Steps<T> = Generator<void, T>;

/** Runs steps to the end, synchronously, and returns their result. */
export function drainSteps<T>(steps: Steps<T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) {
			return step.value;
		}
	}
}

/** Runs steps as the host likes: by default to the end at once; the extension host yields between slices. */
export type StepRunner = <T>(steps: Steps<T>) => Promise<T>;

/** The runner that runs everything at once (command line, unit tests). */
export const runStepsAtOnce: StepRunner = (steps) => Promise.resolve(drainSteps(steps));
