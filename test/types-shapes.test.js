'use strict';
// Builtin shapes of extension types (test/ext/types_shapes.c): subclasses of int, float, str,
// tuple, list, dict and type with a C struct of their own, and a metaclass. The expected values
// are what the same C file gives under CPython 3.11 + HPy's own runtime (hpy.universal), except
// the dict shape, which HPy 0.9 on CPython does not have (it is in HPy's master).
const assert = require('assert');
const hpy = require('..');
const { loadTestExt } = require('./helpers');

const { builtins: B, kw } = hpy;
const m = loadTestExt('types_shapes');
const CHECKS = { int: [1, 0, 0, 0, 0, 0, 0], float: [0, 1, 0, 0, 0, 0, 0], str: [0, 0, 1, 0, 0, 0, 0] };

async function collect(check) {
  for (let i = 0; i < 50; i++) {
    global.gc();
    await new Promise((r) => setImmediate(r));
    if (check()) return true;
  }
  return check();
}

describe('int-shaped extension types', () => {
  const I = m.IntSub;
  it('construct through int.__new__', () => {
    assert.strictEqual(hpy.repr(I()), '0');
    assert.strictEqual(hpy.repr(I(42)), '42');
    assert.strictEqual(hpy.repr(I('ff', 16)), '255');
    assert.strictEqual(hpy.repr(I(1.5)), '1');
    assert.strictEqual(B.type(I(2n ** 70n)), I);
    assert.strictEqual(hpy.repr(I(2n ** 70n)), String(2n ** 70n));
    assert.throws(() => I('x'), (e) => e instanceof B.ValueError && /invalid literal for int\(\) with base 10: 'x'/.test(e.message));
    assert.ok(I(3) instanceof I);
    assert.strictEqual(B.type(I(3)), I);
  });
  it('are ints: arithmetic, comparison, hashing, methods, C conversions', () => {
    const p = I(42);
    assert.strictEqual(hpy.eq(p, 42), true);
    assert.strictEqual(hpy.add(p, 1), 43);
    assert.strictEqual(hpy.add(1, p), 43);
    assert.strictEqual(hpy.mul(p, p), 1764);
    assert.strictEqual(hpy.neg(p), -42);
    assert.strictEqual(hpy.floordiv(I(7), 2), 3);
    assert.deepStrictEqual(Array.from(B.divmod(I(7), 2)), [3, 1]);
    assert.strictEqual(hpy.lt(I(3), 4), true);
    assert.strictEqual(hpy.str(p), '42');
    assert.strictEqual(hpy.hash(p), hpy.hash(42));
    assert.strictEqual(B.format(p, '>5'), '   42');
    assert.strictEqual(B.getattr(p, 'bit_length')(), 6);
    assert.strictEqual(B.bool(I(0)), false);
    assert.strictEqual(B.isinstance(p, B.int), true);
    const d = B.dict();
    hpy.setitem(d, 42, 'a');
    assert.strictEqual(hpy.getitem(d, p), 'a');
    assert.deepStrictEqual(Array.from(m.checks(p)), CHECKS.int);
    assert.strictEqual(m.as_long(p), 42);
    assert.strictEqual(m.as_double(p), 42);
    // JS sees the number
    assert.strictEqual(p + 1, 43);
    assert.strictEqual(`${p}`, '42');
    assert.strictEqual(JSON.stringify({ p, s: m.Language('x') }), '{"p":42,"s":"x"}');
  });
  it('keep their C struct next to the value', () => {
    const p = I(42);
    p.x = 3;
    p.y = 4;
    assert.deepStrictEqual([p.x, p.y], [3, 4]);
    assert.strictEqual(p.tag(), 3042);
  });
  it('HPyType_GenericNew gives 0; the shape is Long; JS subclasses work', () => {
    const g = m.generic(I);
    assert.strictEqual(B.type(g), I);
    assert.strictEqual(hpy.repr(g), '0');
    assert.strictEqual(m.shape_of(I), 2);
    class S extends I {}
    const s = new S(7);
    assert.strictEqual(B.type(s), S);
    assert.strictEqual(s.tag(), 7);
    assert.strictEqual(m.shape_of(S), -1); // a subclass is no HPy type (CPython: the same)
  });
});

