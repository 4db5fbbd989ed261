'use strict';
// The foundation: calling conventions, handles, ints, floats, strings, errors, type checks.
const assert = require('assert');
const { throwsPy } = require('./assert-py');
const { kw, builtins, NotImplemented, Ellipsis } = require('..');
const hpy = require('..');
const { loadTestExt } = require('./helpers');

const m = loadTestExt('basic');
const B = builtins;


describe('calling conventions', () => {
  it('NOARGS', () => {
    assert.strictEqual(m.f_noargs(), 'noargs');
    throwsPy(() => m.f_noargs(1), B.TypeError, /f_noargs\(\) takes no arguments \(1 given\)/);
  });
  it('O passes the same object through', () => {
    const o = { a: [1, 2] };
    assert.strictEqual(m.f_o(o), o);
    throwsPy(() => m.f_o(), B.TypeError, /exactly one argument \(0 given\)/);
    throwsPy(() => m.f_o(1, 2), B.TypeError, /exactly one argument \(2 given\)/);
  });
  it('VARARGS', () => {
    const t = m.f_varargs(1, 'a', null, 2.5);
    assert.deepStrictEqual([...t], [1, 'a', null, 2.5]);
    assert.ok(Array.isArray(t));
    assert.ok(Object.isFrozen(t));
    assert.deepStrictEqual([...m.f_varargs()], []);
    const many = Array.from({ length: 20 }, (_, i) => i);
    assert.deepStrictEqual([...m.f_varargs(...many)], many);
  });
  it('KEYWORDS with kw()', () => {
    const [pos, names, values] = m.f_keywords(1, 2, kw({ a: 3, b: 'x' }));
    assert.deepStrictEqual([...pos], [1, 2]);
    assert.deepStrictEqual([...names], ['a', 'b']);
    assert.deepStrictEqual([...values], [3, 'x']);
    const [pos2, names2, values2] = m.f_keywords(1);
    assert.deepStrictEqual([...pos2], [1]);
    assert.strictEqual(names2, null);
    assert.deepStrictEqual([...values2], []);
  });
  it('KEYWORDS with more arguments than fit on the stack (positional and keyword values)', () => {
    const pos = Array.from({ length: 11 }, (_, i) => i);
    const kws = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, `v${i}`]));
    const [p, names, values] = m.f_keywords(...pos, kw(kws));
    assert.deepStrictEqual([...p], pos);
    assert.deepStrictEqual([...names], Object.keys(kws));
    assert.deepStrictEqual([...values], Object.values(kws));
  });
  it('kw() from a Map, with a "__proto__" key, the same names tuple for the same names', () => {
    const [, names, values] = m.f_keywords(kw(new Map([['a', 1], ['__proto__', 2]])));
    assert.deepStrictEqual([...names], ['a', '__proto__']);
    assert.deepStrictEqual([...values], [1, 2]);
    const again = m.f_keywords(kw({ a: 5, ['__proto__']: 6 }))[1];
    assert.strictEqual(again, names); // interned: extensions may cache by identity
    assert.strictEqual(m.f_keywords(0, kw({}))[1], null);
    assert.strictEqual(require('util').inspect(kw({ a: 1 })), 'kw({ a: 1 })');
    assert.throws(() => kw({ a: 1 })(), TypeError);
    assert.ok(Object.isFrozen(kw({ a: 1 })));
  });
  it('a forged kw() marker changes nothing for other calls and cannot make C read past its values', () => {
    const id = kw({ p: 1, q: 2 }).split[1];
    const forged = function () {};
    Object.setPrototypeOf(forged, hpy.KwArgs.prototype);
    forged.split = [hpy.makeTuple(['q', 'p']), id, 10, 20];  // a stolen id: the names interned with it
    const [, fnames, fvalues] = m.f_keywords(forged);
    assert.deepStrictEqual([...fnames], ['p', 'q']);
    assert.deepStrictEqual([...fvalues], [10, 20]);
    for (let i = 0; i < 3; i++) {
      const [, names, values] = m.f_keywords(kw({ p: 3, q: i }));
      assert.deepStrictEqual([...names], ['p', 'q']);
      assert.deepStrictEqual([...values], [3, i]);
    }
    // More names than values would have the extension read past the values it was given.
    forged.split = [hpy.makeTuple(['a', 'b', 'c', 'd']), -1, 5];
    throwsPy(() => m.f_keywords(forged), builtins.SystemError, /names and values disagree/);
    forged.split = [hpy.makeTuple(['a']), id, 5];  // the id's names do not fit: its own tuple does
    assert.deepStrictEqual([...m.f_keywords(forged)[1]], ['a']);
    forged.split = [{ length: 1, 0: 'a' }, -1, 5];
    throwsPy(() => m.f_keywords(forged), builtins.SystemError, /names and values disagree/);
  });
  it('a plain object in last position is a positional dict', () => {
    const d = { a: 1 };
    const [pos, names] = m.f_keywords(d);
    assert.strictEqual(pos[0], d);
    assert.strictEqual(names, null);
  });
  it('keywords to a function that takes none raise TypeError', () => {
    throwsPy(() => m.f_varargs(1, kw({ a: 1 })), B.TypeError, /takes no keyword arguments/);
  });
  it('every definition carries its CPython trampoline (the binary runs under CPython too)', () => {
    assert.ok(m.trampolines_filled() > 40);
  });
  it('module functions receive the module as self', () => {
    assert.strictEqual(m.self_is_module(), m);
  });
});

