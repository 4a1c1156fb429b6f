import type { NoiseModel } from '../../noise/noiseModel.ts';
import type { Problem } from '../../problems/problem.ts';
import type { SdeName } from '../../theory/claim.ts';
import type { Sde } from '../sde.ts';
import { adamWSde } from './adamW.ts';
import { malladiAdamSde } from './malladiAdam.ts';
import { malladiRmspropSde } from './malladiRmsprop.ts';
import { rmspropWSde } from './rmspropW.ts';
import type { SdeParams } from './sdeParams.ts';
import { sgdSde } from './sgd.ts';
import { signSgdGeneralSde } from './signSgd.ts';
import { signSgdGaussianSde } from './signSgdGaussian.ts';
import { signSgdPhase3Sde } from './signSgdPhase3.ts';
import { signSgdPhase3StudentTSde } from './signSgdPhase3StudentT.ts';
import { signSgdStudentTSde } from './signSgdStudentT.ts';

export type SdeFactory = (params: SdeParams, problem: Problem, noise: NoiseModel) => Sde;

/** The paper's SDEs by name (CLAIMS A1–A3, A6, A8, A9, B1–B3). */
export const SDES: Readonly<Record<SdeName, SdeFactory>> = {
  sgd: sgdSde,
  signsgd: signSgdGeneralSde,
  'signsgd-gaussian': signSgdGaussianSde,
  'signsgd-studentT': signSgdStudentTSde,
  'signsgd-phase3': signSgdPhase3Sde,
  'signsgd-phase3-studentT': signSgdPhase3StudentTSde,
  rmspropw: (params, problem, noise) => rmspropWSde(params, problem, noise),
  adamw: (params, problem, noise) => adamWSde(params, problem, noise),
  'malladi-rmsprop': malladiRmspropSde,
  'malladi-adam': malladiAdamSde,
};
