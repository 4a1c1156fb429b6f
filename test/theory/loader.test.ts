import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadClaim, loadTheorems, parseClaim } from '../../src/theory/loader.ts';
import { DefinitionErrors } from '../../src/theory/errors.ts';
import { BASE, lineOf, tweak } from './fixtures.ts';

const FILE = 'theorems/signsgd/a5-loss.yaml';

/** The formatted errors of `text` loaded as FILE. */
function errorsOf(text: string): string[] {
  return parseClaim(text, FILE).errors.map((e) => e.message);
}

function expectOne(text: string, marker: string, message: string | RegExp): void {
  const errors = errorsOf(text);
  assert.equal(errors.length, 1, errors.join('\n'));
  const prefix = `${FILE}:${lineOf(text, marker)}: `;
  assert.ok(errors[0].startsWith(prefix), `${errors[0]}\n  should start with ${prefix}`);
  if (typeof message === 'string') assert.equal(errors[0].slice(prefix.length), message);
  else assert.match(errors[0], message);
}

describe('parseClaim', () => {
  it('accepts the base fixture and fills defaults', () => {
    const { claim, errors } = parseClaim(BASE, FILE);
    assert.deepEqual(errors, []);
    assert.equal(claim?.id, 'test.a5.base');
    assert.equal(claim?.family, 'signsgd');
    assert.deepEqual(claim?.let, {});
    assert.equal(claim?.checks[0].kind, 'stationary');
    assert.equal(claim?.origin.lines['checks[0].expected'], lineOf(BASE, 'expected: loss'));
  });

  it('reports an unknown symbol with the declared ones, at its line', () => {
    const text = tweak(BASE, '{ rel: "0.75*max(eta*lam./s)" }', '{ rel: "0.75*max(eta*lamda./s)" }');
    expectOne(text, 'rel:', "checks[0].tolerance.rel: unknown symbol 'lamda' (declared: eta, lam, s, d)");
  });

  it('reports a malformed expression with mathjs\'s position', () => {
    const text = tweak(BASE, 'expected: loss', 'expected: "eta/(4"');
    expectOne(text, 'expected:', "checks[0].expected: cannot parse 'eta/(4': Parenthesis ) expected (char 7)");
  });

  it('reports an empty domain with the acceptance rate', () => {
    const text = tweak(BASE, '"max(eta*lam./s) <= 0.05"', '"eta > 0.5"');
    expectOne(text, 'assume:', /assume: empty domain: the assumptions accept 0 of 1000 points/);
  });

  it('reports a bad provenance', () => {
    const text = tweak(BASE, 'provenance: reconstructed', 'provenance: guessed');
    expectOne(text, 'provenance:', 'source.provenance: unknown provenance string "guessed"; one of stated, reconstructed, derived, paper-approx');
  });

  it('reports a missing field at the line of its parent', () => {
    expectOne(tweak(BASE, '    expected: loss\n', ''), '  - kind: stationary', /checks\[0\]\.expected: missing \(a stationary check needs problem, noise, quantity, expected\)/);
    expectOne(tweak(BASE, 'title: Stationary loss of SignSGD (base fixture)\n', ''), 'id:', 'title: missing');
  });

  it('reports YAML syntax errors at their line', () => {
    const text = tweak(BASE, '  d: dimension', '  d: dimension (fixed at 0: none)');
    expectOne(text, 'd: dimension', /YAML syntax: .*Quote the value/);
  });

  it('collects every error of a file instead of stopping at the first', () => {
    let text = tweak(BASE, 'provenance: reconstructed', 'provenance: guessed');
    text = tweak(text, '{ logUniform: [0.001, 0.02] }', '{ logUniform: [0, 0.02] }');
    text = tweak(text, 'kind: stationary', 'kind: stationery');
    const errors = errorsOf(text);
    assert.equal(errors.length, 3, errors.join('\n'));
    assert.match(errors.join('\n'), /source\.provenance/);
    assert.match(errors.join('\n'), /domain\.eta\.logUniform: logUniform needs 0 < lo/);
    assert.match(errors.join('\n'), /checks\[0\]\.kind: unknown check kind string "stationery"/);
  });

  it('validates domain entries', () => {
    expectOne(tweak(BASE, '{ int: [1, 6] }', '{ int: [1, 6.5] }'), '  d: { int', 'domain.d.int: int bounds must be integers, got [1, 6.5]');
    expectOne(tweak(BASE, '{ int: [1, 6] }', '{ uniform: [3, 1] }'), '  d: { uni', /domain\.d\.uniform: empty interval \[3, 1\]/);
    expectOne(tweak(BASE, '{ int: [1, 6] }', '{ int: [1, 6], value: 3 }'), '  d: { int', "domain.d: has 'value' and 'int'; give exactly one distribution");
    expectOne(tweak(BASE, '{ vector: d, logUniform: [0.5, 4] }', '{ vector: n, logUniform: [0.5, 4] }'), 'lam: { vector: n', /domain\.lam\.vector: vector length 'n' is not a declared symbol/);
  });

  it('rejects vector operators that mathjs would treat as linear algebra', () => {
    const text = tweak(BASE, '"0.75*max(eta*lam./s)"', '"0.75*max(eta*lam*s)"');
    expectOne(text, 'rel:', /checks\[0\]\.tolerance\.rel: '\*' between two vectors .* use '\.\*'/);
  });

  it('rejects unknown functions, listing the known ones', () => {
    expectOne(tweak(BASE, 'sqrt(2/pi)', 'sqroot(2/pi)'), 'loss: "', /expressions\.loss: unknown function 'sqroot' \(known: abs, /);
  });

  it('requires every symbol used to be described', () => {
    expectOne(tweak(BASE, '  d: dimension\n', ''), 'symbols:', 'symbols: every symbol used must be described here; missing: d');
  });

  it('checks which symbols a check binds', () => {
    const text = tweak(BASE, 'expected: loss', 'expected: "loss*exp(-t)"');
    expectOne(text, 'expected:', "checks[0].expected: unknown symbol 't' (declared: eta, lam, s, d)");
    const traj = tweak(tweak(BASE, 'kind: stationary', 'kind: trajectory\n    times: [0.5, 1]'), 'expected: loss', 'expected: "loss*exp(-t)"');
    const withT = tweak(traj, '  d: dimension', '  d: dimension\n  t: time');
    assert.deepEqual(errorsOf(withT), []);
  });

  it('reports a named expression that needs a symbol the check does not bind', () => {
    let text = tweak(BASE, 'loss: "eta/4', 'decay: "exp(-t)"\n  loss: "decay * eta/4');
    text = tweak(text, '  d: dimension', '  d: dimension\n  t: time');
    const trajectory = '  - kind: trajectory\n    sde: signsgd\n    problem: quadratic\n    noise: gaussian\n    quantity: loss\n    times: [1]\n    expected: loss\n';
    text += trajectory;
    expectOne(text, 'expected: loss', "checks[0].expected: unknown symbol 't' (declared: eta, lam, s, d) (used by expressions.loss)");
    // With no check binding t at all, the definition itself is wrong.
    const alone = tweak(tweak(BASE, 'loss: "eta/4', 'decay: "exp(-t)"\n  loss: "decay * eta/4'), '  d: dimension', '  d: dimension\n  t: time');
    expectOne(alone, 'decay:', "expressions.decay: unknown symbol 't' (declared: eta, lam, s, d)");
  });

  it('reports circular named expressions', () => {
    const text = tweak(BASE, 'loss: "eta/4', 'a: "2*b"\n  b: "a/2"\n  loss: "eta/4');
    assert.match(errorsOf(text).join('\n'), /circular definition: expressions\.a → expressions\.b → expressions\.a/);
  });

  it('rejects an invalid id and unknown top-level fields', () => {
    expectOne(tweak(BASE, 'id: test.a5.base', 'id: Test_A5'), 'id:', /id: 'Test_A5' is not a valid id/);
    expectOne(tweak(BASE, 'checks:', 'expression: "eta"\nchecks:'), 'expression:', /expression: unknown field 'expression' \(allowed: id, family,/);
  });

  it('never lets a raw exception escape: every problem is a definition error', () => {
    for (const text of ['', '- a\n- b\n', 'id: [1\n', 'checks: 3\n', 'domain: { d: 7 }\n']) {
      const { errors } = parseClaim(text, FILE);
      assert.ok(errors.length > 0);
      for (const e of errors) assert.match(e.message, /^theorems\/signsgd\/a5-loss\.yaml(:\d+)?: /);
    }
  });
});

describe('loadTheorems', () => {
  it('reports a duplicate id across files at the second file\'s id line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdelens-'));
    try {
      mkdirSync(join(dir, 'signsgd'));
      writeFileSync(join(dir, 'signsgd', 'a.yaml'), BASE);
      writeFileSync(join(dir, 'signsgd', 'b.yaml'), `# a comment line\n${BASE}`);
      const { claims, errors } = loadTheorems(dir);
      assert.equal(claims.length, 1);
      assert.equal(errors.length, 1);
      assert.match(errors[0].message, /signsgd\/b\.yaml:2: id: duplicate id 'test\.a5\.base' \(also in .*signsgd\/a\.yaml:1\)$/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('reports a family that contradicts the directory, and a missing directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdelens-'));
    try {
      mkdirSync(join(dir, 'sgd'));
      writeFileSync(join(dir, 'sgd', 'a.yaml'), `family: adam\n${BASE}`);
      assert.match(loadTheorems(dir).errors[0].message, /a\.yaml:1: family: 'adam' contradicts the directory 'sgd'/);
      assert.match(loadTheorems(join(dir, 'nope')).errors[0].message, /no such directory/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('loadClaim throws all errors of an invalid file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdelens-'));
    try {
      const file = join(dir, 'bad.yaml');
      writeFileSync(file, tweak(BASE, 'provenance: reconstructed', 'provenance: guessed'));
      assert.throws(() => loadClaim(file), (e: unknown) => e instanceof DefinitionErrors && e.errors.length === 1);
      writeFileSync(file, BASE);
      assert.equal(loadClaim(file).id, 'test.a5.base');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('docs/theorem-format.md', () => {
  it('the annotated example of docs/theorem-format.md is a valid theorem file', () => {
    const doc = readFileSync(new URL('../../docs/theorem-format.md', import.meta.url), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    assert.ok(example !== undefined);
    const { claim, errors } = parseClaim(example, 'docs/theorem-format.md', 'signsgd');
    assert.deepEqual(errors.map((e) => e.message), []);
    assert.deepEqual(claim?.checks.map((c) => c.kind), ['identity', 'stationary']);
  });
});
