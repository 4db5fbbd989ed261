'use strict';
// The object protocol exercised from C (test/ext/obj_protocol.c): attributes, items, slices,
// length, containment, repr/str/ascii/bytes, hash, comparison, truth, types, calls and
// iteration, with the results CPython gives for the same calls.
const assert = require('assert');
const { throwsPy } = require('./assert-py');
const hpy = require('..');
const { loadTestExt } = require('./helpers');

const { builtins: B, kw, Ellipsis } = hpy;
const m = loadTestExt('obj_protocol');
const OP = m.cmp_ops();
const SSIZE_MAX = 2n ** 63n - 1n;

// A JS object that is no dict (plain objects are dicts): its properties are attributes and its
// dunder methods take part in the Python protocols.
class JsObj {}
function pyobj(props) {
  return Object.defineProperties(new JsObj(), Object.getOwnPropertyDescriptors(props));
}


describe('objects: attributes from C', () => {
  it('HPy_GetAttr / HPy_GetAttr_s read JS properties, module attributes and methods', () => {
    const o = pyobj({ a: 1, b: 'x' });
    assert.strictEqual(m.getattr(o, 'a'), 1);
    assert.strictEqual(m.getattr_s(o, 'b'), 'x');
    assert.strictEqual(m.getattr_s(m, 'getattr'), m.getattr);
    const upper = m.getattr('abc', 'upper');
    assert.strictEqual(hpy.call(upper, []), 'ABC');
    assert.strictEqual(m.getattr_s([1, 2], '__len__')(), 2);
  });
  it('a missing attribute raises AttributeError naming type and attribute', () => {
    throwsPy(() => m.getattr(1, 'nope'), B.AttributeError, /'int' object has no attribute 'nope'/);
    throwsPy(() => m.getattr_s('s', 'nope'), B.AttributeError, /'str' object has no attribute 'nope'/);
    throwsPy(() => m.getattr(pyobj({}), 'nope'), B.AttributeError, /'JsObj' object has no attribute 'nope'/);
    throwsPy(() => m.getattr({ nope: 1 }, 'nope'), B.AttributeError, /'dict' object has no attribute 'nope'/);
  });
  it('a non-str name raises TypeError', () => {
    throwsPy(() => m.getattr(pyobj({}), 1), B.TypeError, /attribute name must be string/);
    throwsPy(() => m.setattr(pyobj({}), 1, 2), B.TypeError, /attribute name must be string/);
  });
  it('HPy_HasAttr / HPy_HasAttr_s return 1/0 and never leave an error pending', () => {
    const o = pyobj({ b: 0 });
    assert.strictEqual(m.hasattr(o, 'b'), 1);
    assert.strictEqual(m.hasattr_s(o, 'b'), 1);
    assert.strictEqual(m.hasattr(o, 'zz'), 0);
    assert.strictEqual(m.hasattr_s(o, 'zz'), 0);
    assert.strictEqual(m.hasattr('abc', 'upper'), 1);
    assert.strictEqual(m.hasattr(3, 'real'), 1);
    // a getter that throws: HasAttr swallows the error (as PyObject_HasAttr does)
    const bad = pyobj({ get boom() { throw new B.ValueError('getter'); } });
    assert.strictEqual(m.hasattr(bad, 'boom'), 0);
    assert.strictEqual(m.hasattr_s(bad, 'boom'), 0);
    assert.strictEqual(m.hasattr(o, 1), 0); // even a bad name gives 0, not an error
  });
  it('inherited JS methods come back bound; own function properties as they are', () => {
    class K { constructor() { this.v = 7; this.own = function () { return this; }; } get() { return this.v; } }
    const k = new K();
    const got = m.getattr(k, 'get');
    assert.strictEqual(hpy.call(got, []), 7);
    assert.strictEqual(m.getattr(k, 'own'), k.own);
  });
  it('HPy_SetAttr / HPy_SetAttr_s set own properties and return 0', () => {
    const o = pyobj({});
    assert.strictEqual(m.setattr(o, 'x', 5), 0);
    assert.strictEqual(m.setattr_s(o, 'y', 'why'), 0);
    assert.deepStrictEqual({ ...o }, { x: 5, y: 'why' });
    // a dict has no settable attributes
    throwsPy(() => m.setattr({}, 'x', 1), B.AttributeError, /'dict' object has no attribute 'x'/);
  });
  it('setting an attribute of a builtin value raises AttributeError', () => {
    throwsPy(() => m.setattr(1, 'x', 1), B.AttributeError, /'int' object has no attribute 'x'/);
    throwsPy(() => m.setattr_s('s', 'x', 1), B.AttributeError, /'str' object has no attribute 'x'/);
    throwsPy(() => m.setattr_s([], 'x', 1), B.AttributeError, /'list' object has no attribute 'x'/);
  });
  it('HPy_DelAttr / HPy_DelAttr_s delete, and a missing attribute raises AttributeError', () => {
    const o = pyobj({ x: 1, y: 2, z: 3 });
    assert.strictEqual(m.delattr(o, 'x'), 0);
    assert.strictEqual(m.delattr_s(o, 'y'), 0);
    assert.deepStrictEqual({ ...o }, { z: 3 });
    throwsPy(() => m.delattr(o, 'x'), B.AttributeError, /x/);
    throwsPy(() => m.delattr_s(o, 'y'), B.AttributeError, /y/);
  });
  it('a JS error thrown by a getter propagates unchanged through HPy_GetAttr', () => {
    const err = new RangeError('from getter');
    const o = pyobj({ get g() { throw err; } });
    assert.throws(() => m.getattr(o, 'g'), (e) => e === err);
  });
});

