import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NOISE } from '../../src/noise/registry.ts';
import { adamW } from '../../src/optimizers/adam.ts';
import { signSgd } from '../../src/optimizers/signSgd.ts';
import { signSgdStationaryLaw, signSgdTransientLaw } from '../../src/simulate/signSgdLattice.ts';
import { erf } from '../../src/special/erf.ts';
import { normalQuantile } from '../../src/stats/normalQuantile.ts';
import { type Estimate, stationaryMoment, transientMean } from './stationaryEstimate.ts';

/**
 * CLAIMS.md section D: reference values from an independent simulation (20k–100k paths) of the
 * discrete optimizers, against this project's simulation loop (runOptimizer).
 *
 * Statistics. Every comparison is a two-sided z-test at false-alarm rate α = 1e-5, threshold
 * Z = Φ⁻¹(1 − α/2) = 4.42; 17 comparisons require agreement (|z| < Z), so the family-wise false-alarm
 * rate is ≤ 1.7e-4 (fixed seeds make each outcome reproducible); 3 require a rejection (|z| > Z),
 * each planned with an expected z ≥ 6. Our standard error comes from per-path time averages (one batch per
 * path; successive steps are correlated, paths are not) or, for E[x_k], from independent paths.
 * The reference values carry an unknown Monte Carlo error, assumed 0.3% relative (1 sd) as
 * instructed; the combined standard error is √(SE² + (0.003·ref)²). No further tolerance.
 *
 * For discrete SignSGD on a 1-D quadratic the law is known exactly (signSgdLattice: a birth–death
 * chain on x₀ + ηℤ), so those cases are also held against the exact value with our SE alone, and
 * the exact value is held against the reference within its assumed 0.3%.
 *
 * The formula values of CLAIMS.md D (A5, A9, B4) differ from the discrete optimizer by O(η):
 * the exact lattice values put that gap at +0.71%, +0.48%, +1.10%, +0.89% for the four SignSGD
 * E[x²] cases (A5's "≈ +0.75·ηλ/σ": measured coefficient 0.71). Where our Monte Carlo resolves the
 * gap at Z (E[x] at t = 1, AdamW θ = 50), the test requires the formula to be rejected.
 */
const ALPHA = 1e-5;
const Z = normalQuantile(1 - ALPHA / 2);
const REFERENCE_REL_SE = 0.003;
const DIM = 10;

const gaussianSignMean = (s: number) => (g: number) => erf(g / (Math.SQRT2 * s));
const cauchySignMean = (g: number) => (2 * Math.atan(g)) / Math.PI;
const t2SignMean = (g: number) => g / Math.sqrt(2 + g * g);

const zScore = (e: Estimate, value: number, extraSe = 0): number => (e.mean - value) / Math.hypot(e.standardError, extraSe);
const fmt = (v: number) => v.toPrecision(5);
const describeEstimate = (e: Estimate) =>
  `${fmt(e.mean)} ± ${fmt(e.standardError)} (rel SE ${((100 * e.standardError) / e.mean).toFixed(3)}%, ${e.paths} paths, ${(e.pathCoordSteps / 1e6).toFixed(0)}M path-coord-steps)`;

interface SignSgdCase {
  title: string;
  reference: number;
  formula: number;
  exact: () => number;
  estimate: () => Estimate;
}

const once = <T>(f: () => T): (() => T) => {
  let v: T | undefined;
  return () => (v ??= f());
};

const gaussian = (s: number) => NOISE.gaussian({ scale: new Float64Array(DIM).fill(s) });
const studentT = (nu: number) => NOISE.studentT({ scale: new Float64Array(DIM).fill(1), nu });

