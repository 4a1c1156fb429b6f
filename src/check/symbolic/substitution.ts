/**
 * substitution: replacing symbols simultaneously by expressions (a scaling rule with a free symbol
 * such as kappa) leaves `expression` unchanged (`expect: invariant`) or changes it
 * (`expect: changes`). E.g. B6: η → √κη, ρᵢ → √κρᵢ, ε → ε/√κ, θ → √κθ with B → κB preserves the
 * AdamW stationary loss of B4; without θ → √κθ it does not.
 *
 * The lets are inlined before substituting, so a rule acting on a domain symbol (B) reaches every
 * let built from it (s = s1/√B). Substituted expressions may use the claim's lets and domain symbols.
 *
 * invariant: as identity (numericCompare.ts) between the expression and its substituted form; CAS
 * zero test of the difference.
 * changes: the two differ (beyond the 1e-9 rounding allowance) at ≥ half of the points; the CAS
 * contradicts it by proving the difference ≡ 0.
 */
import type { Claim, SymbolicCheck } from '../../theory/claim.ts';
import { casEqual, substituteNode } from '../../theory/cas.ts';
import { claimContext } from './claimContext.ts';
import { compareAtPoints, describeComparison } from './numericCompare.ts';
import { casSays, decide, symbolicDefinitionError, type SymbolicOptions, type SymbolicResult } from './symbolicResult.ts';

export type SubstitutionCheck = Extract<SymbolicCheck, { kind: 'substitution' }>;

const CHANGED_FRACTION = 0.5;

export function checkSubstitution(claim: Claim, check: SubstitutionCheck, options: SymbolicOptions): SymbolicResult {
  if (check.expect !== 'invariant' && check.expect !== 'changes') {
    throw symbolicDefinitionError(claim, options.label ?? '', 'expect', `expect = ${String(check.expect)}, allowed: invariant | changes`);
  }
  const entries = Object.entries(check.substitute ?? {});
  if (entries.length === 0) throw symbolicDefinitionError(claim, options.label ?? '', 'substitute', 'substitute is empty');
  const ctx = claimContext(claim, 'substitution', options);
  const expression = ctx.resolve(check.expression, 'expression');
  const rule = Object.fromEntries(entries.map(([symbol, text]) => {
    if (!(symbol in claim.domain)) throw symbolicDefinitionError(claim, ctx.options.label, `substitute.${symbol}`, `'${symbol}' is not a domain symbol`);
    return [symbol, ctx.resolve(text, `substitute.${symbol}`)];
  }));
  const substituted = substituteNode(expression, rule);
  const comparison = compareAtPoints(ctx, substituted, expression);
  const changed = comparison.agree.filter((a) => !a).length;
  const invariant = check.expect === 'invariant';
  const holds = invariant ? comparison.holds : changed >= CHANGED_FRACTION * comparison.agree.length;
  const message = invariant
    ? describeComparison(comparison, 'substituted = original')
    : `substituted ≠ original at ${changed}/${comparison.agree.length} points (need ≥ ${CHANGED_FRACTION * 100}%; max rel. change ${comparison.summary.maxRelErr.toExponential(2)})`;
  const verdict = ctx.options.cas ? casEqual(substituted, expression, { ...ctx.casOptions(), fastOnly: !comparison.holds }) : null;
  return decide(
    'substitution',
    holds,
    { says: casSays(verdict, invariant), detail: verdict?.detail },
    comparison.summary,
    message,
  );
}
