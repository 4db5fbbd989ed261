'use strict';
// The number protocol exercised from C (test/ext/obj_numbers.c): every HPy_<Op>, HPy_InPlace<Op>,
// the unary operators, HPy_Long/Float/Index and HPyNumber_Check, with CPython's results for the
// Python edge cases (int/bigint boundaries, floor division signs, negative zero, NaN, infinities,
// negative exponents, ZeroDivisionError). A float with an integral value reads back as a JS
// number equal to it (hpy-node's documented mapping), so such results are compared by value.
const assert = require('assert');
const { throwsPy } = require('./assert-py');
const hpy = require('..');
const { loadTestExt } = require('./helpers');

const { builtins: B } = hpy;
const m = loadTestExt('obj_numbers');

class JsObj {}
function pyobj(props) {
  return Object.defineProperties(new JsObj(), Object.getOwnPropertyDescriptors(props));
}


const isNegZero = (x) => Object.is(x, -0);
const isPosZero = (x) => Object.is(x, 0);

describe('objects: arithmetic from C', () => {
  it('int results switch to bigint exactly past 2**53 - 1 and back', () => {
    assert.strictEqual(m.add(2 ** 53 - 2, 1), 2 ** 53 - 1);
    assert.strictEqual(m.add(2 ** 53 - 1, 1), 2n ** 53n);
    assert.strictEqual(m.add(2n ** 53n, 1), 2n ** 53n + 1n);
    assert.strictEqual(m.sub(0, 2n ** 53n + 1n), -(2n ** 53n) - 1n);
    assert.strictEqual(m.sub(2n ** 53n, 1), 2 ** 53 - 1); // back to a safe number
    assert.strictEqual(m.mul(2 ** 53 - 1, 2 ** 53 - 1), 81129638414606663681390495662081n);
    assert.strictEqual(m.add(2n ** 63n - 1n, 1), 2n ** 63n);
    assert.strictEqual(m.sub(-(2n ** 63n), 1), -(2n ** 63n) - 1n);
    assert.strictEqual(m.mul(2 ** 30, 2 ** 30), 2n ** 60n);
  });
  it('bool arithmetic gives ints', () => {
    assert.strictEqual(m.add(true, true), 2);
    assert.strictEqual(m.sub(false, true), -1);
    assert.strictEqual(m.mul(true, 'ab'), 'ab');
  });
  it('float arithmetic is IEEE double', () => {
    assert.strictEqual(m.add(0.1, 0.2), 0.30000000000000004);
    assert.strictEqual(m.mul(0.1, 3), 0.30000000000000004);
    assert.strictEqual(m.truediv(1, 3), 0.3333333333333333);
    assert.strictEqual(m.add(2n ** 53n + 1n, 0.5), 2 ** 53); // the int is rounded to a float first
  });
  it('negative zero survives where CPython keeps it', () => {
    assert.ok(isNegZero(m.sub(-0, 0.0)));
    assert.ok(isNegZero(m.mul(-0, 5)));
    assert.ok(isPosZero(m.mul(-1, -0)));
    assert.ok(isPosZero(m.neg(-0)));
    assert.ok(isNegZero(m.pos(-0)));
    assert.ok(isPosZero(m.abs_(-0)));
    assert.ok(isPosZero(m.neg(0))); // neg of int 0 is int 0, never -0
  });
  it('sequence arithmetic: concatenation and repetition', () => {
    assert.strictEqual(m.add('a', 'b'), 'ab');
    assert.strictEqual(m.mul(3, 'ab'), 'ababab');
    assert.strictEqual(m.mul('ab', -1), '');
    const l = [1];
    const l2 = m.mul(l, 2);
    assert.deepStrictEqual(l2, [1, 1]);
    assert.notStrictEqual(l2, l);
    const t = m.mul(hpy.makeTuple([1, 2]), 2);
    assert.ok(t instanceof hpy.PyTuple);
    assert.deepStrictEqual([...t], [1, 2, 1, 2]);
    const t2 = m.add(hpy.makeTuple([1]), hpy.makeTuple([2]));
    assert.ok(t2 instanceof hpy.PyTuple);
    assert.deepStrictEqual([...t2], [1, 2]);
    assert.deepStrictEqual([...m.add(Buffer.from('a'), Buffer.from('b'))], [97, 98]);
    throwsPy(() => m.add([1], hpy.makeTuple([2])), B.TypeError, /can only concatenate list \(not "tuple"\) to list/);
    throwsPy(() => m.mul([1], 2n ** 70n), B.OverflowError, /cannot fit 'int' into an index-sized integer/);
  });
  it('str % formatting through HPy_Remainder', () => {
    assert.strictEqual(m.mod('a%sb', 5), 'a5b');
    assert.strictEqual(m.mod('%d-%s', hpy.makeTuple([3, 'x'])), '3-x');
  });
  it('unsupported operand types raise TypeError with both type names', () => {
    throwsPy(() => m.add(1, 'a'), B.TypeError, /unsupported operand type\(s\) for \+: 'int' and 'str'/);
    throwsPy(() => m.sub([1], [1]), B.TypeError, /unsupported operand type\(s\) for -: 'list' and 'list'/);
    throwsPy(() => m.matmul(1, 2), B.TypeError, /unsupported operand type\(s\) for @: 'int' and 'int'/);
    throwsPy(() => m.or_(1.5, 1), B.TypeError, /unsupported operand type\(s\) for \|: 'float' and 'int'/);
    throwsPy(() => m.lshift(null, 1), B.TypeError, /unsupported operand type\(s\) for <<: 'NoneType' and 'int'/);
    throwsPy(() => m.divmod('a', 1), B.TypeError, /unsupported operand type\(s\) for divmod\(\): 'str' and 'int'/);
  });
});

