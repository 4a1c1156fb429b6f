import { CLAIM_KEYS, ID_PATTERN, PROVENANCES } from './claim.ts';
import type { Check, Claim, Source } from './claim.ts';
import { boundSymbols, CHECK_SPECS } from './checkSpecs.ts';
import { childPath } from './errors.ts';
import type { ErrorSink } from './errors.ts';
import { describeValue, ExpressionChecker } from './expressionChecker.ts';
import type { Shape } from './generateCode.ts';
import { validateChecks } from './validateChecks.ts';
import { isRecord, symbolNameProblem, validateDomain } from './validateDomain.ts';

export { ID_PATTERN } from './claim.ts';

/**
 * Validates the plain value of a theorem file into a Claim, reporting every problem found to
 * `sink` (it does not stop at the first). Returns undefined when there was any error.
 * `family` is the default for a file that does not name its family (its directory).
 */
export function validateClaim(raw: unknown, sink: ErrorSink, family: string, lines: ReadonlyMap<string, number>): Claim | undefined {
  if (!isRecord(raw)) {
    sink.add('', `a theorem file is a YAML mapping (id, title, statement, source, symbols, domain, checks, ...), got ${describeValue(raw)}`);
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!(CLAIM_KEYS as readonly string[]).includes(key)) sink.add(key, `unknown field '${key}' (allowed: ${CLAIM_KEYS.join(', ')})`);
  }
  const str = (path: string, v: unknown, optional = false): string | undefined => {
    if (v === undefined && optional) return undefined;
    if (typeof v === 'string' && v.trim() !== '') return v;
    sink.add(path, v === undefined ? 'missing' : `expected a non-empty string, got ${describeValue(v)}`);
    return undefined;
  };
  const id = str('id', raw.id);
  if (id !== undefined && !ID_PATTERN.test(id)) {
    sink.add('id', `'${id}' is not a valid id: dot-separated lowercase segments (a-z, 0-9, '-'), at least two, e.g. signsgd.a5.stationary-loss`);
  }
  const fam = str('family', raw.family, true) ?? family;
  const title = str('title', raw.title);
  const statement = str('statement', raw.statement);
  const source = readSource(raw.source, sink, str);
  const symbols = readStringMap('symbols', raw.symbols, sink, false);

  const { domain, shapes } = validateDomain(raw.domain, sink);
  const bindable = bindableSymbols(raw.checks);
  const ex = new ExpressionChecker(sink, shapes, bindable);
  const reserved = (name: string, kind: 'let' | 'expressions'): string | undefined =>
    (kind === 'let' ? symbolNameProblem(name) : expressionNameProblem(name)) ??
    (name in shapes ? `'${name}' is already a domain symbol` : undefined) ??
    (name in bindable ? `'${name}' is a symbol a check of this claim binds` : undefined);

  const lets = readStringMap('let', raw.let, sink, true);
  for (const [name, text] of Object.entries(lets)) {
    const problem = reserved(name, 'let');
    if (problem !== undefined) sink.add(childPath('let', name), problem);
    else ex.addLet(name, text, childPath('let', name));
  }
  const expressions = readStringMap('expressions', raw.expressions, sink, true);
  const named: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(expressions)) {
    const problem = reserved(name, 'expressions') ?? (name in lets ? `'${name}' is already a let` : undefined);
    if (problem !== undefined) sink.add(childPath('expressions', name), problem);
    else named[name] = text;
  }
  ex.addExpressions(named, (name) => childPath('expressions', name));

  const assume: string[] = [];
  if (raw.assume !== undefined && raw.assume !== null) {
    if (!Array.isArray(raw.assume)) sink.add('assume', `expected a list of conditions, got ${describeValue(raw.assume)}`);
    else raw.assume.forEach((a, i) => {
      if (ex.check(childPath('assume', i), a, {}, 'scalar') !== undefined) assume.push(String(a));
    });
  }
  const checks = validateChecks(raw.checks, sink, ex, shapes);
  let regime: string | undefined;
  if (raw.regime !== undefined && raw.regime !== null) {
    if (ex.check('regime', raw.regime, {}, 'scalar') !== undefined) regime = String(raw.regime);
  }

  const known = (sym: string) => sym in shapes || sym in lets || sym in bindable;
  const needed = new Set([...Object.keys(shapes), ...Object.keys(lets), ...[...ex.used].filter(known)]);
  const undescribed = [...needed].filter((s) => !(s in symbols) && !(s in named) && !['pi', 'e', 'Infinity'].includes(s));
  if (raw.symbols !== undefined && undescribed.length > 0) {
    sink.add('symbols', `every symbol used must be described here; missing: ${undescribed.join(', ')}`);
  }
  if (sink.errors.length > 0) return undefined;
  return {
    id: id!, family: fam, title: title!, statement: statement!, source: source!, symbols: stringify(symbols), domain,
    let: stringify(lets), assume, expressions: stringify(named), checks,
    ...(regime !== undefined ? { regime } : {}),
    origin: { file: sink.file, lines: Object.fromEntries(lines) },
  };
}

