/** Throws unless 0 < α < 1, naming the caller, the option and its value. */
export function checkAlpha(alpha: number, where: string): void {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`${where}: option alpha = ${alpha} must lie in (0, 1)`);
}
