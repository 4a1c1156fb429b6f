/** A valid theorem file for the loader tests to break one field at a time (declared symbols: eta, lam, s, d). */
export const BASE = `id: test.a5.base
title: Stationary loss of SignSGD (base fixture)
statement: 'E[f(X_\\infty)] = \\frac{\\eta}{4}\\sum_i \\frac{\\sigma_i^2}{\\sqrt{2/\\pi}\\sigma_i + \\eta\\lambda_i/\\pi}'
source:
  claim: A5
  ref: Lemma 3.7
  provenance: reconstructed
symbols:
  eta: learning rate
  lam: curvatures
  s: noise scales
  d: dimension
domain:
  eta: { logUniform: [0.001, 0.02] }
  lam: { vector: d, logUniform: [0.5, 4] }
  s: { vector: d, logUniform: [0.3, 3] }
  d: { int: [1, 6] }
assume:
  - "max(eta*lam./s) <= 0.05"
expressions:
  loss: "eta/4 * sum(s.^2 ./ (sqrt(2/pi)*s + eta/pi*lam))"
checks:
  - kind: stationary
    optimizer: signsgd
    problem: quadratic
    noise: gaussian
    quantity: loss
    expected: loss
    tolerance: { rel: "0.75*max(eta*lam./s)" }
`;

/** `text` with the first occurrence of `from` replaced (which must exist). */
export function tweak(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** The 1-based line of the first line containing `marker`. */
export function lineOf(text: string, marker: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(marker));
  if (i < 0) throw new Error(`no line contains ${JSON.stringify(marker)}`);
  return i + 1;
}
