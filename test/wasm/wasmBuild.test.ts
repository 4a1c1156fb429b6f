import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assembleWat } from '../../scripts/assembleWat.ts';
import { generatedModuleText } from '../../scripts/buildWasm.ts';

const WASM_DIR = join(import.meta.dirname, '..', '..', 'src', 'wasm');

describe('committed WebAssembly binaries', () => {
  const sources = readdirSync(WASM_DIR).filter((f) => f.endsWith('.wat'));

  it('exist for every .wat source', () => {
    assert.ok(sources.length > 0);
  });

  for (const file of sources) {
    it(`${file}: the committed .wasm.ts is the assembly of the source (else run npm run build:wasm)`, async () => {
      const bytes = await assembleWat(file, readFileSync(join(WASM_DIR, file), 'utf8'), WASM_DIR);
      const committed = readFileSync(join(WASM_DIR, file.replace(/\.wat$/, '.wasm.ts')), 'utf8');
      assert.equal(committed, generatedModuleText(file, Buffer.from(bytes).toString('base64')));
    });
  }
});