describe('float-shaped extension types', () => {
  const F = m.FloatSub;
  it('are floats with a struct', () => {
    const f = F(2.5);
    f.scale = 4;
    assert.strictEqual(f.scaled(), 10);
    assert.strictEqual(hpy.add(f, 1), 3.5);
    assert.strictEqual(hpy.mul(f, 2), 5);
    assert.strictEqual(hpy.repr(f), '2.5');
    assert.strictEqual(f * 2, 5);
    assert.strictEqual(B.type(f), F);
    assert.strictEqual(hpy.repr(F('1e3')), '1000'); // an integral float reads back as an int
    assert.strictEqual(hpy.repr(F()), '0');
    assert.deepStrictEqual(Array.from(m.checks(f)), CHECKS.float);
    assert.strictEqual(m.as_double(f), 2.5);
    assert.throws(() => m.as_long(f), (e) => e instanceof B.TypeError &&
      e.message === "'types_shapes.FloatSub' object cannot be interpreted as an integer");
    assert.strictEqual(B.type(m.generic(F)), F);
    assert.strictEqual(m.shape_of(F), 3);
  });
});

describe('str-shaped extension types', () => {
  const L = m.Language;
  it('are strs with a struct', () => {
    const s = L('python');
    assert.strictEqual(s.lang, null);
    s.lang = 'en';
    assert.strictEqual(s.lang, 'en');
    assert.strictEqual(B.getattr(s, 'upper')(), 'PYTHON');
    assert.strictEqual(hpy.add(s, '!'), 'python!');
    assert.strictEqual(hpy.add('>', s), '>python');
    assert.strictEqual(B.len(s), 6);
    assert.strictEqual(hpy.getitem(s, 1), 'y');
    assert.strictEqual(hpy.contains(s, 'th'), true);
    assert.deepStrictEqual(Array.from(B.iter(s)).join(','), 'p,y,t,h,o,n');
    assert.strictEqual(hpy.eq(s, 'python'), true);
    assert.strictEqual(hpy.hash(s), hpy.hash('python'));
    assert.strictEqual(hpy.repr(s), "'python'");
    assert.strictEqual(String(s), 'python');
    assert.deepStrictEqual(Array.from(m.checks(s)), CHECKS.str);
    assert.strictEqual(m.as_utf8(s).toString(), 'python');
    assert.strictEqual(m.length(s), 6);
    assert.strictEqual(hpy.repr(L(5)), "'5'");
    assert.strictEqual(hpy.repr(L()), "''");
    assert.strictEqual(hpy.repr(m.generic(L)), "''");
    assert.strictEqual(m.shape_of(L), 4);
  });
  it('a str subclass with no struct keeps the default shape', () => {
    const s = m.StrNoStruct('ab');
    assert.strictEqual(B.isinstance(s, B.str), true);
    assert.strictEqual(hpy.add(s, 'c'), 'abc');
    assert.strictEqual(m.shape_of(m.StrNoStruct), 0);
  });
  it('tp_finalize then tp_destroy run once per collected instance', async function () {
    this.timeout(30000);
    await collect(() => false);
    const start = m.destroyed();
    const startFin = m.finalized();
    (function make() {
      for (let i = 0; i < 500; i++) L('x' + i).lang = 'fr';
    })();
    const ok = await collect(() => m.destroyed() - start >= 500);
    assert.ok(ok, `destroyed ${m.destroyed() - start} of 500`);
    await collect(() => false);
    assert.strictEqual(m.destroyed() - start, 500);
    assert.strictEqual(m.finalized() - startFin, 500); // on a str stand-in over the same struct
  });
});

