'use strict';
// The helper runtime compiled into every extension (include/runtime/*.c):
// HPyArg_Parse*, HPy_BuildValue, HPyUnicode_FromFormat/HPyErr_Format,
// HPyHelpers_*, HPyStructSequence_*.  The C side is in test/ext/rt_*.c.
// Expected values and messages are those of HPy 0.9's own runtime under
// CPython, except where a test says "hpy-node" (cases where the official
// runtime crashes or produces garbage).
const assert = require('assert');
const { loadTestExt } = require('./helpers');
const hpy = require('..');

const { kw, builtins } = hpy;

/** Recursively turn tuples (frozen Array subclasses) into plain arrays. */
function plain(v) {
  if (Array.isArray(v)) return Array.from(v, plain);
  if (v && typeof v === 'object' && !Buffer.isBuffer(v) && Object.getPrototypeOf(v) === Object.prototype) {
    const o = {};
    for (const k of Object.keys(v)) o[k] = plain(v[k]);
    return o;
  }
  return v;
}

const isTuple = (v) => Array.isArray(v) && Object.isFrozen(v);

/** assert.throws for a Python exception class; msg: exact string or RegExp. */
function throwsPy(fn, cls, msg) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof builtins[cls], `expected ${cls}, got ${e && e.name}: ${e && e.message}`);
    assert.strictEqual(e.name, cls);
    if (msg instanceof RegExp) assert.match(e.message, msg);
    else if (msg !== undefined) assert.strictEqual(e.message, msg);
    return true;
  });
}

