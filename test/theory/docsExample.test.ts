import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseClaim } from '../../src/theory/loader.ts';

it('the annotated example of docs/theorem-format.md is a valid theorem file', () => {
  const doc = readFileSync(new URL('../../docs/theorem-format.md', import.meta.url), 'utf8');
  const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(example !== undefined);
  const { claim, errors } = parseClaim(example, 'docs/theorem-format.md', 'signsgd');
  assert.deepEqual(errors.map((e) => e.message), []);
  assert.deepEqual(claim?.checks.map((c) => c.kind), ['identity', 'stationary']);
});
