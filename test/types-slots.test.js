'use strict';
// Every slot of HPy's slot enum on test types (test/ext/types_slots.c), reached through the Python
// operations of the object model and through the JS protocols. Expected values are CPython's
// (the same C file built with HPy's own headers and run under CPython 3.11 + hpy.universal).
const assert = require('assert');
const util = require('util');
const hpy = require('..');
const M = require('../dist/lib/model');
const path = require('path');
const { loadTestExt, BUILD } = require('./helpers');

const { builtins: B, kw, NotImplemented } = hpy;
const m = loadTestExt('types_slots');
const { Num, SubNum, Cmp, Seq, Seq2, Mapping, Both, Call, VCall, Descr, Init, Generic, Bare, Range, Bytes } = m;

/** the value of a Num result (asserting that it is one) */
function nv(x) {
  assert.ok(x instanceof Num, `expected a Num, got ${util.inspect(x)}`);
  return x.v;
}

function gc() {
  if (typeof global.gc !== 'function') throw new Error('run mocha with --expose-gc');
  global.gc();
}

describe('extension type slots: binary number slots', () => {
  const cases = [
    // [name, op, left, right, expected]
    ['nb_add', hpy.add, 3, 4, 7],
    ['nb_subtract', hpy.sub, 10, 3, 7],
    ['nb_multiply', hpy.mul, 6, 7, 42],
    ['nb_matrix_multiply', hpy.matmul, 1, 2, 102],
    ['nb_floor_divide', hpy.floordiv, -7, 2, -4],
    ['nb_remainder', hpy.mod, -7, 3, 2],
    ['nb_lshift', hpy.lshift, 1, 3, 8],
    ['nb_rshift', hpy.rshift, 16, 2, 4],
    ['nb_and', hpy.and, 6, 3, 2],
    ['nb_or', hpy.or, 4, 1, 5],
    ['nb_xor', hpy.xor, 6, 3, 5],
    ['nb_power', hpy.pow, 2, 10, 1024],
  ];
  for (const [slot, op, x, y, want] of cases) {
    it(`${slot}: Num op Num, Num op int, and int op Num (reflected, operands in order)`, () => {
      assert.strictEqual(nv(op(Num(x), Num(y))), want);
      assert.strictEqual(nv(op(Num(x), y)), want);
      assert.strictEqual(nv(op(x, Num(y))), want);
    });
  }
  it('nb_true_divide returns the slot result as is (a float), both ways', () => {
    assert.strictEqual(hpy.truediv(Num(7), 2), 3.5);
    assert.strictEqual(hpy.truediv(7, Num(2)), 3.5);
  });
  it('nb_divmod, both ways', () => {
    assert.deepStrictEqual([...hpy.divmod(Num(-7), 2)], [-4, 1]);
    assert.deepStrictEqual([...hpy.divmod(-7, Num(2))], [-4, 1]);
    assert.ok(hpy.divmod(Num(7), 2) instanceof hpy.PyTuple);
  });
  it('the dunders are there for each slot, reflected ones with swapped operands', () => {
    const a = Num(10);
    assert.strictEqual(nv(a.__sub__(3)), 7);
    assert.strictEqual(nv(a.__rsub__(3)), -7);
    assert.strictEqual(a.__sub__('x'), NotImplemented);
    for (const d of ['add', 'sub', 'mul', 'matmul', 'floordiv', 'truediv', 'mod', 'divmod', 'lshift', 'rshift', 'and',
      'or', 'xor', 'pow']) {
      assert.strictEqual(typeof a[`__${d}__`], 'function', `__${d}__`);
      assert.strictEqual(typeof a[`__r${d}__`], 'function', `__r${d}__`);
      if (d !== 'divmod') assert.strictEqual(typeof a[`__i${d}__`], 'function', `__i${d}__`);
    }
  });
  it('a slot error propagates with its class', () => {
    assert.throws(() => hpy.floordiv(Num(1), 0), (e) => e instanceof B.ZeroDivisionError && /Num division by zero/.test(e.message));
    assert.throws(() => hpy.mod(1, Num(0)), B.ZeroDivisionError);
  });
  it('NotImplemented from both sides is a TypeError naming both types', () => {
    assert.throws(() => hpy.add(Num(1), 'x'),
      (e) => e instanceof B.TypeError && e.message === "unsupported operand type(s) for +: 'types_slots.Num' and 'str'");
    assert.throws(() => hpy.add(Num(1), 1.5), B.TypeError);
    assert.throws(() => hpy.sub('x', Num(1)), B.TypeError);
    assert.throws(() => hpy.add('x', Num(1)), (e) => e instanceof B.TypeError && /can only concatenate str/.test(e.message));
  });
  it('HPy_Add and friends from C dispatch the same way', () => {
    assert.strictEqual(nv(m.c_ops('add', 1, Num(2))), 3);
    assert.strictEqual(nv(m.c_ops('mul', Num(3), 5)), 15);
    assert.strictEqual(nv(m.c_ops('pow', 2, Num(5))), 32);
  });
});

