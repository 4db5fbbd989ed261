'use strict';
// dict (plain objects + side table, Maps), list, tuple, slices, iteration.
const assert = require('assert');
const { raises } = require('./assert-py');
const m = require('../dist/lib/model');
const E = m.exc;

const T = (...a) => m.makeTuple(a);
const S = (a, b, c) => new m.PySlice(a, b, c);
const call = (o, name, ...args) => m.callMethod(o, name, args);

describe('model: dict on plain objects', () => {
  it('"__proto__" and "constructor" are ordinary keys', () => {
    const d = {};
    m.setitem(d, '__proto__', 1);
    m.setitem(d, 'constructor', 2);
    m.setitem(d, 'toString', 3);
    assert.strictEqual(Object.getPrototypeOf(d), Object.prototype, 'prototype untouched');
    assert.strictEqual(({}).polluted, undefined);
    assert.strictEqual(m.getitem(d, '__proto__'), 1);
    assert.strictEqual(m.getitem(d, 'constructor'), 2);
    assert.strictEqual(m.len(d), 3);
    assert.deepStrictEqual(Object.keys(d), ['__proto__', 'constructor', 'toString']);
    assert.strictEqual(m.repr(d), "{'__proto__': 1, 'constructor': 2, 'toString': 3}");
    m.delitem(d, '__proto__');
    assert.strictEqual(m.contains(d, '__proto__'), false);
  });

  it('never reads inherited properties as keys', () => {
    const d = {};
    assert.strictEqual(m.contains(d, 'toString'), false);
    assert.strictEqual(m.contains(d, 'constructor'), false);
    raises(() => m.getitem(d, 'hasOwnProperty'), E.KeyError, "'hasOwnProperty'");
    assert.strictEqual(m.len(d), 0);
    const n = Object.create(null);
    m.setitem(n, 'a', 1);
    assert.strictEqual(m.repr(n), "{'a': 1}");
    assert.strictEqual(m.typeOf(n), m.dict);
  });

  it('1, 1.0 and true are the same key; the first key object is kept', () => {
    const d = {};
    m.setitem(d, 1, 'int');
    m.setitem(d, true, 'bool');
    m.setitem(d, 1.0, 'float');
    assert.strictEqual(m.len(d), 1);
    assert.strictEqual(m.getitem(d, true), 'float');
    assert.strictEqual(m.getitem(d, 1n), 'float');
    assert.strictEqual(m.repr(d), "{1: 'float'}");
    const e = {};
    m.setitem(e, true, 'x');
    m.setitem(e, 1, 'y');
    assert.strictEqual(m.repr(e), "{True: 'y'}");
    m.setitem(e, 0, 'zero');
    assert.strictEqual(m.getitem(e, false), 'zero');
    assert.strictEqual(m.getitem(e, -0), 'zero');
    assert.strictEqual(m.contains(e, '1'), false, 'the string "1" is another key');
  });

  it('big ints, floats beyond 2**53, None and NaN as keys', () => {
    const d = {};
    m.setitem(d, 2n ** 64n, 'big');
    assert.strictEqual(m.getitem(d, 2 ** 64), 'big', '2.0**64 == 2**64');
    m.setitem(d, 2n ** 53n + 1n, 'odd');
    assert.strictEqual(m.contains(d, 2 ** 53 + 2), false);
    m.setitem(d, null, 'none');
    assert.strictEqual(m.getitem(d, undefined), 'none');
    m.setitem(d, NaN, 'nan');
    assert.strictEqual(m.getitem(d, NaN), 'nan');
    m.setitem(d, 5n, 'five');
    assert.strictEqual(m.getitem(d, 5), 'five');
    assert.strictEqual(m.len(d), 5);
  });

  it('tuple keys by value, objects by __hash__/__eq__, identity otherwise', () => {
    const d = {};
    m.setitem(d, T(1, 'a'), 'x');
    assert.strictEqual(m.getitem(d, T(1, 'a')), 'x');
    assert.strictEqual(m.getitem(d, T(true, 'a')), 'x');
    raises(() => m.getitem(d, T(1, 'b')), E.KeyError, "(1, 'b')");
    class P {
      constructor(x) { this.x = x; }
      __hash__() { return this.x % 7; }
      __eq__(o) { return o instanceof P ? o.x === this.x : m.NotImplemented; }
    }
    m.setitem(d, new P(3), 'p3');
    m.setitem(d, new P(10), 'p10');
    assert.strictEqual(m.getitem(d, new P(3)), 'p3');
    assert.strictEqual(m.getitem(d, new P(10)), 'p10');
    m.setitem(d, new P(3), 'p3b');
    assert.strictEqual(m.len(d), 3);
    class Plain {}
    const a = new Plain(), b = new Plain();
    m.setitem(d, a, 'a');
    assert.strictEqual(m.getitem(d, a), 'a');
    assert.strictEqual(m.contains(d, b), false);
    raises(() => m.setitem(d, [1], 1), E.TypeError, "unhashable type: 'list'");
    raises(() => m.getitem(d, {}), E.TypeError, "unhashable type: 'dict'");
    // non-string keys stay reachable from JS through the side table
    const table = d[m.PYKEYS];
    assert.ok(table instanceof m.KeyTable);
    assert.strictEqual(table.get(T(1, 'a')), 'x');
    assert.deepStrictEqual(Object.keys(d), [], 'no string keys');
  });

  it('insertion order: string keys, then other keys', () => {
    const d = {};
    m.setitem(d, 2, 'two');
    m.setitem(d, 'b', 1);
    m.setitem(d, T(), 'empty');
    m.setitem(d, 'a', 2);
    assert.deepStrictEqual(m.dictKeys(d).map(m.repr), ["'b'", "'a'", '2', '()']);
    assert.deepStrictEqual(call(d, 'values'), [1, 2, 'two', 'empty']);
    assert.strictEqual(m.repr(call(d, 'items')), "[('b', 1), ('a', 2), (2, 'two'), ((), 'empty')]");
  });

  it('dict methods via getattr; keys are never attributes', () => {
    const d = { keys: 1, a: 2 };
    assert.deepStrictEqual(m.getattr(d, 'keys')(), ['keys', 'a']);
    raises(() => m.getattr(d, 'a'), E.AttributeError, "'dict' object has no attribute 'a'");
    assert.strictEqual(m.hasattr(d, 'a'), false);
    assert.strictEqual(call(d, 'get', 'zz'), null);
    assert.strictEqual(call(d, 'get', 'zz', 5), 5);
    assert.strictEqual(call(d, 'pop', 'a'), 2);
    raises(() => call(d, 'pop', 'a'), E.KeyError, "'a'");
    assert.strictEqual(call(d, 'setdefault', 'n', 9), 9);
    call(d, 'update', { x: 1 }, m.kw({ y: 2 }));
    assert.deepStrictEqual(d, { keys: 1, n: 9, x: 1, y: 2 });
    assert.strictEqual(m.repr(call(d, 'popitem')), "('y', 2)");
    const c = call(d, 'copy');
    assert.notStrictEqual(c, d);
    assert.ok(m.richCompareBool(c, d, m.EQ));
    call(d, 'clear');
    assert.strictEqual(m.len(d), 0);
    raises(() => m.setattr({}, 'x', 1), E.AttributeError, "'dict' object has no attribute 'x'");
  });

  it('dict equality, | and |=, dict() constructor', () => {
    const a = { a: 1 };
    m.setitem(a, 2, 'x');
    const b = new Map([[2, 'x'], ['a', 1.0]]);
    assert.strictEqual(m.richCompare(a, b, m.EQ), true);
    assert.strictEqual(m.richCompare({ a: 1 }, { a: 2 }, m.EQ), false);
    raises(() => m.richCompare({}, {}, m.LT), E.TypeError, "'<' not supported between instances of 'dict' and 'dict'");
    assert.deepStrictEqual(m.or({ a: 1 }, { b: 2 }), { a: 1, b: 2 });
    const c = { a: 1 };
    assert.strictEqual(m.inplaceOr(c, [['z', 3]]), c);
    assert.deepStrictEqual(c, { a: 1, z: 3 });
    assert.deepStrictEqual(m.dict([['a', 1], T('b', 2)], m.kw({ c: 3 })), { a: 1, b: 2, c: 3 });
    raises(() => m.dict([[1, 2, 3]]), E.ValueError, 'dictionary update sequence element #0 has length 3; 2 is required');
    assert.strictEqual(m.repr(m.getattr(m.dict, 'fromkeys')('ab', 0)), "{'a': 0, 'b': 0}");
  });

  it('Map is accepted as a dict with Python key semantics', () => {
    const mp = new Map([[1, 'one'], ['s', 'str']]);
    assert.strictEqual(m.typeOf(mp), m.dict);
    assert.strictEqual(m.getitem(mp, true), 'one');
    assert.strictEqual(m.getitem(mp, 1n), 'one');
    assert.strictEqual(m.getitem(mp, 1.0), 'one');
    m.setitem(mp, true, 'uno');
    assert.strictEqual(mp.size, 2);
    assert.strictEqual(mp.get(1), 'uno');
    m.setitem(mp, T(1, 2), 't');
    assert.strictEqual(m.getitem(mp, T(1, 2)), 't');
    raises(() => m.getitem(mp, 'x'), E.KeyError, "'x'");
    assert.strictEqual(m.len(mp), 3);
  });
});

