import type { MathNode } from 'mathjs';
import { CONSTANTS, FUNCTIONS } from './functions.ts';
import type { ReduceFunction } from './functions.ts';

/**
 * Code generation for `compileExpression`: a mathjs AST over scalars and vectors becomes the body
 * of a plain JS function of a scope object `s`. A scalar-only expression becomes one straight-line
 * arithmetic expression; an elementwise vector expression becomes one fused loop
 * `out[i] = <scalar code in a_k[i]>`; a reduction (sum, prod, mean, max, min) of a vector becomes
 * a loop accumulating into a temporary, hoisted ahead of its use. Scalar operands of vector
 * operations are hoisted into temporaries so loops do no redundant work.
 *
 * Shape rules (those of mathjs where it is defined, an error where mathjs would do linear
 * algebra): + − .* ./ .^ and comparisons broadcast a scalar against a vector; `*` needs a scalar
 * side (vector*vector is a dot product in mathjs), `/` a scalar divisor, `^` and pow scalars.
 * Comparisons follow mathjs's number semantics (equal within relTol 1e-12, absTol 1e-15) and,
 * like logical operators, give 1 or 0.
 */

export type Shape = 'scalar' | 'vector';

/** A definition error in an expression (unknown symbol or function, unsupported syntax, shape misuse). */
export class CompileError extends Error {
  override name = 'CompileError';
  /** The offending symbol or function name, when there is one. */
  readonly symbol: string | undefined;
  constructor(message: string, symbol?: string) {
    super(message);
    this.symbol = symbol;
  }
}

interface Value {
  shape: Shape;
  /** JS code: for a scalar standalone, for a vector the element at the current loop index. */
  code: string;
  /** Names of the vector symbols the element code reads (their lengths must agree). */
  vecs: string[];
}

const SIMPLE = /^[A-Za-z_$][\w$]*$|^\(?-?[\d.e+-]+\)?$|^Infinity$/;

const BINARY: Record<string, string> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', dotMultiply: '*', dotDivide: '/',
};
const COMPARE: Record<string, string> = {
  smaller: 'f_lt', smallerEq: 'f_le', larger: 'f_gt', largerEq: 'f_ge', equal: 'f_eq', unequal: 'f_ne',
};

export interface GeneratedCode {
  body: string;
  shape: Shape;
}

/**
 * Generates the body of `function (s) { ... }` for `node`, given the shape of every symbol it may
 * use. With `guard`, a symbol of another shape in `s` makes the body return `f_respecialise(s)`.
 */
export function generateCode(node: MathNode, shapes: Readonly<Record<string, Shape>>, guard = false): GeneratedCode {
  const g = new Generator(shapes, guard);
  const v = g.gen(node, 'i');
  const lines = [...g.loads, ...g.pre];
  if (v.shape === 'scalar') {
    lines.push(`return ${v.code};`);
  } else {
    lines.push(...g.lengthCheck('n', v.vecs));
    lines.push('const out = new Float64Array(n);', `for (let i = 0; i < n; i++) out[i] = ${v.code};`, 'return out;');
  }
  return { body: lines.join('\n'), shape: v.shape };
}

class Generator {
  readonly loads: string[] = [];
  readonly pre: string[] = [];
  private readonly vars = new Map<string, string>();
  private counter = 0;

  constructor(
    private readonly shapes: Readonly<Record<string, Shape>>,
    private readonly guard: boolean,
  ) {}

  gen(node: MathNode, idx: string): Value {
    const n = node as MathNode & Record<string, unknown>;
    switch (node.type) {
      case 'ParenthesisNode':
        return this.gen(n.content as MathNode, idx);
      case 'ConstantNode':
        return this.constant(n.value);
      case 'SymbolNode':
        return this.symbol(n.name as string, idx);
      case 'OperatorNode':
        return this.operator(n.fn as string, n.op as string, n.args as MathNode[], idx);
      case 'FunctionNode':
        return this.call(n.fn as MathNode, n.args as MathNode[], idx);
      case 'ConditionalNode':
        return this.conditional(n.condition as MathNode, n.trueExpr as MathNode, n.falseExpr as MathNode, idx);
      case 'RelationalNode':
        return this.relational(n.conditionals as string[], n.params as MathNode[], idx);
      default:
        throw new CompileError(`unsupported syntax: ${describe(node.type)}`);
    }
  }

