import { Worker } from 'node:worker_threads';
import type { Claim } from '../theory/claim.ts';
import type { ClaimReport } from '../report/report.ts';
import type { ClaimRunOptions } from './checkClaim.ts';

/**
 * Runs checkClaim for every claim on `workers` threads (each registers tsx: claimWorkerEntry.js).
 * Results come back in claim order whatever the finishing order.
 */
export async function runInWorkers(
  claims: Claim[], options: ClaimRunOptions, workers: number,
  onResult: (index: number, report: ClaimReport) => void, onStart?: (claim: Claim) => void,
): Promise<ClaimReport[]> {
  const results: ClaimReport[] = new Array(claims.length);
  let next = 0;
  const runWorker = (): Promise<void> => new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./claimWorkerEntry.js', import.meta.url));
    let current = -1;
    const feed = (): void => {
      if (next >= claims.length) {
        void worker.terminate().then(() => resolve());
        return;
      }
      current = next++;
      onStart?.(claims[current]);
      worker.postMessage({ claim: claims[current], options });
    };
    worker.on('message', (report: ClaimReport) => {
      results[current] = report;
      onResult(current, report);
      feed();
    });
    worker.on('error', reject);
    worker.on('online', feed);
  });
  await Promise.all(Array.from({ length: Math.min(workers, claims.length) }, runWorker));
  return results;
}
