/**
 * A synchronous, time-bounded call into Algebrite 1.4.0.
 *
 * Algebrite runs in a worker thread; the caller blocks on a shared flag (Atomics.wait) for at most
 * `timeoutMs`. A call that runs past its limit terminates the worker (the next call starts a fresh
 * one, ≈100 ms), so a runaway simplification never hangs the checker. Every call starts with
 * `clearall`: Algebrite keeps assignments between runs otherwise.
 *
 * The worker gets no execArgv: inheriting the test runner's `--import tsx` would route Algebrite's
 * 800 kB bundle through the TypeScript loader on every start.
 *
 * Algebrite reports its own errors as output text starting with "Stop:"; those come back as
 * `{ ok: false, reason: 'error' }`.
 */
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { createRequire } from 'node:module';

export type AlgebriteResult =
  | { ok: true; output: string; ms: number }
  | { ok: false; reason: 'timeout' | 'error'; message: string; ms: number };

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
console.log = () => {};
console.warn = () => {};
const Algebrite = require(workerData.path);
const flag = new Int32Array(workerData.flag);
workerData.port.on('message', (m) => {
  let ok = true, out;
  try { Algebrite.run('clearall'); out = String(Algebrite.run(m.script)); }
  catch (e) { ok = false; out = String((e && e.message) || e); }
  workerData.port.postMessage({ id: m.id, ok, out });
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
    workerData: { path: algebritePath, port: port2, flag: sab },
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

/** Runs one Algebrite script (one line, or several separated by newlines) with a wall-clock limit. */
export function runAlgebrite(script: string, timeoutMs = 3000): AlgebriteResult {
  if (!(timeoutMs > 0)) throw new RangeError(`runAlgebrite: timeoutMs = ${timeoutMs}, must be > 0`);
  const started = performance.now();
  if (engine === null) engine = start();
  const { port, flag } = engine;
  const id = nextId++;
  Atomics.store(flag, 0, 0);
  port.postMessage({ id, script });
  // Worker start-up (loading Algebrite) counts against a fresh engine's first call: allow for it.
  const deadline = started + timeoutMs + (engine.fresh ? STARTUP_ALLOWANCE_MS : 0);
  engine.fresh = false;
  for (;;) {
    const left = deadline - performance.now();
    if (left <= 0 || Atomics.wait(flag, 0, 0, left) === 'timed-out') {
      stop();
      return { ok: false, reason: 'timeout', message: `Algebrite exceeded ${timeoutMs} ms`, ms: performance.now() - started };
    }
    const received = receiveMessageOnPort(port) as { message: { id: number; ok: boolean; out: string } } | undefined;
    if (received === undefined) {
      Atomics.wait(PAUSE, 0, 0, 1);
      continue;
    }
    const { id: gotId, ok, out } = received.message;
    if (gotId !== id) continue;
    const ms = performance.now() - started;
    if (!ok) return { ok: false, reason: 'error', message: out, ms };
    const stopAt = out.indexOf('Stop:');
    if (stopAt >= 0) return { ok: false, reason: 'error', message: out.slice(stopAt).trim(), ms };
    return { ok: true, output: out.trim(), ms };
  }
}

/** Terminates the worker now (tests and the CLI call this before exit; it is unref'd anyway). */
export function shutdownAlgebrite(): void {
  stop();
}
