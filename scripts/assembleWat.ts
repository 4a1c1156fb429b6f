import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import wabtInit from 'wabt';

const INCLUDE = /^(\s*);;#include (\S+)\s*$/;

/**
 * Replaces each line `;;#include F` by the lines of file F in `dir`, indented like the directive
 * (one level: an included file may not include another).
 */
export function expandIncludes(source: string, dir: string): string {
  return source
    .split('\n')
    .flatMap((line) => {
      const match = INCLUDE.exec(line);
      if (match === null) return [line];
      const [, indent, file] = match;
      return readFileSync(join(dir, file), 'utf8').trimEnd().split('\n').map((l) => (l === '' ? l : indent + l));
    })
    .join('\n');
}

/**
 * WebAssembly text (after expandIncludes) → binary with wabt (a devDependency: only the build and
 * its test need it).
 */
export async function assembleWat(fileName: string, source: string, dir: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  let module: ReturnType<typeof wabt.parseWat>;
  try {
    module = wabt.parseWat(fileName, expandIncludes(source, dir));
  } catch (error) {
    // wabt's message carries the file:line:column diagnostics; its stack is minified library code.
    throw new Error(error instanceof Error ? error.message : String(error));
  }
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}