describe('ints', () => {
  it('int32 bounds', () => {
    assert.strictEqual(m.rt_int32(2 ** 31 - 1), 2 ** 31 - 1);
    assert.strictEqual(m.rt_int32(-(2 ** 31)), -(2 ** 31));
    throwsPy(() => m.rt_int32(2 ** 31), B.OverflowError);
    throwsPy(() => m.rt_int32(-(2 ** 31) - 1), B.OverflowError);
  });
  it('unsigned and masks', () => {
    assert.strictEqual(m.rt_uint32(2 ** 32 - 1), 2 ** 32 - 1);
    throwsPy(() => m.rt_uint32(-1), B.OverflowError, /negative/);
    throwsPy(() => m.rt_uint32(2 ** 32), B.OverflowError);
    assert.strictEqual(m.rt_uint32_mask(-1), 2 ** 32 - 1);
    assert.strictEqual(m.rt_uint32_mask(2 ** 32 + 5), 5);
    assert.strictEqual(m.rt_uint64(2n ** 64n - 1n), 2n ** 64n - 1n);
    throwsPy(() => m.rt_uint64(2n ** 64n), B.OverflowError);
    throwsPy(() => m.rt_uint64(-1), B.OverflowError);
    assert.strictEqual(m.rt_uint64_mask(-1), 2n ** 64n - 1n);
    assert.strictEqual(m.rt_uint64_mask(2n ** 64n + 7n), 7);
    throwsPy(() => m.rt_size_t(-1), B.OverflowError);
  });
  it('int64 bounds and the number/bigint boundary', () => {
    assert.strictEqual(m.rt_int64(2n ** 63n - 1n), 2n ** 63n - 1n);
    assert.strictEqual(m.rt_int64(-(2n ** 63n)), -(2n ** 63n));
    throwsPy(() => m.rt_int64(2n ** 63n), B.OverflowError, /too large/);
    throwsPy(() => m.rt_int64(-(2n ** 63n) - 1n), B.OverflowError);
    assert.strictEqual(m.rt_int64(2 ** 53 - 1), 2 ** 53 - 1);
    assert.strictEqual(m.rt_int64(-(2 ** 53) + 1), -(2 ** 53) + 1);
    assert.strictEqual(m.rt_int64(2n ** 53n), 2n ** 53n);
    assert.strictEqual(m.rt_int64(2 ** 47), 2 ** 47);
    assert.strictEqual(m.rt_int64(-(2 ** 47) - 1), -(2 ** 47) - 1);
    assert.strictEqual(m.rt_int64(5n), 5);
    assert.strictEqual(m.rt_long(-123456789), -123456789);
    assert.strictEqual(m.rt_ssize_t(2 ** 40), 2 ** 40);
  });
  it('an exception the object model raises for C reaches JS with the stack of the call', () => {
    // (made without a JS stack while C runs, which C mostly clears again; filled when thrown to JS)
    function callsTheExtension() { return m.rt_long({}); }
    try {
      callsTheExtension();
      assert.fail('no exception');
    } catch (e) {
      assert.ok(e instanceof B.TypeError);
      assert.match(e.stack, /^TypeError: 'dict' object cannot be interpreted as an integer\n {4}at callsTheExtension /);
    }
    const own = new B.ValueError('made by JS');  // outside C: a JS stack as usual
    assert.match(own.stack, /\n {4}at /);
  });
  it('bool is an int; floats and None are not', () => {
    assert.strictEqual(m.rt_int64(true), 1);
    assert.strictEqual(m.rt_int64(false), 0);
    throwsPy(() => m.rt_int64(1.5), B.TypeError, /'float' object cannot be interpreted as an integer/);
    throwsPy(() => m.rt_int64(null), B.TypeError);
    throwsPy(() => m.rt_ssize_t('x'), B.TypeError, /^an integer is required$/);  // PyLong_AsSsize_t: no __index__
    throwsPy(() => m.rt_long('12'), B.TypeError, /^'str' object cannot be interpreted as an integer$/);
    throwsPy(() => m.rt_long({}), B.TypeError, /^'dict' object cannot be interpreted as an integer$/);
    throwsPy(() => m.rt_size_t(1.5), B.TypeError);
  });
  it('HPyLong_AsDouble and AsVoidPtr', () => {
    assert.strictEqual(m.long_as_double(2n ** 70n), 2 ** 70);
    assert.strictEqual(m.long_as_double(-7), -7);
    throwsPy(() => m.long_as_double(1.5), B.TypeError);
    assert.strictEqual(m.voidptr_roundtrip(123456), 123456);
  });
  it('a loop of a million int handles', () => {
    const n = 1000000;
    assert.strictEqual(m.int_loop(n), (n * (n - 1)) / 2);
  });
});

