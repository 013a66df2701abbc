import { runSliced } from '../../core/entities/articleEntities';
import type { StepRunner, Steps } from '../../core/text/steps';
import { hostSlicer, sliceBudgetMs } from '../entities/articleEntitiesCache';

/**
 * Runs the claims' long computations (reading, anchoring and saving 10,000 claims take about a second) on the
 * extension host in slices of `sliceBudgetMs`, giving the event loop back between them.
 */
export const runOnHost: StepRunner = async <T>(steps: Steps<T>): Promise<T> => (await runSliced(steps, hostSlicer(), sliceBudgetMs)) as T;
