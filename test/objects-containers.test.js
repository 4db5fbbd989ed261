'use strict';
// Containers and builders exercised from C (test/ext/obj_containers.c): HPyList_*, HPyTuple_*,
// HPyDict_*, the tuple and list builders, HPyTracker, HPySlice_New/Unpack/AdjustIndices, and
// dicts filled from C ("__proto__" and "constructor" stay ordinary keys; 1, 1.0 and True are one
// key; tuple keys compare by value).
const assert = require('assert');
const { throwsPy } = require('./assert-py');
const hpy = require('..');
const { loadTestExt } = require('./helpers');

const { builtins: B } = hpy;
const m = loadTestExt('obj_containers');
const p = loadTestExt('obj_protocol');
const SSIZE_MAX = 2n ** 63n - 1n;
const SSIZE_MIN = -(2n ** 63n);


describe('objects: lists from C', () => {
  it('HPyList_New makes a mutable list of the given length', () => {
    const l = m.list_new(3);
    assert.ok(Array.isArray(l));
    assert.ok(!(l instanceof hpy.PyTuple));
    assert.ok(!Object.isFrozen(l));
    assert.strictEqual(l.length, 3);
    assert.strictEqual(p.setitem_i(l, 2, 'x'), 0);
    assert.strictEqual(l[2], 'x');
    const empty = m.list_new(0);  // made natively
    assert.deepStrictEqual(empty, []);
    assert.ok(Object.getPrototypeOf(empty) === Array.prototype && !Object.isFrozen(empty));
    assert.strictEqual(hpy.typeOf(empty), B.list);
    throwsPy(() => m.list_new(-1), B.SystemError);
  });
  it('HPyList_Append mutates the caller\'s array and returns 0', () => {
    const l = [1];
    assert.strictEqual(m.list_append(l, 5), 0);
    assert.strictEqual(m.list_append(l, l), 0);
    assert.strictEqual(l.length, 3);
    assert.strictEqual(l[1], 5);
    assert.strictEqual(l[2], l);
  });
  it('HPyList_Append on a non-list raises SystemError', () => {
    const frozen = Object.freeze([1]);  // Node-API would refuse the item silently
    throwsPy(() => m.list_append(frozen, 2), B.TypeError, /not extensible/);
    assert.deepStrictEqual(frozen, [1]);
    throwsPy(() => m.list_append(hpy.makeTuple([1]), 2), B.SystemError);
    throwsPy(() => m.list_append({}, 1), B.SystemError);
    throwsPy(() => m.list_append('ab', 1), B.SystemError);
  });
  it('HPyList_Insert clamps the index like list.insert', () => {
    const l = [1, 2];
    assert.strictEqual(m.list_insert(l, -1, 'x'), 0);
    assert.deepStrictEqual(l, [1, 'x', 2]);
    assert.strictEqual(m.list_insert(l, 100, 'y'), 0);
    assert.deepStrictEqual(l, [1, 'x', 2, 'y']);
    assert.strictEqual(m.list_insert(l, -100, 'z'), 0);
    assert.deepStrictEqual(l, ['z', 1, 'x', 2, 'y']);
    assert.strictEqual(m.list_insert(l, 2n ** 63n - 1n, 'end'), 0);
    assert.strictEqual(l[l.length - 1], 'end');
    throwsPy(() => m.list_insert(hpy.makeTuple([]), 0, 1), B.SystemError);
  });
  it('a list built in C with New/Append/Insert', () => {
    assert.deepStrictEqual(m.list_build(3), ['first', 0, 1, 2]);
    assert.deepStrictEqual(m.list_build(0), ['first']);
  });
  it('HPyList_Check', () => {
    assert.strictEqual(m.list_check([]), 1);
    assert.strictEqual(m.list_check([1, 2]), 1);
    assert.strictEqual(m.list_check(hpy.makeTuple([])), 0);
    assert.strictEqual(m.list_check({}), 0);
    assert.strictEqual(m.list_check('ab'), 0);
    assert.strictEqual(m.list_check(new Set()), 0);
  });
});