describe('extension type slots: nb_power with and without modulus', () => {
  it('pow(a, b) and pow(a, b, None)', () => {
    assert.strictEqual(nv(hpy.pow(Num(2), 10)), 1024);
    assert.strictEqual(nv(hpy.pow(Num(2), 10, null)), 1024);
    assert.strictEqual(nv(hpy.pow(2, Num(10))), 1024);
  });
  it('pow(a, b, c) passes the modulus to the slot', () => {
    assert.strictEqual(nv(hpy.pow(Num(2), 10, 1000)), 24);
    assert.strictEqual(nv(hpy.pow(Num(2), Num(10), Num(1000))), 24);
    assert.strictEqual(nv(Num(2).__pow__(10, 1000)), 24);
  });
  it('pow(int, Num, int) reaches the slot of the second operand with the modulus', () => {
    assert.strictEqual(nv(hpy.pow(2, Num(10), 1000)), 24);
  });
  it('a slot error of pow propagates', () => {
    assert.throws(() => hpy.pow(Num(2), -1), (e) => e instanceof B.ValueError && /power must be >= 0/.test(e.message));
  });
});

describe('extension type slots: in-place number slots', () => {
  const cases = [
    ['nb_inplace_add', M.inplaceAdd, 5, 2, 7],
    ['nb_inplace_subtract', M.inplaceSub, 5, 2, 3],
    ['nb_inplace_multiply', M.inplaceMul, 5, 2, 10],
    ['nb_inplace_matrix_multiply', M.inplaceMatmul, 5, 2, 502],
    ['nb_inplace_floor_divide', M.inplaceFloordiv, -7, 2, -4],
    ['nb_inplace_true_divide', M.inplaceTruediv, 5, 2, 1002], // the slot's own result, not 2.5
    ['nb_inplace_remainder', M.inplaceMod, -7, 3, 2],
    ['nb_inplace_lshift', M.inplaceLshift, 1, 4, 16],
    ['nb_inplace_rshift', M.inplaceRshift, 16, 4, 1],
    ['nb_inplace_and', M.inplaceAnd, 6, 3, 2],
    ['nb_inplace_or', M.inplaceOr, 4, 1, 5],
    ['nb_inplace_xor', M.inplaceXor, 6, 3, 5],
    ['nb_inplace_power', M.inplacePow, 2, 3, 8],
  ];
  for (const [slot, op, x, y, want] of cases) {
    it(`${slot} mutates the left operand and returns it`, () => {
      const a = Num(x);
      const r = op(a, Num(y));
      assert.strictEqual(r, a);
      assert.strictEqual(a.v, want);
    });
  }
  it('an in-place slot returning NotImplemented falls back to the binary slot (new object)', () => {
    const a = Num(5);
    const r = M.inplaceAdd(a, 2);
    assert.notStrictEqual(r, a);
    assert.strictEqual(nv(r), 7);
    assert.strictEqual(a.v, 5);
    const q = M.inplaceTruediv(Num(5), 2);
    assert.strictEqual(q, 2.5);
    const p = M.inplacePow(Num(2), 3);
    assert.strictEqual(nv(p), 8);
  });
  it('in-place failure names the augmented operator', () => {
    assert.throws(() => M.inplaceAdd(Num(5), 'x'),
      (e) => e instanceof B.TypeError && e.message === "unsupported operand type(s) for +=: 'types_slots.Num' and 'str'");
  });
  it('HPy_InPlaceAdd from C', () => {
    const a = Num(1);
    assert.strictEqual(m.c_ops('iadd', a, Num(2)), a);
    assert.strictEqual(a.v, 3);
    const r = m.c_ops('iadd', a, 2);
    assert.notStrictEqual(r, a);
    assert.strictEqual(nv(r), 5);
  });
});

describe('extension type slots: unary number slots and conversions', () => {
  it('nb_negative, nb_positive, nb_absolute, nb_invert', () => {
    assert.strictEqual(nv(hpy.neg(Num(3))), -3);
    const a = Num(3);
    const p = hpy.pos(a);
    assert.notStrictEqual(p, a); // the slot's new object
    assert.strictEqual(nv(p), 3);
    assert.strictEqual(nv(hpy.abs(Num(-3))), 3);
    assert.strictEqual(nv(hpy.invert(Num(3))), -4);
    assert.strictEqual(nv(m.c_ops('neg', Num(8), null)), -8);
  });
  it('nb_int: int(x)', () => {
    assert.strictEqual(B.int(Num(3)), 30);
    assert.strictEqual(M.toInt(Num(3)), 30);
  });
  it('nb_float: float(x)', () => {
    assert.strictEqual(B.float(Num(3)), 3.5);
    assert.strictEqual(M.toFloat(Num(3)), 3.5);
  });
  it('nb_index: operator.index, sequence indices, HPy_Index', () => {
    assert.strictEqual(hpy.index(Num(3)), 3);
    assert.strictEqual(hpy.getitem([10, 20, 30], Num(1)), 20);
    assert.strictEqual(m.c_ops('index', Num(4), null), 4);
    assert.strictEqual(B.hex(Num(255)), '0xff');
  });
  it('nb_bool: truth through hpy.isTrue and HPy_IsTrue', () => {
    assert.strictEqual(hpy.isTrue(Num(0)), false);
    assert.strictEqual(hpy.isTrue(Num(2)), true);
    assert.strictEqual(m.c_ops('bool', Num(0), null), false);
    assert.strictEqual(Num(0).__bool__(), false);
  });
});