describe('objects: floor division, modulo and divmod from C', () => {
  it('ints round toward negative infinity; the remainder takes the divisor\'s sign', () => {
    assert.strictEqual(m.floordiv(-7, 2), -4);
    assert.strictEqual(m.mod(-7, 2), 1);
    assert.strictEqual(m.floordiv(7, -2), -4);
    assert.strictEqual(m.mod(7, -2), -1);
    assert.strictEqual(m.floordiv(-7, -2), 3);
    assert.strictEqual(m.mod(-7, -2), -1);
    assert.deepStrictEqual([...m.divmod(-7, 2)], [-4, 1]);
    assert.strictEqual(m.floordiv(2n ** 64n, -3), -6148914691236517206n);
    assert.strictEqual(m.mod(2n ** 64n, -3), -2);
    assert.strictEqual(m.floordiv(-(2n ** 53n) - 1n, 2), -4503599627370497);
    assert.strictEqual(m.mod(-(2n ** 53n) - 1n, 2n ** 53n), 2 ** 53 - 1);
  });
  it('floats follow the same signs, with signed zeros', () => {
    assert.strictEqual(m.mod(-7.5, 2), 0.5);
    assert.strictEqual(m.floordiv(-7.5, 2), -4);
    const [q, r] = m.divmod(7.5, -2);
    assert.strictEqual(q, -4);
    assert.strictEqual(r, -0.5);
    assert.ok(isPosZero(m.mod(-0, 1)));
    assert.ok(isNegZero(m.mod(-0, -1)));
    assert.strictEqual(m.floordiv(5, 0.5), 10);
  });
  it('infinities and NaN', () => {
    assert.ok(Number.isNaN(m.floordiv(Infinity, 1)));
    assert.strictEqual(m.mod(1, Infinity), 1);
    assert.strictEqual(m.mod(-1, Infinity), Infinity);
    assert.strictEqual(m.floordiv(-1, Infinity), -1);
    assert.ok(Number.isNaN(m.mod(NaN, 1)));
  });
  it('true division of ints is exact-then-rounded and can overflow', () => {
    assert.strictEqual(m.truediv(1, 2), 0.5);
    assert.strictEqual(m.truediv(2n ** 63n, 2), 4611686018427387904);
    assert.strictEqual(m.truediv(2n ** 1100n, 2n ** 1099n), 2);
    throwsPy(() => m.truediv(2n ** 1100n, 1), B.OverflowError, /integer division result too large for a float/);
  });
  it('division by zero raises ZeroDivisionError with CPython\'s messages', () => {
    throwsPy(() => m.truediv(1, 0), B.ZeroDivisionError, /^division by zero$/);
    throwsPy(() => m.floordiv(1, 0), B.ZeroDivisionError, /^integer division or modulo by zero$/);
    throwsPy(() => m.mod(1, 0), B.ZeroDivisionError, /^integer modulo by zero$/);
    throwsPy(() => m.divmod(1, 0), B.ZeroDivisionError, /^integer division or modulo by zero$/);
    throwsPy(() => m.mod(1.5, 0), B.ZeroDivisionError, /^float modulo$/);
    throwsPy(() => m.mod(5.5, -0), B.ZeroDivisionError, /^float modulo$/);
    throwsPy(() => m.truediv(1.5, 0), B.ZeroDivisionError, /^float division by zero$/);
    throwsPy(() => m.floordiv(1.5, 0), B.ZeroDivisionError, /^float floor division by zero$/);
    throwsPy(() => m.divmod(1.5, 0), B.ZeroDivisionError, /^float divmod\(\)$/);
    throwsPy(() => m.itruediv(1, 0), B.ZeroDivisionError);
    throwsPy(() => m.ifloordiv(1, 0), B.ZeroDivisionError);
    throwsPy(() => m.imod(1, 0), B.ZeroDivisionError);
  });
});