describe('helper runtime', function () {
  this.timeout(120000); // first run compiles the extensions

  describe('HPyArg_Parse', () => {
    let m;
    before(() => { m = loadTestExt('rt_argparse'); });

    it('converts integers with range checks', () => {
      assert.deepStrictEqual(plain(m.parse('b', 0)), [0]);
      assert.deepStrictEqual(plain(m.parse('b', 255)), [255]);
      throwsPy(() => m.parse('b', 256), 'OverflowError', 'function unsigned byte integer is greater than maximum');
      throwsPy(() => m.parse('b', -1), 'OverflowError', 'function unsigned byte integer is less than minimum');
      assert.deepStrictEqual(plain(m.parse('h', -32768)), [-32768]);
      throwsPy(() => m.parse('h', 32768), 'OverflowError', 'function signed short integer is greater than maximum');
      throwsPy(() => m.parse('h', -32769), 'OverflowError', 'function signed short integer is less than minimum');
      assert.deepStrictEqual(plain(m.parse('i', 2 ** 31 - 1)), [2 ** 31 - 1]);
      assert.deepStrictEqual(plain(m.parse('i', -(2 ** 31))), [-(2 ** 31)]);
      throwsPy(() => m.parse('i', 2 ** 31), 'OverflowError', 'function signed integer is greater than maximum');
      throwsPy(() => m.parse('i', -(2 ** 31) - 1), 'OverflowError', 'function signed integer is less than minimum');
      assert.deepStrictEqual(plain(m.parse('l', 2n ** 63n - 1n)), [2n ** 63n - 1n]);
      throwsPy(() => m.parse('l', 2n ** 63n), 'OverflowError');
      assert.deepStrictEqual(plain(m.parse('L', -(2n ** 63n))), [-(2n ** 63n)]);
      throwsPy(() => m.parse('L', -(2n ** 63n) - 1n), 'OverflowError');
      assert.deepStrictEqual(plain(m.parse('n', -5)), [-5]);
      throwsPy(() => m.parse('n', 2n ** 63n), 'OverflowError');
    });

    it('masks integers for the unsigned bit-field units', () => {
      assert.deepStrictEqual(plain(m.parse('B', 256)), [0]);
      assert.deepStrictEqual(plain(m.parse('B', -1)), [255]);
      assert.deepStrictEqual(plain(m.parse('H', -1)), [65535]);
      assert.deepStrictEqual(plain(m.parse('H', 2 ** 16 + 3)), [3]);
      assert.deepStrictEqual(plain(m.parse('I', -1)), [2 ** 32 - 1]);
      assert.deepStrictEqual(plain(m.parse('I', 2 ** 32)), [0]);
      assert.deepStrictEqual(plain(m.parse('k', -1)), [2n ** 64n - 1n]);
      assert.deepStrictEqual(plain(m.parse('K', 2n ** 64n + 5n)), [5]);
      assert.deepStrictEqual(plain(m.parse('K', -(2n ** 64n) + 1n)), [1]);
    });

    it("stores 'b' into a C char", () => {
      assert.deepStrictEqual(m.parse_b_raw(255), Buffer.from([255]));
      assert.deepStrictEqual(m.parse_b_raw(0), Buffer.from([0]));
    });

    it('rejects non-integers for integer units', () => {
      throwsPy(() => m.parse('i', 3.5), 'TypeError');
      throwsPy(() => m.parse('l', 'x'), 'TypeError');
      throwsPy(() => m.parse('K', null), 'TypeError');
    });

    it('converts floats', () => {
      assert.deepStrictEqual(plain(m.parse('d', 0.25)), [0.25]);
      assert.deepStrictEqual(plain(m.parse('d', -2)), [-2]);
      assert.deepStrictEqual(plain(m.parse('f', 1.5)), [1.5]);
      assert.deepStrictEqual(plain(m.parse('f', 0.1)), [Math.fround(0.1)]);
      assert.deepStrictEqual(plain(m.parse('d', Infinity)), [Infinity]);
      throwsPy(() => m.parse('d', 'x'), 'TypeError');
      throwsPy(() => m.parse('f', null), 'TypeError');
    });

    it("tests truth with 'p'", () => {
      const cases = [[0, 0], [1, 1], [-1, 1], [false, 0], [true, 1], [[], 0], [[0], 1], ['', 0], ['0', 1], [null, 0]];
      for (const [v, want] of cases) assert.deepStrictEqual(plain(m.parse('p', v)), [want], `p(${JSON.stringify(v)})`);
    });

    it("reads str with 's'", () => {
      assert.deepStrictEqual(plain(m.parse('s', 'hello HPy')), ['hello HPy']);
      assert.deepStrictEqual(plain(m.parse('s', 'h\u00e9llo \u20ac \u{1F600}')), ['h\u00e9llo \u20ac \u{1F600}']);
      assert.deepStrictEqual(plain(m.parse('s', '')), ['']);
      throwsPy(() => m.parse('s', 'a\0b'), 'ValueError', 'function embedded null character');
      throwsPy(() => m.parse('s', Buffer.from('bytes')), 'TypeError', 'function a str is required');
      throwsPy(() => m.parse('s', 1), 'TypeError', 'function a str is required');
    });

    it("passes objects through 'O' unchanged", () => {
      const obj = { a: 1 };
      const arr = [1, 2];
      const r = m.parse('OOO', obj, arr, 'x');
      assert.strictEqual(r[0], obj);
      assert.strictEqual(r[1], arr);
      assert.strictEqual(r[2], 'x');
      const r2 = m.parse_ht('OO', obj, null);
      assert.strictEqual(r2[0], obj);
      assert.strictEqual(r2[1], null);
    });

    it('parses several arguments of mixed units', () => {
      assert.deepStrictEqual(plain(m.parse('lllll', 4, 5, 6, 7, 8)), [4, 5, 6, 7, 8]);
      assert.deepStrictEqual(plain(m.parse_ht('isdO', 1, 'two', 3.5, [4])), [1, 'two', 3.5, [4]]);
    });

    it("leaves optional outputs untouched after '|'", () => {
      // the C defaults are 77 for integers, 0.5 for floats, NULL (None) for s/O
      assert.deepStrictEqual(plain(m.parse('O|O', 1)), [1, null]);
      assert.deepStrictEqual(plain(m.parse('O|O', 3, 4)), [3, 4]);
      assert.deepStrictEqual(plain(m.parse('|i')), [77]);
      assert.deepStrictEqual(plain(m.parse('i|sdpO', 3)), [3, null, 0.5, 77, null]); // hpy-node (official crashes)
      assert.deepStrictEqual(plain(m.parse('i|sdpO', 3, 's', 1.5, [], 'o')), [3, 's', 1.5, 0, 'o']);
    });

    it('reports argument count errors like HPy', () => {
      throwsPy(() => m.parse('OO:two_add'), 'TypeError', 'two_add() required positional argument missing');
      throwsPy(() => m.parse('OO:two_add', 1, 2, 3), 'TypeError', 'two_add() mismatched args (too many arguments for fmt)');
      throwsPy(() => m.parse('OOO', 1, 2), 'TypeError', 'function required positional argument missing');
      throwsPy(() => m.parse('', 1), 'TypeError', 'function mismatched args (too many arguments for fmt)');
      assert.deepStrictEqual(plain(m.parse('')), []);
    });

    it("uses ':name' and ';message' in error messages", () => {
      throwsPy(() => m.parse('OOO:my_func', 1, 2), 'TypeError', 'my_func() required positional argument missing');
      throwsPy(() => m.parse('OOO;my-error-message', 1, 2), 'TypeError', 'my-error-message');
      throwsPy(() => m.parse('b:f', 300), 'OverflowError', 'f() unsigned byte integer is greater than maximum');
      throwsPy(() => m.parse('h;msg', 2 ** 20), 'OverflowError', 'msg');
    });

    it('rejects unknown format units and keyword-only markers', () => {
      throwsPy(() => m.parse('ZZ:two_add', 'a'), 'SystemError', 'two_add() unknown arg format code');
      throwsPy(() => m.parse('O$O:two_add', 1, 2), 'SystemError', 'two_add() unknown arg format code');
    });
  });

  describe('HPyArg_ParseKeywords', () => {
    let m;
    before(() => { m = loadTestExt('rt_argparse'); });

    it('matches positional and keyword arguments by name', () => {
      assert.deepStrictEqual(plain(m.parse_kw('OO', ['a', 'b'], 'x', kw({ b: 'y' }))), ['x', 'y']);
      assert.deepStrictEqual(plain(m.parse_kw('OO', ['a', 'b'], kw({ b: 'y', a: 'x' }))), ['x', 'y']);
      assert.deepStrictEqual(plain(m.parse_kw('i|sd', ['x', 'y', 'z'], kw({ y: 'why', x: 9 }))), [9, 'why', 0.5]);
      assert.deepStrictEqual(plain(m.parse_kw('|bhil', ['a', 'b', 'c', 'd'], kw({ d: -5, a: 7 }))), [7, 77, 77, -5]);
      assert.deepStrictEqual(plain(m.parse_kw('s|s', ['a', 'b'], 'x', kw({ b: 'y\u00e9' }))), ['x', 'y\u00e9']);
      assert.deepStrictEqual(plain(m.parse_kw('p|p', ['a', 'b'], [], kw({ b: [1] }))), [0, 1]);
    });

    it('handles optional arguments', () => {
      assert.deepStrictEqual(plain(m.parse_kw('O|O', ['a', 'b'], kw({ a: 3, b: 2 }))), [3, 2]);
      assert.deepStrictEqual(plain(m.parse_kw('O|O', ['a', 'b'], 3, 2)), [3, 2]);
      assert.deepStrictEqual(plain(m.parse_kw('O|O', ['a', 'b'], kw({ a: 3 }))), [3, null]);
      assert.deepStrictEqual(plain(m.parse_kw('O|O', ['a', 'b'], 3)), [3, null]);
      assert.deepStrictEqual(plain(m.parse_kw('i|sd', ['x', 'y', 'z'], 5, kw({ z: 2.5 }))), [5, null, 2.5]);
    });

    it('works in a typical extension function', () => {
      assert.strictEqual(m.add_two(1), 6);
      assert.strictEqual(m.add_two(1, 2), 3);
      assert.strictEqual(m.add_two(kw({ b: 1, a: 2 })), 3);
      throwsPy(() => m.add_two(), 'TypeError', 'add_two() no value for required argument');
      throwsPy(() => m.add_two('x'), 'TypeError');
    });

    it('supports positional-only parameters ("")', () => {
      assert.deepStrictEqual(plain(m.parse_kw('O|O', ['', 'b'], 1, kw({ b: 2 }))), [1, 2]);
      assert.deepStrictEqual(plain(m.parse_kw('O|O', ['', 'b'], 1, 2)), [1, 2]);
      assert.deepStrictEqual(plain(m.parse_kw('O|O', ['', 'b'], 1)), [1, null]);
      throwsPy(() => m.parse_kw('O|O', ['', 'b'], kw({ a: 1, b: 2 })), 'TypeError', 'function no value for required argument');
      throwsPy(() => m.parse_kw('lll', ['', 'b', '']), 'SystemError', 'function empty keyword parameter name');
    });

    it("supports keyword-only parameters after '$'", () => {
      assert.deepStrictEqual(plain(m.parse_kw('O$O', ['a', 'b'], 1, kw({ b: 2 }))), [1, 2]);
      assert.deepStrictEqual(plain(m.parse_kw('O$O', ['a', 'b'], kw({ a: 1, b: 2 }))), [1, 2]);
      assert.deepStrictEqual(plain(m.parse_kw('O|$O', ['a', 'b'], 1)), [1, null]);
      throwsPy(() => m.parse_kw('O$O', ['a', 'b'], 1, 2), 'TypeError', 'function keyword only argument passed as positional argument');
    });

    it('reports errors like HPy', () => {
      throwsPy(() => m.parse_kw('ZZ:two_add', ['a', 'b'], 'a'), 'SystemError', 'two_add() unknown arg format code');
      throwsPy(() => m.parse_kw('OO:add_two', ['a', 'b'], 1), 'TypeError', 'add_two() no value for required argument');
      throwsPy(() => m.parse_kw('OOO:add_two', ['a', 'b'], 1, 2), 'TypeError', 'add_two() mismatched args (too few keywords for fmt)');
      throwsPy(() => m.parse_kw('O:add_two', ['a', 'b'], 1, 2), 'TypeError', 'add_two() mismatched args (too many keywords for fmt)');
      throwsPy(() => m.parse_kw('OOO', ['a', 'b'], 1, 2), 'TypeError', 'function mismatched args (too few keywords for fmt)');
      throwsPy(() => m.parse_kw('OOO;my-error-message', ['a', 'b'], 1, 2), 'TypeError', 'my-error-message');
      throwsPy(() => m.parse_kw('i|sd:fn', ['x', 'y', 'z'], kw({ x: 1, y: 2 })), 'TypeError', 'fn() a str is required');
      throwsPy(() => m.parse_kw('l|l', ['a', 'b'], 1, kw({ b: 2n ** 70n })), 'OverflowError');
    });

    it('raises for more positional arguments than parameters (hpy-node)', () => {
      throwsPy(() => m.parse_kw('i', ['x'], 1, 2), 'TypeError', 'function mismatched args (too many arguments for fmt)');
    });

    it('ignores unknown keywords and prefers the positional value, as HPy does', () => {
      assert.deepStrictEqual(plain(m.parse_kw('i|i', ['x', 'y'], 1, kw({ zzz: 2 }))), [1, 77]);
      assert.deepStrictEqual(plain(m.parse_kw('i|i', ['x', 'y'], 1, kw({ x: 2 }))), [1, 77]);
    });

    it("requires a tracker for 'O'", () => {
      assert.deepStrictEqual(plain(m.parse_kw_noht('ii', ['a', 'b'], 1, kw({ b: 2 }))), [1, 2]);
      throwsPy(() => m.parse_kw_noht('iO', ['a', 'b'], 1, kw({ b: 2 })), 'SystemError',
        /^function HPyArg_ParseKeywords cannot use the format character 'O' unless an HPyTracker is provided/);
    });

    it("keeps the identity of objects parsed with 'O'", () => {
      const obj = { k: 'v' };
      assert.strictEqual(m.parse_kw('O|O', ['a', 'b'], 1, kw({ b: obj }))[1], obj);
    });
  });

  describe('HPyArg_ParseKeywordsDict', () => {
    let m;
    before(() => { m = loadTestExt('rt_argparse'); });

    it('reads keyword arguments from a dict', () => {
      assert.deepStrictEqual(plain(m.parse_dict('O|O', ['a', 'b'], [], { a: 3, b: 2 })), [3, 2]);
      assert.deepStrictEqual(plain(m.parse_dict('O|O', ['a', 'b'], [3, 2], {})), [3, 2]);
      assert.deepStrictEqual(plain(m.parse_dict('O|O', ['a', 'b'], [], { a: 3 })), [3, null]);
      assert.deepStrictEqual(plain(m.parse_dict('O|O', ['a', 'b'], [3], null)), [3, null]);
      assert.deepStrictEqual(plain(m.parse_dict('is|d', ['a', 'b', 'c'], [1], { b: 'bee', c: 0.5 })), [1, 'bee', 0.5]);
      assert.deepStrictEqual(plain(m.parse_dict('s', ['a'], [], { a: 'str in dict' })), ['str in dict']);
    });

    it('reports missing and misplaced arguments', () => {
      throwsPy(() => m.parse_dict('O|O', ['a', 'b'], [], {}), 'TypeError', 'function no value for required argument');
      throwsPy(() => m.parse_dict('is|$d', ['a', 'b', 'c'], [1, 'x', 2.0], {}), 'TypeError',
        'function keyword only argument passed as positional argument');
      assert.deepStrictEqual(plain(m.parse_dict('is|$d', ['a', 'b', 'c'], [1, 'x'], { c: 2.5, zz: 1 })), [1, 'x', 2.5]);
    });
  });

  describe('HPy_BuildValue', () => {
    let m;
    before(() => { m = loadTestExt('rt_buildvalue'); });

    it('builds numbers and strings', () => {
      assert.strictEqual(m.build(0), null);
      assert.strictEqual(m.build(1), 42);
      assert.strictEqual(m.build(2), -1);
      assert.strictEqual(m.build(3), 4294967295);
      assert.strictEqual(m.build(4), 2n ** 64n - 1n);
      assert.strictEqual(m.build(5), 2n ** 64n - 1n);
      assert.strictEqual(m.build(6), -(2n ** 63n));
      assert.strictEqual(m.build(7), -(2n ** 63n));
      assert.strictEqual(m.build(8), 2n ** 63n - 1n);
      assert.strictEqual(m.build(9), 0.25);
      assert.strictEqual(m.build(10), -1.5);
      assert.strictEqual(m.build(14), 'h\u00e9llo \u20ac');
    });

    it('builds tuples', () => {
      for (const [n, want] of [[11, [-1, 1]], [12, [7]], [13, [1, 2]], [17, []],
        [24, [-(2 ** 31), 2 ** 31 - 1]], [25, [-(2n ** 63n), 2n ** 63n - 1n]]]) {
        const r = m.build(n);
        assert.ok(isTuple(r), `case ${n} is a tuple`);
        assert.deepStrictEqual(plain(r), want, `case ${n}`);
      }
    });

    it('builds lists', () => {
      const r = m.build(15);
      assert.ok(Array.isArray(r) && !Object.isFrozen(r));
      assert.deepStrictEqual(r, [4, 2]);
      assert.deepStrictEqual(m.build(16), []);
      assert.deepStrictEqual(plain(m.build(26)), [[[3]]]);
    });

    it('builds dicts', () => {
      assert.deepStrictEqual(plain(m.build(19)), { A: 4, B: 0.25 });
      assert.deepStrictEqual(plain(m.build(20)), { A: [4, 4], B: 0.25 });
      assert.ok(isTuple(m.build(20).A));
      assert.deepStrictEqual(plain(m.build(22)), {});
      assert.deepStrictEqual(plain(m.build(23)), { a: 1 });
    });

    it('builds nested containers', () => {
      const r = m.build(18);
      assert.deepStrictEqual(plain(r), [[4, 'str'], [[0.25], [4, 2]], 14267]);
      assert.ok(!isTuple(r) && isTuple(r[0]) && isTuple(r[1]) && isTuple(r[1][0]) && !isTuple(r[1][1]));
      const t = m.build(21);
      assert.ok(isTuple(t));
      assert.deepStrictEqual(plain(t), [{ A: [4, 4], B: 0.25 }, [42]]);
      assert.deepStrictEqual(plain(m.build(27)), [1, [2, [3, { x: 4 }]]]);
    });

    it('accepts a NULL string and blanks between items (hpy-node)', () => {
      assert.strictEqual(m.build(50), null);
      assert.deepStrictEqual(plain(m.build(51)), [1, 2]);
      assert.deepStrictEqual(plain(m.build(52)), [1, 2]);
    });

    it('reports malformed formats with SystemError', () => {
      const suffix = ' in the format string passed to HPy_BuildValue';
      const cases = {
        100: "bad format char 'q'", 101: "unmatched '('", 102: "unmatched '['", 103: "unmatched '('",
        104: "unmatched '('", 105: "unmatched '['", 107: "unmatched '{'", 108: "unexpected ','",
        109: "missing ','", 110: "missing ':'", 111: "bad format char 'q'",
      };
      for (const [n, msg] of Object.entries(cases)) throwsPy(() => m.build(Number(n)), 'SystemError', msg + suffix);
      throwsPy(() => m.build(106), 'SystemError', /^HPy_BuildValue does not support the 'N' formatting unit\./);
      throwsPy(() => m.build(112), 'SystemError', /^HPy_BuildValue does not support the 'N' formatting unit\./);
    });

    it("passes objects with 'O' and 'S' without copying", () => {
      const obj = { x: [1] };
      assert.strictEqual(m.build_O(obj), obj);
      assert.strictEqual(m.build_S(obj), obj);
      assert.strictEqual(m.build_O(null), null);
      const pair = m.build_pair(obj);
      assert.ok(isTuple(pair));
      assert.strictEqual(pair[0], obj);
      assert.strictEqual(pair[1], 42);
    });

    it("builds dicts with 'O' keys", () => {
      assert.deepStrictEqual(plain(m.build_kv('k', [1])), { k: [1] });
      throwsPy(() => m.build_kv([], 'x'), 'TypeError');
    });

    it("handles HPy_NULL given to 'O'", () => {
      throwsPy(() => m.build_null(0), 'SystemError', 'HPy_NULL object passed to HPy_BuildValue');
      throwsPy(() => m.build_null(1), 'SystemError', 'HPy_NULL object passed to HPy_BuildValue');
      throwsPy(() => m.build_null(2), 'ValueError', 'pending error');
      throwsPy(() => m.build_null(3), 'ValueError', 'pending error');
    });
  });

  describe('HPyUnicode_FromFormat', () => {
    let m;
    before(() => { m = loadTestExt('rt_format'); });

    it('formats C values', () => {
      const want = {
        0: 'hello', 1: '42', 2: '-42', 3: '-2147483648', 4: '4294967295',
        5: '-9223372036854775808', 6: '9223372036854775807', 7: '18446744073709551615',
        8: '-9223372036854775808', 9: '9223372036854775807', 10: '18446744073709551615',
        11: '-5', 12: '9223372036854775807', 13: '18446744073709551615', 14: 'ff', 15: 'ffffffff',
        16: 'A', 17: 'abc', 27: '%', 28: '50%', 29: '0x1234', 30: 'aXb1c', 31: 'h\u00e9llo \u20ac',
        34: '-1 2 3 x', 35: '',
      };
      for (const [n, s] of Object.entries(want)) assert.strictEqual(m.fmt(Number(n)), s, `case ${n}`);
    });

    it('applies width, precision and zero padding', () => {
      const want = {
        18: '[  abc]', 19: '[ab]', 20: '[   ab]', 21: '[   42]', 22: '[00042]', 23: '[-0042]',
        24: '[00042]', 25: '[-00042]', 26: '[  -00042]', 32: '[12345]', 33: '[abc]', 36: '[000000ff]',
      };
      for (const [n, s] of Object.entries(want)) assert.strictEqual(m.fmt(Number(n)), s, `case ${n}`);
    });

    it('handles non-ASCII characters correctly (hpy-node)', () => {
      assert.strictEqual(m.fmt(50), '\u00e9');
      assert.strictEqual(m.fmt(51), '\u{1F600}');
      assert.strictEqual(m.fmt(52), '[  \u00e9]'); // width counts characters
      assert.strictEqual(m.fmt(53), '[]'); // a byte precision never splits a character
      assert.strictEqual(m.fmt(54), 'ff 123456789ab 10');
      assert.strictEqual(m.fmt(55), 'a\0b');
      assert.strictEqual(m.fmt(56), '0x0');
    });

    it('rejects bad directives and arguments', () => {
      throwsPy(() => m.fmt(100), 'OverflowError', 'character argument not in range(0x110000)');
      throwsPy(() => m.fmt(101), 'OverflowError', 'character argument not in range(0x110000)');
      throwsPy(() => m.fmt(102), 'SystemError', "formatting unit '%s' does not support 0-padding");
      throwsPy(() => m.fmt(103), 'SystemError', "formatting unit '%c' does not support width nor precision");
      throwsPy(() => m.fmt(104), 'SystemError', "formatting unit '%p' does not support width nor precision");
      throwsPy(() => m.fmt(105), 'SystemError', "null c string passed as value for formatting unit '%s'");
      throwsPy(() => m.fmt(106), 'SystemError', 'invalid format string');
      throwsPy(() => m.fmt(107), 'ValueError', 'expected an ASCII-encoded format string, got a non-ASCII byte: 0xc3');
      throwsPy(() => m.fmt(108), 'SystemError', 'invalid format string');
      throwsPy(() => m.fmt(109), 'SystemError', "HPy_NULL passed as value for formatting unit '%U'");
      throwsPy(() => m.fmt(110), 'SystemError', /^HPy_NULL passed as value for formatting unit '%S'/);
      throwsPy(() => m.fmt(111), 'SystemError', /^HPy_NULL passed as value for formatting unit '%R'/);
      throwsPy(() => m.fmt(112), 'SystemError', "formatting unit '%R' does not support 0-padding");
    });

    it('formats objects with %S %R %A %U %V', () => {
      assert.strictEqual(m.fmt_obj(0, 'abc'), 'abc');
      assert.strictEqual(m.fmt_obj(1, 'abc'), "'abc'");
      assert.strictEqual(m.fmt_obj(2, 'h\u00e9llo'), "'h\\xe9llo'");
      assert.strictEqual(m.fmt_obj(0, 42), '42');
      assert.strictEqual(m.fmt_obj(1, [1, 'a']), "[1, 'a']");
      assert.strictEqual(m.fmt_obj(0, null), 'None');
      assert.strictEqual(m.fmt_obj(3, 'h\u00e9llo'), 'h\u00e9llo');
      assert.strictEqual(m.fmt_obj(4, 'abc'), 'abc');
      assert.strictEqual(m.fmt_obj(5, 'ignored'), 'fallback');
      assert.strictEqual(m.fmt_obj(9, 'abc'), "<abc|'abc'>");
      assert.strictEqual(m.fmt_obj(12, 'x'), '1:x:2');
      throwsPy(() => m.fmt_obj(3, 42), 'TypeError', "formatting unit '%U' expects a str object");
    });

    it('applies width and precision to objects in characters', () => {
      assert.strictEqual(m.fmt_obj(6, 'h\u00e9llo'), '[     h\u00e9llo]');
      assert.strictEqual(m.fmt_obj(7, 'h\u00e9llo'), '[h\u00e9l]');
      assert.strictEqual(m.fmt_obj(7, '\u20ac\u20ac\u20ac\u20ac'), '[\u20ac\u20ac\u20ac]');
      assert.strictEqual(m.fmt_obj(8, 'abc'), "[    'a]");
      assert.strictEqual(m.fmt_obj(10, 'h\u00e9llo'), '[      h\u00e9]');
      assert.strictEqual(m.fmt_obj(11, 'ignored'), '[      fa]');
    });

    it('propagates errors from repr()', () => {
      class BadRepr { __repr__() { throw new builtins.KeyError('nope'); } }
      throwsPy(() => m.fmt_obj(1, new BadRepr()), 'KeyError');
    });

    it('works through a va_list (HPyUnicode_FromFormatV)', () => {
      assert.strictEqual(m.fmt_v(7, 'x'), "7-'x'-end");
    });

    it('raises formatted exceptions with HPyErr_Format', () => {
      throwsPy(() => m.raise_fmt([1, 2]), 'ValueError', 'bad value 42: [1, 2]');
    });
  });

  describe('HPyHelpers', () => {
    let m;
    before(() => { m = loadTestExt('rt_helpers'); });

    it('adds types to a module with HPyHelpers_AddType', () => {
      assert.strictEqual(typeof m.Point, 'function');
      assert.strictEqual(new m.Point(3).x, 3);
      assert.ok(new m.Point(3) instanceof m.Point);
      assert.strictEqual(m.Point2(4).x, 4);
      assert.notStrictEqual(m.Point, m.Point2);
    });

    it('adds a type to any object and reports failures', () => {
      class Holder {}
      const h = new Holder();
      assert.strictEqual(m.add_type_to(h, 'T'), true);
      assert.strictEqual(typeof h.T, 'function');
      assert.strictEqual(new h.T(5).x, 5);
      throwsPy(() => m.add_type_to(null, 'T'), 'AttributeError');
    });

    it('packs vectorcall arguments into a tuple and a dict', () => {
      assert.deepStrictEqual(plain(m.pack()), [null, null]);
      const r = m.pack(1, 2);
      assert.ok(isTuple(r[0]));
      assert.deepStrictEqual(plain(r), [[1, 2], null]);
      assert.deepStrictEqual(plain(m.pack(kw({ a: 1 }))), [null, { a: 1 }]);
      assert.deepStrictEqual(plain(m.pack(1, kw({ a: 1, b: [2] }))), [[1], { a: 1, b: [2] }]);
      throwsPy(() => m.pack_null_out(), 'SystemError', "argument 'out_kwd' must not be NULL");
    });
  });

  describe('HPyStructSequence', () => {
    let m;
    before(() => { m = loadTestExt('rt_structseq'); });

    it('creates struct sequence types', () => {
      const W = m.WithFields;
      assert.strictEqual(typeof W, 'function');
      assert.strictEqual(W.n_fields, 3);
      assert.strictEqual(W.n_sequence_fields, 3);
      assert.strictEqual(W.n_unnamed_fields, 1);
      assert.strictEqual(m.NoFields.n_fields, 0);
      assert.match(hpy.repr(W), /WithFields/);
    });

    it('creates instances that are tuples with named fields', () => {
      const s = m.build(m.WithFields);
      assert.ok(Array.isArray(s));
      assert.ok(s instanceof m.WithFields);
      assert.strictEqual(s.length, 3);
      assert.strictEqual(s.field0, 1);
      assert.strictEqual(s.field1, 2); // the float 2.0 reads back as an int
      assert.strictEqual(s[2], '3');
      assert.deepStrictEqual(Array.from(s), [1, 2, '3']);
      // the type name as HPyType_GetName gives it; an integral float may read back as an int
      assert.match(hpy.repr(s), /^(rt_structseq\.)?WithFields\(field0=1, field1=2(\.0)?, '3'\)$/);
      assert.deepStrictEqual(plain(Array.from(m.build_n(m.WithFields, 3))), [0, 1, 2]);
      assert.deepStrictEqual(Array.from(m.build_n(m.NoFields, 0)), []);
    });

    it('checks the number of values and the type', () => {
      throwsPy(() => m.build(m.NoFields), 'TypeError', 'expected exactly 0 arguments but got 3');
      throwsPy(() => m.build_n(m.WithFields, 2), 'TypeError', 'expected exactly 3 arguments but got 2');
      throwsPy(() => m.build(builtins.str), 'TypeError', /does not look like a struct sequence type/);
    });

    it('rejects a descriptor without a name', () => {
      throwsPy(() => m.new_type_noname(), 'SystemError');
    });

    it('copies the descriptor', () => {
      const T = m.new_type('pkg.mod.Temp', 3);
      assert.strictEqual(T.n_fields, 3);
      const t = m.build_n(T, 3);
      assert.strictEqual(t.f0, 0);
      assert.strictEqual(t.f2, 2);
    });
  });
});