describe('extension type slots: tp_richcompare and tp_hash', () => {
  it('all six operators, with Num and with int on either side', () => {
    assert.strictEqual(hpy.lt(Num(1), Num(2)), true);
    assert.strictEqual(hpy.le(Num(2), 2), true);
    assert.strictEqual(hpy.gt(Num(1), 2), false);
    assert.strictEqual(hpy.ge(Num(3), Num(3)), true);
    assert.strictEqual(hpy.eq(Num(3), 3), true);
    assert.strictEqual(hpy.ne(Num(3), 3), false);
    // reflected: int < Num becomes Num > int
    assert.strictEqual(hpy.lt(1, Num(2)), true);
    assert.strictEqual(hpy.lt(5, Num(2)), false);
    assert.strictEqual(hpy.ge(5, Num(2)), true);
    assert.strictEqual(hpy.eq(3, Num(3)), true);
    assert.strictEqual(m.c_ops('lt', 1, Num(2)), true);
  });
  it('NotImplemented from both sides: == falls back to identity, < raises TypeError', () => {
    assert.strictEqual(hpy.eq(Num(3), '3'), false);
    assert.strictEqual(hpy.ne(Num(3), '3'), true);
    const a = Num(1);
    assert.strictEqual(Cmp(1).__eq__(a), NotImplemented);
    assert.strictEqual(hpy.eq(Cmp(1), Num(1)), false);
    assert.strictEqual(hpy.ne(Cmp(1), Num(1)), true);
    assert.throws(() => hpy.lt(Num(3), '3'),
      (e) => e instanceof B.TypeError && e.message === "'<' not supported between instances of 'types_slots.Num' and 'str'");
  });
  it('tp_hash: hpy.hash, HPy_Hash, and -1 is never a hash', () => {
    assert.strictEqual(hpy.hash(Num(3)), 3);
    assert.strictEqual(hpy.hash(Num(-1)), -2);
    assert.strictEqual(m.c_ops('hash', Num(7), null), 7);
  });
  it('a dict with extension-type keys finds them by tp_hash and tp_richcompare', () => {
    const d = {};
    hpy.setitem(d, Num(3), 'three');
    hpy.setitem(d, 'name', 'plain');
    assert.strictEqual(hpy.getitem(d, Num(3)), 'three'); // another, equal instance
    assert.strictEqual(hpy.getitem(d, 3), 'three'); // equal int, same hash
    assert.strictEqual(hpy.contains(d, Num(3)), true);
    assert.strictEqual(hpy.contains(d, Num(4)), false);
    assert.strictEqual(hpy.len(d), 2);
    assert.strictEqual(d.name, 'plain'); // string keys stay plain properties
    hpy.setitem(d, 3, 'replaced'); // the same key: the value is replaced, the key kept
    assert.strictEqual(hpy.len(d), 2);
    assert.strictEqual(hpy.getitem(d, Num(3)), 'replaced');
    assert.throws(() => hpy.getitem(d, Num(4)), B.KeyError);
    hpy.delitem(d, Num(3));
    assert.strictEqual(hpy.len(d), 1);
    assert.strictEqual(hpy.contains(d, 3), false);
  });
  it('an int key already in a dict is found, replaced and deleted through an equal extension key', () => {
    const d = {};
    hpy.setitem(d, 7, 'int');
    hpy.setitem(d, 8, 'other');
    assert.strictEqual(hpy.getitem(d, Num(7)), 'int');
    hpy.setitem(d, Num(7), 'num');
    assert.strictEqual(hpy.len(d), 2);
    assert.strictEqual(hpy.getitem(d, 7), 'num');
    assert.strictEqual(B.list(d)[0], 7); // the first key stays
    hpy.delitem(d, Num(7));
    assert.strictEqual(hpy.contains(d, 7), false);
    assert.strictEqual(hpy.getitem(d, Num(8)), 'other');
    hpy.setitem(d, Num(9), 'nine'); // the object key goes after the int ones
    hpy.setitem(d, 10, 'ten');
    assert.deepStrictEqual(B.list(hpy.callMethod(d, 'values')), ['other', 'nine', 'ten']);
  });
  it('a Python dict made by the builtins holds extension keys too', () => {
    const d = B.dict();
    hpy.setitem(d, Num(5), 'five');
    assert.strictEqual(hpy.getitem(d, 5), 'five');
    assert.deepStrictEqual(B.list(d).map(nv), [5]);
  });
  it('tp_richcompare without tp_hash makes the type unhashable', () => {
    assert.throws(() => hpy.hash(Cmp(1)), (e) => e instanceof B.TypeError && /unhashable type: 'types_slots.Cmp'/.test(e.message));
    assert.throws(() => hpy.setitem({}, Cmp(1), 1), B.TypeError);
    assert.strictEqual(hpy.eq(Cmp(1), Cmp(1)), true);
    assert.strictEqual(hpy.ne(Cmp(1), Cmp(2)), true);
  });
});

