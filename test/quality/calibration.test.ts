import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGETS } from '../../src/check/budget.ts';
import { calibrate } from '../../src/check/calibration.ts';
import { loadTheorems } from '../../src/theory/loader.ts';

/**
 * A small calibration (the full one is `npm run calibrate`): the cheap true fixture claims under
 * three run seeds. Each run's false-failure probability is ≤ α = 1e-3 by the Bonferroni split,
 * so this test fails by chance with probability ≤ 3e-3; with fixed seeds it is reproducible.
 */
describe('calibration', () => {
  it('fails no true claim under several run seeds', async () => {
    const { claims } = loadTheorems(new URL('../fixtures/quality/', import.meta.url).pathname);
    const cheap = claims.filter((c) => !c.checks.some((k) => k.kind === 'weak-order'));
    const result = await calibrate(cheap, [11, 12, 13], BUDGETS.quick, 1e-3, 1);
    assert.equal(result.trueClaims, cheap.length);
    assert.deepEqual(Object.keys(result.claims), cheap.map((c) => c.id), 'one record entry per true claim');
    for (const entry of Object.values(result.claims)) assert.deepEqual([entry.runs, entry.falseFailures], [3, 0]);
    assert.deepEqual(result.failures.map((f) => f.failed), [[], [], []]);
    assert.equal(result.falseFailureRate, 0);
  });
});
