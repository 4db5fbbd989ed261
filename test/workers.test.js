'use strict';
// One context per Node-API environment: the same extension works in worker threads, each with
// its own HPyGlobal values, next to the main thread.
const assert = require('assert');
const path = require('path');
const { Worker } = require('worker_threads');
const { buildTestExt, loadTestExt } = require('./helpers');

function runWorker(so, modexec) {
  const code = `
    const { parentPort, workerData } = require('worker_threads');
    const hpy = require(${JSON.stringify(path.resolve(__dirname, '..'))});
    const m = hpy.load(workerData.so);
    const x = hpy.load(workerData.modexec);
    let err;
    try { m.raise_value_error('in a worker'); } catch (e) { err = e instanceof hpy.builtins.ValueError && e.message; }
    parentPort.postMessage({
      sum: m.int_loop(100000),
      tuple: Array.from(m.f_varargs(1, 'two', [3])),
      kept: m.str_loop(50000),
      err,
      answer: x.answer(),
    });`;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { so, modexec } });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

describe('worker threads', () => {
  it('the same extension runs in two workers and the main thread', async () => {
    const so = buildTestExt('basic');
    const modexec = buildTestExt('modexec');
    const main = loadTestExt('basic');
    const results = await Promise.all([runWorker(so, modexec), runWorker(so, modexec)]);
    for (const r of results) {
      assert.strictEqual(r.sum, (100000 * 99999) / 2);
      assert.deepStrictEqual(r.tuple, [1, 'two', [3]]);
      assert.strictEqual(r.kept, 'kept across the loop');
      assert.strictEqual(r.err, 'in a worker');
      assert.strictEqual(r.answer, 42);
    }
    assert.strictEqual(main.f_noargs(), 'noargs');
    assert.strictEqual(loadTestExt('modexec').answer(), 42);
  });
  it('instances made in workers are freed when the worker ends or is terminated', async function () {
    this.timeout(60000);
    const so = buildTestExt('types_point');
    const shapes = buildTestExt('types_shapes');
    for (let i = 0; i < 6; i++) {
      const code = `
        const { parentPort, workerData } = require('worker_threads');
        const hpy = require(${JSON.stringify(path.resolve(__dirname, '..'))});
        const m = hpy.load(workerData.so);
        const s = hpy.load(workerData.shapes);
        const keep = [];
        for (let i = 0; i < 20000; i++) {
          const p = m.Point(i, i);
          const l = s.Language('w' + i);
          if (i % 100 === 0) keep.push(p, l, s.DictSub({ i }));
        }
        parentPort.postMessage(keep.length);
        if (workerData.linger) setInterval(() => {}, 1000);`;
      const w = new Worker(code, { eval: true, workerData: { so, shapes, linger: i % 2 === 1 } });
      const n = await new Promise((resolve, reject) => { w.once('message', resolve); w.once('error', reject); });
      assert.strictEqual(n, 600);
      if (i % 2 === 1) await w.terminate();
      else await new Promise((resolve) => w.once('exit', resolve));
    }
    const m = loadTestExt('types_point');
    assert.strictEqual(m.Point(1, 2).x, 1);
  });
});
