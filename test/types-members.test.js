'use strict';
// Members of every HPyMember_FieldType (test/ext/types_members.c): values read and written from
// JS, bounds, readonly members, deletion, and the raw C values behind them. Expected behaviour is
// CPython's structmember semantics (the same C file built with HPy's own headers and run under
// CPython 3.11 + hpy.universal): the narrow integer types wrap with a RuntimeWarning, the
// long-sized ones raise OverflowError.
const assert = require('assert');
const hpy = require('..');
const { loadTestExt } = require('./helpers');

const { builtins: B } = hpy;
const m = loadTestExt('types_members');
const { All, Sub } = m;

// index of each field in All.raw()
const RAW = {
  short: 0, int: 1, long: 2, float: 3, double: 4, string: 5, char: 6, byte: 7, ubyte: 8, ushort: 9, uint: 10,
  ulong: 11, inplace: 12, bool: 13, longlong: 14, ulonglong: 15, ssize: 16, guard: 17,
};
const GUARD = 0x5a5a5a5a;

/** Runs f and returns the process warnings it emitted (they are delivered asynchronously). */
async function warningsOf(f) {
  const seen = [];
  const onWarning = (w) => seen.push(w);
  process.on('warning', onWarning);
  try {
    f();
    await new Promise((r) => setImmediate(r));
  } finally {
    process.off('warning', onWarning);
  }
  return seen;
}

/** Asserts that only field `name` changed in the C struct between two raw() snapshots. */
function onlyChanged(before, after, name) {
  for (let i = 0; i < before.length; i++) {
    if (i === RAW[name]) continue;
    assert.ok(Object.is(before[i], after[i]), `field ${i} changed from ${before[i]} to ${after[i]} writing '${name}'`);
  }
  assert.strictEqual(after[RAW.guard], GUARD);
}

const TWO63 = 2n ** 63n;
const TWO64 = 2n ** 64n;

// [member, [min, max], [[written, stored]...] wrapped with a RuntimeWarning, [values] -> OverflowError]
const INTS = [
  ['short', [-32768, 32767], [[32768, -32768], [-32769, 32767], [65541, 5]], [2n ** 70n]],
  ['int', [-(2 ** 31), 2 ** 31 - 1], [[2 ** 31, -(2 ** 31)], [-(2 ** 31) - 1, 2 ** 31 - 1], [2 ** 32 + 7, 7]], [TWO63]],
  ['long', [-TWO63, TWO63 - 1n], [], [TWO63, -TWO63 - 1n]],
  ['byte', [-128, 127], [[128, -128], [255, -1], [259, 3], [-129, 127]], [2n ** 70n]],
  ['ubyte', [0, 255], [[256, 0], [-1, 255], [300, 44]], [2n ** 70n]],
  ['ushort', [0, 65535], [[65536, 0], [-1, 65535], [70000, 4464]], [2n ** 70n]],
  ['uint', [0, 2 ** 32 - 1], [[2 ** 32, 0], [-1, 2 ** 32 - 1], [2 ** 33 + 5, 5], [-(2 ** 31) - 1, 2 ** 31 - 1]], [TWO64]],
  ['ulong', [0, TWO64 - 1n], [[-1, TWO64 - 1n], [-TWO63, TWO63]], [TWO64, -TWO63 - 1n]],
  ['longlong', [-TWO63, TWO63 - 1n], [], [TWO63, -TWO63 - 1n]],
  ['ulonglong', [0, TWO64 - 1n], [], [TWO64, -1, -TWO63]],
  ['ssize', [-TWO63, TWO63 - 1n], [], [TWO63, -TWO63 - 1n]],
];

/** a Python int as JS gives it back: number when safe, bigint otherwise */
function pyInt(v) {
  const b = BigInt(v);
  return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}

class Index {
  constructor(v) { this.v = v; }
  __index__() { return this.v; }
}
class Flt {
  __float__() { return 2.5; }
}

