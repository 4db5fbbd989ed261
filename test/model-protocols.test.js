'use strict';
// Python protocols on JS objects: binary dispatch, comparisons, attributes,
// calls, types.
const assert = require('assert');
const { raises } = require('./assert-py');
const m = require('../dist/lib/model');
const E = m.exc;

const NI = m.NotImplemented;

describe('model: binary operator dispatch', () => {
  const log = [];
  class A {
    __add__(o) { log.push('A.add'); return typeof o === 'number' ? `A+${o}` : NI; }
    __radd__(o) { log.push('A.radd'); return `${o}+A`; }
  }
  class B extends A {
    __radd__(o) { log.push('B.radd'); return `${m.repr(o)}+B`; }
  }
  class Refuse {
    __add__() { log.push('R.add'); return NI; }
    __radd__() { log.push('R.radd'); return NI; }
  }

  beforeEach(() => { log.length = 0; });

  it('left __op__ first, then the reflected __rop__', () => {
    assert.strictEqual(m.add(new A(), 1), 'A+1');
    assert.strictEqual(m.add(1, new A()), '1+A');
    assert.strictEqual(m.add('s', new A()), 's+A');
    assert.deepStrictEqual(log, ['A.add', 'A.radd', 'A.radd']);
  });

  it('NotImplemented from __op__ falls to __rop__, then TypeError', () => {
    assert.strictEqual(m.add(new Refuse(), new A()), '[object Object]+A');
    assert.deepStrictEqual(log, ['R.add', 'A.radd']);
    log.length = 0;
    raises(() => m.add(new Refuse(), new Refuse()), E.TypeError, "unsupported operand type(s) for +: 'Refuse' and 'Refuse'");
    assert.deepStrictEqual(log, ['R.add'], 'same type: no reflected call');
    log.length = 0;
    raises(() => m.add(new Refuse(), 1), E.TypeError, "unsupported operand type(s) for +: 'Refuse' and 'int'");
    raises(() => m.sub(1, new Refuse()), E.TypeError, "unsupported operand type(s) for -: 'int' and 'Refuse'");
  });

  it('a subclass overriding the reflected method goes first', () => {
    const a = new A(), b = new B();
    assert.strictEqual(m.add(a, b), '<A object>+B');
    assert.deepStrictEqual(log, ['B.radd']);
    log.length = 0;
    class C extends A {}
    assert.strictEqual(m.add(new A(), new C()), '[object Object]+A');
    assert.deepStrictEqual(log, ['A.add', 'A.radd'], 'no override: left first');
  });

  it('builtins defer to a JS object reflected method', () => {
    class V { __rmul__(o) { return ['rmul', o]; } __rsub__(o) { return 'rsub'; } }
    assert.deepStrictEqual(m.mul([1], new V()), ['rmul', [1]]);
    assert.deepStrictEqual(m.mul(3, new V()), ['rmul', 3]);
    assert.strictEqual(m.sub(2n ** 70n, new V()), 'rsub');
  });

  it('in-place: __iadd__, then __add__, then __radd__', () => {
    class I { __iadd__(o) { this.v = o; return this; } }
    const i = new I();
    assert.strictEqual(m.inplaceAdd(i, 5), i);
    assert.strictEqual(i.v, 5);
    assert.strictEqual(m.inplaceAdd(new A(), 2), 'A+2');
    assert.strictEqual(m.inplaceAdd(2, new A()), '2+A');
    raises(() => m.inplaceSub(new A(), 1), E.TypeError, "unsupported operand type(s) for -=: 'A' and 'int'");
    raises(() => m.inplacePow('a', 2), E.TypeError, "unsupported operand type(s) for **=: 'str' and 'int'");
  });

  it('error messages name the operator like CPython', () => {
    raises(() => m.pow('a', 2), E.TypeError, "unsupported operand type(s) for ** or pow(): 'str' and 'int'");
    raises(() => m.divmod('a', 1), E.TypeError, "unsupported operand type(s) for divmod(): 'str' and 'int'");
    raises(() => m.matmul(1, 2), E.TypeError, "unsupported operand type(s) for @: 'int' and 'int'");
    raises(() => m.add(1, 'a'), E.TypeError, "unsupported operand type(s) for +: 'int' and 'str'");
    raises(() => m.add('a', 1), E.TypeError, 'can only concatenate str (not "int") to str');
    raises(() => m.neg('a'), E.TypeError, "bad operand type for unary -: 'str'");
    raises(() => m.invert(1.5), E.TypeError, "bad operand type for unary ~: 'float'");
    raises(() => m.abs('a'), E.TypeError, "bad operand type for abs(): 'str'");
  });

  it('unary dunders and pow with modulus on objects', () => {
    class U { __neg__() { return 'neg'; } __abs__() { return 'abs'; } __pow__(b, c) { return [b, c]; } }
    assert.strictEqual(m.neg(new U()), 'neg');
    assert.strictEqual(m.abs(new U()), 'abs');
    assert.deepStrictEqual(m.pow(new U(), 2, 5), [2, 5]);
  });
});

