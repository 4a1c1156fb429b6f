import type { RandomStream } from '../random/randomStream.ts';
import { fillNormal } from '../random/normal.ts';
import { Xoshiro128 } from '../random/xoshiro.ts';
import type { Sde } from './sde.ts';

/**
 * Brownian increments on an Sde's state layout (see ./sde.ts), generated at a finest step δ and
 * summed for coarser steps, so runs with dt = m·δ for different m see the same Brownian path
 * (common random numbers for weak-error and convergence studies):
 *
 *   ΔW over [t, t + mδ] = √δ · Σ_{r=1}^{m} Z_r,   Z_r ~ N(0, I) drawn for each fine step.
 *
 * Per fine step the stream is consumed block by block in component order, noisy components only,
 * paths·dim standard normals each (fillNormal); so the draws depend only on (seed, δ, paths, dim,
 * noisy components), never on dt. Noiseless blocks of dW are never written (keep them zero).
 * `total` (when tracked) holds W(t) − W(t₀) on the same layout.
 */
export interface BrownianOptions {
  /** Finest step δ > 0; every dt used with this path must be a positive integer multiple of it. */
  fineDt: number;
  /** Accumulate W(t) − W(t₀) in `total` (default false). */
  trackTotal?: boolean;
}

export class BrownianPath {
  readonly fineDt: number;
  readonly total: Float64Array | undefined;
  private readonly rng: RandomStream;
  private readonly blockLength: number;
  private readonly offsets: number[];
  private readonly scratch: Float64Array;
  private readonly sqrtFine: number;

  constructor(rng: RandomStream, sde: Sde, paths: number, options: BrownianOptions) {
    if (!(options.fineDt > 0 && Number.isFinite(options.fineDt))) {
      throw new RangeError(`BrownianPath: option fineDt = ${options.fineDt} must be positive and finite`);
    }
    if (!(Number.isInteger(paths) && paths >= 1)) throw new RangeError(`BrownianPath: paths = ${paths} must be a positive integer`);
    this.rng = rng;
    this.fineDt = options.fineDt;
    this.sqrtFine = Math.sqrt(options.fineDt);
    this.blockLength = paths * sde.dim;
    this.offsets = [];
    sde.noisy.forEach((noisy, c) => { if (noisy) this.offsets.push(c * this.blockLength); });
    this.scratch = new Float64Array(this.blockLength);
    this.total = options.trackTotal ? new Float64Array(sde.components.length * this.blockLength) : undefined;
  }

  /** m with dt = m·δ; throws unless dt is a positive integer multiple of δ (to 1e-9 relative). */
  substepsFor(dt: number): number {
    const m = Math.round(dt / this.fineDt);
    if (!(m >= 1 && Math.abs(m * this.fineDt - dt) <= 1e-9 * dt)) {
      throw new RangeError(`BrownianPath: dt = ${dt} is not a positive integer multiple of fineDt = ${this.fineDt}`);
    }
    return m;
  }

  /**
   * The stream, √δ and the noisy block's start when a step of `substeps` fine steps is exactly "one
   * fillNormal over the single noisy block, scaled by √δ" from a xoshiro stream with no total
   * tracked: then a fused kernel may draw the normals itself (src/wasm/quadraticKernels.ts),
   * consuming the stream identically.
   */
  fusableStream(substeps: number): { rng: Xoshiro128; scale: number; offset: number } | undefined {
    const simple = substeps === 1 && this.total === undefined && this.offsets.length === 1;
    return simple && this.rng instanceof Xoshiro128 ? { rng: this.rng, scale: this.sqrtFine, offset: this.offsets[0] } : undefined;
  }

  /** Writes the increment over `substeps` fine steps into the noisy blocks of dW. */
  next(dW: Float64Array, substeps = 1): void {
    const scale = this.nextUnit(dW, substeps);
    for (const off of this.offsets) scaleRange(dW, off, off + this.blockLength, scale);
  }

  /**
   * Writes the unscaled sum Σ_r Z_r over `substeps` fine steps into the noisy blocks of `sums` and
   * returns √δ, so the increment is √δ·sums (solvers fold the scale into their update instead of
   * spending a pass on it). Consumes the stream exactly as `next` does.
   */
  nextUnit(sums: Float64Array, substeps = 1): number {
    const len = this.blockLength;
    const scratch = this.scratch;
    for (let r = 0; r < substeps; r++) {
      for (const off of this.offsets) {
        if (r === 0) {
          fillNormal(this.rng, sums, off, len);
        } else {
          fillNormal(this.rng, scratch, 0, len);
          addRange(sums, off, scratch, 0, len, 1);
        }
      }
    }
    const total = this.total;
    if (total !== undefined) {
      for (const off of this.offsets) addRange(total, off, sums, off, len, this.sqrtFine);
    }
    return this.sqrtFine;
  }
}

function scaleRange(values: Float64Array, start: number, end: number, scale: number): void {
  for (let j = start; j < end; j++) values[j] *= scale;
}

/** target[to + j] += scale·source[from + j], j < len. */
function addRange(target: Float64Array, to: number, source: Float64Array, from: number, len: number, scale: number): void {
  for (let j = 0; j < len; j++) target[to + j] += scale * source[from + j];
}