  lengthCheck(n: string, vecs: string[]): string[] {
    const [first, ...rest] = vecs;
    const lines = [`const ${n} = ${this.vars.get(first)}.length;`];
    for (const name of rest) {
      const v = this.vars.get(name);
      lines.push(`if (${v}.length !== ${n}) f_lengths(${JSON.stringify(first)}, ${n}, ${JSON.stringify(name)}, ${v}.length);`);
    }
    return lines;
  }

  private constant(value: unknown): Value {
    if (typeof value === 'number') return scalar(value < 0 || Object.is(value, -0) ? `(${value})` : String(value));
    if (typeof value === 'boolean') return scalar(value ? '1' : '0');
    throw new CompileError(`unsupported constant ${JSON.stringify(value)} (only numbers)`);
  }

  private symbol(name: string, idx: string): Value {
    const shape = this.shapes[name];
    if (shape === undefined) {
      if (name in CONSTANTS) return scalar(name === 'Infinity' ? 'Infinity' : `Math.${name === 'pi' ? 'PI' : 'E'}`);
      throw new CompileError(`unknown symbol '${name}'`, name);
    }
    let v = this.vars.get(name);
    if (v === undefined) {
      v = `a${this.vars.size}`;
      this.vars.set(name, v);
      const key = JSON.stringify(name);
      this.loads.push(`const ${v} = s[${key}];`);
      if (this.guard) this.loads.push(`if (typeof ${v} ${shape === 'scalar' ? '===' : '!=='} 'object') return f_respecialise(s);`);
      this.loads.push(`if (${v} === undefined) f_missing(${key});`);
    }
    return shape === 'scalar' ? scalar(v) : { shape: 'vector', code: `${v}[${idx}]`, vecs: [name] };
  }

  /** Scalar operand of a vector operation: hoisted into a temporary unless trivial. */
  private hoist(v: Value): Value {
    if (v.shape === 'vector' || SIMPLE.test(v.code)) return v;
    const t = `t${this.counter++}`;
    this.pre.push(`const ${t} = ${v.code};`);
    return scalar(t);
  }

  private combine(args: Value[], code: (c: string[]) => string): Value {
    if (args.every((a) => a.shape === 'scalar')) return scalar(code(args.map((a) => a.code)));
    const hoisted = args.map((a) => this.hoist(a));
    const vecs = [...new Set(hoisted.flatMap((a) => a.vecs))];
    return { shape: 'vector', code: code(hoisted.map((a) => a.code)), vecs };
  }

  private operator(fn: string, op: string, argNodes: MathNode[], idx: string): Value {
    const args = argNodes.map((a) => this.gen(a, idx));
    const [a, b] = args;
    if (args.length === 1) {
      if (fn === 'unaryMinus') return this.combine(args, ([x]) => `(-${x})`);
      if (fn === 'unaryPlus') return this.combine(args, ([x]) => `(+${x})`);
      if (fn === 'not') return this.combine(args, ([x]) => `(${x} ? 0 : 1)`);
    } else if (args.length === 2) {
      if (fn === 'multiply' && a.shape === 'vector' && b.shape === 'vector') {
        throw new CompileError(`'*' between two vectors is a dot product in mathjs; use '.*' for the elementwise product`);
      }
      if (fn === 'divide' && b.shape === 'vector') {
        throw new CompileError(`'/' by a vector is a matrix division in mathjs; use './' for elementwise division`);
      }
      if (fn === 'pow' && (a.shape === 'vector' || b.shape === 'vector')) {
        throw new CompileError(`'^' on a vector is a matrix power in mathjs; use '.^' for the elementwise power`);
      }
      const sym = BINARY[fn];
      if (sym !== undefined) return this.combine(args, ([x, y]) => `(${x} ${sym} ${y})`);
      if (fn === 'pow' || fn === 'dotPow') return this.combine(args, ([x, y]) => `Math.pow(${x}, ${y})`);
      const cmp = COMPARE[fn];
      if (cmp !== undefined) return this.combine(args, ([x, y]) => `${cmp}(${x}, ${y})`);
      if (fn === 'and') return this.combine(args, ([x, y]) => `(${x} && ${y} ? 1 : 0)`);
      if (fn === 'or') return this.combine(args, ([x, y]) => `(${x} || ${y} ? 1 : 0)`);
      if (fn === 'xor') return this.combine(args, ([x, y]) => `(!${x} !== !${y} ? 1 : 0)`);
    }
    throw new CompileError(`unsupported operator '${op}' (${fn})`);
  }

