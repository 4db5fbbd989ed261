// Methods of the builtin types (str.join, list.append, dict.get, ...).
// Each method takes `self` first; a trailing KwArgs carries keywords.

/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  MISSING, PyTuple, PyComplex, makeTuple, int, float, str as strType, bytes as bytesType,
  list as listType, tuple as tupleType, dict as dictType, bool as boolType, complex as complexType, slice as sliceType,
  NoneType, normInt, ARR,
} from './core';
import * as E from './exceptions';
import { tpName, typeOf, isInstance } from './types';
import * as S from './str';
import * as F from './float';
import * as I from './int';
import { parseArgs, splitKw, call } from './call';
import { index, asIndex } from './number';
import { toArray, iter } from './iter';
import { richCompareBool, isTrue, LT, EQ } from './compare';
import { repr, str } from './repr';
import { hash } from './hash';
import { len, getitem, setitem, delitem, contains, sliceIndices, findStr, rfindStr } from './sequence';
import {
  dictGet, dictSet, dictKeys, dictValues, dictItems, dictPop, dictPopItem, dictSetDefault, dictUpdate, dictClear,
  dictCopy,
} from './dict';
import { strFormat, format } from './format';
import { asBuffer, fromIterable } from './bytes';

type Method = (self: any, ...args: any[]) => any;
export interface MethodTable { [name: string]: Method; }

/** names in a table that are read as properties (no call) */
export const PROPERTIES = new Set<Method>();
function prop(f: Method): Method { PROPERTIES.add(f); return f; }

const opt = (v: any, d: any): any => (v === MISSING ? d : v);

// ---------------------------------------------------------------------------
// helpers

/** normalised [start, end] code-point bounds for str.find(sub, start, end) */
function bounds(length: number, start: any, end: any): [number, number] {
  let a = start === MISSING || start == null ? 0 : asIndex(start, true);
  let b = end === MISSING || end == null ? length : asIndex(end, true);
  if (a < 0) { a += length; if (a < 0) a = 0; }
  if (b < 0) { b += length; if (b < 0) b = 0; }
  if (b > length) b = length;
  return [a, b];
}

function needStr(v: any, what = '', orNone = false, clinic = !!what): string {
  if (typeof v !== 'string') throw new E.TypeError(`${what ? what + ' ' : ''}must be str${orNone ? ' or None' : ''}, not ${clinic && v == null ? 'None' : tpName(v)}`);
  return v;
}

const TITLE_SPECIAL: Record<string, string> = {
  'Ǆ': 'ǅ', 'ǅ': 'ǅ', 'ǆ': 'ǅ', 'Ǉ': 'ǈ', 'ǈ': 'ǈ', 'ǉ': 'ǈ', 'Ǌ': 'ǋ', 'ǋ': 'ǋ', 'ǌ': 'ǋ', 'Ǳ': 'ǲ', 'ǲ': 'ǲ', 'ǳ': 'ǲ',
};

/** titlecase of one character */
function toTitle(ch: string): string {
  const t = TITLE_SPECIAL[ch];
  if (t) return t;
  const u = ch.toUpperCase();
  return S.cpLength(u) > 1 ? S.cpArray(u)[0] + S.cpArray(u).slice(1).join('').toLowerCase() : u;
}

/** find in code points; returns cp index or -1 */
function strFindCp(s: string, sub: string, start: any, end: any, reverse: boolean): number {
  const n = S.cpLength(s);
  const [a, b] = bounds(n, start, end);
  if (a > n) return -1;
  if (b - a < S.cpLength(sub)) return sub === '' && a <= b ? (reverse ? b : a) : -1;
  const ua = S.cpToUnit(s, a), ub = S.cpToUnit(s, b);
  const hay = s.slice(0, ub);
  let u: number;
  if (!reverse) u = findStr(hay, sub, ua);
  else {
    u = rfindStr(hay, sub, ub - sub.length);
    if (u >= 0 && u < ua) u = -1;
  }
  return u < 0 ? -1 : S.unitToCp(s, u);
}

function strCount(s: string, sub: string, start: any, end: any): number {
  const n = S.cpLength(s);
  const [a, b] = bounds(n, start, end);
  if (a > n || a > b) return 0;
  if (sub === '') return b - a + 1;
  const ua = S.cpToUnit(s, a), ub = S.cpToUnit(s, b);
  const hay = s.slice(0, ub);
  let c = 0;
  for (let u = findStr(hay, sub, ua); u >= 0; u = findStr(hay, sub, u + sub.length)) c++;
  return c;
}

const WS_SPLIT = new RegExp(`[${S.WS_CLASS}]`);
function isWs(ch: string): boolean { return WS_SPLIT.test(ch); }

function splitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    while (i < n && isWs(s[i])) i++;
    if (i >= n) break;
    if (maxsplit >= 0 && out.length === maxsplit) {
      out.push(s.slice(i));
      return out;
    }
    let j = i;
    while (j < n && !isWs(s[j])) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

function rsplitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = s.length;
  while (i > 0) {
    while (i > 0 && isWs(s[i - 1])) i--;
    if (i <= 0) break;
    if (maxsplit >= 0 && out.length === maxsplit) {
      out.push(s.slice(0, i));
      break;
    }
    let j = i;
    while (j > 0 && !isWs(s[j - 1])) j--;
    out.push(s.slice(j, i));
    i = j;
  }
  return out.reverse();
}

function splitSep(s: string, sep: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (maxsplit < 0 || out.length < maxsplit) {
    const j = findStr(s, sep, i);
    if (j < 0) break;
    out.push(s.slice(i, j));
    i = j + sep.length;
  }
  out.push(s.slice(i));
  return out;
}

function rsplitSep(s: string, sep: string, maxsplit: number): string[] {
  const out: string[] = [];
  let end = s.length;
  while (maxsplit < 0 || out.length < maxsplit) {
    if (end - sep.length < 0) break;
    const j = rfindStr(s.slice(0, end), sep, end - sep.length);
    if (j < 0) break;
    out.push(s.slice(j + sep.length, end));
    end = j;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

function stripChars(s: string, chars: any, left: boolean, right: boolean, fname: string): string {
  if (chars === MISSING || chars == null) {
    const re = new RegExp((left ? `^[${S.WS_CLASS}]+` : '(?!)') + '|' + (right ? `[${S.WS_CLASS}]+$` : '(?!)'), 'g');
    return s.replace(re, '');
  }
  if (typeof chars !== 'string') throw new E.TypeError(`${fname} arg must be None or str`);
  const set = new Set(Array.from(chars));
  const cps = S.cpArray(s);
  let a = 0, b = cps.length;
  if (left) while (a < b && set.has(cps[a])) a++;
  if (right) while (b > a && set.has(cps[b - 1])) b--;
  return cps.slice(a, b).join('');
}

function fillChar(f: any, fname: string): string {
  if (f === MISSING) return ' ';
  if (typeof f !== 'string' || S.cpLength(f) !== 1) {
    throw new E.TypeError(typeof f === 'string' ? 'The fill character must be exactly one character long' : `${fname}() argument 2 must be str, not ${tpName(f)}`);
  }
  return f;
}

function affixCheck(self: string, x: any, start: any, end: any, fname: string, suffix: boolean): boolean {
  const check = (p: string): boolean => {
    const n = S.cpLength(self);
    const [a, b] = bounds(n, start, end);
    if (a > n) return false;
    const seg = S.cpArray(self).slice(a, Math.max(a, b)).join('');
    return suffix ? seg.endsWith(p) : seg.startsWith(p);
  };
  if (typeof x === 'string') return check(x);
  if (x instanceof PyTuple) {
    for (const p of x) {
      if (typeof p !== 'string') throw new E.TypeError(`tuple for ${fname} must only contain str, not ${tpName(p)}`);
      if (check(p)) return true;
    }
    return false;
  }
  throw new E.TypeError(`${fname} first arg must be str or a tuple of str, not ${tpName(x)}`);
}

const CASED = /[\p{Lu}\p{Ll}\p{Lt}]/u;
const LINE_BREAK = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/g;

function titleCase(s: string): string {
  let out = '';
  let prev = false;
  for (const ch of s) {
    if (CASED.test(ch)) {
      out += prev ? ch.toLowerCase() : toTitle(ch);
      prev = true;
    } else {
      out += ch;
      prev = false;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// str

export const strMethods: MethodTable = {
  join(self, iterable) {
    const items = toArray(iterable);
    for (let i = 0; i < items.length; i++) {
      if (typeof items[i] !== 'string') throw new E.TypeError(`sequence item ${i}: expected str instance, ${tpName(items[i])} found`);
    }
    return items.join(self);
  },
  split(self, ...args) {
    const [sep, maxsplit] = parseArgs('split', args, ['sep', 'maxsplit']);
    const m = maxsplit === MISSING ? -1 : Number(index(maxsplit));
    if (sep === MISSING || sep === null) return splitWhitespace(self, m);
    needStr(sep, '', true);
    if (sep === '') throw new E.ValueError('empty separator');
    return splitSep(self, sep, m);
  },
  rsplit(self, ...args) {
    const [sep, maxsplit] = parseArgs('rsplit', args, ['sep', 'maxsplit']);
    const m = maxsplit === MISSING ? -1 : Number(index(maxsplit));
    if (sep === MISSING || sep === null) return rsplitWhitespace(self, m);
    needStr(sep, '', true);
    if (sep === '') throw new E.ValueError('empty separator');
    return rsplitSep(self, sep, m);
  },
  splitlines(self, ...args) {
    const [keep] = parseArgs('splitlines', args, ['keepends']);
    const keepends = keep !== MISSING && isTrue(keep);
    const out: string[] = [];
    let i = 0;
    LINE_BREAK.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = LINE_BREAK.exec(self))) {
      out.push(self.slice(i, keepends ? m.index + m[0].length : m.index));
      i = m.index + m[0].length;
    }
    if (i < self.length) out.push(self.slice(i));
    return out;
  },
  strip(self, chars = MISSING) { return stripChars(self, chars, true, true, 'strip'); },
  lstrip(self, chars = MISSING) { return stripChars(self, chars, true, false, 'lstrip'); },
  rstrip(self, chars = MISSING) { return stripChars(self, chars, false, true, 'rstrip'); },
  lower(self) { return self.toLowerCase(); },
  upper(self) { return self.toUpperCase(); },
  casefold(self) { return self.toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ'); },
  capitalize(self) {
    const cps = S.cpArray(self);
    if (cps.length === 0) return '';
    return toTitle(cps[0]) + cps.slice(1).join('').toLowerCase();
  },
  title(self) { return titleCase(self); },
  swapcase(self) {
    let out = '';
    for (const ch of self) {
      const u = ch.toUpperCase();
      out += u !== ch ? u : ch.toLowerCase();
    }
    return out;
  },
  startswith(self, prefix, start = MISSING, end = MISSING) { return affixCheck(self, prefix, start, end, 'startswith', false); },
  endswith(self, suffix, start = MISSING, end = MISSING) { return affixCheck(self, suffix, start, end, 'endswith', true); },
  find(self, sub, start = MISSING, end = MISSING) { return strFindCp(self, needStr(sub), start, end, false); },
  rfind(self, sub, start = MISSING, end = MISSING) { return strFindCp(self, needStr(sub), start, end, true); },
  index(self, sub, start = MISSING, end = MISSING) {
    const r = strFindCp(self, needStr(sub), start, end, false);
    if (r < 0) throw new E.ValueError('substring not found');
    return r;
  },
  rindex(self, sub, start = MISSING, end = MISSING) {
    const r = strFindCp(self, needStr(sub), start, end, true);
    if (r < 0) throw new E.ValueError('substring not found');
    return r;
  },
  count(self, sub, start = MISSING, end = MISSING) { return strCount(self, needStr(sub), start, end); },
  replace(self, old, nw, count = MISSING) {
    needStr(old, 'replace() argument 1'); needStr(nw, 'replace() argument 2');
    let n = count === MISSING ? -1 : Number(index(count));
    if (n < 0) n = Infinity;
    if (old === '') {
      const cps = S.cpArray(self);
      let out = '';
      let k = 0;
      for (let i = 0; i <= cps.length; i++) {
        if (k < n) { out += nw; k++; }
        if (i < cps.length) out += cps[i];
      }
      return out;
    }
    let out = '';
    let i = 0, k = 0;
    while (k < n) {
      const j = findStr(self, old, i);
      if (j < 0) break;
      out += self.slice(i, j) + nw;
      i = j + old.length;
      k++;
    }
    return out + self.slice(i);
  },
  partition(self, sep) {
    needStr(sep);
    if (sep === '') throw new E.ValueError('empty separator');
    const j = findStr(self, sep, 0);
    if (j < 0) return makeTuple([self, '', '']);
    return makeTuple([self.slice(0, j), sep, self.slice(j + sep.length)]);
  },
  rpartition(self, sep) {
    needStr(sep);
    if (sep === '') throw new E.ValueError('empty separator');
    const j = rfindStr(self, sep, self.length - sep.length);
    if (j < 0) return makeTuple(['', '', self]);
    return makeTuple([self.slice(0, j), sep, self.slice(j + sep.length)]);
  },
  removeprefix(self, p) { needStr(p, 'removeprefix() argument'); return p && self.startsWith(p) ? self.slice(p.length) : self; },
  removesuffix(self, p) { needStr(p, 'removesuffix() argument'); return p && self.endsWith(p) ? self.slice(0, -p.length) : self; },
  encode(self, ...args) {
    const [enc, errors] = parseArgs('encode', args, ['encoding', 'errors']);
    return S.encode(self, opt(enc, 'utf-8'), opt(errors, 'strict'));
  },
  format(self, ...args) {
    const [pos, kws] = splitKw(args);
    return strFormat(self, pos, kws);
  },
  format_map(self, mapping) {
    const proxy = new Proxy({}, {
      getOwnPropertyDescriptor: (_t, k) => (typeof k === 'string' && contains(mapping, k)
        ? { value: getitem(mapping, k), writable: true, enumerable: true, configurable: true } : undefined),
      get: (_t, k) => getitem(mapping, k),
    });
    return strFormat(self, [], proxy);
  },
  zfill(self, width) {
    const w = asIndex(width, true);
    const n = S.cpLength(self);
    if (n >= w) return self;
    const fill = '0'.repeat(w - n);
    if (self[0] === '+' || self[0] === '-') return self[0] + fill + self.slice(1);
    return fill + self;
  },
  ljust(self, width, fillc = MISSING) {
    const f = fillChar(fillc, 'ljust');
    const w = asIndex(width, true), n = S.cpLength(self);
    return n >= w ? self : self + f.repeat(w - n);
  },
  rjust(self, width, fillc = MISSING) {
    const f = fillChar(fillc, 'rjust');
    const w = asIndex(width, true), n = S.cpLength(self);
    return n >= w ? self : f.repeat(w - n) + self;
  },
  center(self, width, fillc = MISSING) {
    const f = fillChar(fillc, 'center');
    const w = asIndex(width, true), n = S.cpLength(self);
    if (n >= w) return self;
    const marg = w - n;
    const left = Math.floor(marg / 2) + (marg & w & 1);
    return f.repeat(left) + self + f.repeat(marg - left);
  },
  expandtabs(self, ...args) {
    const [ts] = parseArgs('expandtabs', args, ['tabsize']);
    const size = ts === MISSING ? 8 : Number(index(ts));
    let out = '';
    let col = 0;
    for (const ch of self) {
      if (ch === '\t') {
        if (size > 0) { const k = size - (col % size); out += ' '.repeat(k); col += k; }
      } else if (ch === '\n' || ch === '\r') { out += ch; col = 0; } else { out += ch; col++; }
    }
    return out;
  },
  translate(self, table) {
    let out = '';
    for (const ch of self) {
      let r: any;
      try {
        r = getitem(table, ch.codePointAt(0));
      } catch (e) {
        if (e instanceof E.LookupError) { out += ch; continue; }
        throw e;
      }
      if (r == null) continue;
      if (typeof r === 'string') out += r;
      else out += String.fromCodePoint(Number(index(r)));
    }
    return out;
  },
  isdigit(self) { return self.length > 0 && /^[\p{Nd}\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24f5-\u24fd\u2776-\u277e\u2780-\u2788\u278a-\u2792]+$/u.test(self); },
  isdecimal(self) { return self.length > 0 && /^\p{Nd}+$/u.test(self); },
  isnumeric(self) { return self.length > 0 && /^[\p{N}\u3007\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e\u5343\u4e07\u5104\u5146]+$/u.test(self); },
  isalpha(self) { return self.length > 0 && /^\p{L}+$/u.test(self); },
  isalnum(self) { return self.length > 0 && /^[\p{L}\p{N}]+$/u.test(self); },
  isspace(self) { return S.isSpace(self); },
  isupper(self) { return /[\p{Lu}\p{Lt}]/u.test(self) && !/\p{Ll}/u.test(self); },
  islower(self) { return /\p{Ll}/u.test(self) && !/[\p{Lu}\p{Lt}]/u.test(self); },
  istitle(self) { return CASED.test(self) && titleCase(self) === self; },
  isascii(self) { return /^[\x00-\x7f]*$/.test(self); },
  isidentifier(self) { return /^[\p{XID_Start}_][\p{XID_Continue}]*$/u.test(self); },
  isprintable(self) { for (const ch of self) if (!S.isPrintableChar(ch)) return false; return true; },
};

// ---------------------------------------------------------------------------
// bytes

function needBytes(v: any): Buffer {
  if (v instanceof Uint8Array) return asBuffer(v);
  throw new E.TypeError(`a bytes-like object is required, not '${tpName(v)}'`);
}

function subBytes(v: any): Buffer {
  if (v instanceof Uint8Array) return asBuffer(v);
  const n = index(v);
  if (!(n >= 0 && n < 256)) throw new E.ValueError('byte must be in range(0, 256)');
  return Buffer.from([Number(n)]);
}

const BWS = new Set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

function bytesRange(self: Uint8Array, start: any, end: any): [number, number] {
  return bounds(self.length, start, end);
}

export const bytesMethods: MethodTable = {
  decode(self, ...args) {
    const [enc, errors] = parseArgs('decode', args, ['encoding', 'errors']);
    return S.decode(self, opt(enc, 'utf-8'), opt(errors, 'strict'));
  },
  hex(self, ...args) {
    const [sep, bps] = parseArgs('hex', args, ['sep', 'bytes_per_sep']);
    const h = asBuffer(self).toString('hex');
    if (sep === MISSING) return h;
    const s = typeof sep === 'string' ? sep : asBuffer(needBytes(sep)).toString('latin1');
    const n = bps === MISSING ? 1 : Number(index(bps));
    const pairs = h.match(/../g) ?? [];
    const groups: string[] = [];
    const k = Math.abs(n) || 1;
    if (n >= 0) for (let i = pairs.length; i > 0; i -= k) groups.unshift(pairs.slice(Math.max(0, i - k), i).join(''));
    else for (let i = 0; i < pairs.length; i += k) groups.push(pairs.slice(i, i + k).join(''));
    return groups.join(s);
  },
  join(self, iterable) {
    const items = toArray(iterable);
    const parts: Buffer[] = [];
    for (let i = 0; i < items.length; i++) {
      if (!(items[i] instanceof Uint8Array)) throw new E.TypeError(`sequence item ${i}: expected a bytes-like object, ${tpName(items[i])} found`);
      if (i) parts.push(asBuffer(self));
      parts.push(asBuffer(items[i]));
    }
    return Buffer.concat(parts);
  },
  startswith(self, p, start = MISSING, end = MISSING) {
    const [a, b] = bytesRange(self, start, end);
    const seg = asBuffer(self).subarray(a, Math.max(a, b));
    const ps = p instanceof PyTuple ? Array.from(p) : [p];
    return a <= self.length && ps.some(x => { const q = needBytes(x); return seg.length >= q.length && seg.subarray(0, q.length).equals(q); });
  },
  endswith(self, p, start = MISSING, end = MISSING) {
    const [a, b] = bytesRange(self, start, end);
    const seg = asBuffer(self).subarray(a, Math.max(a, b));
    const ps = p instanceof PyTuple ? Array.from(p) : [p];
    return a <= self.length && ps.some(x => { const q = needBytes(x); return seg.length >= q.length && seg.subarray(seg.length - q.length).equals(q); });
  },
  find(self, sub, start = MISSING, end = MISSING) {
    const [a, b] = bytesRange(self, start, end);
    const i = asBuffer(self).subarray(0, b).indexOf(subBytes(sub), a);
    return i;
  },
  rfind(self, sub, start = MISSING, end = MISSING) {
    const [a, b] = bytesRange(self, start, end);
    const q = subBytes(sub);
    const i = asBuffer(self).subarray(0, b).lastIndexOf(q, b - q.length);
    return i >= a ? i : -1;
  },
  index(self, sub, start = MISSING, end = MISSING) {
    const i = bytesMethods.find(self, sub, start, end);
    if (i < 0) throw new E.ValueError('subsection not found');
    return i;
  },
  count(self, sub, start = MISSING, end = MISSING) {
    const [a, b] = bytesRange(self, start, end);
    const q = subBytes(sub);
    const hay = asBuffer(self).subarray(0, b);
    if (q.length === 0) return Math.max(0, b - a + 1);
    let c = 0;
    for (let i = hay.indexOf(q, a); i >= 0; i = hay.indexOf(q, i + q.length)) c++;
    return c;
  },
  replace(self, old, nw, count = MISSING) {
    const o = needBytes(old), w = needBytes(nw);
    const s = asBuffer(self);
    let n = count === MISSING ? -1 : Number(index(count));
    if (n < 0) n = Infinity;
    const parts: Buffer[] = [];
    if (o.length === 0) {
      let k = 0;
      for (let i = 0; i <= s.length; i++) {
        if (k < n) { parts.push(w); k++; }
        if (i < s.length) parts.push(s.subarray(i, i + 1));
      }
      return Buffer.concat(parts);
    }
    let i = 0, k = 0;
    while (k < n) {
      const j = s.indexOf(o, i);
      if (j < 0) break;
      parts.push(s.subarray(i, j), w);
      i = j + o.length;
      k++;
    }
    parts.push(s.subarray(i));
    return Buffer.concat(parts);
  },
  split(self, ...args) {
    const [sep, maxsplit] = parseArgs('split', args, ['sep', 'maxsplit']);
    const m = maxsplit === MISSING ? -1 : Number(index(maxsplit));
    const s = asBuffer(self);
    const out: Buffer[] = [];
    if (sep === MISSING || sep === null) {
      let i = 0;
      while (i < s.length) {
        while (i < s.length && BWS.has(s[i])) i++;
        if (i >= s.length) break;
        if (m >= 0 && out.length === m) {
          let j = s.length;
          while (j > i && BWS.has(s[j - 1])) j--;
          out.push(Buffer.from(s.subarray(i, j)));
          return out;
        }
        let j = i;
        while (j < s.length && !BWS.has(s[j])) j++;
        out.push(Buffer.from(s.subarray(i, j)));
        i = j;
      }
      return out;
    }
    const q = needBytes(sep);
    if (q.length === 0) throw new E.ValueError('empty separator');
    let i = 0;
    while (m < 0 || out.length < m) {
      const j = s.indexOf(q, i);
      if (j < 0) break;
      out.push(Buffer.from(s.subarray(i, j)));
      i = j + q.length;
    }
    out.push(Buffer.from(s.subarray(i)));
    return out;
  },
  strip(self, chars = MISSING) {
    const s = asBuffer(self);
    const set = chars === MISSING || chars === null ? BWS : new Set(needBytes(chars));
    let a = 0, b = s.length;
    while (a < b && set.has(s[a])) a++;
    while (b > a && set.has(s[b - 1])) b--;
    return Buffer.from(s.subarray(a, b));
  },
  lower(self) { return Buffer.from(asBuffer(self).map(c => (c >= 65 && c <= 90 ? c + 32 : c))); },
  upper(self) { return Buffer.from(asBuffer(self).map(c => (c >= 97 && c <= 122 ? c - 32 : c))); },
  isdigit(self) { return self.length > 0 && asBuffer(self).every(c => c >= 48 && c <= 57); },
  isalpha(self) { return self.length > 0 && asBuffer(self).every(c => (c | 32) >= 97 && (c | 32) <= 122); },
  isspace(self) { return self.length > 0 && asBuffer(self).every(c => BWS.has(c)); },
};

// ---------------------------------------------------------------------------
// list / tuple

function seqIndexOf(self: any[], x: any, start: any, stop: any): number {
  const [a, b] = bounds(self.length, start, stop);
  for (let i = a; i < Math.min(b, self.length); i++) {
    const y = self[i];
    if (y === x || richCompareBool(y, x, EQ)) return i;
  }
  return -1;
}

function seqCount(self: any[], x: any): number {
  let c = 0;
  for (const y of self) if (y === x || richCompareBool(y, x, EQ)) c++;
  return c;
}

function sortKeys(items: any[], key: any): any[] {
  return key == null || key === MISSING ? items : items.map(x => call(key, [x]));
}

export function sortList(self: any[], key: any = null, reverse = false): void {
  const n = self.length;
  if (n < 2) return;
  const keys = sortKeys(self, key);
  const idx = Array.from({ length: n }, (_, i) => i);
  if (reverse) idx.reverse();
  let cmp: (i: number, j: number) => number;
  if (keys.every(k => typeof k === 'number')) cmp = (i, j) => (keys[i] < keys[j] ? -1 : keys[j] < keys[i] ? 1 : 0);
  else if (keys.every(k => typeof k === 'string')) cmp = (i, j) => S.compare(keys[i], keys[j]);
  else cmp = (i, j) => (richCompareBool(keys[i], keys[j], LT) ? -1 : richCompareBool(keys[j], keys[i], LT) ? 1 : 0);
  idx.sort(cmp);
  if (reverse) idx.reverse();
  const vals = idx.map(i => self[i]);
  for (let i = 0; i < n; i++) self[i] = vals[i];
}

export const listMethods: MethodTable = {
  append(self, x) { ARR.push.call(self, x); return null; },
  extend(self, it) {
    const items = it === self ? ARR.slice.call(self) : toArray(it);
    for (const x of items) ARR.push.call(self, x);
    return null;
  },
  insert(self, i, x) {
    let k = asIndex(i, true);
    const n = self.length;
    if (k < 0) { k += n; if (k < 0) k = 0; }
    if (k > n) k = n;
    ARR.splice.call(self, k, 0, x);
    return null;
  },
  pop(self, i = MISSING) {
    if (self.length === 0) throw new E.IndexError('pop from empty list');
    let k = i === MISSING ? self.length - 1 : asIndex(i, true);
    if (k < 0) k += self.length;
    if (k < 0 || k >= self.length) throw new E.IndexError('pop index out of range');
    return ARR.splice.call(self, k, 1)[0];
  },
  remove(self, x) {
    const i = seqIndexOf(self, x, MISSING, MISSING);
    if (i < 0) throw new E.ValueError('list.remove(x): x not in list');
    ARR.splice.call(self, i, 1);
    return null;
  },
  index(self, x, start = MISSING, stop = MISSING) {
    const i = seqIndexOf(self, x, start, stop);
    if (i < 0) throw new E.ValueError(`${repr(x)} is not in list`);
    return i;
  },
  count(self, x) { return seqCount(self, x); },
  sort(self, ...args) {
    const [key, reverse] = parseArgs('sort', args, ['*key', '*reverse']);
    sortList(self, opt(key, null), reverse !== MISSING && isTrue(reverse));
    return null;
  },
  reverse(self) { ARR.reverse.call(self); return null; },
  copy(self) { return Array.prototype.slice.call(self); },
  clear(self) { self.length = 0; return null; },
};

export const tupleMethods: MethodTable = {
  index(self, x, start = MISSING, stop = MISSING) {
    const i = seqIndexOf(self, x, start, stop);
    if (i < 0) throw new E.ValueError('tuple.index(x): x not in tuple');
    return i;
  },
  count(self, x) { return seqCount(self, x); },
};

// ---------------------------------------------------------------------------
// dict

export const dictMethods: MethodTable = {
  keys(self) { return dictKeys(self); },
  values(self) { return dictValues(self); },
  items(self) { return dictItems(self); },
  get(self, k, d = null) { const v = dictGet(self, k); return v === MISSING ? d : v; },
  pop(self, k, d = MISSING) { return dictPop(self, k, d); },
  popitem(self) { return dictPopItem(self); },
  setdefault(self, k, d = null) { return dictSetDefault(self, k, d); },
  update(self, ...args) {
    const [pos, kws] = splitKw(args);
    if (pos.length > 1) throw new E.TypeError(`update expected at most 1 argument, got ${pos.length}`);
    if (pos.length) dictUpdate(self, pos[0]);
    if (kws) for (const k of Object.keys(kws)) dictSet(self, k, kws[k]);
    return null;
  },
  clear(self) { dictClear(self); return null; },
  copy(self) { return dictCopy(self); },
};

// ---------------------------------------------------------------------------
// numbers

function ival(v: any): number | bigint { return typeof v === 'boolean' ? (v ? 1 : 0) : v; }

export const intMethods: MethodTable = {
  bit_length(self) { return I.bitLength(ival(self)); },
  bit_count(self) {
    const v = I.big(ival(self));
    return (v < 0n ? -v : v).toString(2).replace(/0/g, '').length;
  },
  to_bytes(self, ...args) {
    const [length, byteorder, signed] = parseArgs('to_bytes', args, ['length', 'byteorder', '*signed']);
    const n = length === MISSING ? 1 : asIndex(length);
    const order = byteorder === MISSING ? 'big' : byteorder;
    if (order !== 'big' && order !== 'little') throw new E.ValueError("byteorder must be either 'little' or 'big'");
    const sgn = signed !== MISSING && isTrue(signed);
    let v = I.big(ival(self));
    if (v < 0n && !sgn) throw new E.OverflowError("can't convert negative int to unsigned");
    const bits = BigInt(n * 8);
    if (sgn ? (v >= (1n << (bits - 1n)) || v < -(1n << (bits - 1n))) : v >= (1n << bits)) throw new E.OverflowError('int too big to convert');
    if (v < 0n) v += 1n << bits;
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) { out[n - 1 - i] = Number(v & 0xffn); v >>= 8n; }
    if (order === 'little') out.reverse();
    return out;
  },
  conjugate(self) { return ival(self); },
  as_integer_ratio(self) { return makeTuple([ival(self), 1]); },
  real: prop(self => ival(self)),
  imag: prop(() => 0),
  numerator: prop(self => ival(self)),
  denominator: prop(() => 1),
  __index__(self) { return ival(self); },
  __int__(self) { return ival(self); },
  __float__(self) { return I.toFloat(ival(self)); },
};

export const floatMethods: MethodTable = {
  is_integer(self) { return F.isInteger(self); },
  as_integer_ratio(self) { return makeTuple(F.asIntegerRatio(self)); },
  hex(self) { return F.hex(self); },
  conjugate(self) { return self; },
  real: prop(self => self),
  imag: prop(() => 0),
  __float__(self) { return self; },
  __int__(self) { return F.truncToInt(self); },
  __trunc__(self) { return F.truncToInt(self); },
  __round__(self, nd = MISSING) {
    return nd === MISSING || nd == null ? F.roundToInt(self) : F.roundDigits(self, Number(index(nd)));
  },
};

export const complexMethods: MethodTable = {
  real: prop(self => self.real),
  imag: prop(self => self.imag),
  conjugate(self) { return new PyComplex(self.real, -self.imag); },
};

export const sliceMethods: MethodTable = {
  start: prop(self => self.start),
  stop: prop(self => self.stop),
  step: prop(self => self.step),
  indices(self, length) {
    const n = asIndex(length);
    if (n < 0) throw new E.ValueError('length should not be negative');
    const r = sliceIndices(self, n);
    return makeTuple([r.start, r.stop, r.step]);
  },
};

// ---------------------------------------------------------------------------
// dunders shared by builtin values

const commonDunders: MethodTable = {
  __repr__(self) { return repr(self); },
  __str__(self) { return str(self); },
  __hash__(self) { return hash(self); },
  __format__(self, spec) { return format(self, spec); },
  __eq__(self, o) { return require('./compare').builtinCompare(self, o, 2); },
  __ne__(self, o) { return require('./compare').builtinCompare(self, o, 3); },
  __lt__(self, o) { return require('./compare').builtinCompare(self, o, 0); },
  __le__(self, o) { return require('./compare').builtinCompare(self, o, 1); },
  __gt__(self, o) { return require('./compare').builtinCompare(self, o, 4); },
  __ge__(self, o) { return require('./compare').builtinCompare(self, o, 5); },
};

const containerDunders: MethodTable = {
  __len__(self) { return len(self); },
  __getitem__(self, k) { return getitem(self, k); },
  __contains__(self, k) { return contains(self, k); },
  __iter__(self) { return iter(self); },
};

const mutableDunders: MethodTable = {
  __setitem__(self, k, v) { setitem(self, k, v); return null; },
  __delitem__(self, k) { delitem(self, k); return null; },
};

function table(...parts: MethodTable[]): MethodTable {
  return Object.assign(Object.create(null), commonDunders, ...parts);
}

const TABLES = new Map<any, MethodTable>([
  [strType, table(containerDunders, strMethods)],
  [bytesType, table(containerDunders, bytesMethods)],
  [listType, table(containerDunders, mutableDunders, listMethods)],
  [tupleType, table(containerDunders, tupleMethods)],
  [dictType, table(containerDunders, mutableDunders, dictMethods)],
  [int, table(intMethods)],
  [boolType, table(intMethods)],
  [float, table(floatMethods)],
  [complexType, table(complexMethods)],
  [sliceType, table(sliceMethods)],
  [NoneType, table()],
]);

/** the method table of a builtin type (undefined for other types) */
export function methodsOfType(t: any): MethodTable | undefined {
  return TABLES.get(t);
}

/** the method table for a builtin-mapped value */
export function methodsOf(v: any): MethodTable | undefined {
  return TABLES.get(typeOf(v));
}

// ---------------------------------------------------------------------------
// class methods of builtin types (int.from_bytes, dict.fromkeys, ...)

export const classMethods = new Map<any, MethodTable>([
  [int, {
    from_bytes(_cls, ...args) {
      const [b, byteorder, signed] = parseArgs('from_bytes', args, ['bytes', 'byteorder', '*signed'], 1);
      const buf = b instanceof Uint8Array ? Buffer.from(b) : fromIterable(b);
      const order = byteorder === MISSING ? 'big' : byteorder;
      if (order !== 'big' && order !== 'little') throw new E.ValueError("byteorder must be either 'little' or 'big'");
      if (order === 'little') buf.reverse();
      let v = buf.length ? BigInt('0x' + buf.toString('hex')) : 0n;
      if (signed !== MISSING && isTrue(signed) && buf.length && (buf[0] & 0x80)) v -= 1n << BigInt(buf.length * 8);
      return normInt(v);
    },
  }],
  [dictType, {
    fromkeys(_cls, it, value = null) {
      const d = {};
      for (const k of toArray(it)) dictSet(d, k, value);
      return d;
    },
  }],
  [bytesType, {
    fromhex(_cls, s) {
      needStr(s, 'fromhex() argument');
      const clean = s.replace(/[ \t\n\r\x0b\x0c]+/g, '');
      if (!/^([0-9a-fA-F]{2})*$/.test(clean)) throw new E.ValueError('non-hexadecimal number found in fromhex() arg');
      return Buffer.from(clean, 'hex');
    },
  }],
  [float, {
    fromhex(_cls, s) {
      needStr(s, 'fromhex() argument');
      const m = /^\s*([+-]?)(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?\s*$/i.exec(s);
      if (!m || (m[2] === '' && (m[3] ?? '') === '')) {
        const sp = F.parseFloatLiteral(s);
        if (sp !== undefined && !Number.isFinite(sp)) return sp;
        throw new E.ValueError('invalid hexadecimal floating-point string');
      }
      const digits = (m[2] || '') + (m[3] || '');
      let v = Number(BigInt('0x' + (digits || '0')));
      const e = (m[4] ? parseInt(m[4], 10) : 0) - 4 * (m[3] ? m[3].length : 0);
      v = v * Math.pow(2, e);
      if (!Number.isFinite(v)) throw new E.OverflowError('hexadecimal value too large to represent as a float');
      return m[1] === '-' ? -v : v;
    },
  }],
  [strType, {
    maketrans(_cls, x, y = MISSING, z = MISSING) {
      const d: any = {};
      if (y === MISSING) {
        for (const [k, v] of require('./dict').dictEntries(x)) dictSet(d, typeof k === 'string' ? k.codePointAt(0) : k, v);
        return d;
      }
      const a = S.cpArray(needStr(x, 'maketrans() argument 1')), b = S.cpArray(needStr(y, 'maketrans() argument 2'));
      if (a.length !== b.length) throw new E.ValueError('the first two maketrans arguments must have equal length');
      a.forEach((c, i) => dictSet(d, c.codePointAt(0), b[i].codePointAt(0)));
      if (z !== MISSING) for (const c of S.cpArray(needStr(z, 'maketrans() argument 3'))) dictSet(d, c.codePointAt(0), null);
      return d;
    },
  }],
]);

/** checks `self` of an unbound builtin method (str.lower(x)) */
export function checkSelf(t: any, name: string, self: any): void {
  if (!isInstance(self, t)) {
    throw new E.TypeError(`descriptor '${name}' for '${require('./types').typeName(t)}' objects doesn't apply to a '${tpName(self)}' object`);
  }
}