describe('tuple-, list- and dict-shaped extension types', () => {
  it('tuple: items from tuple.__new__, frozen, with a struct', () => {
    const t = m.TupleSub([1, 2, 3]);
    t.tag = 9;
    assert.strictEqual(t.tag, 9);
    assert.ok(Object.isFrozen(t) && Array.isArray(t));
    assert.strictEqual(B.len(t), 3);
    assert.strictEqual(hpy.getitem(t, 1), 2);
    assert.strictEqual(hpy.eq(t, B.tuple([1, 2, 3])), true);
    assert.deepStrictEqual(Array.from(m.checks(t)), [0, 0, 0, 1, 0, 0, 0]);
    assert.strictEqual(B.len(m.TupleSub()), 0);
    assert.strictEqual(B.len(m.generic(m.TupleSub)), 0); // tp_alloc: the arguments are not items
    const o = { big: true };
    t.keep(o); // an HPyField on a frozen object
    assert.strictEqual(t.kept(), o);
  });
  it('list: filled by list.__init__; C and Python methods reach the same array', () => {
    const l = m.ListSub([1, 2]);
    l.push(3); // the type's own method, through HPyList_Append
    assert.strictEqual(l.pushes, 1);
    B.getattr(l, 'append')(4); // list.append, not the type's push
    assert.strictEqual(l.pushes, 1);
    assert.deepStrictEqual(Array.from(l), [1, 2, 3, 4]);
    assert.ok(Array.isArray(l) && l instanceof m.ListSub);
    assert.deepStrictEqual(l.map((x) => x * 2), [2, 4, 6, 8]); // JS array methods
    assert.strictEqual(hpy.repr(l), '[1, 2, 3, 4]');
    assert.deepStrictEqual(Array.from(m.checks(l)), [0, 0, 0, 0, 1, 0, 0]);
    assert.strictEqual(B.len(m.generic(m.ListSub)), 0);
    assert.throws(() => m.ListSub(5), (e) => e instanceof B.TypeError && /'int' object is not iterable/.test(e.message));
  });
  it('dict: a Map filled by dict.__init__, Python key semantics, with a struct', () => {
    const d = m.DictSub({ a: 1 }, kw({ b: 2 }));
    assert.ok(d instanceof Map && d instanceof m.DictSub);
    assert.strictEqual(B.len(d), 2);
    assert.strictEqual(d.lookup('a'), 1);
    assert.strictEqual(d.hits, 1);
    assert.throws(() => d.lookup('zz'), (e) => e instanceof B.KeyError);
    assert.strictEqual(d.hits, 1);
    assert.strictEqual(B.getattr(d, 'get')('b'), 2);
    hpy.setitem(d, 1, 'one');
    assert.strictEqual(hpy.getitem(d, true), 'one'); // 1 == True as keys
    assert.strictEqual(hpy.repr(d), "{'a': 1, 'b': 2, 1: 'one'}");
    assert.deepStrictEqual(Array.from(m.checks(d)), [0, 0, 0, 0, 0, 1, 0]);
    const g = m.generic(m.DictSub);
    assert.strictEqual(B.type(g), m.DictSub);
    assert.strictEqual(B.len(g), 0);
    assert.strictEqual(m.shape_of(m.DictSub), 7);
  });
});

describe('metatypes (Type shape) and HPyType_SpecParam_Metaclass', () => {
  it('a type made with an HPy metatype has the metatype\'s struct', () => {
    assert.strictEqual(m.shape_of(m.Meta), 1);
    assert.strictEqual(B.issubclass(m.Meta, B.type), true);
    const W = m.make_type('types_shapes.W', m.Meta);
    assert.strictEqual(B.type(W), m.Meta);
    assert.strictEqual(B.isinstance(W, B.type), true);
    assert.strictEqual(m.get_meta(W), 0);
    m.set_meta(W);
    assert.strictEqual(m.get_meta(W), 53);
    assert.strictEqual(B.getattr(W, 'magic')(), 42); // the metatype's method, on a type it made
    const w = W();
    m.set_member(w);
    assert.strictEqual(w.member, 123614);
    assert.deepStrictEqual(Array.from(m.checks(W)), [0, 0, 0, 0, 0, 0, 1]);
  });
  it('calling the metatype makes a class whose type it is', () => {
    const X = m.Meta('X', B.tuple([]), { answer: 42 });
    assert.strictEqual(B.type(X), m.Meta);
    assert.strictEqual(B.getattr(new X(), 'answer'), 42);
    assert.strictEqual(m.get_meta(X), 0);
    m.set_meta(X);
    assert.strictEqual(m.get_meta(X), 53);
    assert.strictEqual(B.getattr(X, 'magic')(), 42);
    assert.throws(() => m.Meta('X'), (e) => e instanceof B.TypeError && /takes exactly 3 arguments/.test(e.message));
  });
  it("AsStruct of one builtin shape on an instance of another raises instead of handing out the wrong block", () => {
    const wrongShape = (e) => e instanceof B.TypeError && /^_HPy_AsStruct_Type: 'types_shapes\.IntSub' objects do not have this builtin shape$/.test(e.message);
    assert.throws(() => m.set_meta(m.IntSub(1)), wrongShape);
    assert.throws(() => m.set_meta(m.ListSub([])), B.TypeError);
    assert.throws(() => m.get_meta(5), (e) => e instanceof B.TypeError && /not an instance of an HPy extension type/.test(e.message));
    assert.throws(() => m.set_member(m.IntSub(1)), B.TypeError); // an object-shaped struct asked of an int subclass
  });
  it('bad metaclasses and shapes raise as HPy on CPython does', () => {
    assert.strictEqual(B.type(m.make_type('types_shapes.P', B.type)), B.type);
    assert.throws(() => m.make_type('types_shapes.B', B.int), (e) => e instanceof B.TypeError && /not a subclass of 'type'/.test(e.message));
    assert.throws(() => m.make_type('types_shapes.B', 'hello'), (e) => e instanceof B.TypeError && /a 'str' object/.test(e.message));
    assert.throws(() => m.two_metaclasses(), (e) => e instanceof B.ValueError && e.message === 'metaclass was specified multiple times');
    assert.throws(() => m.bad_shape(123), (e) => e instanceof B.ValueError && e.message === 'invalid shape: 123');
    assert.throws(() => m.bad_shape(-2), (e) => e instanceof B.ValueError && e.message === 'invalid shape: -2');
    // CPython accepts a shape that its base does not have; the instances follow the base
    const T = m.mismatch();
    assert.strictEqual(m.shape_of(T), 2);
    assert.strictEqual(B.type(T()), T);
    assert.strictEqual(m.shape_of(B.int), -1); // not an HPy type
  });
});

