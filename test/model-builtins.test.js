'use strict';
// The builtins module functions and the HPy-convention adapters.
const assert = require('assert');
const { raises } = require('./assert-py');
const m = require('../dist/lib/model');
const E = m.exc;
const B = m.builtinFunctions;

const T = (...a) => m.makeTuple(a);

describe('model: builtins module', () => {
  it('holds types, exceptions, functions and constants', () => {
    const b = m.builtins;
    assert.strictEqual(m.typeOf(b), m.module);
    assert.strictEqual(b.int, m.int);
    assert.strictEqual(b.KeyError, E.KeyError);
    assert.strictEqual(b.None, null);
    assert.strictEqual(b.NotImplemented, m.NotImplemented);
    assert.strictEqual(b.len('ab'), 2);
  });

  it('min / max / sorted / sum / any / all', () => {
    assert.strictEqual(B.max([3, 1, 2]), 3);
    assert.strictEqual(B.min(3, 1, 2), 1);
    assert.strictEqual(B.max(['a', 'bb', 'c'], m.kw({ key: B.len })), 'bb');
    assert.strictEqual(B.min([], m.kw({ default: 'd' })), 'd');
    raises(() => B.max([]), E.ValueError, 'max() arg is an empty sequence');
    assert.deepStrictEqual(B.sorted([3, 1, 2], m.kw({ reverse: true })), [3, 2, 1]);
    assert.deepStrictEqual(B.sorted('bca'), ['a', 'b', 'c']);
    assert.strictEqual(B.sum([1, 2.5]), 3.5);
    assert.strictEqual(B.sum([2n ** 60n, 2n ** 60n]), 2n ** 61n);
    raises(() => B.sum(['a'], ''), E.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    assert.strictEqual(B.any([0, '']), false);
    assert.strictEqual(B.all([]), true);
  });

  it('zip / enumerate / reversed / iter / next', () => {
    assert.strictEqual(m.repr([...B.zip([1, 2], 'ab')]), "[(1, 'a'), (2, 'b')]");
    assert.strictEqual(m.repr(m.list(B.enumerate('ab', 1))), "[(1, 'a'), (2, 'b')]");
    assert.deepStrictEqual(m.list(B.reversed([1, 2])), [2, 1]);
    const it = B.iter([1]);
    assert.strictEqual(B.next(it), 1);
    assert.strictEqual(B.next(it, 'end'), 'end');
    raises(() => B.next(it), E.StopIteration);
  });

  it('chr / ord / hex / oct / bin / round / divmod / pow / abs', () => {
    assert.strictEqual(B.chr(0x1f600), '😀');
    raises(() => B.chr(-1), E.ValueError, 'chr() arg not in range(0x110000)');
    assert.strictEqual(B.ord('😀'), 0x1f600);
    raises(() => B.ord('ab'), E.TypeError, 'ord() expected a character, but string of length 2 found');
    assert.strictEqual(B.hex(-255), '-0xff');
    assert.strictEqual(B.oct(8), '0o10');
    assert.strictEqual(B.bin(-5), '-0b101');
    assert.strictEqual(B.round(2.5), 2);
    assert.strictEqual(B.round(-0.5), 0);
    assert.strictEqual(B.round(2.675, 2), 2.67);
    assert.strictEqual(B.round(1.23456, 3), 1.235);
    assert.strictEqual(B.round(1250, -2), 1200);
    assert.strictEqual(B.round(-25, -1), -20);
    assert.strictEqual(B.round(1e300, -300), 1e300);
    assert.strictEqual(m.repr(B.divmod(7, -2)), '(-4, -1)');
    assert.strictEqual(B.pow(3, -1, 7), 5);
    assert.strictEqual(B.abs(-(2n ** 70n)), 2n ** 70n);
    assert.strictEqual(B.callable(B.len), true);
    assert.strictEqual(B.isinstance(true, m.int), true);
    assert.strictEqual(B.issubclass(m.bool, T(m.str, m.int)), true);
    assert.strictEqual(B.format(0.5, '.1%'), '50.0%');
    assert.strictEqual(B.id(B), B.id(B));
  });
});

describe('model: range', () => {
  const r = (...a) => m.builtins.range(...a);
  it('constructs, measures, indexes and slices like Python', () => {
    assert.strictEqual(m.repr(r(0, 10, 3)), 'range(0, 10, 3)');
    assert.strictEqual(m.repr(r(5)), 'range(0, 5)');
    assert.strictEqual(m.len(r(0, 10, 3)), 4);
    assert.strictEqual(m.len(r(10, 0)), 0);
    assert.strictEqual(m.len(r(10, 0, -3)), 4);
    assert.deepStrictEqual(m.toArray(r(10, 0, -3)), [10, 7, 4, 1]);
    assert.strictEqual(m.getitem(r(0, 10, 3), -1), 9);
    assert.strictEqual(m.repr(m.getitem(r(0, 10, 3), new m.PySlice(null, null, -1))), 'range(9, -3, -3)');
    assert.strictEqual(m.repr(m.getitem(r(0, 20), new m.PySlice(2, 8, 2))), 'range(2, 8, 2)');
    raises(() => m.getitem(r(3), 3), E.IndexError, 'range object index out of range');
    raises(() => m.getitem(r(3), 'a'), E.TypeError, 'range indices must be integers or slices, not str');
    raises(() => r(1, 2, 0), E.ValueError, 'range() arg 3 must not be zero');
    raises(() => r(), E.TypeError, 'range expected at least 1 argument, got 0');
    raises(() => r(1.5), E.TypeError);
    assert.strictEqual(m.repr(r(2n ** 70n)), `range(0, ${2n ** 70n})`);
    assert.strictEqual(m.getitem(r(2n ** 70n), -1), 2n ** 70n - 1n);
  });
  it('membership, equality, hashing, methods, iteration', () => {
    assert.strictEqual(m.contains(r(0, 10, 3), 6), true);
    assert.strictEqual(m.contains(r(0, 10, 3), 7), false);
    assert.strictEqual(m.contains(r(0, 10, 3), true), false); // True == 1
    assert.strictEqual(m.contains(r(0, 10, 3), 3.0), true);
    assert.strictEqual(m.eq(r(0), r(5, 2)), true); // both empty
    assert.strictEqual(m.eq(r(0, 3), r(0, 3, 1)), true);
    assert.strictEqual(m.eq(r(0, 3), [0, 1, 2]), false);
    assert.strictEqual(m.hash(r(0, 3)), m.hash(r(0, 3, 1)));
    assert.strictEqual(m.getattr(r(0, 10, 3), 'index')(9), 3);
    raises(() => m.getattr(r(3), 'index')(7), E.ValueError, '7 is not in range');
    assert.strictEqual(m.getattr(r(0, 10, 3), 'count')(3), 1);
    assert.deepStrictEqual([...r(3)], [0, 1, 2]);
    assert.deepStrictEqual(m.toArray(m.builtins.reversed(r(4))), [3, 2, 1, 0]);
    assert.strictEqual(m.builtins.sum(r(101)), 5050);
    assert.strictEqual(m.typeOf(r(1)), m.builtins.range);
    assert.strictEqual(m.getattr(r(1, 5), 'stop'), 5);
    assert.strictEqual(m.isTrue(r(0)), false);
  });
});

describe('model: set and frozenset', () => {
  const set = (...a) => m.builtins.set(...a);
  const fs = (...a) => m.builtins.frozenset(...a);
  it('members compare as Python\'s: 1 == 1.0 == True, tuples by value', () => {
    const s = set([1, 2, 2, true, 1.0, T(1, 2)]);
    assert.strictEqual(m.len(s), 3);
    assert.strictEqual(m.repr(s), '{1, 2, (1, 2)}');
    assert.strictEqual(m.contains(s, T(1, 2)), true);
    assert.strictEqual(m.contains(s, 3), false);
    raises(() => set([[1]]), E.TypeError, "unhashable type: 'list'");
    assert.strictEqual(m.repr(set()), 'set()');
    assert.strictEqual(m.repr(fs([1])), 'frozenset({1})');
    assert.strictEqual(m.repr(fs()), 'frozenset()');
    assert.deepStrictEqual([...fs('abc')], ['a', 'b', 'c']);
  });
  it('operators, comparisons and hashing', () => {
    assert.strictEqual(m.repr(m.or(set([1]), set([2]))), '{1, 2}');
    assert.strictEqual(m.repr(m.and(set([1, 2]), fs([2, 3]))), '{2}');
    assert.strictEqual(m.repr(m.sub(fs([1, 2, 3]), set([2]))), 'frozenset({1, 3})'); // the left operand's kind
    assert.strictEqual(m.repr(m.xor(set([1, 2]), set([2, 3]))), '{1, 3}');
    raises(() => m.or(set([1]), [2]), E.TypeError, "unsupported operand type(s) for |: 'set' and 'list'");
    assert.strictEqual(m.eq(set([1, 2]), fs([2, 1])), true);
    assert.strictEqual(m.lt(set([1]), set([1, 2])), true);
    assert.strictEqual(m.le(set([1, 3]), set([1, 2])), false);
    assert.strictEqual(m.hash(fs([1, 2])), m.hash(fs([2, 1])));
    raises(() => m.hash(set()), E.TypeError, "unhashable type: 'set'");
    const d = m.builtins.dict();
    m.setitem(d, fs([1, 2]), 'x');
    assert.strictEqual(m.getitem(d, fs([2, 1])), 'x'); // frozensets as dict keys
    const a = set([1]);
    assert.strictEqual(m.ior(a, set([2])), a); // in place
    assert.strictEqual(m.repr(a), '{1, 2}');
  });
  it('methods', () => {
    const s = set();
    const call = (o, name, ...args) => m.getattr(o, name)(...args);
    call(s, 'add', 3);
    call(s, 'update', [4, 5], fs([6]));
    call(s, 'discard', 4);
    call(s, 'discard', 40);
    assert.strictEqual(m.repr(s), '{3, 5, 6}');
    raises(() => call(s, 'remove', 7), E.KeyError);
    assert.strictEqual(m.repr(call(s, 'union', [1], fs([2]))), '{3, 5, 6, 1, 2}');
    assert.strictEqual(m.repr(call(s, 'intersection', [5, 6, 7])), '{5, 6}');
    assert.strictEqual(m.repr(call(s, 'difference', [5])), '{3, 6}');
    assert.strictEqual(call(set([1]), 'issubset', [1, 2]), true);
    assert.strictEqual(call(set([1, 2]), 'issuperset', [1]), true);
    assert.strictEqual(call(set([1]), 'isdisjoint', [2]), true);
    const p = call(s, 'pop');
    assert.strictEqual(m.contains(s, p), false);
    call(s, 'clear');
    raises(() => call(s, 'pop'), E.KeyError, "'pop from an empty set'");
    assert.strictEqual(m.typeOf(fs()), m.builtins.frozenset);
    assert.strictEqual(m.hasattr(fs(), 'add'), false);
  });
});

describe('model: HPy adapters', () => {
  it('strings and bytes', () => {
    assert.strictEqual(m.readChar('a😀b', 1), 0x1f600);
    raises(() => m.readChar('ab', 2), E.IndexError, 'string index out of range');
    assert.strictEqual(m.substring('a😀bc', 1, 3), '😀b');
    assert.strictEqual(m.substring('abc', 1, 100), 'bc');
    assert.strictEqual(m.substring('abc', 2, 1), '');
    raises(() => m.substring('abc', -1, 2), E.IndexError);
    assert.deepStrictEqual(m.encodeUTF8('é'), Buffer.from('é'));
    assert.deepStrictEqual(m.encodeLatin1('é'), Buffer.from([0xe9]));
    raises(() => m.encodeASCII('é'), E.UnicodeEncodeError);
    raises(() => m.encodeUTF8('\ud800'), E.UnicodeEncodeError);
    assert.strictEqual(m.decodeObject(Buffer.from('é')), 'é');
    assert.strictEqual(m.decodeObject(Buffer.from([0xff]), 'latin-1', null), 'ÿ');
    raises(() => m.decodeObject('s'), E.TypeError, 'decoding str is not supported');
    assert.strictEqual(m.bytesSize(Buffer.from('abc')), 3);
    raises(() => m.bytesSize('abc'), E.TypeError, 'expected bytes, str found');
  });

  it('lists, slices, iteration, attributes', () => {
    const l = m.listNew(2);
    assert.deepStrictEqual(l, [null, null]);
    m.listAppend(l, 1);
    m.listInsert(l, 0, 'x');
    assert.deepStrictEqual(l, ['x', null, null, 1]);
    raises(() => m.listAppend(T(), 1), E.SystemError);
    assert.strictEqual(m.repr(m.sliceUnpack(new m.PySlice(null, null, -1))), '(9223372036854775807, -9223372036854775808, -1)');
    assert.strictEqual(m.repr(m.sliceUnpack(new m.PySlice(1, 2n ** 80n, null))), '(1, 9223372036854775807, 1)');
    raises(() => m.sliceUnpack(new m.PySlice(null, null, 0)), E.ValueError, 'slice step cannot be zero');
    const it = m.iter([7]);
    assert.strictEqual(m.iterCheck(it), true);
    assert.strictEqual(m.iterNext(it), 7);
    assert.strictEqual(m.iterNext(it), m.STOP);
    class O {}
    const o = new O();
    m.setattrOrDel(o, 'a', 1);
    assert.strictEqual(m.getAttrS(o, 'a'), 1);
    m.setattrOrDel(o, 'a');
    assert.strictEqual(m.hasattr(o, 'a'), false);
    const d = { a: 1 };
    assert.deepStrictEqual(m.dictKeys(d), ['a']);
    assert.notStrictEqual(m.dictCopy(d), d);
    const t = m.sliceNew(1, 2, null);
    assert.ok(t instanceof m.PySlice);
  });

  it('in-place aliases', () => {
    const l = [1];
    assert.strictEqual(m.iadd(l, [2]), l);
    assert.deepStrictEqual(l, [1, 2]);
    assert.strictEqual(m.imul(3, 4), 12);
    assert.strictEqual(m.ipow(2, 10, null), 1024);
    assert.strictEqual(m.ifloordiv(-7, 2), -4);
  });
});
