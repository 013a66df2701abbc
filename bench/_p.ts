import { readFile } from 'node:fs/promises';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { runSliced } from '../src/core/entities/articleEntities';
import { BlockScoreCache, hostSliceBudgetMs, scoreBlocksIn, scoreDocumentSteps } from '../src/core/checkworthiness/scorer';
import { parseSeed } from '../src/core/seed/seedParser';
import { warmUpPlan, warmUpSteps } from '../src/core/checkworthiness/warmUp';
import { seedCorpusFile } from './seedCorpus';
const cpuNow = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
let gcMs = 0; let gcN = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) { gcMs += e.duration; gcN++; } }).observe({ entryTypes: ['gc'] });
const text = await readFile(await seedCorpusFile(1), 'utf8');
const imm = () => new Promise<void>((r) => setImmediate(r));
if (process.argv[2] === 'warm') await runSliced(warmUpSteps(warmUpPlan.rounds, warmUpPlan.paragraphs, 0.8), { now: () => performance.now(), yieldNow: imm }, 4);
const keep: unknown[] = [];
const out: string[] = [];
for (let i = 0; i < 6; i++) {
  await new Promise((r) => setTimeout(r, 30));
  gcMs = 0; gcN = 0;
  const c = cpuNow();
  const doc = parseSeed(text); const cache = new BlockScoreCache(); scoreBlocksIn(doc, { start: 0, end: 6000 }, cache);
  const scores = await runSliced(scoreDocumentSteps(doc, cache), { now: () => performance.now(), yieldNow: imm }, hostSliceBudgetMs);
  if (process.argv[3] === 'keep') keep.push(scores);
  out.push(`${(cpuNow() - c).toFixed(0)}/${gcMs.toFixed(0)}gc${gcN}`);
}
console.log(process.argv[2] ?? 'cold', out.join(' '), `heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
