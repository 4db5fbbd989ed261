'use strict';
// Python int/float semantics of lib/model on number | bigint.
const assert = require('assert');
const { raises } = require('./assert-py');
const m = require('../dist/lib/model');
const E = m.exc;


describe('model: int representation and normalisation', () => {
  it('classifies ints and floats', () => {
    assert.ok(m.isInt(0) && m.isInt(-5) && m.isInt(2n ** 70n) && m.isInt(Number.MAX_SAFE_INTEGER));
    assert.ok(!m.isInt(2 ** 53), '2**53 as a number is a float');
    assert.ok(!m.isInt(-0) && m.isFloat(-0));
    assert.ok(m.isFloat(1.5) && m.isFloat(NaN) && m.isFloat(Infinity) && m.isFloat(1e300));
    assert.strictEqual(m.typeOf(3), m.int);
    assert.strictEqual(m.typeOf(3n), m.int);
    assert.strictEqual(m.typeOf(3.5), m.float);
    assert.strictEqual(m.typeOf(true), m.bool);
  });

  it('overflows into bigint and comes back to number', () => {
    const max = Number.MAX_SAFE_INTEGER; // 2**53 - 1
    assert.strictEqual(m.add(max, 1), 2n ** 53n);
    assert.strictEqual(m.add(max, 2), 2n ** 53n + 1n);
    assert.strictEqual(m.sub(2n ** 53n, 1), max);
    assert.strictEqual(typeof m.sub(2n ** 53n, 1), 'number');
    assert.strictEqual(m.sub(-max, 2), -(2n ** 53n) - 1n);
    assert.strictEqual(m.mul(2n ** 32n, 2n ** 31n), 2n ** 63n);
    assert.strictEqual(m.sub(-(2n ** 63n), 1), -(2n ** 63n) - 1n);
    assert.strictEqual(m.mul(2 ** 30, 2 ** 30), 2n ** 60n);
    assert.strictEqual(m.add(5n, 6n), 11);
    assert.strictEqual(typeof m.add(5n, 6n), 'number');
    assert.strictEqual(m.mul(2n ** 70n, -(2n ** 70n)), -(2n ** 140n));
  });

  it('never returns -0 for int results', () => {
    assert.ok(Object.is(m.mul(0, -5), 0));
    assert.ok(Object.is(m.mod(-4, 2), 0));
    assert.ok(Object.is(m.floordiv(0, -3), 0));
    assert.ok(Object.is(m.neg(0), 0));
    assert.ok(Object.is(m.sub(3, 3), 0));
  });
});

