import wabtInit from 'wabt';

/** WebAssembly text → binary with wabt (a devDependency: only the build and its test need it). */
export async function assembleWat(fileName: string, source: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat(fileName, source);
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}
