// Python str on JS strings: code-point length/indexing/slicing, comparison
// in code point order, repr/ascii escaping, encoding and decoding.

/* eslint-disable @typescript-eslint/no-explicit-any */
import * as E from './exceptions';

const SURR = /[\uD800-\uDFFF]/;

export function hasSurrogates(s: string): boolean {
  return SURR.test(s);
}

// The last long string found without surrogates: a JS loop indexing one str (getitem(s, i) per
// item) would otherwise scan all of it on every read.
let lastPlain: string | null = null;

function plain(s: string): boolean {
  if (s === lastPlain) return true;
  if (SURR.test(s)) return false;
  if (s.length > 16) lastPlain = s;
  return true;
}

/** number of code points (a surrogate pair counts 1, a lone surrogate 1) */
export function cpLength(s: string): number {
  if (plain(s)) return s.length;
  if (s === lastStr) return lastCps.length;
  let n = 0;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

let lastStr: string | null = null;
let lastCps: string[] = [];

/** the code points of s as an array of strings (cached for the last string) */
export function cpArray(s: string): string[] {
  if (s === lastStr) return lastCps;
  const a = Array.from(s);
  if (s.length > 16) { lastStr = s; lastCps = a; }
  return a;
}

/** s[i] in code points; i must be in range (already normalised) */
export function cpAt(s: string, i: number): string {
  if (plain(s)) return s[i];
  return cpArray(s)[i];
}

/** s[start:stop:step] with normalised indices (see sliceIndices) */
export function cpSlice(s: string, start: number, stop: number, step: number, count: number): string {
  if (!SURR.test(s)) {
    if (step === 1) return s.slice(start, stop);
    let out = '';
    for (let i = 0, j = start; i < count; i++, j += step) out += s[j];
    return out;
  }
  const a = cpArray(s);
  if (step === 1) return a.slice(start, stop).join('');
  let out = '';
  for (let i = 0, j = start; i < count; i++, j += step) out += a[j];
  return out;
}

/** code unit offset -> code point index */
export function unitToCp(s: string, unit: number): number {
  if (unit < 0 || !SURR.test(s)) return unit;
  return cpLength(s.slice(0, unit));
}

/** code point index -> code unit offset */
export function cpToUnit(s: string, cp: number): number {
  if (cp <= 0 || !SURR.test(s)) return cp;
  let u = 0;
  const len = s.length;
  for (let n = 0; n < cp && u < len; n++) {
    const c = s.charCodeAt(u);
    if (c >= 0xd800 && c <= 0xdbff && u + 1 < len) {
      const d = s.charCodeAt(u + 1);
      u += d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
    } else u++;
  }
  return u;
}

/** compare strings in code point order: -1, 0, 1 */
export function compare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
  const x = a.charCodeAt(i), y = b.charCodeAt(i);
  const sx = x >= 0xd800 && x <= 0xdfff, sy = y >= 0xd800 && y <= 0xdfff;
  if (!sx && !sy) return x < y ? -1 : 1;
  // a shared high surrogate before i: is each side's unit its low half?
  if (i > 0) {
    const h = a.charCodeAt(i - 1);
    if (h >= 0xd800 && h <= 0xdbff && !(i > 1 && isPairAt(a, i - 2))) {
      const px = x >= 0xdc00 && x <= 0xdfff, py = y >= 0xdc00 && y <= 0xdfff;
      if (px && py) return x < y ? -1 : 1;
      if (px) return 1;
      if (py) return -1;
      return x < y ? -1 : 1;
    }
  }
  const cx = a.codePointAt(i)!, cy = b.codePointAt(i)!;
  return cx < cy ? -1 : cx > cy ? 1 : 0;
}

function isPairAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

// ---------------------------------------------------------------------------
// repr

const NONPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const SIMPLE = /^[\x20-\x7e]*$/;

export function isPrintableChar(ch: string): boolean {
  return ch === ' ' || !NONPRINTABLE.test(ch);
}

