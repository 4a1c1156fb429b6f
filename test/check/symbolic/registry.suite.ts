import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SYMBOLIC_CHECKS, runSymbolicCheck, SymbolicDefinitionError } from '../../../src/check/symbolic/registry.ts';
import { SYMBOLIC_KINDS, type SymbolicCheck } from '../../../src/theory/claim.ts';
import { claim } from './paperClaims.ts';


const c = claim('t.registry', 'X', { x: { uniform: [0.5, 2] }, kappa: { uniform: [0.5, 2] } }, { f: 'x^2' });
const cases: Record<SymbolicCheck['kind'], { good: SymbolicCheck; bad: SymbolicCheck }> = {
  identity: { good: { kind: 'identity', lhs: 'f', rhs: 'x*x' }, bad: { kind: 'identity', lhs: 'f', rhs: '1.1*x*x' } },
  lyapunov: {
    good: { kind: 'lyapunov', state: ['y'], drift: ['-x*y'], diffusion2: ['1'], moments: { 'y^2': '1/(2*x)' } },
    bad: { kind: 'lyapunov', state: ['y'], drift: ['-x*y'], diffusion2: ['1'], moments: { 'y^2': '1/x' } },
  },
  expansion: { good: { kind: 'expansion', of: 'exp(x)', variable: 'x', at: 0, order: 1, equals: '1 + x' }, bad: { kind: 'expansion', of: 'exp(x)', variable: 'x', at: 0, order: 1, equals: '1 + 0.9*x' } },
  limit: { good: { kind: 'limit', of: 'x/(x+1)', variable: 'x', to: Infinity, equals: '1' }, bad: { kind: 'limit', of: 'x/(x+1)', variable: 'x', to: Infinity, equals: '1.1' } },
  substitution: { good: { kind: 'substitution', expression: 'x^2/x', substitute: { x: 'kappa*x' }, expect: 'changes' }, bad: { kind: 'substitution', expression: 'x^2/x^2', substitute: { x: 'kappa*x' }, expect: 'changes' } },
};

describe('symbolic check registry', () => {
  it('has one function per symbolic kind of claim.ts', () => {
    assert.deepEqual(Object.keys(SYMBOLIC_CHECKS).sort(), [...SYMBOLIC_KINDS].sort());
  });

  for (const kind of SYMBOLIC_KINDS) {
    it(`${kind}: passes a true statement and fails a wrong one, numerically alone too`, () => {
      for (const cas of [true, false]) {
        const good = runSymbolicCheck(c, cases[kind].good, { seed: 1, cas });
        const bad = runSymbolicCheck(c, cases[kind].bad, { seed: 1, cas });
        assert.equal(good.verdict, 'pass', good.message);
        assert.equal(bad.verdict, 'fail', bad.message);
        assert.equal(good.kind, kind);
        assert.ok(good.numeric.points >= 50);
        if (!cas) assert.equal(good.proof, 'numeric-only');
      }
    });
  }

  it('is reproducible: the same seed gives the same result', () => {
    const a = runSymbolicCheck(c, cases.identity.bad, { seed: 99, cas: false });
    const b = runSymbolicCheck(c, cases.identity.bad, { seed: 99, cas: false });
    assert.deepEqual(a, b);
  });

  it('refuses fewer than 50 points, naming the option', () => {
    assert.throws(() => runSymbolicCheck(c, cases.identity.good, { seed: 1, points: 10 }), /points = 10/);
  });

  it('throws a definition error for an unknown kind', () => {
    assert.throws(() => runSymbolicCheck(c, { kind: 'nope' } as unknown as SymbolicCheck, { seed: 1 }), SymbolicDefinitionError);
  });
});