describe('model: rich comparison dispatch', () => {
  it('reflected comparison and identity fallback', () => {
    class Lt { __lt__(o) { return 'lt-called'; } }
    class Gt { __gt__(o) { return 'gt-called'; } }
    assert.strictEqual(m.richCompare(new Lt(), 1, m.LT), 'lt-called');
    assert.strictEqual(m.richCompare(1, new Gt(), m.LT), 'gt-called', '1 < x  ->  x.__gt__(1)');
    const o = new Lt();
    assert.strictEqual(m.richCompare(o, o, m.EQ), true);
    assert.strictEqual(m.richCompare(o, new Lt(), m.EQ), false);
    assert.strictEqual(m.richCompare(o, new Lt(), m.NE), true);
    raises(() => m.richCompare(new Gt(), 1, m.LE), E.TypeError, "'<=' not supported between instances of 'Gt' and 'int'");
  });

  it('__ne__ defaults to the negation of __eq__', () => {
    class Eq { constructor(v) { this.v = v; } __eq__(o) { return o instanceof Eq && o.v === this.v; } __hash__() { return this.v; } }
    assert.strictEqual(m.richCompare(new Eq(1), new Eq(1), m.EQ), true);
    assert.strictEqual(m.richCompare(new Eq(1), new Eq(1), m.NE), false);
    assert.strictEqual(m.richCompare(new Eq(1), new Eq(2), m.NE), true);
    assert.strictEqual(m.contains([new Eq(3)], new Eq(3)), true);
    assert.strictEqual(m.richCompareBool(new Eq(1), new Eq(1), m.EQ), true);
  });

  it('a subclass reflected comparison has priority', () => {
    const calls = [];
    class P { __eq__(o) { calls.push('P'); return NI; } }
    class Q extends P { __eq__(o) { calls.push('Q'); return true; } }
    assert.strictEqual(m.richCompare(new P(), new Q(), m.EQ), true);
    assert.deepStrictEqual(calls, ['Q']);
  });

  it('None and mixed builtins', () => {
    assert.strictEqual(m.richCompare(null, undefined, m.EQ), true);
    assert.strictEqual(m.richCompare(null, 0, m.EQ), false);
    raises(() => m.richCompare(null, null, m.LT), E.TypeError, "'<' not supported between instances of 'NoneType' and 'NoneType'");
    assert.strictEqual(m.richCompare(Buffer.from('ab'), Buffer.from('b'), m.LT), true);
    assert.strictEqual(m.richCompare('1', 1, m.EQ), false);
    assert.strictEqual(m.eq(m.complex(1, 0), 1), true);
  });

  it('truth value', () => {
    assert.strictEqual(m.isTrue([]), false);
    assert.strictEqual(m.isTrue({}), false);
    assert.strictEqual(m.isTrue({ a: 1 }), true);
    assert.strictEqual(m.isTrue(''), false);
    assert.strictEqual(m.isTrue(0n), false);
    assert.strictEqual(m.isTrue(m.makeTuple([0])), true);
    class Bo { __bool__() { return false; } }
    assert.strictEqual(m.isTrue(new Bo()), false);
    class Le { __len__() { return 0; } }
    assert.strictEqual(m.isTrue(new Le()), false);
    class Bad { __bool__() { return 1; } }
    raises(() => m.isTrue(new Bad()), E.TypeError, '__bool__ should return bool, returned int');
    assert.strictEqual(m.isTrue(new (class {})()), true);
  });
});