function hex(n: number, w: number): string {
  return n.toString(16).padStart(w, '0');
}

export function escapeCp(cp: number): string {
  if (cp < 0x100) return '\\x' + hex(cp, 2);
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

/** Python repr() of a str (asciiOnly: ascii()) */
export function repr(s: string, asciiOnly = false): string {
  const hasSq = s.includes("'");
  const quote = hasSq && !s.includes('"') ? '"' : "'";
  if (SIMPLE.test(s) && !s.includes('\\') && (!hasSq || quote === '"')) return quote + s + quote;
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x7f) out += ch;
    else if (asciiOnly || !isPrintableChar(ch)) out += escapeCp(cp);
    else out += ch;
  }
  return out + quote;
}

// ---------------------------------------------------------------------------
// whitespace, case

export const WS_CLASS = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
export const WS_RE = new RegExp(`[${WS_CLASS}]+`, 'g');
const WS_ONLY = new RegExp(`^[${WS_CLASS}]+$`);
export function isSpace(s: string): boolean { return s.length > 0 && WS_ONLY.test(s); }

// ---------------------------------------------------------------------------
// codecs

export function normEncoding(enc: any): string {
  if (enc == null) return 'utf-8';
  if (typeof enc !== 'string') throw new E.TypeError(`encode() argument 'encoding' must be str, not ${typeof enc}`);
  const e = enc.toLowerCase().replace(/_/g, '-').trim();
  switch (e) {
    case 'utf-8': case 'utf8': case 'u8': case 'utf': case 'cp65001': return 'utf-8';
    case 'ascii': case 'us-ascii': case '646': return 'ascii';
    case 'latin-1': case 'latin1': case 'iso-8859-1': case 'iso8859-1': case 'l1': case '8859': case 'cp819': case 'latin': return 'latin-1';
    case 'utf-16': case 'utf16': return 'utf-16';
    case 'utf-16-le': case 'utf-16le': return 'utf-16-le';
    case 'utf-16-be': case 'utf-16be': return 'utf-16-be';
    case 'utf-32': case 'utf32': return 'utf-32';
    case 'utf-32-le': case 'utf-32le': return 'utf-32-le';
    case 'utf-32-be': case 'utf-32be': return 'utf-32-be';
    default: throw new E.LookupError(`unknown encoding: ${enc}`);
  }
}

function checkErrors(errors: any): string {
  if (errors == null) return 'strict';
  if (typeof errors !== 'string') throw new E.TypeError('errors must be str');
  return errors;
}

function encodeError(enc: string, s: string, cps: string[], start: number, end: number, reason: string, errors: string, out: number[], repl: (cp: number) => void): number {
  switch (errors) {
    case 'strict':
      throw new E.UnicodeEncodeError(enc, s, start, end, reason);
    case 'ignore':
      return end;
    case 'replace':
      for (let i = start; i < end; i++) out.push(0x3f);
      return end;
    case 'backslashreplace':
      for (let i = start; i < end; i++) for (const c of escapeCp(cps[i].codePointAt(0)!)) out.push(c.charCodeAt(0));
      return end;
    case 'xmlcharrefreplace':
      for (let i = start; i < end; i++) for (const c of `&#${cps[i].codePointAt(0)};`) out.push(c.charCodeAt(0));
      return end;
    case 'surrogateescape': {
      for (let i = start; i < end; i++) {
        const cp = cps[i].codePointAt(0)!;
        if (cp >= 0xdc80 && cp <= 0xdcff) out.push(cp - 0xdc00);
        else throw new E.UnicodeEncodeError(enc, s, i, i + 1, reason);
      }
      return end;
    }
    case 'surrogatepass': {
      for (let i = start; i < end; i++) {
        const cp = cps[i].codePointAt(0)!;
        if (cp >= 0xd800 && cp <= 0xdfff && enc === 'utf-8') repl(cp);
        else throw new E.UnicodeEncodeError(enc, s, i, i + 1, reason);
      }
      return end;
    }
    default:
      throw new E.LookupError(`unknown error handler name '${errors}'`);
  }
}

