import type { Scope } from '../theory/compile.ts';
import type { Relation } from './decision.ts';

/**
 * One simulated number to hold against a claimed one. Estimators produce observations without
 * looking at the claimed formula, so the same observations judge the claim and every mutant of it.
 */
export interface Observation {
  /** What was measured, e.g. "E[x_2] at t = 0.5" or "slope of log loss vs log s". */
  label: string;
  estimate: number;
  /** Monte Carlo standard error of the estimate (independent paths or batch means). */
  standardError: number;
  samples: number;
  /** The claimed value: an expression field of the check (name in `expressions` or inline text)… */
  expectedField: string;
  /** …evaluated with these state bindings (t, x, g, …) added to the point… */
  bindings?: Scope;
  /** …taking this coordinate of a vector result (a scalar applies to all). */
  component?: number;
  relation: Relation;
  /** Typical magnitude of the quantity, so precision stays meaningful where the claim is ≈ 0. */
  scale?: number;
  /** Absolute tolerance fixed by the estimator itself (replaces the check's `tolerance`). */
  tolerance?: number;
  /** Absolute precision fixed by the estimator itself (replaces budget precision × scale). */
  precision?: number;
}

/** What an estimator returns for one parameter point. */
export interface Measurement {
  observations: Observation[];
  /** A simulation that produced non-finite values: a result, reported, never thrown. */
  diverged?: { what: string; step: number };
  /** Path-coordinate-steps simulated (for the report and timing). */
  work: number;
  notes?: string[];
}
