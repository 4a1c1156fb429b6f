import { DISTRIBUTION_KEYS } from './claim.ts';
import type { DomainEntry } from './claim.ts';
import { childPath } from './errors.ts';
import type { ErrorSink } from './errors.ts';
import { describeValue } from './expressionChecker.ts';
import { CONSTANTS, FUNCTIONS } from './functions.ts';
import type { Shape } from './generateCode.ts';

/** A symbol name: a letter, then letters, digits or underscores (mathjs-parsable, not reserved). */
export const SYMBOL_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
const KEYWORDS = ['NaN', 'true', 'false', 'null', 'undefined', 'and', 'or', 'not', 'xor', 'mod', 'to', 'in', 'i'];

/** Why `name` cannot be a symbol, or undefined when it can. */
export function symbolNameProblem(name: string): string | undefined {
  if (!SYMBOL_PATTERN.test(name)) return `'${name}' is not a valid symbol name (a letter, then letters, digits or _)`;
  if (name in CONSTANTS || KEYWORDS.includes(name)) return `'${name}' is reserved (a constant or an operator of the expression language)`;
  if (Object.hasOwn(FUNCTIONS, name)) return `'${name}' is the name of a function`;
  return undefined;
}

/** A number, or ±Infinity written as a YAML .inf or the string "Infinity". */
export function readNumber(v: unknown, extended: boolean): number | undefined {
  if (typeof v === 'number' && !Number.isNaN(v)) return Number.isFinite(v) || extended ? v : undefined;
  if (extended && (v === 'Infinity' || v === '+Infinity')) return Infinity;
  if (extended && v === '-Infinity') return -Infinity;
  return undefined;
}

const ENTRY_KEYS = [...DISTRIBUTION_KEYS, 'vector'];

/**
 * Validates `domain` (see DomainEntry): each entry a mapping with exactly one distribution key
 * and valid bounds (non-empty interval, logUniform lo > 0, integer int bounds), and `vector` a
 * positive integer or a declared integer symbol with values ≥ 1. Returns the entries (Infinity
 * strings converted) and the shape of every declared name, including erroneous entries, so that
 * expressions using them are not reported a second time.
 */
export function validateDomain(raw: unknown, sink: ErrorSink): { domain: Record<string, DomainEntry>; shapes: Record<string, Shape> } {
  const domain: Record<string, DomainEntry> = {};
  const shapes: Record<string, Shape> = {};
  if (raw === undefined) {
    sink.add('domain', 'missing: every claim declares the parameters it draws (`domain: {}` when there are none)');
    return { domain, shapes };
  }
  if (!isRecord(raw)) {
    sink.add('domain', `expected a mapping of symbol → distribution, got ${describeValue(raw)}`);
    return { domain, shapes };
  }
  for (const [name, entry] of Object.entries(raw)) {
    const path = childPath('domain', name);
    const problem = symbolNameProblem(name);
    if (problem !== undefined) sink.add(path, problem);
    shapes[name] = isRecord(entry) && entry.vector !== undefined ? 'vector' : 'scalar';
    const parsed = readEntry(entry, path, sink);
    if (parsed !== undefined && problem === undefined) domain[name] = parsed;
  }
  for (const [name, entry] of Object.entries(domain)) {
    if (typeof entry.vector !== 'string') continue;
    const len = domain[entry.vector];
    const path = childPath(childPath('domain', name), 'vector');
    if (len === undefined) {
      if (!(entry.vector in raw)) sink.add(path, `vector length '${entry.vector}' is not a declared symbol (declared: ${Object.keys(raw).join(', ')})`);
    } else if (len.vector !== undefined || !positiveIntegers(len)) {
      sink.add(path, `vector length '${entry.vector}' must be a scalar integer symbol ≥ 1 (an int, or a value or oneOf of positive integers)`);
    }
  }
  return { domain, shapes };
}

function readEntry(entry: unknown, path: string, sink: ErrorSink): DomainEntry | undefined {
  if (!isRecord(entry)) {
    sink.add(path, `expected a mapping with one distribution, e.g. { uniform: [0.1, 1] }, got ${describeValue(entry)}`);
    return undefined;
  }
  let ok = true;
  const fail = (p: string, msg: string) => {
    sink.add(p, msg);
    ok = false;
  };
  for (const key of Object.keys(entry)) {
    if (!ENTRY_KEYS.includes(key)) fail(childPath(path, key), `unknown key '${key}' (allowed: ${ENTRY_KEYS.join(', ')})`);
  }
  const dists = DISTRIBUTION_KEYS.filter((k) => entry[k] !== undefined);
  if (dists.length !== 1) {
    fail(path, dists.length === 0
      ? `needs one distribution: ${DISTRIBUTION_KEYS.join(', ')}`
      : `has ${dists.map((k) => `'${k}'`).join(' and ')}; give exactly one distribution`);
    return undefined;
  }
  const key = dists[0];
  const p = childPath(path, key);
  const out: DomainEntry = {};
  const v = entry[key];
  if (key === 'value') {
    const x = readNumber(v, true);
    if (x === undefined) fail(p, `expected a number, got ${describeValue(v)}`);
    else out.value = x;
  } else if (key === 'oneOf') {
    const xs = Array.isArray(v) ? v.map((x) => readNumber(x, true)) : [];
    if (xs.length === 0 || xs.some((x) => x === undefined)) fail(p, `expected a non-empty list of numbers (Infinity allowed), got ${describeValue(v)}`);
    else out.oneOf = xs as number[];
  } else {
    const pair = Array.isArray(v) && v.length === 2 ? v.map((x) => readNumber(x, false)) : undefined;
    if (pair === undefined || pair.some((x) => x === undefined)) {
      fail(p, `expected [lo, hi], two finite numbers, got ${Array.isArray(v) ? `[${v.map(String).join(', ')}]` : describeValue(v)}`);
    } else {
      const [lo, hi] = pair as [number, number];
      if (key === 'int' && !(Number.isInteger(lo) && Number.isInteger(hi))) fail(p, `int bounds must be integers, got [${lo}, ${hi}]`);
      else if (key === 'int' ? lo > hi : !(lo < hi)) fail(p, `empty interval [${lo}, ${hi}]: need lo ${key === 'int' ? '≤' : '<'} hi (use value for a fixed number)`);
      else if (key === 'logUniform' && !(lo > 0)) fail(p, `logUniform needs 0 < lo, got [${lo}, ${hi}]`);
      else out[key] = [lo, hi];
    }
  }
  if (entry.vector !== undefined) {
    const n = entry.vector;
    if (typeof n === 'string' && SYMBOL_PATTERN.test(n)) out.vector = n;
    else if (typeof n === 'number' && Number.isInteger(n) && n >= 1) out.vector = n;
    else fail(childPath(path, 'vector'), `expected a positive integer or an integer symbol, got ${describeValue(n)}`);
  }
  return ok ? out : undefined;
}

function positiveIntegers(e: DomainEntry): boolean {
  if (e.int !== undefined) return e.int[0] >= 1;
  if (e.value !== undefined) return Number.isInteger(e.value) && e.value >= 1;
  if (e.oneOf !== undefined) return e.oneOf.every((x) => Number.isInteger(x) && x >= 1);
  return false;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