describe('objects: HPy_Power / HPy_InPlacePower from C', () => {
  it('int powers are exact; negative exponents give floats', () => {
    assert.strictEqual(m.pow_(2, 64), 2n ** 64n);
    assert.strictEqual(m.pow_(2, -1), 0.5);
    assert.strictEqual(m.pow_(10, -2), 0.01);
    assert.strictEqual(m.pow_(0, 0), 1);
    assert.strictEqual(m.pow_(-1, 2n ** 64n), 1);
    assert.strictEqual(m.pow_(2n ** 64n, 0.5), 4294967296);
    assert.strictEqual(m.pow_(2 ** 0.5, 2), 2.0000000000000004);
  });
  it('zero to a negative power raises ZeroDivisionError', () => {
    throwsPy(() => m.pow_(0, -1), B.ZeroDivisionError, /0\.0 cannot be raised to a negative power/);
    throwsPy(() => m.pow_(-0, -1), B.ZeroDivisionError, /0\.0 cannot be raised to a negative power/);
  });
  it('a negative base to a fractional power is complex', () => {
    const r = m.pow_(-2, 0.5);
    assert.ok(hpy.isInstance(r, B.complex));
    assert.strictEqual(hpy.repr(r), '(8.659560562354934e-17+1.4142135623730951j)');
  });
  it('float overflow raises OverflowError', () => {
    throwsPy(() => m.pow_(1e308, 2), B.OverflowError);
  });
  it('three-argument pow: modular, modular inverse, and its errors', () => {
    assert.strictEqual(m.pow_(2, 10, 1000), 24);
    assert.strictEqual(m.pow_(3, -1, 7), 5);
    assert.strictEqual(m.pow_(2, 2n ** 70n, 2n ** 65n), 0);
    assert.strictEqual(m.pow_(2, 1, null), 2);
    throwsPy(() => m.pow_(2, 3, 0), B.ValueError, /pow\(\) 3rd argument cannot be 0/);
    throwsPy(() => m.pow_(2, -1, 4), B.ValueError, /base is not invertible for the given modulus/);
    throwsPy(() => m.pow_(2.5, 2, 3), B.TypeError, /pow\(\) 3rd argument not allowed unless all arguments are integers/);
  });
  it('in-place power', () => {
    assert.strictEqual(m.ipow(2, 3), 8);
    assert.strictEqual(m.ipow(2, 3, 5), 3);
    assert.strictEqual(m.ipow(2, -2), 0.25);
  });
});

