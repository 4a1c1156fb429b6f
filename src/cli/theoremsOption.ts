import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CALIBRATION_FILE } from '../check/calibrationRecord.ts';
import { fileURLToPath } from 'node:url';
import type { OptionSpec } from './args.ts';
import type { Io } from './io.ts';
import { DefinitionErrors } from '../theory/errors.ts';
import type { DefinitionError } from '../theory/errors.ts';
import { loadClaim, loadTheorems } from '../theory/loader.ts';
import type { LoadResult } from '../theory/loader.ts';

/** The theorem files shipped with the package. */
export const DEFAULT_THEOREMS = fileURLToPath(new URL('../../theorems/', import.meta.url));

export const THEOREMS_OPTION: OptionSpec = {
  name: 'theorems',
  type: 'string',
  value: 'DIR',
  description: "theorem directory (or one theorem file); default: the package's theorems/",
};

/** Whether the theorems option names one file (false for a directory, and for a missing path: loadTheorems reports that). */
function isFile(target: string): boolean {
  try {
    return statSync(target).isFile();
  } catch {
    return false;
  }
}

/** Loads the claims of a directory (recursively) or of a single file. */
export function loadClaims(path: string | undefined): LoadResult {
  const target = path ?? DEFAULT_THEOREMS;
  if (!isFile(target)) return loadTheorems(target);
  try {
    return { claims: [loadClaim(target)], errors: [] };
  } catch (e) {
    if (e instanceof DefinitionErrors) return { claims: [], errors: [...e.errors] };
    throw e;
  }
}

/**
 * Where the calibration record of the theorems option lives (its directory, or a file's own
 * directory): `absolute` to read it, `shown` as the report writes it (relative to the option, so
 * reports compare across checkouts).
 */
export function calibrationRecordPath(path: string | undefined): { absolute: string; shown: string } {
  const target = path ?? DEFAULT_THEOREMS;
  const file = isFile(target);
  const shownDir = path === undefined ? 'theorems' : file ? dirname(path) : path;
  return { absolute: join(file ? dirname(target) : target, CALIBRATION_FILE), shown: join(shownDir, CALIBRATION_FILE) };
}

/** Prints every definition error (file:line: field: message) and a count. */
export function printDefinitionErrors(errors: readonly DefinitionError[], io: Io): void {
  for (const e of errors) io.err(e.message);
  io.err(`${errors.length} definition error${errors.length === 1 ? '' : 's'}`);
}
