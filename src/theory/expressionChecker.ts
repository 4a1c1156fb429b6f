import type { MathNode } from 'mathjs';
import { math } from './mathInstance.ts';
import { CompileError, freeSymbols, inferShape, parseExpression } from './compile.ts';
import type { Shape } from './generateCode.ts';
import type { ErrorSink } from './errors.ts';
import { CONSTANTS, FUNCTIONS } from './functions.ts';

/** A `let` or `expressions` entry: its text, field path and (when valid) its body with every definition it uses inlined. */
interface Definition {
  kind: 'let' | 'expressions';
  path: string;
  node?: MathNode;
  /** Leaf symbols of the inlined body (domain and bindable symbols). */
  leaves: Set<string>;
}

export interface CheckedExpression {
  /** The expression with every let and named expression it uses inlined (parenthesised). */
  node: MathNode;
  shape: Shape;
}

/**
 * Checks theorem expressions against what a claim declares. A field's text may use domain
 * symbols, lets, names of `expressions` (a name stands for its formula) and the symbols its check
 * binds. Lets and named expressions are inlined, so a field is checked with all it depends on:
 * a named expression that uses `t` is an error in a check that does not bind `t`.
 * Every problem is reported to the sink (unknown symbol with the declared list, unknown function,
 * parse error with mathjs's position, shape misuse) and the field yields undefined.
 */
export class ExpressionChecker {
  private readonly defs = new Map<string, Definition>();
  /** Every symbol an expression reads, for the `symbols` completeness check. */
  readonly used = new Set<string>();

  constructor(
    private readonly sink: ErrorSink,
    private readonly domainShapes: Readonly<Record<string, Shape>>,
    /** Symbols some check of the claim binds (allowed inside definitions), with default shapes. */
    private readonly bindable: Readonly<Record<string, Shape>>,
  ) {}

  /** The names a message lists as declared: domain symbols then lets. */
  declared(extra: readonly string[] = []): string {
    const lets = [...this.defs].filter(([, d]) => d.kind === 'let').map(([n]) => n);
    return [...Object.keys(this.domainShapes), ...lets, ...extra.filter((x) => !(x in this.domainShapes))].join(', ');
  }

  isDefinition(name: string): boolean {
    return this.defs.has(name);
  }

  /** Registers a let (in order: it may use the domain, earlier lets and bindable symbols). */
  addLet(name: string, text: unknown, path: string): void {
    this.define(name, 'let', text, path);
  }

  /** Registers every entry of `expressions` (they may use one another, without cycles). */
  addExpressions(entries: Record<string, unknown>, path: (name: string) => string): void {
    const parsed = new Map<string, MathNode>();
    for (const [name, text] of Object.entries(entries)) {
      this.defs.set(name, { kind: 'expressions', path: path(name), leaves: new Set() });
      const node = this.parse(path(name), text);
      if (node !== undefined) parsed.set(name, node);
    }
    const done = new Set<string>();
    const visit = (name: string, stack: string[]): void => {
      if (done.has(name)) return;
      const def = this.defs.get(name)!;
      const node = parsed.get(name);
      done.add(name);
      if (node === undefined) return;
      for (const s of freeSymbols(node)) {
        const dep = this.defs.get(s);
        if (dep?.kind !== 'expressions' || s in this.domainShapes) continue;
        if (stack.includes(s)) {
          this.sink.add(def.path, `circular definition: ${[...stack, name, s].map((n) => `expressions.${n}`).join(' → ')}`);
          return;
        }
        visit(s, [...stack, name]);
      }
      this.finish(def, node, this.bindable);
    };
    for (const name of parsed.keys()) visit(name, []);
  }

