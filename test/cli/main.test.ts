import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { BASE, tweak } from '../theory/fixtures.ts';

interface Run {
  code: number;
  out: string[];
  err: string[];
}

async function run(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(...l.split('\n')), err: (l) => err.push(...l.split('\n')) });
  return { code, out, err };
}

let dir = '';
let bad = '';
const SECOND = tweak(tweak(BASE, 'id: test.a5.base', 'id: test.a6.other'), 'provenance: reconstructed', 'provenance: stated')
  .replace('ref: Lemma 3.7', 'ref: Lemma 3.8').replace('claim: A5', 'claim: A6');

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sdelens-cli-'));
  mkdirSync(join(dir, 'signsgd'));
  writeFileSync(join(dir, 'signsgd', 'base.yaml'), BASE);
  writeFileSync(join(dir, 'signsgd', 'other.yaml'), `${SECOND}  - kind: identity\n    lhs: "eta"\n    rhs: "eta"\n`);
  bad = mkdtempSync(join(tmpdir(), 'sdelens-cli-bad-'));
  mkdirSync(join(bad, 'sgd'));
  writeFileSync(join(bad, 'sgd', 'bad.yaml'), tweak(BASE, '"0.75*max(eta*lam./s)"', '"0.75*max(eta*lamda./s)"'));
});
after(() => {
  rmSync(dir, { recursive: true });
  rmSync(bad, { recursive: true });
});

describe('sdelens list', () => {
  it('prints one aligned row per claim with provenance, checks, CLAIMS label and reference', async () => {
    const r = await run('list', '--theorems', dir);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.deepEqual(r.err, []);
    const [header, ...rows] = r.out;
    assert.match(header, /^ID\s+PROVENANCE\s+CHECKS\s+CLAIM\s+REF$/);
    assert.equal(rows.length, 3);
    assert.match(rows[0], /^test\.a5\.base\s+reconstructed\s+stationary\s+A5\s+Lemma 3\.7$/);
    assert.match(rows[1], /^test\.a6\.other\s+stated\s+stationary,identity\s+A6\s+Lemma 3\.8$/);
    assert.equal(rows[2], '2 claims');
    for (const column of ['PROVENANCE', 'CHECKS', 'CLAIM', 'REF']) {
      const at = header.indexOf(column);
      assert.ok(rows.slice(0, 2).every((row) => row[at - 1] === ' ' && row[at] !== ' '), `column ${column} aligned`);
    }
  });

  it('prints every definition error as file:line: field: message and exits 2', async () => {
    const r = await run('list', `--theorems=${bad}`);
    assert.equal(r.code, 2);
    assert.match(r.err[0], /sgd\/bad\.yaml:\d+: checks\[0\]\.tolerance\.rel: unknown symbol 'lamda' \(declared: eta, lam, s, d\)$/);
    assert.equal(r.err[1], '1 definition error');
  });

  it('lists the package theorems by default', async () => {
    const r = await run('list');
    assert.match(r.out[0], /^ID\s+PROVENANCE/);
    assert.match(r.out.at(-1)!, /^\d+ claims?$/);
  });
});

describe('sdelens explain', () => {
  it('prints every part of the claim', async () => {
    const r = await run('explain', 'test.a5.base', '--theorems', dir);
    assert.equal(r.code, 0, r.err.join('\n'));
    const text = r.out.join('\n');
    assert.match(r.out[0], /^test\.a5\.base: Stationary loss of SignSGD \(base fixture\)$/);
    for (const section of ['Statement', 'Source', 'Symbols', 'Domain', 'Assumptions', 'Expressions', 'Checks']) {
      assert.ok(r.out.includes(section), `section ${section}`);
    }
    assert.match(text, /CLAIMS A5, Lemma 3\.7 \(provenance: reconstructed\)/);
    assert.match(text, /eta\s+learning rate/);
    assert.match(text, /lam\s+vector of length d, each logUniform \[0\.5, 4\]/);
    assert.match(text, /\[0\] stationary \(optimizer signsgd, problem quadratic, noise gaussian\)/);
    assert.match(text, /expected: loss = eta\/4 \* sum/);
    assert.match(text, /tolerance: rel 0\.75\*max\(eta\*lam\.\/s\)/);
  });

  it('rejects an unknown id with a suggestion and the usage', async () => {
    const r = await run('explain', 'test.a5.bsae', '--theorems', dir);
    assert.equal(r.code, 2);
    assert.equal(r.err[0], "sdelens explain: no claim with id 'test.a5.bsae' (did you mean test.a5.base?); 'sdelens list' shows the ids");
    assert.match(r.err[1], /^usage: sdelens explain <id>/);
  });
});

describe('sdelens usage', () => {
  it('exits 2 with a one-line message and the usage on a usage error', async () => {
    for (const [argv, message] of [
      [['list', '--bogus'], "sdelens list: unknown option '--bogus'"],
      [['list', '--theorems'], 'sdelens list: option --theorems needs a value (DIR)'],
      [['list', 'extra'], "sdelens list: unexpected argument 'extra'"],
      [['explain'], 'sdelens explain: missing argument'],
    ] as const) {
      const r = await run(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.deepEqual(r.err.slice(0, 2), [message, r.err[1]]);
      assert.match(r.err[1], /^usage: sdelens /);
      assert.deepEqual(r.out, []);
    }
  });

  it('rejects an unknown command and a missing command', async () => {
    const r = await run('frobnicate');
    assert.equal(r.code, 2);
    assert.equal(r.err[0], "sdelens: unknown command 'frobnicate'");
    assert.equal((await run()).code, 2);
  });

  it('prints help for the program and for each command', async () => {
    const top = await run('--help');
    assert.equal(top.code, 0);
    assert.match(top.out.join('\n'), /commands:\n\s+list\s.*\n\s+explain\s.*\n\s+check\s/);
    for (const name of ['list', 'explain']) {
      const r = await run(name, '--help');
      assert.equal(r.code, 0);
      assert.match(r.out[0], new RegExp(`^usage: sdelens ${name}`));
    }
  });
});