describe('members: integer types', () => {
  for (const [name, [lo, hi], wraps, overflows] of INTS) {
    describe(`HPyMember_${name.toUpperCase()}`, () => {
      it('stores and reads back its whole range, touching only its own field', () => {
        for (const v of [lo, hi, 0, 1, true]) {
          const a = All();
          const before = a.raw();
          a[name] = v;
          const want = v === true ? 1 : pyInt(v);
          assert.strictEqual(a[name], want, `${name} = ${v}`);
          assert.strictEqual(a.raw()[RAW[name]], want, `C value of ${name} = ${v}`);
          if (want !== 0) onlyChanged(before, a.raw(), name);
          assert.strictEqual(hpy.getattr(a, name), want);
        }
      });
      it('rejects non-integers with TypeError and keeps its value', () => {
        const a = All();
        a[name] = 1;
        for (const bad of [1.5, 'x', null, [1]]) {
          assert.throws(() => { a[name] = bad; }, B.TypeError, `${name} = ${String(bad)}`);
        }
        assert.strictEqual(a[name], 1);
      });
      // (CPython 3.11 refuses __index__ objects for HPYSSIZET only, a quirk later versions dropped)
      if (name !== 'ssize') it('accepts objects with __index__', () => {
        const a = All();
        a[name] = new Index(5);
        assert.strictEqual(a[name], 5);
      });
      if (overflows.length) {
        it('raises OverflowError beyond the C range it converts through, and keeps its value', () => {
          const a = All();
          a[name] = 3;
          for (const v of overflows) {
            assert.throws(() => { a[name] = v; }, B.OverflowError, `${name} = ${v}`);
          }
          assert.strictEqual(a[name], 3);
          assert.strictEqual(a.raw()[RAW.guard], GUARD);
        });
      }
      if (wraps.length) {
        it('wraps out-of-range values to the C type with a RuntimeWarning, as CPython does', async () => {
          for (const [v, stored] of wraps) {
            const a = All();
            const before = a.raw();
            const warnings = await warningsOf(() => { a[name] = v; });
            assert.strictEqual(a[name], pyInt(stored), `${name} = ${v}`);
            onlyChanged(before, a.raw(), name);
            assert.ok(warnings.some((w) => w.name === 'RuntimeWarning'), `no RuntimeWarning for ${name} = ${v}`);
          }
        });
      }
    });
  }
  it('values stored from C read back exactly, including the extremes', () => {
    const a = All();
    a.poke('ulong_max', 0);
    a.poke('ulonglong_max', 0);
    a.poke('longlong_min', 0);
    a.poke('uint', 0xffffffff);
    assert.strictEqual(a.ulong, TWO64 - 1n);
    assert.strictEqual(a.ulonglong, TWO64 - 1n);
    assert.strictEqual(a.ro_ulonglong, TWO64 - 1n);
    assert.strictEqual(a.longlong, -TWO63);
    assert.strictEqual(a.uint, 4294967295);
  });
});

describe('members: floating point', () => {
  it('HPyMember_DOUBLE: floats, ints, bigints rounded, __float__ and __index__ objects', () => {
    const a = All();
    a.double = 0.1;
    assert.strictEqual(a.double, 0.1);
    a.double = 5;
    assert.strictEqual(a.double, 5);
    assert.strictEqual(a.raw()[RAW.double], 5);
    a.double = 9007199254740993n;
    assert.strictEqual(a.double, 9007199254740992);
    a.double = true;
    assert.strictEqual(a.double, 1);
    a.double = -Infinity;
    assert.strictEqual(a.double, -Infinity);
    a.double = new Flt();
    assert.strictEqual(a.double, 2.5);
    a.double = new Index(5);
    assert.strictEqual(a.double, 5);
  });
  it('HPyMember_DOUBLE: errors', () => {
    const a = All();
    a.double = 1.5;
    assert.throws(() => { a.double = 2n ** 1024n; }, B.OverflowError);
    assert.throws(() => { a.double = '1.0'; }, (e) => e instanceof B.TypeError && /must be real number, not str/.test(e.message));
    assert.throws(() => { a.double = null; }, B.TypeError);
    assert.strictEqual(a.double, 1.5);
  });
  it('HPyMember_FLOAT: rounded to single precision, infinite beyond its range', () => {
    const a = All();
    const before = a.raw();
    a.float = 0.1;
    assert.strictEqual(a.float, 0.10000000149011612);
    assert.strictEqual(a.raw()[RAW.float], 0.10000000149011612);
    onlyChanged(before, a.raw(), 'float');
    a.float = 16777217;
    assert.strictEqual(a.float, 16777216);
    a.float = 1e39;
    assert.strictEqual(a.float, Infinity);
    a.float = -1e39;
    assert.strictEqual(a.float, -Infinity);
    a.float = 2n ** 200n;
    assert.strictEqual(a.float, Infinity);
    a.float = NaN;
    assert.ok(Number.isNaN(a.float));
    a.float = true;
    assert.strictEqual(a.float, 1);
    a.float = new Flt();
    assert.strictEqual(a.float, 2.5);
  });
  it('HPyMember_FLOAT: errors', () => {
    const a = All();
    a.float = 1.5;
    assert.throws(() => { a.float = 'x'; }, B.TypeError);
    assert.throws(() => { a.float = 2n ** 1024n; }, B.OverflowError);
    assert.strictEqual(a.float, 1.5);
  });
});