describe('model: list and tuple', () => {
  it('indexing with negative and big indices', () => {
    const l = [1, 2, 3];
    assert.strictEqual(m.getitem(l, -1), 3);
    assert.strictEqual(m.getitem(l, true), 2);
    raises(() => m.getitem(l, 3), E.IndexError, 'list index out of range');
    raises(() => m.getitem(l, -4), E.IndexError, 'list index out of range');
    raises(() => m.getitem(l, 2n ** 70n), E.IndexError, "cannot fit 'int' into an index-sized integer");
    raises(() => m.getitem(l, 'a'), E.TypeError, 'list indices must be integers or slices, not str');
    raises(() => m.getitem(l, 1.5), E.TypeError, 'list indices must be integers or slices, not float');
    raises(() => m.getitem(T(1), 5), E.IndexError, 'tuple index out of range');
    m.setitem(l, -1, 'z');
    assert.deepStrictEqual(l, [1, 2, 'z']);
    raises(() => m.setitem(l, 5, 0), E.IndexError, 'list assignment index out of range');
    raises(() => m.setitem(T(1), 0, 0), E.TypeError, "'tuple' object does not support item assignment");
    m.delitem(l, 0);
    assert.deepStrictEqual(l, [2, 'z']);
  });

  it('slices: get, set (incl. extended), delete', () => {
    const l = [0, 1, 2, 3, 4, 5];
    assert.deepStrictEqual(m.getitem(l, S(null, null, 2)), [0, 2, 4]);
    assert.deepStrictEqual(m.getitem(l, S(5, 1, -1)), [5, 4, 3, 2]);
    assert.deepStrictEqual(m.getitem(l, S(-100, 100)), l);
    assert.notStrictEqual(m.getitem(l, S(null, null)), l);
    const t = T(1, 2, 3);
    assert.strictEqual(m.getitem(t, S(null, null)), t, 'full slice of a tuple is itself');
    assert.ok(m.getitem(t, S(1, null)) instanceof m.PyTuple);
    const a = l.slice();
    m.setitem(a, S(1, 3), ['x']);
    assert.deepStrictEqual(a, [0, 'x', 3, 4, 5]);
    const b = l.slice();
    m.setitem(b, S(null, null, 2), 'abc');
    assert.deepStrictEqual(b, ['a', 1, 'b', 3, 'c', 5]);
    raises(() => m.setitem(l.slice(), S(null, null, 2), [1]), E.ValueError,
      'attempt to assign sequence of size 1 to extended slice of size 3');
    raises(() => m.setitem(l.slice(), S(0, 1), 5), E.TypeError, 'can only assign an iterable');
    const c = l.slice();
    m.delitem(c, S(null, null, 2));
    assert.deepStrictEqual(c, [1, 3, 5]);
    const d = l.slice();
    m.setSlice(d, 0, 2, d);
    assert.deepStrictEqual(d, [0, 1, 2, 3, 4, 5, 2, 3, 4, 5]);
    m.delSlice(d, 2, null);
    assert.deepStrictEqual(d, [0, 1]);
    assert.deepStrictEqual(m.sliceIndices(S(null, null, -1), 5), { start: 4, stop: -1, step: -1, count: 5 });
    assert.strictEqual(m.repr(m.callMethod(S(-10, 10, 2), 'indices', [5])), '(0, 5, 2)');
  });

  it('concatenation, repetition, in-place', () => {
    assert.deepStrictEqual(m.add([1], [2]), [1, 2]);
    assert.strictEqual(m.repr(m.add(T(1), T(2))), '(1, 2)');
    raises(() => m.add([1], T(1)), E.TypeError, 'can only concatenate list (not "tuple") to list');
    raises(() => m.add(T(1), [1]), E.TypeError, 'can only concatenate tuple (not "list") to tuple');
    assert.deepStrictEqual(m.mul([1, 2], 2), [1, 2, 1, 2]);
    assert.deepStrictEqual(m.mul(2, [0]), [0, 0]);
    assert.deepStrictEqual(m.mul([1], -3), []);
    assert.strictEqual(m.mul('ab', 3), 'ababab');
    raises(() => m.mul([1], 1.5), E.TypeError, "can't multiply sequence by non-int of type 'float'");
    raises(() => m.mul('a', 'b'), E.TypeError, "can't multiply sequence by non-int of type 'str'");
    raises(() => m.mul('a', 2n ** 70n), E.OverflowError, "cannot fit 'int' into an index-sized integer");
    const l = [1];
    assert.strictEqual(m.inplaceAdd(l, 'ab'), l, 'list += iterable extends in place');
    assert.deepStrictEqual(l, [1, 'a', 'b']);
    assert.strictEqual(m.inplaceMul(l, 2), l);
    assert.strictEqual(l.length, 6);
    const t = T(1);
    const t2 = m.inplaceAdd(t, T(2));
    assert.notStrictEqual(t2, t);
    assert.strictEqual(m.inplaceAdd('a', 'b'), 'ab');
    raises(() => m.inplaceAdd(1, 'a'), E.TypeError, "unsupported operand type(s) for +=: 'int' and 'str'");
  });

  it('comparison is lexicographic with Python equality', () => {
    assert.strictEqual(m.richCompare(T(1, 2), T(1, 2, 3), m.LT), true);
    assert.strictEqual(m.richCompare([1, 2], [1.0, 2], m.EQ), true);
    assert.strictEqual(m.richCompare([1], T(1), m.EQ), false);
    raises(() => m.richCompare([1], T(1), m.LT), E.TypeError, "'<' not supported between instances of 'list' and 'tuple'");
    raises(() => m.richCompare(T(1, 'a'), T(1, 2), m.LT), E.TypeError, "'<' not supported between instances of 'str' and 'int'");
  });

  it('list methods', () => {
    const l = [3, 1, 2];
    call(l, 'append', 0);
    call(l, 'sort');
    assert.deepStrictEqual(l, [0, 1, 2, 3]);
    m.callMethod(l, 'sort', [], { reverse: true });
    assert.deepStrictEqual(l, [3, 2, 1, 0]);
    const w = ['b', 'A', 'a'];
    m.callMethod(w, 'sort', [], m.kw({ key: m.getattr(m.str, 'lower') }));
    assert.deepStrictEqual(w, ['A', 'a', 'b'], 'stable, with key');
    assert.strictEqual(call(l, 'pop'), 0);
    assert.strictEqual(call(l, 'index', 2), 1);
    raises(() => call(l, 'index', 9), E.ValueError, '9 is not in list');
    raises(() => call([], 'pop'), E.IndexError, 'pop from empty list');
    call(l, 'insert', -100, 'x');
    assert.deepStrictEqual(l, ['x', 3, 2, 1]);
    call(l, 'remove', 3);
    assert.strictEqual(call([1, 1.0, true], 'count', 1), 3);
    raises(() => call(T(1), 'index', 2), E.ValueError, 'tuple.index(x): x not in tuple');
    raises(() => call([3, 'a'], 'sort'), E.TypeError, "'<' not supported between instances of 'str' and 'int'");
  });

  it('tuples are frozen arrays', () => {
    const t = T(1, 2);
    assert.ok(Array.isArray(t));
    assert.ok(Object.isFrozen(t));
    assert.strictEqual(m.typeOf(t), m.tuple);
    assert.ok(Array.isArray(t.map(x => x)) && !(t.map(x => x) instanceof m.PyTuple));
    assert.strictEqual(m.makeTuple([]), m.makeTuple([]), 'empty tuple is shared');
    assert.strictEqual(m.repr(m.tuple('ab')), "('a', 'b')");
    assert.deepStrictEqual(m.list(T(1, 2)), [1, 2]);
  });
  it('new PyTuple(...), PyTuple.from and PyTuple.of make frozen tuples too (native code reads a tuple once for good)', () => {
    const t = new m.PyTuple(1, 2, 3);
    assert.ok(Object.isFrozen(t) && m.typeOf(t) === m.tuple);
    assert.deepStrictEqual([...t], [1, 2, 3]);
    assert.throws(() => { t[0] = 9; }, TypeError);  // (the test files are strict mode)
    assert.deepStrictEqual([...new m.PyTuple(3)], [3]);  // one number is one item, not a length
    assert.ok(Object.isFrozen(m.PyTuple.from([1, 2])) && Object.isFrozen(m.PyTuple.of(1)));
    assert.deepStrictEqual([...m.PyTuple.from('ab', (c) => c + c)], ['aa', 'bb']);
    class Sub extends m.PyTuple {}
    assert.ok(!Object.isFrozen(new Sub(1)));  // a subclass instance may take attributes
  });
});

