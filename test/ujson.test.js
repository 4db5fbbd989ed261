'use strict';
// examples/ujson, the flagship example: an ultrajson-compatible JSON codec written in C against
// the HPy API.  Round trips against JSON.parse / JSON.stringify on generated documents, every
// option, and bad input.
const assert = require('assert');
const { kw, builtins, makeTuple } = require('..');
const { loadExample } = require('./helpers');

const B = builtins;
const ujson = loadExample('ujson');

function throwsPy(fn, cls, re) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof cls, `expected ${cls.name}, got ${e && e.name}: ${e && e.message}`);
    if (re) assert.match(e.message, re);
    return true;
  });
}

// ------------------------------------------------------------------ generated documents

function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (xs) => xs[int(xs.length)];
  return { next, int, pick };
}

const POOLS = [
  'abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789',
  '"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f<>&\'',
  'éàüßçñ€£¥©®°±µ¶·½ÆØÞ',
  '中文日本語한국어ไทยعربيעברית',
  '\u2028\u2029\ufeff\uffff\u0800\u07ff',
];
const ASTRAL = ['😀', '🎉', '💩', '𝄞', '🀄', '\u{10ffff}', '\u{10000}'];
const LONE = ['\ud800', '\udbff', '\udc00', '\udfff'];

function genString(r, { lone = true } = {}) {
  const n = r.pick([0, 1, 2, 5, 12, 40]);
  let s = '';
  for (let i = 0; i < n; i++) {
    const k = r.next();
    if (k < 0.1) s += r.pick(ASTRAL);
    else if (k < 0.13 && lone) s += r.pick(LONE) + 'x'; // 'x' keeps it from pairing up
    else s += r.pick([...r.pick(POOLS)]);
  }
  return s;
}

function genNumber(r, { bigints = true, floats = true } = {}) {
  const k = r.next();
  if (k < 0.35) return r.int(2001) - 1000;
  if (k < 0.5) return (r.int(2 ** 26) * 2 ** 26 + r.int(2 ** 26)) * (r.next() < 0.5 ? -1 : 1);
  if (k < 0.6 && bigints) {
    const digits = 17 + r.int(30);
    let s = String(1 + r.int(9));
    for (let i = 1; i < digits; i++) s += r.int(10);
    return (r.next() < 0.5 ? -1n : 1n) * BigInt(s);
  }
  if (!floats) return r.int(100);
  if (k < 0.8) return (r.next() - 0.5) * 10 ** (r.int(14) - 3) || 0.5;
  const special = [0.1, 0.2, 0.30000000000000004, 1.5, -2.25, 1e-7, 5e-324, 1.7976931348623157e308,
    1e21, 1e22, 123456.789, 1 / 3, Math.PI];
  return r.pick(special);
}