type StrReader = (path: string, v: unknown, optional?: boolean) => string | undefined;

function readSource(raw: unknown, sink: ErrorSink, str: StrReader): Source | undefined {
  if (!isRecord(raw)) {
    sink.add('source', raw === undefined ? 'missing (claim, ref, provenance)' : `expected a mapping with claim, ref, provenance, got ${describeValue(raw)}`);
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!['claim', 'ref', 'provenance', 'note'].includes(key)) sink.add(childPath('source', key), `unknown field '${key}' (allowed: claim, ref, provenance, note)`);
  }
  const claim = str('source.claim', raw.claim);
  const ref = str('source.ref', raw.ref);
  const note = str('source.note', raw.note, true);
  const p = raw.provenance;
  if (typeof p !== 'string' || !(PROVENANCES as readonly string[]).includes(p)) {
    sink.add('source.provenance', `${p === undefined ? 'missing' : `unknown provenance ${describeValue(p)}`}; one of ${PROVENANCES.join(', ')}`);
    return undefined;
  }
  if (claim === undefined || ref === undefined) return undefined;
  return { claim, ref, provenance: p as Source['provenance'], ...(note === undefined ? {} : { note }) };
}

/** A mapping name → string (numbers allowed and kept as text); `optional` allows it to be absent or empty. */
function readStringMap(path: string, raw: unknown, sink: ErrorSink, optional: boolean): Record<string, unknown> {
  if (raw === undefined || raw === null) {
    if (!optional) sink.add(path, 'missing');
    return {};
  }
  if (!isRecord(raw)) {
    sink.add(path, `expected a mapping, got ${describeValue(raw)}`);
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if ((typeof v === 'string' && v.trim() !== '') || typeof v === 'number') out[k] = v;
    else sink.add(childPath(path, k), `expected ${path === 'symbols' ? 'a description' : 'an expression'} (a string), got ${describeValue(v)}`);
  }
  return out;
}

function stringify(m: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, String(v)]));
}

/** Symbols some check of the claim binds in some field (state symbols, lyapunov state names, expansion/limit variables). */
function bindableSymbols(checks: unknown): Record<string, Shape> {
  const out: Record<string, Shape> = {};
  if (!Array.isArray(checks)) return out;
  for (const c of checks) {
    if (!isRecord(c) || typeof c.kind !== 'string' || !Object.hasOwn(CHECK_SPECS, c.kind)) continue;
    for (const field of Object.keys(CHECK_SPECS[c.kind as Check['kind']].fields)) Object.assign(out, boundSymbols(c as unknown as Check, field));
  }
  return out;
}

/** Names of `expressions` entries follow the symbol rules, except that a function name (e.g. mean) is allowed: a name is never called. */
function expressionNameProblem(name: string): string | undefined {
  const problem = symbolNameProblem(name);
  return problem?.endsWith('is the name of a function') ? undefined : problem;
}