describe('objects: tuples from C', () => {
  it('HPyTuple_FromArray makes a frozen tuple holding the same objects', () => {
    const o = { x: 1 };
    const t = m.tuple_from_array([1, 'a', o]);
    assert.ok(t instanceof hpy.PyTuple);
    assert.ok(Array.isArray(t));
    assert.ok(Object.isFrozen(t));
    assert.strictEqual(t.length, 3);
    assert.strictEqual(t[2], o);
    assert.strictEqual(hpy.repr(t), "(1, 'a', {'x': 1})");
    const empty = m.tuple_from_array([]);
    assert.ok(empty instanceof hpy.PyTuple);
    assert.strictEqual(empty.length, 0);
  });
  it('HPyTuple_Pack', () => {
    assert.deepStrictEqual([...m.tuple_pack()], []);
    assert.deepStrictEqual([...m.tuple_pack(1, null, 'c')], [1, null, 'c']);
    assert.ok(m.tuple_pack(1) instanceof hpy.PyTuple);
    assert.strictEqual(hpy.repr(m.tuple_pack(1)), '(1,)');
  });
  it('HPyTuple_Check', () => {
    assert.strictEqual(m.tuple_check(hpy.makeTuple([1])), 1);
    assert.strictEqual(m.tuple_check(m.tuple_pack()), 1);
    assert.strictEqual(m.tuple_check([1]), 0);
    assert.strictEqual(m.tuple_check('a'), 0);
  });
});

describe('objects: builders and trackers from C', () => {
  it('HPyTupleBuilder builds a tuple (items set in any order)', () => {
    const t = m.tuple_builder([1, 'two', null], false);
    assert.ok(t instanceof hpy.PyTuple);
    assert.ok(Object.isFrozen(t));
    assert.deepStrictEqual([...t], [1, 'two', null]);
    assert.deepStrictEqual([...m.tuple_builder([], false)], []);
  });
  it('HPyListBuilder builds a list', () => {
    const l = m.list_builder([1, 2], false);
    assert.ok(Array.isArray(l) && !(l instanceof hpy.PyTuple) && !Object.isFrozen(l));
    assert.deepStrictEqual(l, [1, 2]);
    assert.deepStrictEqual(m.list_builder([], false), []);
  });
  it('a cancelled builder gives nothing and leaves no error', () => {
    assert.strictEqual(m.tuple_builder([1, 2, 3], true), null);
    assert.strictEqual(m.list_builder([1, 2], true), null);
  });
  it('thousands of builders built and cancelled in one call', () => {
    assert.strictEqual(m.builders_loop(10000), 30000);
  });
  // Lists of 32 items or more that are mostly numbers are read from a native snapshot.
  it('long number lists read from C keep every value exact (ints, floats, -0, NaN, big, non-numbers)', () => {
    const odd = [-0, 0.5, NaN, Infinity, -Infinity, 2 ** 47, -(2 ** 47), 2 ** 53 - 1, 2 ** 60, -1.5e308, 'x', null, true, {}, 2n ** 70n];
    const l = Array.from({ length: 64 }, (_, i) => (i < odd.length ? odd[i] : i * 3 - 50));
    const copy = m.list_builder(l, false);
    assert.strictEqual(copy.length, l.length);
    for (let i = 0; i < l.length; i++) assert.ok(Object.is(copy[i], l[i]), `item ${i}: ${String(copy[i])} vs ${String(l[i])}`);
    const t = m.tuple_builder(l, false);
    for (let i = 0; i < l.length; i++) assert.ok(Object.is(t[i], l[i]), `tuple item ${i}`);
    assert.deepStrictEqual([...m.tuple_builder(t, false)], l);
  });
  it('lists and tuples of numbers built in C keep every value exact', () => {
    const odd = [-0, 0.5, NaN, Infinity, -Infinity, 2 ** 47 - 1, -(2 ** 47), 1e300, 5e-324, -1.5, 0, 1, -1];
    for (const n of [8, 9, 40, 1000, 3000]) {
      const l = Array.from({ length: n }, (_, i) => (i < odd.length ? odd[i] : (i % 3 ? i * 7 - 500 : i / 4)));
      for (const built of [m.list_builder(l, false), m.tuple_builder(l, false)]) {
        assert.strictEqual(built.length, n);
        for (let i = 0; i < n; i++) assert.ok(Object.is(built[i], l[i]), `${n}: item ${i}: ${built[i]} vs ${l[i]}`);
      }
      assert.ok(Object.isFrozen(m.tuple_builder(l, false)) && !Object.isFrozen(m.list_builder(l, false)));
      if (n <= 64) {
        const t = m.tuple_from_array(l);
        assert.ok(t instanceof hpy.PyTuple && Object.isFrozen(t));
        for (let i = 0; i < n; i++) assert.ok(Object.is(t[i], l[i]), `HPyTuple_FromArray ${n}: item ${i}`);
      }
    }
  });
  it('a long list changed between calls is read afresh', () => {
    const l = Array.from({ length: 40 }, (_, i) => i);
    assert.strictEqual(m.list_builder(l, false)[5], 5);
    l[5] = 99.5;
    l[6] = 'six';
    const again = m.list_builder(l, false);
    assert.strictEqual(again[5], 99.5);
    assert.strictEqual(again[6], 'six');
  });
  it('reading a long list while an element getter reads another one from C', () => {
    const inner = Array.from({ length: 100 }, (_, i) => (i < 50 ? 1 : i));  // 1s where a shared buffer would hold kinds
    const target = Array.from({ length: 40 }, (_, i) => i + 0.25);
    let innerCopy = null;
    const outer = [...target];
    Object.defineProperty(outer, 7, {
      get() {
        if (!innerCopy) innerCopy = m.list_builder(inner, false);
        return target[7];
      },
    });
    assert.deepStrictEqual(m.list_builder(outer, false), target);
    assert.deepStrictEqual(innerCopy, inner);
  });
  it('HPyTracker keeps tracked handles valid until it is closed, growing past its initial size', () => {
    assert.deepStrictEqual([...m.tracker(5, false)], ['s0', 's1', 's2', 's3', 's4']);
    const big = m.tracker(1000, false);
    assert.strictEqual(big.length, 1000);
    assert.strictEqual(big[999], 's999');
    assert.deepStrictEqual([...m.tracker(0, false)], []);
  });
  it('HPyTracker_ForgetAll leaves the handles to their owner', () => {
    assert.deepStrictEqual([...m.tracker(3, true)], ['s0', 's1', 's2']);
    assert.strictEqual(m.tracker(1000, true)[500], 's500');
  });
});