describe('model: attributes', () => {
  it('JS objects: own and inherited properties, methods bound', () => {
    class K { constructor() { this.x = 1; } get g() { return this.x + 1; } meth(a) { return this.x + a; } }
    const k = new K();
    assert.strictEqual(m.getattr(k, 'x'), 1);
    assert.strictEqual(m.getattr(k, 'g'), 2);
    const bound = m.getattr(k, 'meth');
    assert.strictEqual(bound(10), 11, 'inherited method is bound');
    assert.strictEqual(m.callMethod(k, 'meth', [5]), 6);
    raises(() => m.getattr(k, 'nope'), E.AttributeError, "'K' object has no attribute 'nope'");
    raises(() => m.getattr(k, 'toString'), E.AttributeError, "'K' object has no attribute 'toString'"); // not Object.prototype's
    raises(() => m.getattr(k, '__proto__'), E.AttributeError);
    assert.strictEqual(m.getattr(k, 'nope', 'dflt'), 'dflt');
    assert.strictEqual(m.hasattr(k, 'x'), true);
    assert.strictEqual(m.hasattr(k, 'nope'), false);
    assert.strictEqual(m.getattr(k, '__class__'), K);
    const err = raises(() => m.getattr(k, 'zz'), E.AttributeError);
    assert.strictEqual(m.getattr(err, 'name'), 'zz');
    assert.strictEqual(err.obj, k);
  });

  it('__getattr__ fallback and __setattr__ / __delattr__ hooks', () => {
    class G { constructor() { this.real = 1; } __getattr__(n) { if (n === 'virt') return 'v'; throw new E.AttributeError(n); } }
    const g = new G();
    assert.strictEqual(m.getattr(g, 'real'), 1);
    assert.strictEqual(m.getattr(g, 'virt'), 'v');
    assert.strictEqual(m.hasattr(g, 'other'), false);
    const seen = [];
    class S2 { __setattr__(n, v) { seen.push(['set', n, v]); } __delattr__(n) { seen.push(['del', n]); } }
    const s = new S2();
    m.setattr(s, 'a', 1);
    m.delattr(s, 'a');
    assert.deepStrictEqual(seen, [['set', 'a', 1], ['del', 'a']]);
  });

  it('setattr/delattr on plain JS objects; "__proto__" stays an own property', () => {
    const o = Object.create(class O {}.prototype);
    m.setattr(o, 'y', 2);
    assert.strictEqual(o.y, 2);
    m.setattr(o, '__proto__', 'p');
    assert.ok(Object.prototype.hasOwnProperty.call(o, '__proto__'));
    assert.strictEqual(m.typeName(m.typeOf(o)), 'O', 'prototype unchanged');
    m.delattr(o, 'y');
    assert.strictEqual('y' in o, false);
    raises(() => m.delattr(o, 'y'), E.AttributeError);
    const frozen = Object.freeze(Object.create(class F {}.prototype));
    raises(() => m.setattr(frozen, 'z', 1), E.AttributeError);
  });

  it('builtin values expose their Python methods only', () => {
    assert.strictEqual(m.getattr('abc', 'upper')(), 'ABC');
    assert.strictEqual(m.getattr([1], 'append').name, 'append');
    raises(() => m.getattr('abc', 'length'), E.AttributeError, "'str' object has no attribute 'length'");
    raises(() => m.getattr([], 'length'), E.AttributeError, "'list' object has no attribute 'length'");
    raises(() => m.setattr(5, 'x', 1), E.AttributeError, "'int' object has no attribute 'x'");
    raises(() => m.setattr('s', 'x', 1), E.AttributeError, "'str' object has no attribute 'x'");
    assert.strictEqual(m.getattr(5, 'real'), 5);
    assert.strictEqual(m.getattr(2.5, 'imag'), 0);
    assert.strictEqual(m.callMethod(255, 'bit_length', []), 8);
    assert.deepStrictEqual(m.callMethod(255, 'to_bytes', [2, 'big']), Buffer.from([0, 255]));
    assert.strictEqual(m.getattr(m.int, 'from_bytes')(Buffer.from([1, 0]), 'little'), 1);
    assert.strictEqual(m.repr(m.callMethod(1.5, 'as_integer_ratio', [])), '(3, 2)');
    assert.strictEqual(m.callMethod(1.5, 'hex', []), '0x1.8000000000000p+0');
    assert.strictEqual(m.getattr(new m.PySlice(1, 2, null), 'stop'), 2);
    assert.strictEqual(m.getattr(5, '__class__'), m.int);
    assert.strictEqual(m.callMethod([3, 4], '__len__', []), 2);
    assert.strictEqual(m.callMethod({ a: 1 }, '__getitem__', ['a']), 1);
  });

  it('types: metadata, unbound methods, immutability of builtins', () => {
    assert.strictEqual(m.getattr(m.int, '__name__'), 'int');
    assert.strictEqual(m.getattr(E.ValueError, '__module__'), 'builtins');
    assert.strictEqual(m.getattr(m.bool, '__base__'), m.int);
    assert.strictEqual(m.repr(m.getattr(m.bool, '__mro__')), "(<class 'bool'>, <class 'int'>, <class 'object'>)");
    assert.strictEqual(m.getattr(m.str, 'upper')('x'), 'X');
    raises(() => m.getattr(m.str, 'upper')(5), E.TypeError, "descriptor 'upper' for 'str' objects doesn't apply to a 'int' object");
    raises(() => m.setattr(m.int, 'x', 1), E.TypeError, "cannot set 'x' attribute of immutable type 'int'");
    raises(() => m.getattr(m.int, 'nope'), E.AttributeError, "type object 'int' has no attribute 'nope'");
    class J { m() { return 1; } }
    J.s = 5;
    assert.strictEqual(m.getattr(J, 's'), 5);
    assert.strictEqual(typeof m.getattr(J, 'm'), 'function');
    m.setattr(J, 'added', 7);
    assert.strictEqual(m.getattr(new J(), 'added'), 7, 'class attribute visible on instances');
  });

  it('modules', () => {
    const mod = m.makeModule('mymod', 'the doc');
    m.setattr(mod, 'f', (x) => x * 2);
    assert.strictEqual(m.typeOf(mod), m.module);
    assert.strictEqual(m.getattr(mod, '__name__'), 'mymod');
    assert.strictEqual(m.getattr(mod, '__doc__'), 'the doc');
    assert.strictEqual(m.callMethod(mod, 'f', [4]), 8);
    assert.deepStrictEqual(Object.keys(mod), ['f']);
    assert.strictEqual(m.repr(mod), "<module 'mymod'>");
    raises(() => m.getattr(mod, 'g'), E.AttributeError, "module 'mymod' has no attribute 'g'");
    assert.strictEqual(m.getattr(m.builtins, 'len')('abc'), 3);
    assert.strictEqual(m.getattr(m.builtins, 'ValueError'), E.ValueError);
  });
});