function ownObject(entries) {
  // own properties only, so that "__proto__" is an ordinary key
  const o = {};
  for (const [k, v] of entries) {
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return o;
}

function genDoc(r, opts = {}, depth = 0) {
  const k = r.next();
  if (depth > 5 || k < 0.45) {
    const c = r.next();
    if (c < 0.35) return genString(r, opts);
    if (c < 0.75) return genNumber(r, opts);
    return r.pick([null, true, false]);
  }
  if (k < 0.7) return Array.from({ length: r.int(6) }, () => genDoc(r, opts, depth + 1));
  const keys = Array.from({ length: r.int(6) }, () =>
    r.next() < 0.1 ? r.pick(['__proto__', 'constructor', 'toString', '', '0', '10']) : genString(r, opts));
  return ownObject(keys.map((key) => [key, genDoc(r, opts, depth + 1)]));
}

// -0 and 0 are the same JSON number (Python has no -0 int)
function noNegZero(v) {
  if (Object.is(v, -0)) return 0;
  if (Array.isArray(v)) return v.map(noNegZero);
  if (v && typeof v === 'object') return ownObject(Object.entries(v).map(([k, x]) => [k, noNegZero(x)]));
  return v;
}

function nestedArrays(n) {
  let doc = [];
  for (let i = 1; i < n; i++) doc = [doc];
  return doc;
}

function nestedObjects(n) {
  let doc = {};
  for (let i = 1; i < n; i++) doc = { k: doc };
  return doc;
}

// ------------------------------------------------------------------ the module

describe('ujson example: module', () => {
  it('exports the ultrajson API', () => {
    for (const f of ['dumps', 'encode', 'dump', 'loads', 'decode', 'load']) {
      assert.strictEqual(typeof ujson[f], 'function', f);
    }
    assert.strictEqual(typeof ujson.__version__, 'string');
    assert.ok(ujson.JSONDecodeError.prototype instanceof B.ValueError);
  });
});

describe('ujson example: round trips', () => {
  it('loads(dumps(doc)) gives the document back (unicode, lone surrogates, bigints, floats)', () => {
    const r = rng(1);
    for (let i = 0; i < 300; i++) {
      const doc = genDoc(r);
      for (const opts of [undefined, kw({ ensure_ascii: false }), kw({ indent: 2, sort_keys: true })]) {
        const text = opts ? ujson.dumps(doc, opts) : ujson.dumps(doc);
        assert.strictEqual(typeof text, 'string');
        assert.deepStrictEqual(ujson.loads(text), doc, text);
      }
    }
  });

  it('JSON.parse reads what dumps writes', () => {
    const r = rng(2);
    for (let i = 0; i < 300; i++) {
      const doc = genDoc(r, { bigints: false });
      assert.deepStrictEqual(JSON.parse(ujson.dumps(doc)), doc);
      assert.deepStrictEqual(JSON.parse(ujson.dumps(doc, kw({ ensure_ascii: false }))), doc);
    }
  });

  it('loads reads what JSON.stringify writes, as JSON.parse does', () => {
    const r = rng(3);
    for (let i = 0; i < 300; i++) {
      const doc = genDoc(r, { bigints: false });
      const text = JSON.stringify(doc, null, r.pick([0, 1, 4]));
      assert.deepStrictEqual(ujson.loads(text), JSON.parse(text), text);
      assert.deepStrictEqual(ujson.loads(Buffer.from(text)), JSON.parse(text));
    }
  });

  it('writes the same text as JSON.stringify (ensure_ascii=False, escape_forward_slashes=False)', () => {
    const r = rng(4);
    const opts = kw({ ensure_ascii: false, escape_forward_slashes: false });
    for (let i = 0; i < 300; i++) {
      // no floats here: their exponent notation differs (1e16 vs 10000000000000000); see below
      const doc = genDoc(r, { bigints: false, lone: false, floats: false });
      assert.strictEqual(ujson.dumps(doc, opts), JSON.stringify(doc));
    }
    for (const x of [0.1, 0.5, 1.25, 123.456, 0.0001, 99999.99999, 1 / 3, 2 / 3, Math.E, 1e14 + 0.5]) {
      assert.strictEqual(ujson.dumps(x), JSON.stringify(x));
      assert.strictEqual(ujson.dumps(-x), JSON.stringify(-x));
    }
  });

  it('empty containers, nesting and the "__proto__" key', () => {
    assert.strictEqual(ujson.dumps([]), '[]');
    assert.strictEqual(ujson.dumps({}), '{}');
    assert.strictEqual(ujson.dumps([[], {}, [[{}]]]), '[[],{},[[{}]]]');
    assert.deepStrictEqual(ujson.loads(' [ [ ] , { } ] '), [[], {}]);
    const o = ujson.loads('{"__proto__": {"polluted": 1}, "a": 2}');
    assert.strictEqual(Object.getPrototypeOf(o), Object.prototype);
    assert.ok(Object.prototype.hasOwnProperty.call(o, '__proto__'));
    assert.deepStrictEqual(Object.keys(o).sort(), ['__proto__', 'a']);
    assert.strictEqual({}.polluted, undefined);
    assert.strictEqual(ujson.dumps(o), '{"__proto__":{"polluted":1},"a":2}');
    assert.deepStrictEqual(ujson.loads('{"a": 1, "a": 2}'), { a: 2 });
  });

  it('tuples encode as arrays, Maps as objects', () => {
    assert.strictEqual(ujson.dumps(makeTuple([1, makeTuple(['a'])])), '[1,["a"]]');
    assert.strictEqual(ujson.dumps(new Map([['a', 1], ['b', [2]]])), '{"a":1,"b":[2]}');
  });
});

describe('ujson example: numbers', () => {
  it('ints: number when safe, bigint beyond', () => {
    assert.strictEqual(ujson.loads('9007199254740991'), 9007199254740991);
    assert.strictEqual(ujson.loads('-9007199254740991'), -9007199254740991);
    assert.strictEqual(ujson.loads('9007199254740993'), 9007199254740993n);
    assert.strictEqual(ujson.loads('9223372036854775807'), 9223372036854775807n);
    assert.strictEqual(ujson.loads('-9223372036854775808'), -9223372036854775808n);
    assert.strictEqual(ujson.loads('18446744073709551615'), 18446744073709551615n);
    assert.strictEqual(ujson.loads('18446744073709551616'), 18446744073709551616n);
    const big = '1234567890'.repeat(20);
    assert.strictEqual(ujson.loads(big), BigInt(big));
    assert.strictEqual(ujson.loads('-' + big), -BigInt(big));
    assert.strictEqual(ujson.dumps(2n ** 200n), String(2n ** 200n));
    assert.strictEqual(ujson.dumps(-(2n ** 64n)), String(-(2n ** 64n)));
    assert.strictEqual(ujson.dumps([2n ** 63n - 1n, -(2n ** 63n)]), '[9223372036854775807,-9223372036854775808]');
    assert.strictEqual(ujson.dumps(Number.MAX_SAFE_INTEGER), '9007199254740991');
  });

  it('floats: shortest round-trip text, parsed to the nearest double', () => {
    assert.strictEqual(ujson.dumps(0.1), '0.1');
    assert.strictEqual(ujson.dumps(0.30000000000000004), '0.30000000000000004');
    assert.strictEqual(ujson.dumps(1e22), '1e+22');
    assert.strictEqual(ujson.dumps(1e-7), '1e-7');
    assert.strictEqual(ujson.dumps(5e-324), '5e-324');
    assert.strictEqual(ujson.dumps(1.7976931348623157e308), '1.7976931348623157e+308');
    const r = rng(5);
    const buf = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < 3000; i++) {
      buf.setUint32(0, r.int(2 ** 32));
      buf.setUint32(4, r.int(2 ** 32));
      const x = buf.getFloat64(0);
      if (!Number.isFinite(x) || Number.isInteger(x)) continue;
      const text = ujson.dumps(x);
      assert.strictEqual(JSON.parse(text), x, text);
      assert.strictEqual(ujson.loads(text), x, text);
      assert.strictEqual(ujson.loads(JSON.stringify(x)), x);
    }
    for (const t of ['0.1', '2.2250738585072011e-308', '4.9e-324', '1.00000000000000011102230246251565404',
      '3.141592653589793238462643383279', '1e-400', '123456789012345678901234567890.5', '-0.5e1']) {
      assert.strictEqual(ujson.loads(t), JSON.parse(t), t);
    }
    assert.strictEqual(ujson.loads('1.0'), 1);
    assert.strictEqual(ujson.loads('1e400'), Infinity);
    assert.strictEqual(ujson.loads('-1e400'), -Infinity);
  });

  it('NaN and Infinity: written by default, rejected with allow_nan=False, read back', () => {
    assert.strictEqual(ujson.dumps([NaN, Infinity, -Infinity]), '[NaN,Infinity,-Infinity]');
    throwsPy(() => ujson.dumps(NaN, kw({ allow_nan: false })), B.OverflowError, /Invalid value/);
    throwsPy(() => ujson.dumps([Infinity], kw({ allow_nan: false })), B.OverflowError);
    const [a, b, c] = ujson.loads('[NaN, Infinity, -Infinity]');
    assert.ok(Number.isNaN(a));
    assert.strictEqual(b, Infinity);
    assert.strictEqual(c, -Infinity);
  });

  it('double_precision', () => {
    assert.strictEqual(ujson.dumps(Math.PI, kw({ double_precision: 4 })), '3.1416');
    assert.strictEqual(ujson.dumps(Math.PI, kw({ double_precision: 0 })), '3');
    assert.strictEqual(ujson.dumps([2.5, 0.127, 1e-9], kw({ double_precision: 2 })), '[2.5,0.13,0.0]');
    throwsPy(() => ujson.dumps(1.5, kw({ double_precision: 16 })), B.ValueError, /double_precision/);
  });
});

