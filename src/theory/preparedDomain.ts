import type { Claim, DomainEntry } from './claim.ts';
import { compileExpression, freeSymbols, inferShape, parseExpression } from './compile.ts';
import type { CompiledExpression, Shape } from './compile.ts';
import { resolveExpression } from './resolve.ts';

/** A parameter point: scalars and vectors by symbol name. */
export type Point = Record<string, number | Float64Array>;

/** A claim's domain made ready for repeated drawing: entries split by shape, lets and assumptions compiled. */
export interface PreparedDomain {
  scalars: readonly [string, DomainEntry][];
  vectors: readonly [string, DomainEntry][];
  /** Draws every entry, scalars first (vector lengths may name a drawn int); `u` maps an entry to one draw. */
  draw(u: (entry: DomainEntry) => number): Point;
  length(entry: DomainEntry, point: Readonly<Record<string, number | Float64Array>>): number;
  withLets(point: Point): Point;
  accepts(point: Point): boolean;
}

const cache = new WeakMap<Claim, PreparedDomain>();

/** The prepared domain of `claim` (built once per claim object). */
export function prepareDomain(claim: Claim): PreparedDomain {
  let d = cache.get(claim);
  if (d === undefined) {
    d = build(claim);
    cache.set(claim, d);
  }
  return d;
}

function build(claim: Claim): PreparedDomain {
  const entries = Object.entries(claim.domain);
  const scalars = entries.filter(([, e]) => e.vector === undefined);
  const vectors = entries.filter(([, e]) => e.vector !== undefined);
  const shapes: Record<string, Shape> = Object.fromEntries(entries.map(([n, e]) => [n, e.vector === undefined ? 'scalar' : 'vector']));
  const lets: [string, CompiledExpression][] = [];
  for (const [name, text] of Object.entries(claim.let)) {
    const node = parseExpression(text);
    if (!freeSymbols(node).every((s) => s in shapes)) continue; // uses a state symbol: evaluated by the check
    lets.push([name, compileExpression(node, { shapes: { ...shapes } })]);
    shapes[name] = inferShape(node, shapes);
  }
  const assume = claim.assume.map((a) => compileExpression(resolveExpression(claim, a), { shapes: { ...shapes } }));
  const length = (entry: DomainEntry, point: Readonly<Record<string, number | Float64Array>>): number => {
    const n = typeof entry.vector === 'number' ? entry.vector : point[entry.vector!];
    if (typeof n !== 'number') throw new TypeError(`vector length ${String(entry.vector)} is not a drawn scalar`);
    return n;
  };
  const withLets = (point: Point): Point => {
    const out: Point = { ...point };
    for (const [name, f] of lets) out[name] = f(out);
    return out;
  };
  return {
    scalars,
    vectors,
    length,
    withLets,
    draw(u) {
      const p: Point = {};
      for (const [name, entry] of scalars) p[name] = u(entry);
      for (const [name, entry] of vectors) {
        const v = new Float64Array(length(entry, p));
        for (let i = 0; i < v.length; i++) v[i] = u(entry);
        p[name] = v;
      }
      return p;
    },
    accepts(point) {
      if (assume.length === 0) return true;
      const scope = withLets(point);
      return assume.every((f) => truthy(f(scope)));
    },
  };
}

function truthy(v: number | Float64Array): boolean {
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return v.every((x) => x !== 0 && !Number.isNaN(x));
}
