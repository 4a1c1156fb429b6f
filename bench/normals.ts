/**
 * Throughput of fillNormal (N(0,1) draws per second into a Float64Array) and of a discrete SignSGD
 * loop on a diagonal quadratic with Gaussian noise (path-coordinate-steps per second), single thread.
 * Run: node --import tsx bench/normals.ts
 */
import { createStream } from '../src/random/xoshiro.ts';
import { fillNormal, ZIGGURAT_R } from '../src/random/normal.ts';

const CHUNK = 4096;
const rng = createStream(42);
const buf = new Float64Array(CHUNK);

function timeFill(total: number): number {
  const t0 = process.hrtime.bigint();
  for (let done = 0; done < total; done += CHUNK) fillNormal(rng, buf);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** x ← x − η·sign(λ∘x + s∘z) on `paths` paths of dimension d, `steps` steps. */
function timeSignSgd(paths: number, d: number, steps: number): number {
  const x = new Float64Array(paths * d).fill(1);
  const lam = new Float64Array(d).fill(1);
  const s = new Float64Array(d).fill(0.5);
  const eta = 1e-3;
  const n = paths * d;
  const t0 = process.hrtime.bigint();
  for (let step = 0; step < steps; step++) {
    for (let start = 0; start < n; start += CHUNK) {
      const len = Math.min(CHUNK, n - start);
      fillNormal(rng, buf, 0, len);
      let i = start % d;
      for (let j = 0; j < len; j++) {
        const g = lam[i] * x[start + j] + s[i] * buf[j];
        x[start + j] -= g > 0 ? eta : g < 0 ? -eta : 0;
        if (++i === d) i = 0;
      }
    }
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!Number.isFinite(x[0])) throw new Error('diverged');
  return secs;
}

console.log(`ziggurat r = ${ZIGGURAT_R}`);
timeFill(2e7);
const N = 1e8;
const tf = timeFill(N);
console.log(`fillNormal: ${(N / tf / 1e6).toFixed(1)} M normals/s`);
timeSignSgd(1000, 10, 20);
const [P, D, S] = [10000, 10, 500];
const ts = timeSignSgd(P, D, S);
console.log(`SignSGD (Gaussian noise): ${((P * D * S) / ts / 1e6).toFixed(1)} M path-coord-steps/s`);
