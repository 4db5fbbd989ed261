'use strict';
// load(): every error is clear and leaves nothing half-loaded.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const hpy = require('..');
const { buildTestExt, loadTestExt, BUILD } = require('./helpers');

function throwsCode(fn, code, re) {
  assert.throws(fn, (e) => {
    assert.strictEqual(e.code, code, `${e.code}: ${e.message}`);
    if (re) assert.match(e.message, re);
    return true;
  });
}

describe('loader', () => {
  it('a missing file', () => {
    throwsCode(() => hpy.load('/no/such/ext.hpy0.so'), 'HPY_NOT_FOUND', /no such file/);
  });
  it('a file that is not a shared object', () => {
    const f = path.join(os.tmpdir(), 'notso.hpy0.so');
    fs.writeFileSync(f, 'just text');
    throwsCode(() => hpy.load(f), 'HPY_NOT_SHARED_OBJECT', /cannot load/);
  });
  it('a shared object without HPyInit_<name>', () => {
    const so = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hpy-node-test-')), 'not_hpy.hpy0.so');
    execFileSync('cc', ['-shared', '-fPIC', path.join(__dirname, 'ext', 'not_hpy.c'), '-o', so]);
    throwsCode(() => hpy.load(so), 'HPY_NOT_HPY_EXTENSION', /no HPyInit_not_hpy symbol/);
  });
  it('a module that needs a newer ABI names both versions', () => {
    throwsCode(() => hpy.load(buildTestExt('abi_future')), 'HPY_ABI_VERSION', /requires HPy ABI version 1\.2, but hpy-node implements version 0\.0/);
  });
  it('a module using legacy CPython methods', () => {
    throwsCode(() => hpy.load(buildTestExt('legacy_mod')), 'HPY_LEGACY', /legacy_methods/);
  });
  it('a bad path argument', () => {
    assert.throws(() => hpy.load(42), TypeError);
    assert.throws(() => hpy.load(''), TypeError);
  });
  it('an explicit name for a file named otherwise', () => {
    const src = buildTestExt('basic');
    // A fresh file per process: overwriting a shared object another process has mapped crashes it.
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hpy-node-test-')), 'renamed.so');
    fs.copyFileSync(src, copy);
    throwsCode(() => hpy.load(copy), 'HPY_NOT_HPY_EXTENSION', /no HPyInit_renamed/);
    const m = hpy.load(copy, { name: 'basic' });
    assert.strictEqual(m.f_noargs(), 'noargs');
  });
  it('the same file loads once', () => {
    assert.strictEqual(loadTestExt('basic'), loadTestExt('basic'));
  });
  it('module doc, name and file', () => {
    const m = loadTestExt('basic');
    assert.strictEqual(m.__doc__, 'hpy-node foundation tests');
    assert.strictEqual(m.__name__, 'basic');
    assert.strictEqual(m.__file__, path.join(BUILD, 'basic.hpy0.so'));
  });
  it('HPy_mod_exec runs once and HPyGlobal keeps its value', () => {
    const m = loadTestExt('modexec');
    assert.strictEqual(m.answer(), 42);
    assert.strictEqual(m.execs(), 1);
  });
  it('an HPy_mod_exec that raises fails the load with its error', () => {
    assert.throws(() => loadTestExt('modexec_fail'), (e) => e instanceof hpy.builtins.RuntimeError && /exec failed on purpose/.test(e.message));
  });
  it('require() through hpy-node/register', () => {
    require('../dist/lib/register');
    const m = require(buildTestExt('basic'));
    assert.strictEqual(m.f_noargs(), 'noargs');
  });
});