describe('instance memory', () => {
  it('structs larger than the size classes: zeroed, their own, destroyed once', async function () {
    this.timeout(30000);
    const a = m.Big();
    const b = m.Big();
    assert.strictEqual(a.sum(), 0);
    a.fill(2);
    assert.strictEqual(a.sum(), 10000);
    assert.strictEqual(b.sum(), 0);
    await collect(() => false);
    const start = m.big_destroyed();
    (function make() { for (let i = 0; i < 300; i++) m.Big().fill(i); })();
    assert.ok(await collect(() => m.big_destroyed() - start >= 300));
    await collect(() => false);
    assert.strictEqual(m.big_destroyed() - start, 300);
    assert.strictEqual(m.Big().sum(), 0); // a reused block is zeroed again
  });
});

describe('several bases (HPyType_SpecParam_Base twice, or a BasesTuple)', () => {
  it('the instances take the layout of the base that has one; the others add methods', () => {
    const Dual = m.make_bases(0, B.int, m.Mixin);
    assert.strictEqual(B.issubclass(Dual, B.int), true);
    assert.strictEqual(B.issubclass(Dual, m.Mixin), true);
    assert.deepStrictEqual(Array.from(B.getattr(Dual, '__mro__')), [Dual, B.int, m.Mixin, B.object]);
    const d = Dual(42);
    assert.strictEqual(hpy.eq(d, 42), true);
    assert.strictEqual(hpy.add(d, 1), 43);
    assert.strictEqual(d.hello(), 'Dual'); // Mixin's method, on an instance of Dual
    assert.strictEqual(B.isinstance(d, m.Mixin), true);
    const FromTuple = m.make_bases(1, B.int, m.Mixin);
    assert.strictEqual(FromTuple(5).hello(), 'FromTuple');
    const F = m.make_bases(0, m.Mixin, B.float);
    assert.strictEqual(hpy.repr(F(1.5)), '1.5');
    assert.strictEqual(F(1.5).hello(), 'Dual');
    assert.strictEqual(B.issubclass(m.make_bases(0, m.IntSub, B.int), m.IntSub), true);
  });
  it('layout conflicts and a Base next to a BasesTuple raise TypeError, as on CPython', () => {
    const err = (re) => (e) => e instanceof B.TypeError && re.test(e.message);
    assert.throws(() => m.make_bases(0, B.list, B.dict), err(/multiple bases have instance lay-out conflict/));
    assert.throws(() => m.make_bases(0, m.IntSub, m.FloatSub), err(/not an acceptable base type/));
    assert.throws(() => m.make_bases(2, B.int, m.Mixin), err(/cannot specify both HPyType_SpecParam_Base and HPyType_SpecParam_BasesTuple/));
  });
});

describe('JS subclasses of builtin types', () => {
  it('int, float and str subclasses hold their value', () => {
    class MyInt extends B.int {}
    const i = new MyInt('12');
    assert.strictEqual(B.type(i), MyInt);
    assert.strictEqual(hpy.add(i, 1), 13);
    assert.strictEqual(B.isinstance(i, B.int), true);
    assert.strictEqual(m.as_long(i), 12);
    class MyStr extends B.str {}
    const s = new MyStr('ab');
    assert.strictEqual(m.as_utf8(s).toString(), 'ab');
    assert.strictEqual(B.getattr(s, 'upper')(), 'AB');
    class MyFloat extends B.float {}
    assert.strictEqual(m.as_double(new MyFloat(0.25)), 0.25);
  });
  it('list and dict subclasses are arrays and Maps with their prototype', () => {
    class MyList extends B.list {}
    const l = new MyList([1, 2]);
    assert.ok(Array.isArray(l) && l instanceof MyList);
    assert.strictEqual(B.type(l), MyList);
    assert.deepStrictEqual(Array.from(m.checks(l)), [0, 0, 0, 0, 1, 0, 0]);
    class MyDict extends B.dict {}
    const d = new MyDict({ a: 1 });
    assert.ok(d instanceof Map && d instanceof MyDict);
    assert.strictEqual(hpy.getitem(d, 'a'), 1);
    assert.deepStrictEqual(Array.from(m.checks(d)), [0, 0, 0, 0, 0, 1, 0]);
  });
});