describe('members: bool and char', () => {
  it('HPyMember_BOOL takes only bools; any non-zero byte reads as true', () => {
    const a = All();
    a.bool = true;
    assert.strictEqual(a.bool, true);
    assert.strictEqual(a.raw()[RAW.bool], 1);
    a.bool = false;
    assert.strictEqual(a.bool, false);
    for (const bad of [1, 0, null, 'x']) {
      assert.throws(() => { a.bool = bad; }, (e) => e instanceof B.TypeError && e.message === 'attribute value type must be bool');
    }
    a.poke('bool', 2);
    assert.strictEqual(a.bool, true);
    assert.strictEqual(a.ro_bool, true);
  });
  it('HPyMember_CHAR: a one-byte string', () => {
    const a = All();
    a.char = 'a';
    assert.strictEqual(a.char, 'a');
    assert.strictEqual(a.raw()[RAW.char], 97);
    assert.strictEqual(a.ro_char, 'a');
    for (const bad of ['é', 'ab', '', 65, Buffer.from('a'), null]) {
      assert.throws(() => { a.char = bad; }, B.TypeError, `char = ${String(bad)}`);
    }
    assert.strictEqual(a.char, 'a');
    a.poke('char', 0);
    assert.strictEqual(a.char, '\0');
  });
  it('HPyMember_CHAR: a byte that is not UTF-8 on its own does not decode', () => {
    const a = All();
    a.poke('char', 0xe9);
    assert.throws(() => a.char, B.UnicodeDecodeError);
  });
});

describe('members: strings and None', () => {
  it('HPyMember_STRING reads the char* (None when NULL) and cannot be written', () => {
    const a = All();
    assert.strictEqual(a.string, 'hello, members');
    assert.strictEqual(a.ro_string, 'hello, members');
    assert.throws(() => { a.string = 's'; }, (e) => e instanceof B.TypeError && e.message === 'readonly attribute');
    assert.throws(() => { a.ro_string = 's'; }, (e) => e instanceof B.AttributeError && e.message === 'readonly attribute');
    a.set_strings(0, 'abc');
    assert.strictEqual(a.string, null);
    a.set_strings(1, 'abc');
    assert.strictEqual(a.string, 'hello, members');
  });
  it('HPyMember_STRING_INPLACE reads the inline UTF-8 string and cannot be written', () => {
    const a = All();
    assert.strictEqual(a.inplace, 'inline');
    a.set_strings(1, 'héllo');
    assert.strictEqual(a.inplace, 'héllo');
    a.set_strings(1, '');
    assert.strictEqual(a.inplace, '');
    assert.throws(() => { a.inplace = 's'; }, (e) => e instanceof B.TypeError && e.message === 'readonly attribute');
    assert.strictEqual(a.inplace, '');
  });
  it('HPyMember_NONE is always None and cannot be written', () => {
    const a = All();
    a.int = 5; // the same offset: the C value does not matter
    assert.strictEqual(a.none, null);
    assert.throws(() => { a.none = 1; }, B.Exception);
    assert.throws(() => { a.none = null; }, B.Exception);
    assert.strictEqual(a.int, 5);
    assert.strictEqual(a.none, null);
  });
});

