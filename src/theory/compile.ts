import type { MathNode } from 'mathjs';
import { math } from './mathInstance.ts';
import { nearlyEqual as near, RUNTIME } from './functions.ts';
import { CompileError, generateCode } from './generateCode.ts';
import type { Shape } from './generateCode.ts';

export { CompileError } from './generateCode.ts';
export type { Shape } from './generateCode.ts';

/** A value in a scope: a scalar or a vector (Float64Array or plain array). Matrices are rejected. */
export type ScopeValue = number | Float64Array | number[] | number[][];
export type Scope = Readonly<Record<string, ScopeValue>>;
export type CompiledExpression = (scope: Scope) => number | Float64Array;

export interface CompileOptions {
  /**
   * Shape of every symbol the expression may use. Given, the code is specialised once and any
   * other symbol is a compile error; omitted, shapes are read off the first scope (and re-read
   * whenever they change) and any symbol is looked up in the scope.
   */
  shapes?: Readonly<Record<string, Shape>>;
  /** Names the expression may use (without fixing their shapes); any other is a compile error. */
  symbols?: readonly string[];
}

/**
 * Compiles a mathjs expression over scalars and vectors into a plain JS function of a scope
 * object (see generateCode.ts for the code shape and the shape rules). A scalar-only expression
 * runs as straight-line arithmetic; comparisons and logical operators give 1 or 0; where mathjs
 * would return a complex number the result is NaN. Agrees with `math.evaluate` to 1e-12 relative
 * (test/theory/compile.test.ts).
 *
 * Throws CompileError for an unknown symbol or function (naming it), unsupported syntax, or a
 * vector used where mathjs would do linear algebra (v*w, v/w, v^2). At run time, vectors of
 * different lengths in one elementwise operation and a symbol missing from the scope are errors.
 */
export function compileExpression(expr: string | MathNode, opts: CompileOptions = {}): CompiledExpression {
  const node = typeof expr === 'string' ? parseExpression(expr) : expr;
  const used = freeSymbols(node);
  const allowed = opts.shapes ? Object.keys(opts.shapes) : opts.symbols;
  if (allowed !== undefined) {
    for (const name of used) {
      if (!allowed.includes(name)) throw new CompileError(`unknown symbol '${name}'`, name);
    }
  }
  if (opts.shapes !== undefined) return build(node, opts.shapes);
  generateCode(node, Object.fromEntries(used.map((name) => [name, 'scalar'])));
  const cache = new Map<string, CompiledExpression>();
  const respecialise = (scope: Scope): number | Float64Array => {
    let key = '';
    for (const name of used) key += shapeCode(name, scope[name]);
    let f = cache.get(key);
    if (f === undefined) {
      const shapes: Record<string, Shape> = {};
      used.forEach((name, k) => {
        shapes[name] = key[k] === 'v' ? 'vector' : 'scalar';
      });
      f = build(node, shapes, respecialise);
      cache.set(key, f);
    }
    current = f;
    return f(scope);
  };
  let current: CompiledExpression = respecialise;
  return (scope) => current(scope);
}

/** The shape of `expr` given the shapes of its symbols (throws CompileError like compileExpression). */
export function inferShape(expr: string | MathNode, shapes: Readonly<Record<string, Shape>>): Shape {
  return generateCode(typeof expr === 'string' ? parseExpression(expr) : expr, shapes).shape;
}

/** Parses with the project's mathjs instance; a syntax error becomes a CompileError with mathjs's message (which gives the position). */
export function parseExpression(expr: string): MathNode {
  try {
    return math.parse(expr);
  } catch (e) {
    throw new CompileError(e instanceof Error ? e.message : String(e));
  }
}

/** Names of the symbols `node` reads, in first-use order: not names of called functions, not the constants pi, e, Infinity. */
export function freeSymbols(node: MathNode): string[] {
  const seen = new Set<string>();
  node.traverse((n, _path, parent) => {
    if (n.type !== 'SymbolNode') return;
    if (parent?.type === 'FunctionNode' && (parent as MathNode & { fn: MathNode }).fn === n) return;
    seen.add((n as MathNode & { name: string }).name);
  });
  return [...seen].filter((name) => name !== 'pi' && name !== 'e' && name !== 'Infinity');
}

const HELPERS = {
  ...RUNTIME,
  lt: (a: number, b: number) => (a < b && !near(a, b) ? 1 : 0),
  le: (a: number, b: number) => (a <= b || near(a, b) ? 1 : 0),
  gt: (a: number, b: number) => (a > b && !near(a, b) ? 1 : 0),
  ge: (a: number, b: number) => (a >= b || near(a, b) ? 1 : 0),
  eq: (a: number, b: number) => (near(a, b) ? 1 : 0),
  ne: (a: number, b: number) => (near(a, b) ? 0 : 1),
  missing: (name: string) => {
    throw new CompileError(`symbol '${name}' is not in the scope`, name);
  },
  lengths: (a: string, na: number, b: string, nb: number) => {
    throw new RangeError(`vector length mismatch: '${a}' has ${na} entries, '${b}' has ${nb}`);
  },
};

const PRELUDE = Object.keys(HELPERS).map((k) => `const f_${k} = F.${k};`).join('\n');

/**
 * With `fallback`, the code is guarded: a scope whose shapes differ from `shapes` is handed to
 * `fallback` (which specialises again) instead of being computed with the wrong code.
 */
function build(node: MathNode, shapes: Readonly<Record<string, Shape>>, fallback?: CompiledExpression): CompiledExpression {
  const { body } = generateCode(node, shapes, fallback !== undefined);
  const factory = new Function('F', 'f_respecialise', `${PRELUDE}\nreturn function compiled(s) {\n${body}\n};`) as (
    f: typeof HELPERS,
    r: CompiledExpression | undefined,
  ) => CompiledExpression;
  return factory(HELPERS, fallback);
}

function shapeCode(name: string, v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return 's';
  if (ArrayBuffer.isView(v)) return 'v';
  if (Array.isArray(v)) {
    if (v.length > 0 && typeof v[0] !== 'number') {
      throw new CompileError(`symbol '${name}' is a matrix or nested array; the compiler handles scalars and vectors only`, name);
    }
    return 'v';
  }
  if (v === undefined) throw new CompileError(`symbol '${name}' is not in the scope`, name);
  throw new CompileError(`symbol '${name}' has unsupported type ${typeof v}`, name);
}
