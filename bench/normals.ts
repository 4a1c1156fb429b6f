/**
 * Throughput, single thread: fillNormal (N(0,1) draws/s into a Float64Array), gaussianNoise.addTo
 * (entries/s), and discrete SignSGD on a diagonal quadratic with Gaussian noise
 * (x ← x − η·sign(λ∘x + s∘z), path-coordinate-steps/s). Each figure is the best of several rounds,
 * timed by this process's CPU time (user + system), which is steadier than wall time on a shared
 * machine; wall-time rates are printed alongside.
 * Run: node --import tsx bench/normals.ts
 */
import { createStream } from '../src/random/xoshiro.ts';
import { fillNormal } from '../src/random/normal.ts';
import { gaussianNoise } from '../src/noise/gaussian.ts';

const rng = createStream(42);
const CHUNK = 4096;
const buf = new Float64Array(CHUNK);

function bestRate(work: () => number, rounds = 7): { cpu: number; wall: number } {
  work();
  let cpu = 0;
  let wall = 0;
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const count = work();
    const wallSecs = Number(process.hrtime.bigint() - t0) / 1e9;
    const c = process.cpuUsage(c0);
    cpu = Math.max(cpu, count / ((c.user + c.system) / 1e6));
    wall = Math.max(wall, count / wallSecs);
  }
  return { cpu, wall };
}

const show = (r: { cpu: number; wall: number }): string => `${(r.cpu / 1e6).toFixed(1)} M/s CPU-time (${(r.wall / 1e6).toFixed(1)} wall)`;

const fillRate = bestRate(() => {
  for (let k = 0; k < 5000; k++) fillNormal(rng, buf);
  return 5000 * CHUNK;
});

const [paths, d] = [10_000, 10];
const noise = gaussianNoise(Array.from({ length: d }, (_, i) => 0.5 + 0.1 * i));
const grad = new Float64Array(paths * d);
const addRate = bestRate(() => {
  for (let k = 0; k < 200; k++) noise.addTo(rng, grad, paths);
  return 200 * paths * d;
});

const x = new Float64Array(paths * d).fill(1);
const lam = Float64Array.from({ length: d }, (_, i) => 1 + i);
const eta = 1e-3;
const signRate = bestRate(() => {
  for (let step = 0; step < 100; step++) {
    for (let p = 0, k = 0; p < paths; p++) for (let i = 0; i < d; i++, k++) grad[k] = lam[i] * x[k];
    noise.addTo(rng, grad, paths);
    for (let k = 0; k < grad.length; k++) x[k] -= eta * Math.sign(grad[k]);
  }
  return 100 * paths * d;
});

console.log(`fillNormal, normals:              ${show(fillRate)}`);
console.log(`gaussianNoise.addTo, entries:     ${show(addRate)} (paths ${paths}, dim ${d})`);
console.log(`SignSGD, path-coord-steps:        ${show(signRate)} (gradient, addTo, sign update)`);
