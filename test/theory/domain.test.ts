import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Claim } from '../../src/theory/claim.ts';
import { acceptanceRate, domainArbitrary, evaluateLets, samplePoint, satisfiesAssumptions } from '../../src/theory/domain.ts';
import type { Point } from '../../src/theory/domain.ts';
import { DefinitionErrors } from '../../src/theory/errors.ts';
import { parseClaim } from '../../src/theory/loader.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { BASE, tweak } from './fixtures.ts';

function claimOf(text: string): Claim {
  const { claim, errors } = parseClaim(text, 'theorems/test/domain.yaml');
  assert.deepEqual(errors.map((e) => e.message), []);
  return claim!;
}

// BASE plus a fixed value, a oneOf and a let, all used by the assumptions.
const RICH = tweak(
  tweak(tweak(BASE, '  d: { int: [1, 6] }', '  d: { int: [1, 6] }\n  nu: { oneOf: [1, 2, Infinity] }\n  c: { value: 0.5 }\n  x0: { vector: 3, uniform: [-1, 1] }'),
    '  d: dimension', '  d: dimension\n  nu: degrees of freedom\n  c: a constant\n  x0: start\n  r: ratio'),
  'assume:', 'let:\n  r: "eta*lam./s"\nassume:\n  - "max(r) <= c/10"',
);

function inDomain(claim: Claim, p: Point): boolean {
  const d = p.d as number;
  if (!(Number.isInteger(d) && d >= 1 && d <= 6)) return false;
  const eta = p.eta as number;
  if (!(eta >= 0.001 && eta <= 0.02)) return false;
  for (const [name, lo, hi] of [['lam', 0.5, 4], ['s', 0.3, 3]] as const) {
    const v = p[name] as Float64Array;
    if (!(v instanceof Float64Array) || v.length !== d || v.some((x) => !(x >= lo && x <= hi))) return false;
  }
  const x0 = p.x0 as Float64Array;
  if (x0.length !== 3 || x0.some((x) => !(x >= -1 && x <= 1))) return false;
  return [1, 2, Infinity].includes(p.nu as number) && p.c === 0.5 && claim.domain.c.value === 0.5;
}

function assumptionsHold(p: Point): boolean {
  const lam = p.lam as Float64Array;
  const s = p.s as Float64Array;
  return lam.every((l, i) => ((p.eta as number) * l) / s[i] <= Math.min(0.05, (p.c as number) / 10) * (1 + 1e-12));
}

describe('domain sampling', () => {
  const claim = claimOf(RICH);

  it('samplePoint draws points inside the domain that satisfy the assumptions', () => {
    const rng = createStream(11);
    for (let i = 0; i < 300; i++) {
      const p = samplePoint(claim, rng);
      assert.ok(inDomain(claim, p), JSON.stringify(p));
      assert.ok(assumptionsHold(p));
    }
  });

  it('domainArbitrary draws points inside the domain that satisfy the assumptions', () => {
    fc.assert(fc.property(domainArbitrary(claim), (p) => inDomain(claim, p) && assumptionsHold(p)), { seed: 5, numRuns: 200 });
  });

  it('satisfiesAssumptions rejects a point that breaks an assumption', () => {
    const p = samplePoint(claim, createStream(3));
    assert.equal(satisfiesAssumptions(claim, p), true);
    assert.equal(satisfiesAssumptions(claim, { ...p, eta: 1 }), false);
  });

  it('evaluateLets adds the let values', () => {
    const p = samplePoint(claim, createStream(4));
    const withLets = evaluateLets(claim, p);
    const r = withLets.r as Float64Array;
    assert.equal(r.length, p.d);
    r.forEach((x, i) => assert.equal(x, ((p.eta as number) * (p.lam as Float64Array)[i]) / (p.s as Float64Array)[i]));
  });

  it('draws logUniform parameters uniformly in log scale', () => {
    // mean of u = log(eta/lo)/log(hi/lo) over n draws is 1/2 with sd 1/sqrt(12 n); two-sided
    // false-alarm rate 1e-5 gives |z| < 4.42. Draws from an assumption-free copy of the domain.
    const free = claimOf(tweak(BASE, '  - "max(eta*lam./s) <= 0.05"\n', ''));
    const rng = createStream(2024);
    const n = 4000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += Math.log((samplePoint(free, rng).eta as number) / 0.001) / Math.log(20);
    const z = (sum / n - 0.5) / Math.sqrt(1 / (12 * n));
    assert.ok(Math.abs(z) < 4.42, `z = ${z}`);
  });

  it('reports an empty domain with its acceptance rate', () => {
    // The loader rejects such a file (test/theory/loader.test.ts); here the claim is built directly.
    const empty: Claim = { ...claimOf(BASE), assume: ['eta < 0.0011 and min(lam) > 3.9'] };
    const { accepted, samples } = acceptanceRate(empty);
    assert.ok(accepted < samples / 100, `${accepted} of ${samples}`);
    assert.throws(() => domainArbitrary(empty), (e: unknown) => e instanceof DefinitionErrors && /empty domain: the assumptions accept \d+ of 1000/.test(e.message));
  });
});
