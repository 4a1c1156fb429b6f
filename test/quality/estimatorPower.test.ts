import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGETS } from '../../src/check/budget.ts';
import { checkClaim } from '../../src/check/checkClaim.ts';
import type { Claim } from '../../src/theory/claim.ts';
import { loadTheorems } from '../../src/theory/loader.ts';

/**
 * The checker's power, kind by kind: each simulation check kind passes a true claim (fixtures in
 * test/fixtures/quality, exact or stated results) and fails a wrong variant of it. Each run gives
 * every cell α = 1e-4, so a true claim here fails by chance with probability ≤ 2e-4 (2 cells);
 * the seeds are fixed, so the outcome is reproducible.
 */
const { claims, errors } = loadTheorems(new URL('../fixtures/quality/', import.meta.url).pathname);
const ALPHA_CELL = 1e-4;

function claim(id: string): Claim {
  const c = claims.find((k) => k.id === id);
  assert.ok(c, `fixture ${id} missing`);
  return structuredClone(c);
}

function verdict(c: Claim): string {
  const report = checkClaim(c, { runSeed: 20261125, budget: BUDGETS.quick, alphaCell: ALPHA_CELL, mutants: false, replayArgs: '' });
  return report.verdict;
}

function withCheck(c: Claim, patch: Record<string, unknown>): Claim {
  c.checks[0] = { ...c.checks[0], ...patch } as Claim['checks'][number];
  return c;
}

describe('every simulation check kind rejects a wrong claim', () => {
  it('loads the fixtures', () => assert.deepEqual(errors, []));

  const cases: [string, string, (c: Claim) => Claim][] = [
    ['one-step', 'quality.sgd.one-step', (c) => ({ ...c, expressions: { ...c.expressions, drift: '-1.1*g' } })],
    ['trajectory', 'quality.sgd.trajectory', (c) => ({ ...c, expressions: { mean: '(1 - 1.1*eta*lam).^(t/eta).*x0' } })],
    ['stationary', 'quality.sgd.stationary', (c) => ({ ...c, expressions: { variance: '1.1*eta*s.^2./(lam.*(2 - eta*lam))' } })],
    ['slope', 'quality.sgd.slope', (c) => withCheck(c, { expected: 1 })],
    ['bound', 'quality.sgd.bound', (c) => ({ ...c, expressions: { bound: '0.5*S0*exp(-2*min(lam)*t)' } })],
    ['heavy-tail', 'quality.sgd.heavy-tail', (c) => withCheck(c, { noise: 'gaussian' })],
    ['invariance', 'quality.sgd.invariance', (c) => withCheck(c, { expect: 'invariant' })],
    ['weak-order', 'quality.signsgd.weak-order', (c) => withCheck(c, { order: 3 })],
  ];
  for (const [kind, id, wrong] of cases) {
    it(`${kind}: passes ${id} and fails its wrong variant`, () => {
      assert.equal(verdict(claim(id)), 'pass');
      assert.equal(verdict(wrong(claim(id))), 'fail');
    });
  }
});

describe('mutation self-test', () => {
  it('kills every non-equivalent mutant of an exact stationary law at the full budget', () => {
    const report = checkClaim(claim('quality.sgd.stationary'), {
      runSeed: 7, budget: BUDGETS.full, alphaCell: ALPHA_CELL, mutants: true, replayArgs: '',
    });
    assert.equal(report.verdict, 'pass');
    const power = report.power!;
    assert.ok(power.mutants.length >= 5, 'mutants were generated');
    const survivors = power.mutants.filter((m) => m.status === 'survived');
    assert.deepEqual(survivors.map((m) => m.description), []);
  });
});