describe('model: len, contains, iteration', () => {
  it('len of builtins and objects', () => {
    assert.strictEqual(m.len([1, 2]), 2);
    assert.strictEqual(m.len(new Map([[1, 2]])), 1);
    assert.strictEqual(m.len(new Set([1, 2, 3])), 3);
    assert.strictEqual(m.len(Buffer.from('abc')), 3);
    assert.strictEqual(m.len({ length: 4 }), 1, 'a plain object is a dict');
    class L { __len__() { return 5; } }
    assert.strictEqual(m.len(new L()), 5);
    class Neg { __len__() { return -1; } }
    raises(() => m.len(new Neg()), E.ValueError, '__len__() should return >= 0');
    class Arrayish { constructor() { this.length = 7; } }
    assert.strictEqual(m.len(new Arrayish()), 7, 'JS length counts');
    raises(() => m.len(5), E.TypeError, "object of type 'int' has no len()");
    raises(() => m.len(() => 1), E.TypeError, "object of type 'function' has no len()");
  });

  it('contains', () => {
    assert.strictEqual(m.contains([1, 2], 2.0), true);
    assert.strictEqual(m.contains(T('a'), 'a'), true);
    assert.strictEqual(m.contains({ a: 1 }, 'a'), true);
    assert.strictEqual(m.contains({ a: 1 }, 'b'), false);
    raises(() => m.contains({}, []), E.TypeError, "unhashable type: 'list'");
    class C { __contains__(x) { return x === 42; } }
    assert.strictEqual(m.contains(new C(), 42), true);
    class It { *[Symbol.iterator]() { yield 1; yield 2; } }
    assert.strictEqual(m.contains(new It(), 2), true);
    raises(() => m.contains(5, 1), E.TypeError, "argument of type 'int' is not iterable");
  });

  it('iter / next with STOP, __iter__/__next__, Symbol.iterator, __getitem__', () => {
    const drain = (x) => { const it = m.iter(x); const out = []; for (let v = m.next(it); v !== m.STOP; v = m.next(it)) out.push(v); return out; };
    assert.deepStrictEqual(drain([1, 2]), [1, 2]);
    assert.deepStrictEqual(drain({ a: 1, b: 2 }), ['a', 'b']);
    assert.deepStrictEqual(drain(Buffer.from('hi')), [104, 105]);
    assert.deepStrictEqual(drain(new Map([[1, 2]])), [1]);
    class Count {
      constructor() { this.i = 0; }
      __iter__() { return this; }
      __next__() { if (this.i >= 3) throw new E.StopIteration(); return this.i++; }
    }
    assert.deepStrictEqual(drain(new Count()), [0, 1, 2]);
    class Seq { __getitem__(i) { if (i > 2) throw new E.IndexError(); return i * 10; } }
    assert.deepStrictEqual(drain(new Seq()), [0, 10, 20]);
    function* gen() { yield 'g'; }
    assert.deepStrictEqual(drain(gen()), ['g']);
    raises(() => m.iter(5), E.TypeError, "'int' object is not iterable");
    raises(() => m.next([]), E.TypeError, "'list' object is not an iterator");
    assert.ok(m.isIterator(m.iter([])));
    assert.ok(!m.isIterator([]));
    const it = m.iter([1]);
    m.next(it);
    assert.strictEqual(m.next(it), m.STOP);
    assert.strictEqual(m.next(it), m.STOP);
  });
});
