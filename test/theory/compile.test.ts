import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileExpression, CompileError, inferShape, parseExpression } from '../../src/theory/compile.ts';
import { generateCode } from '../../src/theory/generateCode.ts';
import { math } from '../../src/theory/mathInstance.ts';
import { erf, erfc } from '../../src/special/erf.ts';
import { tCdf } from '../../src/special/tCdf.ts';
import { ell } from '../../src/special/ell.ts';
import { lgamma } from '../../src/special/lgamma.ts';
import { normCdf } from '../../src/special/normCdf.ts';

// The reference is math.evaluate in mathjs's `predictable` mode, which returns NaN where the
// default mode would switch to complex numbers (sqrt(−1), log(−1)); the compiler works in real
// arithmetic, so that is the only semantic difference it is allowed. Predictable mode also takes
// real odd roots of negative bases ((−8)^(1/3) = −2, where the compiler gives NaN like Math.pow),
// so the generator raises only |x| to a power.
const reference = math;

const SCALARS = ['a', 'b', 'c'] as const;
const VECTORS = ['u', 'w'] as const;
const LEN = 3;
const SHAPES = { a: 'scalar', b: 'scalar', c: 'scalar', u: 'vector', w: 'vector' } as const;

const MAP1 = ['sqrt', 'exp', 'log', 'abs', 'atan', 'sin', 'cos', 'erf', 'erfc', 'lgamma', 'normcdf', 'sign',
  'tanh', 'log1p', 'expm1', 'cbrt', 'square', 'cube', 'asin', 'sinh', 'log10'];
const REDUCE = ['sum', 'max', 'min', 'prod', 'mean'];
const NU = ['1', '2', '3', '4.5', '30'];
const CMP = ['<', '<=', '>', '>=', '==', '!='];

const wrap = (s: string) => `(${s})`;
const { expr } = fc.letrec((tie) => {
  const S = () => tie('scalar') as fc.Arbitrary<string>;
  const V = () => tie('vector') as fc.Arbitrary<string>;
  const any = () => fc.oneof(S(), V());
  const deep = { maxDepth: 4, depthIdentifier: 'expr', withCrossShrink: true };
  return {
    scalar: fc.oneof(
      deep,
      fc.oneof(
        fc.constantFrom(...SCALARS, 'pi', 'e'),
        fc.double({ min: 0, max: 5, noNaN: true }).map((x) => String(Math.round(x * 1000) / 1000)),
      ),
      fc.tuple(fc.constantFrom('+', '-', '*', '/', '.*', './'), S(), S()).map(([op, x, y]) => wrap(`${x} ${op} ${y}`)),
      fc.tuple(fc.constantFrom('^', '.^'), S(), S()).map(([op, x, y]) => wrap(`abs(${x}) ${op} ${y}`)),
      S().map((x) => wrap(`-${x}`)),
      fc.tuple(fc.constantFrom(...MAP1), S()).map(([f, x]) => `${f}(${x})`),
      fc.tuple(S(), fc.constantFrom(...NU)).map(([x, nu]) => `tcdf(${x}, ${nu})`),
      fc.constantFrom(...NU).map((nu) => `ell(${nu})`),
      fc.tuple(fc.constantFrom(...REDUCE), V()).map(([f, v]) => `${f}(${v})`),
      fc.tuple(fc.constantFrom(...REDUCE), S(), S()).map(([f, x, y]) => `${f}(${x}, ${y})`),
      fc.tuple(fc.constantFrom(...CMP), S(), S()).map(([op, x, y]) => wrap(`${x} ${op} ${y}`)),
      fc.tuple(fc.constantFrom('and', 'or', 'xor'), S(), S()).map(([op, x, y]) => wrap(`${x} ${op} ${y}`)),
      fc.tuple(S(), S(), S()).map(([x, y, z]) => wrap(`${x} < ${y} <= ${z}`)),
      fc.tuple(S(), S(), S()).map(([x, y, z]) => wrap(`${x} ? ${y} : ${z}`)),
    ),
    vector: fc.oneof(
      deep,
      fc.constantFrom(...VECTORS),
      fc.tuple(fc.constantFrom('+', '-', '.*', './'), V(), any()).map(([op, x, y]) => wrap(`${x} ${op} ${y}`)),
      fc.tuple(fc.constantFrom('+', '-', '.*', './', '*'), S(), V()).map(([op, x, y]) => wrap(`${x} ${op} ${y}`)),
      fc.tuple(V(), any()).map(([x, y]) => wrap(`abs(${x}) .^ ${y}`)),
      fc.tuple(S(), V()).map(([x, y]) => wrap(`abs(${x}) .^ ${y}`)),
      fc.tuple(fc.constantFrom('*', '/'), V(), S()).map(([op, x, y]) => wrap(`${x} ${op} ${y}`)),
      V().map((x) => wrap(`-${x}`)),
      fc.tuple(fc.constantFrom(...MAP1), V()).map(([f, x]) => `${f}(${x})`),
      fc.tuple(V(), fc.constantFrom(...NU)).map(([x, nu]) => `tcdf(${x}, ${nu})`),
      fc.tuple(fc.constantFrom(...CMP), V(), any()).map(([op, x, y]) => wrap(`${x} ${op} ${y}`)),
      fc.tuple(S(), V(), V()).map(([x, y, z]) => wrap(`${x} ? ${y} : ${z}`)),
    ),
    expr: fc.oneof(S(), V()),
  };
});

