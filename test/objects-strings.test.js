'use strict';
// Strings and bytes exercised from C (test/ext/obj_strings.c): every HPyUnicode_* and HPyBytes_*
// context function, with encodings (UTF-8, ASCII, Latin-1), error handlers (strict, replace,
// ignore, ...), astral characters and lone surrogates, checked against CPython's results.
const assert = require('assert');
const { throwsPy } = require('./assert-py');
const hpy = require('..');
const { loadTestExt } = require('./helpers');

const { builtins: B } = hpy;
const m = loadTestExt('obj_strings');
const b = (...x) => Buffer.from(x.length === 1 && typeof x[0] === 'string' ? x[0] : x, typeof x[0] === 'string' ? 'latin1' : undefined);
const bytesOf = (v) => [...v];


describe('objects: str from C', () => {
  it('HPyUnicode_FromString decodes strict UTF-8, astral characters included', () => {
    assert.strictEqual(m.from_string(Buffer.from('héllo😀')), 'héllo😀');
    assert.strictEqual(m.from_string(Buffer.alloc(0)), '');
    throwsPy(() => m.from_string(b('a\xffb')), B.UnicodeDecodeError,
      /'utf-8' codec can't decode byte 0xff in position 1: invalid start byte/);
    // an encoded surrogate is invalid UTF-8
    throwsPy(() => m.from_string(b('\xed\xa0\x80')), B.UnicodeDecodeError, /'utf-8' codec can't decode byte 0xed in position 0/);
  });
  it('HPyUnicode_Check', () => {
    assert.strictEqual(m.unicode_check('a'), 1);
    assert.strictEqual(m.unicode_check(''), 1);
    assert.strictEqual(m.unicode_check(Buffer.from('a')), 0);
    assert.strictEqual(m.unicode_check(1), 0);
    assert.strictEqual(m.unicode_check(null), 0);
  });
  it('HPyUnicode_AsUTF8AndSize: UTF-8 bytes, size in bytes, NUL-terminated, embedded NULs kept', () => {
    const [bytes, size, nul] = m.as_utf8_and_size('a😀é');
    assert.deepStrictEqual(bytesOf(bytes), [0x61, 0xf0, 0x9f, 0x98, 0x80, 0xc3, 0xa9]);
    assert.strictEqual(size, 7);
    assert.strictEqual(nul, true);
    assert.deepStrictEqual([...m.as_utf8_and_size('')].map((x) => (Buffer.isBuffer(x) ? x.length : x)), [0, 0, true]);
    const [b2, n2] = m.as_utf8_and_size('a\0b');
    assert.deepStrictEqual(bytesOf(b2), [0x61, 0, 0x62]);
    assert.strictEqual(n2, 3);
    assert.deepStrictEqual(bytesOf(m.as_utf8_nosize('a\0b')), [0x61]);
  });
  it('HPyUnicode_AsUTF8AndSize of a lone surrogate raises UnicodeEncodeError', () => {
    throwsPy(() => m.as_utf8_and_size('\ud800'), B.UnicodeEncodeError,
      /'utf-8' codec can't encode character '\\ud800' in position 0: surrogates not allowed/);
    throwsPy(() => m.as_utf8_and_size('ab\udc00'), B.UnicodeEncodeError, /position 2: surrogates not allowed/);
  });
  it('HPyUnicode_AsUTF8AndSize and HPy_Length around the sizes read in one Node-API call', () => {
    const p = loadTestExt('obj_protocol');
    for (let bytes = 500; bytes <= 520; bytes++) {
      for (const wide of ['é', '€', '😀']) {
        const w = Buffer.byteLength(wide);
        const s = wide.repeat(Math.floor(bytes / w)) + 'a'.repeat(bytes % w);
        const [u, n, nul] = m.as_utf8_and_size(s);
        assert.strictEqual(n, bytes);
        assert.ok(u.equals(Buffer.from(s)), `${bytes} bytes of ${wide}`);
        assert.strictEqual(nul, true);
      }
    }
    for (let units = 250; units <= 260; units++) {
      const s = 'x'.repeat(units - 2) + '😀';  // the pair straddles the end of a 256-unit buffer
      assert.strictEqual(p.length(s), units - 1);
      assert.strictEqual(p.length(s.slice(0, -1)), units - 1);  // a lone high surrogate counts once
    }
    throwsPy(() => m.as_utf8_and_size('é'.repeat(150) + '\udc00'), B.UnicodeEncodeError, /position 150/);
    throwsPy(() => m.as_utf8_and_size('é'.repeat(400) + '\ud800'), B.UnicodeEncodeError, /position 400/);
  });
  it('HPyUnicode_AsUTF8AndSize of a non-str raises TypeError', () => {
    throwsPy(() => m.as_utf8_and_size(Buffer.from('x')), B.TypeError, /bad argument type for built-in operation/);
  });
  it('UTF-8 made in C reads back identically', () => {
    assert.strictEqual(m.utf8_roundtrip(Buffer.from('a😀\u0800\u07ff\u{10ffff}')), true);
  });
  it('HPyUnicode_AsASCIIString / AsLatin1String / AsUTF8String (strict)', () => {
    assert.deepStrictEqual(bytesOf(m.as_ascii('abc')), [97, 98, 99]);
    assert.ok(Buffer.isBuffer(m.as_ascii('abc')));
    throwsPy(() => m.as_ascii('é'), B.UnicodeEncodeError,
      /'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range\(128\)/);
    assert.deepStrictEqual(bytesOf(m.as_latin1('é\xff')), [0xe9, 0xff]);
    throwsPy(() => m.as_latin1('x€'), B.UnicodeEncodeError,
      /'latin-1' codec can't encode character '\\u20ac' in position 1: ordinal not in range\(256\)/);
    throwsPy(() => m.as_latin1('😀'), B.UnicodeEncodeError, /character '\\U0001f600' in position 0/);
    assert.deepStrictEqual(bytesOf(m.as_utf8('😀')), [0xf0, 0x9f, 0x98, 0x80]);
    throwsPy(() => m.as_utf8('\ud800'), B.UnicodeEncodeError, /surrogates not allowed/);
    throwsPy(() => m.as_utf8(1), B.TypeError, /bad argument type for built-in operation/);
    throwsPy(() => m.as_ascii(Buffer.from('x')), B.TypeError, /bad argument type for built-in operation/);
  });
  it('the UnicodeEncodeError carries encoding, object, start, end and reason', () => {
    assert.throws(() => m.as_ascii('abé'), (e) => {
      assert.ok(e instanceof B.UnicodeEncodeError);
      assert.strictEqual(hpy.getattr(e, 'encoding'), 'ascii');
      assert.strictEqual(hpy.getattr(e, 'object'), 'abé');
      assert.strictEqual(hpy.getattr(e, 'start'), 2);
      assert.strictEqual(hpy.getattr(e, 'end'), 3);
      assert.strictEqual(hpy.getattr(e, 'reason'), 'ordinal not in range(128)');
      return true;
    });
  });
  it('HPyUnicode_EncodeFSDefault uses UTF-8 with surrogateescape', () => {
    assert.deepStrictEqual(bytesOf(m.encode_fs('é')), [0xc3, 0xa9]);
    assert.deepStrictEqual(bytesOf(m.encode_fs('a\udcff')), [0x61, 0xff]);
    throwsPy(() => m.encode_fs('\ud800'), B.UnicodeEncodeError, /surrogates not allowed/);
  });
  it('HPyUnicode_DecodeFSDefault uses UTF-8 with surrogateescape', () => {
    assert.strictEqual(m.decode_fs(Buffer.from('é')), 'é');
    assert.strictEqual(m.decode_fs(b('a\xff')), 'a\udcff');
    assert.strictEqual(m.decode_fs_size(b('\xff\0'), 2), '\udcff\0');
  });
  it('HPyUnicode_DecodeFSDefaultAndSize keeps embedded NULs', () => {
    assert.strictEqual(m.decode_fs_size(b('a\0b'), 3), 'a\0b');
    assert.strictEqual(m.decode_fs_size(b('abc'), 2), 'ab');
  });
  it('HPyUnicode_FromWideChar: UCS-4 wchar_t, explicit size or NUL-terminated', () => {
    assert.strictEqual(m.wchar_size(), 4);
    assert.strictEqual(m.from_wide([0x68, 0x1f600, 0xe9], false), 'h😀é');
    assert.strictEqual(m.from_wide([0x68, 0, 0x69], false), 'h\0i');
    assert.strictEqual(m.from_wide([0x68, 0x69], true), 'hi');
    assert.strictEqual(m.from_wide([0x68, 0, 0x69], true), 'h');
    assert.strictEqual(m.from_wide([], false), '');
    assert.strictEqual(m.from_wide([0xd800], false), '\ud800');
    throwsPy(() => m.from_wide([0x110000], false), B.ValueError, /character U\+110000 is not in range \[U\+0000; U\+10ffff\]/);
  });
  it('HPyUnicode_DecodeASCII with the strict, replace and ignore handlers', () => {
    assert.strictEqual(m.decode_ascii(b('abc')), 'abc');
    throwsPy(() => m.decode_ascii(b('a\xffb')), B.UnicodeDecodeError,
      /'ascii' codec can't decode byte 0xff in position 1: ordinal not in range\(128\)/);
    throwsPy(() => m.decode_ascii(b('a\xffb'), 'strict'), B.UnicodeDecodeError, /position 1/);
    assert.strictEqual(m.decode_ascii(b('a\xffb'), 'replace'), 'a\ufffdb');
    assert.strictEqual(m.decode_ascii(b('a\xffb'), 'ignore'), 'ab');
    throwsPy(() => m.decode_ascii(b('a\xffb'), 'bogus'), B.LookupError, /unknown error handler name 'bogus'/);
  });
  it('HPyUnicode_DecodeASCII/DecodeLatin1 look an error handler up only when a byte needs it', () => {
    assert.strictEqual(m.decode_ascii(b('abc'), 'bogus'), 'abc');
    assert.strictEqual(m.decode_latin1(b('\xe9'), 'bogus'), 'é');
  });
  it('HPyUnicode_DecodeASCII with the surrogateescape and backslashreplace handlers', () => {
    assert.strictEqual(m.decode_ascii(b('a\xffb'), 'surrogateescape'), 'a\udcffb');
    assert.strictEqual(m.decode_ascii(b('a\xffb'), 'backslashreplace'), 'a\\xffb');
  });
  it('a UnicodeDecodeError from FromEncodedObject carries encoding, object, start, end and reason', () => {
    assert.throws(() => m.from_encoded(b('ab\xe9'), 'utf-8'), (e) => {
      assert.ok(e instanceof B.UnicodeDecodeError);
      assert.strictEqual(hpy.getattr(e, 'encoding'), 'utf-8');
      assert.deepStrictEqual(bytesOf(hpy.getattr(e, 'object')), [0x61, 0x62, 0xe9]);
      assert.strictEqual(hpy.getattr(e, 'start'), 2);
      assert.strictEqual(hpy.getattr(e, 'end'), 3);
      assert.strictEqual(hpy.getattr(e, 'reason'), 'unexpected end of data');
      return true;
    });
  });
  it('a UnicodeDecodeError from DecodeASCII carries encoding, object, start, end and reason', () => {
    assert.throws(() => m.decode_ascii(b('ab\x80')), (e) => {
      assert.ok(e instanceof B.UnicodeDecodeError);
      assert.ok(e instanceof B.UnicodeError && e instanceof B.ValueError);
      assert.strictEqual(hpy.getattr(e, 'encoding'), 'ascii');
      assert.deepStrictEqual(bytesOf(hpy.getattr(e, 'object')), [0x61, 0x62, 0x80]);
      assert.strictEqual(hpy.getattr(e, 'start'), 2);
      assert.strictEqual(hpy.getattr(e, 'end'), 3);
      return true;
    });
  });
  it('HPyUnicode_DecodeLatin1 maps every byte', () => {
    assert.strictEqual(m.decode_latin1(b('\xe9\xff\0')), 'é\xff\0');
    assert.strictEqual(m.decode_latin1(b('\xe9'), 'strict'), 'é');
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const s = m.decode_latin1(all);
    assert.strictEqual(hpy.len(s), 256);
    assert.strictEqual(s.codePointAt(255), 255);
  });
  it('HPyUnicode_FromEncodedObject: encodings, default UTF-8, error handlers', () => {
    assert.strictEqual(m.from_encoded(b('\xe9'), 'latin-1'), 'é');
    assert.strictEqual(m.from_encoded(b('\xc3\xa9')), 'é');
    assert.strictEqual(m.from_encoded(b('\xf0\x9f\x98\x80'), 'UTF8'), '😀');
    assert.strictEqual(m.from_encoded(b('\xff\xfea\0'), 'utf-16'), 'a');
    throwsPy(() => m.from_encoded(b('\xe9'), null, null), B.UnicodeDecodeError,
      /'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data/);
    assert.strictEqual(m.from_encoded(b('a\xe9b'), 'utf-8', 'replace'), 'a\ufffdb');
    assert.strictEqual(m.from_encoded(b('a\xe9b'), 'utf-8', 'ignore'), 'ab');
    assert.strictEqual(m.from_encoded(b('a\xe9b'), 'utf-8', 'backslashreplace'), 'a\\xe9b');
    assert.strictEqual(m.from_encoded(b('\xed\xa0\x80'), 'utf-8', 'surrogatepass'), '\ud800');
    throwsPy(() => m.from_encoded(b('a\xe9b'), 'ascii', 'strict'), B.UnicodeDecodeError,
      /'ascii' codec can't decode byte 0xe9 in position 1: ordinal not in range\(128\)/);
    throwsPy(() => m.from_encoded(b('ab'), 'nope'), B.LookupError, /unknown encoding: nope/);
  });
  it('HPyUnicode_FromEncodedObject accepts any bytes-like object, never a str', () => {
    assert.strictEqual(m.from_encoded(new Uint8Array([0x61, 0x62])), 'ab');
    throwsPy(() => m.from_encoded('str'), B.TypeError, /decoding str is not supported/);
    throwsPy(() => m.from_encoded('str', 'utf-8'), B.TypeError, /decoding str is not supported/);
    throwsPy(() => m.from_encoded(5), B.TypeError, /decoding to str: need a bytes-like object, int found/);
  });
  it('HPyUnicode_ReadChar reads code points', () => {
    assert.strictEqual(m.read_char('a😀b', 0), 0x61);
    assert.strictEqual(m.read_char('a😀b', 1), 0x1f600);
    assert.strictEqual(m.read_char('a😀b', 2), 0x62);
    assert.strictEqual(m.read_char('\ud800', 0), 0xd800);
    assert.strictEqual(m.read_char('x\udc00\ud800', 2), 0xd800);
    throwsPy(() => m.read_char('ab', 2), B.IndexError, /string index out of range/);
    throwsPy(() => m.read_char('a😀', 2), B.IndexError, /string index out of range/);
    throwsPy(() => m.read_char('ab', -1), B.IndexError, /string index out of range/);
    throwsPy(() => m.read_char(Buffer.from('ab'), 0), B.TypeError, /bad argument type for built-in operation/);
  });
  it('a C loop reads a str by code point (HPy_Length, ReadChar, GetItem_i, GetItem), long strs included', () => {
    const pairs = '😀'.repeat(70) + 'x' + '𝄞é'.repeat(40);  // marks every 64 code points, pairs across them
    const lone = 'a\ud800b\udc00' + '\ud83d'.repeat(3) + '😀\udbff';  // lone surrogates count one each
    // (strs over 1024 units are read through JS for the first reads of a handle, then copied)
    for (const s of ['', 'a', 'plain ascii', 'naïve — ü', 'a😀b', pairs, lone, pairs + lone + 'z'.repeat(300), 'é'.repeat(1000),
      'x😀'.repeat(700) + lone, 'long ascii '.repeat(200)]) {
      const cps = [];  // Python's code points: a pair is one, a lone surrogate one
      for (let u = 0; u < s.length; u++) {
        const c = s.charCodeAt(u), d = s.charCodeAt(u + 1);
        if (c >= 0xd800 && c < 0xdc00 && d >= 0xdc00 && d < 0xe000) cps.push(s.slice(u, ++u + 1));
        else cps.push(s[u]);
      }
      const [n, chars, items, backwards] = m.scan(s);
      assert.strictEqual(n, cps.length, JSON.stringify(s));
      assert.deepStrictEqual(chars, cps.map((c) => c.codePointAt(0)));
      assert.deepStrictEqual(items, cps);
      assert.deepStrictEqual(backwards, [...cps].reverse());
    }
    const mp = loadTestExt('obj_protocol');
    throwsPy(() => mp.getitem_i(pairs, 70 + 1 + 80), B.IndexError, /string index out of range/);
    throwsPy(() => mp.getitem_i(pairs, -(70 + 1 + 80) - 1), B.IndexError, /string index out of range/);
    assert.strictEqual(mp.getitem_i(pairs, -1), 'é');
    assert.strictEqual(m.read_char(pairs, 70), 0x78);
    throwsPy(() => m.read_char(pairs, 151), B.IndexError, /string index out of range/);
  });
  it('HPyUnicode_Substring counts code points; negative bounds raise IndexError', () => {
    assert.strictEqual(m.substring('a😀bc', 1, 3), '😀b');
    assert.strictEqual(m.substring('😀😀😀', 1, 2), '😀');
    assert.strictEqual(m.substring('abc', 1, 100), 'bc');
    assert.strictEqual(m.substring('abc', 2, 1), '');
    assert.strictEqual(m.substring('abc', 0, 3), 'abc');
    assert.strictEqual(m.substring('abc', 3, 3), '');
    assert.strictEqual(m.substring('abc', 5, 9), '');
    throwsPy(() => m.substring('abc', -1, 2), B.IndexError, /string index out of range/);
    throwsPy(() => m.substring('abc', 1, -1), B.IndexError, /string index out of range/);
    throwsPy(() => m.substring(Buffer.from('abc'), 0, 1), B.TypeError);
  });
  it('lengths and indexing of astral strings from C agree with code points', () => {
    const s = 'x😀y\u{10ffff}';
    assert.strictEqual(hpy.len(s), 4);
    assert.strictEqual(m.read_char(s, 3), 0x10ffff);
    assert.strictEqual(m.substring(s, 3, 4), '\u{10ffff}');
  });
});

describe('objects: bytes from C', () => {
  it('HPyBytes_Check: Buffers and Uint8Arrays are bytes', () => {
    assert.strictEqual(m.bytes_check(Buffer.alloc(0)), 1);
    assert.strictEqual(m.bytes_check(new Uint8Array(2)), 1);
    assert.strictEqual(m.bytes_check('a'), 0);
    assert.strictEqual(m.bytes_check([97]), 0);
    assert.strictEqual(m.bytes_check(null), 0);
  });
  it('HPyBytes_Size / HPyBytes_GET_SIZE', () => {
    assert.strictEqual(m.bytes_size(Buffer.from('abc')), 3);
    assert.strictEqual(m.bytes_size(new Uint8Array(5)), 5);
    assert.strictEqual(m.bytes_get_size(Buffer.from('ab')), 2);
    assert.strictEqual(m.bytes_size(Buffer.alloc(0)), 0);
    throwsPy(() => m.bytes_size('abc'), B.TypeError, /expected bytes, str found/);
    throwsPy(() => m.bytes_size([1]), B.TypeError, /expected bytes, list found/);
  });
  it('HPyBytes_AsString / AS_STRING: the bytes, NUL-terminated, embedded NULs kept', () => {
    const [copy, nul] = m.bytes_as_string(b('a\0b'));
    assert.deepStrictEqual(bytesOf(copy), [0x61, 0, 0x62]);
    assert.strictEqual(nul, true);
    const [, nul2] = m.bytes_as_string(new Uint8Array([1, 2, 3]));
    assert.strictEqual(nul2, true);
    const [, nul3] = m.bytes_as_string(Buffer.from('abc').subarray(1, 2)); // a view into a larger buffer
    assert.strictEqual(nul3, true);
    assert.deepStrictEqual(bytesOf(m.bytes_AS_STRING(Buffer.from('xy'))), [0x78, 0x79]);
    throwsPy(() => m.bytes_as_string('x'), B.TypeError, /expected bytes, str found/);
  });
  it('HPyBytes_AsString stays NUL-terminated when JS then writes the buffer next to it', () => {
    // Small Buffers share Node's pool: an 8-byte one may end right where the next one begins.
    let a, next;
    for (let i = 0; i < 100 && !next; i++) {
      const x = Buffer.from('abcdefgh'), y = Buffer.from([0, 0, 0, 0]);
      if (x.buffer === y.buffer && y.byteOffset === x.byteOffset + 8) [a, next] = [x, y];
    }
    assert.ok(next, 'no adjacent pool buffers to test with');
    assert.strictEqual(m.bytes_as_string_then_call(a, () => { next.fill(0x41); }), 8);
  });
  it('HPyBytes_FromString stops at the first NUL; FromStringAndSize takes exactly n bytes', () => {
    const r = m.bytes_from_string(b('ab\0cd'));
    assert.ok(Buffer.isBuffer(r));
    assert.deepStrictEqual(bytesOf(r), [0x61, 0x62]);
    assert.deepStrictEqual(bytesOf(m.bytes_from_string_and_size(b('ab\0cd'), 5)), [0x61, 0x62, 0, 0x63, 0x64]);
    assert.deepStrictEqual(bytesOf(m.bytes_from_string_and_size(b('abcd'), 2)), [0x61, 0x62]);
    assert.deepStrictEqual(bytesOf(m.bytes_from_string_and_size(b('abcd'), 0)), []);
  });
  it('HPyBytes_FromStringAndSize errors: negative size, NULL pointer', () => {
    throwsPy(() => m.bytes_from_string_and_size(b('abcd'), -1), B.SystemError, /Negative size passed to/);
    throwsPy(() => m.bytes_from_null(3), B.ValueError, /NULL char \* passed to HPyBytes_FromStringAndSize/);
  });
  it('a bytes object made in C owns a copy of the C buffer', () => {
    assert.strictEqual(m.bytes_copy_semantics().toString(), 'abcd');
  });
});