describe('ujson example: strings', () => {
  it('ensure_ascii escapes non-ASCII, astral as surrogate pairs', () => {
    assert.strictEqual(ujson.dumps('é😀'), '"\\u00e9\\ud83d\\ude00"');
    assert.strictEqual(ujson.dumps('é😀', kw({ ensure_ascii: false })), '"é😀"');
    assert.strictEqual(ujson.loads('"\\u00e9\\ud83d\\ude00"'), 'é😀');
    assert.strictEqual(ujson.loads('"\\uD83D\\uDE00"'), '😀');
    assert.strictEqual(ujson.loads('"é😀"'), 'é😀');
    assert.strictEqual(ujson.loads(Buffer.from('"é😀"')), 'é😀');
  });

  it('lone surrogates survive both ways', () => {
    assert.strictEqual(ujson.dumps('a\ud800b'), '"a\\ud800b"');
    assert.strictEqual(ujson.dumps('\udfff', kw({ ensure_ascii: false })), '"\udfff"');
    assert.strictEqual(ujson.loads('"\\ud800"'), '\ud800');
    assert.strictEqual(ujson.loads('"\\ude00\\ud83d"'), '\ude00\ud83d');
    assert.strictEqual(ujson.loads('"\\ud83dx"'), '\ud83dx');
    assert.strictEqual(ujson.loads('"a\udc00b"'), 'a\udc00b');
  });

  it('escapes: controls, quotes, slashes, html', () => {
    assert.strictEqual(ujson.dumps('"\\/\b\f\n\r\t\u0000\u001f'), '"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f"');
    assert.strictEqual(ujson.dumps('a/b', kw({ escape_forward_slashes: false })), '"a/b"');
    assert.strictEqual(ujson.dumps('<a&b>'), '"<a&b>"');
    assert.strictEqual(ujson.dumps('<a&b>', kw({ encode_html_chars: true })), '"\\u003ca\\u0026b\\u003e"');
    assert.strictEqual(ujson.loads('"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000"'), '"\\/\b\f\n\r\t\u0000');
    assert.strictEqual(ujson.loads('"\\u0041\\u00e9\\u4e2d"'), 'Aé中');
  });

  it('long strings', () => {
    const s = 'x'.repeat(100000) + 'é' + '😀'.repeat(1000) + '"\n';
    assert.strictEqual(ujson.loads(ujson.dumps(s)), s);
    assert.strictEqual(ujson.loads(ujson.dumps(s, kw({ ensure_ascii: false }))), s);
    assert.strictEqual(ujson.dumps(s, kw({ ensure_ascii: false, escape_forward_slashes: false })), JSON.stringify(s));
  });
});

