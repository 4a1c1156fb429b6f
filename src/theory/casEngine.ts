/**
 * A synchronous, bounded call into Algebrite 1.4.0.
 *
 * The bound is deterministic: a number of evaluation steps, one per list cell Algebrite allocates
 * (`cons`). The worker loads Algebrite's bundle with `cons` patched to count and to `stop` past the
 * call's limit, so whether a call completes never depends on the machine or its load, and a run
 * writes the same report with any number of workers. (Until 3 December 2026 the bound was 3 s of
 * wall-clock time: under load, calls that took 1–3 s idle timed out and reports differed.)
 * `Eval` itself would be a poor count: an `expand` of a 6-term sum to the 8th power is 11 Evals
 * and 1.76 M cells.
 *
 * A wall-clock backstop remains for code that loops without allocating (bignum arithmetic): the
 * caller blocks on a shared flag (Atomics.wait) for at most `backstopMs`; a call that runs past it
 * terminates the worker (the next call starts a fresh one, ≈100 ms), so nothing hangs the checker.
 * Every call starts with `clearall`: Algebrite keeps assignments between runs otherwise. After a
 * failed call the worker is replaced too (see runAlgebrite).
 *
 * The worker gets no execArgv: inheriting the test runner's `--import tsx` would route Algebrite's
 * 800 kB bundle through the TypeScript loader on every start.
 *
 * Algebrite reports its own errors as output text starting with "Stop:"; those come back as
 * `{ ok: false, reason: 'error' }`, and a spent step limit as `{ ok: false, reason: 'steps' }`.
 */
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { createRequire } from 'node:module';

export type AlgebriteResult =
  | { ok: true; output: string; ms: number; steps: number }
  | { ok: false; reason: 'steps' | 'timeout' | 'error'; message: string; ms: number; steps: number };

export interface AlgebriteLimits {
  /** Evaluation steps the call may take (deterministic). */
  steps: number;
  /** Wall-clock backstop, ms; only code that loops without allocating should ever reach it. */
  backstopMs: number;
}

/**
 * Default limits. 2 M steps took 4–5 s on a 2.6 GHz EPYC core for a cons-heavy `expand`; the
 * heaviest call of theorems/ (B4's AdamW moment equation 4/5, `rationalize`) takes 0.83 M steps, and
 * every other call of a quick run fewer than 23,000 (3 Dec 2026, with the stack patch below).
 */
export const DEFAULT_LIMITS: AlgebriteLimits = { steps: 2_000_000, backstopMs: 60_000 };

/**
 * Source patches applied to Algebrite 1.4.0's bundle when the worker loads it: [what, replacement,
 * occurrences expected]. A bundle where one does not match exactly is refused (the CAS then answers
 * every call with that error, and the checks fall back to numeric-only).
 */
