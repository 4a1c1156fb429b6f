import type { Scope } from '../theory/compile.ts';
import type { Tolerance } from '../theory/claim.ts';
import type { ClaimEvaluator } from './claimEvaluator.ts';
import { combineVerdicts, decide } from './decision.ts';
import type { Decision, Verdict } from './decision.ts';
import type { Measurement, Observation } from './observation.ts';

export interface JudgedObservation extends Decision {
  label: string;
  expected: number;
  estimate: number;
  standardError: number;
  tolerance: number;
  samples: number;
}

export interface Judgement {
  verdict: Verdict;
  observations: JudgedObservation[];
  message?: string;
}

export interface JudgeOptions {
  /** Two-sided false-alarm rate of each single comparison (the cell's share, already split). */
  alpha: number;
  /** Largest CI half-width relative to max(|expected|, scale). */
  precisionRel: number;
}

/**
 * Holds each observation against its claimed value: tolerance = abs + rel·|expected| (both may be
 * expressions of the point), then the rule of decision.ts. A diverged simulation fails the cell:
 * every claim judged here predicts finite moments.
 */
export function judge(
  measurement: Measurement,
  evaluator: ClaimEvaluator,
  point: Scope,
  tolerance: Tolerance | undefined,
  options: JudgeOptions,
): Judgement {
  if (measurement.diverged) {
    return {
      verdict: 'fail',
      observations: [],
      message: `simulation diverged (${measurement.diverged.what}, step ${measurement.diverged.step})`,
    };
  }
  const observations = measurement.observations.map((o) => judgeOne(o, evaluator, point, tolerance, options));
  return { verdict: combineVerdicts(observations.map((o) => o.verdict)), observations };
}

/** Relative rounding allowance added to every tolerance (the symbolic checks use the same 1e-9). */
export const ROUNDING_REL = 1e-9;

export function expectedValue(o: Observation, evaluator: ClaimEvaluator, point: Scope): number {
  return evaluator.component(o.expectedField, o.component ?? 0, point, o.bindings ?? {});
}

function judgeOne(o: Observation, evaluator: ClaimEvaluator, point: Scope, tolerance: Tolerance | undefined, options: JudgeOptions): JudgedObservation {
  const expected = expectedValue(o, evaluator, point);
  const at = (field: string | undefined): number =>
    field === undefined ? 0 : evaluator.component(field, o.component ?? 0, point, o.bindings ?? {});
  const magnitude = Math.max(Math.abs(expected), Math.abs(o.estimate), o.scale ?? 0);
  const stated = o.tolerance ?? Math.abs(at(tolerance?.abs)) + Math.abs(at(tolerance?.rel)) * Math.abs(expected);
  // Floating-point floor: a deterministic step (SE = 0) must not fail on its last bit.
  const tol = Math.max(stated, ROUNDING_REL * magnitude);
  // A CI no wider than the modelling slack is always precise enough (this matters where the claimed value is 0).
  const precision = o.precision ?? Math.max(options.precisionRel * Math.max(Math.abs(expected), o.scale ?? 0), tol);
  const decision = decide({
    estimate: o.estimate,
    standardError: o.standardError,
    expected,
    tolerance: tol,
    precision,
    alpha: options.alpha,
    relation: o.relation,
    samples: o.samples,
  });
  return { label: o.label, expected, estimate: o.estimate, standardError: o.standardError, tolerance: tol, samples: o.samples, ...decision };
}
