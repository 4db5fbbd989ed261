'use strict';
// Trace mode, in a worker thread of its own (it holds for the whole thread): every context call
// is counted and timed, and switching it on changes no result.
const assert = require('assert');
const path = require('path');
const { Worker } = require('worker_threads');
const { buildTestExt } = require('./helpers');

function inTraceWorker(so) {
  const code = `
    const { parentPort, workerData } = require('worker_threads');
    const hpy = require(${JSON.stringify(path.resolve(__dirname, '..'))});
    const m = hpy.load(workerData.so, { trace: true });
    hpy.resetTrace();
    const sum = m.int_loop(1000);
    const tuple = Array.from(m.f_varargs(1, 'a'));
    let err = null;
    try { m.raise_value_error('boom'); } catch (e) { err = e.name; }
    const counts = hpy.traceCounts();
    hpy.resetTrace();
    parentPort.postMessage({ sum, tuple, err, counts, afterReset: hpy.traceCounts() });`;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { so } });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

describe('trace mode', () => {
  let r;
  before(async () => {
    r = await inTraceWorker(buildTestExt('basic'));
  });
  it('results are unchanged', () => {
    assert.strictEqual(r.sum, (1000 * 999) / 2);
    assert.deepStrictEqual(r.tuple, [1, 'a']);
    assert.strictEqual(r.err, 'ValueError');
  });
  it('counts every context call by its public name', () => {
    // int_loop: per iteration one FromInt64_t, one AsInt64_t and one Close; plus the argument and result
    assert.strictEqual(r.counts.HPyLong_FromInt64_t.calls, 1001);
    assert.strictEqual(r.counts.HPyLong_AsInt64_t.calls, 1001);
    assert.strictEqual(r.counts.HPy_Close.calls, 1000);
    assert.strictEqual(r.counts.HPyTuple_FromArray.calls, 1);
    assert.strictEqual(r.counts.HPyErr_SetString.calls, 1);
    assert.ok(r.counts.HPyLong_FromInt64_t.ns > 0);
    assert.strictEqual(r.counts.HPy_Add, undefined);
  });
  it('resetTrace starts from zero', () => {
    assert.deepStrictEqual(r.afterReset, {});
  });
});