describe('extension type slots: tp_repr and tp_str', () => {
  it('repr, str, String(), template literals, util.inspect, nested reprs', () => {
    const a = Num(3);
    assert.strictEqual(hpy.repr(a), 'Num(3)');
    assert.strictEqual(hpy.str(a), '<3>');
    assert.strictEqual(String(a), '<3>');
    assert.strictEqual(`${a}`, '<3>');
    assert.strictEqual(util.inspect(a), 'Num(3)');
    assert.strictEqual(hpy.repr([a, Num(4)]), '[Num(3), Num(4)]');
    assert.strictEqual(m.c_ops('repr', a, null), 'Num(3)');
    assert.strictEqual(m.c_ops('str', a, null), '<3>');
  });
});

describe('extension type slots: sequence slots', () => {
  it('sq_length and sq_item, negative indices counted from the end', () => {
    const s = Seq(1, 2, 3);
    assert.strictEqual(hpy.len(s), 3);
    assert.strictEqual(hpy.getitem(s, 0), 1);
    assert.strictEqual(hpy.getitem(s, -1), 3);
    assert.strictEqual(hpy.getitem(s, -3), 1);
    assert.strictEqual(hpy.getitem(s, Num(1)), 2); // __index__
    assert.throws(() => hpy.getitem(s, 3), (e) => e instanceof B.IndexError && /Seq index out of range/.test(e.message));
    assert.throws(() => hpy.getitem(s, -4), B.IndexError);
    assert.throws(() => hpy.getitem(s, 'x'), B.TypeError);
    assert.strictEqual(m.c_ops('getitem', s, -1), 3);
    assert.strictEqual(m.c_ops('len', s, null), 3);
  });
  it('sq_ass_item: set and delete, negative indices too', () => {
    const s = Seq(1, 2, 3);
    hpy.setitem(s, -1, 9);
    hpy.setitem(s, 0, 7);
    assert.deepStrictEqual(s.tolist(), [7, 2, 9]);
    hpy.delitem(s, 1);
    assert.deepStrictEqual(s.tolist(), [7, 9]);
    hpy.delitem(s, -2);
    assert.deepStrictEqual(s.tolist(), [9]);
    assert.throws(() => hpy.delitem(s, 5), (e) => e instanceof B.IndexError && /assignment index out of range/.test(e.message));
    assert.throws(() => hpy.setitem(s, 0, 'x'), B.TypeError);
  });
  it('sq_contains, and iteration through sq_item when there is none', () => {
    const s = Seq(1, 2, 3);
    assert.strictEqual(hpy.contains(s, 2), true);
    assert.strictEqual(hpy.contains(s, 5), false);
    assert.strictEqual(hpy.contains(s, 'x'), false);
    assert.strictEqual(s.__contains__(3), true);
    assert.strictEqual(hpy.contains(Seq2(1, 2), 2), true);
    assert.strictEqual(hpy.contains(Seq2(1, 2), 5), false);
  });
  it('Python iteration over sq_item stops at IndexError', () => {
    assert.deepStrictEqual(M.toArray(Seq(4, 5)), [4, 5]);
    assert.deepStrictEqual(B.list(Seq(4, 5, 6)), [4, 5, 6]);
    assert.strictEqual(B.sum(Seq(4, 5, 6)), 15);
    assert.deepStrictEqual([...Seq(4, 5)], [4, 5], 'for...of and spread follow sq_item too');
  });
  it('sq_concat: seq + seq; the slot decides about other operands; no reflected concat', () => {
    const s = Seq(1, 2);
    assert.deepStrictEqual(hpy.add(s, Seq(3)).tolist(), [1, 2, 3]);
    assert.ok(hpy.add(Seq2(1), Seq2(2)) instanceof Seq2);
    assert.throws(() => hpy.add(s, 1), (e) => e instanceof B.TypeError && /can only concatenate a Seq/.test(e.message));
    assert.throws(() => hpy.add(1, s),
      (e) => e instanceof B.TypeError && e.message === "unsupported operand type(s) for +: 'int' and 'types_slots.Seq'");
  });
  it('sq_repeat: seq * n and n * seq, negative counts, __index__ counts, non-int counts', () => {
    const s = Seq(1, 2);
    assert.deepStrictEqual(hpy.mul(s, 2).tolist(), [1, 2, 1, 2]);
    assert.deepStrictEqual(hpy.mul(3, s).tolist(), [1, 2, 1, 2, 1, 2]);
    assert.deepStrictEqual(hpy.mul(s, -1).tolist(), []);
    assert.deepStrictEqual(hpy.mul(s, Num(2)).tolist(), [1, 2, 1, 2]);
    assert.throws(() => hpy.mul(s, 'x'), B.TypeError);
    assert.throws(() => hpy.mul(s, 1.5), B.TypeError);
    assert.throws(() => hpy.mul(s, 100), (e) => e instanceof B.OverflowError && /Seq is full/.test(e.message));
  });
  it('sq_inplace_concat and sq_inplace_repeat mutate and return the left operand', () => {
    const a = Seq(1);
    assert.strictEqual(M.inplaceAdd(a, Seq(2)), a);
    assert.strictEqual(M.inplaceMul(a, 2), a);
    assert.deepStrictEqual(a.tolist(), [1, 2, 1, 2]);
  });
  it('without the in-place slots, += and *= fall back to concat and repeat (new objects)', () => {
    const a = Seq2(1);
    const b = M.inplaceAdd(a, Seq2(2));
    assert.notStrictEqual(b, a);
    const c = M.inplaceMul(b, 2);
    assert.notStrictEqual(c, b);
    assert.deepStrictEqual([a.tolist(), b.tolist(), c.tolist()], [[1], [1, 2], [1, 2, 1, 2]]);
  });
  it('truth of a sequence is its length', () => {
    assert.strictEqual(hpy.isTrue(Seq()), false);
    assert.strictEqual(hpy.isTrue(Seq(0)), true);
    assert.strictEqual(m.c_ops('bool', Seq(), null), false);
  });
});