describe('objects: shifts and bitwise operators from C', () => {
  it('shifts are arbitrary precision; negative counts raise ValueError', () => {
    assert.strictEqual(m.lshift(1, 64), 2n ** 64n);
    assert.strictEqual(m.lshift(1, 52), 2 ** 52);
    assert.strictEqual(m.lshift(1, 53), 2n ** 53n);
    assert.strictEqual(m.lshift(-1, 100), -(2n ** 100n));
    assert.strictEqual(m.rshift(-1, 100), -1);
    assert.strictEqual(m.rshift(-5, 1), -3);
    assert.strictEqual(m.rshift(2n ** 64n, 60), 16);
    assert.strictEqual(m.lshift(2 ** 40, 20), 2n ** 60n); // no 32-bit truncation
    throwsPy(() => m.lshift(1, -1), B.ValueError, /negative shift count/);
    throwsPy(() => m.rshift(1, -1), B.ValueError, /negative shift count/);
    throwsPy(() => m.lshift(1.5, 1), B.TypeError, /unsupported operand type\(s\) for <<: 'float' and 'int'/);
  });
  it('and/or/xor use two\'s complement on unbounded ints', () => {
    assert.strictEqual(m.and_(-1, 0xff), 255);
    assert.strictEqual(m.xor_(-5, 3), -8);
    assert.strictEqual(m.or_(2n ** 64n, 1), 2n ** 64n + 1n);
    assert.strictEqual(m.and_(2 ** 40 + 5, 2 ** 40 + 3), 2 ** 40 + 1); // no 32-bit truncation
    assert.strictEqual(m.and_(-(2n ** 64n), 2n ** 65n - 1n), 2n ** 64n);
  });
  it('bool op bool stays bool; bool op int is int', () => {
    assert.strictEqual(m.and_(true, false), false);
    assert.strictEqual(m.or_(true, false), true);
    assert.strictEqual(m.xor_(true, true), false);
    assert.strictEqual(m.and_(true, 1), 1);
    assert.strictEqual(m.or_(false, 2), 2);
  });
  it('dict | dict merges (and |= updates in place)', () => {
    assert.deepStrictEqual(m.or_({ a: 1 }, { b: 2 }), { a: 1, b: 2 });
    const d = { a: 1 };
    const r = m.ior(d, { b: 2 });
    assert.strictEqual(r, d);
    assert.deepStrictEqual(d, { a: 1, b: 2 });
  });
});

describe('objects: unary operators from C', () => {
  it('HPy_Negative / HPy_Positive / HPy_Absolute', () => {
    assert.strictEqual(m.neg(-(2 ** 53)), 2 ** 53);
    assert.strictEqual(m.neg(-(2n ** 63n)), 2n ** 63n);
    assert.strictEqual(m.neg(2 ** 53 - 1), -(2 ** 53) + 1);
    assert.strictEqual(m.neg(true), -1);
    assert.strictEqual(m.pos(true), 1); // +True is the int 1, not True
    assert.strictEqual(m.abs_(-(2n ** 64n)), 2n ** 64n);
    assert.strictEqual(m.abs_(false), 0);
    assert.strictEqual(m.abs_(-Infinity), Infinity);
    assert.ok(Number.isNaN(m.abs_(NaN)));
    throwsPy(() => m.neg('a'), B.TypeError, /bad operand type for unary -: 'str'/);
    throwsPy(() => m.pos([]), B.TypeError, /bad operand type for unary \+: 'list'/);
    throwsPy(() => m.abs_('a'), B.TypeError, /bad operand type for abs\(\): 'str'/);
  });
  it('HPy_Invert', () => {
    assert.strictEqual(m.invert(5), -6);
    assert.strictEqual(m.invert(-1), 0);
    assert.strictEqual(m.invert(true), -2);
    assert.strictEqual(m.invert(-(2n ** 64n)), 2n ** 64n - 1n);
    assert.strictEqual(m.invert(2 ** 53 - 1), -(2n ** 53n));
    throwsPy(() => m.invert(1.5), B.TypeError, /bad operand type for unary ~: 'float'/);
  });
});

