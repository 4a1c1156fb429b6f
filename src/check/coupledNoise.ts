import type { NoiseModel } from '../noise/noiseModel.ts';
import { checkBatch } from '../noise/validate.ts';
import { fillNormal } from '../random/normal.ts';
import type { RandomStream } from '../random/randomStream.ts';
import { tFromNormalMap } from '../special/tFromNormal.ts';

/**
 * Gradient noise coupled to a Brownian path refined m = `substeps` times per optimizer step (common
 * random numbers for the weak-order check). Per step and entry,
 *
 *   Z_k = o·(Z_{k,1} + … + Z_{k,m})/√m,   o = orientation = ±1,
 *
 * drawing each batch of standard normals in the order BrownianPath (src/sde/brownian.ts) draws its
 * fine increments for an SDE with one noisy component. With the same seed the SDE's increment is
 * W((k+1)η) − W(kη) = o·√η·Z_k: the optimizer's noise and the SDE's increment over the step are one
 * random variable (each marginal law unchanged), so the difference of the coupled runs has a much
 * smaller variance than that of independent ones — provided the orientation makes the two updates
 * move together: o = −1 where the optimizer steps x ← x − η·u(∇f + Z) (u increasing) but the SDE
 * has +b dW (SGD, SignSGD, RMSprop), o = +1 where both add the noise (Adam's M; see
 * NOISE_ORIENTATION in src/check/estimators/weakOrder.ts).
 */
export type Orientation = 1 | -1;

/**
 * Gaussian noise s_i·Z_k with Z_k as above: exactly N(0, 1), being a normalised sum of independent
 * standard normals (times ±1).
 */
export function coupledGaussianNoise(noise: NoiseModel, substeps: number, orientation: Orientation): NoiseModel {
  if (noise.kind !== 'gaussian') throw new RangeError('coupledGaussianNoise: only Gaussian noise can be coupled this way');
  const normals = stepNormals(substeps, orientation);
  const s = noise.scale;
  const dim = noise.dim;
  return {
    ...noise,
    addTo(rng: RandomStream, grad: Float64Array, paths: number): void {
      const n = checkBatch(grad, paths, dim, 'coupledGaussianNoise.addTo');
      const z = normals(rng, n);
      for (let j = 0; j < n; j++) grad[j] += s[j % dim] * z[j];
    },
  };
}

/**
 * Student-t noise s_i·T_k with the comonotone (quantile) coupling to Z_k:
 *
 *   T_k = F_ν⁻¹(Φ(Z_k)),
 *
 * exactly t_ν since Φ(Z_k) is uniform on (0, 1) (the quantile transform; tabulated by
 * tFromNormalMap to ≲ 2e-13 relative), and an increasing function of Z_k, hence of o·ΔW_k. Of all
 * couplings of t_ν with N(0, 1) the comonotone one maximises Cov(c(T), d(Z)) for every increasing
 * c and d (Cambanis, Simons & Stout, Z. Wahrsch. verw. Geb. 36, 1976), so it minimises the variance
 * of the one-step difference c(T) − d(Z) of the optimizer's and the SDE's updates. ν = Infinity
 * gives coupledGaussianNoise's Z_k.
 */
export function coupledStudentTNoise(noise: NoiseModel, substeps: number, orientation: Orientation): NoiseModel {
  if (noise.kind !== 'studentT') throw new RangeError('coupledStudentTNoise: only Student-t noise can be coupled this way');
  const normals = stepNormals(substeps, orientation);
  const quantile = tFromNormalMap(noise.nu);
  const s = noise.scale;
  const dim = noise.dim;
  return {
    ...noise,
    addTo(rng: RandomStream, grad: Float64Array, paths: number): void {
      const n = checkBatch(grad, paths, dim, 'coupledStudentTNoise.addTo');
      const z = normals(rng, n);
      for (let j = 0; j < n; j++) grad[j] += s[j % dim] * quantile(z[j]);
    },
  };
}

/**
 * The per-step normals Z_k = o·(Z_{k,1} + … + Z_{k,m})/√m of n entries, consuming the stream as
 * BrownianPath.nextUnit does for one noisy block of n entries over m fine steps. The returned
 * buffer is reused by the next call.
 */
function stepNormals(substeps: number, orientation: Orientation): (rng: RandomStream, n: number) => Float64Array {
  if (!(Number.isInteger(substeps) && substeps >= 1)) throw new RangeError(`coupled noise: substeps = ${substeps} must be a positive integer`);
  const scale = orientation / Math.sqrt(substeps);
  let sum = new Float64Array(0);
  let scratch = new Float64Array(0);
  return (rng, n) => {
    if (sum.length !== n) {
      sum = new Float64Array(n);
      scratch = new Float64Array(n);
    }
    fillNormal(rng, sum, 0, n);
    for (let r = 1; r < substeps; r++) {
      fillNormal(rng, scratch, 0, n);
      for (let j = 0; j < n; j++) sum[j] += scratch[j];
    }
    for (let j = 0; j < n; j++) sum[j] *= scale;
    return sum;
  };
}
