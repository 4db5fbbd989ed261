'use strict';
// str and bytes: code points, repr/ascii, methods, formatting, codecs.
const assert = require('assert');
const { raises } = require('./assert-py');
const m = require('../dist/lib/model');
const E = m.exc;

const S = (a, b, c) => new m.PySlice(a, b, c);
const call = (o, name, ...args) => m.callMethod(o, name, args);

describe('model: str in code points', () => {
  const astral = 'a😀b';
  it('len counts code points; lone surrogates count 1', () => {
    assert.strictEqual(m.len(astral), 3);
    assert.strictEqual(m.len('😀😀'), 2);
    assert.strictEqual(m.len('x\ud800y'), 3);
    assert.strictEqual(m.len('\udc00\ud800'), 2);
    assert.strictEqual(m.len(''), 0);
  });

  it('indexing and slicing by code point', () => {
    assert.strictEqual(m.getitem(astral, 1), '😀');
    assert.strictEqual(m.getitem(astral, -1), 'b');
    assert.strictEqual(m.getitem(astral, 2), 'b');
    assert.strictEqual(m.getitem(astral, S(null, null, -1)), 'b😀a');
    assert.strictEqual(m.getitem(astral, S(1, null)), '😀b');
    assert.strictEqual(m.getitem('x\ud800y', 1), '\ud800');
    assert.strictEqual(m.getitem('a\ud800b', S(1, null)), '\ud800b');
    assert.strictEqual(m.getitem('abc', S(10, null)), '');
    assert.strictEqual(m.getSlice('hello', 1, 3), 'el');
    raises(() => m.getitem(astral, 3), E.IndexError, 'string index out of range');
    raises(() => m.getitem('abc', 'a'), E.TypeError, "string indices must be integers, not 'str'");
    raises(() => m.getitem('abc', S(null, null, 0)), E.ValueError, 'slice step cannot be zero');
    raises(() => m.setitem('abc', 0, 'x'), E.TypeError, "'str' object does not support item assignment");
  });

  it('a surrogate pair is not the same string as the astral character... but equal in JS', () => {
    // JS cannot distinguish '\ud83d\ude00' from '😀': both are one code point here
    assert.strictEqual(m.len('\ud83d\ude00'), 1);
  });

  it('compares in code point order', () => {
    assert.strictEqual(m.richCompare('\uffff', '😀', m.LT), true);
    assert.strictEqual(m.richCompare('😀', '\uffff', m.GT), true);
    assert.strictEqual(m.richCompare('\ue000', '\ud800', m.GT), true, 'lone surrogate sorts by its value');
    assert.strictEqual(m.richCompare('a', 'b', m.LT), true);
    assert.strictEqual(m.richCompare('ab', 'a', m.GT), true);
    raises(() => m.richCompare('a', 1, m.LT), E.TypeError, "'<' not supported between instances of 'str' and 'int'");
  });

  it('contains and find return code point positions', () => {
    assert.strictEqual(m.contains(astral, '😀'), true);
    assert.strictEqual(m.contains('😀', '\ud83d'), false, 'half of a pair is not a substring');
    assert.strictEqual(call(astral, 'find', 'b'), 2);
    assert.strictEqual(call('a😀b😀c', 'rfind', '😀'), 3);
    assert.strictEqual(call('a😀b😀c', 'index', 'c'), 4);
    assert.strictEqual(call('a😀b😀c', 'count', '😀'), 2);
    raises(() => m.contains('a', 1), E.TypeError, "'in <string>' requires string as left operand, not int");
  });

  it('iterates by code point', () => {
    const it = m.iter(astral);
    const out = [];
    for (let v = m.next(it); v !== m.STOP; v = m.next(it)) out.push(v);
    assert.deepStrictEqual(out, ['a', '😀', 'b']);
  });
});