  /**
   * Checks one expression field. `bound` are the symbols its check binds; `shapeWanted` makes a
   * vector (or scalar) result an error.
   */
  check(path: string, text: unknown, bound: Readonly<Record<string, Shape>>, shapeWanted?: Shape): CheckedExpression | undefined {
    const node = this.parse(path, text);
    if (node === undefined) return undefined;
    const allowed = (s: string) => s in this.domainShapes || s in bound || s in CONSTANTS;
    for (const s of freeSymbols(node)) {
      this.used.add(s);
      const def = this.defs.get(s);
      if (s in this.domainShapes || s in bound) continue;
      if (def === undefined) {
        this.sink.add(path, this.unknown(s, Object.keys(bound)));
        return undefined;
      }
      if (def.node === undefined) return undefined;
      const missing = [...def.leaves].find((leaf) => !allowed(leaf));
      if (missing !== undefined) {
        this.sink.add(path, `${this.unknown(missing, Object.keys(bound))} (used by ${def.path})`);
        return undefined;
      }
    }
    const inlined = this.inline(node, bound);
    const shape = this.shapeOf(path, inlined, { ...this.domainShapes, ...bound });
    if (shape === undefined) return undefined;
    if (shapeWanted !== undefined && shape !== shapeWanted) {
      this.sink.add(path, shapeWanted === 'scalar'
        ? 'must be a scalar but is a vector; reduce it, e.g. max(...) or sum(...)'
        : 'must be a vector (per coordinate) but is a scalar');
      return undefined;
    }
    return { node: inlined, shape };
  }

  /** Parses a field (a string, or a number written as YAML number); reports what went wrong. */
  parse(path: string, text: unknown): MathNode | undefined {
    if (typeof text === 'number') return math.parse(String(text));
    if (typeof text !== 'string' || text.trim() === '') {
      this.sink.add(path, `expected an expression (a string), got ${describeValue(text)}`);
      return undefined;
    }
    try {
      return parseExpression(text);
    } catch (e) {
      this.sink.add(path, `cannot parse '${text}': ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  private define(name: string, kind: 'let', text: unknown, path: string): void {
    const def: Definition = { kind, path, leaves: new Set() };
    const node = this.parse(path, text);
    if (node !== undefined) {
      for (const s of freeSymbols(node)) {
        const other = this.defs.get(s);
        if (other?.kind === 'expressions') {
          this.sink.add(path, `a let cannot use the named expression '${s}'; move it to let or inline it`);
          this.defs.set(name, def);
          return;
        }
      }
      this.finish(def, node, this.bindable);
    }
    this.defs.set(name, def);
  }

  /** Validates a definition's symbols and functions and stores its inlined body. */
  private finish(def: Definition, node: MathNode, bindable: Readonly<Record<string, Shape>>): void {
    for (const s of freeSymbols(node)) {
      this.used.add(s);
      const dep = this.defs.get(s);
      if (s in this.domainShapes || s in bindable) {
        def.leaves.add(s);
      } else if (dep?.node !== undefined) {
        for (const leaf of dep.leaves) def.leaves.add(leaf);
      } else if (dep === undefined) {
        this.sink.add(def.path, this.unknown(s, Object.keys(bindable)));
        return;
      } else {
        return;
      }
    }
    const inlined = this.inline(node, {});
    const scalarBindable = Object.fromEntries(Object.keys(bindable).map((k) => [k, 'scalar' as Shape]));
    if (this.shapeOf(def.path, inlined, { ...scalarBindable, ...this.domainShapes }) !== undefined) def.node = inlined;
  }

  private inline(node: MathNode, bound: Readonly<Record<string, Shape>>): MathNode {
    return node.transform((n, _path, parent) => {
      if (n.type !== 'SymbolNode') return n;
      if (parent?.type === 'FunctionNode' && (parent as MathNode & { fn: MathNode }).fn === n) return n;
      const name = (n as MathNode & { name: string }).name;
      if (name in this.domainShapes || name in bound) return n;
      const body = this.defs.get(name)?.node;
      return body === undefined ? n : new math.ParenthesisNode(body.cloneDeep());
    });
  }

  private shapeOf(path: string, node: MathNode, shapes: Record<string, Shape>): Shape | undefined {
    try {
      return inferShape(node, shapes);
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      const known = e.message.startsWith('unknown function') ? ` (known: ${Object.keys(FUNCTIONS).sort().join(', ')})` : '';
      this.sink.add(path, e.message + known);
      return undefined;
    }
  }

  private unknown(symbol: string, bound: readonly string[]): string {
    return `unknown symbol '${symbol}' (declared: ${this.declared(bound)})`;
  }
}

export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}
