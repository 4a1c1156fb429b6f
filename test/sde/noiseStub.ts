import type { NoiseModel } from '../../src/noise/noiseModel.ts';
import type { RandomStream } from '../../src/random/randomStream.ts';
import { fillNormal } from '../../src/random/normal.ts';
import { erf } from '../../src/special/erf.ts';
import { tCentral } from '../../src/special/tCdf.ts';

/**
 * Minimal NoiseModels for the SDE tests (the SDEs read only scale, nu, signMean and variance):
 * Gaussian Z_i = s_i N(0, 1), and Student-t Z_i = s_i T (no sampler: the SDE tests never draw Z).
 */
export function gaussianNoise(scale: ArrayLike<number>): NoiseModel {
  const s = Float64Array.from(scale);
  return {
    kind: 'gaussian',
    dim: s.length,
    scale: s,
    nu: Infinity,
    addTo(rng: RandomStream, grad: Float64Array, paths: number) {
      const z = new Float64Array(paths * s.length);
      fillNormal(rng, z);
      for (let j = 0; j < z.length; j++) grad[j] += s[j % s.length] * z[j];
    },
    sample(rng: RandomStream, out: Float64Array, paths: number) {
      fillNormal(rng, out, 0, paths * s.length);
      for (let j = 0; j < paths * s.length; j++) out[j] *= s[j % s.length];
    },
    signMean: (g: number, i: number) => erf(g / (Math.SQRT2 * s[i])),
    variance: (i: number) => s[i] * s[i],
  };
}

export function studentTNoise(scale: ArrayLike<number>, nu: number): NoiseModel {
  const s = Float64Array.from(scale);
  const fail = (): never => { throw new Error('studentTNoise stub: sampling not implemented'); };
  return {
    kind: 'studentT',
    dim: s.length,
    scale: s,
    nu,
    addTo: fail,
    sample: fail,
    signMean: (g: number, i: number) => tCentral(g / s[i], nu),
    variance: (i: number) => (nu > 2 ? (s[i] * s[i] * nu) / (nu - 2) : Infinity),
  };
}
