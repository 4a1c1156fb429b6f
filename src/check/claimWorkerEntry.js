// Worker-thread entry: registers tsx in this thread (loader hooks are per thread), then loads the TypeScript worker.
import { register } from 'tsx/esm/api';
register();
await import('./claimWorker.ts');