describe('ujson example: options', () => {
  const doc = { b: [1, { d: 2, c: [] }], a: 'x' };

  it('indent and sort_keys', () => {
    assert.strictEqual(ujson.dumps(doc, kw({ indent: 2 })), JSON.stringify(doc, null, 2));
    assert.strictEqual(ujson.dumps(doc, kw({ indent: 4 })), JSON.stringify(doc, null, 4));
    assert.strictEqual(ujson.dumps(doc, kw({ sort_keys: true })), '{"a":"x","b":[1,{"c":[],"d":2}]}');
    assert.strictEqual(ujson.dumps([], kw({ indent: 2 })), '[]');
    assert.strictEqual(ujson.dumps({ a: {} }, kw({ indent: 1 })), '{\n "a": {}\n}');
    assert.strictEqual(ujson.dumps({ b: 1, a: 2, é: 3, '😀': 4, '\uffff': 5 }, kw({ sort_keys: true, ensure_ascii: false })),
      '{"a":2,"b":1,"é":3,"\uffff":5,"😀":4}');
  });

  it('separators', () => {
    assert.strictEqual(ujson.dumps(doc, kw({ separators: makeTuple([', ', ': ']) })),
      '{"b": [1, {"d": 2, "c": []}], "a": "x"}');
    assert.strictEqual(ujson.dumps([1, { a: 2 }], kw({ separators: [';', '='] })), '[1;{"a"=2}]');
    throwsPy(() => ujson.dumps(1, kw({ separators: [','] })), B.ValueError);
    throwsPy(() => ujson.dumps(1, kw({ separators: [1, 2] })), B.TypeError);
    throwsPy(() => ujson.dumps(1, kw({ separators: 'ab' })), B.TypeError);
  });

  it('bytes: rejected by default, UTF-8 text with reject_bytes=False', () => {
    throwsPy(() => ujson.dumps(Buffer.from('abc')), B.TypeError, /reject_bytes/);
    assert.strictEqual(ujson.dumps(Buffer.from('abc'), kw({ reject_bytes: false })), '"abc"');
    assert.strictEqual(ujson.dumps(Buffer.from('é'), kw({ reject_bytes: false })), '"\\u00e9"');
    throwsPy(() => ujson.dumps(Buffer.from([0xff]), kw({ reject_bytes: false })), B.UnicodeDecodeError);
  });

  it('default, toDict and __json__ for other objects', () => {
    class Point { constructor(x, y) { this.x = x; this.y = y; } }
    throwsPy(() => ujson.dumps(new Point(1, 2)), B.TypeError, /not JSON serializable/);
    assert.strictEqual(ujson.dumps([new Point(1, 2)], kw({ default: (p) => [p.x, p.y] })), '[[1,2]]');
    throwsPy(() => ujson.dumps(new Point(1, 2), kw({ default: (p) => p })), B.OverflowError, /recursion/);
    const err = new Error('boom');
    assert.throws(() => ujson.dumps(new Point(1, 2), kw({ default: () => { throw err; } })), (e) => e === err);
    class WithToDict { toDict() { return { t: 1 }; } }
    assert.strictEqual(ujson.dumps(new WithToDict()), '{"t":1}');
    class Raw { __json__() { return '{"raw":[1]}'; } }
    assert.strictEqual(ujson.dumps([new Raw()]), '[{"raw":[1]}]');
  });

  it('truthiness of flags and bad option values', () => {
    assert.strictEqual(ujson.dumps('é', kw({ ensure_ascii: 0 })), '"é"');
    assert.strictEqual(ujson.dumps('é', kw({ ensure_ascii: null })), '"é"');
    throwsPy(() => ujson.dumps(1, kw({ indent: 'x' })), B.TypeError);
    throwsPy(() => ujson.dumps(1, kw({ indent: 1.5 })), B.TypeError);
    throwsPy(() => ujson.dumps(1, kw({ bogus: 1 })), B.TypeError, /bogus/);
    throwsPy(() => ujson.dumps(), B.TypeError, /obj/);
    throwsPy(() => ujson.dumps(1, kw({ obj: 2 })), B.TypeError);
  });

  it('positional options follow ultrajson 5 order', () => {
    // dumps(obj, ensure_ascii, encode_html_chars, escape_forward_slashes, sort_keys, indent)
    assert.strictEqual(ujson.dumps('<é/>', false, true, false), '"\\u003cé/\\u003e"');
    assert.strictEqual(ujson.dumps({ b: 1, a: 2 }, true, false, true, true, 1), '{\n "a": 2,\n "b": 1\n}');
  });

  it('encode/decode are aliases; loads accepts precise_float and s=', () => {
    assert.strictEqual(ujson.encode([1, 'a']), '[1,"a"]');
    assert.deepStrictEqual(ujson.decode('[1,"a"]'), [1, 'a']);
    assert.deepStrictEqual(ujson.loads('[1.5]', kw({ precise_float: true })), [1.5]);
    assert.deepStrictEqual(ujson.loads(kw({ s: '[2]' })), [2]);
    assert.deepStrictEqual(ujson.loads(kw({ obj: '[3]' })), [3]);
  });

  it('dump writes with fp.write, load reads with fp.read', () => {
    class Writer { constructor() { this.parts = []; } write(s) { this.parts.push(s); return s.length; } }
    const w = new Writer();
    assert.strictEqual(ujson.dump({ a: [1, 'é'] }, w, kw({ ensure_ascii: false, indent: 1 })), null);
    assert.strictEqual(w.parts.join(''), '{\n "a": [\n  1,\n  "é"\n ]\n}');
    class Reader { constructor(t) { this.t = t; } read() { return this.t; } }
    assert.deepStrictEqual(ujson.load(new Reader('{"x": [1, 2]}')), { x: [1, 2] });
    assert.deepStrictEqual(ujson.load(new Reader(Buffer.from('[true]'))), [true]);
    throwsPy(() => ujson.dump(1, 5), B.TypeError, /expected file/);
    throwsPy(() => ujson.load(5), B.TypeError, /expected file/);
  });
});