describe('members: objects', () => {
  it('HPyMember_OBJECT: None while NULL, then any object by identity, seen by HPyField_Load', () => {
    const a = All();
    assert.strictEqual(a.object, null);
    assert.strictEqual(a.ro_object, null);
    const o = { k: 1 };
    a.object = o;
    assert.strictEqual(a.object, o);
    assert.strictEqual(a.ro_object, o);
    assert.strictEqual(a.load_objects()[0], o);
    a.object = 'x';
    assert.strictEqual(a.object, 'x');
    a.object = null; // stores None (a value, not NULL)
    assert.strictEqual(a.object, null);
    assert.deepStrictEqual(a.object_is_null(), [false, true]);
  });
  it('HPyMember_OBJECT_EX: AttributeError while NULL', () => {
    const a = All();
    assert.throws(() => a.object_ex, (e) => e instanceof B.AttributeError && /has no attribute 'object_ex'/.test(e.message));
    assert.throws(() => a.ro_object_ex, B.AttributeError);
    assert.strictEqual(hpy.hasattr(a, 'object_ex'), false);
    assert.strictEqual(hpy.getattr(a, 'object_ex', 'dflt'), 'dflt');
    a.object_ex = 5;
    assert.strictEqual(a.object_ex, 5);
    assert.strictEqual(a.ro_object_ex, 5);
    assert.strictEqual(hpy.hasattr(a, 'object_ex'), true);
    assert.strictEqual(a.load_objects()[1], 5);
    a.object_ex = null; // None is a value
    assert.strictEqual(a.object_ex, null);
    assert.deepStrictEqual(a.object_is_null(), [true, false]);
  });
  it('readonly object members refuse writes', () => {
    const a = All();
    assert.throws(() => { a.ro_object = 1; }, B.AttributeError);
    assert.throws(() => { a.ro_object_ex = 1; }, B.AttributeError);
    assert.strictEqual(a.ro_object, null);
    assert.deepStrictEqual(a.object_is_null(), [true, true]);
  });
});

describe('members: readonly', () => {
  it('readonly views read the same fields and refuse writes with AttributeError', () => {
    const a = All();
    a.short = -5;
    a.int = -6;
    a.long = -7;
    a.double = 2.25;
    a.char = 'z';
    a.bool = true;
    a.ulonglong = TWO64 - 2n;
    assert.deepStrictEqual([a.ro_short, a.ro_int, a.ro_long, a.ro_double, a.ro_char, a.ro_bool, a.ro_ulonglong],
      [-5, -6, -7, 2.25, 'z', true, TWO64 - 2n]);
    for (const [name, v] of [['ro_short', 1], ['ro_int', 1], ['ro_long', 1], ['ro_double', 1.5], ['ro_char', 'q'],
      ['ro_bool', false], ['ro_ulonglong', 1]]) {
      assert.throws(() => { a[name] = v; }, (e) => e instanceof B.AttributeError && e.message === 'readonly attribute', name);
      assert.throws(() => hpy.setattr(a, name, v), B.AttributeError, name);
    }
    assert.deepStrictEqual([a.ro_short, a.ro_int, a.ro_long, a.ro_double, a.ro_char, a.ro_bool, a.ro_ulonglong],
      [-5, -6, -7, 2.25, 'z', true, TWO64 - 2n]);
  });
});

describe('members: deletion', () => {
  it('deleting an HPyMember_OBJECT member sets it to NULL (reads as None)', () => {
    const a = All();
    a.object = 1;
    hpy.delattr(a, 'object');
    assert.strictEqual(a.object, null);
    assert.deepStrictEqual(a.object_is_null(), [true, true]);
  });
  it('deleting an HPyMember_OBJECT_EX member makes it missing again', () => {
    const a = All();
    a.object_ex = 2;
    hpy.delattr(a, 'object_ex');
    assert.throws(() => a.object_ex, B.AttributeError);
    assert.deepStrictEqual(a.object_is_null(), [true, true]);
  });
  it('numeric, char, bool and string members cannot be deleted; readonly ones are readonly', () => {
    const a = All();
    a.int = 4;
    for (const name of ['int', 'double', 'char', 'bool', 'string', 'inplace', 'ulonglong']) {
      assert.throws(() => hpy.delattr(a, name),
        (e) => e instanceof B.TypeError && e.message === "can't delete numeric/char attribute", name);
    }
    for (const name of ['ro_int', 'ro_object']) assert.throws(() => hpy.delattr(a, name), B.AttributeError, name);
    assert.strictEqual(a.int, 4);
  });
});

