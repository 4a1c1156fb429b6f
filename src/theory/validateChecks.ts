import type { MathNode } from 'mathjs';
import type { Check } from './claim.ts';
import { CHECK_SPECS, boundSymbols } from './checkSpecs.ts';
import type { CheckSpec, FieldType } from './checkSpecs.ts';
import { parseExpression } from './compile.ts';
import { childPath } from './errors.ts';
import type { ErrorSink } from './errors.ts';
import { describeValue } from './expressionChecker.ts';
import type { ExpressionChecker } from './expressionChecker.ts';
import { isRecord, readNumber, symbolNameProblem } from './validateDomain.ts';
import type { Shape } from './generateCode.ts';

const KINDS = Object.keys(CHECK_SPECS);

/**
 * Validates `checks` against CHECK_SPECS: a non-empty list, each with a known kind, its required
 * fields present, no unknown fields, each field of the right type, every expression valid for the
 * symbols the check binds. Returns the valid checks (numbers normalised, expressions as strings).
 */
export function validateChecks(raw: unknown, sink: ErrorSink, ex: ExpressionChecker, domainShapes: Readonly<Record<string, Shape>>): Check[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    sink.add('checks', raw === undefined ? 'missing: every claim needs at least one check' : `expected a non-empty list of checks, got ${describeValue(raw)}`);
    return [];
  }
  const checks: Check[] = [];
  raw.forEach((c, i) => {
    const check = validateCheck(c, childPath('checks', i), sink, ex, domainShapes);
    if (check !== undefined) checks.push(check);
  });
  return checks;
}

function validateCheck(raw: unknown, path: string, sink: ErrorSink, ex: ExpressionChecker, domainShapes: Readonly<Record<string, Shape>>): Check | undefined {
  if (!isRecord(raw)) {
    sink.add(path, `expected a mapping with a kind, got ${describeValue(raw)}`);
    return undefined;
  }
  const kind = raw.kind;
  if (typeof kind !== 'string' || !KINDS.includes(kind)) {
    sink.add(childPath(path, 'kind'), kind === undefined ? `missing (known kinds: ${KINDS.join(', ')})` : `unknown check kind ${describeValue(kind)} (known: ${KINDS.join(', ')})`);
    return undefined;
  }
  const spec: CheckSpec = CHECK_SPECS[kind as Check['kind']];
  const before = sink.errors.length;
  const out: Record<string, unknown> = { kind };
  const allowed = ['kind', ...Object.keys(spec.fields)];
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) sink.add(childPath(path, key), `unknown field '${key}' for a ${kind} check (allowed: ${allowed.join(', ')})`);
  }
  const required = Object.entries(spec.fields).filter(([, f]) => !f.optional).map(([k]) => k);
  for (const [name, f] of Object.entries(spec.fields)) {
    const p = childPath(path, name);
    const v = raw[name];
    if (v === undefined || v === null) {
      if (!f.optional) sink.add(p, `missing (a ${kind} check needs ${required.join(', ')})`);
      continue;
    }
    const bound = boundSymbols(raw as unknown as Check, name);
    const value = readField(f.field, v, p, { sink, ex, raw, bound, domainShapes });
    if (value !== undefined) out[name] = value;
  }
  const engines = spec.engines;
  const has = (k: string) => raw[k] !== undefined;
  if (engines === 'optimizer' && !has('optimizer')) sink.add(path, `a ${kind} check needs an optimizer`);
  if (engines === 'both' && !(has('optimizer') && has('sde'))) sink.add(path, `a ${kind} check needs both an optimizer and an sde`);
  if (engines === 'either' && !has('optimizer') && !has('sde')) sink.add(path, `a ${kind} check needs an optimizer or an sde to simulate`);
  return sink.errors.length === before ? (out as unknown as Check) : undefined;
}

interface FieldContext {
  sink: ErrorSink;
  ex: ExpressionChecker;
  raw: Record<string, unknown>;
  bound: Record<string, Shape>;
  domainShapes: Readonly<Record<string, Shape>>;
}