describe('ujson example: limits and errors', () => {
  it('nesting: same limits as ultrajson, clean errors far beyond', () => {
    assert.strictEqual(ujson.dumps(nestedArrays(1025)).length, 2050);
    throwsPy(() => ujson.dumps(nestedArrays(1026)), B.OverflowError, /Maximum recursion level reached/);
    throwsPy(() => ujson.dumps(nestedObjects(1026)), B.OverflowError, /Maximum recursion level reached/);
    throwsPy(() => ujson.dumps(nestedArrays(100000)), B.OverflowError);
    const cyclic = [];
    cyclic.push(cyclic);
    throwsPy(() => ujson.dumps(cyclic), B.OverflowError);

    assert.deepStrictEqual(ujson.loads('['.repeat(1024) + ']'.repeat(1024)), nestedArrays(1024));
    for (const n of [1025, 10000, 1000000]) {
      throwsPy(() => ujson.loads('['.repeat(n) + ']'.repeat(n)), ujson.JSONDecodeError, /depth limit/);
      throwsPy(() => ujson.loads('{"a":'.repeat(n) + '1' + '}'.repeat(n)), ujson.JSONDecodeError, /depth limit/);
    }
    throwsPy(() => ujson.loads('['.repeat(100000)), ujson.JSONDecodeError);
  });

  it('bad input raises JSONDecodeError (a ValueError) with a position', () => {
    const bad = ['', ' ', '[', '[1', '[1,', '[1,]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,}', '{a:1}',
      '{1:2}', '"abc', '"a\\x"', '"\\u12"', '"\\u12G4"', '1 2', '[1] x', 'nul', 'nulll', 'tru', 'False',
      'nan', '-NaN', 'inf', '01', '-', '1.', '.5', '1e', '1e+', '[-]', '[0x10]', '[+1]', '[1,,2]', '[,1]',
      '{,}', '{"a" 1}', '{"a":1 "b":2}', '"\t"', '"\u0001"', '\ufeff[1]', '[1]\u0000', ']', '}',
      '{"a":1}}', '[1]]', "'a'", '"\\', '"\\u', '-I', '-Infinit', 'undefined'];
    for (const text of bad) {
      assert.throws(() => ujson.loads(text), (e) => {
        assert.ok(e instanceof ujson.JSONDecodeError, `${JSON.stringify(text)}: ${e && e.name}`);
        assert.ok(e instanceof B.ValueError);
        assert.strictEqual(e.name, 'JSONDecodeError');
        assert.match(e.message, /\(char \d+\)/);
        return true;
      }, JSON.stringify(text));
      // and JSON.parse agrees that it is not JSON
      assert.throws(() => JSON.parse(text));
    }
    throwsPy(() => ujson.loads('[1, 2, x]'), ujson.JSONDecodeError, /line 1 column 8 \(char 7\)/);
    throwsPy(() => ujson.loads('[\n  "é",\n  x]'), ujson.JSONDecodeError, /line 3 column 3 \(char 11\)/);
    throwsPy(() => ujson.loads('"abc'), ujson.JSONDecodeError, /Unmatched/);
    throwsPy(() => ujson.loads('[1] x'), ujson.JSONDecodeError, /Trailing data/);
  });

  it('invalid UTF-8 in bytes input', () => {
    for (const bytes of [[0x22, 0xff, 0x22], [0x22, 0xc3, 0x22], [0x22, 0xe0, 0x80, 0x80, 0x22],
      [0x22, 0xf4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xc0, 0xaf, 0x22]]) {
      throwsPy(() => ujson.loads(Buffer.from(bytes)), ujson.JSONDecodeError, /UTF-8/);
    }
  });

  it('wrong argument types raise TypeError', () => {
    throwsPy(() => ujson.loads(5), B.TypeError, /Expected string/);
    throwsPy(() => ujson.loads(null), B.TypeError);
    throwsPy(() => ujson.loads([1]), B.TypeError);
    throwsPy(() => ujson.loads(), B.TypeError);
  });

  it('fuzz: mutated documents are accepted exactly when JSON.parse accepts them', () => {
    const r = rng(6);
    const alphabet = [...'{}[]",:\\ 0123456789.eE+-tfnulrsa\u0000\u001fé\ud800'];
    for (let i = 0; i < 3000; i++) {
      let text = JSON.stringify(genDoc(r, { bigints: false }));
      const k = r.next();
      const p = r.int(text.length + 1);
      if (k < 0.3) text = text.slice(0, p);
      else if (k < 0.7) text = text.slice(0, p) + r.pick(alphabet) + text.slice(p + 1);
      else text = text.slice(0, p) + r.pick(alphabet) + text.slice(p);
      let want;
      let ok = true;
      try { want = JSON.parse(text); } catch (e) { ok = false; }
      // NaN/Infinity literals are JSON to ujson (and Python's json), not to JSON.parse
      if (!ok && /NaN|Infinity/.test(text)) continue;
      let got;
      try {
        got = ujson.loads(text);
      } catch (e) {
        assert.ok(e instanceof ujson.JSONDecodeError, `${JSON.stringify(text)}: ${e.name}: ${e.message}`);
        assert.ok(!ok, `rejected valid JSON ${JSON.stringify(text)}: ${e.message}`);
        continue;
      }
      assert.ok(ok, `accepted invalid JSON ${JSON.stringify(text)}`);
      if (!JSON.stringify(want).match(/\d{16,}/)) assert.deepStrictEqual(noNegZero(got), noNegZero(want), text);
    }
  });
});