describe('floats and bools', () => {
  it('round trips keep NaN, infinities and negative zero', () => {
    assert.strictEqual(m.float_roundtrip(1.5), 1.5);
    assert.ok(Object.is(m.float_roundtrip(-0), -0));
    assert.ok(Number.isNaN(m.float_roundtrip(NaN)));
    assert.strictEqual(m.float_roundtrip(-Infinity), -Infinity);
    assert.strictEqual(m.float_roundtrip(3), 3);
    assert.strictEqual(m.float_roundtrip(true), 1);
    assert.strictEqual(m.float_roundtrip(2n ** 64n), 2 ** 64);
    throwsPy(() => m.float_roundtrip('x'), B.TypeError, /^must be real number, not str$/);
    throwsPy(() => m.float_roundtrip(null), B.TypeError, /^must be real number, not NoneType$/);
    throwsPy(() => m.float_roundtrip([1]), B.TypeError, /^must be real number, not list$/);
  });
  it('a float with an integral value is a float while it is a handle', () => {
    assert.deepStrictEqual([...m.float_checks(2)], [true, false]);
  });
  it('HPyBool_FromLong', () => {
    assert.strictEqual(m.bool_from(5), true);
    assert.strictEqual(m.bool_from(0), false);
  });
});

describe('strings', () => {
  it('UTF-8 in both directions, astral characters included', () => {
    const s = 'héllo wörld 😀';
    const [bytes, n] = m.str_utf8(s);
    assert.ok(Buffer.isBuffer(bytes));
    assert.strictEqual(bytes.toString('utf8'), s);
    assert.strictEqual(n, Buffer.byteLength(s));
    assert.strictEqual(m.str_from(Buffer.from(s + '\0')), s);
    assert.strictEqual(m.str_from(Buffer.from('abc')), 'abc');
  });
  it('lone surrogates cannot be encoded to UTF-8', () => {
    throwsPy(() => m.str_utf8('a\ud800b'), B.UnicodeEncodeError, /surrogates not allowed/);
  });
  it('invalid UTF-8 raises UnicodeDecodeError', () => {
    throwsPy(() => m.str_from(Buffer.from([0x61, 0xff, 0])), B.UnicodeDecodeError, /position 1/);
    throwsPy(() => m.str_from(Buffer.from([0xed, 0xa0, 0x80, 0])), B.UnicodeDecodeError);
  });
  it('the UTF-8 pointer lives as long as its handle', () => {
    assert.strictEqual(m.str_utf8_lifetime('persist é ✓'), 'persist é ✓');
  });
  it('HPyUnicode_Check', () => {
    assert.strictEqual(m.unicode_check('x'), true);
    assert.strictEqual(m.unicode_check(1), false);
    assert.strictEqual(m.unicode_check(null), false);
  });
  it('a handle created before a loop of 2 million string handles survives it', () => {
    assert.strictEqual(m.str_loop(2000000), 'kept across the loop');
  });
  it('memory stays flat over millions of string handles in one call', () => {
    m.str_loop(200000);
    const before = process.memoryUsage().rss;
    m.str_loop(3000000);
    const grown = (process.memoryUsage().rss - before) / 2 ** 20;
    assert.ok(grown < 40, `RSS grew by ${grown.toFixed(1)} MB`);
  });
});