describe('model: repr / str / ascii', () => {
  it('str repr quoting and escapes', () => {
    assert.strictEqual(m.repr('abc'), "'abc'");
    assert.strictEqual(m.repr("a'b"), '"a\'b"');
    assert.strictEqual(m.repr('a\'"b'), "'a\\'\"b'");
    assert.strictEqual(m.repr('a\\b'), "'a\\\\b'");
    assert.strictEqual(m.repr('\t\n\r'), "'\\t\\n\\r'");
    assert.strictEqual(m.repr('\x00\x7f\x80\xa0\xad\u2028😀\udc80é'), "'\\x00\\x7f\\x80\\xa0\\xad\\u2028😀\\udc80é'");
    assert.strictEqual(m.ascii('é😀\udc80'), "'\\xe9\\U0001f600\\udc80'");
    assert.strictEqual(m.repr(''), "''");
  });

  it('bytes repr', () => {
    assert.strictEqual(m.repr(Buffer.from([0, 97, 39, 34, 0x80])), 'b\'\\x00a\\\'"\\x80\'');
    assert.strictEqual(m.repr(Buffer.from("'")), 'b"\'"');
    assert.strictEqual(m.repr(new Uint8Array([104, 105])), "b'hi'");
    assert.strictEqual(m.repr(Buffer.from('\t\n\\')), "b'\\t\\n\\\\'");
  });

  it('containers and other objects', () => {
    assert.strictEqual(m.repr([1, 'a', null, true, false]), "[1, 'a', None, True, False]");
    assert.strictEqual(m.repr(m.makeTuple([1])), '(1,)');
    assert.strictEqual(m.repr(m.makeTuple([])), '()');
    assert.strictEqual(m.repr({ a: [1, m.makeTuple([2])] }), "{'a': [1, (2,)]}");
    const l = [1]; l.push(l);
    assert.strictEqual(m.repr(l), '[1, [...]]');
    const d = {}; m.setitem(d, 'self', d);
    assert.strictEqual(m.repr(d), "{'self': {...}}");
    assert.strictEqual(m.repr(new Map([[1, 'x']])), "{1: 'x'}");
    assert.strictEqual(m.repr(undefined), 'None');
    assert.strictEqual(m.repr(S(1, 2)), 'slice(1, 2, None)');
    assert.strictEqual(m.repr(m.NotImplemented), 'NotImplemented');
    assert.strictEqual(m.repr(m.Ellipsis), 'Ellipsis');
    assert.strictEqual(m.repr(m.int), "<class 'int'>");
    assert.strictEqual(m.repr(m.type), "<class 'type'>");
    class Foo {}
    assert.strictEqual(m.repr(new Foo()), '<Foo object>');
    assert.strictEqual(m.repr(Foo), "<class 'Foo'>");
    assert.strictEqual(m.repr(function bar() {}), '<function bar>');
    class R { __repr__() { return 'R!'; } }
    assert.strictEqual(m.repr(new R()), 'R!');
    assert.strictEqual(m.pyStr(new R()), 'R!');
    class BadR { __repr__() { return 5; } }
    raises(() => m.repr(new BadR()), E.TypeError, '__repr__ returned non-string (type int)');
    class T { toString() { return 'custom'; } }
    assert.strictEqual(m.pyStr(new T()), 'custom');
  });

  it('str() of primitives', () => {
    assert.strictEqual(m.str('x'), 'x');
    assert.strictEqual(m.str(1.5), '1.5');
    assert.strictEqual(m.str(null), 'None');
    assert.strictEqual(m.str(2n ** 64n), '18446744073709551616');
    assert.strictEqual(m.str(Buffer.from('a')), "b'a'");
    assert.strictEqual(m.str(Buffer.from('h\xe9', 'latin1'), 'latin-1'), 'hé');
  });
});