/** Burn-in ≈ 10/(2ηc) steps (the x² relaxation rate of A5/A9), averaging ≥ 8 relaxation times. */
const signSgdCases: SignSgdCase[] = [
  {
    title: 'SignSGD E[x²], Gaussian noise, (λ, σ, η) = (1, 1, 0.01)',
    reference: 6.287e-3,
    formula: 6.242e-3,
    exact: () => signSgdStationaryLaw({ lam: 1, eta: 0.01, signMean: gaussianSignMean(1) }).secondMoment,
    estimate: once(() => stationaryMoment({ optimizer: signSgd(0.01), noise: gaussian(1), lam: 1, paths: 2500, burnIn: 600, average: 1000, seed: 101, quantity: 'second-moment' })),
  },
  {
    title: 'SignSGD E[x²], Gaussian noise, (λ, σ, η) = (1, 3, 0.02)',
    reference: 3.768e-2,
    formula: 3.75e-2,
    exact: () => signSgdStationaryLaw({ lam: 1, eta: 0.02, signMean: gaussianSignMean(3) }).secondMoment,
    estimate: once(() => stationaryMoment({ optimizer: signSgd(0.02), noise: gaussian(3), lam: 1, paths: 1600, burnIn: 900, average: 1600, seed: 102, quantity: 'second-moment' })),
  },
  {
    title: 'SignSGD E[x²], Student-t noise ν = 1, λ = σ = 1, η = 0.01',
    reference: 7.899e-3,
    formula: 7.829e-3,
    exact: () => signSgdStationaryLaw({ lam: 1, eta: 0.01, signMean: cauchySignMean }).secondMoment,
    estimate: once(() => stationaryMoment({ optimizer: signSgd(0.01), noise: studentT(1), lam: 1, paths: 400, burnIn: 800, average: 1000, seed: 103, quantity: 'second-moment' })),
  },
  {
    title: 'SignSGD E[x²], Student-t noise ν = 2, λ = σ = 1, η = 0.01',
    reference: 7.115e-3,
    formula: 7.046e-3,
    exact: () => signSgdStationaryLaw({ lam: 1, eta: 0.01, signMean: t2SignMean }).secondMoment,
    estimate: once(() => stationaryMoment({ optimizer: signSgd(0.01), noise: studentT(2), lam: 1, paths: 400, burnIn: 700, average: 1000, seed: 104, quantity: 'second-moment' })),
  },
  {
    title: 'SignSGD E[x] at t = 1 (100 steps), x₀ = 0.3, λ = σ = 1, η = 0.01',
    reference: 0.13545,
    formula: 0.13508,
    exact: () => signSgdTransientLaw({ lam: 1, eta: 0.01, signMean: gaussianSignMean(1), x0: 0.3, steps: 100 }).mean,
    estimate: once(() => transientMean({ optimizer: signSgd(0.01), noise: gaussian(1), lam: 1, x0: 0.3, steps: 100, paths: 60_000, seed: 105 })),
  },
];

describe('CLAIMS.md D reference values: discrete SignSGD', () => {
  for (const c of signSgdCases) {
    describe(c.title, () => {
      it('matches the exact lattice value within our Monte Carlo error', (t) => {
        const e = c.estimate();
        const exact = c.exact();
        const z = zScore(e, exact);
        t.diagnostic(`simulated ${describeEstimate(e)}; exact ${fmt(exact)}; z = ${z.toFixed(2)}`);
        assert.ok(Math.abs(z) < Z, `|z| = ${Math.abs(z).toFixed(2)} ≥ ${Z.toFixed(2)}`);
      });

      it('matches the reference value within the combined Monte Carlo error', (t) => {
        const e = c.estimate();
        const z = zScore(e, c.reference, REFERENCE_REL_SE * c.reference);
        t.diagnostic(`reference ${c.reference}; simulated/reference − 1 = ${((e.mean / c.reference - 1) * 100).toFixed(2)}%; z = ${z.toFixed(2)}`);
        assert.ok(Math.abs(z) < Z);
      });

      it('the exact value agrees with the reference within the reference’s assumed 0.3% error', (t) => {
        const exact = c.exact();
        const z = (exact - c.reference) / (REFERENCE_REL_SE * c.reference);
        t.diagnostic(`exact/reference − 1 = ${((exact / c.reference - 1) * 100).toFixed(3)}%; z = ${z.toFixed(2)}`);
        assert.ok(Math.abs(z) < Z);
      });

      it('the formula value lies above the exact discrete value by an O(η) bias (A5/A9)', (t) => {
        const exact = c.exact();
        const e = c.estimate();
        const gap = exact / c.formula - 1;
        const z = zScore(e, c.formula);
        t.diagnostic(`formula ${c.formula}; exact/formula − 1 = ${(gap * 100).toFixed(3)}%; simulated vs formula z = ${z.toFixed(2)}`);
        assert.ok(gap > 0.002 && gap < 0.02, `gap ${gap}`);
      });
    });
  }

  it('rejects the A5 formula E[x₁] = 0.13508 with the simulation alone (gap 0.41% against a 0.07% SE)', (t) => {
    const c = signSgdCases[4];
    const e = c.estimate();
    const z = zScore(e, c.formula);
    t.diagnostic(`simulated ${describeEstimate(e)}; z against the formula = ${z.toFixed(2)}`);
    assert.ok(Math.abs(z) > Z);
  });
});

