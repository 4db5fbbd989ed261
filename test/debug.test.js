'use strict';
// Debug mode, in a worker thread of its own (debug mode holds for a whole thread): each kind of
// handle misuse is reported at the end of the call as an HPyDebugError, and correct code,
// including the ujson example on real documents, is not.
const assert = require('assert');
const path = require('path');
const { Worker } = require('worker_threads');
const { buildTestExt, buildExample } = require('./helpers');

function inDebugWorker(so, ujsonSo) {
  const code = `
    const { parentPort, workerData } = require('worker_threads');
    const hpy = require(${JSON.stringify(path.resolve(__dirname, '..'))});
    const m = hpy.load(workerData.so, { debug: true });
    const ujson = hpy.load(workerData.ujsonSo);
    const outcome = (f) => {
      try { return { ok: f() }; } catch (e) { return { error: e.name, debug: e instanceof hpy.HPyDebugError, message: e.message }; }
    };
    const doc = { a: [1, 2.5, 'x', null, true, { b: 'é😀' }], big: 2n ** 70n, s: 'text' };
    parentPort.postMessage({
      leak: outcome(() => m.leak()),
      closeTwice: outcome(() => m.close_twice({})),
      useAfterClose: outcome(() => m.use_after_close()),
      closeArg: outcome(() => m.close_arg({})),
      returnClosed: outcome(() => m.return_closed()),
      buildTwice: outcome(() => m.build_twice()),
      correct: outcome(() => JSON.stringify(m.correct('v'))),
      ujson: outcome(() => JSON.stringify(ujson.loads(ujson.dumps(doc, hpy.kw({ sort_keys: true }))), (k, v) => typeof v === 'bigint' ? String(v) : v)),
      afterwards: outcome(() => JSON.stringify(m.correct(1))),
    });`;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { so, ujsonSo } });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

describe('debug mode', () => {
  let r;
  before(async () => {
    r = await inDebugWorker(buildTestExt('debug_bad'), buildExample('ujson'));
  });
  const reported = (o, re) => {
    assert.strictEqual(o.error, 'HPyDebugError', JSON.stringify(o));
    assert.ok(o.debug);
    assert.match(o.message, re);
  };
  it('a handle opened and never closed is a leak', () => reported(r.leak, /1 handle\(s\) opened by the call were never closed/));
  it('closing a handle twice', () => reported(r.closeTwice, /already closed/));
  it('using a closed handle', () => reported(r.useAfterClose, /use of a closed handle/));
  it('closing an argument handle', () => reported(r.closeArg, /argument handle, which the caller owns/));
  it('returning a closed handle', () => reported(r.returnClosed, /returned a closed handle/));
  it('using a builder after Build', () => reported(r.buildTwice, /Builder_Build on a builder that was already built/));
  it('correct code is not reported, and the thread goes on after a report', () => {
    assert.deepStrictEqual(r.correct, { ok: JSON.stringify({ list: ['v', 'v'] }) });
    assert.deepStrictEqual(r.afterwards, { ok: JSON.stringify({ list: [1, 1] }) });
  });
  it('the ujson example runs clean in debug mode', () => {
    assert.ok(r.ujson.ok, JSON.stringify(r.ujson));
    assert.deepStrictEqual(JSON.parse(r.ujson.ok).a, [1, 2.5, 'x', null, true, { b: 'é😀' }]);
  });
});
