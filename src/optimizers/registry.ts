import type { OptimizerName } from '../theory/claim.ts';
import type { Optimizer } from './optimizer.ts';
import { sgd } from './sgd.ts';
import { signSgd } from './signSgd.ts';
import { rmsprop, rmspropW } from './rmsprop.ts';
import { adam, adamW } from './adam.ts';
import { rejectUnknownOptions } from './validateOption.ts';
import type { CoordinateValue } from './validateOption.ts';

/** Union of the named optimizers' options (PyTorch names); each factory rejects keys it does not use. */
export interface OptimizerOptions {
  lr?: number;
  beta?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  weightDecay?: number;
  v0?: CoordinateValue;
}

export type OptimizerFactory = (options: OptimizerOptions) => Optimizer<any>;

function lrOnly(name: string, options: OptimizerOptions): number {
  rejectUnknownOptions(name, options, ['lr']);
  if (options.lr === undefined) throw new RangeError(`${name}: option lr is required`);
  return options.lr;
}

/** Optimizer registry: name → factory from an options object. Adding one = one file + one line. */
export const OPTIMIZERS: Readonly<Record<OptimizerName, OptimizerFactory>> = {
  sgd: (o) => sgd(lrOnly('sgd', o)),
  signsgd: (o) => signSgd(lrOnly('signsgd', o)),
  rmsprop: (o) => rmsprop(o),
  rmspropw: (o) => rmspropW(o),
  adam: (o) => adam(o),
  adamw: (o) => adamW(o),
};
