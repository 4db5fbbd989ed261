'use strict';
// The ABI table is the single source of truth: generated files are current, and the compiled
// context struct has exactly the table's layout.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { parseTable, outputs } = require('../tools/gen-abi');
const { native } = require('../dist/lib/native');

const ROOT = path.resolve(__dirname, '..');
const table = parseTable(fs.readFileSync(path.join(ROOT, 'abi/context.abi'), 'utf8'));

describe('ABI table', () => {
  it('generated files are up to date (run npm run gen)', () => {
    for (const [rel, text] of Object.entries(outputs())) {
      const current = fs.readFileSync(path.join(ROOT, rel), 'utf8');
      assert.ok(current === text, `${rel} is stale: run npm run gen`);
    }
  });

  it('lists HPy 0.9 plus the master additions: 273 members, ids 0..272', () => {
    assert.strictEqual(table.length, 273);
    assert.strictEqual(table[0].member, 'h_None');
    assert.strictEqual(table[272].member, 'Slice_New');
    assert.strictEqual(table[263].member, 'h_DictType');
  });

  it('the compiled struct matches the table: size and every offset', () => {
    const layout = native.contextLayout();
    // name, _private, abi_version (padded) come first
    assert.strictEqual(layout.header, 24);
    assert.strictEqual(layout.offsets.length, table.length);
    table.forEach((m, i) => assert.strictEqual(layout.offsets[i], 24 + 8 * i, `offset of ${m.member}`));
    assert.strictEqual(layout.size, 24 + 8 * table.length);
  });

  it('every function has an implementation kind', () => {
    for (const m of table) {
      if (m.kind === 'fn') assert.ok(['native', 'js', 'fast', 'nocpython', '-'].includes(m.impl), `${m.member}: ${m.impl}`);
    }
  });
});

describe('dispatch table', () => {
  const { makeDispatch } = require('../dist/lib/dispatch');
  const table = makeDispatch();
  const envH = fs.readFileSync(path.join(ROOT, 'native/env.h'), 'utf8');
  const helpers = [...envH.matchAll(/^\s+X\((\w+)\)/gm)].map((m) => m[1]);
  it('has every helper the native side calls', () => {
    assert.ok(helpers.length > 20);
    for (const h of helpers) assert.strictEqual(typeof table[h], 'function', h);
  });
  for (const m of parseTable(fs.readFileSync(path.join(ROOT, 'abi/context.abi'), 'utf8'))) {
    if (m.kind !== 'fn' || (m.impl !== 'js' && m.impl !== 'fast')) continue;
    it(`${m.pub} has its object-model function`, () => {
      assert.strictEqual(typeof table[m.member], 'function');
    });
  }
});