describe('extension type slots: mapping slots', () => {
  it('mp_length, mp_subscript, mp_ass_subscript (set and delete through hpy.delitem)', () => {
    const d = Mapping();
    hpy.setitem(d, 'a', 1);
    hpy.setitem(d, 2, 'two');
    assert.strictEqual(hpy.len(d), 2);
    assert.strictEqual(hpy.getitem(d, 'a'), 1);
    assert.strictEqual(hpy.getitem(d, 2), 'two');
    assert.throws(() => hpy.getitem(d, 'zz'), B.KeyError);
    hpy.delitem(d, 'a');
    assert.strictEqual(hpy.len(d), 1);
    assert.throws(() => hpy.getitem(d, 'a'), B.KeyError);
    assert.throws(() => hpy.delitem(d, 'q'), B.KeyError);
    assert.strictEqual(d.__len__(), 1);
  });
  it('keys are passed to mp_subscript as they are (no index arithmetic)', () => {
    const d = Mapping();
    hpy.setitem(d, -1, 'minus one');
    assert.strictEqual(hpy.getitem(d, -1), 'minus one');
    assert.throws(() => hpy.getitem(d, B.slice(1, 2)), (e) => e instanceof B.TypeError && /unhashable/.test(e.message));
  });
  it('mp_subscript wins over sq_item when a type has both', () => {
    const b = Both();
    assert.deepStrictEqual([...hpy.getitem(b, -1)], ['mp', -1]);
    assert.deepStrictEqual([...hpy.getitem(b, 'k')], ['mp', 'k']);
    assert.strictEqual(hpy.len(b), 3);
  });
  it('iteration goes through sq_item only: a mapping-only type is not iterable', () => {
    const d = Mapping();
    hpy.setitem(d, 0, 'zero');
    assert.throws(() => B.list(d), (e) => e instanceof B.TypeError && e.message === "'types_slots.Mapping' object is not iterable");
    assert.throws(() => hpy.contains(d, 'zero'),
      (e) => e instanceof B.TypeError && e.message === "argument of type 'types_slots.Mapping' is not iterable");
    const t = (tag, i) => hpy.makeTuple([tag, i]);
    assert.deepStrictEqual(B.list(Both()), [t('sq', 0), t('sq', 1), t('sq', 2)]);
    assert.strictEqual(hpy.contains(Both(), t('sq', 2)), true);
    assert.strictEqual(hpy.contains(Both(), t('mp', 0)), false);
    assert.deepStrictEqual([...Both()], B.list(Both()));
    assert.throws(() => [...d], TypeError);
  });
});

