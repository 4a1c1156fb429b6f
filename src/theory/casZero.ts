/**
 * The CAS zero test (see cas.ts for the steps): rationalize, exact witnesses, simplify.
 *
 * Witness guards: Algebrite 1.4.0 mis-evaluates large exact powers (1/(1 − (96/100)^552) gives
 * "divide by zero"), so witnesses use 3 significant digits, no symbol above 12 inside an exponent,
 * outputs of at most 80 characters and WITNESS_STEP_LIMIT evaluation steps each (the slowest witness
 * of a quick run took 4,203).
 */
import { exactRational } from './casTranslate.ts';
import { buildScript, clip, evaluateScript, validate, type BuiltScript, type CasOptions, type CasScriptContext, type CasVerdict } from './casScript.ts';

const RATIONAL = /^-?\d+(\/\d+)?$/;
const WITNESS_DIGITS = 3;
const WITNESS_MAX_EXPONENT = 12;
const WITNESS_MAX_CHARS = 80;
const WITNESS_STEP_LIMIT = 100_000;

/** Is the expression produced by `build` identically zero? (Steps: cas.ts module comment.) */
export function casZeroTest(build: (ctx: CasScriptContext) => string, options: CasOptions = {}): CasVerdict {
  const built = buildScript(build, options);
  if (!('script' in built)) return built;
  let last = '';
  let timedOut = false;
  const attempt = (wrap: string): boolean => {
    const r = evaluateScript(wrap, built, options);
    const name = wrap.replace('(X)', '');
    last = r.ok ? `${name} leaves ${clip(r.expr)}` : r.detail;
    timedOut = !r.ok && /steps|timeout|budget/.test(r.detail);
    return r.ok && r.algebrite === '0';
  };
  if (attempt('rationalize(X)')) return { status: 'zero', detail: 'rationalize gives 0' };
  const rationalizeTimedOut = timedOut;
  for (const point of options.witnesses ?? []) {
    const witness = exactWitness(built, point, options);
    if (witness !== null) return { status: 'nonzero', detail: `${last}; exactly ${witness}` };
  }
  if (options.fastOnly) return { status: 'undecided', detail: `${last} (fast steps only)` };
  // Where rationalize ran out of steps, simplify (which rationalizes internally) does too.
  if (rationalizeTimedOut) return { status: 'undecided', detail: `${last} (simplify not tried)` };
  if (attempt('simplify(X)')) return { status: 'zero', detail: 'simplify gives 0' };
  return { status: 'undecided', detail: last };
}

function exactWitness(built: BuiltScript, point: Readonly<Record<string, number>>, options: CasOptions): string | null {
  let script = built.script;
  const at: string[] = [];
  const inExponents = exponentText(built.script);
  for (const [name, safe] of built.table.entries()) {
    const value = point[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) return null;
    const rounded = Number(value.toPrecision(WITNESS_DIGITS));
    if (Math.abs(rounded) > WITNESS_MAX_EXPONENT && new RegExp(`\\b${safe}\\b`).test(inExponents)) return null;
    script = `subst(${exactRational(rounded)},${safe},${script})`;
    at.push(`${name} = ${rounded}`);
  }
  const stepLimit = Math.min(validate(options).stepLimit, WITNESS_STEP_LIMIT);
  const r = evaluateScript('X', { script, table: built.table }, { ...options, stepLimit });
  if (!r.ok || r.algebrite.length > WITNESS_MAX_CHARS || !RATIONAL.test(r.algebrite) || r.algebrite === '0') return null;
  return `${r.algebrite} at ${at.join(', ')}`;
}

/** The text of every exponent group `^(…)` of an Algebrite script, concatenated. */
function exponentText(script: string): string {
  let out = '';
  for (let i = script.indexOf('^('); i >= 0; i = script.indexOf('^(', i + 1)) {
    let depth = 0;
    let j = i + 1;
    for (; j < script.length; j++) {
      if (script[j] === '(') depth++;
      else if (script[j] === ')' && --depth === 0) break;
    }
    out += `${script.slice(i + 1, j + 1)} `;
  }
  return out;
}