describe('errors', () => {
  it('HPyErr_SetString reaches JS as the Python exception class', () => {
    throwsPy(() => m.raise_value_error('bad value'), B.ValueError, /^bad value$/);
    try {
      m.raise_value_error('x');
    } catch (e) {
      assert.ok(e instanceof Error);
      assert.ok(e instanceof B.Exception);
      assert.ok(e instanceof B.BaseException);
    }
  });
  it('HPyErr_SetObject with a value or an instance', () => {
    throwsPy(() => m.raise_object(B.KeyError, 'k'), B.KeyError);
    const inst = new B.ValueError('mine');
    assert.throws(() => m.raise_object(B.ValueError, inst), (e) => e === inst);
  });
  it('HPyErr_SetFromErrnoWithFilename picks the OSError subclass', () => {
    throwsPy(() => m.raise_errno(2), B.FileNotFoundError, /No such file/);
    try {
      m.raise_errno(2);
    } catch (e) {
      assert.strictEqual(e.errno, 2);
      assert.strictEqual(e.filename, '/no/such/file');
    }
  });
  it('HPyErr_NoMemory', () => {
    throwsPy(() => m.raise_no_memory(), B.MemoryError);
  });
  it('HPyErr_Occurred, ExceptionMatches (with the hierarchy) and Clear', () => {
    // KeyError: not a ValueError, but a LookupError and an Exception
    assert.strictEqual(m.error_state(), '010110');
  });
  it('NULL without an exception, or a result with one, is a SystemError', () => {
    throwsPy(() => m.null_without_error(), B.SystemError, /returned NULL without setting an exception/);
    throwsPy(() => m.result_with_error(), B.SystemError, /returned a result with an exception set/);
  });
  it('a context function that needs CPython raises SystemError naming it', () => {
    throwsPy(() => m.call_unsupported(), B.SystemError, /_HPy_AsStruct_Legacy needs CPython/);
  });
});

describe('identity, constants and type checks', () => {
  it('HPy_Is', () => {
    const o = {};
    assert.strictEqual(m.is_(o, o), true);
    assert.strictEqual(m.is_({}, {}), false);
    assert.strictEqual(m.is_(null, undefined), true);
    assert.strictEqual(m.is_(7, 7), true);
  });
  it('HPy_TypeCheck on the builtin types', () => {
    // object int bool float str tuple list dict bytes
    assert.strictEqual(m.type_checks(1), '110000000');
    assert.strictEqual(m.type_checks(2n ** 70n), '110000000');
    assert.strictEqual(m.type_checks(2 ** 50), '110000000');
    assert.strictEqual(m.type_checks(true), '111000000');
    assert.strictEqual(m.type_checks(1.5), '100100000');
    assert.strictEqual(m.type_checks('s'), '100010000');
    assert.strictEqual(m.type_checks(m.f_varargs(1)), '100001000');
    assert.strictEqual(m.type_checks([1]), '100000100');
    assert.strictEqual(m.type_checks({ a: 1 }), '100000010');
    assert.strictEqual(m.type_checks(Buffer.from('x')), '100000001');
    assert.strictEqual(m.type_checks(null), '100000000');
  });
  it('the handle constants', () => {
    assert.deepStrictEqual([...m.constants()], [null, true, false, NotImplemented, Ellipsis]);
    const [zde, ose, ude, type] = m.get_exception_type();
    assert.strictEqual(zde, B.ZeroDivisionError);
    assert.strictEqual(ose, B.OSError);
    assert.strictEqual(ude, B.UnicodeDecodeError);
    assert.strictEqual(type, B.type);
  });
});