describe('getsets', () => {
  it('getter and setter, errors from the setter', () => {
    const a = All();
    a.gs = 5;
    assert.strictEqual(a.gs, 5);
    assert.strictEqual(a.long, 5);
    assert.strictEqual(a.ro_gs, 6);
    hpy.setattr(a, 'gs', 8);
    assert.strictEqual(hpy.getattr(a, 'gs'), 8);
    assert.throws(() => { a.gs = 13; }, (e) => e instanceof B.ValueError && e.message === 'unlucky');
    assert.throws(() => { a.gs = 'x'; }, B.TypeError);
    assert.strictEqual(a.gs, 8);
  });
  it('a getset without a setter is not writable', () => {
    const a = All();
    assert.throws(() => { a.ro_gs = 1; }, B.AttributeError);
    assert.throws(() => hpy.setattr(a, 'ro_gs', 1), B.AttributeError);
    assert.strictEqual(a.ro_gs, 1);
  });
  it('deleting a getset calls the setter with NULL; without a setter it is an AttributeError', () => {
    const a = All();
    a.gs = 5;
    hpy.delattr(a, 'gs');
    assert.strictEqual(a.long, -999);
    assert.throws(() => hpy.delattr(a, 'ro_gs'), B.AttributeError);
  });
  it('getset docs', () => {
    assert.strictEqual(hpy.getattr(hpy.getattr(All, 'gs'), '__doc__'), 'a getset over long');
    assert.strictEqual(hpy.getattr(hpy.getattr(All, 'ro_gs'), '__doc__'), null);
  });
});

describe('members: attribute protocol, docs, subclasses', () => {
  it('getattr/setattr/hasattr of the object model reach the members', () => {
    const a = All();
    hpy.setattr(a, 'int', 42);
    assert.strictEqual(hpy.getattr(a, 'int'), 42);
    assert.strictEqual(a.raw()[RAW.int], 42);
    assert.throws(() => hpy.setattr(a, 'int', 'x'), B.TypeError);
    assert.strictEqual(hpy.hasattr(a, 'ssize'), true);
    assert.ok(B.dir(a).includes('ulonglong'));
  });
  it('a member read or written on a foreign object is a TypeError, not a crash', () => {
    const get = Object.getOwnPropertyDescriptor(All.prototype, 'int').get;
    const set = Object.getOwnPropertyDescriptor(All.prototype, 'int').set;
    assert.throws(() => get.call({}), B.TypeError);
    assert.throws(() => set.call([], 1), B.TypeError);
    assert.throws(() => get.call(5), B.TypeError);
  });
  it('the type and member docs', () => {
    assert.strictEqual(hpy.getattr(All, '__doc__'), 'one member of every kind');
    assert.strictEqual(hpy.getattr(hpy.getattr(All, 'short'), '__doc__'), 'a C short');
  });
  it('a subclass inherits the members at their offsets and adds its own after them', () => {
    const s = Sub();
    s.int = 9;
    s.extra = 7;
    s.ulonglong = TWO64 - 1n;
    assert.strictEqual(s.raw_extra(), 7);
    assert.strictEqual(s.raw()[RAW.int], 9);
    assert.strictEqual(s.raw()[RAW.guard], GUARD);
    assert.deepStrictEqual([s.int, s.extra, s.ulonglong], [9, 7, TWO64 - 1n]);
    assert.ok(s instanceof All);
    class JsAll extends All {}
    const j = new JsAll();
    j.short = -1;
    assert.strictEqual(j.raw()[RAW.short], -1);
    assert.strictEqual(j.string, 'hello, members');
  });
});
