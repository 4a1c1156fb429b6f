import { parentPort } from 'node:worker_threads';
import type { Claim } from '../theory/claim.ts';
import { finishClaim, runTask } from './checkClaim.ts';
import type { ClaimRunOptions, ClaimTask, TaskResult } from './checkClaim.ts';

/** Messages from the pool (workerPool.ts): the run's claims once, then tasks and finishes. */
export type ToWorker =
  | { type: 'init'; claims: Claim[]; options: ClaimRunOptions }
  | { type: 'task'; claim: number; task: ClaimTask }
  | { type: 'finish'; claim: number; results: TaskResult[] };

export type FromWorker =
  | { type: 'task'; claim: number; result: TaskResult }
  | { type: 'finish'; claim: number; report: ReturnType<typeof finishClaim> };

let claims: Claim[] = [];
let options: ClaimRunOptions | undefined;

/** Worker thread: runs one task or assembles one claim's report per message. */
parentPort?.on('message', (message: ToWorker) => {
  if (message.type === 'init') {
    ({ claims, options } = message);
    return;
  }
  const claim = claims[message.claim];
  const reply: FromWorker = message.type === 'task'
    ? { type: 'task', claim: message.claim, result: runTask(claim, message.task, options!) }
    : { type: 'finish', claim: message.claim, report: finishClaim(claim, message.results, options!) };
  parentPort?.postMessage(reply);
});
