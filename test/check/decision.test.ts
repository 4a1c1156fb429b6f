import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { combineVerdicts, criticalValue, decide } from '../../src/check/decision.ts';
import type { Comparison } from '../../src/check/decision.ts';

const base: Comparison = {
  estimate: 1, standardError: 0.01, expected: 1, tolerance: 0.02, precision: 0.05, alpha: 1e-3, relation: 'equal', samples: 1000,
};

describe('decision rule (DESIGN §4)', () => {
  it('uses the two-sided normal critical value of α', () => {
    assert.ok(Math.abs(criticalValue(0.05) - 1.959963984540054) < 1e-12);
  });
  it('passes when the CI meets the band and is narrow enough', () => {
    assert.equal(decide(base).verdict, 'pass');
  });
  it('fails when the CI and the tolerance band are disjoint', () => {
    // z(1e-3) = 3.29: CI = 1.1 ± 0.033, band = [0.98, 1.02]
    assert.equal(decide({ ...base, estimate: 1.1 }).verdict, 'fail');
  });
  it('does not fail when only the point estimate is outside the band', () => {
    assert.equal(decide({ ...base, estimate: 1.04 }).verdict, 'pass');
  });
  it('is inconclusive when the CI is wider than the precision, and says how many samples would do', () => {
    const d = decide({ ...base, standardError: 0.03 });
    assert.equal(d.verdict, 'inconclusive');
    const hw = criticalValue(1e-3) * 0.03;
    assert.equal(d.samplesNeeded, Math.ceil(1000 * (hw / 0.05) ** 2));
  });
  it('judges an upper bound one-sidedly', () => {
    assert.equal(decide({ ...base, relation: 'le', estimate: 0.5 }).verdict, 'pass');
    assert.equal(decide({ ...base, relation: 'le', estimate: 1.2 }).verdict, 'fail');
    assert.equal(decide({ ...base, relation: 'ge', estimate: 1.2 }).verdict, 'pass');
  });
  it("passes an 'outside' claim only when the CI clears the band, and fails it when the CI sits inside", () => {
    assert.equal(decide({ ...base, relation: 'outside', estimate: 1.2 }).verdict, 'pass');
    assert.equal(decide({ ...base, relation: 'outside', estimate: 1, standardError: 0.001 }).verdict, 'fail');
    assert.equal(decide({ ...base, relation: 'outside', estimate: 1.02 }).verdict, 'inconclusive');
  });
  it("says how many samples would let an inconclusive 'outside' CI clear the band", () => {
    // CI = 1.04 ± 0.0329, band [0.98, 1.02]: the estimate clears the band by 0.02.
    const d = decide({ ...base, relation: 'outside', estimate: 1.04 });
    assert.equal(d.verdict, 'inconclusive');
    assert.equal(d.samplesNeeded, Math.ceil(1000 * ((criticalValue(1e-3) * 0.01) / 0.02) ** 2));
    assert.equal(decide({ ...base, relation: 'outside', estimate: 1.01 }).samplesNeeded, undefined);
  });
  it('never passes a non-finite estimate', () => {
    assert.equal(decide({ ...base, estimate: NaN }).verdict, 'inconclusive');
  });
  it('combines verdicts worst-first: error > fail > inconclusive > pass', () => {
    assert.equal(combineVerdicts(['pass', 'inconclusive', 'pass']), 'inconclusive');
    assert.equal(combineVerdicts(['pass', 'fail', 'inconclusive']), 'fail');
    assert.equal(combineVerdicts(['fail', 'error']), 'error');
    assert.equal(combineVerdicts([]), 'pass');
  });
});
