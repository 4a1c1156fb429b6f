import { freeSymbols, parseExpression } from '../theory/compile.ts';
import type { Check, Claim } from '../theory/claim.ts';

/** Every string inside a check (fields, arrays, maps): the places an expression can appear. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/**
 * The names of `claim.expressions` a check reads, directly or through other expressions and
 * lets: a mutant of an expression can only change the verdicts of the checks that read it.
 */
export function expressionsUsedBy(claim: Claim, check: Check): Set<string> {
  const definitions: Record<string, string> = { ...claim.let, ...claim.expressions };
  const used = new Set<string>();
  const visit = (text: string): void => {
    let names: string[];
    try {
      names = text in definitions && !/[^\w]/.test(text) ? [text] : freeSymbols(parseExpression(text));
    } catch {
      return; // a non-expression string (a kind, a name): nothing to follow
    }
    for (const name of names) {
      if (used.has(name) || !(name in definitions)) continue;
      used.add(name);
      visit(definitions[name]);
    }
  };
  for (const s of strings(check)) visit(s);
  return new Set([...used].filter((name) => name in claim.expressions));
}