describe('handles', () => {
  it('a handle kept in C stays valid across calls until closed', () => {
    const o = { kept: true };
    m.keep(o);
    for (let i = 0; i < 3000; i++) m.f_varargs(i, 'x', [i]);
    assert.strictEqual(m.kept_value(), o);
    m.keep('a string');
    m.str_loop(10000);
    assert.strictEqual(m.kept_value(), 'a string');
  });
  it('a handle kept by a call that then raises stays valid', () => {
    const o = { kept: 'through an exception' };
    throwsPy(() => m.keep_and_raise(o), builtins.ValueError, /raised after keeping/);
    assert.strictEqual(m.kept_value(), o);
    throwsPy(() => m.keep_and_raise([1, 2]), builtins.ValueError);
    assert.deepStrictEqual(m.kept_value(), [1, 2]);
  });
  it('a million calls from JS keep memory flat', function () {
    this.timeout(60000);
    const o = { a: [1, 2] };
    for (let i = 0; i < 100000; i++) m.f_varargs(i, 'x', o);
    global.gc();
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 1000000; i++) m.f_varargs(i, 'x', o);
    global.gc();
    const grown = (process.memoryUsage().rss - before) / 2 ** 20;
    assert.ok(grown < 30, `RSS grew by ${grown.toFixed(1)} MB`);
  });
  it('HPy_Dup and HPy_Close', () => {
    const o = [1, 2];
    assert.strictEqual(m.dup_close(o, 10000), o);
    assert.strictEqual(m.dup_close(12, 10), 12);
  });
});

describe('lists read from C', () => {
  it('numbers read item by item see changes made by JS callbacks and by C in between', () => {
    const l = Array.from({ length: 40 }, (_, i) => i * 1.5);
    l[3] = 'text';
    l[4] = 2 ** 50; // a safe int beyond the handle bits
    l[5] = -0;
    const got = m.list_reads(l, () => { l[30] = 'changed'; l[31] = 1e300; });
    const want = l.slice();
    assert.strictEqual(l[39], -7);
    assert.deepStrictEqual(got, want);
    assert.ok(Object.is(got[5], -0));
  });
  // An array whose items count their reads (accessor elements: still an array to Node-API).
  function counted(values) {
    const arr = [...values];
    const reads = { n: 0 };
    values.forEach((v, i) => Object.defineProperty(arr, i, { get() { reads.n++; return v; }, set(x) { v = x; }, enumerable: true }));
    return { arr, reads };
  }
  it('a C loop that calls JS for every item of a long list reads each item a bounded number of times', () => {
    // A snapshot of the numbers is stale after every JS call: copying the whole list again on
    // each read made such loops quadratic (3000 items: ~9 million reads).
    const n = 3000;
    for (const values of [Array.from({ length: n }, (_, i) => i * 3 - 7), Array.from({ length: n }, (_, i) => ({ i }))]) {
      const { arr, reads } = counted(values);
      const got = m.map_call(arr, (x) => (typeof x === 'number' ? x * 2 : x.i));
      assert.deepStrictEqual(got, values.map((x) => (typeof x === 'number' ? x * 2 : x.i)));
      assert.ok(reads.n <= 4 * n, `${reads.n} item reads for ${n} items`);
    }
  });
  it('one item read per call does not copy a long list', () => {
    const { arr, reads } = counted(Array.from({ length: 5000 }, (_, i) => i + 0.5));
    const mp = loadTestExt('obj_protocol');
    for (let i = 0; i < 200; i++) assert.strictEqual(mp.getitem_i(arr, i * 7), i * 7 + 0.5);
    assert.ok(reads.n <= 400, `${reads.n} item reads for 200 calls`);
  });
  it('numbers read from C see changes a dict getter makes between two reads', () => {
    const l = Array.from({ length: 64 }, (_, i) => i);
    let calls = 0;
    const d = { get k() { calls++; l[calls] = -calls; return 0; } };  // changes the next item to read
    const got = m.reads_with_getter(l, d);
    assert.strictEqual(calls, 64);
    assert.deepStrictEqual(got, [0, ...Array.from({ length: 63 }, (_, i) => -(i + 1))]);
  });
  it('tuples of numbers read from C', () => {
    const t = m.f_varargs(...Array.from({ length: 64 }, (_, i) => (i % 3 ? i : i + 0.25)));
    const l = Array.from(t);
    assert.deepStrictEqual(m.list_reads(l, () => null), l.slice(0, 63).concat([-7]));
  });
});

