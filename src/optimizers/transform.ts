/**
 * Optax-style gradient transformations over a batch of paths (path-major, paths × dim).
 *
 * `update` rewrites `u` in place: on entry it holds the stochastic gradient (or the update of the
 * previous link of a chain), on exit the update to add to x (x ← x + u). `step` is the 1-based
 * iteration count k used by bias corrections. No allocation inside `update`.
 *
 * Named optimizers are chains, e.g. signSgd(η) = chain(scaleBySign(), scaleByLearningRate(η)),
 * adamW = chain(scaleByAdam(β₁, β₂, ε), addDecayedWeights(θ), scaleByLearningRate(η)).
 */
export interface GradientTransform<S = unknown> {
  readonly name: string;
  init(paths: number, dim: number): S;
  update(u: Float64Array, state: S, x: Float64Array, step: number): void;
}