describe('extension type slots: tp_call and HPy_SetCallFunction', () => {
  it('hpy.call, obj(...), obj.__call__ with positional and keyword arguments', () => {
    const c = Call(3);
    assert.deepStrictEqual(hpy.call(c, [1, 2]), hpy.makeTuple(['tp_call', hpy.makeTuple([1, 2]), null, 3]));
    const r = c.__call__(1, kw({ x: 5 }));
    assert.strictEqual(r[0], 'tp_call');
    assert.deepStrictEqual([...r[1]], [1]);
    assert.deepStrictEqual(r[2], { x: 5 });
    const q = hpy.call(c, [], { y: 6 });
    assert.deepStrictEqual([...q[1]], []);
    assert.deepStrictEqual(q[2], { y: 6 });
    assert.deepStrictEqual([...m.c_ops('call', c, hpy.makeTuple([1]))], ['tp_call', hpy.makeTuple([1]), null, 3]);
    assert.strictEqual(B.callable(c), true);
    assert.strictEqual(B.callable(Num(1)), false);
    assert.throws(() => hpy.call(Num(1), []), (e) => e instanceof B.TypeError && /not callable/.test(e.message));
  });
  it('a per-instance call function replaces tp_call for that instance only', () => {
    const s = Call(4, kw({ special: true }));
    const r = hpy.call(s, [1], { y: 2 });
    assert.strictEqual(r[0], 'special');
    assert.deepStrictEqual([...r[1]], [1]);
    assert.deepStrictEqual(r[2], { y: 2 });
    assert.strictEqual(r[3], 4);
    assert.strictEqual(s.__call__(1)[0], 'special');
    assert.strictEqual(Call(4).__call__(1)[0], 'tp_call');
  });
  it('a call function stored at __vectorcalloffset__ makes instances callable', () => {
    const v = VCall();
    assert.strictEqual(B.callable(v), true);
    assert.strictEqual(hpy.call(v, [1, 2, 3]), 703);
  });
});

describe('extension type slots: tp_descr_get and class attributes', () => {
  it('class attributes set with HPy_SetAttr_s on the type in mod_exec', () => {
    assert.strictEqual(Num.kind, 'number');
    assert.strictEqual(hpy.getattr(Num, 'kind'), 'number');
    assert.strictEqual(hpy.getattr(Num(1), 'kind'), 'number');
    assert.strictEqual(Num(1).kind, 'number');
    assert.strictEqual(hpy.getattr(SubNum, 'kind'), 'number');
    assert.ok(Num.ZERO instanceof Num);
    assert.strictEqual(Num.ZERO.v, 0);
  });
  it('a class attribute with tp_descr_get is bound through __get__', () => {
    const a = Num(1);
    const r = hpy.getattr(a, 'descr');
    assert.strictEqual(r[0], 'got');
    assert.strictEqual(r[1], a);
    assert.strictEqual(r[2], Num);
    const t = hpy.getattr(Num, 'descr');
    assert.deepStrictEqual([t[0], t[1], t[2]], ['got', null, Num]);
    const c = m.c_ops('getattr', a, 'descr');
    assert.strictEqual(c[1], a);
  });
  it('__get__ is the slot itself', () => {
    const d = Descr();
    const a = Num(1);
    assert.deepStrictEqual([...d.__get__(a, Num)], ['got', a, Num]);
    assert.deepStrictEqual([...d.__get__(null, Num)], ['got', null, Num]);
  });
});

describe('extension type slots: tp_new and tp_init', () => {
  const fields = (o) => [o.a, o.b, o.c, o.new_calls, o.init_calls, o.new_nargs, o.new_had_kw];
  it('both receive the positional and keyword arguments, each is called once', () => {
    assert.deepStrictEqual(fields(Init(1)), [1, 2, 3, 1, 1, 1, false]);
    assert.deepStrictEqual(fields(new Init(1, 5, kw({ c: 6 }))), [1, 5, 6, 1, 1, 2, true]);
    assert.deepStrictEqual(fields(Init(kw({ a: 4 }))), [4, 2, 3, 1, 1, 0, true]);
  });
  it('argument errors and tp_init errors reach the caller', () => {
    assert.throws(() => Init(), B.TypeError);
    assert.throws(() => Init(1, 2, 3), B.TypeError);
    assert.throws(() => Init(-1), (e) => e instanceof B.ValueError && e.message === 'a must be >= 0');
  });
  it('HPyType_GenericNew as tp_new ignores the arguments; tp_init gets them', () => {
    assert.strictEqual(Generic(5).x, 5);
    assert.strictEqual(Generic(5).nargs, 1);
    assert.strictEqual(Generic(1, 2, 3).nargs, 3);
    assert.strictEqual(Generic().nargs, 0);
    assert.strictEqual(Generic(kw({ x: 1 })).nargs, 0);
  });
  it('a type with neither tp_new nor tp_init takes no arguments', () => {
    assert.strictEqual(Bare().x, 0);
    assert.throws(() => Bare(1), (e) => e instanceof B.TypeError && /takes no arguments/.test(e.message));
    assert.throws(() => Bare(kw({ x: 1 })), (e) => e instanceof B.TypeError && /takes no arguments/.test(e.message));
  });
  it('a module slot in a type spec is refused', () => {
    assert.throws(() => m.bad_slot_type(), B.Exception);
  });
});

