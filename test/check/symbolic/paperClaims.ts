/**
 * Claims of the paper written inline for the symbolic-check tests (so these tests do not depend on
 * the theorem files). Each mirrors a CLAIMS.md entry; the checks are supplied by the tests.
 */
import type { Claim, DomainEntry, Provenance } from '../../../src/theory/claim.ts';

export function claim(
  id: string,
  label: string,
  domain: Record<string, DomainEntry>,
  expressions: Record<string, string>,
  extra: { let?: Record<string, string>; assume?: string[]; provenance?: Provenance } = {},
): Claim {
  return {
    id,
    family: id.split('.')[0],
    title: id,
    statement: '',
    source: { claim: label, ref: '', provenance: extra.provenance ?? 'reconstructed' },
    symbols: {},
    domain,
    let: extra.let ?? {},
    assume: extra.assume ?? [],
    expressions,
    checks: [],
    origin: { file: '<inline>', lines: {} },
  };
}

/** A5: Phase-3 SignSGD on a quadratic, per coordinate (g = lam·x). */
export const A5 = claim(
  'signsgd.phase3-stationary',
  'A5',
  {
    d: { int: [1, 3] },
    eta: { logUniform: [1e-3, 2e-2] },
    lam: { vector: 'd', logUniform: [0.5, 4] },
    s: { vector: 'd', logUniform: [0.3, 3] },
  },
  {
    variance: 'eta ./ (2*c)',
    varianceNoCorrection: 'eta ./ (2*a)',
    loss: 'eta/4 * sum(s.^2 ./ (sqrt(2/pi)*s + eta/pi*lam))',
    lossFromVariance: '1/2 * sum(lam .* eta ./ (2*c))',
  },
  {
    let: { a: 'sqrt(2/pi)*lam./s', c: 'sqrt(2/pi)*lam./s + (eta/pi)*lam.^2 ./ s.^2', g: 'lam.*x' },
    assume: ['max(eta*lam./s) <= 0.05'],
  },
);

/** B4: AdamW on a quadratic with V = s², ε = 0: the (x, m) pair per coordinate. */
export const B4 = claim(
  'adamw.stationary-variance',
  'B4',
  {
    eta: { logUniform: [1e-4, 1e-2] },
    lam: { logUniform: [0.1, 10] },
    s: { logUniform: [0.1, 10] },
    theta: { logUniform: [0.01, 10] },
    rho1: { logUniform: [10, 1000] },
  },
  {
    exact: '(rho1/(rho1+theta))*eta*s/(2*(lam+theta*s))',
    paperApprox: 'eta*s/(2*(lam+theta*s))',
    noDecay: 'eta*s/(2*lam)',
  },
);

/** B2: the Adam bias-correction identity behind the SDE's prefactor. */
export const B2 = claim(
  'adam.bias-correction',
  'B2',
  {
    beta1: { uniform: [0.5, 0.99] },
    beta2: { uniform: [0.9, 0.9999] },
    k: { int: [1, 1000] },
    m: { uniform: [-1, 1] },
    v: { logUniform: [1e-6, 1] },
    eps: { logUniform: [1e-8, 1e-1] },
  },
  {
    sde: '(sqrt(i2)/i1)*m/(sqrt(v) + eps*sqrt(i2))',
    discrete: '(m/i1)/(sqrt(v/i2) + eps)',
    epsUncorrected: '(sqrt(i2)/i1)*m/(sqrt(v) + eps)',
  },
  { let: { i1: '1 - beta1^k', i2: '1 - beta2^k' }, provenance: 'stated' },
);

/** A3: SignSGD's Gaussian-noise drift and diffusion factor and their Phase-3 linearisation. */
export const A3 = claim(
  'signsgd.phase3-linearisation',
  'A3',
  { g: { uniform: [-1, 1] }, s: { logUniform: [0.3, 3] } },
  {
    drift: '-erf(g/(sqrt(2)*s))',
    phase3Drift: '-sqrt(2/pi)*g/s',
    diffusionFactor: 'sqrt(1 - erf(g/(sqrt(2)*s))^2)',
    phase3DiffusionFactor: '1 - g^2/(pi*s^2)',
  },
);

/** B6: the AdamW stationary loss of B4 (with the ρ factor) under the batch-size scaling rule. */
export const B6 = claim(
  'scaling.adamw-rule',
  'B6',
  {
    d: { int: [1, 4] },
    B: { int: [1, 64] },
    kappa: { logUniform: [0.25, 16] },
    eta: { logUniform: [1e-4, 1e-2] },
    rho1: { logUniform: [10, 1000] },
    eps: { logUniform: [1e-8, 1e-2] },
    theta: { logUniform: [0.1, 10] },
    lam: { vector: 'd', logUniform: [0.1, 10] },
    s1: { vector: 'd', logUniform: [0.3, 3] },
  },
  { loss: '(eta/4)*(rho1/(rho1+theta))*sum(lam.*s.^2 ./ ((s+eps).*(lam+theta*(s+eps))))' },
  { let: { s: 's1/sqrt(B)' } },
);

/** B6's rule, and the control without θ → √κ·θ (Malladi et al.). */
export const B6_RULE = { B: 'kappa*B', eta: 'sqrt(kappa)*eta', rho1: 'sqrt(kappa)*rho1', eps: 'eps/sqrt(kappa)', theta: 'sqrt(kappa)*theta' };
export const MALLADI_RULE = { B: 'kappa*B', eta: 'sqrt(kappa)*eta', rho1: 'sqrt(kappa)*rho1', eps: 'eps/sqrt(kappa)' };
