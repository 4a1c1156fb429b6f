/**
 * Exact law of discrete SignSGD on a one-dimensional quadratic f(x) = ½λx² with additive noise Z
 * (P(λx + Z = 0) = 0). Each step moves x by exactly ±η:
 *   x ← x + η with probability up(x) = P(λx + Z < 0) = (1 − m(λx))/2,
 *   x ← x − η with probability 1 − up(x) = (1 + m(λx))/2,
 * where m(g) = E[sign(g + Z)] (erf(g/(√2 s)) for Gaussian noise, 2F_ν(g/s) − 1 for Student-t;
 * CLAIMS.md A2, A8). From x₀ the chain lives on the lattice x₀ + ηℤ and is a birth–death chain, so
 *  - its stationary law follows from detailed balance, π(x + η)·(1 − up(x + η)) = π(x)·up(x)
 *    (the chain has period 2; time averages still converge to π);
 *  - the law of x_k is the k-fold transition applied to δ_{x₀} on 2k + 1 lattice points.
 * No Monte Carlo error: these are the reference numbers for discrete SignSGD in CLAIMS.md D.
 * Coordinates of a diagonal problem with independent noise are independent, so this is also the
 * per-coordinate law in d dimensions.
 */
export interface LatticeLaw {
  points: Float64Array;
  probabilities: Float64Array;
  mean: number;
  secondMoment: number;
}

export interface LatticeOptions {
  lam: number;
  eta: number;
  /** m(g) = E[sign(g + Z)]. */
  signMean: (g: number) => number;
}

function law(points: Float64Array, probabilities: Float64Array): LatticeLaw {
  let total = 0;
  let m1 = 0;
  let m2 = 0;
  for (let j = 0; j < points.length; j++) {
    const p = probabilities[j];
    total += p;
    m1 += p * points[j];
    m2 += p * points[j] * points[j];
  }
  for (let j = 0; j < points.length; j++) probabilities[j] /= total;
  return { points, probabilities, mean: m1 / total, secondMoment: m2 / total };
}

function validate(o: LatticeOptions): void {
  if (!(Number.isFinite(o.lam) && o.lam > 0)) throw new RangeError(`signSgdLattice: option lam = ${o.lam} must lie in (0, ∞)`);
  if (!(Number.isFinite(o.eta) && o.eta > 0)) throw new RangeError(`signSgdLattice: option eta = ${o.eta} must lie in (0, ∞)`);
}

/**
 * Stationary law on the lattice offset + ηℤ (offset ∈ [0, η)), truncated where the weight falls
 * below e^−745 of the mode's (or after `maxPoints` per side, default 10⁶).
 */
export function signSgdStationaryLaw(o: LatticeOptions & { offset?: number; maxPoints?: number }): LatticeLaw {
  validate(o);
  const { lam, eta, signMean } = o;
  const offset = o.offset ?? 0;
  const maxPoints = o.maxPoints ?? 1_000_000;
  const up = (x: number): number => 0.5 * (1 - signMean(lam * x));
  const down = (x: number): number => 0.5 * (1 + signMean(lam * x));
  const right: number[] = [0];
  for (let j = 0; j < maxPoints; j++) {
    const x = offset + j * eta;
    const next = right[j] + Math.log(up(x)) - Math.log(down(x + eta));
    if (!(next > -745)) break;
    right.push(next);
  }
  const left: number[] = [];
  for (let j = 0, prev = 0; j < maxPoints; j++) {
    const x = offset - j * eta;
    const next = prev + Math.log(down(x)) - Math.log(up(x - eta));
    if (!(next > -745)) break;
    left.push(next);
    prev = next;
  }
  const logW = [...left.reverse(), ...right];
  const points = Float64Array.from(logW, (_, j) => offset + (j - left.length) * eta);
  const peak = Math.max(...logW);
  return law(points, Float64Array.from(logW, (w) => Math.exp(w - peak)));
}

/** Law of x_k after `steps` steps from x₀ (points x₀ + jη, |j| ≤ steps). */
export function signSgdTransientLaw(o: LatticeOptions & { x0: number; steps: number }): LatticeLaw {
  validate(o);
  const { lam, eta, signMean, x0, steps } = o;
  if (!(Number.isInteger(steps) && steps >= 0)) throw new RangeError(`signSgdLattice: option steps = ${steps} must be an integer ≥ 0`);
  const size = 2 * steps + 1;
  const points = Float64Array.from({ length: size }, (_, j) => x0 + (j - steps) * eta);
  const upP = Float64Array.from(points, (x) => 0.5 * (1 - signMean(lam * x)));
  let p = new Float64Array(size);
  let q = new Float64Array(size);
  p[steps] = 1;
  for (let k = 0; k < steps; k++) {
    q.fill(0);
    for (let j = steps - k; j <= steps + k; j++) {
      q[j + 1] += p[j] * upP[j];
      q[j - 1] += p[j] * (1 - upP[j]);
    }
    [p, q] = [q, p];
  }
  return law(points, p);
}
