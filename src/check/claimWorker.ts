import { parentPort } from 'node:worker_threads';
import type { Claim } from '../theory/claim.ts';
import { checkClaim } from './checkClaim.ts';
import type { ClaimRunOptions } from './checkClaim.ts';

/** Worker thread: checks one claim per message and posts its report back. */
parentPort?.on('message', ({ claim, options }: { claim: Claim; options: ClaimRunOptions }) => {
  parentPort?.postMessage(checkClaim(claim, options));
});
