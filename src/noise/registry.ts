import type { NoiseModel } from './noiseModel.ts';
import { gaussianNoise } from './gaussian.ts';
import { studentTNoise } from './studentT.ts';

/** Parameters every noise factory accepts; `nu` is required by studentT and ignored by gaussian. */
export interface NoiseParams {
  scale: Float64Array;
  nu?: number;
}

/** The noise models by name (theorem files' `check.noise`). Adding one = one file + one line. */
export const NOISE = {
  gaussian: (params: NoiseParams): NoiseModel => gaussianNoise(params.scale),
  studentT: (params: NoiseParams): NoiseModel => studentTNoise(params.scale, params.nu as number),
} satisfies Record<NoiseModel['kind'], (params: NoiseParams) => NoiseModel>;

export type NoiseName = keyof typeof NOISE;
