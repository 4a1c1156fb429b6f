import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import type { Report } from '../../src/report/report.ts';

const FIXTURES = new URL('../fixtures/quality/', import.meta.url).pathname;
const quiet = { out: () => {}, err: () => {} };

describe('mutation survivors are explained', () => {
  it('tells a tighter bound that still holds (a true claim) from one within the noise', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sdelens-survivors-'));
    assert.equal(await main(['check', '--theorems', FIXTURES, '--only', 'quality.sgd.bound', '--out', out, '--workers', '1'], quiet), 0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    const survivors = report.claims[0].power!.mutants.filter((m) => m.status === 'survived');
    assert.ok(survivors.length > 0);
    for (const m of survivors) assert.match(m.detail, /^(a tighter bound that the measurements still satisfy \(at least \d|moves the claimed values by at most \d|not distinguished)/, m.description);
    // The fixture bound has slack: some of its tightened mutants (e.g. the constant 4 → 4.4) still hold.
    assert.ok(survivors.some((m) => m.detail.startsWith('a tighter bound')), survivors.map((m) => m.detail).join('\n'));
  });
});
