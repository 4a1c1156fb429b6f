import { Worker } from 'node:worker_threads';
import type { Claim } from '../theory/claim.ts';
import type { ClaimReport } from '../report/report.ts';
import { claimTasks } from './checkClaim.ts';
import type { ClaimRunOptions, TaskResult } from './checkClaim.ts';
import type { FromWorker, ToWorker } from './claimWorker.ts';

type Work = Exclude<ToWorker, { type: 'init' }>;

/**
 * Checks every claim on `workers` threads (each registers tsx: claimWorkerEntry.js). The work is
 * split finer than claims, into tasks (a symbolic check, or one point of a simulation check), so
 * one long claim no longer runs alone at the end of a run, and a single claim uses every worker.
 * Tasks are handed out in claim order; a claim whose tasks are all done is finished (shrinking,
 * boundary, mutation power) before any further task. Reports come back in claim order whatever
 * the finishing order, and do not depend on the worker count.
 */
export async function runInWorkers(
  claims: Claim[], options: ClaimRunOptions, workers: number,
  onResult: (index: number, report: ClaimReport) => void, onStart?: (claim: Claim) => void,
): Promise<ClaimReport[]> {
  const reports: ClaimReport[] = new Array(claims.length);
  const results: TaskResult[][] = claims.map(() => []);
  const tasks = claims.map((claim) => claimTasks(claim, options.budget));
  const queue: Work[] = tasks.flatMap((list, claim) => list.map((task): Work => ({ type: 'task', claim, task })));
  const started = new Set<number>();
  let idle: (() => void)[] = [];
  let finished = 0;

  const completeTask = (claim: number, result: TaskResult): void => {
    results[claim].push(result);
    if (results[claim].length === tasks[claim].length) queue.unshift({ type: 'finish', claim, results: results[claim] });
  };
  // A claim without tasks (no checks) still needs its report.
  tasks.forEach((list, claim) => { if (list.length === 0) queue.unshift({ type: 'finish', claim, results: [] }); });

  const runWorker = (): Promise<void> => new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./claimWorkerEntry.js', import.meta.url));
    const feed = (): void => {
      const next = queue.shift();
      if (next === undefined) {
        if (finished === claims.length) {
          void worker.terminate().then(() => resolve());
          for (const wake of idle) wake();
          idle = [];
        } else {
          idle.push(feed); // other workers' tasks will add finishes
        }
        return;
      }
      if (!started.has(next.claim)) {
        started.add(next.claim);
        onStart?.(claims[next.claim]);
      }
      worker.postMessage(next);
    };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'task') {
        completeTask(message.claim, message.result);
      } else {
        reports[message.claim] = message.report;
        finished++;
        onResult(message.claim, message.report);
      }
      const waiting = idle;
      idle = [];
      for (const wake of waiting) wake();
      feed();
    });
    worker.on('error', reject);
    worker.on('online', () => {
      worker.postMessage({ type: 'init', claims, options } satisfies ToWorker);
      feed();
    });
  });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, queue.length)) }, runWorker));
  return reports;
}
