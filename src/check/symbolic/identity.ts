/**
 * identity: lhs ≡ rhs on the claim's domain (e.g. the Adam bias-correction identity of B2,
 * E[sign(g + sZ)] = erf(g/(√2 s)) of A2, closed forms).
 *
 * Numeric: lhs and rhs at ≥ 50 domain points (numericCompare.ts; the check's tolerance adds to the
 * 1e-9 rounding allowance). CAS: lhs − rhs ≡ 0 via casEqual (sums reduced to summands). With a
 * tolerance the claim is "equal up to modelling slack": a CAS proof of inexactness then decides
 * nothing, only a proof of exactness counts.
 */
import type { Claim, SymbolicCheck } from '../../theory/claim.ts';
import { casEqual } from '../../theory/cas.ts';
import { claimContext } from './claimContext.ts';
import { compareAtPoints, describeComparison } from './numericCompare.ts';
import { casSays, decide, type SymbolicOptions, type SymbolicResult } from './symbolicResult.ts';

export type IdentityCheck = Extract<SymbolicCheck, { kind: 'identity' }>;

export function checkIdentity(claim: Claim, check: IdentityCheck, options: SymbolicOptions): SymbolicResult {
  const ctx = claimContext(claim, 'identity', options);
  const lhs = ctx.resolve(check.lhs, 'lhs');
  const rhs = ctx.resolve(check.rhs, 'rhs');
  const comparison = compareAtPoints(ctx, lhs, rhs, { tolerance: check.tolerance });
  const verdict = ctx.options.cas ? casEqual(lhs, rhs, { ...ctx.casOptions(), fastOnly: !comparison.holds }) : null;
  const exactOnly = check.tolerance === undefined || verdict?.status !== 'nonzero';
  return decide(
    'identity',
    comparison.holds,
    exactOnly
      ? { says: casSays(verdict), detail: verdict?.detail }
      : { says: null, detail: `CAS: not an exact identity (${verdict?.detail}); the tolerance is judged numerically` },
    comparison.summary,
    describeComparison(comparison),
  );
}
