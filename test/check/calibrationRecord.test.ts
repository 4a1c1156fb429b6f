import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  claimCalibrationReport, claimCalibrations, claimFingerprint, calibrationSummary, readCalibrationRecord,
} from '../../src/check/calibrationRecord.ts';
import type { CalibrationRecord } from '../../src/check/calibrationRecord.ts';
import { DefinitionError } from '../../src/theory/errors.ts';
import { loadTheorems } from '../../src/theory/loader.ts';

const { claims } = loadTheorems(new URL('../fixtures/quality/', import.meta.url).pathname);
const [first, second] = claims;

describe('calibration record', () => {
  it('fingerprints what decides a verdict, not the prose', () => {
    assert.equal(claimFingerprint({ ...first, title: 'another title', statement: 'x' }), claimFingerprint(first));
    assert.notEqual(claimFingerprint({ ...first, assume: [...first.assume, 'eta <= 0.01'] }), claimFingerprint(first));
    assert.notEqual(claimFingerprint({ ...first, expressions: { ...first.expressions, extra: '1' } }), claimFingerprint(first));
    assert.notEqual(claimFingerprint(second), claimFingerprint(first));
  });

  it('counts false failures and inconclusive runs per claim', () => {
    const entries = claimCalibrations([first, second], [
      { failed: [first.id], inconclusiveIds: [] },
      { failed: [], inconclusiveIds: [first.id, second.id] },
      { failed: [], inconclusiveIds: [] },
    ]);
    assert.deepEqual(entries[first.id], { fingerprint: claimFingerprint(first), runs: 3, falseFailures: 1, inconclusive: 1 });
    assert.deepEqual(entries[second.id], { fingerprint: claimFingerprint(second), runs: 3, falseFailures: 0, inconclusive: 1 });
  });

  it('cites an unchanged claim, and says when a claim changed since or was never calibrated', () => {
    const record: CalibrationRecord = { budget: 'quick', alpha: 1e-3, seeds: [1000, 1001], claims: claimCalibrations([first], [{ failed: [], inconclusiveIds: [] }, { failed: [], inconclusiveIds: [first.id] }]) };
    const cited = claimCalibrationReport(record, first);
    assert.deepEqual(cited, { status: 'calibrated', runs: 2, falseFailures: 0, inconclusive: 1 });
    const edited = claimCalibrationReport(record, { ...first, domain: { ...first.domain, eta: { value: 0.5 } } });
    assert.deepEqual(edited, { status: 'changed-since' });
    assert.deepEqual(claimCalibrationReport(record, second), { status: 'not-calibrated' });
    assert.deepEqual(calibrationSummary('theorems/calibration.json', record, [cited, edited, { status: 'not-calibrated' }]), {
      file: 'theorems/calibration.json', budget: 'quick', alpha: 1e-3, seeds: [1000, 1001], runs: 2,
      falseFailures: 0, inconclusive: 1, claimsCalibrated: 1, claimsChangedSince: 1, claimsNotCalibrated: 1,
    });
  });

  it('reads none where there is no file, and names the field of a malformed one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdelens-record-'));
    const file = join(dir, 'calibration.json');
    assert.equal(readCalibrationRecord(file), null);
    writeFileSync(file, JSON.stringify({ budget: 'quick', alpha: 1e-3, seeds: [1], claims: { 'a.b': { fingerprint: 'f', runs: -1, falseFailures: 0, inconclusive: 0 } } }));
    assert.throws(() => readCalibrationRecord(file), (e: unknown) => e instanceof DefinitionError && /claims\.a\.b: expected \{ fingerprint, runs/.test(e.message) && e.message.includes(file));
    writeFileSync(file, '{ "budget": ');
    assert.throws(() => readCalibrationRecord(file), (e: unknown) => e instanceof DefinitionError && /not valid JSON/.test(e.message));
    writeFileSync(file, JSON.stringify({ budget: 'quick', alpha: 1e-3, seeds: [], claims: {} }));
    assert.throws(() => readCalibrationRecord(file), /seeds: expected a non-empty list/);
  });
});
