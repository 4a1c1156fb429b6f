import wabtInit from 'wabt';

/** WebAssembly text → binary with wabt (a devDependency: only the build and its test need it). */
export async function assembleWat(fileName: string, source: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  let module: ReturnType<typeof wabt.parseWat>;
  try {
    module = wabt.parseWat(fileName, source);
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
