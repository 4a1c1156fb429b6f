/**
 * identity: lhs ≡ rhs on the claim's domain (e.g. the Adam bias-correction identity of B2,
 * E[sign(g + sZ)] = erf(g/(√2 s)) of A2, closed forms).
 *
 * Numeric: lhs and rhs at ≥ 50 domain points (numericCompare.ts; the check's tolerance adds to the
 * 1e-9 rounding allowance). CAS: lhs − rhs ≡ 0 via casEqual (sums reduced to summands).
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
  const verdict = ctx.options.cas ? casEqual(lhs, rhs, ctx.casOptions()) : null;
  return decide(
    'identity',
    comparison.holds,
    { says: casSays(verdict), detail: verdict?.detail },
    comparison.summary,
    describeComparison(comparison),
  );
}