describe('dicts built in C', () => {
  it('HPyDict_New + HPy_SetItem: order, duplicates, and lookups before JS sees the dict', () => {
    const [d, probe, isDict] = m.dict_build(['b', 'a', 'b', 'toString'], [1, 2, 3, 4], 'a');
    assert.deepStrictEqual(Object.keys(d), ['b', 'a', 'toString']);
    assert.deepStrictEqual(d, { b: 3, a: 2, toString: 4 });
    assert.strictEqual(probe, 2);
    assert.strictEqual(isDict, true);
    assert.strictEqual(Object.getPrototypeOf(d), Object.prototype);
  });
  it('dicts, lists and tuples with more items than one JS call takes as arguments', () => {
    // (a dict of 100,000 items from HPyDict_New came out empty; a list of a million overflowed the stack)
    const n = 100000;
    const keys = Array.from({ length: n }, (_, i) => `k${i}`);
    const values = keys.map((_, i) => (i % 7 ? i : `v${i}`));
    const [d] = m.dict_build(keys, values, null);
    assert.strictEqual(Object.keys(d).length, n);
    assert.deepStrictEqual([d.k0, d.k1, d.k8193, d.k99999], ['v0', 1, 8193, 99999]);
    assert.deepStrictEqual(Object.keys(d).slice(8190, 8194), ['k8190', 'k8191', 'k8192', 'k8193']);  // order kept across chunks
    const mc = loadTestExt('obj_containers');
    const strs = Array.from({ length: 3 * 8192 + 5 }, (_, i) => `s${i}`);
    assert.deepStrictEqual(mc.list_builder(strs, false), strs);
    const t = mc.tuple_builder(strs, false);
    assert.ok(t instanceof hpy.PyTuple && Object.isFrozen(t));
    assert.deepStrictEqual([...t], strs);
  });
  it('a missing key raises KeyError before and after the dict reaches JS', () => {
    assert.throws(() => m.dict_build(['a'], [1], 'zz'), (e) => e instanceof builtins.KeyError);
  });
  it('non-string keys keep Python semantics next to string keys', () => {
    const [d, probe] = m.dict_build(['s', 1, 1.0, true], ['str', 'one', 'float', 'bool'], 1);
    assert.strictEqual(probe, 'bool'); // 1, 1.0 and True are one key
    assert.strictEqual(d.s, 'str');
    assert.strictEqual(require('..').getitem(d, 1), 'bool');
    assert.strictEqual(require('..').len(d), 2);
  });
  it('nested dicts', () => {
    let d = m.dict_nested(50);
    for (let i = 0; i < 50; i++) d = d.d;
    assert.deepStrictEqual(d, { leaf: 50 });
  });
  it('a dict kept in C across calls, with a "__proto__" key that stays an ordinary key', () => {
    const v = { x: 1 };
    m.keep_dict(v);
    m.str_loop(20000);
    const d = m.kept_dict_value();
    assert.strictEqual(d.value, v);
    assert.ok(Object.prototype.hasOwnProperty.call(d, '__proto__'));
    assert.strictEqual(Object.getPrototypeOf(d), Object.prototype);
    assert.strictEqual(m.kept_dict_value(), d);
  });
});