describe('extension type slots: tp_iter and tp_iternext', () => {
  it('for...of, spread and Python iteration', () => {
    const out = [];
    for (const x of Range(3)) out.push(x);
    assert.deepStrictEqual(out, [0, 10, 20]);
    assert.deepStrictEqual([...Range(2)], [0, 10]);
    assert.deepStrictEqual(B.list(Range(4)), [0, 10, 20, 30]);
    assert.strictEqual(B.sum(Range(4)), 60);
    assert.strictEqual(hpy.contains(Range(4), 20), true);
    assert.strictEqual(hpy.contains(Range(4), 25), false);
  });
  it('__iter__ gives an iterator whose __next__ raises StopIteration at the end', () => {
    const it = hpy.iter(Range(1));
    assert.ok(it instanceof m.RangeIter);
    assert.strictEqual(hpy.iter(it), it); // an iterator's __iter__ is itself
    assert.strictEqual(it.__next__(), 0);
    assert.throws(() => it.__next__(), B.StopIteration);
    assert.strictEqual(M.next(it), M.STOP);
  });
  it('an error from tp_iternext propagates out of for...of', () => {
    const seen = [];
    assert.throws(() => {
      for (const x of Range(-2)) seen.push(x);
    }, (e) => e instanceof B.ValueError && e.message === 'RangeIter failed');
    assert.deepStrictEqual(seen, [0, 10]);
  });
});

describe('extension type slots: buffer, finalize, destroy, traverse', () => {
  it('bf_getbuffer/bf_releasebuffer: a read-only byte view', () => {
    const b = Bytes();
    const v = b.__buffer__(0);
    assert.ok(v instanceof Uint8Array);
    assert.strictEqual(Buffer.from(v).toString('latin1'), 'hello');
    assert.strictEqual(v.readonly, true);
    assert.strictEqual(b.exports, 1);
    b.__release_buffer__(v);
    assert.strictEqual(b.exports, 0);
  });
  it('a type with tp_finalize, tp_destroy and tp_traverse: after collection tp_finalize, then tp_destroy, once each', async function () {
    this.timeout(30000);
    const [finalized0, destroyed0] = m.counters();
    (() => { for (let i = 0; i < 100; i++) m.Fin(); })();
    let destroyed = 0;
    for (let i = 0; i < 50 && destroyed < 100; i++) {
      gc();
      await new Promise((r) => setImmediate(r));
      destroyed = m.counters()[1] - destroyed0;
    }
    for (let i = 0; i < 5; i++) {
      gc();
      await new Promise((r) => setImmediate(r));
    }
    assert.strictEqual(m.counters()[1] - destroyed0, 100);
    assert.strictEqual(m.counters()[0] - finalized0, 100);
  });
});