function readField(t: FieldType, v: unknown, p: string, ctx: FieldContext): unknown {
  const { sink, ex } = ctx;
  const bad = (what: string) => {
    sink.add(p, `expected ${what}, got ${describeValue(v)}`);
    return undefined;
  };
  switch (t.type) {
    case 'expression':
      return ex.check(p, v, ctx.bound) === undefined ? undefined : String(v);
    case 'expressions': {
      if (!Array.isArray(v)) return bad('a list of expressions');
      const other = t.sameLengthAs === undefined ? undefined : ctx.raw[t.sameLengthAs];
      if (Array.isArray(other) && other.length !== v.length) {
        sink.add(p, `has ${v.length} entries but ${t.sameLengthAs} has ${other.length}`);
        return undefined;
      }
      const ok = v.map((e, i) => ex.check(childPath(p, i), e, ctx.bound) !== undefined);
      return ok.every(Boolean) ? v.map(String) : undefined;
    }
    case 'substitution':
    case 'moments': {
      if (!isRecord(v) || Object.keys(v).length === 0) return bad(t.type === 'moments' ? 'a mapping monomial → expression' : 'a mapping symbol → expression');
      let ok = true;
      for (const [key, e] of Object.entries(v)) {
        const kp = childPath(p, key);
        const keyProblem = t.type === 'moments' ? monomialProblem(key, ctx.raw.state) : substitutionKeyProblem(key, ctx.domainShapes, ex);
        if (keyProblem !== undefined) {
          sink.add(kp, keyProblem);
          ok = false;
        }
        if (ex.check(kp, e, {}) === undefined) ok = false;
      }
      return ok ? Object.fromEntries(Object.entries(v).map(([k, e]) => [k, String(e)])) : undefined;
    }
    case 'symbol': {
      if (typeof v !== 'string') return bad('a symbol name');
      const problem = symbolNameProblem(v);
      if (problem !== undefined) return bad(`a symbol name (${problem})`);
      if (p.endsWith('.vary') && !(v in ctx.domainShapes)) {
        sink.add(p, `'${v}' must be a domain symbol (declared: ${Object.keys(ctx.domainShapes).join(', ')})`);
        return undefined;
      }
      ex.used.add(v);
      return v;
    }
    case 'symbols': {
      if (!Array.isArray(v) || v.length === 0) return bad('a non-empty list of symbol names');
      const problems = v.map((s) => (typeof s === 'string' ? symbolNameProblem(s) : 'not a string'));
      const i = problems.findIndex((x) => x !== undefined);
      if (i >= 0) return void sink.add(childPath(p, i), `expected a symbol name: ${problems[i]}`);
      const clash = v.find((s: string) => s in ctx.domainShapes);
      if (clash !== undefined) return void sink.add(p, `state variable '${clash}' is also a domain symbol`);
      if (new Set(v).size !== v.length) return void sink.add(p, 'state variables must be distinct');
      return [...v];
    }
    case 'number': {
      const x = readNumber(v, t.extended ?? false);
      return x === undefined ? bad(t.extended ? 'a number (or Infinity)' : 'a finite number') : x;
    }
    case 'order':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : bad('a non-negative integer');
    case 'positive':
      return typeof v === 'number' && v > 0 && Number.isFinite(v) ? v : bad('a positive number');
    case 'positives': {
      const ok = Array.isArray(v) && v.length >= t.min && v.every((x) => typeof x === 'number' && x > 0 && Number.isFinite(x));
      return ok ? [...(v as number[])] : bad(`a list of at least ${t.min} positive number${t.min === 1 ? '' : 's'}`);
    }
    case 'tolerance': {
      if (!isRecord(v) || (v.rel === undefined && v.abs === undefined)) return bad('a mapping with rel and/or abs, e.g. { rel: "0.05" }');
      const out: Record<string, string> = {};
      let ok = true;
      for (const [key, e] of Object.entries(v)) {
        const kp = childPath(p, key);
        if (key !== 'rel' && key !== 'abs') {
          sink.add(kp, `unknown key '${key}' (allowed: rel, abs)`);
          ok = false;
        } else if (ex.check(kp, e, ctx.bound) === undefined) ok = false;
        else out[key] = String(e);
      }
      return ok ? out : undefined;
    }
    case 'enum':
      return typeof v === 'string' && t.values.includes(v) ? v : bad(`one of ${t.values.join(', ')}`);
  }
}

function substitutionKeyProblem(key: string, domainShapes: Readonly<Record<string, Shape>>, ex: ExpressionChecker): string | undefined {
  if (key in domainShapes || ex.isDefinition(key)) {
    ex.used.add(key);
    return undefined;
  }
  return `substitutes for '${key}', which is not declared (declared: ${ex.declared()})`;
}

/** A moment key is a product of one or two state variables ("x", "x^2", "x*m"). */
function monomialProblem(key: string, state: unknown): string | undefined {
  const vars = Array.isArray(state) ? state.filter((s): s is string => typeof s === 'string') : [];
  let node: MathNode;
  try {
    node = parseExpression(key);
  } catch {
    return `cannot parse the monomial '${key}'`;
  }
  const degree = monomialDegree(node, vars);
  if (degree === undefined || degree < 1 || degree > 2) {
    return `'${key}' is not a monomial of degree 1 or 2 in the state variables (${vars.join(', ')}), e.g. "x", "x^2", "x*m"`;
  }
  return undefined;
}

function monomialDegree(node: MathNode, vars: readonly string[]): number | undefined {
  const n = node as MathNode & { name?: string; fn?: string; args?: MathNode[]; content?: MathNode; value?: unknown };
  if (n.type === 'ParenthesisNode') return monomialDegree(n.content!, vars);
  if (n.type === 'SymbolNode') return vars.includes(n.name!) ? 1 : undefined;
  if (n.type !== 'OperatorNode' || n.args?.length !== 2) return undefined;
  const [a, b] = n.args;
  if (n.fn === 'multiply' || n.fn === 'dotMultiply') {
    const da = monomialDegree(a, vars);
    const db = monomialDegree(b, vars);
    return da === undefined || db === undefined ? undefined : da + db;
  }
  if ((n.fn === 'pow' || n.fn === 'dotPow') && b.type === 'ConstantNode') {
    const e = (b as MathNode & { value: unknown }).value;
    const da = monomialDegree(a, vars);
    return da === undefined || typeof e !== 'number' || !Number.isInteger(e) ? undefined : da * e;
  }
  return undefined;
}
