import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkSubstitution } from '../../../src/check/symbolic/substitution.ts';
import { B6, B6_RULE, MALLADI_RULE } from './paperClaims.ts';

const options = { seed: 13 };

describe('substitution check', () => {
  it('proves the B6 scaling rule leaves the AdamW stationary loss invariant', () => {
    const r = checkSubstitution(B6, { kind: 'substitution', expression: 'loss', substitute: B6_RULE, expect: 'invariant' }, options);
    assert.equal(r.verdict, 'pass', r.message);
    assert.equal(r.proof, 'cas');
  });

  it('confirms the rule without θ → √κθ changes the loss (control)', () => {
    const r = checkSubstitution(B6, { kind: 'substitution', expression: 'loss', substitute: MALLADI_RULE, expect: 'changes' }, options);
    assert.equal(r.verdict, 'pass', r.message);
  });

  it('rejects a claim that the control rule is invariant', () => {
    const r = checkSubstitution(B6, { kind: 'substitution', expression: 'loss', substitute: MALLADI_RULE, expect: 'invariant' }, options);
    assert.equal(r.verdict, 'fail', r.message);
  });

  it('rejects a claim that the B6 rule changes the loss, with a CAS proof of invariance', () => {
    const r = checkSubstitution(B6, { kind: 'substitution', expression: 'loss', substitute: B6_RULE, expect: 'changes' }, options);
    assert.equal(r.verdict, 'fail', r.message);
    assert.equal(r.proof, 'cas');
  });

  it('rejects the B6 rule with the learning rate scaled by κ instead of √κ', () => {
    const r = checkSubstitution(B6, { kind: 'substitution', expression: 'loss', substitute: { ...B6_RULE, eta: 'kappa*eta' }, expect: 'invariant' }, options);
    assert.equal(r.verdict, 'fail', r.message);
  });

  it('throws a definition error for a rule acting on an undeclared symbol', () => {
    assert.throws(() => checkSubstitution(B6, { kind: 'substitution', expression: 'loss', substitute: { zeta: '2' }, expect: 'invariant' }, options), /zeta/);
  });
});