describe('extension types: type functions, docs, inheritance', () => {
  it('HPyType_GetName', () => {
    assert.strictEqual(m.type_name(Num), 'Num');
    assert.strictEqual(m.type_name(SubNum), 'SubNum');
    assert.strictEqual(m.type_name(B.int), 'int');
    assert.strictEqual(m.type_name(Seq), 'Seq');
  });
  it('HPyType_IsSubtype from C', () => {
    assert.strictEqual(m.is_subtype(SubNum, Num), true);
    assert.strictEqual(m.is_subtype(Num, SubNum), false);
    assert.strictEqual(m.is_subtype(Num, B.object), true);
    assert.strictEqual(m.is_subtype(Num, Num), true);
    assert.strictEqual(m.is_subtype(B.bool, B.int), true);
    assert.strictEqual(m.is_subtype(Seq, Num), false);
  });
  it('HPy_Type and HPy_TypeCheck on instances and subclass instances', () => {
    assert.strictEqual(m.type_of(Num(1)), Num);
    assert.strictEqual(m.type_of(SubNum(1)), SubNum);
    assert.strictEqual(m.type_of(1), B.int);
    assert.strictEqual(m.type_check(SubNum(1), Num), true);
    assert.strictEqual(m.type_check(Num(1), SubNum), false);
    assert.strictEqual(m.type_check(true, B.int), true);
    assert.strictEqual(m.type_check(Seq(), Num), false);
    assert.strictEqual(hpy.typeOf(SubNum(1)), SubNum);
    assert.strictEqual(hpy.isInstance(SubNum(1), Num), true);
  });
  it('__doc__ of types, of methods, and None without one', () => {
    assert.strictEqual(hpy.getattr(Num, '__doc__'), 'a number with every nb slot');
    assert.strictEqual(hpy.getattr(Num(1), '__doc__'), 'a number with every nb slot');
    assert.strictEqual(hpy.getattr(SubNum, '__doc__'), null);
    assert.strictEqual(hpy.getattr(Seq, '__doc__'), null);
    assert.strictEqual(hpy.getattr(m, '__doc__'), 'every HPy slot');
    assert.strictEqual(hpy.getattr(hpy.getattr(Num, 'twice'), '__doc__'), 'twice the value');
    assert.strictEqual(hpy.getattr(hpy.getattr(Num(1), 'twice'), '__doc__'), 'twice the value');
  });
  it('an HPy subclass overriding nb_add and tp_repr inherits the other slots', () => {
    const s = SubNum(2);
    assert.strictEqual(nv(hpy.add(s, 1)), 1003); // SubNum's nb_add, which calls Num's
    assert.strictEqual(nv(hpy.add(1, s)), 1003);
    assert.strictEqual(nv(hpy.sub(SubNum(5), 2)), 3); // inherited
    assert.strictEqual(nv(hpy.sub(10, SubNum(3))), 7);
    assert.strictEqual(hpy.repr(s), 'SubNum<2>');
    assert.strictEqual(hpy.str(s), '<2>'); // tp_str inherited
    assert.strictEqual(String(s), '<2>');
    assert.strictEqual(util.inspect(s), 'SubNum<2>');
    assert.strictEqual(hpy.hash(SubNum(4)), 4);
    assert.strictEqual(hpy.eq(SubNum(4), Num(4)), true);
    assert.strictEqual(s.twice(), 4);
    assert.strictEqual(hpy.isTrue(SubNum(0)), false);
  });
  it("a subclass's reflected slot goes first when it overrides the base's", () => {
    assert.strictEqual(nv(hpy.add(Num(1), SubNum(2))), 1003);
    assert.strictEqual(nv(hpy.add(SubNum(2), Num(1))), 1003);
    assert.strictEqual(nv(hpy.add(Num(1), Num(2))), 3);
  });
  it('a JS class extending an HPy_TPFLAGS_BASETYPE type', () => {
    class JsNum extends Num {
      extra() { return this.v * 3; }
    }
    const j = new JsNum(2);
    assert.ok(j instanceof JsNum && j instanceof Num);
    assert.strictEqual(j.v, 2);
    assert.strictEqual(j.extra(), 6);
    assert.strictEqual(nv(hpy.add(j, 1)), 3);
    assert.strictEqual(nv(hpy.mul(3, j)), 6);
    assert.strictEqual(hpy.repr(j), 'Num(2)');
    assert.strictEqual(hpy.typeOf(j), JsNum);
    assert.strictEqual(m.type_of(j), JsNum);
    assert.strictEqual(m.type_check(j, Num), true);
    assert.strictEqual(m.type_check(j, JsNum), true);
    assert.strictEqual(m.type_check(Num(1), JsNum), false);
    // the type follows the prototype, also when JS changes it after construction
    const n = Num(5);
    Object.setPrototypeOf(n, JsNum.prototype);
    assert.strictEqual(m.type_of(n), JsNum);
    assert.strictEqual(m.type_check(n, JsNum), true);
    assert.strictEqual(m.is_subtype(JsNum, Num), true);
    assert.strictEqual(m.is_subtype(Num, JsNum), false);
    assert.strictEqual(hpy.getattr(j, 'kind'), 'number');
  });
  it('a JS subclass overriding a dunder is used by the object model, and super reaches the slot', () => {
    class Plus100 extends Num {
      __add__(o) { return hpy.add(super.__add__(o), 100); }
      __repr__() { return `Plus100(${this.v})`; }
    }
    const p = new Plus100(1);
    assert.strictEqual(nv(hpy.add(p, 2)), 103);
    assert.strictEqual(nv(hpy.sub(p, 2)), -1); // inherited slot
    assert.strictEqual(hpy.repr(p), 'Plus100(1)');
    assert.strictEqual(nv(hpy.add(2, p)), 3); // __radd__ not overridden
  });
  it('a JS subclass of an HPy subclass', () => {
    class JsSub extends SubNum {}
    const j = new JsSub(2);
    assert.strictEqual(nv(hpy.add(j, 1)), 1003);
    assert.strictEqual(hpy.repr(j), 'SubNum<2>');
    assert.strictEqual(m.is_subtype(JsSub, Num), true);
  });
});

describe('module slots: HPy_mod_create', () => {
  it('the module is the object the slot returns, made with the spec', () => {
    const mod = loadTestExt('types_modcreate');
    assert.strictEqual(m.type_name(hpy.typeOf(mod)), 'Module');
    assert.strictEqual(mod.answer, 42);
    assert.strictEqual(mod.spec_name, 'types_modcreate');
    assert.strictEqual(mod.hello('x'), 'hello, x');
  });
  for (const [variant, what] of [[1, 'a method'], [2, 'an HPy_mod_exec slot']]) {
    it(`HPy_mod_create next to ${what} is refused when loading`, () => {
      const out = path.join(BUILD, `modcreate-bad${variant}`, 'types_modcreate.hpy0.so');
      hpy.buildExtension({ sources: [path.join(__dirname, 'ext', 'types_modcreate.c')], output: out,
        cflags: [`-DMODCREATE_BAD=${variant}`] });
      assert.throws(() => hpy.load(out), (e) => e instanceof Error && /HPy_mod_create/.test(e.message));
    });
  }
});
