import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Claim } from './claim.ts';
import { checkNonEmptyDomain } from './domain.ts';
import { DefinitionError, DefinitionErrors, ErrorSink } from './errors.ts';
import { validateClaim } from './validateClaim.ts';
import { readYaml } from './yamlSource.ts';

export interface LoadResult {
  claims: Claim[];
  errors: DefinitionError[];
}

/**
 * Parses and validates one theorem file's text. Errors name `file`, the line and the field path.
 * `family` defaults to the name of the file's directory. A claim whose assumptions reject
 * (almost) every domain point is an error too (domain.ts, checkNonEmptyDomain).
 */
export function parseClaim(text: string, file: string, family = basename(dirname(file))): { claim?: Claim; errors: DefinitionError[] } {
  const src = readYaml(text, file);
  if (src.errors.length > 0) return { errors: src.errors };
  const sink = new ErrorSink(file, src.lines);
  try {
    const claim = validateClaim(src.value, sink, family, src.lines);
    if (claim === undefined) return { errors: sink.errors };
    const empty = checkNonEmptyDomain(claim);
    return empty === undefined ? { claim, errors: [] } : { errors: [empty] };
  } catch (e) {
    if (e instanceof DefinitionErrors) return { errors: [...sink.errors, ...e.errors] };
    const message = e instanceof Error ? e.message : String(e);
    return { errors: [...sink.errors, new DefinitionError(file, undefined, '', `could not be checked (internal error: ${message})`)] };
  }
}

/** Loads one theorem file; throws DefinitionErrors (all of the file's errors) if it is invalid. */
export function loadClaim(file: string): Claim {
  const { claims, errors } = loadFiles([resolve(file)], undefined);
  if (errors.length > 0) throw new DefinitionErrors(errors);
  return claims[0];
}

/**
 * Loads every `*.yaml` / `*.yml` file under `dir` (recursively, in path order). Collects all
 * definition errors instead of stopping: per file, plus ids repeated across files and a `family`
 * that contradicts the file's directory (theorems/<family>/...).
 */
export function loadTheorems(dir: string): LoadResult {
  const root = resolve(dir);
  let files: string[];
  try {
    if (!statSync(root).isDirectory()) return { claims: [], errors: [new DefinitionError(displayPath(root), undefined, '', 'not a directory')] };
    files = listYaml(root);
  } catch {
    return { claims: [], errors: [new DefinitionError(displayPath(root), undefined, '', 'no such directory')] };
  }
  return loadFiles(files, root);
}

function loadFiles(files: string[], root: string | undefined): LoadResult {
  const claims: Claim[] = [];
  const errors: DefinitionError[] = [];
  const seen = new Map<string, Claim>();
  for (const abs of files) {
    const file = displayPath(abs);
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (e) {
      errors.push(new DefinitionError(file, undefined, '', `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`));
      continue;
    }
    const dirFamily = root !== undefined && dirname(abs) !== root ? relative(root, abs).split(sep)[0] : basename(dirname(abs));
    const result = parseClaim(text, file, dirFamily);
    errors.push(...result.errors);
    const claim = result.claim;
    if (claim === undefined) continue;
    const first = seen.get(claim.id);
    if (first !== undefined) {
      errors.push(new DefinitionError(file, claim.origin.lines.id, 'id', `duplicate id '${claim.id}' (also in ${first.origin.file}:${first.origin.lines.id})`));
      continue;
    }
    if (root !== undefined && dirname(abs) !== root && claim.family !== dirFamily) {
      errors.push(new DefinitionError(file, claim.origin.lines.family, 'family', `'${claim.family}' contradicts the directory '${dirFamily}' (omit family to use the directory)`));
      continue;
    }
    seen.set(claim.id, claim);
    claims.push(claim);
  }
  return { claims, errors };
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYaml(p));
    else if (/\.ya?ml$/.test(entry.name)) out.push(p);
  }
  return out;
}

/** A path relative to the working directory when it lies below it, else absolute. */
function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel === '' || rel.startsWith('..') ? abs : rel;
}