describe('model: int arithmetic', () => {
  it('floor division and modulo follow the sign of the divisor', () => {
    assert.strictEqual(m.floordiv(-7, 2), -4);
    assert.strictEqual(m.mod(-7, 2), 1);
    assert.strictEqual(m.floordiv(7, -2), -4);
    assert.strictEqual(m.mod(7, -2), -1);
    assert.strictEqual(m.floordiv(-7, -2), 3);
    assert.strictEqual(m.mod(-7, -2), -1);
    assert.strictEqual(m.floordiv(-(2n ** 70n), 3), -393530540239137101142n);
    assert.strictEqual(m.mod(-(2n ** 70n), 3), 2);
    assert.strictEqual(m.repr(m.divmod(2n ** 70n, 3)), '(393530540239137101141, 1)');
    assert.strictEqual(m.repr(m.divmod(-7, 2)), '(-4, 1)');
  });

  it('raises ZeroDivisionError with CPython messages', () => {
    raises(() => m.truediv(1, 0), E.ZeroDivisionError, 'division by zero');
    raises(() => m.floordiv(1, 0), E.ZeroDivisionError, 'integer division or modulo by zero');
    raises(() => m.mod(1, 0), E.ZeroDivisionError, 'integer modulo by zero');
    raises(() => m.divmod(1, 0), E.ZeroDivisionError, 'integer division or modulo by zero');
    raises(() => m.truediv(1.5, 0), E.ZeroDivisionError, 'float division by zero');
    raises(() => m.floordiv(1.5, 0), E.ZeroDivisionError, 'float floor division by zero');
    raises(() => m.mod(1.5, 0), E.ZeroDivisionError, 'float modulo');
    raises(() => m.divmod(1.5, 0), E.ZeroDivisionError, 'float divmod()');
    raises(() => m.pow(0, -1), E.ZeroDivisionError, '0.0 cannot be raised to a negative power');
    raises(() => m.floordiv(2n ** 70n, 0n), E.ZeroDivisionError);
  });

  it('true division is correctly rounded, also for big ints', () => {
    assert.strictEqual(m.truediv(7, 2), 3.5);
    assert.strictEqual(m.truediv(2n ** 60n + 1n, 3), 3.843071682022823e+17);
    assert.strictEqual(m.truediv(10n ** 20n, 10n ** 10n), 1e10);
    assert.strictEqual(m.truediv(2n ** 64n, 2n ** 2000n), 0);
    raises(() => m.truediv(2n ** 2000n, 1), E.OverflowError, 'integer division result too large for a float');
  });

  it('powers', () => {
    assert.strictEqual(m.pow(2, 10), 1024);
    assert.strictEqual(m.pow(2, 100), 2n ** 100n);
    assert.strictEqual(m.pow(-7, 3), -343);
    assert.strictEqual(m.pow(2, -1), 0.5);
    assert.strictEqual(m.pow(-2, -3), -0.125);
    assert.strictEqual(m.pow(10, -400), 0);
    assert.strictEqual(m.pow(3, -1, 7), 5);
    assert.strictEqual(m.pow(-3, 3, -7), -6);
    assert.strictEqual(m.pow(2, 100, 2n ** 70n), 0);
    raises(() => m.pow(2, 3, 0), E.ValueError, 'pow() 3rd argument cannot be 0');
    raises(() => m.pow(2, -1, 4), E.ValueError, 'base is not invertible for the given modulus');
    raises(() => m.pow(2.5, 3, 5), E.TypeError, 'pow() 3rd argument not allowed unless all arguments are integers');
    assert.strictEqual(m.pow(1e16, -2), 1e-32);
  });

  it('shifts and bitwise operations on negatives and big ints', () => {
    assert.strictEqual(m.lshift(1, 62), 2n ** 62n);
    assert.strictEqual(m.lshift(-3, 2), -12);
    assert.strictEqual(m.rshift(2n ** 63n, 1), 2n ** 62n);
    assert.strictEqual(m.rshift(-1, 100), -1);
    assert.strictEqual(m.rshift(-5, 1), -3);
    assert.strictEqual(m.and(-5, 0xff), 251);
    assert.strictEqual(m.or(-5, 2n ** 70n), -5);
    assert.strictEqual(m.xor(2n ** 64n, 2n ** 64n), 0);
    assert.strictEqual(m.invert(2n ** 70n), -(2n ** 70n) - 1n);
    assert.strictEqual(m.invert(5), -6);
    assert.strictEqual(m.and(2 ** 40 + 3, 2 ** 40 + 5), 2 ** 40 + 1);
    raises(() => m.lshift(1, -1), E.ValueError, 'negative shift count');
    raises(() => m.rshift(1, -1), E.ValueError, 'negative shift count');
    raises(() => m.and(1, 1.5), E.TypeError, "unsupported operand type(s) for &: 'int' and 'float'");
  });

  it('bool is an int, with bool results for & | ^', () => {
    assert.strictEqual(m.add(true, 1), 2);
    assert.strictEqual(m.and(true, false), false);
    assert.strictEqual(m.or(true, false), true);
    assert.strictEqual(m.xor(true, true), false);
    assert.strictEqual(m.and(true, 3), 1);
    assert.strictEqual(m.invert(true), -2);
    assert.strictEqual(m.neg(true), -1);
    assert.strictEqual(m.index(true), 1);
  });
});

