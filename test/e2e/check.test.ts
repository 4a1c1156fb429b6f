import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import type { Report } from '../../src/report/report.ts';
import { claimCalibrations } from '../../src/check/calibrationRecord.ts';
import { loadTheorems } from '../../src/theory/loader.ts';

const FIXTURES = new URL('../fixtures/quality/', import.meta.url).pathname;

function capture(): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => void lines.push(l), err: (l) => void errors.push(l) };
}

function readReport(dir: string): Report {
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
}

/** The report without its wall-clock fields. */
function timeless(r: Report): Omit<Report, 'generatedAt' | 'durationSeconds'> {
  const { generatedAt: _g, durationSeconds: _d, ...rest } = r;
  return rest;
}

describe('sdelens check (end to end)', () => {
  it('checks a user theorem directory, writes the report contract and exits 0', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sdelens-'));
    const io = capture();
    const code = await main(['check', '--theorems', FIXTURES, '--only', 'quality.sgd.stationary,quality.sgd.trajectory', '--out', out, '--workers', '1'], io);
    assert.equal(code, 0, io.errors.join('\n'));
    const r = readReport(out);
    assert.equal(r.schemaVersion, 1);
    assert.equal(r.seed, 1);
    assert.equal(r.budget, 'quick');
    assert.equal(r.alpha, 1e-3);
    assert.deepEqual(r.claims.map((c) => [c.id, c.verdict]), [['quality.sgd.stationary', 'pass'], ['quality.sgd.trajectory', 'pass']]);
    assert.deepEqual(r.summary, { pass: 2, fail: 0, inconclusive: 0, error: 0, total: 2 });
    assert.ok(r.claims[0].checks[0].points![0].observations.length > 0);
    assert.ok(io.lines.some((l) => l.startsWith('report: ')));
    assert.ok(io.errors.some((l) => l.includes('[1/2]')), 'progress is shown');
  });

  it('cites the theorem directory\'s calibration record per claim, until the claim is edited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdelens-calibrated-'));
    const text = readFileSync(join(FIXTURES, 'sgd-one-step.yaml'), 'utf8');
    writeFileSync(join(dir, 'one-step.yaml'), text);
    const { claims } = loadTheorems(dir);
    const record = { budget: 'quick', alpha: 1e-3, seeds: [1000, 1001], claims: claimCalibrations(claims, [{ failed: [], inconclusiveIds: [] }, { failed: [], inconclusiveIds: [] }]) };
    writeFileSync(join(dir, 'calibration.json'), JSON.stringify(record));
    const run = async (): Promise<{ r: Report; lines: string[] }> => {
      const out = mkdtempSync(join(tmpdir(), 'sdelens-'));
      const io = capture();
      assert.equal(await main(['check', '--theorems', dir, '--out', out, '--workers', '1', '--no-mutants'], io), 0, io.errors.join('\n'));
      return { r: readReport(out), lines: io.lines };
    };
    const cited = await run();
    assert.deepEqual(cited.r.claims[0].calibration, { status: 'calibrated', runs: 2, falseFailures: 0, inconclusive: 0 });
    assert.equal(cited.r.calibration?.file, join(dir, 'calibration.json'));
    assert.ok(cited.lines.some((l) => l.startsWith('calibration (') && l.includes('1 claims × 2 runs, 0 false failures')), cited.lines.join('\n'));
    writeFileSync(join(dir, 'one-step.yaml'), text.replace('assume: []', 'assume: ["eta <= 1"]'));
    const edited = await run();
    assert.deepEqual(edited.r.claims[0].calibration, { status: 'changed-since' });
    assert.equal(edited.r.calibration?.claimsChangedSince, 1);
  });

  it('writes the same report for one worker and for two (timestamps aside)', async () => {
    const one = mkdtempSync(join(tmpdir(), 'sdelens-'));
    const two = mkdtempSync(join(tmpdir(), 'sdelens-'));
    const args = ['check', '--theorems', FIXTURES, '--only', 'quality.sgd.one-step,quality.sgd.slope,quality.sgd.bound', '--seed', '42'];
    assert.equal(await main([...args, '--out', one, '--workers', '1'], capture()), 0);
    assert.equal(await main([...args, '--out', two, '--workers', '2'], capture()), 0);
    assert.deepEqual(timeless(readReport(one)), timeless(readReport(two)));
  });

  it('writes the same report for one worker and for two when a claim fails (its points run on both workers)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdelens-wrong-'));
    const text = readFileSync(join(FIXTURES, 'sgd-one-step.yaml'), 'utf8').replace('drift: "-g"', 'drift: "-1.3*g"');
    writeFileSync(join(dir, 'wrong.yaml'), text);
    const [one, two] = [mkdtempSync(join(tmpdir(), 'sdelens-')), mkdtempSync(join(tmpdir(), 'sdelens-'))];
    const args = ['check', '--theorems', dir, '--budget', 'full', '--seed', '5'];
    assert.equal(await main([...args, '--out', one, '--workers', '1'], capture()), 1);
    assert.equal(await main([...args, '--out', two, '--workers', '2'], capture()), 1);
    const report = readReport(two);
    assert.ok(report.claims[0].checks[0].counterexample !== undefined, 'the wrong claim fails with a counterexample');
    assert.deepEqual(timeless(readReport(one)), timeless(report));
  });

  it('fails a wrong claim with exit code 1, and its replay command reproduces the counterexample', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdelens-wrong-'));
    const text = readFileSync(join(FIXTURES, 'sgd-stationary.yaml'), 'utf8')
      .replace('id: quality.sgd.stationary', 'id: quality.sgd.wrong-stationary')
      .replace('variance: "eta*s.^2./(lam.*(2 - eta*lam))"', 'variance: "eta*s.^2./(2*lam)*1.2"');
    writeFileSync(join(dir, 'wrong.yaml'), text);
    const out = mkdtempSync(join(tmpdir(), 'sdelens-'));
    const io = capture();
    assert.equal(await main(['check', '--theorems', dir, '--out', out, '--workers', '1', '--no-mutants'], io), 1);
    const check = readReport(out).claims[0].checks[0];
    assert.equal(check.verdict, 'fail');
    const replay = check.counterexample!.replay;
    const argv = replay.replace(/^npx sdelens /, '').split(/\s+/);
    const replayIo = capture();
    assert.equal(await main(argv, replayIo), 1);
    const estimate = check.counterexample && readReport(out).claims[0].checks[0].points!.find((p) => p.simSeed === check.counterexample!.simSeed);
    assert.ok(replayIo.lines[0].includes('fail'));
    if (estimate) {
      const shown = estimate.observations[0].estimate.toPrecision(5);
      assert.ok(replayIo.lines.some((l) => l.includes(shown)), `replay shows the same estimate ${shown}`);
    }
  });

  it('rejects a bad option with exit code 2 and a one-line message', async () => {
    const io = capture();
    assert.equal(await main(['check', '--budget', 'huge'], io), 2);
    assert.match(io.errors[0], /--budget: expected quick or full, got 'huge'/);
  });

  it('reports a definition error with file and line and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdelens-bad-'));
    copyFileSync(join(FIXTURES, 'sgd-trajectory.yaml'), join(dir, 'a.yaml'));
    writeFileSync(join(dir, 'a.yaml'), readFileSync(join(dir, 'a.yaml'), 'utf8').replace('expected: mean', 'expected: "meen*2"'));
    const io = capture();
    assert.equal(await main(['check', '--theorems', dir], io), 2);
    assert.ok(io.errors.some((l) => /a\.yaml:\d+: checks\[0\]\.expected: .*meen/.test(l)), io.errors.join('\n'));
  });
});