describe('objects: dicts from C', () => {
  it('HPyDict_New / HPyDict_Check: plain objects and Maps are dicts', () => {
    const d = m.dict_new();
    assert.strictEqual(Object.getPrototypeOf(d), Object.prototype);
    assert.deepStrictEqual(d, {});
    assert.strictEqual(m.dict_check(d), 1);
    assert.strictEqual(m.dict_check(new Map()), 1);
    assert.strictEqual(m.dict_check(Object.create(null)), 1);
    assert.strictEqual(m.dict_check([]), 0);
    assert.strictEqual(m.dict_check(new (class X {})()), 0);
    assert.strictEqual(m.dict_check(null), 0);
  });
  it('HPyDict_Keys returns a new list of the keys in insertion order', () => {
    const d = { b: 1, a: 2, c: 3 };
    const k = m.dict_keys(d);
    assert.ok(Array.isArray(k) && !(k instanceof hpy.PyTuple));
    assert.deepStrictEqual(k, ['b', 'a', 'c']);
    assert.notStrictEqual(m.dict_keys(d), k);
    assert.deepStrictEqual(m.dict_keys(new Map([[2, 'x'], ['k', 'y']])), [2, 'k']);
    assert.deepStrictEqual(m.dict_keys({}), []);
    throwsPy(() => m.dict_keys([]), B.SystemError);
  });
  it('HPyDict_Copy is a shallow copy', () => {
    const inner = [1];
    const d = { a: inner, b: 2 };
    const c = m.dict_copy(d);
    assert.notStrictEqual(c, d);
    assert.deepStrictEqual(c, d);
    assert.strictEqual(c.a, inner);
    p.setitem_s(c, 'b', 3);
    assert.strictEqual(d.b, 2);
    const mc = m.dict_copy(new Map([[1, 'one']]));
    assert.strictEqual(m.dict_check(mc), 1);
    assert.strictEqual(hpy.getitem(mc, 1), 'one');
    throwsPy(() => m.dict_copy([]), B.SystemError);
  });
  it('HPyDict_Copy keeps non-string keys', () => {
    const [d] = m.dict_collide();
    const c = m.dict_copy(d);
    assert.strictEqual(hpy.len(c), 1);
    assert.strictEqual(hpy.getitem(c, 1), 'bool');
  });
  it('"__proto__" and "constructor" set from C are own ordinary keys and pollute nothing', () => {
    for (const make of [m.dict_from_pairs, m.dict_from_pairs_s]) {
      const payload = { polluted: true };
      const d = make([['__proto__', payload], ['constructor', 2], ['toString', 3]]);
      assert.strictEqual(Object.getPrototypeOf(d), Object.prototype);
      assert.ok(Object.prototype.hasOwnProperty.call(d, '__proto__'));
      assert.strictEqual(Object.getOwnPropertyDescriptor(d, '__proto__').value, payload);
      assert.strictEqual(d.constructor, 2);
      assert.strictEqual(d.polluted, undefined);
      assert.strictEqual({}.polluted, undefined);
      assert.strictEqual(Object.prototype.polluted, undefined);
      assert.strictEqual(hpy.len(d), 3);
      assert.deepStrictEqual(m.dict_keys(d), ['__proto__', 'constructor', 'toString']);
      assert.strictEqual(p.getitem_s(d, '__proto__'), payload);
      assert.strictEqual(p.getitem(d, 'constructor'), 2);
      assert.strictEqual(p.contains(d, '__proto__'), 1);
      const c = m.dict_copy(d);
      assert.strictEqual(Object.getPrototypeOf(c), Object.prototype);
      assert.strictEqual(Object.getOwnPropertyDescriptor(c, '__proto__').value, payload);
    }
  });
  it('HPy_SetItem_s of "__proto__" on a dict made in C pollutes nothing', () => {
    const d = m.dict_new();
    assert.strictEqual(p.setitem_s(d, '__proto__', { polluted: 1 }), 0);
    assert.strictEqual(Object.getPrototypeOf(d), Object.prototype);
    assert.strictEqual({}.polluted, undefined);
    assert.deepStrictEqual(m.dict_keys(d), ['__proto__']);
    assert.strictEqual(p.delitem_s(d, '__proto__'), 0);
    assert.strictEqual(hpy.len(d), 0);
    assert.strictEqual(Object.getPrototypeOf(d), Object.prototype);
  });
  it('inherited properties are never dict keys when read from C', () => {
    const d = m.dict_new();
    for (const k of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
      throwsPy(() => p.getitem_s(d, k), B.KeyError, new RegExp(`'${k}'`));
      throwsPy(() => p.getitem(d, k), B.KeyError);
      assert.strictEqual(p.contains(d, k), 0, k);
      throwsPy(() => p.delitem_s(d, k), B.KeyError);
    }
    assert.strictEqual(p.length(d), 0);
  });
  it('keys 1, 1.0 and True set from C are one entry; the first key object is kept', () => {
    const [d, g1, g2, g3, len, has15] = m.dict_collide();
    assert.strictEqual(g1, 'bool');
    assert.strictEqual(g2, 'bool');
    assert.strictEqual(g3, 'bool');
    assert.strictEqual(len, 1);
    assert.strictEqual(has15, false);
    assert.strictEqual(hpy.len(d), 1);
    const keys = m.dict_keys(d);
    assert.strictEqual(keys.length, 1);
    assert.strictEqual(keys[0], 1); // the int key, not True
    assert.strictEqual(hpy.getitem(d, true), 'bool');
    assert.strictEqual(hpy.getitem(d, 1), 'bool');
    assert.strictEqual(hpy.repr(d), "{1: 'bool'}");
    throwsPy(() => hpy.getitem(d, '1'), B.KeyError); // the str '1' is another key
    assert.strictEqual(d['1'], undefined);
  });
  it('int, str and float keys set from C stay distinct where Python says so', () => {
    const d = m.dict_from_pairs([[1, 'a'], ['1', 'b'], [true, 'c'], [1.5, 'd'], [2n ** 64n, 'e'], [null, 'f']]);
    assert.strictEqual(hpy.len(d), 5);
    assert.strictEqual(p.getitem(d, 1), 'c');
    assert.strictEqual(p.getitem(d, '1'), 'b');
    assert.strictEqual(p.getitem(d, 1.5), 'd');
    assert.strictEqual(p.getitem(d, 2n ** 64n), 'e');
    assert.strictEqual(p.getitem(d, null), 'f');
    assert.strictEqual(p.contains(d, 2), 0);
    assert.deepStrictEqual(new Set(m.dict_keys(d)), new Set([1, '1', 1.5, 2n ** 64n, null]));
  });
  it('a bigint key equal to a safe int is the same key', () => {
    const d = m.dict_from_pairs([[5n, 'big'], [5, 'small']]);
    assert.strictEqual(hpy.len(d), 1);
    assert.strictEqual(p.getitem(d, 5), 'small');
    assert.strictEqual(p.getitem(d, 5n), 'small');
  });
  it('tuple keys set from C compare by value', () => {
    const [d, got, has, len] = m.dict_tuple_keys();
    assert.strictEqual(got, 'v');
    assert.strictEqual(has, true);
    assert.strictEqual(len, 1);
    assert.strictEqual(hpy.getitem(d, hpy.makeTuple([1, 'a'])), 'w');
    assert.strictEqual(p.getitem(d, m.tuple_pack(true, 'a')), 'w');
    throwsPy(() => p.getitem(d, hpy.makeTuple([1, 'b'])), B.KeyError);
    const [k] = m.dict_keys(d);
    assert.ok(k instanceof hpy.PyTuple);
    assert.deepStrictEqual([...k], [1, 'a']);
    assert.strictEqual(hpy.repr(d), "{(1, 'a'): 'w'}");
  });
  it('nested tuple keys and unhashable keys', () => {
    const key = hpy.makeTuple([1, hpy.makeTuple([2, 3])]);
    const d = m.dict_from_pairs([[key, 'nested']]);
    assert.strictEqual(p.getitem(d, hpy.makeTuple([1, hpy.makeTuple([2, 3])])), 'nested');
    throwsPy(() => m.dict_from_pairs([[[1], 1]]), B.TypeError, /unhashable type: 'list'/);
    throwsPy(() => m.dict_from_pairs([[hpy.makeTuple([1, []]), 1]]), B.TypeError, /unhashable type: 'list'/);
    throwsPy(() => m.dict_from_pairs([[{}, 1]]), B.TypeError, /unhashable type: 'dict'/);
  });
});