describe('model: str methods', () => {
  it('split / rsplit / join / strip', () => {
    assert.deepStrictEqual(call('  a b  c ', 'split'), ['a', 'b', 'c']);
    assert.deepStrictEqual(call(' a b c ', 'split', null, 1), ['a', 'b c ']);
    assert.deepStrictEqual(call('  a b  c ', 'rsplit', null, 1), ['  a b', 'c']);
    assert.deepStrictEqual(call('a,b,,c', 'split', ','), ['a', 'b', '', 'c']);
    assert.deepStrictEqual(call('a,b,c', 'rsplit', ',', 1), ['a,b', 'c']);
    assert.deepStrictEqual(m.callMethod('a,b,c', 'split', [], { sep: ',', maxsplit: 1 }), ['a', 'b,c']);
    raises(() => call('a', 'split', ''), E.ValueError, 'empty separator');
    assert.strictEqual(call('-', 'join', ['x', 'y']), 'x-y');
    raises(() => call('', 'join', [1]), E.TypeError, 'sequence item 0: expected str instance, int found');
    assert.strictEqual(call('\x1c a \x85', 'strip'), 'a', 'Python whitespace');
    assert.strictEqual(call('\ufeff a', 'strip'), '\ufeff a', 'BOM is not whitespace');
    assert.strictEqual(call('xxaxx', 'strip', 'x'), 'a');
    assert.deepStrictEqual(call('a\nb\r\nc', 'splitlines'), ['a', 'b', 'c']);
  });

  it('case, predicates, padding', () => {
    assert.strictEqual(call('hello world', 'title'), 'Hello World');
    assert.strictEqual(call('ß', 'upper'), 'SS');
    assert.strictEqual(call('ß', 'title'), 'Ss');
    assert.strictEqual(call('Hello', 'swapcase'), 'hELLO');
    assert.strictEqual(call('ab', 'center', 7, '*'), '***ab**');
    assert.strictEqual(call('-42', 'zfill', 6), '-00042');
    assert.strictEqual(call('123', 'isdigit'), true);
    assert.strictEqual(call('١٢', 'isdecimal'), true);
    assert.strictEqual(call('', 'isdigit'), false);
    assert.strictEqual(call('abc', 'startswith', m.makeTuple(['x', 'a'])), true);
    assert.strictEqual(call('abc', 'endswith', 'b', 0, 2), true);
    assert.strictEqual(call('abc', 'replace', '', '-'), '-a-b-c-');
    assert.strictEqual(call('aaa', 'replace', 'a', 'b', 2), 'bba');
    assert.strictEqual(m.repr(call('ab', 'partition', 'x')), "('ab', '', '')");
  });

  it('encode / decode with errors', () => {
    assert.deepStrictEqual(call('é', 'encode'), Buffer.from([0xc3, 0xa9]));
    assert.ok(Buffer.isBuffer(call('abc', 'encode')));
    raises(() => call('\udc80', 'encode'), E.UnicodeEncodeError,
      "'utf-8' codec can't encode character '\\udc80' in position 0: surrogates not allowed");
    raises(() => call('é', 'encode', 'ascii'), E.UnicodeEncodeError,
      "'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)");
    assert.deepStrictEqual(call('a\udc80', 'encode', 'utf-8', 'surrogateescape'), Buffer.from([0x61, 0x80]));
    assert.deepStrictEqual(call('é', 'encode', 'ascii', 'backslashreplace'), Buffer.from('\\xe9'));
    raises(() => call('a', 'encode', 'zz'), E.LookupError, 'unknown encoding: zz');
    const dec = (b, ...a) => call(Buffer.from(b), 'decode', ...a);
    assert.strictEqual(dec([0xe2, 0x82, 0xac]), '€');
    raises(() => dec([0xff]), E.UnicodeDecodeError, "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    raises(() => dec([0xe2, 0x82]), E.UnicodeDecodeError, "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data");
    raises(() => dec([0x61, 0xe2, 0x82, 0x62]), E.UnicodeDecodeError, "'utf-8' codec can't decode bytes in position 1-2: invalid continuation byte");
    raises(() => dec([0xed, 0xa0, 0x80]), E.UnicodeDecodeError, /byte 0xed in position 0: invalid continuation byte/);
    assert.strictEqual(dec([0xff, 0x61], 'utf-8', 'replace'), '\ufffda');
    assert.strictEqual(dec([0x61, 0x80], 'utf-8', 'surrogateescape'), 'a\udc80');
    assert.strictEqual(dec([0xe9], 'latin-1'), 'é');
    const err = raises(() => dec([0x61, 0xff]), E.UnicodeDecodeError);
    assert.strictEqual(err.start, 1);
    assert.strictEqual(err.end, 2);
    assert.strictEqual(err.encoding, 'utf-8');
  });
});

describe('model: formatting', () => {
  it('format() mini-language', () => {
    const f = m.format;
    assert.strictEqual(f(3.14159, '>8.3f'), '   3.142');
    assert.strictEqual(f(1234567, ','), '1,234,567');
    assert.strictEqual(f(10, '_b'), '1010');
    assert.strictEqual(f(255, '#x'), '0xff');
    assert.strictEqual(f('ab', '^7'), '  ab   ');
    assert.strictEqual(f(42, '=+7'), '+    42');
    assert.strictEqual(f(-3.14159, '07.2f'), '-003.14');
    assert.strictEqual(f(1234567.891, ',.2f'), '1,234,567.89');
    assert.strictEqual(f(0.555, '.0%'), '56%');
    assert.strictEqual(f(0.5, '.0f'), '0', 'round half to even on the exact value');
    assert.strictEqual(f(2.5, '.0f'), '2');
    assert.strictEqual(f(0.125, '.2f'), '0.12');
    assert.strictEqual(f(1e22, 'f'), '10000000000000000000000.000000');
    assert.strictEqual(f(1234567, 'g'), '1.23457e+06');
    assert.strictEqual(f(1e16, ''), '1e+16');
    assert.strictEqual(f(9.995, '.2'), '1e+01');
    assert.strictEqual(f(-0.0, 'z.1f'), '0.0');
    assert.strictEqual(f(true, ''), 'True');
    assert.strictEqual(f(true, 'd'), '1');
    assert.strictEqual(f(null), 'None');
    raises(() => f(1.5, 'd'), E.ValueError, "Unknown format code 'd' for object of type 'float'");
    raises(() => f(null, 'd'), E.TypeError, 'unsupported format string passed to NoneType.__format__');
  });

  it('str.format', () => {
    assert.strictEqual(call('{0}{1}{0}|{x}|{y[0]}|{{}}', 'format', 'a', 'b', m.kw({ x: 1, y: [7] })), 'aba|1|7|{}');
    assert.strictEqual(call('{} {}', 'format', 1, 'x'), '1 x');
    assert.strictEqual(call('{!r:>5}', 'format', 'a'), "  'a'");
    assert.strictEqual(call('{:{w}.{p}f}', 'format', 3.14159, m.kw({ w: 8, p: 2 })), '    3.14');
    assert.strictEqual(call('{0.real}', 'format', m.complex(2, 3)), '2');
    raises(() => call('{0}{}', 'format', 1, 2), E.ValueError, 'cannot switch from manual field specification to automatic field numbering');
    raises(() => call('{}', 'format'), E.IndexError, 'Replacement index 0 out of range for positional args tuple');
  });

  it('printf-style %', () => {
    const t = (...a) => m.makeTuple(a);
    assert.strictEqual(m.mod('%5.2f|%-5d|%05d', t(3.14159, 42, -42)), ' 3.14|42   |-0042');
    assert.strictEqual(m.mod('%x %X %#x %#o %o', t(255, 255, 255, 8, -8)), 'ff FF 0xff 0o10 -10');
    assert.strictEqual(m.mod('%.2e|%G|%g', t(0.000123, 1e-10, 1e20)), '1.23e-04|1E-10|1e+20');
    assert.strictEqual(m.mod('%(a)s-%(b)r', { a: 1, b: 'x' }), "1-'x'");
    assert.strictEqual(m.mod('%s', [1]), '[1]');
    assert.strictEqual(m.mod('%s', t(t(1, 2))), '(1, 2)');
    assert.strictEqual(m.mod('%d', 2n ** 70n), '1180591620717411303424');
    assert.strictEqual(m.mod('%c%c%%', t(65, 'b')), 'Ab%');
    assert.strictEqual(m.mod('%*d|%.*f', t(5, 42, 2, 3.14159)), '   42|3.14');
    raises(() => m.mod('%s %s', t(1)), E.TypeError, 'not enough arguments for format string');
    raises(() => m.mod('%s', t(1, 2)), E.TypeError, 'not all arguments converted during string formatting');
    raises(() => m.mod('%d', 'x'), E.TypeError, '%d format: a real number is required, not str');
    assert.deepStrictEqual(m.mod(Buffer.from('%s-%d'), t(Buffer.from('ab'), 5)), Buffer.from('ab-5'));
  });
});

describe('model: bytes', () => {
  it('indexing, slicing, concatenation, repeat', () => {
    const b = Buffer.from('hello');
    assert.strictEqual(m.getitem(b, 1), 101);
    assert.strictEqual(m.getitem(b, -1), 111);
    const sl = m.getitem(b, S(1, 3));
    assert.ok(Buffer.isBuffer(sl));
    assert.strictEqual(sl.toString(), 'el');
    sl[0] = 0;
    assert.strictEqual(b[1], 101, 'a slice is a copy');
    assert.deepStrictEqual(m.add(Buffer.from('a'), new Uint8Array([98])), Buffer.from('ab'));
    assert.deepStrictEqual(m.mul(Buffer.from('ab'), 2), Buffer.from('abab'));
    raises(() => m.add(Buffer.from('a'), 'a'), E.TypeError, "can't concat str to bytes");
    raises(() => m.getitem(b, 9), E.IndexError, 'index out of range');
    assert.strictEqual(m.contains(b, 104), true);
    assert.strictEqual(m.contains(b, Buffer.from('ll')), true);
    raises(() => m.contains(b, 'h'), E.TypeError, "a bytes-like object is required, not 'str'");
    raises(() => m.setitem(b, 0, 1), E.TypeError, "'bytes' object does not support item assignment");
  });

  it('bytesOf and bytes()', () => {
    assert.deepStrictEqual(m.bytesOf([1, 2, 3]), Buffer.from([1, 2, 3]));
    assert.ok(Buffer.isBuffer(m.bytesOf(new Uint8Array([1]))));
    raises(() => m.bytesOf('x'), E.TypeError, "cannot convert 'str' object to bytes");
    raises(() => m.bytesOf(5), E.TypeError, "cannot convert 'int' object to bytes");
    raises(() => m.bytesOf([256]), E.ValueError, 'bytes must be in range(0, 256)');
    class BB { __bytes__() { return Buffer.from('zz'); } }
    assert.deepStrictEqual(m.bytesOf(new BB()), Buffer.from('zz'));
    assert.deepStrictEqual(m.bytes(3), Buffer.alloc(3));
    assert.deepStrictEqual(m.bytes('é', 'utf-8'), Buffer.from('é'));
    raises(() => m.bytes('x'), E.TypeError, 'string argument without an encoding');
    raises(() => m.bytes(-1), E.ValueError, 'negative count');
    assert.strictEqual(call(Buffer.from('abc'), 'hex'), '616263');
    assert.deepStrictEqual(call(Buffer.from('a b'), 'split'), [Buffer.from('a'), Buffer.from('b')]);
    assert.deepStrictEqual(m.getattr(m.bytes, 'fromhex')('61 62'), Buffer.from('ab'));
  });
});