describe('model: float arithmetic', () => {
  it('float modulo and floor division like Python', () => {
    assert.strictEqual(m.mod(-7.5, 2), 0.5);
    assert.strictEqual(m.mod(7.5, -2), -0.5);
    assert.ok(Object.is(m.mod(-0.0, 5), 0));
    assert.ok(Object.is(m.mod(0.5, -5), -4.5));
    assert.strictEqual(m.floordiv(-7, 2.5), -3);
    assert.strictEqual(m.repr(m.divmod(-7.5, 2)), '(-4, 0.5)');
    assert.strictEqual(m.repr(m.divmod(Infinity, 2)), '(nan, nan)');
    assert.strictEqual(m.repr(m.mod(Infinity, 3.5)), 'nan');
  });

  it('float powers and their special cases', () => {
    assert.strictEqual(m.pow(1, NaN), 1);
    assert.strictEqual(m.pow(NaN, 0), 1);
    assert.strictEqual(m.pow(-1, Infinity), 1);
    assert.strictEqual(m.pow(0.5, Infinity), 0);
    raises(() => m.pow(0.0 - 0, -1.5), E.ZeroDivisionError);
    raises(() => m.pow(10.5, 400), E.OverflowError, "(34, 'Numerical result out of range')");
    const c = m.pow(-8, 1 / 3);
    assert.ok(m.isComplex(c));
    assert.strictEqual(m.repr(m.pow(-1, 0.5)), '(6.123233995736766e-17+1j)');
  });

  it('mixed int/float arithmetic converts exactly or raises OverflowError', () => {
    assert.strictEqual(m.add(2n ** 60n, 0.5), 2 ** 60);
    raises(() => m.add(2n ** 2000n, 0.5), E.OverflowError, 'int too large to convert to float');
    assert.strictEqual(m.mul(1e308, 10), Infinity);
    assert.ok(Number.isNaN(m.sub(Infinity, Infinity)));
  });

  it('compares ints and floats exactly', () => {
    const two53 = 2n ** 53n;
    assert.strictEqual(m.richCompare(two53 + 1n, 2 ** 53, m.EQ), false);
    assert.strictEqual(m.richCompare(two53 + 1n, 2 ** 53, m.GT), true);
    assert.strictEqual(m.richCompare(two53, 2 ** 53, m.EQ), true);
    assert.strictEqual(m.richCompare(1, 1.0, m.EQ), true);
    assert.strictEqual(m.richCompare(true, 1, m.EQ), true);
    assert.strictEqual(m.richCompare(-0, 0, m.EQ), true);
    assert.strictEqual(m.richCompare(2n ** 64n, 2 ** 64, m.EQ), true);
    assert.strictEqual(m.richCompare(2n ** 1100n, Infinity, m.LT), true);
  });

  it('NaN compares unequal, also inside containers', () => {
    for (const op of [m.LT, m.LE, m.EQ, m.GT, m.GE]) assert.strictEqual(m.richCompare(NaN, NaN, op), false);
    assert.strictEqual(m.richCompare(NaN, NaN, m.NE), true);
    assert.strictEqual(m.richCompareBool(NaN, NaN, m.EQ), false);
    assert.strictEqual(m.richCompare([NaN], [NaN], m.EQ), false);
    assert.strictEqual(m.contains([NaN], NaN), false);
    assert.strictEqual(m.isTrue(NaN), true);
    assert.strictEqual(m.isTrue(-0), false);
  });
});

describe('model: float repr', () => {
  const cases = [
    [1.5, '1.5'], [0.1, '0.1'], [1e16, '1e+16'], [1.5e-7, '1.5e-07'], [1e-5, '1e-05'], [0.0001, '0.0001'],
    [123456789012345680, '1.2345678901234568e+17'], [2 ** 53, '9007199254740992.0'], [-0, '-0.0'], [Infinity, 'inf'],
    [-Infinity, '-inf'], [NaN, 'nan'], [1e300, '1e+300'], [5e-324, '5e-324'], [1e22, '1e+22'], [0.3333333333333333, '0.3333333333333333'],
    [1e15 + 0.5, '1000000000000000.5'], [-2.5, '-2.5'],
  ];
  for (const [x, s] of cases) {
    it(`repr(${s})`, () => assert.strictEqual(m.repr(x), s));
  }
  it('integral floats within 2**53 read back as ints (documented)', () => {
    assert.strictEqual(m.repr(2.0), '2');
    assert.strictEqual(m.repr(m.truediv(4, 2)), '2');
  });
});

describe('model: hash', () => {
  it('equal numbers hash equal, with CPython values', () => {
    assert.strictEqual(m.hash(1), 1);
    assert.strictEqual(m.hash(true), 1);
    assert.strictEqual(m.hash(1n), 1);
    assert.strictEqual(m.hash(-1), -2);
    assert.strictEqual(m.hash(-2), -2);
    assert.strictEqual(m.hash(2n ** 61n - 1n), 0);
    assert.strictEqual(m.hash(2n ** 61n), 1);
    assert.strictEqual(m.hash(-(2n ** 61n)), -2);
    assert.strictEqual(m.hash(1.5), 1152921504606846977n);
    assert.strictEqual(m.hash(-1.5), -1152921504606846977n);
    assert.strictEqual(m.hash(0.1), 230584300921369408n);
    assert.strictEqual(m.hash(1e300), 1224995262755759164n);
    assert.strictEqual(m.hash(1e-300), 482449582752280463n);
    assert.strictEqual(m.hash(Infinity), 314159);
    assert.strictEqual(m.hash(2 ** 64), m.hash(2n ** 64n));
    assert.strictEqual(m.hash(-0), 0);
  });

  it('tuples hash like CPython', () => {
    assert.strictEqual(m.hash(m.makeTuple([])), 5740354900026072187n);
    assert.strictEqual(m.hash(m.makeTuple([1])), -6644214454873602895n);
    assert.strictEqual(m.hash(m.makeTuple([1, 2])), -3550055125485641917n);
    assert.strictEqual(m.hash(m.makeTuple([1, 2])), m.hash(m.makeTuple([true, 2.0])));
  });

  it('strings have a stable hash, unhashable containers raise', () => {
    assert.strictEqual(m.hash('abc'), m.hash('ab' + 'c'));
    assert.notStrictEqual(m.hash('abc'), m.hash('abd'));
    raises(() => m.hash([]), E.TypeError, "unhashable type: 'list'");
    raises(() => m.hash({}), E.TypeError, "unhashable type: 'dict'");
    raises(() => m.hash(new Map()), E.TypeError, "unhashable type: 'dict'");
    raises(() => m.hash(m.makeTuple([1, []])), E.TypeError, "unhashable type: 'list'");
  });

  it('objects: __hash__, identity, and __eq__ without __hash__', () => {
    class H { __hash__() { return -1; } }
    assert.strictEqual(m.hash(new H()), -2);
    const p = Object.create(class P {}.prototype);
    assert.strictEqual(m.hash(p), m.hash(p));
    assert.notStrictEqual(m.hash(p), m.hash(Object.create(class Q {}.prototype)));
    class EqOnly { __eq__() { return true; } }
    raises(() => m.hash(new EqOnly()), E.TypeError, /unhashable type: 'EqOnly'/);
    class NoHash { }
    NoHash.prototype.__hash__ = null;
    raises(() => m.hash(new NoHash()), E.TypeError);
  });
});