describe('model: calls and keyword arguments', () => {
  it('kw() marks keyword arguments for JS functions', () => {
    const seen = [];
    const f = (...args) => { seen.push(args); return args.length; };
    assert.strictEqual(m.call(f, [1, 2]), 2);
    m.call(f, [1], { a: 1 });
    m.call(f, [1], m.kw({ b: 2 }));
    m.call(f, [1], {});
    assert.deepStrictEqual(seen[0], [1, 2]);
    assert.ok(seen[1][1] instanceof m.KwArgs);
    assert.deepStrictEqual({ ...seen[1][1].kwargs }, { a: 1 });
    assert.deepStrictEqual({ ...seen[2][1].kwargs }, { b: 2 });
    assert.deepStrictEqual(seen[3], [1], 'empty kwargs are dropped');
    raises(() => m.call(f, [], 5), E.TypeError, 'argument after ** must be a mapping, not int');
    const k = m.kw({ __proto__: 1 });
    assert.strictEqual(Object.getPrototypeOf(k.kwargs), null);
  });

  it('calls types with new, objects through __call__', () => {
    class Pt { constructor(x) { this.x = x; } }
    const p = m.call(Pt, [3]);
    assert.ok(p instanceof Pt);
    assert.strictEqual(p.x, 3);
    assert.strictEqual(m.call(m.int, ['ff', 16]), 255);
    assert.strictEqual(m.call(m.int, ['ff'], { base: 16 }), 255);
    class Fn { __call__(a, b) { return a + b; } }
    assert.strictEqual(m.call(new Fn(), [1, 2]), 3);
    raises(() => m.call(5, []), E.TypeError, "'int' object is not callable");
    assert.ok(m.isCallable(() => 1) && m.isCallable(new Fn()) && m.isCallable(Pt));
    assert.ok(!m.isCallable({}) && !m.isCallable(1));
  });

  it('callKw follows the HPy_Call convention (kwnames)', () => {
    const f = (...args) => args;
    const r = m.callKw(f, [1, 2, 3], ['x']);
    assert.deepStrictEqual(r.slice(0, 2), [1, 2]);
    assert.deepStrictEqual({ ...r[2].kwargs }, { x: 3 });
  });

  it('JS errors thrown inside calls propagate unchanged', () => {
    const boom = new RangeError('js');
    assert.throws(() => m.call(() => { throw boom; }, []), (e) => e === boom);
  });
});

