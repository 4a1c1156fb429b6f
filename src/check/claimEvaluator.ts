import type { Claim } from '../theory/claim.ts';
import { compileExpression, freeSymbols, parseExpression } from '../theory/compile.ts';
import type { CompiledExpression, Scope, ScopeValue } from '../theory/compile.ts';

interface Compiled {
  run: CompiledExpression;
  symbols: string[];
}

/**
 * Evaluates a claim's formulas at a parameter point. A field such as `expected: loss` names an
 * entry of `claim.expressions` or is an inline expression; both may use the domain symbols, the
 * `let` definitions, other `expressions`, and the state symbols a check binds (t, x, g, m, v, k).
 * Only the definitions an expression needs are evaluated. `overrides` replaces entries of
 * `claim.expressions` (a mutant) without touching the claim.
 */
export class ClaimEvaluator {
  private readonly compiled = new Map<string, Compiled>();
  private readonly definitions: Record<string, string>;

  constructor(private readonly claim: Claim, overrides: Readonly<Record<string, string>> = {}) {
    this.definitions = { ...claim.let, ...claim.expressions, ...overrides };
  }

  /** The value of `field` (an expression name or inline text) at `point` with `state` bound. */
  value(field: string, point: Scope, state: Scope = {}): number | Float64Array {
    const scope: Record<string, ScopeValue> = { ...point, ...state };
    return this.evaluate(this.definitions[field] ?? field, scope, [field]);
  }

  /** A scalar value; a vector result is an error naming the field. */
  scalar(field: string, point: Scope, state: Scope = {}): number {
    const v = this.value(field, point, state);
    if (typeof v !== 'number') throw new TypeError(`${this.claim.origin.file}: '${field}' is a vector where a scalar is needed`);
    return v;
  }

  /** Component i of a coordinate quantity (a scalar applies to every coordinate). */
  component(field: string, i: number, point: Scope, state: Scope = {}): number {
    const v = this.value(field, point, state);
    return typeof v === 'number' ? v : v[i];
  }

  private evaluate(text: string, scope: Record<string, ScopeValue>, stack: string[]): number | Float64Array {
    const f = this.compile(text);
    for (const name of f.symbols) {
      if (name in scope) continue;
      const definition = this.definitions[name];
      if (definition === undefined) continue; // a constant (pi, e) or a missing symbol: compile reports it
      if (stack.includes(name)) throw new Error(`${this.claim.origin.file}: circular definition ${[...stack, name].join(' → ')}`);
      scope[name] = this.evaluate(definition, scope, [...stack, name]);
    }
    return f.run(scope);
  }

  private compile(text: string): Compiled {
    let f = this.compiled.get(text);
    if (f === undefined) {
      f = { run: compileExpression(text), symbols: freeSymbols(parseExpression(text)) };
      this.compiled.set(text, f);
    }
    return f;
  }
}