describe('objects: items from C', () => {
  it('HPy_GetItem / _i / _s on list, tuple, str, bytes and dict', () => {
    const l = [10, 20, 30];
    assert.strictEqual(m.getitem(l, 0), 10);
    assert.strictEqual(m.getitem(l, -1), 30);
    assert.strictEqual(m.getitem_i(l, -3), 10);
    assert.strictEqual(m.getitem_i(hpy.makeTuple(['a', 'b']), 1), 'b');
    assert.strictEqual(m.getitem('a😀b', 1), '😀');
    assert.strictEqual(m.getitem_i('a😀b', 2), 'b');
    assert.strictEqual(m.getitem_i('a😀b', -1), 'b');
    assert.strictEqual(m.getitem_i(Buffer.from('AB'), 1), 66);
    assert.strictEqual(m.getitem({ k: 'v' }, 'k'), 'v');
    assert.strictEqual(m.getitem_s({ k: 'v' }, 'k'), 'v');
    assert.strictEqual(m.getitem(new Map([[1, 'one']]), 1), 'one');
  });
  it('C-string keys and names passed again (cached by address) are read afresh each time', () => {
    // The key is a copy in a buffer the call frees: the next call's key often lands at the same
    // address with other text.
    const d = {}, o = new (class Bag {})();
    for (let i = 0; i < 300; i++) d[`key${i}`] = o[`attr${i}`] = i;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 300; i++) {
        assert.strictEqual(m.getitem_s(d, `key${i}`), i);
        assert.strictEqual(m.getattr_s(o, `attr${i}`), i);
      }
    }
    throwsPy(() => m.getitem_s(d, 'key300'), B.KeyError);
    assert.strictEqual(m.getitem_s({ key300: 'late' }, 'key300'), 'late');
  });
  it('out-of-range indices raise IndexError, missing keys KeyError, bad index types TypeError', () => {
    throwsPy(() => m.getitem([1], 1), B.IndexError, /list index out of range/);
    throwsPy(() => m.getitem_i([1], -2), B.IndexError, /list index out of range/);
    throwsPy(() => m.getitem_i(hpy.makeTuple([]), 0), B.IndexError, /tuple index out of range/);
    throwsPy(() => m.getitem_i('ab', 2), B.IndexError, /string index out of range/);
    throwsPy(() => m.getitem({}, 'k'), B.KeyError, /'k'/);
    throwsPy(() => m.getitem_s({}, 'k'), B.KeyError, /'k'/);
    throwsPy(() => m.getitem([1], 'a'), B.TypeError, /list indices must be integers or slices, not str/);
    throwsPy(() => m.getitem(5, 0), B.TypeError, /'int' object is not subscriptable/);
    throwsPy(() => m.getitem_i(5, 0), B.TypeError, /'int' object is not subscriptable/);
  });
  it('_i variants take the full HPy_ssize_t range', () => {
    throwsPy(() => m.getitem_i([1], 2n ** 63n - 1n), B.IndexError, /list index out of range/);
    throwsPy(() => m.getitem_i([1], -(2n ** 63n)), B.IndexError, /list index out of range/);
    throwsPy(() => m.setitem_i([1], 2n ** 63n - 1n, 0), B.IndexError, /list assignment index out of range/);
    throwsPy(() => m.delitem_i([1], -(2n ** 63n)), B.IndexError, /list assignment index out of range/);
  });
  it('HPy_GetItem with a slice object', () => {
    const sl = B.slice(null, null, -1);
    assert.deepStrictEqual(m.getitem([1, 2, 3], sl), [3, 2, 1]);
    assert.strictEqual(m.getitem('a😀b', sl), 'b😀a');
  });
  it('HPy_SetItem / _i / _s on lists and dicts', () => {
    const l = [1, 2, 3];
    assert.strictEqual(m.setitem(l, 0, 'a'), 0);
    assert.strictEqual(m.setitem_i(l, -1, 'c'), 0);
    assert.deepStrictEqual(l, ['a', 2, 'c']);
    const d = {};
    assert.strictEqual(m.setitem(d, 'x', 1), 0);
    assert.strictEqual(m.setitem_s(d, 'y', 2), 0);
    assert.deepStrictEqual(d, { x: 1, y: 2 });
    throwsPy(() => m.setitem_i(l, 3, 0), B.IndexError, /list assignment index out of range/);
    throwsPy(() => m.setitem(hpy.makeTuple([1]), 0, 2), B.TypeError, /'tuple' object does not support item assignment/);
    throwsPy(() => m.setitem_i('abc', 0, 'x'), B.TypeError, /'str' object does not support item assignment/);
    throwsPy(() => m.setitem_s(5, 'k', 1), B.TypeError, /'int' object does not support item assignment/);
  });
  it('stores into frozen or read-only lists and dicts raise TypeError, as JS assignment does, and change nothing', () => {
    // Node-API stores like sloppy-mode JS (a refused store is silent): without a check these
    // returned 0 and lost the value.
    const fl = Object.freeze([1, 2, 3]);
    const fd = Object.freeze({ a: 1 });
    throwsPy(() => m.setitem(fl, 1, 9), B.TypeError, /read only property '1'/);
    throwsPy(() => m.setitem(fd, 'a', 5), B.TypeError, /read only property 'a'/);
    throwsPy(() => m.setitem_s(fd, 'b', 2), B.TypeError, /not extensible/);
    assert.deepStrictEqual([fl, fd], [[1, 2, 3], { a: 1 }]);
    const getterOnly = {};
    Object.defineProperty(getterOnly, 'x', { get: () => 1, enumerable: true });
    throwsPy(() => m.setitem_s(getterOnly, 'x', 5), B.TypeError, /only a getter/);
    const ro = [1, 2];
    Object.defineProperty(ro, 0, { value: 1, writable: false });
    throwsPy(() => m.setitem(ro, 0, 7), B.TypeError, /read only property '0'/);
    assert.deepStrictEqual(ro, [1, 2]);
  });
  it('a store from C into a property with a setter calls it once; NaN is stored', () => {
    const calls = [];
    const d = {};
    Object.defineProperty(d, 'x', { set(v) { calls.push(v); }, get: () => 'other', enumerable: true });
    assert.strictEqual(m.setitem_s(d, 'x', 5), 0);
    assert.strictEqual(m.setitem(d, 'x', 6), 0);
    assert.deepStrictEqual(calls, [5, 6]);
    const n = {};
    assert.strictEqual(m.setitem_s(n, 'v', NaN), 0);
    const l = [0];
    assert.strictEqual(m.setitem(l, 0, NaN), 0);
    assert.ok(Number.isNaN(n.v) && Number.isNaN(l[0]));
  });
  it('HPy_SetItem with an unhashable key raises TypeError', () => {
    throwsPy(() => m.setitem({}, [1], 1), B.TypeError, /unhashable type: 'list'/);
  });
  it('HPy_DelItem / _i / _s', () => {
    const l = [1, 2, 3, 4];
    assert.strictEqual(m.delitem(l, 0), 0);
    assert.strictEqual(m.delitem_i(l, -1), 0);
    assert.deepStrictEqual(l, [2, 3]);
    const d = { a: 1, b: 2, c: 3 };
    assert.strictEqual(m.delitem(d, 'a'), 0);
    assert.strictEqual(m.delitem_s(d, 'b'), 0);
    assert.deepStrictEqual(d, { c: 3 });
    throwsPy(() => m.delitem_s(d, 'b'), B.KeyError, /'b'/);
    throwsPy(() => m.delitem_i(l, 5), B.IndexError, /list assignment index out of range/);
    throwsPy(() => m.delitem(hpy.makeTuple([1]), 0), B.TypeError, /'tuple' object doesn't support item deletion/);
  });
  it('item access on a JS object with __getitem__/__setitem__/__delitem__', () => {
    const log = [];
    const o = pyobj({
      __getitem__(k) { log.push(['get', k]); return k * 2; },
      __setitem__(k, v) { log.push(['set', k, v]); },
      __delitem__(k) { log.push(['del', k]); },
    });
    assert.strictEqual(m.getitem(o, 21), 42);
    assert.strictEqual(m.getitem_i(o, 4), 8);
    assert.strictEqual(m.setitem_i(o, 1, 'v'), 0);
    assert.strictEqual(m.delitem_i(o, 2), 0);
    assert.deepStrictEqual(log, [['get', 21], ['get', 4], ['set', 1, 'v'], ['del', 2]]);
  });
});