describe('model: types', () => {
  it('typeOf every kind of value', () => {
    assert.strictEqual(m.typeOf(null), m.NoneType);
    assert.strictEqual(m.typeOf(undefined), m.NoneType);
    assert.strictEqual(m.typeOf('s'), m.str);
    assert.strictEqual(m.typeOf(Buffer.from('')), m.bytes);
    assert.strictEqual(m.typeOf(new Uint8Array(1)), m.bytes);
    assert.strictEqual(m.typeOf([]), m.list);
    assert.strictEqual(m.typeOf(m.makeTuple([1])), m.tuple);
    assert.strictEqual(m.typeOf({}), m.dict);
    assert.strictEqual(m.typeOf(new Map()), m.dict);
    assert.strictEqual(m.typeOf(new m.PySlice()), m.slice);
    assert.strictEqual(m.typeOf(() => 1), m.functionType);
    assert.strictEqual(m.typeOf(class X {}), m.type);
    assert.strictEqual(m.typeOf(m.int), m.type);
    assert.strictEqual(m.typeOf(m.NotImplemented), m.NotImplementedType);
    assert.strictEqual(m.typeName(m.typeOf(m.Ellipsis)), 'ellipsis');
    class Foo {}
    assert.strictEqual(m.typeOf(new Foo()), Foo);
    assert.strictEqual(m.typeName(Foo), 'Foo');
    class MyList extends Array {}
    assert.strictEqual(m.typeOf(new MyList()), MyList);
    assert.ok(m.isSubtype(MyList, m.list));
    assert.ok(m.isInstance(new MyList(), m.list));
  });

  it('isSubtype / isInstance / instanceof on builtin types', () => {
    assert.ok(m.isSubtype(m.bool, m.int));
    assert.ok(m.isSubtype(m.int, m.object));
    assert.ok(!m.isSubtype(m.int, m.bool));
    assert.ok(!m.isSubtype(m.float, m.int));
    assert.ok(m.isSubtype(E.KeyError, m.object));
    assert.ok(true instanceof m.int);
    assert.ok(5 instanceof m.int);
    assert.ok(!(5.5 instanceof m.int));
    assert.ok('x' instanceof m.str);
    assert.ok([] instanceof m.list && !([] instanceof m.tuple));
    assert.ok(null instanceof m.object);
    class Sub extends m.object {}
    assert.ok(new Sub() instanceof Sub && new Sub() instanceof m.object);
    assert.ok(m.isSubtype(Sub, m.object));
    assert.ok(m.isInstance(1, m.makeTuple([m.str, m.int])));
    assert.strictEqual(m.type(5), m.int);
  });

  it('builtin type calls', () => {
    assert.strictEqual(m.str(5), '5');
    assert.deepStrictEqual(m.list('ab'), ['a', 'b']);
    assert.deepStrictEqual(m.list(new Set([1, 2])), [1, 2]);
    assert.strictEqual(m.repr(m.slice(5)), 'slice(None, 5, None)');
    assert.strictEqual(m.NoneType(), null);
    assert.strictEqual(m.typeOf(m.object()), m.object);
    const T = m.type('T', m.makeTuple([]), { x: 1 });
    assert.strictEqual(m.typeName(T), 'T');
    assert.strictEqual(m.getattr(m.call(T, []), 'x'), 1);
    raises(() => m.functionType(), E.TypeError, "cannot create 'function' instances");
  });
});
