import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../src/cli/main.ts';

test('the CLI entry point returns an exit code', async () => {
  assert.equal(typeof (await main(['list'])), 'number');
});