describe('objects: slices from C', () => {
  it('HPySlice_New makes slice objects; NULL and None both mean None', () => {
    const s = m.slice_new(1, null, -1);
    assert.strictEqual(hpy.typeOf(s), B.slice);
    assert.strictEqual(hpy.getattr(s, 'start'), 1);
    assert.strictEqual(hpy.getattr(s, 'stop'), null);
    assert.strictEqual(hpy.getattr(s, 'step'), -1);
    for (const e of [m.slice_new(null, null, null), m.slice_new_none(null, null, null)]) {
      assert.strictEqual(hpy.repr(e), 'slice(None, None, None)');
    }
    assert.strictEqual(hpy.repr(m.slice_new('a', 2.5, hpy.makeTuple([]))), "slice('a', 2.5, ())");
    throwsPy(() => hpy.hash(m.slice_new(1, 2, 3)), B.TypeError, /unhashable type: 'slice'/);
  });
  it('HPySlice_Unpack: defaults are 0 / HPY_SSIZE_T_MAX / MIN like PySlice_Unpack', () => {
    assert.deepStrictEqual([...m.slice_unpack(B.slice(null))], [0, SSIZE_MAX, 1]);
    assert.deepStrictEqual([...m.slice_unpack(B.slice(null, null, -1))], [SSIZE_MAX, SSIZE_MIN, -1]);
    assert.deepStrictEqual([...m.slice_unpack(B.slice(1, 2, 3))], [1, 2, 3]);
    assert.deepStrictEqual([...m.slice_unpack(m.slice_new(-5, null, 2))], [-5, SSIZE_MAX, 2]);
  });
  it('HPySlice_Unpack clamps huge bounds and steps', () => {
    assert.deepStrictEqual([...m.slice_unpack(B.slice(2n ** 70n, -(2n ** 70n), 2n ** 70n))], [SSIZE_MAX, SSIZE_MIN, SSIZE_MAX]);
    assert.deepStrictEqual([...m.slice_unpack(B.slice(2n ** 63n - 1n, -(2n ** 63n), 1))], [SSIZE_MAX, SSIZE_MIN, 1]);
    assert.deepStrictEqual([...m.slice_unpack(B.slice(-(2n ** 70n), 2n ** 70n, 5))], [SSIZE_MIN, SSIZE_MAX, 5]);
  });
  it('HPySlice_Unpack clamps a step below -HPY_SSIZE_T_MAX to -HPY_SSIZE_T_MAX', () => {
    assert.deepStrictEqual([...m.slice_unpack(B.slice(-(2n ** 70n), 2n ** 70n, -(2n ** 70n)))], [SSIZE_MIN, SSIZE_MAX, -SSIZE_MAX]);
    assert.deepStrictEqual([...m.slice_unpack(B.slice(true, null, SSIZE_MIN))], [1, SSIZE_MIN, -SSIZE_MAX]);
  });
  it('HPySlice_Unpack errors', () => {
    throwsPy(() => m.slice_unpack(B.slice(0, 1, 0)), B.ValueError, /slice step cannot be zero/);
    throwsPy(() => m.slice_unpack(B.slice('a')), B.TypeError, /slice indices must be integers or None or have an __index__ method/);
    throwsPy(() => m.slice_unpack(B.slice(1, 2.5)), B.TypeError, /slice indices must be integers/);
    throwsPy(() => m.slice_unpack(5), B.TypeError);
  });
  it('HPySlice_Unpack + HPySlice_AdjustIndices agree with slice.indices()', () => {
    const cases = [
      [[null], 5, [0, 5, 1, 5]],
      [[null, null, -1], 5, [4, -1, -1, 5]],
      [[-100, 100, 3], 10, [0, 10, 3, 4]],
      [[8, 1, -2], 5, [4, 1, -2, 2]],
      [[1, 8, -2], 5, [1, 4, -2, 0]],
      [[-2, null], 5, [3, 5, 1, 2]],
      [[null], 0, [0, 0, 1, 0]],
      [[null, null, -1], 0, [-1, -1, -1, 0]],
      [[3, -100, -1], 5, [3, -1, -1, 4]],
      [[2n ** 70n, null, -1], 5, [4, -1, -1, 5]],
    ];
    for (const [args, len, want] of cases) {
      assert.deepStrictEqual([...m.slice_indices(B.slice(...args), len)], want, `slice(${args}) of ${len}`);
    }
  });
  it('a slice made in C indexes lists, tuples, str (code points) and bytes', () => {
    assert.strictEqual(m.slice_apply('a😀bc', null, null, -1), 'cb😀a');
    assert.deepStrictEqual(m.slice_apply([0, 1, 2, 3, 4], 1, null, 2), [1, 3]);
    const t = m.slice_apply(hpy.makeTuple([0, 1, 2]), -2, null, null);
    assert.ok(t instanceof hpy.PyTuple);
    assert.deepStrictEqual([...t], [1, 2]);
    assert.strictEqual(m.slice_apply(Buffer.from('abc'), null, null, -1).toString(), 'cba');
    throwsPy(() => m.slice_apply([1], null, null, 0), B.ValueError, /slice step cannot be zero/);
  });
});
