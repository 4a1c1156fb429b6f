import { normalQuantileUpper } from './normalQuantile.ts';
import { tQuantileUpper } from './tQuantile.ts';
import type { RunningStats } from './runningStats.ts';
import { checkAlpha } from './checkAlpha.ts';

/**
 * Two-sided confidence intervals at level 1 − α for a location estimate with standard error se:
 *   normal:     estimate ± z_{1−α/2}·se
 *   Student-t:  estimate ± t_{ν, 1−α/2}·se     (ν = degrees of freedom, e.g. n − 1)
 * `meanInterval` applies the t interval to a RunningStats sample mean (ν = n − 1).
 * A non-finite or NaN standard error gives an interval of infinite or NaN width, never a throw:
 * that is a numerical outcome (for instance a heavy-tailed sample).
 */
export interface Interval {
  lower: number;
  upper: number;
  estimate: number;
  halfWidth: number;
  /** Confidence level 1 − α. */
  level: number;
}

function build(estimate: number, halfWidth: number, alpha: number): Interval {
  return { lower: estimate - halfWidth, upper: estimate + halfWidth, estimate, halfWidth, level: 1 - alpha };
}

/** estimate ± z_{1−α/2}·se. */
export function normalInterval(estimate: number, standardError: number, alpha = 0.05): Interval {
  checkAlpha(alpha, 'normalInterval');
  if (standardError < 0) throw new RangeError(`normalInterval: standardError = ${standardError} must be ≥ 0`);
  return build(estimate, normalQuantileUpper(alpha / 2) * standardError, alpha);
}

/** estimate ± t_{ν,1−α/2}·se. */
export function tInterval(estimate: number, standardError: number, dof: number, alpha = 0.05): Interval {
  checkAlpha(alpha, 'tInterval');
  if (standardError < 0) throw new RangeError(`tInterval: standardError = ${standardError} must be ≥ 0`);
  if (!(dof > 0)) throw new RangeError(`tInterval: dof = ${dof} must be > 0`);
  return build(estimate, tQuantileUpper(alpha / 2, dof) * standardError, alpha);
}

/** Student-t interval for the mean of independent observations (ν = n − 1; NaN bounds for n < 2). */
export function meanInterval(stats: RunningStats, alpha = 0.05): Interval {
  if (stats.count < 2) return build(stats.mean, NaN, alpha);
  return tInterval(stats.mean, stats.standardError, stats.count - 1, alpha);
}

/** Whether `value` lies in the closed interval. */
export function covers(interval: Interval, value: number): boolean {
  return interval.lower <= value && value <= interval.upper;
}