describe('objects: HPy_Index / HPy_Long / HPy_Float / HPyNumber_Check from C', () => {
  it('HPy_Index accepts ints only (bool becomes a plain int)', () => {
    assert.strictEqual(m.index_(true), 1);
    assert.strictEqual(m.index_(7), 7);
    assert.strictEqual(m.index_(2n ** 70n), 2n ** 70n);
    assert.strictEqual(m.index_(pyobj({ __index__: () => 12 })), 12);
    throwsPy(() => m.index_(1.5), B.TypeError, /'float' object cannot be interpreted as an integer/);
    throwsPy(() => m.index_('1'), B.TypeError, /'str' object cannot be interpreted as an integer/);
    throwsPy(() => m.index_(pyobj({ __index__: () => 1.5 })), B.TypeError, /__index__ returned non-int \(type float\)/);
  });
  it('HPy_Long is int(x)', () => {
    assert.strictEqual(m.long_('12'), 12);
    assert.strictEqual(m.long_(' 12 '), 12);
    assert.strictEqual(m.long_('1_000'), 1000);
    assert.strictEqual(m.long_('-99999999999999999999'), -99999999999999999999n);
    assert.strictEqual(m.long_(Buffer.from('12')), 12);
    assert.strictEqual(m.long_(1.9), 1);
    assert.strictEqual(m.long_(-1.9), -1);
    assert.strictEqual(m.long_(1e20), 100000000000000000000n);
    assert.strictEqual(m.long_(true), 1);
    assert.strictEqual(m.long_(pyobj({ __int__: () => 5 })), 5);
    throwsPy(() => m.long_(NaN), B.ValueError, /cannot convert float NaN to integer/);
    throwsPy(() => m.long_(Infinity), B.OverflowError, /cannot convert float infinity to integer/);
    throwsPy(() => m.long_('abc'), B.ValueError, /invalid literal for int\(\) with base 10: 'abc'/);
    throwsPy(() => m.long_('0x10'), B.ValueError, /invalid literal for int\(\) with base 10: '0x10'/);
    throwsPy(() => m.long_([]), B.TypeError, /int\(\) argument must be a string, a bytes-like object or a real number, not 'list'/);
    throwsPy(() => m.long_(null), B.TypeError, /not 'NoneType'/);
  });
  it('HPy_Float is float(x)', () => {
    assert.strictEqual(m.float_('1.5'), 1.5);
    assert.strictEqual(m.float_(' inf '), Infinity);
    assert.ok(Number.isNaN(m.float_('nan')));
    assert.ok(isNegZero(m.float_('-0')));
    assert.strictEqual(m.float_('1_0.5'), 10.5);
    assert.strictEqual(m.float_(Buffer.from('1.5')), 1.5);
    assert.strictEqual(m.float_(2n ** 53n + 1n), 2 ** 53);
    assert.strictEqual(m.float_(true), 1);
    assert.strictEqual(m.float_(pyobj({ __float__: () => 2.5 })), 2.5);
    throwsPy(() => m.float_(2n ** 1024n), B.OverflowError, /int too large to convert to float/);
    throwsPy(() => m.float_('x'), B.ValueError, /could not convert string to float: 'x'/);
    throwsPy(() => m.float_(null), B.TypeError, /float\(\) argument must be a string or a real number, not 'NoneType'/);
  });
  it('HPyNumber_Check', () => {
    for (const v of [1, 1.5, NaN, true, 2n ** 70n, pyobj({ __index__: () => 1 }), pyobj({ __float__: () => 1 })]) {
      assert.strictEqual(m.number_check(v), 1, String(v));
    }
    for (const v of ['1', [], null, Buffer.from('1'), {}, pyobj({})]) assert.strictEqual(m.number_check(v), 0, String(v));
  });
});