/** str.encode(encoding, errors) -> Buffer */
export function encode(s: string, encoding?: any, errors?: any): Buffer {
  const enc = normEncoding(encoding);
  const err = checkErrors(errors);
  if (enc === 'utf-8') {
    if (!SURR.test(s)) return Buffer.from(s, 'utf8');
    if ((s as any).isWellFormed?.() ?? !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)) return Buffer.from(s, 'utf8');
  }
  if (enc === 'utf-16' || enc === 'utf-16-le' || enc === 'utf-16-be') {
    const body = Buffer.from(s, 'utf16le');
    if (enc === 'utf-16-be') body.swap16();
    return enc === 'utf-16' ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
  }
  const cps = Array.from(s);
  const out: number[] = [];
  if (enc === 'utf-32' || enc === 'utf-32-le' || enc === 'utf-32-be') {
    const buf = Buffer.alloc(4 * cps.length + (enc === 'utf-32' ? 4 : 0));
    let o = 0;
    if (enc === 'utf-32') { buf.writeUInt32LE(0xfeff, 0); o = 4; }
    for (const c of cps) {
      if (enc === 'utf-32-be') buf.writeUInt32BE(c.codePointAt(0)!, o); else buf.writeUInt32LE(c.codePointAt(0)!, o);
      o += 4;
    }
    return buf;
  }
  const limit = enc === 'ascii' ? 0x80 : enc === 'latin-1' ? 0x100 : 0x110000;
  const reason = enc === 'utf-8' ? 'surrogates not allowed' : `ordinal not in range(${limit})`;
  const pushUtf8 = (cp: number): void => {
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  };
  for (let i = 0; i < cps.length;) {
    const cp = cps[i].codePointAt(0)!;
    const bad = enc === 'utf-8' ? cp >= 0xd800 && cp <= 0xdfff : cp >= limit;
    if (!bad) {
      if (enc === 'utf-8') pushUtf8(cp); else out.push(cp);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < cps.length) {
      const c = cps[j].codePointAt(0)!;
      if (enc === 'utf-8' ? c >= 0xd800 && c <= 0xdfff : c >= limit) j++; else break;
    }
    i = encodeError(enc, s, cps, i, j, reason, err, out, pushUtf8);
  }
  return Buffer.from(out);
}

function utf8Error(b: Uint8Array, i: number): [number, string] | null {
  // returns [length of the invalid sequence, reason] for a bad sequence at i, or null
  const n = b.length;
  const c = b[i];
  let need: number, lo = 0x80, hi = 0xbf;
  if (c < 0x80) return null;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    if (c === 0xe0) lo = 0xa0;
    if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    if (c === 0xf0) lo = 0x90;
    if (c === 0xf4) hi = 0x8f;
  } else return [1, 'invalid start byte'];
  for (let k = 1; k <= need; k++) {
    if (i + k >= n) return [k, 'unexpected end of data'];
    const d = b[i + k];
    const l = k === 1 ? lo : 0x80, h = k === 1 ? hi : 0xbf;
    if (d < l || d > h) return [k, 'invalid continuation byte'];
  }
  return null;
}