/** Var[x] of AdamW at stationarity, η = 1e-3, β = (0.9, 0.999), ε = 0, λ = σ = 1. */
const adamWCase = (theta: number, paths: number, burnIn: number, average: number, seed: number) =>
  once(() =>
    stationaryMoment({
      optimizer: adamW({ lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 0, weightDecay: theta }),
      noise: gaussian(1),
      lam: 1,
      paths,
      burnIn,
      average,
      seed,
      quantity: 'variance',
    }),
  );

/** B4 exact: Var = (ρ₁/(ρ₁+θ))·η s²/(2(s+ε)(λ + θ(s+ε))), ρ₁ = (1 − β₁)/η; paper-approx: η/(2(λ/s + θ)). */
const b4Exact = (theta: number) => (100 / (100 + theta)) * (1e-3 / (2 * (1 + theta)));
const b4PaperApprox = (theta: number) => 1e-3 / (2 * (1 + theta));

describe('CLAIMS.md D reference values: discrete AdamW', () => {
  const theta10 = adamWCase(10, 1000, 500, 2500, 201);
  const theta50 = adamWCase(50, 1000, 300, 1000, 202);

  it('Var at θ = 10 matches the reference 4.168e-5 within the combined Monte Carlo error', (t) => {
    const e = theta10();
    const z = zScore(e, 4.168e-5, REFERENCE_REL_SE * 4.168e-5);
    t.diagnostic(`simulated ${describeEstimate(e)}; z = ${z.toFixed(2)}; B4 exact ${fmt(b4Exact(10))} (z = ${zScore(e, b4Exact(10)).toFixed(2)})`);
    assert.ok(Math.abs(z) < Z);
  });

  it('Var at θ = 50 matches the reference 6.765e-6 within the combined Monte Carlo error', (t) => {
    const e = theta50();
    const z = zScore(e, 6.765e-6, REFERENCE_REL_SE * 6.765e-6);
    t.diagnostic(`simulated ${describeEstimate(e)}; z = ${z.toFixed(2)}`);
    assert.ok(Math.abs(z) < Z);
  });

  it('at θ = 50 distinguishes the discrete optimizer from B4 exact (6.536e-6) and rejects the paper-approx 9.804e-6', (t) => {
    const e = theta50();
    const zExact = zScore(e, b4Exact(50));
    const zApprox = zScore(e, b4PaperApprox(50));
    t.diagnostic(`B4 exact ${fmt(b4Exact(50))}: z = ${zExact.toFixed(1)}; paper-approx ${fmt(b4PaperApprox(50))}: z = ${zApprox.toFixed(1)}`);
    assert.ok(Math.abs(b4Exact(50) - 6.536e-6) < 1e-9 && Math.abs(b4PaperApprox(50) - 9.804e-6) < 1e-9);
    assert.ok(Math.abs(zExact) > Z);
    assert.ok(Math.abs(zApprox) > Z);
  });
});