describe('objects: in-place operators from C', () => {
  it('mutable sequences are updated in place and returned', () => {
    const l = [1];
    assert.strictEqual(m.iadd(l, [2]), l);
    assert.deepStrictEqual(l, [1, 2]);
    assert.strictEqual(m.iadd(l, hpy.makeTuple([3])), l); // += takes any iterable
    assert.strictEqual(m.iadd(l, 'ab'), l);
    assert.deepStrictEqual(l, [1, 2, 3, 'a', 'b']);
    const l2 = [1, 2];
    assert.strictEqual(m.imul(l2, 2), l2);
    assert.deepStrictEqual(l2, [1, 2, 1, 2]);
    assert.strictEqual(m.imul(l2, 0), l2);
    assert.deepStrictEqual(l2, []);
    throwsPy(() => m.iadd([1], 1), B.TypeError, /'int' object is not iterable/);
  });
  it('immutable values get a new result', () => {
    const t = hpy.makeTuple([1]);
    const r = m.iadd(t, hpy.makeTuple([2]));
    assert.notStrictEqual(r, t);
    assert.deepStrictEqual([...r], [1, 2]);
    assert.deepStrictEqual([...t], [1]);
    assert.strictEqual(m.iadd('a', 'b'), 'ab');
  });
  it('every in-place numeric operator', () => {
    assert.strictEqual(m.iadd(2 ** 53 - 1, 1), 2n ** 53n);
    assert.strictEqual(m.isub(5, 7), -2);
    assert.strictEqual(m.imul(3, 0.5), 1.5);
    assert.strictEqual(m.itruediv(7, 2), 3.5);
    assert.strictEqual(m.ifloordiv(-7, 2), -4);
    assert.strictEqual(m.imod(-7, 2), 1);
    assert.strictEqual(m.ilshift(1, 3), 8);
    assert.strictEqual(m.irshift(-16, 2), -4);
    assert.strictEqual(m.iand(6, 3), 2);
    assert.strictEqual(m.ixor(6, 3), 5);
    assert.strictEqual(m.ior(6, 3), 7);
    throwsPy(() => m.imatmul(1, 2), B.TypeError, /unsupported operand type\(s\) for @=: 'int' and 'int'/);
    throwsPy(() => m.isub('a', 'b'), B.TypeError, /unsupported operand type\(s\) for -=: 'str' and 'str'/);
  });
});

describe('objects: operators on JS objects with dunder methods', () => {
  const V = () => pyobj({
    __add__(o) { return hpy.makeTuple(['add', o]); },
    __radd__(o) { return hpy.makeTuple(['radd', o]); },
    __matmul__(o) { return hpy.makeTuple(['matmul', o]); },
    __neg__() { return 'neg'; },
    __invert__() { return 'inv'; },
    __abs__() { return 'abs'; },
  });
  it('binary dunders and their reflected forms', () => {
    assert.deepStrictEqual([...m.add(V(), 1)], ['add', 1]);
    assert.deepStrictEqual([...m.add(1, V())], ['radd', 1]);
    assert.deepStrictEqual([...m.matmul(V(), 2)], ['matmul', 2]);
    throwsPy(() => m.matmul(1, V()), B.TypeError, /unsupported operand type\(s\) for @: 'int' and 'JsObj'/);
  });
  it('in-place falls back to the binary dunder', () => {
    assert.deepStrictEqual([...m.iadd(V(), 1)], ['add', 1]);
    assert.deepStrictEqual([...m.imatmul(V(), 2)], ['matmul', 2]);
    const acc = pyobj({ n: 0, __iadd__(o) { this.n += o; return this; } });
    assert.strictEqual(m.iadd(acc, 5), acc);
    assert.strictEqual(acc.n, 5);
  });
  it('unary dunders', () => {
    assert.strictEqual(m.neg(V()), 'neg');
    assert.strictEqual(m.invert(V()), 'inv');
    assert.strictEqual(m.abs_(V()), 'abs');
  });
  it('NotImplemented from both sides raises TypeError', () => {
    const ni = pyobj({ __add__: () => hpy.NotImplemented, __radd__: () => hpy.NotImplemented });
    throwsPy(() => m.add(ni, ni), B.TypeError, /unsupported operand type\(s\) for \+: 'JsObj' and 'JsObj'/);
  });
  it('a JS error thrown by a dunder propagates unchanged', () => {
    const err = new Error('in __sub__');
    assert.throws(() => m.sub(pyobj({ __sub__() { throw err; } }), 1), (e) => e === err);
  });
});