const STEP_STOP_TEXT = 'sdelens step limit';
const ALGEBRITE_PATCHES: ReadonlyArray<readonly [string, string, number]> = [
  // The step counter: every list cell Algebrite allocates is one step.
  ['\n  cons = function() {', `\n  cons = function() { if (++__sdelensAlgebriteSteps.steps > __sdelensAlgebriteSteps.limit) return stop(${JSON.stringify(STEP_STOP_TEXT)});`, 1],
  // Sorting a run of terms on the stack wrote it back by copying the whole stack array, whose length
  // is the 100,000-slot high-water mark of Algebrite's frames: 80% of the time of slow simplify calls.
  // Writing the sorted run back in place leaves the same contents (no code keeps the old array)
  // and made the slowest CAS calls of a quick run 8–20× faster, with identical output.
  [
    'stack = stack.slice(0, h).concat(subsetOfStack).concat(stack.slice(h + n));',
    'stack = (function (a) { for (var k = 0; k < subsetOfStack.length; k++) a[h + k] = subsetOfStack[k]; return a; })(stack);',
    3,
  ],
];

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');
console.log = () => {};
console.warn = () => {};
const counter = { steps: 0, limit: Infinity };
globalThis.__sdelensAlgebriteSteps = counter;
// A failed set-up answers every call with its error (the caller is blocked and cannot see events).
let Algebrite = null, setupError = null;
try {
  let source = readFileSync(workerData.path, 'utf8');
  for (const [find, replacement, count] of workerData.patches) {
    const parts = source.split(find);
    if (parts.length !== count + 1) throw new Error('algebrite: a source patch matched ' + (parts.length - 1) + ' times, expected ' + count + ' (is Algebrite still 1.4.0?)');
    source = parts.join(replacement);
  }
  const wrapper = vm.runInThisContext('(function (exports, require, module, __filename, __dirname) {' + source + '\\n})', { filename: workerData.path });
  const module_ = { exports: {} };
  wrapper.call(module_.exports, module_.exports, createRequire(workerData.path), module_, workerData.path, dirname(workerData.path));
  Algebrite = module_.exports;
} catch (e) { setupError = String((e && e.message) || e); }
const flag = new Int32Array(workerData.flag);
workerData.port.on('message', (m) => {
  let ok = true, out;
  if (setupError !== null) {
    workerData.port.postMessage({ id: m.id, ok: false, out: 'Stop: ' + setupError, steps: 0 });
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
    return;
  }
  // counter.limit is Infinity between calls, so clearall runs unbounded.
  try { Algebrite.run('clearall'); counter.steps = 0; counter.limit = m.steps; out = String(Algebrite.run(m.script)); }
  catch (e) { ok = false; out = String((e && e.message) || e); }
  counter.limit = Infinity;
  workerData.port.postMessage({ id: m.id, ok, out, steps: counter.steps });
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

const STARTUP_ALLOWANCE_MS = 2000;
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

interface Engine {
  fresh: boolean;
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
}

let engine: Engine | null = null;
let nextId = 1;

function start(): Engine {
  const algebritePath = createRequire(import.meta.url).resolve('algebrite');
  const sab = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    execArgv: [],
    workerData: { path: algebritePath, port: port2, flag: sab, patches: ALGEBRITE_PATCHES },
    transferList: [port2],
  });
  worker.unref();
  port1.unref();
  return { fresh: true, worker, port: port1, flag: new Int32Array(sab) };
}

function stop(): void {
  if (engine === null) return;
  void engine.worker.terminate();
  engine.port.close();
  engine = null;
}

/** Runs one Algebrite script (one line, or several separated by newlines) within `limits`. */
export function runAlgebrite(script: string, limits: AlgebriteLimits = DEFAULT_LIMITS): AlgebriteResult {
  if (!(limits.steps > 0)) throw new RangeError(`runAlgebrite: steps = ${limits.steps}, must be > 0`);
  if (!(limits.backstopMs > 0)) throw new RangeError(`runAlgebrite: backstopMs = ${limits.backstopMs}, must be > 0`);
  const started = performance.now();
  if (engine === null) engine = start();
  const { port, flag } = engine;
  const id = nextId++;
  Atomics.store(flag, 0, 0);
  port.postMessage({ id, script, steps: limits.steps });
  // Worker start-up (loading Algebrite) counts against a fresh engine's first call: allow for it.
  const deadline = started + limits.backstopMs + (engine.fresh ? STARTUP_ALLOWANCE_MS : 0);
  engine.fresh = false;
  for (;;) {
    const left = deadline - performance.now();
    if (left <= 0 || Atomics.wait(flag, 0, 0, left) === 'timed-out') {
      stop();
      return { ok: false, reason: 'timeout', message: `Algebrite ran past the ${limits.backstopMs} ms backstop`, ms: performance.now() - started, steps: NaN };
    }
    const received = receiveMessageOnPort(port) as { message: { id: number; ok: boolean; out: string; steps: number } } | undefined;
    if (received === undefined) {
      Atomics.wait(PAUSE, 0, 0, 1);
      continue;
    }
    const { id: gotId, ok, out, steps } = received.message;
    if (gotId !== id) continue;
    const ms = performance.now() - started;
    // A call stopped part-way may leave Algebrite's global flags set: the next call gets a fresh
    // worker, so no result depends on which calls ran before it (or on the worker's task order).
    if (!ok || out.includes('Stop:')) stop();
    if (out.includes(STEP_STOP_TEXT)) return { ok: false, reason: 'steps', message: `Algebrite exceeded ${limits.steps} evaluation steps`, ms, steps };
    if (!ok) return { ok: false, reason: 'error', message: out, ms, steps };
    const stopAt = out.indexOf('Stop:');
    if (stopAt >= 0) return { ok: false, reason: 'error', message: out.slice(stopAt).trim(), ms, steps };
    return { ok: true, output: out.trim(), ms, steps };
  }
}

/** Terminates the worker now (tests and the CLI call this before exit; it is unref'd anyway). */
export function shutdownAlgebrite(): void {
  stop();
}
