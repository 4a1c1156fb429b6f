/**
 * The result of a symbolic check and the rule that combines the CAS with numeric confirmation.
 *
 * Rule (randomized identity testing backs every symbolic verdict):
 *   numeric holds  & CAS proves it        → pass  (proof 'cas')
 *   numeric holds  & CAS undecided/unsupported → pass (proof 'numeric-only')
 *   numeric fails  & CAS proves the negation → fail (proof 'cas')
 *   numeric fails  & CAS undecided/unsupported → fail (proof 'numeric-only')
 *   numeric and CAS disagree              → error (both reported)
 * The numeric side always runs at ≥ 50 points drawn from the claim's domain (with assume). Where it
 * already finds a difference the CAS runs only its fast steps (cas.ts `fastOnly`): rationalize and
 * exact witnesses, enough to certify the failure or to expose a rounding artefact of a rational
 * identity, without a slow `simplify` of an expression known to be non-zero.
 */
import type { Point } from './pointSampler.ts';
import type { CasVerdict } from '../../theory/cas.ts';
import type { Claim } from '../../theory/claim.ts';
import { DefinitionError } from '../../theory/errors.ts';
import { DEFAULT_LIMITS } from '../../theory/casEngine.ts';

export type SymbolicKind = 'identity' | 'lyapunov' | 'expansion' | 'limit' | 'substitution';

export interface NumericSummary {
  points: number;
  maxAbsErr: number;
  maxRelErr: number;
  worstPoint: Point | null;
}

export interface SymbolicResult {
  kind: SymbolicKind;
  verdict: 'pass' | 'fail' | 'error';
  proof: 'cas' | 'numeric-only';
  casDetail?: string;
  numeric: NumericSummary;
  message: string;
}

export interface SymbolicOptions {
  /** Run seed (a safe integer); points come from deriveSeed(seed, claim.id, 'symbolic', kind, label). */
  seed: number;
  /** Number of random domain points for the numeric confirmation (≥ 50; default 64). */
  points?: number;
  /** Run the CAS (default true; the numeric confirmation runs regardless). */
  cas?: boolean;
  /** Evaluation steps per Algebrite call (default DEFAULT_LIMITS.steps of casEngine.ts). */
  casStepLimit?: number;
  /** Evaluation steps for all CAS calls of one check (default CAS_CHECK_BUDGET_STEPS); past it the CAS is undecided. */
  casBudgetSteps?: number;
  /** Extra label mixed into the seed (e.g. the check's index in the claim). */
  label?: string | number;
}

export const MIN_POINTS = 50;

/**
 * Steps all CAS calls of one check may take together: 2.5 calls at the per-call limit. The most a
 * check of theorems/ spent in a quick run (3 Dec 2026) was ≈0.85 M steps (B4's AdamW moment system).
 */
export const CAS_CHECK_BUDGET_STEPS = 5_000_000;

/**
 * A claim or check that is malformed (unknown name, wrong structure, a drift that is not affine):
 * thrown, never a verdict. A DefinitionError, so it carries the file, line and field path.
 */
export class SymbolicDefinitionError extends DefinitionError {
  override name = 'SymbolicDefinitionError';
}

/** The error for field `field` of check number `label` (when it is one) of `claim`. */
export function symbolicDefinitionError(claim: Claim | null, label: string | number, field: string, detail: string): SymbolicDefinitionError {
  const check = typeof label === 'number' ? `checks[${label}]` : '';
  const path = [check, field].filter((p) => p !== '').join('.');
  const lines = claim?.origin.lines ?? {};
  const line = lines[path] ?? (check === '' ? undefined : lines[check]);
  return new SymbolicDefinitionError(claim?.origin.file ?? '', line, path, claim === null ? detail : `${claim.id}: ${detail}`);
}

export function validateOptions(options: SymbolicOptions): Required<Omit<SymbolicOptions, 'label'>> & { label: string | number } {
  const points = options.points ?? 64;
  if (!Number.isSafeInteger(options.seed)) throw new RangeError(`seed = ${options.seed}, allowed: a safe integer`);
  if (!(Number.isInteger(points) && points >= MIN_POINTS && points <= 1e6)) {
    throw new RangeError(`points = ${points}, allowed: integer in [${MIN_POINTS}, 1e6]`);
  }
  const casStepLimit = options.casStepLimit ?? DEFAULT_LIMITS.steps;
  if (!(Number.isInteger(casStepLimit) && casStepLimit > 0)) throw new RangeError(`casStepLimit = ${casStepLimit}, allowed: integer > 0`);
  const casBudgetSteps = options.casBudgetSteps ?? CAS_CHECK_BUDGET_STEPS;
  if (!(Number.isInteger(casBudgetSteps) && casBudgetSteps > 0)) throw new RangeError(`casBudgetSteps = ${casBudgetSteps}, allowed: integer > 0`);
  return { seed: options.seed, points, cas: options.cas ?? true, casStepLimit, casBudgetSteps, label: options.label ?? '' };
}

/** Whether the CAS verdict says the claim holds (true), fails (false), or cannot tell (null). */
export type CasSays = boolean | null;

export function casSays(verdict: CasVerdict | null, zeroMeansHolds = true): CasSays {
  if (verdict === null || verdict.status === 'undecided' || verdict.status === 'unsupported') return null;
  return (verdict.status === 'zero') === zeroMeansHolds;
}

export function decide(
  kind: SymbolicKind,
  numericHolds: boolean,
  cas: { says: CasSays; detail?: string },
  numeric: NumericSummary,
  numericMessage: string,
): SymbolicResult {
  const base = { kind, numeric, ...(cas.detail === undefined ? {} : { casDetail: cas.detail }) };
  if (cas.says !== null && cas.says !== numericHolds) {
    return {
      ...base,
      verdict: 'error',
      proof: 'cas',
      message: `CAS and numeric disagree: CAS says the claim ${cas.says ? 'holds' : 'fails'} (${cas.detail ?? ''}); numeric: ${numericMessage}`,
    };
  }
  const proof = cas.says === null ? 'numeric-only' : 'cas';
  const casPart = cas.says === null ? (cas.detail === undefined ? 'CAS not run' : 'CAS could not decide') : `CAS ${numericHolds ? 'proves it' : 'proves the negation'}`;
  return { ...base, verdict: numericHolds ? 'pass' : 'fail', proof, message: `${numericMessage}; ${casPart}` };
}