// ints, bools and floats in the handle bits are added, compared and hashed natively: these must
// agree with the object model (hpy.add, ...) on every pair, edge cases included.
describe('objects: numbers in the handle bits computed natively agree with the object model', () => {
  const mp = loadTestExt('obj_protocol');
  const OPS = mp.cmp_ops();
  const values = [0, 1, -1, 7, -7, 46341, 2 ** 46, 2 ** 47 - 1, -(2 ** 47), 123456789, 0.5, -0, 1.5, -2.25, 1e300, -1e300,
    5e-324, NaN, Infinity, -Infinity, 2 ** 52 + 0.5, true, false];
  const same = (a, b) => Object.is(a, b) || (typeof a === 'bigint' && a === b);
  const show = (x) => (Object.is(x, -0) ? '-0' : typeof x === 'bigint' ? `${x}n` : String(x));
  it('+, -, *, /, //, % and their in-place forms, unary - and abs()', () => {
    for (const a of values) {
      for (const b of values) {
        for (const [c, js] of [[m.add, hpy.add], [m.sub, hpy.sub], [m.mul, hpy.mul], [m.iadd, hpy.add], [m.isub, hpy.sub], [m.imul, hpy.mul],
          [m.truediv, hpy.truediv], [m.floordiv, hpy.floordiv], [m.mod, hpy.mod], [m.itruediv, hpy.truediv], [m.ifloordiv, hpy.floordiv], [m.imod, hpy.mod]]) {
          let got, want;
          try { want = js(a, b); } catch (e) { want = e.constructor; }
          try { got = c(a, b); } catch (e) { got = e.constructor; }
          assert.ok(same(got, want), `${c.name}(${show(a)}, ${show(b)}): ${show(got)}, the model says ${show(want)}`);
        }
      }
      assert.ok(same(m.neg(a), hpy.neg(a)), `neg(${show(a)})`);
      assert.ok(same(m.abs_(a), hpy.abs(a)), `abs(${show(a)})`);
    }
    assert.strictEqual(m.mul(2 ** 47 - 1, 2 ** 47 - 1), (2n ** 47n - 1n) ** 2n);  // past int64: the model's BigInts
    assert.strictEqual(m.add(2 ** 47 - 1, 1), 2 ** 47);  // leaves the handle bits
    assert.strictEqual(m.neg(-(2 ** 47)), 2 ** 47);
  });
  it('comparisons (RichCompare and RichCompareBool) and hash()', () => {
    for (const a of values) {
      for (const b of values) {
        for (const op of [OPS.LT, OPS.LE, OPS.EQ, OPS.NE, OPS.GT, OPS.GE]) {
          const want = hpy.richCompare(a, b, op);
          assert.strictEqual(mp.richcompare(a, b, op), want, `richcompare(${show(a)}, ${show(b)}, ${op})`);
          assert.strictEqual(mp.richcomparebool(a, b, op), want ? 1 : 0, `richcomparebool(${show(a)}, ${show(b)}, ${op})`);
        }
      }
      if (!Number.isNaN(a)) assert.ok(same(mp.hash(a), hpy.hash(a)), `hash(${show(a)})`);
    }
    for (const [a, b] of [['a', 'a'], ['a', 'b'], ['', ''], ['\ud800', '\ud800'], ['😀', '\ud83d\ude00'], ['x', 1], [1, 'x']]) {
      assert.strictEqual(mp.richcomparebool(a, b, OPS.EQ), a === b ? 1 : 0, `${a} == ${b}`);
      assert.strictEqual(mp.richcomparebool(a, b, OPS.NE), a === b ? 0 : 1, `${a} != ${b}`);
    }
    assert.strictEqual(mp.richcomparebool('\uffff', '😀', OPS.LT), 1);  // code point order, not UTF-16's
    for (const s of ['', 'a', 'hello', 'naïve 😀 \ud800', 'x'.repeat(255), 'y'.repeat(256), 'é'.repeat(5000)]) {
      assert.strictEqual(mp.hash(s), hpy.hash(s), `hash of a str of ${s.length} units`);  // one dict key from C and JS
    }
  });
});