const num = fc.double({ min: -4, max: 4, noNaN: true });
const point = fc.record({
  a: num,
  b: num,
  c: fc.double({ min: 0.01, max: 3, noNaN: true }),
  u: fc.array(num, { minLength: LEN, maxLength: LEN }),
  w: fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: LEN, maxLength: LEN }),
});

function close(x: number, y: number): boolean {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
  if (x === y) return true;
  return Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
}

function asNumbers(v: unknown): number | number[] {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (Array.isArray(v)) return v.map((x) => asNumbers(x) as number);
  throw new Error(`unexpected mathjs result ${String(v)}`);
}

function agree(text: string, p: Record<string, number | number[]>): boolean {
  let want: number | number[];
  try {
    want = asNumbers(reference.evaluate(text, { ...p }));
  } catch {
    assert.throws(() => compileExpression(text, { shapes: SHAPES })({ ...p, u: Float64Array.from(p.u as number[]) }));
    return true;
  }
  const got = compileExpression(text, { shapes: SHAPES })({ ...p, u: Float64Array.from(p.u as number[]) });
  if (typeof want === 'number') return typeof got === 'number' && close(got, want);
  return got instanceof Float64Array && got.length === want.length && want.every((x, i) => close(got[i], x));
}

describe('compileExpression', () => {
  it('agrees with math.evaluate to 1e-12 relative on random scalar and vector expressions', () => {
    reference.config({ predictable: true });
    try {
      fc.assert(fc.property(expr, point, (text, p) => agree(text, p)), { seed: 20250101, numRuns: 1500 });
    } finally {
      reference.config({ predictable: false });
    }
  });

  it('is exercised on vector results and reductions by the generator', () => {
    const drawn = fc.sample(expr, { seed: 7, numRuns: 400 });
    const vectors = drawn.filter((t) => inferShape(t, SHAPES) === 'vector').length;
    assert.ok(vectors > 80 && vectors < 320, `vector-valued expressions: ${vectors} of 400`);
    assert.ok(drawn.some((t) => /sum\(|prod\(|max\(/.test(t)));
  });

  it('compiles a scalar-only expression to straight-line code', () => {
    const { body } = generateCode(parseExpression('eta * lam / s + sqrt(eta) * exp(-lam * t)'), {
      eta: 'scalar', lam: 'scalar', s: 'scalar', t: 'scalar',
    });
    assert.doesNotMatch(body, /for \(/);
  });

  it('names an unknown symbol or function', () => {
    assert.throws(() => compileExpression('lamda * 2', { symbols: ['lam'] }), (e: unknown) => e instanceof CompileError && e.symbol === 'lamda');
    assert.throws(() => compileExpression('foo(lam)', { symbols: ['lam'] }), /unknown function 'foo'/);
    assert.throws(() => compileExpression('lam + 1')({}), /symbol 'lam' is not in the scope/);
  });

  it('rejects linear-algebra operators on vectors with a hint', () => {
    const shapes = { v: 'vector', w: 'vector', a: 'scalar' } as const;
    assert.throws(() => compileExpression('v * w', { shapes }), /use '\.\*'/);
    assert.throws(() => compileExpression('a / v', { shapes }), /use '\.\/'/);
    assert.throws(() => compileExpression('v ^ 2', { shapes }), /use '\.\^'/);
    assert.throws(() => compileExpression('v[1]', { shapes }), /indexing/);
    assert.throws(() => compileExpression('sum(v, w)', { shapes }), /scalars only/);
  });

  it('reports vectors of different lengths in one elementwise operation', () => {
    const f = compileExpression('lam .* s');
    assert.throws(() => f({ lam: [1, 2, 3], s: [1, 2] }), /'lam' has 3 entries, 's' has 2/);
  });

  it('broadcasts scalars and reduces vectors', () => {
    const f = compileExpression('eta/4 * sum(s.^2 ./ (sqrt(2/pi)*s + eta/pi*lam))');
    const s = Float64Array.from([0.5, 1, 2]);
    const lam = Float64Array.from([1, 2, 4]);
    let want = 0;
    for (let i = 0; i < 3; i++) want += (0.01 / 4) * (s[i] ** 2 / (Math.sqrt(2 / Math.PI) * s[i] + (0.01 / Math.PI) * lam[i]));
    assert.ok(close(f({ eta: 0.01, s, lam }) as number, want));
    assert.deepEqual(compileExpression('2 * v + 1')({ v: [1, 2] }), Float64Array.from([3, 5]));
  });

  it('specialises again when a symbol changes shape between calls', () => {
    const f = compileExpression('x .* 2 + 1');
    assert.equal(f({ x: 3 }), 7);
    assert.deepEqual(f({ x: Float64Array.from([1, 2]) }), Float64Array.from([3, 5]));
    assert.equal(f({ x: 0 }), 1);
  });

  it('compares like mathjs: nearly equal numbers are equal, results are 1 or 0', () => {
    assert.equal(compileExpression('0.1 + 0.2 == 0.3')({}), 1);
    assert.equal(compileExpression('0.1 + 0.2 > 0.3')({}), 0);
    assert.equal(compileExpression('max(eta*lam./s) <= 0.05')({ eta: 0.01, lam: [1, 5], s: [1, 1] }), 1);
    assert.equal(compileExpression('max(eta*lam./s) <= 0.05')({ eta: 0.02, lam: [1, 5], s: [1, 1] }), 0);
  });

  it('returns NaN where mathjs would go complex', () => {
    assert.ok(Number.isNaN(compileExpression('sqrt(-1)')({}) as number));
    assert.ok(Number.isNaN(compileExpression('(-8)^(1/3)')({}) as number));
  });
});

describe('math instance', () => {
  it('evaluates the special functions with the project implementations', () => {
    assert.equal(math.evaluate('erf(0.3)'), erf(0.3));
    assert.equal(math.evaluate('erfc(2.5)'), erfc(2.5));
    assert.equal(math.evaluate('tcdf(0.7, 3)'), tCdf(0.7, 3));
    assert.equal(math.evaluate('ell(2)'), ell(2));
    assert.equal(math.evaluate('lgamma(4.5)'), lgamma(4.5));
    assert.equal(math.evaluate('normcdf(-1.2)'), normCdf(-1.2));
  });

  it('maps the special functions over arrays and matrices', () => {
    assert.deepEqual(math.evaluate('erf(g)', { g: [0.1, -0.2] }), [erf(0.1), erf(-0.2)]);
    assert.deepEqual(math.evaluate('tcdf(g, 1)', { g: [0.5, 2] }), [tCdf(0.5, 1), tCdf(2, 1)]);
    assert.deepEqual(math.evaluate('tcdf(1, nu)', { nu: [1, 3] }), [tCdf(1, 1), tCdf(1, 3)]);
    assert.deepEqual(math.evaluate('tcdf(g, nu)', { g: [0.5, 2], nu: [1, 3] }), [tCdf(0.5, 1), tCdf(2, 3)]);
    assert.deepEqual(math.evaluate('normcdf([0, 1])').toArray(), [0.5, normCdf(1)]);
    assert.throws(() => math.evaluate('tcdf(g, nu)', { g: [0.5, 2], nu: [1, 3, 4] }), /dimension mismatch/);
  });

  it('applies the elementary functions elementwise to vectors, which mathjs 15 alone refuses', () => {
    assert.deepEqual(math.evaluate('sqrt(v)', { v: [4, 9] }), [2, 3]);
    assert.deepEqual(math.evaluate('exp(-a * t)', { a: [0, 1], t: 2 }), [1, Math.exp(-2)]);
    assert.equal(math.evaluate('sqrt(-4)').toString(), '2i');
  });
});
