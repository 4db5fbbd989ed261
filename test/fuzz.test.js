'use strict';
// Bad input never crashes the process: every function of the test extensions and of the ujson
// example, called with odd JS values (revoked proxies, throwing getters, detached buffers,
// symbols, kw() objects, ...), either returns or throws an Error.
const assert = require('assert');
const hpy = require('..');
const { loadTestExt, loadExample } = require('./helpers');

const MODULES = ['basic', 'types_point', 'obj_protocol', 'obj_numbers', 'obj_strings', 'obj_containers', 'obj_misc',
  'types_slots', 'types_members', 'types_shapes', 'rt_argparse', 'rt_buildvalue', 'rt_format'];
// Functions that loop for long by design, or keep handles across calls on purpose.
const SKIP = /loop|10m|million|handles_|make_points|keep|dict_nested/i;

function oddValues() {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const ab = new ArrayBuffer(8);
  const detached = new Uint8Array(ab);
  structuredClone(ab, { transfer: [ab] });
  return [undefined, null, true, 0, -0, 1, -1, 2 ** 53, 2 ** 63, NaN, Infinity, 1.5, 2n ** 64n, -(2n ** 70n), '', 'x',
    'é😀', '\ud800', Symbol('s'), {}, [], [1, [2]], hpy.makeTuple([1, 2]), new Map([[1, 2]]), new Set([1]),
    Buffer.from('ab'), new Uint16Array(3), detached, () => 1, function boom() { throw new Error('boom'); },
    class C {}, revoked.proxy, new Proxy({}, { get() { throw new Error('trap'); } }),
    { get a() { throw new Error('getter'); } }, Object.create(null), new Date(0), /re/, new Error('e'),
    hpy.kw({ a: 1 }), hpy.kw({}), hpy.builtins.int, hpy.builtins.ValueError, hpy.NotImplemented, hpy.Ellipsis,
    hpy.builtins.set([1, 'a']), hpy.builtins.frozenset([2]), hpy.builtins.range(5),
    forgedKw(), forgedKw('abc'), forgedKw([hpy.makeTuple([1, 2]), 'x', 'y']), forgedKw([hpy.makeTuple(['a', 'b']), 1]),
    forgedKw([null]), forgedKw([hpy.makeTuple(['a', 'b']), 1, 2, 3]), forgedKw([[1], 2, 'v']), forgedKw([{}, 3.5, 1]),
    forgedKw([hpy.makeTuple(['a']), 4096, 1]), forgedKw([hpy.makeTuple(['a']), 2 ** 40, 1]),
    forgedKw([hpy.makeTuple(['a', 'b', 'c', 'd', 'e', 'f']), -1, 1]), forgedKw([hpy.makeTuple(['a', 'b', 'c']), 1, 2]),
    // containers that refuse stores, throw on reads, or are long enough for snapshots and chunks
    Object.freeze([1, 2, 3]), Object.freeze({ a: 1 }), Object.seal({ b: 2 }), throwingItems(),
    Array.from({ length: 40 }, (_, i) => i), Array.from({ length: 9000 }, (_, i) => `s${i}`), 'é😀x'.repeat(700)];
}

// A long array of numbers with one item whose getter throws.
function throwingItems() {
  const a = Array.from({ length: 40 }, (_, i) => i);
  Object.defineProperty(a, 20, { get() { throw new Error('item getter'); } });
  return a;
}

/** Objects that look like kw() markers to a native call but were not made by kw(). */
function forgedKw(split) {
  const f = function () {};
  Object.setPrototypeOf(f, hpy.KwArgs.prototype);
  if (split !== undefined) f.split = split;  // where native calls read kw()'s [names, id, ...values]
  return f;
}

describe('fuzzing with odd JS values', () => {
  it('every call returns or throws an Error, and the process survives', function () {
    this.timeout(60000);
    const mods = MODULES.map((n) => loadTestExt(n));
    mods.push(loadExample('ujson'));
    const pool = oddValues();
    const shapes = mods[MODULES.indexOf('types_shapes')];  // instances of builtin-shaped types
    pool.push(shapes.IntSub(7), shapes.FloatSub(0.5), shapes.Language('py'), shapes.TupleSub([1]), shapes.ListSub([2]),
      shapes.DictSub({ k: 1 }), shapes.Meta('M', hpy.makeTuple([]), {}));
    let seed = Number(process.env.FUZZ_SEED) || 20261125;
    const rand = (n) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let calls = 0;
    for (let round = 0; round < 15; round++) {
      for (const m of mods) {
        for (const [name, f] of Object.entries(m)) {
          if (typeof f !== 'function' || SKIP.test(name)) continue;
          const args = Array.from({ length: rand(4) }, () => pool[rand(pool.length)]);
          try {
            f(...args);
          } catch (e) {
            assert.ok(e instanceof Error, `${name} threw a non-Error: ${String(e)}`);
          }
          calls++;
        }
      }
    }
    assert.ok(calls > 3000, `${calls} calls`);
  });
  it('methods, members, getsets and slots of extension types called on a wrong `this` throw', function () {
    this.timeout(60000);
    const mods = MODULES.map((n) => loadTestExt(n));
    const pool = oddValues();
    const types = [];
    for (const m of mods) {
      for (const v of Object.values(m)) if (typeof v === 'function' && v.prototype && hpy.typeOf(v) !== hpy.builtins.function) types.push(v);
    }
    // instances of other extension types are wrong `this` values too
    for (const T of types) {
      try { pool.push(new T()); } catch { /* needs arguments */ }
    }
    let seed = Number(process.env.FUZZ_SEED) || 7;
    const rand = (n) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let calls = 0;
    for (const T of types) {
      for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(T.prototype))) {
        if (name === 'constructor' || SKIP.test(name)) continue;
        for (const f of [d.value, d.get, d.set]) {
          if (typeof f !== 'function') continue;
          for (let k = 0; k < 6; k++) {
            const self = pool[rand(pool.length)];
            let right = false;
            try { right = self instanceof T; } catch { /* a revoked proxy */ }
            if (right) continue;
            try {
              f.call(self, pool[rand(pool.length)], pool[rand(pool.length)]);
            } catch (e) {
              assert.ok(e instanceof Error, `${T.name}.${name} threw a non-Error: ${String(e)}`);
            }
            calls++;
          }
        }
      }
    }
    // constructors with a foreign new.target (Reflect.construct(T, args, U))
    const targets = [...types, function plain() {}, class K {}, hpy.builtins.int, hpy.builtins.dict, Array, Map];
    for (const T of types) {
      for (let k = 0; k < 4; k++) {
        const U = targets[rand(targets.length)];
        try {
          Reflect.construct(T, [pool[rand(pool.length)]], U);
        } catch (e) {
          assert.ok(e instanceof Error, `Reflect.construct(${T.name}, ..., ${U.name}) threw a non-Error: ${String(e)}`);
        }
        calls++;
      }
    }
    assert.ok(calls > 300, `${calls} calls`);
  });
});