describe('objects: slices from C (HPy_GetSlice / SetSlice / DelSlice)', () => {
  it('GetSlice follows Python slicing, including negative and huge bounds', () => {
    const l = [0, 1, 2, 3, 4];
    assert.deepStrictEqual(m.getslice(l, 1, 3), [1, 2]);
    assert.deepStrictEqual(m.getslice(l, -2, null), [3, 4]); // end = HPY_SSIZE_T_MAX
    assert.deepStrictEqual(m.getslice(l, 3, 1), []);
    assert.deepStrictEqual(m.getslice(l, -100, 2), [0, 1]);
    const copy = m.getslice(l, 0, null);
    assert.deepStrictEqual(copy, l);
    assert.notStrictEqual(copy, l);
  });
  it('GetSlice keeps the type: tuple, str (code points), bytes', () => {
    const t = m.getslice(hpy.makeTuple([1, 2, 3]), 1, null);
    assert.ok(t instanceof hpy.PyTuple);
    assert.deepStrictEqual([...t], [2, 3]);
    assert.strictEqual(m.getslice('a😀bc', 1, 3), '😀b');
    const b = m.getslice(Buffer.from('hello'), 1, 4);
    assert.ok(Buffer.isBuffer(b));
    assert.strictEqual(b.toString(), 'ell');
  });
  it('GetSlice on an unsliceable object raises TypeError', () => {
    throwsPy(() => m.getslice(5, 0, 1), B.TypeError, /'int' object is unsliceable/);
  });
  it('SetSlice replaces in place, growing or shrinking the list', () => {
    const l = [0, 1, 2, 3];
    assert.strictEqual(m.setslice(l, 1, 3, ['a', 'b', 'c']), 0);
    assert.deepStrictEqual(l, [0, 'a', 'b', 'c', 3]);
    assert.strictEqual(m.setslice(l, 0, null, [9]), 0);
    assert.deepStrictEqual(l, [9]);
    assert.strictEqual(m.setslice(l, -1, -1, hpy.makeTuple([7, 8])), 0);
    assert.deepStrictEqual(l, [7, 8, 9]);
    throwsPy(() => m.setslice(hpy.makeTuple([1]), 0, 1, []), B.TypeError, /'tuple' object doesn't support slice assignment/);
    throwsPy(() => m.setslice([1], 0, 1, 5), B.TypeError, /can only assign an iterable/);
  });
  it('DelSlice deletes in place', () => {
    const l = [0, 1, 2, 3, 4];
    assert.strictEqual(m.delslice(l, 1, 3), 0);
    assert.deepStrictEqual(l, [0, 3, 4]);
    assert.strictEqual(m.delslice(l, -1, null), 0);
    assert.deepStrictEqual(l, [0, 3]);
    throwsPy(() => m.delslice('abc', 0, 1), B.TypeError, /'str' object doesn't support slice deletion/);
  });
});

describe('objects: HPy_Length and HPy_Contains', () => {
  it('Length counts Python items: code points, bytes, dict keys, __len__', () => {
    assert.strictEqual(m.length([1, 2, 3]), 3);
    assert.strictEqual(m.length('a😀b'), 3);
    assert.strictEqual(m.length(''), 0);
    assert.strictEqual(m.length(Buffer.from([1, 2])), 2);
    assert.strictEqual(m.length({ a: 1, b: 2 }), 2);
    assert.strictEqual(m.length(B.range(0, 10, 3)), 4); // a range, through its __len__
    assert.strictEqual(m.getitem_i(B.range(0, 10, 3), -1), 9);
    assert.strictEqual(m.length(new Map([[1, 2]])), 1);
    assert.strictEqual(m.length(hpy.makeTuple([1])), 1);
    assert.strictEqual(m.length(pyobj({ __len__: () => 7 })), 7);
    assert.strictEqual(m.length({ __len__: () => 7 }), 1); // a dict with one key
  });
  it('Length of an object without one raises TypeError and returns -1', () => {
    throwsPy(() => m.length(5), B.TypeError, /object of type 'int' has no len\(\)/);
    throwsPy(() => m.length(null), B.TypeError, /object of type 'NoneType' has no len\(\)/);
    throwsPy(() => m.length(pyobj({ __len__: () => -1 })), B.ValueError, /__len__\(\) should return >= 0/);
  });
  it('Contains: list equality (1 == True == 1.0), substrings, dict keys, __contains__', () => {
    assert.strictEqual(m.contains([1, 2], 2), 1);
    assert.strictEqual(m.contains([1, 2], 3), 0);
    assert.strictEqual(m.contains([true], 1), 1);
    assert.strictEqual(m.contains([[1, 2]], [1, 2]), 1);
    assert.strictEqual(m.contains(hpy.makeTuple(['a']), 'a'), 1);
    assert.strictEqual(m.contains('hello', 'ell'), 1);
    assert.strictEqual(m.contains('hello', ''), 1);
    assert.strictEqual(m.contains('hello', 'x'), 0);
    assert.strictEqual(m.contains({ a: 1 }, 'a'), 1);
    assert.strictEqual(m.contains({ a: 1 }, 1), 0);
    assert.strictEqual(m.contains({ a: 1 }, 'toString'), 0);
    assert.strictEqual(m.contains(Buffer.from('abc'), 98), 1);
    assert.strictEqual(m.contains(pyobj({ __contains__: (x) => x === 'yes' }), 'yes'), 1);
    assert.strictEqual(m.contains(pyobj({ __contains__: (x) => x === 'yes' }), 'no'), 0);
  });
  it('Contains errors: wrong operand types and non-containers', () => {
    throwsPy(() => m.contains('abc', 1), B.TypeError, /'in <string>' requires string as left operand, not int/);
    throwsPy(() => m.contains(5, 1), B.TypeError, /argument of type 'int' is not iterable/);
    throwsPy(() => m.contains({}, []), B.TypeError, /unhashable type: 'list'/);
  });
});

describe('objects: HPy_Repr / HPy_Str / HPy_ASCII / HPy_Bytes', () => {
  it('Repr is Python repr', () => {
    assert.strictEqual(m.repr('a\n'), "'a\\n'");
    assert.strictEqual(m.repr("it's"), '"it\'s"');
    assert.strictEqual(m.repr([1, 'x', null, true, 1.5]), "[1, 'x', None, True, 1.5]");
    assert.strictEqual(m.repr(hpy.makeTuple([1])), '(1,)');
    assert.strictEqual(m.repr({ a: [1] }), "{'a': [1]}");
    assert.strictEqual(m.repr(-0), '-0.0');
    assert.strictEqual(m.repr(1e22), '1e+22');
    assert.strictEqual(m.repr(2n ** 64n), '18446744073709551616');
    assert.strictEqual(m.repr(Buffer.from([0, 0x41, 0x27, 0xff])), "b\"\\x00A'\\xff\"");
    assert.strictEqual(m.repr(pyobj({ __repr__: () => 'custom!' })), 'custom!');
    assert.match(m.repr(pyobj({})), /^<([\w.]+\.)?JsObj object/);
  });
  it('Repr of a too deeply nested list raises RecursionError', () => {
    let deep = [];
    for (let i = 0; i < 1e6; i++) deep = [deep];
    assert.throws(() => m.repr(deep), (e) => e instanceof B.RecursionError && /maximum recursion depth/.test(e.message));
    assert.strictEqual(m.repr([[[]]]), '[[[]]]');
    // the same from JS, through hpy-node's operations and the builtins module
    assert.throws(() => hpy.repr(deep), B.RecursionError);
    assert.throws(() => B.repr(deep), B.RecursionError);
    assert.throws(() => hpy.hash(hpy.makeTuple([deep])), (e) => e instanceof B.RecursionError || e instanceof B.TypeError);
    // other RangeErrors stay what they are
    const bad = pyobj({ __repr__: () => { throw new RangeError('Invalid array length'); } });
    assert.throws(() => hpy.repr(bad), (e) => e instanceof RangeError && !(e instanceof B.RecursionError));
  });
  it('Str is Python str', () => {
    assert.strictEqual(m.str('a\n'), 'a\n');
    assert.strictEqual(m.str(null), 'None');
    assert.strictEqual(m.str(false), 'False');
    assert.strictEqual(m.str(0.1), '0.1');
    assert.strictEqual(m.str(['a']), "['a']");
    assert.strictEqual(m.str(new B.ValueError('msg')), 'msg');
    assert.strictEqual(m.str(pyobj({ __str__: () => 'S', __repr__: () => 'R' })), 'S');
    assert.strictEqual(m.str(pyobj({ __repr__: () => 'R' })), 'R');
  });
  it('a __repr__ returning a non-str raises TypeError', () => {
    throwsPy(() => m.repr(pyobj({ __repr__: () => 5 })), B.TypeError, /__repr__ returned non-string \(type int\)/);
  });
  it('ASCII escapes non-ASCII characters like ascii()', () => {
    assert.strictEqual(m.ascii('é😀\u2028'), "'\\xe9\\U0001f600\\u2028'");
    assert.strictEqual(m.ascii(['ü']), "['\\xfc']");
    assert.strictEqual(m.ascii('plain'), "'plain'");
  });
  it('Bytes follows PyObject_Bytes: buffers, iterables of ints, __bytes__; str and int raise TypeError', () => {
    const src = Buffer.from('xy');
    const same = m.bytes(src);
    assert.ok(Buffer.isBuffer(same));
    assert.strictEqual(same.toString(), 'xy');
    assert.deepStrictEqual([...m.bytes([65, 66])], [65, 66]);
    assert.deepStrictEqual([...m.bytes(new Uint8Array([1, 2]))], [1, 2]);
    assert.deepStrictEqual([...m.bytes(pyobj({ __bytes__: () => Buffer.from('B') }))], [66]);
    throwsPy(() => m.bytes('abc'), B.TypeError, /cannot convert 'str' object to bytes/);
    throwsPy(() => m.bytes([256]), B.ValueError, /bytes must be in range\(0, 256\)/);
    // PyObject_Bytes is not bytes(): an int is no size here
    throwsPy(() => m.bytes(3), B.TypeError, /cannot convert 'int' object to bytes/);
  });
});

describe('objects: HPy_Hash', () => {
  it('ints hash like CPython, including -1 and the 2**61-1 modulus', () => {
    assert.strictEqual(m.hash(1), 1);
    assert.strictEqual(m.hash(0), 0);
    assert.strictEqual(m.hash(-1), -2);
    assert.strictEqual(m.hash(-2), -2);
    assert.strictEqual(m.hash(2n ** 61n - 1n), 0);
    assert.strictEqual(m.hash(2n ** 61n), 1);
    assert.strictEqual(m.hash(-(2n ** 61n)), -2); // reduces to -1, which is reserved
    assert.strictEqual(m.hash(2n ** 64n), 8);
  });
  it('equal numbers hash equal: 1 == 1.0 == True, 2**53 as float and as bigint', () => {
    assert.strictEqual(m.hash(true), 1);
    assert.strictEqual(m.hash(false), 0);
    assert.strictEqual(m.hash(2 ** 53), m.hash(2n ** 53n));
    assert.strictEqual(m.hash(1.5), 1152921504606846977n);
    assert.strictEqual(m.hash(-0), 0);
    assert.strictEqual(m.hash(Infinity), 314159);
    assert.strictEqual(m.hash(-Infinity), -314159);
  });
  it('tuples hash by value like CPython; strings consistently', () => {
    assert.strictEqual(m.hash(hpy.makeTuple([1, 2])), -3550055125485641917n);
    assert.strictEqual(m.hash(hpy.makeTuple([1, 2])), m.hash(hpy.makeTuple([1, 2])));
    assert.strictEqual(m.hash('abc'), m.hash('ab' + 'c'));
    assert.strictEqual(m.hash('abc'), hpy.hash('abc'));
    assert.notStrictEqual(m.hash('abc'), m.hash('abd'));
  });
  it('unhashable values raise TypeError', () => {
    throwsPy(() => m.hash([]), B.TypeError, /unhashable type: 'list'/);
    throwsPy(() => m.hash({}), B.TypeError, /unhashable type: 'dict'/);
    throwsPy(() => m.hash(hpy.makeTuple([1, []])), B.TypeError, /unhashable type: 'list'/);
  });
  it('__hash__ of a JS object is used, and -1 becomes -2', () => {
    assert.strictEqual(m.hash(pyobj({ __hash__: () => 42 })), 42);
    assert.strictEqual(m.hash(pyobj({ __hash__: () => -1 })), -2);
    const plain = pyobj({});
    assert.strictEqual(m.hash(plain), m.hash(plain)); // identity hash, stable
  });
});

describe('objects: HPy_RichCompare / HPy_RichCompareBool', () => {
  it('the op constants have the HPy values', () => {
    assert.deepStrictEqual({ ...OP }, { LT: 0, LE: 1, EQ: 2, NE: 3, GT: 4, GE: 5 });
  });
  it('numbers compare exactly across int, bigint, float and bool', () => {
    assert.strictEqual(m.richcompare(1, 2.5, OP.LT), true);
    assert.strictEqual(m.richcompare(1, true, OP.EQ), true);
    assert.strictEqual(m.richcompare(2n ** 53n + 1n, 2 ** 53, OP.EQ), false);
    assert.strictEqual(m.richcompare(2n ** 53n + 1n, 2 ** 53, OP.GT), true);
    assert.strictEqual(m.richcompare(2n ** 53n, 2 ** 53, OP.EQ), true);
    assert.strictEqual(m.richcompare(2n ** 1000n, Infinity, OP.LT), true);
    assert.strictEqual(m.richcomparebool(-0, 0, OP.EQ), 1);
  });
  it('NaN is unequal to everything, even itself', () => {
    for (const op of ['LT', 'LE', 'EQ', 'GT', 'GE']) assert.strictEqual(m.richcompare(NaN, NaN, OP[op]), false, op);
    assert.strictEqual(m.richcompare(NaN, NaN, OP.NE), true);
    assert.strictEqual(m.richcomparebool(NaN, 1, OP.LT), 0);
    assert.strictEqual(m.richcomparebool(NaN, NaN, OP.NE), 1);
  });
  it('sequences compare lexicographically; list and tuple are never equal', () => {
    assert.strictEqual(m.richcompare([1, 2], [1, 3], OP.LT), true);
    assert.strictEqual(m.richcompare([1, 2], [1, 2], OP.EQ), true);
    assert.strictEqual(m.richcompare([1, 2], [1, 2, 0], OP.LT), true);
    assert.strictEqual(m.richcompare(hpy.makeTuple([1, 2]), [1, 2], OP.EQ), false);
    assert.strictEqual(m.richcompare(hpy.makeTuple([1, 2]), [1, 2], OP.NE), true);
    assert.strictEqual(m.richcompare('a', 'b', OP.LT), true);
    assert.strictEqual(m.richcompare('😀', '\uffff', OP.GT), true); // code points, not UTF-16 units
    assert.strictEqual(m.richcompare({ a: 1 }, { a: 1 }, OP.EQ), true);
    assert.strictEqual(m.richcompare(null, null, OP.EQ), true);
  });
  it('ordering unorderable types raises TypeError; == falls back to identity', () => {
    throwsPy(() => m.richcompare('a', 1, OP.LT), B.TypeError, /'<' not supported between instances of 'str' and 'int'/);
    throwsPy(() => m.richcomparebool([], {}, OP.GE), B.TypeError, /'>=' not supported between instances of 'list' and 'dict'/);
    throwsPy(() => m.richcompare(null, null, OP.LT), B.TypeError, /'<' not supported between instances of 'NoneType' and 'NoneType'/);
    assert.strictEqual(m.richcompare('a', 1, OP.EQ), false);
    assert.strictEqual(m.richcompare('a', 1, OP.NE), true);
    const o = pyobj({});
    assert.strictEqual(m.richcomparebool(o, o, OP.EQ), 1);
    assert.strictEqual(m.richcomparebool(o, pyobj({}), OP.EQ), 0); // identity for plain objects
    assert.strictEqual(m.richcomparebool({}, {}, OP.EQ), 1); // both are empty dicts
  });
  it('RichCompare returns whatever __eq__/__lt__ return; RichCompareBool takes its truth', () => {
    const o = pyobj({ __eq__: () => 'yes', __lt__: () => [] });
    assert.strictEqual(m.richcompare(o, 1, OP.EQ), 'yes');
    assert.strictEqual(m.richcomparebool(o, 1, OP.EQ), 1);
    assert.deepStrictEqual(m.richcompare(o, 1, OP.LT), []);
    assert.strictEqual(m.richcomparebool(o, 1, OP.LT), 0);
  });
  it('RichCompareBool of an object with itself is 1 for EQ without calling __eq__ (identity shortcut)', () => {
    const o = pyobj({ __eq__: () => false, __hash__: () => 1 });
    assert.strictEqual(m.richcomparebool(o, o, OP.EQ), 1);
    assert.strictEqual(m.richcomparebool(o, o, OP.NE), 0);
    assert.strictEqual(m.richcompare(o, o, OP.EQ), false);
  });
});

describe('objects: HPy_IsTrue', () => {
  it('Python truthiness', () => {
    const t = [1, -1, 0.5, NaN, 'a', ' ', [0], { a: 0 }, 1n, true, Buffer.from([0]), hpy.makeTuple([null]), {}.constructor];
    const f = [0, -0, 0.0, 0n, '', [], {}, null, undefined, false, Buffer.alloc(0), hpy.makeTuple([]), new Map()];
    for (const v of t) assert.strictEqual(m.istrue(v), 1, `truthy: ${String(v)}`);
    for (const v of f) assert.strictEqual(m.istrue(v), 0, `falsy: ${String(v)}`);
  });
  it('__bool__ then __len__ decide; a bad __bool__ raises TypeError', () => {
    assert.strictEqual(m.istrue(pyobj({ __bool__: () => false, __len__: () => 3 })), 0);
    assert.strictEqual(m.istrue(pyobj({ __len__: () => 0 })), 0);
    assert.strictEqual(m.istrue(pyobj({ __len__: () => 2 })), 1);
    assert.strictEqual(m.istrue(pyobj({})), 1);
    throwsPy(() => m.istrue(pyobj({ __bool__: () => 1 })), B.TypeError, /__bool__ should return bool, returned int/);
  });
  it('an exception in __bool__ propagates (IsTrue returns -1)', () => {
    const err = new B.KeyError('k');
    assert.throws(() => m.istrue(pyobj({ __bool__() { throw err; } })), (e) => e === err);
  });
});

describe('objects: HPy_Type, HPy_TypeCheck, HPyType_IsSubtype, HPyCallable_Check', () => {
  it('HPy_Type returns the builtin type constants', () => {
    const cases = [[1, 'int'], [2n ** 70n, 'int'], [1.5, 'float'], [-0, 'float'], [NaN, 'float'], [true, 'bool'],
      ['s', 'str'], [[], 'list'], [hpy.makeTuple([]), 'tuple'], [{}, 'dict'], [new Map(), 'dict'],
      [Buffer.from(''), 'bytes'], [new Uint8Array(1), 'bytes'], [B.slice(1), 'slice'], [B.int, 'type'],
      [B.ValueError, 'type']];
    for (const [v, name] of cases) assert.strictEqual(m.type_is(v), name, `${String(v)} -> ${name}`);
    assert.strictEqual(m.type(1), B.int);
    assert.strictEqual(m.type('x'), B.str);
    assert.strictEqual(m.type_is(null), null);
    assert.strictEqual(m.type(null), hpy.typeOf(null));
    assert.strictEqual(m.type(new B.KeyError('k')), B.KeyError);
  });
  it('HPy_Type of a JS class instance is the class', () => {
    class Foo {}
    assert.strictEqual(m.type(new Foo()), Foo);
  });
  it('HPy_TypeCheck honours subclassing: bool is an int, everything is an object', () => {
    assert.strictEqual(m.typecheck(true, B.int), 1);
    assert.strictEqual(m.typecheck(1, B.bool), 0);
    assert.strictEqual(m.typecheck(1.5, B.int), 0);
    assert.strictEqual(m.typecheck('s', B.object), 1);
    assert.strictEqual(m.typecheck(null, B.object), 1);
    assert.strictEqual(m.typecheck(new B.ZeroDivisionError(), B.ArithmeticError), 1);
    assert.strictEqual(m.typecheck(new B.ZeroDivisionError(), B.LookupError), 0);
    class A {}
    class Sub extends A {}
    assert.strictEqual(m.typecheck(new Sub(), A), 1);
    assert.strictEqual(m.typecheck(new A(), Sub), 0);
    assert.strictEqual(m.typecheck(B.int, B.type), 1);
  });
  it('HPyType_IsSubtype', () => {
    assert.strictEqual(m.issubtype(B.bool, B.int), 1);
    assert.strictEqual(m.issubtype(B.int, B.bool), 0);
    assert.strictEqual(m.issubtype(B.int, B.int), 1);
    assert.strictEqual(m.issubtype(B.KeyError, B.LookupError), 1);
    assert.strictEqual(m.issubtype(B.KeyError, B.Exception), 1);
    assert.strictEqual(m.issubtype(B.KeyError, B.object), 1);
    assert.strictEqual(m.issubtype(B.Exception, B.KeyError), 0);
    assert.strictEqual(m.issubtype(B.ModuleNotFoundError, B.ImportError), 1);
  });
  it('HPyCallable_Check', () => {
    const yes = [() => 1, function f() {}, class {}, B.int, B.ValueError, m.getattr, pyobj({ __call__: () => 1 }), 'x'.toUpperCase];
    const no = [1, 'f', null, [], {}, { __call__: () => 1 }, pyobj({}), hpy.makeTuple([])];
    for (const v of yes) assert.strictEqual(m.callable_check(v), 1);
    for (const v of no) assert.strictEqual(m.callable_check(v), 0);
  });
});

describe('objects: calls from C', () => {
  it('HPy_Call on an extension function, positional and keywords', () => {
    const [a, k] = m.call(m.echo, [1, 'two'], { x: 3, y: null });
    assert.deepStrictEqual([...a], [1, 'two']);
    assert.deepStrictEqual(k, { x: 3, y: null });
    const [a2, k2] = m.call(m.echo, [], null);
    assert.deepStrictEqual([...a2], []);
    assert.deepStrictEqual(k2, {});
  });
  it('HPy_Call on a JS function passes the same objects and returns its result', () => {
    const obj = { n: 1 };
    let seen;
    const r = m.call(function (...args) { seen = args; return args.length; }, [obj, 'a', 2.5], null);
    assert.strictEqual(r, 3);
    assert.strictEqual(seen[0], obj);
    assert.deepStrictEqual(seen.slice(1), ['a', 2.5]);
    assert.strictEqual(m.call(() => undefined, [], null), null); // undefined comes back as None
  });
  it('keywords reach a JS function as a trailing kw() object', () => {
    let seen;
    m.call((...args) => { seen = args; }, [1], { key: 'v' });
    assert.strictEqual(seen.length, 2);
    assert.strictEqual(seen[0], 1);
    assert.ok(seen[1] instanceof hpy.KwArgs);
    assert.deepStrictEqual({ ...seen[1].kwargs }, { key: 'v' });
  });
  it('HPy_Call of a type constructs; of a non-callable raises TypeError', () => {
    assert.strictEqual(m.call(B.int, ['12'], null), 12);
    assert.strictEqual(m.call(B.int, ['ff'], { base: 16 }), 255);
    assert.deepStrictEqual(m.call(B.list, ['ab'], null), ['a', 'b']);
    class P { constructor(x) { this.x = x; } }
    const p = m.call(P, [5], null);
    assert.ok(p instanceof P);
    assert.strictEqual(p.x, 5);
    throwsPy(() => m.call(5, [], null), B.TypeError, /'int' object is not callable/);
  });
  it('HPy_CallMethod: receiver first, with and without keywords', () => {
    assert.strictEqual(m.callmethod('upper', ['abc'], null), 'ABC');
    assert.deepStrictEqual(m.callmethod('split', ['a,b', ','], null), ['a', 'b']);
    assert.deepStrictEqual(m.callmethod('split', ['a,b,c'], { sep: ',', maxsplit: 1 }), ['a', 'b,c']);
    const l = [3, 1, 2];
    assert.strictEqual(m.callmethod('sort', [l], { reverse: true }), null);
    assert.deepStrictEqual(l, [3, 2, 1]);
    class Acc { constructor() { this.x = 10; } add(y, k) { return this.x + y + (k ? k.kwargs.extra : 0); } }
    const o = new Acc();
    assert.strictEqual(m.callmethod('add', [o, 5], null), 15);
    assert.strictEqual(m.callmethod('add', [o, 5], { extra: 100 }), 115);
    throwsPy(() => m.callmethod('nope', [o], null), B.AttributeError, /nope/);
    // a module function through HPy_CallMethod on the module object
    const [pos, kws] = m.callmethod('echo', [m, 1], { k: 2 });
    assert.deepStrictEqual([...pos], [1]);
    assert.deepStrictEqual(kws, { k: 2 });
    throwsPy(() => m.callmethod('upper', [], null), B.SystemError);
  });
  it('HPy_CallTupleDict with NULL, tuple and dict arguments', () => {
    const f = (...a) => a;
    assert.deepStrictEqual(m.calltupledict(f, null, null), []);
    assert.deepStrictEqual(m.calltupledict(f, hpy.makeTuple([1, 2]), null), [1, 2]);
    const [a, k] = m.calltupledict(m.echo, hpy.makeTuple([1]), { z: 26 });
    assert.deepStrictEqual([...a], [1]);
    assert.deepStrictEqual(k, { z: 26 });
    const [a2, k2] = m.calltupledict(m.echo, null, { z: 1 });
    assert.deepStrictEqual([...a2], []);
    assert.deepStrictEqual(k2, { z: 1 });
    throwsPy(() => m.calltupledict(f, [1], null), B.TypeError);
    throwsPy(() => m.calltupledict(f, hpy.makeTuple([]), [1]), B.TypeError);
  });
  it('an extension function raising: the error is pending in C and matches its class', () => {
    assert.deepStrictEqual([...m.call_catch(m.fail, ['bad'], B.ValueError)], ['raised', 1, 1, 0]);
    assert.deepStrictEqual([...m.call_catch(m.fail, ['bad'], B.Exception)], ['raised', 1, 1, 0]);
    assert.deepStrictEqual([...m.call_catch(m.fail, ['bad'], B.KeyError)], ['raised', 1, 0, 0]);
    throwsPy(() => m.call_expect(m.fail, ['bad msg'], B.ValueError), B.ValueError, /^bad msg$/);
  });
  it('a Python exception thrown by a JS function becomes the pending error', () => {
    const f = () => { throw new B.KeyError('k'); };
    assert.deepStrictEqual([...m.call_catch(f, [], B.KeyError)], ['raised', 1, 1, 0]);
    assert.deepStrictEqual([...m.call_catch(f, [], B.LookupError)], ['raised', 1, 1, 0]);
    assert.deepStrictEqual([...m.call_catch(f, [], hpy.makeTuple([B.TypeError, B.KeyError]))], ['raised', 1, 1, 0]);
    assert.deepStrictEqual([...m.call_catch(f, [], B.TypeError)], ['raised', 1, 0, 0]);
  });
  it('a plain JS Error thrown by a JS function is pending as an Exception, not as a specific class', () => {
    const f = () => { throw new TypeError('js type error'); };
    assert.deepStrictEqual([...m.call_catch(f, [], B.Exception)], ['raised', 1, 1, 0]);
    assert.deepStrictEqual([...m.call_catch(f, [], B.BaseException)], ['raised', 1, 1, 0]);
    assert.deepStrictEqual([...m.call_catch(f, [], B.ValueError)], ['raised', 1, 0, 0]);
  });
  it('the original JS error object propagates back to JS unchanged', () => {
    const err = new Error('original');
    err.extra = { tag: 1 };
    const f = () => { throw err; };
    assert.throws(() => m.call(f, [], null), (e) => e === err && e.extra.tag === 1 && e.message === 'original');
    assert.throws(() => m.call_expect(f, [], B.Exception), (e) => e === err);
    const pyErr = new B.ValueError('py');
    assert.throws(() => m.call_expect(() => { throw pyErr; }, [], B.ValueError), (e) => e === pyErr);
    assert.throws(() => m.callmethod('m', [pyobj({ m() { throw err; } })], null), (e) => e === err);
    assert.throws(() => m.calltupledict(f, null, { a: 1 }), (e) => e === err);
  });
  it('non-Error values thrown by JS propagate unchanged too', () => {
    for (const thrown of ['a string', 42, null, { plain: true }]) {
      assert.throws(() => m.call(() => { throw thrown; }, [], null), (e) => e === thrown);
    }
  });
  it('an error raised by C code after a JS call replaces nothing it should not', () => {
    // call_expect turns a non-matching error into RuntimeError("unexpected error")
    throwsPy(() => m.call_expect(() => { throw new B.KeyError('k'); }, [], B.ValueError), B.RuntimeError, /unexpected error/);
  });
  it('HPy_Call through JS and back into C (re-entrancy)', () => {
    const r = m.call((x) => m.call(m.echo, [x], { d: 1 }), ['deep'], null);
    assert.deepStrictEqual([...r[0]], ['deep']);
    assert.deepStrictEqual(r[1], { d: 1 });
  });
});

describe('objects: iteration from C (HPy_GetIter, HPyIter_Next, HPyIter_Check)', () => {
  it('iterates lists, tuples, str (code points), bytes and dicts (keys)', () => {
    assert.deepStrictEqual(m.iterate([1, 'a', null]), [1, 'a', null]);
    assert.deepStrictEqual(m.iterate(hpy.makeTuple([1, 2])), [1, 2]);
    assert.deepStrictEqual(m.iterate('a😀b'), ['a', '😀', 'b']);
    assert.deepStrictEqual(m.iterate(Buffer.from('AB')), [65, 66]);
    assert.deepStrictEqual(m.iterate({ x: 1, y: 2 }), ['x', 'y']);
    assert.deepStrictEqual(m.iterate(new Map([[1, 'a'], ['k', 'b']])), [1, 'k']);
    assert.deepStrictEqual(m.iterate([]), []);
  });
  it('iterates JS iterables: Set, generators, Symbol.iterator objects', () => {
    assert.deepStrictEqual(m.iterate(new Set([3, 4])), [3, 4]);
    function* gen() { yield 1; yield 'two'; }
    assert.deepStrictEqual(m.iterate(gen()), [1, 'two']);
    const custom = pyobj({ *[Symbol.iterator]() { yield 'c'; yield 'd'; } });
    assert.deepStrictEqual(m.iterate(custom), ['c', 'd']);
  });
  it('iterates Python-style iterables (__iter__/__next__ raising StopIteration)', () => {
    let i = 0;
    const it = pyobj({
      __iter__() { return this; },
      __next__() { if (i < 3) return i++; throw new B.StopIteration(); },
    });
    assert.deepStrictEqual(m.iterate(it), [0, 1, 2]);
  });
  it('an error inside iteration is raised; a non-iterable raises TypeError', () => {
    const err = new B.ValueError('mid-iteration');
    function* bad() { yield 1; throw err; }
    assert.throws(() => m.iterate(bad()), (e) => e === err);
    throwsPy(() => m.iterate(5), B.TypeError, /'int' object is not iterable/);
    throwsPy(() => m.getiter(null), B.TypeError, /'NoneType' object is not iterable/);
  });
  it('HPyIter_Next step by step: NULL without error at the end, and stays exhausted', () => {
    const it = m.getiter(['a', 'b']);
    assert.strictEqual(m.iter_check(it), 1);
    assert.strictEqual(m.getiter(it), it); // iter(iterator) is the iterator
    assert.strictEqual(m.iter_next(it), 'a');
    assert.strictEqual(m.iter_next(it), 'b');
    assert.strictEqual(m.iter_next(it), Ellipsis);
    assert.strictEqual(m.iter_next(it), Ellipsis);
  });
  it('a list iterator sees appends made during iteration (shares the list)', () => {
    const l = [1];
    const it = m.getiter(l);
    assert.strictEqual(m.iter_next(it), 1);
    l.push(2);
    assert.strictEqual(m.iter_next(it), 2);
    assert.strictEqual(m.iter_next(it), Ellipsis);
  });
  // Lists and tuples are iterated natively (no JS call per item); the iterator becomes the JS
  // array iterator, at the same position, when JS gets it.
  it('a list or tuple iterator stepped from C goes on in JS where C left it', () => {
    const noop = () => null;
    let [items, check, it] = m.iter_steps([1, 2, 3, 4, 5], 2, noop);
    assert.deepStrictEqual([items, check, [...it]], [[1, 2], 1, [3, 4, 5]]);
    const t = hpy.makeTuple(Array.from({ length: 40 }, (_, i) => i * 1.5));  // read from a snapshot
    [items, , it] = m.iter_steps(t, 10, noop);
    assert.deepStrictEqual(items, [...t].slice(0, 10));
    assert.deepStrictEqual([...it], [...t].slice(10));
    [items, , it] = m.iter_steps([], 3, noop);
    assert.deepStrictEqual([items, [...it]], [[], []]);
  });
  it('a list iterated from C sees the list as it changes, and stays exhausted once exhausted', () => {
    const l = [1, 2];
    let [items, , it] = m.iter_steps(l, 10, (x) => { if (x === 1) l.push(3); });
    assert.deepStrictEqual(items, [1, 2, 3]);
    l.push(4);
    assert.deepStrictEqual([...it], []);  // exhausted before the push: stays so
    const shrinking = [1, 2, 3, 4];
    [items] = m.iter_steps(shrinking, 10, () => { shrinking.pop(); });
    assert.deepStrictEqual(items, [1, 2]);
    const long = Array.from({ length: 5000 }, (_, i) => `s${i}`);  // handles enough to roll scopes
    assert.deepStrictEqual(m.iterate(long), long);
    assert.deepStrictEqual(m.iterate(Array.from({ length: 3000 }, (_, i) => i)), Array.from({ length: 3000 }, (_, i) => i));
  });
  it('HPyIter_Check: iterators yes, iterables no', () => {
    assert.strictEqual(m.iter_check([1]), 0);
    assert.strictEqual(m.iter_check('ab'), 0);
    assert.strictEqual(m.iter_check({}), 0);
    assert.strictEqual(m.iter_check(5), 0);
    assert.strictEqual(m.iter_check(m.getiter('ab')), 1);
    assert.strictEqual(m.iter_check(m.getiter({ a: 1 })), 1);
    assert.strictEqual(m.iter_check(pyobj({ __next__: () => 1 })), 1);
    assert.strictEqual(m.iter_check({ __next__: () => 1 }), 0); // a dict
  });
  it('HPyIter_Next on a non-iterator raises TypeError', () => {
    throwsPy(() => m.iter_next([1, 2]), B.TypeError, /not an iterator/);
  });
});
