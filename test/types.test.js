'use strict';
// Extension types as JS classes: construction, members, getsets, methods, slots as dunders and
// JS protocols, inheritance, fields and collection with tp_destroy.
const assert = require('assert');
const util = require('util');
const hpy = require('..');
const { loadTestExt } = require('./helpers');

const { builtins: B, kw } = hpy;
const m = loadTestExt('types_point');
const { Point, Point3D, Final, Node } = m;

function gc() {
  if (typeof global.gc !== 'function') throw new Error('run mocha with --expose-gc');
  global.gc();
}

async function collect(check) {
  for (let i = 0; i < 50; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
    if (check()) return true;
  }
  return check();
}

describe('extension types', () => {
  it('methods, members, getsets and slots check their `this`, as Python descriptors do', () => {
    const wrong = (e) => e instanceof B.TypeError && /^descriptor '.*' for 'types_point\.Point' objects doesn't apply to a '.*' object$/.test(e.message);
    const d = (name) => Object.getOwnPropertyDescriptor(Point.prototype, name);
    assert.throws(() => Point.prototype.norm, wrong); // a getset read on the prototype itself
    assert.throws(() => d('scale').value.call({}, 2), wrong);
    assert.throws(() => d('x').get.call(Node()), wrong); // another HPy type's instance
    assert.throws(() => d('x').set.call(Node(), 1), wrong);
    assert.throws(() => d('__repr__').value.call([1]), wrong);
    for (const prim of [5, 'p', true, 10n, Symbol('s'), null, undefined]) {  // not objects: nothing to unwrap
      assert.throws(() => d('scale').value.call(prim, 2), wrong);
      assert.throws(() => d('x').get.call(prim), wrong);
    }
    const p = new Point(3, 4);
    assert.strictEqual(d('norm').get.call(p), 5);
    assert.strictEqual(d('x').get.call(new Point3D(1, 2, 3)), 1); // a subtype's instance is fine
  });
  it('T.method is an unbound method: T.method(obj, ...args), the same function each time', () => {
    const scale = B.getattr(Point, 'scale');
    assert.strictEqual(hpy.repr(scale(Point(1, 2), 3)), 'Point(3, 6)');
    assert.strictEqual(B.getattr(Point, 'scale'), scale);
    assert.throws(() => scale({}, 3), B.TypeError);
    assert.strictEqual(B.getattr(B.int, '__add__')(3, 4), 7); // dunders of builtin types too
  });
  it('Reflect.construct(T, args, U) needs U to be T or a subtype, as T.__new__(U) does', () => {
    const notSub = (u) => (e) => e instanceof B.TypeError &&
      e.message === `types_point.Point.__new__(${u}): ${u} is not a subtype of types_point.Point`;
    assert.throws(() => Reflect.construct(Point, [1, 2], Node), notSub('Node'));
    class SubNode extends Node {}
    assert.throws(() => Reflect.construct(Point, [1, 2], SubNode), notSub('SubNode'));
    const p = Reflect.construct(Point, [1, 2], Point3D);
    assert.strictEqual(B.type(p), Point3D);
    assert.strictEqual(p.x, 1);
  });
  it('are JS functions that construct with and without new', () => {
    assert.strictEqual(typeof Point, 'function');
    const a = new Point(1, 2);
    const b = Point(3, 4);
    assert.ok(a instanceof Point);
    assert.ok(b instanceof Point);
    assert.strictEqual(a.x, 1);
    assert.strictEqual(b.y, 4);
    const c = Point(kw({ y: 5 }));
    assert.strictEqual(c.x, 0);
    assert.strictEqual(c.y, 5);
  });
  it('tp_new errors reach the caller', () => {
    assert.throws(() => Point('a'), B.TypeError);
    assert.throws(() => Point(1, 2, 3), B.TypeError);
  });
  it('members: typed, writable, readonly', () => {
    const p = Point(1, 2);
    p.x = 10.5;
    assert.strictEqual(p.x, 10.5);
    assert.throws(() => { p.x = 'no'; }, B.TypeError);
    assert.strictEqual(p.tag, 0);
    assert.throws(() => { p.tag = 3; }, B.AttributeError);
    assert.strictEqual(p.flag, false);
    p.flag = true;
    assert.strictEqual(p.flag, true);
  });
  it('getsets', () => {
    const p = Point(3, 4);
    assert.strictEqual(p.norm, 5);
    p.tagged = 7;
    assert.strictEqual(p.tagged, 7);
    assert.strictEqual(p.tag, 7);
    assert.throws(() => { p.tagged = -1; }, (e) => e instanceof B.ValueError && /tag must be/.test(e.message));
    assert.throws(() => { p.norm = 1; }, B.AttributeError);
  });
  it('methods on the prototype', () => {
    const p = Point(1, 2).scale(3);
    assert.ok(p instanceof Point);
    assert.deepStrictEqual([p.x, p.y], [3, 6]);
    assert.strictEqual(Object.getPrototypeOf(Point(0, 0)).scale, Point.prototype.scale);
  });
  it('tp_repr and tp_str back inspect and toString', () => {
    const p = Point(1.5, 2);
    assert.strictEqual(p.__repr__(), 'Point(1.5, 2)');
    assert.strictEqual(String(p), '(1.5, 2)');
    assert.strictEqual(util.inspect(p), 'Point(1.5, 2)');
    assert.strictEqual(hpy.repr(p), 'Point(1.5, 2)');
    assert.strictEqual(hpy.str(p), '(1.5, 2)');
  });
  it('slots are dunder methods the object model uses', () => {
    const p = Point(1, 2);
    const q = p.__add__(Point(10, 20));
    assert.deepStrictEqual([q.x, q.y], [11, 22]);
    const r = p.__radd__(5);
    assert.deepStrictEqual([r.x, r.y], [6, 7]);
    assert.strictEqual(p.__eq__(Point(1, 2)), true);
    assert.strictEqual(p.__ne__(Point(1, 2)), false);
    assert.strictEqual(p.__lt__(Point(1, 2)), hpy.NotImplemented);
    assert.strictEqual(p.__len__(), 2);
    assert.strictEqual(p.__getitem__(1), 2);
    assert.strictEqual(p.__getitem__(-1), 2);
    assert.throws(() => p.__getitem__(2), B.IndexError);
    assert.strictEqual(p.__bool__(), true);
    assert.strictEqual(Point(0, 0).__bool__(), false);
    assert.strictEqual(typeof p.__hash__(), 'number');
    assert.strictEqual(p.__neg__().x, -1);
  });
  it('Python operators through the object model', () => {
    const p = Point(1, 2);
    assert.strictEqual(hpy.add(p, Point(1, 1)).y, 3);
    assert.strictEqual(hpy.add(2, p).x, 3);
    assert.strictEqual(hpy.eq(p, Point(1, 2)), true);
    assert.strictEqual(hpy.hash(p), p.__hash__());
    assert.throws(() => hpy.add(p, 'x'), B.TypeError);
  });
  it('inheritance: Point3D extends Point', () => {
    const p = Point3D(1, 2, 3);
    assert.ok(p instanceof Point3D);
    assert.ok(p instanceof Point);
    assert.deepStrictEqual([p.x, p.y, p.z], [1, 2, 3]);
    assert.strictEqual(p.volume(), 6);
    assert.strictEqual(p.norm, Math.sqrt(5));
    assert.strictEqual(p.scale(2).constructor, Point3D);
    assert.strictEqual(Object.getPrototypeOf(Point3D), Point);
    assert.strictEqual(hpy.repr(p), 'Point(1, 2)');
  });
  it('a type without HPy_TPFLAGS_BASETYPE cannot be subclassed', () => {
    assert.throws(() => m.subclass_final(Final), (e) => e instanceof B.TypeError && /not an acceptable base type/.test(e.message));
  });
  it('HPyType_GetName and GetBuiltinShape', () => {
    assert.deepStrictEqual([...m.type_info(Point)], ['Point', 0]);
    assert.strictEqual(m.type_info(B.int)[0], 'int');
  });
  it('HPyField: store, load, and the object member over it', () => {
    const a = Node();
    const b = Node();
    a.link(b);
    assert.strictEqual(a.get_next(), b);
    assert.strictEqual(a.next, b);
    a.next = 'text';
    assert.strictEqual(a.get_next(), 'text');
    assert.strictEqual(b.get_next(), null);
    // numbers, bools and None live in the field itself; objects on the JS side, in any order
    for (const v of [5, -2.5, true, null, b, 2 ** 47 - 1, 'again', -0, false, b]) {
      a.link(v);
      assert.ok(Object.is(a.get_next(), v) && Object.is(a.next, v), `field holding ${String(v)}`);
    }
    a.next = 9;
    assert.strictEqual(a.get_next(), 9);
  });
  it('an object a field held is collected once the field holds a number instead', async function () {
    this.timeout(30000);
    await collect(() => false);
    const start = m.destroy_count();
    const a = Node();
    (function () { a.link(Node()); })();
    a.link(7);  // the Node must be dropped from the JS side, not kept by the stale entry
    assert.ok(await collect(() => m.destroy_count() - start >= 1), 'the replaced Node was not collected');
    assert.strictEqual(a.get_next(), 7);
  });
  it('tp_destroy runs exactly once per collected instance, cycles through fields included', async function () {
    this.timeout(30000);
    await collect(() => false); // let instances of earlier tests go first
    const start = m.destroy_count();
    (function make() {
      for (let i = 0; i < 1000; i++) {
        const a = Node();
        const b = Node();
        a.link(b);
        b.link(a);
      }
    })();
    m.make_points(Point, 1000);
    const ok = await collect(() => m.destroy_count() - start >= 3000);
    assert.ok(ok, `destroyed ${m.destroy_count() - start} of 3000`);
    await collect(() => false);
    assert.strictEqual(m.destroy_count() - start, 3000);
  });
});

