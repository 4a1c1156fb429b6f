/**
 * The symbolic check kinds (claim.ts SymbolicCheck): kind → function. Adding a kind = one file + one
 * line here. Every function takes (claim, check, options) and returns a SymbolicResult; definition
 * errors (unknown names, malformed checks, a drift that is not affine) throw SymbolicDefinitionError.
 */
import type { Claim, SymbolicCheck } from '../../theory/claim.ts';
import { checkIdentity } from './identity.ts';
import { checkLyapunov } from './lyapunov.ts';
import { checkExpansion } from './expansion.ts';
import { checkLimit } from './limit.ts';
import { checkSubstitution } from './substitution.ts';
import { symbolicDefinitionError, type SymbolicOptions, type SymbolicResult } from './symbolicResult.ts';

export type SymbolicCheckFunction<K extends SymbolicCheck['kind']> = (
  claim: Claim,
  check: Extract<SymbolicCheck, { kind: K }>,
  options: SymbolicOptions,
) => SymbolicResult;

export const SYMBOLIC_CHECKS: { readonly [K in SymbolicCheck['kind']]: SymbolicCheckFunction<K> } = {
  identity: checkIdentity,
  lyapunov: checkLyapunov,
  expansion: checkExpansion,
  limit: checkLimit,
  substitution: checkSubstitution,
};

/** Dispatches on check.kind. */
export function runSymbolicCheck(claim: Claim, check: SymbolicCheck, options: SymbolicOptions): SymbolicResult {
  const run = SYMBOLIC_CHECKS[check.kind] as SymbolicCheckFunction<SymbolicCheck['kind']> | undefined;
  if (run === undefined) throw symbolicDefinitionError(claim, options.label ?? '', 'kind', `unknown symbolic check kind '${String((check as { kind: unknown }).kind)}'`);
  return run(claim, check as never, options);
}

export type { SymbolicResult, SymbolicOptions } from './symbolicResult.ts';
export { SymbolicDefinitionError } from './symbolicResult.ts';
