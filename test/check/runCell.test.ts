import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGETS } from '../../src/check/budget.ts';
import type { Judgement } from '../../src/check/judge.ts';
import { MAX_GROWTH, NEXT_LOOK_MARGIN, growthFactor, nextLookPaths } from '../../src/check/runCell.ts';

describe('nextLookPaths (sequential sampling sizes)', () => {
  const budget = { ...BUDGETS.full, paths: 1000, maxCellWork: 100_000 };

  it('grows by the CI-sized factor while work is left', () => {
    assert.equal(nextLookPaths(1000, 4, budget, 10_000, 10_000), 4000);
  });

  it('never exceeds MAX_GROWTH × the budget paths', () => {
    const roomy = { ...budget, maxCellWork: Infinity };
    assert.equal(nextLookPaths(4000, 16, roomy, 0, 1), MAX_GROWTH * 1000);
  });

  it('shrinks the look to the work left under maxCellWork (work ∝ paths)', () => {
    // 1000 paths cost 20,000; 60,000 already spent leaves 40,000, i.e. 2000 paths.
    assert.equal(nextLookPaths(1000, 16, budget, 60_000, 20_000), 2000);
  });

  it('asks for no further look once the cap is spent', () => {
    assert.ok(nextLookPaths(1000, 16, budget, 100_000, 20_000) <= 1000);
  });
});

describe('growthFactor (how much larger the next look is)', () => {
  const judged = (...cells: Array<[verdict: 'pass' | 'inconclusive', samples: number, needed?: number]>): Judgement => ({
    verdict: 'inconclusive',
    observations: cells.map(([verdict, samples, samplesNeeded]) => ({ verdict, samples, ...(samplesNeeded === undefined ? {} : { samplesNeeded }) })) as unknown as Judgement['observations'],
  });

  it('asks for the widest inconclusive CI\'s samples, times the margin', () => {
    assert.equal(growthFactor(judged(['inconclusive', 512, 1536], ['inconclusive', 512, 1024], ['pass', 512])), (NEXT_LOOK_MARGIN * 1536) / 512);
  });

  it('grows at least ×2 and at most ×16', () => {
    assert.equal(growthFactor(judged(['inconclusive', 512, 527])), 2);
    assert.equal(growthFactor(judged(['inconclusive', 100, 100_000])), 16);
    assert.equal(growthFactor(judged(['pass', 512])), 2);
  });
});