describe('model: conversions', () => {
  it('index / toInt / toFloat', () => {
    assert.strictEqual(m.index(5), 5);
    assert.strictEqual(m.index(2n ** 3n), 8);
    raises(() => m.index(1.5), E.TypeError, "'float' object cannot be interpreted as an integer");
    class Ix { __index__() { return 7; } }
    assert.strictEqual(m.index(new Ix()), 7);
    class BadIx { __index__() { return 'x'; } }
    raises(() => m.index(new BadIx()), E.TypeError, '__index__ returned non-int (type str)');
    assert.strictEqual(m.toInt(3.7), 3);
    assert.strictEqual(m.toInt(-3.7), -3);
    assert.strictEqual(m.toInt(1e20), 100000000000000000000n);
    assert.strictEqual(m.toInt(' 1_000 '), 1000);
    raises(() => m.toInt(NaN), E.ValueError, 'cannot convert float NaN to integer');
    raises(() => m.toInt(Infinity), E.OverflowError, 'cannot convert float infinity to integer');
    raises(() => m.toInt('abc'), E.ValueError, "invalid literal for int() with base 10: 'abc'");
    raises(() => m.toInt([]), E.TypeError, "int() argument must be a string, a bytes-like object or a real number, not 'list'");
    assert.strictEqual(m.toFloat('1.5'), 1.5);
    assert.strictEqual(m.toFloat(' -inf '), -Infinity);
    assert.strictEqual(m.toFloat(2n ** 70n), 2 ** 70);
    raises(() => m.toFloat('x'), E.ValueError, "could not convert string to float: 'x'");
    raises(() => m.toFloat(2n ** 2000n), E.OverflowError);
    class Fl { __float__() { return 2.5; } }
    assert.strictEqual(m.toFloat(new Fl()), 2.5);
    assert.ok(m.numberCheck(1) && m.numberCheck(1.5) && m.numberCheck(true) && m.numberCheck(new Fl()));
    assert.ok(!m.numberCheck('1') && !m.numberCheck(null));
  });

  it('int() and float() type objects convert like Python', () => {
    assert.strictEqual(m.int(), 0);
    assert.strictEqual(m.int('12'), 12);
    assert.strictEqual(m.int(3.7), 3);
    assert.strictEqual(m.int('ff', 16), 255);
    assert.strictEqual(m.int('0x1f', 0), 31);
    assert.strictEqual(m.int('z', 36), 35);
    assert.strictEqual(m.int('١٢'), 12);
    assert.strictEqual(m.int('9'.repeat(30)), BigInt('9'.repeat(30)));
    assert.strictEqual(m.int('12', m.kw({ base: 8 })), 10);
    raises(() => m.int('010', 0), E.ValueError, "invalid literal for int() with base 0: '010'");
    raises(() => m.int('1__0'), E.ValueError);
    raises(() => m.int('12', 1), E.ValueError, 'int() base must be >= 2 and <= 36, or 0');
    raises(() => m.int(1.5, 10), E.TypeError, "int() can't convert non-string with explicit base");
    assert.strictEqual(m.float('1_0.5'), 10.5);
    assert.ok(Number.isNaN(m.float('nan')));
    raises(() => m.float('0x10'), E.ValueError);
    assert.strictEqual(m.bool(0), false);
    assert.strictEqual(m.bool([1]), true);
    assert.strictEqual(m.repr(m.complex('1+2j')), '(1+2j)');
    assert.strictEqual(m.repr(m.mul(m.complex(1, 2), m.complex(3, 4))), '(-5+10j)');
    assert.strictEqual(m.repr(m.complex(0, 1)), '1j');
    assert.strictEqual(m.abs(m.complex(3, 4)), 5);
  });
});