  private call(fnNode: MathNode, argNodes: MathNode[], idx: string): Value {
    const name = (fnNode as MathNode & { name?: string }).name;
    if (fnNode.type !== 'SymbolNode' || name === undefined) throw new CompileError('unsupported syntax: call of a non-name');
    const spec = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
    if (spec === undefined) throw new CompileError(`unknown function '${name}'`, name);
    if (spec.kind === 'reduce') return this.reduce(name, spec, argNodes, idx);
    const [lo, hi] = spec.arity;
    if (argNodes.length < lo || argNodes.length > hi) {
      throw new CompileError(`${name} takes ${lo === hi ? lo : `${lo} or ${hi}`} argument${hi === 1 ? '' : 's'}, got ${argNodes.length}`, name);
    }
    const args = argNodes.map((a) => this.gen(a, idx));
    const refusal = args.some((a) => a.shape === 'vector') ? spec.vectorError?.(args.length) : undefined;
    if (refusal !== undefined) throw new CompileError(refusal, name);
    return this.combine(args, spec.code);
  }

  private reduce(name: string, spec: ReduceFunction, argNodes: MathNode[], idx: string): Value {
    if (argNodes.length === 0) throw new CompileError(`${name} needs an argument`, name);
    if (argNodes.length > 1) {
      const args = argNodes.map((a) => this.gen(a, idx));
      if (args.some((a) => a.shape === 'vector')) {
        throw new CompileError(`${name} of several arguments takes scalars only; pass one vector to reduce it`, name);
      }
      const acc = `r${this.counter++}`;
      const codes = args.map((a) => a.code);
      const steps = codes.slice(1).map((c) => spec.step(acc, c)).join(' ');
      this.pre.push(`let ${acc} = ${codes[0]}; ${steps}`);
      return scalar(spec.finish ? `(${spec.finish(acc, String(codes.length))})` : acc);
    }
    const j = `j${this.counter++}`;
    const arg = this.gen(argNodes[0], j);
    if (arg.shape === 'scalar') return arg;
    const acc = `r${this.counter++}`;
    const n = `n${this.counter++}`;
    this.pre.push(`let ${acc} = ${spec.init};`, ...this.lengthCheck(n, arg.vecs));
    this.pre.push(`for (let ${j} = 0; ${j} < ${n}; ${j}++) { ${spec.step(acc, arg.code)} }`);
    return scalar(spec.finish ? `(${spec.finish(acc, n)})` : acc);
  }

  private conditional(c: MathNode, t: MathNode, f: MathNode, idx: string): Value {
    const cond = this.gen(c, idx);
    if (cond.shape === 'vector') throw new CompileError('the condition of ?: must be a scalar');
    const a = this.gen(t, idx);
    const b = this.gen(f, idx);
    if (a.shape !== b.shape) throw new CompileError('the two branches of ?: must both be scalars or both vectors');
    return this.combine([cond, a, b], ([x, y, z]) => `(${x} ? ${y} : ${z})`);
  }

  private relational(conditionals: string[], params: MathNode[], idx: string): Value {
    const args = params.map((p) => this.gen(p, idx));
    if (args.some((a) => a.shape === 'vector')) throw new CompileError('a chained comparison (a < b < c) needs scalars');
    const codes = args.map((a, k) => (k === 0 || k === args.length - 1 ? a.code : this.hoist(a).code));
    const parts = conditionals.map((fn, k) => {
      const cmp = COMPARE[fn];
      if (cmp === undefined) throw new CompileError(`unsupported comparison ${fn}`);
      return `${cmp}(${codes[k]}, ${codes[k + 1]})`;
    });
    return scalar(`(${parts.join(' && ')} ? 1 : 0)`);
  }
}

function scalar(code: string): Value {
  return { shape: 'scalar', code, vecs: [] };
}

function describe(type: string): string {
  const names: Record<string, string> = {
    AssignmentNode: 'assignment', FunctionAssignmentNode: 'function definition', IndexNode: 'indexing',
    AccessorNode: 'indexing', ArrayNode: 'array literal', BlockNode: 'several statements',
    RangeNode: 'range', ObjectNode: 'object literal',
  };
  return names[type] ?? type;
}
