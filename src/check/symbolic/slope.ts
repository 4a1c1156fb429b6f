/** Least-squares slope of y on x: Σ(x − x̄)(y − ȳ) / Σ(x − x̄)². */
export function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) throw new RangeError(`slope: ${n} points, need ≥ 2`);
  let mx = 0;
  let my = 0;
  for (const p of points) {
    mx += p.x / n;
    my += p.y / n;
  }
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  return sxy / sxx;
}
