import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

/**
 * Runs every benchmark case in bench/cases/*.ts (or those whose file name is given as an
 * argument). Contract of a case file: its default export is `{ name, setup }`; `setup()` builds the
 * workload and returns a function that runs it once and returns the number of
 * path-coordinate-steps it performed. Each case is warmed up (2 runs), then timed as the best of
 * `BENCH_RUNS` (default 5) runs with performance.now().
 * Output: one line per case, `<name>: <rate with 1 decimal> M path-coord-steps/s` (wall clock), in
 * file order; a block of details follows (per-run wall times, and the rate on process CPU time, which
 * is less distorted when other processes share the cores).
 */
export interface BenchCase {
  name: string;
  setup(): () => number;
}

const here = dirname(fileURLToPath(import.meta.url));
const casesDir = join(here, 'cases');
const wanted = process.argv.slice(2);
const runs = Number(process.env.BENCH_RUNS ?? 5);
if (!(Number.isInteger(runs) && runs >= 1)) throw new RangeError(`bench: BENCH_RUNS = ${process.env.BENCH_RUNS} must be an integer ≥ 1`);

const files = readdirSync(casesDir)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.ts$/, '')))
  .sort();

const details: string[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(casesDir, file)).href)) as { default: BenchCase };
  const bench = mod.default;
  const run = bench.setup();
  for (let w = 0; w < 2; w++) run();
  let best = Infinity;
  let bestCpu = Infinity;
  let work = 0;
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    work = run();
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    times.push(ms);
    best = Math.min(best, ms);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e3);
  }
  const rate = work / (best * 1e3);
  console.log(`${bench.name}: ${rate.toFixed(1)} M path-coord-steps/s`);
  details.push(
    `  ${bench.name} (${file}): ${work.toExponential(3)} path-coord-steps per run; wall ${times.map((t) => t.toFixed(0)).join(', ')} ms; ` +
      `best ${best.toFixed(1)} ms; best process CPU time ${bestCpu.toFixed(1)} ms (${(work / (bestCpu * 1e3)).toFixed(1)} M/s on CPU time, less sensitive to a loaded machine)`,
  );
}
if (details.length > 0) console.log(['', 'details:', ...details].join('\n'));