describe('extension types: memory and JS subclasses', () => {
  // Node-API finalizers (which free the native blocks) run on the event loop after a GC, so the
  // loop yields now and then, as any long-running JS does.
  it('a million instances made in a loop that yields every 10,000 keep memory flat', async function () {
    this.timeout(60000);
    const tick = () => new Promise((r) => setImmediate(r));
    for (let i = 0; i < 100000; i++) {
      Point(i, i);
      if (i % 10000 === 0) await tick();
    }
    gc();
    await tick();
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 1000000; i++) {
      Point(i, i);
      if (i % 10000 === 0) await tick();
    }
    gc();
    await tick();
    const grown = (process.memoryUsage().rss - before) / 2 ** 20;
    assert.ok(grown < 40, `RSS grew by ${grown.toFixed(1)} MB`);
  });
  it('a JS class extending an extension type constructs its own instances', () => {
    class Labeled extends Point {
      label() {
        return `P${this.x},${this.y}`;
      }
    }
    const p = new Labeled(1, 2);
    assert.ok(p instanceof Labeled);
    assert.ok(p instanceof Point);
    assert.strictEqual(p.label(), 'P1,2');
    assert.strictEqual(p.norm, Math.sqrt(5));
    assert.strictEqual(hpy.typeOf(p), Labeled);
  });
  it('a JS class cannot extend a type without HPy_TPFLAGS_BASETYPE', () => {
    class Sub extends Final {}
    assert.throws(() => new Sub(), (e) => e instanceof B.TypeError && /not an acceptable base type/.test(e.message));
  });
});

