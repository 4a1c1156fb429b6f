/** The shape of a batch (paths × dim, path-major) that a transform's state records at `init`. */
export interface BatchShape {
  readonly paths: number;
  readonly dim: number;
  /** paths · dim: the number of entries `update` touches. */
  readonly n: number;
}

export function batchShape(owner: string, paths: number, dim: number): BatchShape {
  if (!Number.isInteger(paths) || paths < 1) throw new RangeError(`${owner}: paths = ${paths} must be an integer ≥ 1`);
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`${owner}: dim = ${dim} must be an integer ≥ 1`);
  return { paths, dim, n: paths * dim };
}
