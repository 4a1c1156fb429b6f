import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CHECK_SPECS } from '../../src/theory/checkSpecs.ts';
import {
  CLAIM_KEYS, DISTRIBUTION_KEYS, ID_PATTERN, NOISE_NAMES, OPTIMIZER_NAMES, PROBLEM_NAMES, PROVENANCES, QUANTITIES, SDE_NAMES,
} from '../../src/theory/claim.ts';
import { BASE, tweak } from './fixtures.ts';
import { validate } from './miniSchema.ts';

type Json = Record<string, any>;
const schema = JSON.parse(readFileSync(new URL('../../schema/theorem.schema.json', import.meta.url), 'utf8')) as Json;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []);
}

describe('schema/theorem.schema.json', () => {
  it('accepts every theorem file in theorems/', () => {
    const files = yamlFiles(new URL('../../theorems', import.meta.url).pathname);
    assert.ok(files.length > 0);
    for (const file of files) assert.deepEqual(validate(schema, parse(readFileSync(file, 'utf8'))), [], file);
  });

  it('accepts the base fixture and rejects broken shapes', () => {
    assert.deepEqual(validate(schema, parse(BASE)), []);
    const broken = [
      tweak(BASE, 'kind: stationary', 'kind: stationery'),
      tweak(BASE, '{ int: [1, 6] }', '{ int: [1, 6], value: 2 }'),
      tweak(BASE, '    expected: loss\n', ''),
      tweak(BASE, 'provenance: reconstructed', 'provenance: guessed'),
      tweak(BASE, 'optimizer: signsgd', 'optimiser: signsgd'),
      tweak(BASE, 'id: test.a5.base', 'id: Test'),
    ];
    for (const text of broken) assert.notDeepEqual(validate(schema, parse(text)), [], text);
  });

  it('lists the enumerations of claim.ts', () => {
    assert.deepEqual(schema.$defs.source.properties.provenance.enum, [...PROVENANCES]);
    assert.deepEqual(Object.keys(schema.properties), [...CLAIM_KEYS]);
    assert.equal(schema.properties.id.pattern, ID_PATTERN.source);
    assert.deepEqual(schema.$defs.domainEntry.oneOf.map((o: Json) => o.required[0]), [...DISTRIBUTION_KEYS]);
    const stationary = schema.$defs['check-stationary'].properties;
    assert.deepEqual(stationary.optimizer.enum, [...OPTIMIZER_NAMES]);
    assert.deepEqual(stationary.sde.enum, [...SDE_NAMES]);
    assert.deepEqual(stationary.problem.enum, [...PROBLEM_NAMES]);
    assert.deepEqual(stationary.noise.enum, [...NOISE_NAMES]);
    assert.deepEqual(stationary.quantity.enum, [...QUANTITIES]);
  });

  it('describes each check kind with the fields of CHECK_SPECS', () => {
    assert.deepEqual(schema.$defs.check.properties.kind.enum, Object.keys(CHECK_SPECS));
    for (const [kind, spec] of Object.entries(CHECK_SPECS)) {
      const def = schema.$defs[`check-${kind}`];
      assert.ok(def, kind);
      assert.deepEqual(Object.keys(def.properties), ['kind', ...Object.keys(spec.fields)], kind);
      const required = Object.entries(spec.fields).filter(([, f]) => !f.optional).map(([k]) => k);
      assert.deepEqual(def.required.filter((k: string) => k !== 'kind' && required.includes(k)), required, kind);
      for (const [name, f] of Object.entries(spec.fields)) {
        if (f.field.type === 'enum') assert.deepEqual(def.properties[name].enum, [...f.field.values], `${kind}.${name}`);
      }
    }
  });
});
