import type { Check, Claim, DomainEntry } from '../theory/claim.ts';
import { boundSymbols, CHECK_SPECS } from '../theory/checkSpecs.ts';
import { formatTable } from './table.ts';

const SETUP = ['optimizer', 'sde', 'problem', 'noise'];

/** The human-readable description of a claim printed by `sdelens explain`. */
export function formatClaim(claim: Claim): string[] {
  const lines: string[] = [`${claim.id}: ${claim.title}`, `file: ${claim.origin.file}`];
  const section = (title: string, body: string[]) => {
    if (body.length === 0) return;
    lines.push('', title, ...body.map((l) => `  ${l}`));
  };
  section('Statement', claim.statement.trimEnd().split('\n'));
  const s = claim.source;
  section('Source', [`CLAIMS ${s.claim}, ${s.ref} (provenance: ${s.provenance})`, ...(s.note ? wrap(`note: ${s.note}`, 96) : [])]);
  section('Symbols', formatTable(Object.entries(claim.symbols)));
  section('Domain', formatTable(Object.entries(claim.domain).map(([name, e]) => [name, describeEntry(e)])));
  section('Lets', Object.entries(claim.let).map(([name, text]) => `${name} = ${text}`));
  section('Assumptions', claim.assume);
  section('Expressions', Object.entries(claim.expressions).map(([name, text]) => `${name} = ${text}`));
  lines.push('', 'Checks');
  claim.checks.forEach((check, i) => {
    lines.push(`  [${i}] ${check.kind}${setupText(check)}`);
    for (const line of formatCheckFields(claim, check)) lines.push(`      ${line}`);
  });
  return lines;
}

export function describeEntry(e: DomainEntry): string {
  let dist = '';
  if (e.value !== undefined) dist = `value ${e.value}`;
  else if (e.uniform !== undefined) dist = `uniform [${e.uniform.join(', ')}]`;
  else if (e.logUniform !== undefined) dist = `logUniform [${e.logUniform.join(', ')}]`;
  else if (e.int !== undefined) dist = `int [${e.int.join(', ')}]`;
  else if (e.oneOf !== undefined) dist = `oneOf [${e.oneOf.join(', ')}]`;
  return e.vector === undefined ? dist : `vector of length ${e.vector}, each ${dist}`;
}

function setupText(check: Check): string {
  const c = check as unknown as Record<string, unknown>;
  const parts = SETUP.filter((k) => c[k] !== undefined).map((k) => `${k} ${String(c[k])}`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

function formatCheckFields(claim: Claim, check: Check): string[] {
  const c = check as unknown as Record<string, unknown>;
  const out: string[] = [];
  const named = (text: string) =>
    Object.hasOwn(claim.expressions, text) ? `${text} = ${claim.expressions[text]}`
    : Object.hasOwn(claim.let, text) ? `${text} = ${claim.let[text]}` : text;
  const bound = new Set<string>();
  for (const [field, spec] of Object.entries(CHECK_SPECS[check.kind].fields)) {
    if (SETUP.includes(field)) continue;
    for (const s of Object.keys(boundSymbols(check, field))) if (!(s in claim.domain)) bound.add(s);
    const v = c[field];
    if (v === undefined) continue;
    const t = spec.field.type;
    if (t === 'expression') out.push(`${field}: ${named(String(v))}`);
    else if (t === 'tolerance') out.push(`${field}: ${Object.entries(v as Record<string, string>).map(([k, x]) => `${k} ${x}`).join(', ')}`);
    else if (Array.isArray(v)) out.push(`${field}: ${v.map((x) => (t === 'expressions' ? named(String(x)) : String(x))).join(t === 'expressions' ? ' ; ' : ', ')}`);
    else if (typeof v === 'object' && v !== null) {
      out.push(`${field}:`);
      for (const [k, x] of Object.entries(v as Record<string, string>)) out.push(`  ${k} → ${named(x)}`);
    } else out.push(`${field}: ${String(v)}`);
  }
  if (bound.size > 0) out.push(`binds: ${[...bound].join(', ')}`);
  return out;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