describe('extension types: the buffer protocol', () => {
  const { Buffer: Buf } = m;
  it('__buffer__ gives a typed array over the native memory', () => {
    const b = Buf();
    const view = b.__buffer__();
    assert.ok(view instanceof Float64Array);
    assert.deepStrictEqual(Array.from(view), [0.5, 1.5, 2.5, 3.5]);
    assert.strictEqual(view.format, 'd');
    assert.strictEqual(view.readonly, false);
    assert.deepStrictEqual(view.shape, [4]);
    view[0] = 10; // writes reach the C struct
    assert.strictEqual(b.sum(), 17.5);
    assert.strictEqual(b.exports, 1);
    assert.throws(() => b.__buffer__(), (e) => e instanceof B.BufferError && /only one buffer/.test(e.message));
    b.__release_buffer__(view);
    assert.strictEqual(b.exports, 0);
    assert.throws(() => b.__release_buffer__(view), B.ValueError);
    assert.throws(() => b.__release_buffer__(new Float64Array(4)), B.TypeError);
    assert.throws(() => b.__release_buffer__(42), B.TypeError);
  });
  it('a view collected without release is released after the GC', async function () {
    this.timeout(30000);
    const b = Buf();
    (() => { b.__buffer__(); })();
    const ok = await collect(() => b.exports === 0);
    assert.ok(ok, `exports still ${b.exports}`);
  });
});