function seqLen(c: number): number {
  return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

let fatalDecoder: any;

/** bytes.decode(encoding, errors) -> str */
export function decode(b: Uint8Array, encoding?: any, errors?: any): string {
  const enc = normEncoding(encoding);
  const err = checkErrors(errors);
  const buf = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (enc === 'utf-8') {
    fatalDecoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    try {
      return fatalDecoder.decode(buf);
    } catch { /* fall through to the slow path that reports the error */ }
    let out = '';
    let i = 0, runStart = 0;
    while (i < buf.length) {
      const c = buf[i];
      if (c < 0x80) { i++; continue; }
      const bad = utf8Error(buf, i);
      if (!bad) { i += seqLen(c); continue; }
      out += buf.toString('utf8', runStart, i);
      const [len, reason] = bad;
      switch (err) {
        case 'strict': throw new E.UnicodeDecodeError('utf-8', Buffer.from(buf), i, i + len, reason);
        case 'ignore': break;
        case 'replace': out += '\ufffd'; break;
        case 'backslashreplace': for (let k = 0; k < len; k++) out += '\\x' + hex(buf[i + k], 2); break;
        case 'surrogateescape': for (let k = 0; k < len; k++) out += String.fromCharCode(0xdc00 + buf[i + k]); break;
        case 'surrogatepass': {
          if (len === 1 && c === 0xed && i + 2 < buf.length && (buf[i + 1] & 0xc0) === 0x80 && (buf[i + 2] & 0xc0) === 0x80) {
            out += String.fromCharCode(((c & 0x0f) << 12) | ((buf[i + 1] & 0x3f) << 6) | (buf[i + 2] & 0x3f));
            i += 3; runStart = i;
            continue;
          }
          throw new E.UnicodeDecodeError('utf-8', Buffer.from(buf), i, i + len, reason);
        }
        default: throw new E.LookupError(`unknown error handler name '${err}'`);
      }
      i += len;
      runStart = i;
    }
    return out + buf.toString('utf8', runStart, buf.length);
  }
  if (enc === 'latin-1') return buf.toString('latin1');
  if (enc === 'ascii') {
    let out = '';
    for (let i = 0; i < buf.length; i++) {
      const c = buf[i];
      if (c < 0x80) { out += String.fromCharCode(c); continue; }
      switch (err) {
        case 'strict': throw new E.UnicodeDecodeError('ascii', Buffer.from(buf), i, i + 1, 'ordinal not in range(128)');
        case 'ignore': break;
        case 'replace': out += '\ufffd'; break;
        case 'backslashreplace': out += '\\x' + hex(c, 2); break;
        case 'surrogateescape': out += String.fromCharCode(0xdc00 + c); break;
        default: throw new E.LookupError(`unknown error handler name '${err}'`);
      }
    }
    return out;
  }
  if (enc.startsWith('utf-16')) {
    let start = 0, be = enc === 'utf-16-be';
    if (enc === 'utf-16' && buf.length >= 2) {
      if (buf[0] === 0xff && buf[1] === 0xfe) start = 2;
      else if (buf[0] === 0xfe && buf[1] === 0xff) { start = 2; be = true; }
    }
    if ((buf.length - start) % 2) {
      if (err === 'strict') throw new E.UnicodeDecodeError(enc.replace('-le', '-le').replace('-be', '-be'), Buffer.from(buf), buf.length - 1, buf.length, 'truncated data');
    }
    const body = Buffer.from(buf.subarray(start, buf.length - ((buf.length - start) % 2)));
    if (be) body.swap16();
    return body.toString('utf16le');
  }
  // utf-32
  let start = 0, be = enc === 'utf-32-be';
  if (enc === 'utf-32' && buf.length >= 4) {
    if (buf.readUInt32LE(0) === 0xfeff) start = 4;
    else if (buf.readUInt32BE(0) === 0xfeff) { start = 4; be = true; }
  }
  let out = '';
  for (let i = start; i + 4 <= buf.length; i += 4) {
    const cp = be ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    if (cp > 0x10ffff) {
      if (err === 'strict') throw new E.UnicodeDecodeError(enc, Buffer.from(buf), i, i + 4, 'code point not in range(0x110000)');
      if (err === 'replace') out += '\ufffd';
      continue;
    }
    out += String.fromCodePoint(cp);
  }
  if ((buf.length - start) % 4 && err === 'strict') {
    throw new E.UnicodeDecodeError(enc, Buffer.from(buf), buf.length - ((buf.length - start) % 4), buf.length, 'truncated data');
  }
  return out;
}

/** UTF-8 bytes of a str, strict (UnicodeEncodeError on lone surrogates) */
export function utf8(s: string): Buffer {
  return encode(s, 'utf-8', 'strict');
}
