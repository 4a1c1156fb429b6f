import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGETS } from '../../src/check/budget.ts';
import { locateBoundary, spreadOverRegime } from '../../src/check/boundary.ts';
import { loadTheorems } from '../../src/theory/loader.ts';

describe('regime boundary of a paper-approx claim', () => {
  it('spreads the scanned points over the regime range on a log scale', () => {
    // Regime values crowded near 1, as a domain that puts its mass there would draw them.
    const candidates = [0.9, 0.95, 1, 0.001, 0.85, 0.02, 0.99, 0.3, -1, NaN].map((regime) => ({ regime }));
    const chosen = spreadOverRegime(candidates, 4).map((c) => c.regime).sort((a, b) => a - b);
    assert.deepEqual(chosen, [0.001, 0.02, 0.3, 1]);
    assert.deepEqual(spreadOverRegime([{ regime: 0 }, { regime: 0.5 }], 2).map((c) => c.regime).sort(), [0, 0.5]);
  });

  it('finds where SGD\'s continuous-time variance ησ²/(2λ) stops holding, between passing small ηλ and failing large ηλ', () => {
    // Fixed seed; 12 cells at α = 1e-4 each: a passing cell fails by chance with probability ≤ 1e-4.
    const { claims, errors } = loadTheorems(new URL('../fixtures/boundary/', import.meta.url).pathname);
    assert.deepEqual(errors, []);
    const report = locateBoundary(claims[0], 0, 20261125, { ...BUDGETS.quick, boundaryPoints: 6 }, 1e-4);
    assert.ok(report !== undefined);
    assert.equal(report.points.length, 6);
    const regimes = report.points.map((p) => p.regime);
    assert.ok(regimes[0] < 0.005 && regimes[5] > 0.4, `points cover the range: ${regimes.join(', ')}`);
    assert.ok(report.lastPass !== null && report.firstFail !== null, JSON.stringify(report.points));
    // Relative error ηλ/(2 − ηλ): about 1% at ηλ = 0.02 (below quick's resolution), 25% at 0.4.
    assert.ok(report.lastPass < report.firstFail);
    assert.ok(report.lastPass >= 0.005 && report.firstFail <= 0.5, JSON.stringify(report.points));
  });
});
