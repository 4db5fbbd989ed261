// Sequence and mapping protocols: len, getitem/setitem/delitem (ints,
// slices, dict keys), slices, contains.

/* eslint-disable @typescript-eslint/no-explicit-any */
import { PySlice, PyTuple, special, isPlainDict, makeTuple, isInt, ARR } from './core';
import * as E from './exceptions';
import { tpName } from './types';
import * as S from './str';
import { index } from './number';
import { dictGetItem, dictSet, dictDelItem, dictHas, dictLen } from './dict';
import { toArray, forEach } from './iter';
import { richCompareBool, isTrue, EQ } from './compare';

const MAXN = Number.MAX_SAFE_INTEGER;

export interface SliceIndices { start: number; stop: number; step: number; count: number; }

function sliceIndex(v: any): number {
  if (v == null) return 0;
  let i: number | bigint;
  try {
    i = index(v);
  } catch (e) {
    if (e instanceof E.TypeError) throw new E.TypeError('slice indices must be integers or None or have an __index__ method');
    throw e;
  }
  if (typeof i === 'bigint') return i < 0n ? -MAXN : MAXN;
  return i;
}

/** slice.indices(length) plus the number of selected items */
export function sliceIndices(sl: PySlice, length: number): SliceIndices {
  let step = 1;
  if (sl.step != null) {
    step = sliceIndex(sl.step);
    if (step === 0) throw new E.ValueError('slice step cannot be zero');
  }
  let start: number, stop: number;
  if (sl.start == null) start = step < 0 ? length - 1 : 0;
  else {
    start = sliceIndex(sl.start);
    if (start < 0) { start += length; if (start < 0) start = step < 0 ? -1 : 0; }
    else if (start >= length) start = step < 0 ? length - 1 : length;
  }
  if (sl.stop == null) stop = step < 0 ? -1 : length;
  else {
    stop = sliceIndex(sl.stop);
    if (stop < 0) { stop += length; if (stop < 0) stop = step < 0 ? -1 : 0; }
    else if (stop >= length) stop = step < 0 ? length - 1 : length;
  }
  let count = 0;
  if (step < 0) { if (stop < start) count = Math.floor((start - stop - 1) / -step) + 1; }
  else if (start < stop) count = Math.floor((stop - start - 1) / step) + 1;
  return { start, stop, step, count };
}

function isIndexLike(k: any): boolean {
  return isInt(k) || typeof k === 'boolean' || (typeof k === 'object' && k !== null && !!special(k, '__index__'));
}

function seqIndex(k: any, length: number, what: string): number {
  let i: number;
  if (typeof k === 'number') i = k;
  else {
    const r = index(k);
    if (typeof r === 'bigint') {
      // beyond 2**53 in magnitude: out of range of any array, unless it does not fit an index at all
      if (r > 9223372036854775807n || r < -9223372036854775808n) throw new E.IndexError(`cannot fit 'int' into an index-sized integer`);
      throw new E.IndexError(what);
    }
    i = r;
  }
  if (i < 0) i += length;
  if (i < 0 || i >= length) throw new E.IndexError(what);
  return i;
}

function arrSlice(a: ArrayLike<any>, sl: PySlice): any[] {
  const { start, stop, step, count } = sliceIndices(sl, a.length);
  if (step === 1) return Array.prototype.slice.call(a, start, stop);
  const out = new Array(count);
  for (let i = 0, j = start; i < count; i++, j += step) out[i] = a[j];
  return out;
}

/** Python len(x) */
export function len(x: any): number {
  if (typeof x === 'string') return S.cpLength(x);
  if (typeof x === 'object' && x !== null) {
    const p = Object.getPrototypeOf(x);
    if (p === Array.prototype || p === PyTuple.prototype) return x.length;
    if (p === Object.prototype || p === null) return dictLen(x);
    const f = special(x, '__len__');
    if (f) {
      const r = f.call(x);
      let n: number | bigint;
      try {
        n = index(r);
      } catch (e) {
        if (e instanceof E.TypeError) throw new E.TypeError(`'${tpName(r)}' object cannot be interpreted as an integer`);
        throw e;
      }
      if (n < 0) throw new E.ValueError('__len__() should return >= 0');
      if (typeof n === 'bigint') throw new E.OverflowError(`cannot fit 'int' into an index-sized integer`);
      return n;
    }
    if (Array.isArray(x) || x instanceof Uint8Array) return x.length;
    if (x instanceof Map) return dictLen(x);
    if (x instanceof Set) return x.size;
    if (typeof x.length === 'number' && Number.isSafeInteger(x.length) && x.length >= 0) return x.length;
  }
  throw new E.TypeError(`object of type '${tpName(x)}' has no len()`);
}

/** len() or -1 when the object has no length (for size hints) */
export function lengthHint(x: any): number {
  try { return len(x); } catch { return -1; }
}

/** Python obj[key] */
export function getitem(obj: any, key: any): any {
  if (Array.isArray(obj)) {
    const p = Object.getPrototypeOf(obj);
    if (p !== Array.prototype && p !== PyTuple.prototype) {
      const f = special(obj, '__getitem__');
      if (f) return f.call(obj, key);
    }
    const isTuple = obj instanceof PyTuple;
    if (typeof key === 'number' && Number.isSafeInteger(key)) {
      let i = key;
      if (i < 0) i += obj.length;
      if (i < 0 || i >= obj.length) throw new E.IndexError(isTuple ? 'tuple index out of range' : 'list index out of range');
      return obj[i];
    }
    if (key instanceof PySlice) {
      if (isTuple) {
        if (key.start == null && key.stop == null && key.step == null) return obj;
        return makeTuple(arrSlice(obj, key));
      }
      return arrSlice(obj, key);
    }
    if (isIndexLike(key)) return obj[seqIndex(key, obj.length, isTuple ? 'tuple index out of range' : 'list index out of range')];
    throw new E.TypeError(`${isTuple ? 'tuple' : 'list'} indices must be integers or slices, not ${tpName(key)}`);
  }
  if (typeof obj === 'string') {
    if (key instanceof PySlice) {
      const n = S.cpLength(obj);
      const { start, stop, step, count } = sliceIndices(key, n);
      return S.cpSlice(obj, start, stop, step, count);
    }
    if (isIndexLike(key)) {
      const n = S.cpLength(obj);
      return S.cpAt(obj, seqIndex(key, n, 'string index out of range'));
    }
    throw new E.TypeError(`string indices must be integers, not '${tpName(key)}'`);
  }
  if (typeof obj === 'object' && obj !== null) {
    if (isPlainDict(obj) || (obj instanceof Map && Object.getPrototypeOf(obj) === Map.prototype)) return dictGetItem(obj, key);
    const f = special(obj, '__getitem__');
    if (f) return f.call(obj, key);
    if (obj instanceof Uint8Array) {
      if (key instanceof PySlice) {
        const items = arrSlice(obj, key);
        return Buffer.from(items);
      }
      if (isIndexLike(key)) return obj[seqIndex(key, obj.length, 'index out of range')];
      throw new E.TypeError(`byte indices must be integers or slices, not ${tpName(key)}`);
    }
    if (obj instanceof Map) return dictGetItem(obj, key);
  }
  throw new E.TypeError(`'${tpName(obj)}' object is not subscriptable`);
}

function spliceArray(a: any[], start: number, del: number, items: any[]): void {
  if (items.length === del) {
    for (let i = 0; i < del; i++) a[start + i] = items[i];
    return;
  }
  const tail = ARR.slice.call(a, start + del);
  a.length = start;
  for (const x of items) ARR.push.call(a, x);
  for (const x of tail) ARR.push.call(a, x);
}

function assignSlice(a: any[], sl: PySlice, value: any): void {
  const { start, stop, step, count } = sliceIndices(sl, a.length);
  let items: any[];
  try {
    items = value === a ? ARR.slice.call(a) : toArray(value);
  } catch (e) {
    if (e instanceof E.TypeError && /not iterable/.test(String(e.message))) {
      throw new E.TypeError(step === 1 ? 'can only assign an iterable' : 'must assign iterable to extended slice');
    }
    throw e;
  }
  if (step === 1) {
    spliceArray(a, start, Math.max(stop, start) - start, items);
    return;
  }
  if (items.length !== count) {
    throw new E.ValueError(`attempt to assign sequence of size ${items.length} to extended slice of size ${count}`);
  }
  for (let i = 0, j = start; i < count; i++, j += step) a[j] = items[i];
}

function deleteSlice(a: any[], sl: PySlice): void {
  const { start, stop, step, count } = sliceIndices(sl, a.length);
  if (count === 0) return;
  if (step === 1) { ARR.splice.call(a, start, stop - start); return; }
  const drop = new Set<number>();
  for (let i = 0, j = start; i < count; i++, j += step) drop.add(j);
  let w = 0;
  for (let r = 0; r < a.length; r++) if (!drop.has(r)) a[w++] = a[r];
  a.length = w;
}

/** Python obj[key] = value */
export function setitem(obj: any, key: any, value: any): void {
  if (typeof obj === 'object' && obj !== null) {
    const p = Object.getPrototypeOf(obj);
    if (p === Object.prototype || p === null) { dictSet(obj, key, value); return; }
    if (p === Array.prototype) {
      if (typeof key === 'number' && Number.isSafeInteger(key)) {
        let i = key;
        if (i < 0) i += obj.length;
        if (i < 0 || i >= obj.length) throw new E.IndexError('list assignment index out of range');
        listStore(obj, i, value);
        return;
      }
    } else {
      const f = special(obj, '__setitem__');
      if (f) { f.call(obj, key, value); return; }
    }
    if (Array.isArray(obj) && !(obj instanceof PyTuple)) {
      if (key instanceof PySlice) { assignSlice(obj, key, value); return; }
      if (isIndexLike(key)) { listStore(obj, seqIndex(key, obj.length, 'list assignment index out of range'), value); return; }
      throw new E.TypeError(`list indices must be integers or slices, not ${tpName(key)}`);
    }
    if (obj instanceof Map) { dictSet(obj, key, value); return; }
  }
  throw new E.TypeError(`'${tpName(obj)}' object does not support item assignment`);
}

/** a[i] = v for a list; a frozen or read-only one raises Python's TypeError. */
function listStore(a: any[], i: number, v: any): void {
  try {
    a[i] = v;
  } catch (e) {
    throw E.storeError(e);
  }
}

/** Python del obj[key] */
export function delitem(obj: any, key: any): void {
  if (typeof obj === 'object' && obj !== null) {
    const p = Object.getPrototypeOf(obj);
    if (p === Object.prototype || p === null) { dictDelItem(obj, key); return; }
    if (p !== Array.prototype) {
      const f = special(obj, '__delitem__');
      if (f) { f.call(obj, key); return; }
    }
    if (Array.isArray(obj) && !(obj instanceof PyTuple)) {
      if (key instanceof PySlice) { deleteSlice(obj, key); return; }
      if (isIndexLike(key)) { ARR.splice.call(obj, seqIndex(key, obj.length, 'list assignment index out of range'), 1); return; }
      throw new E.TypeError(`list indices must be integers or slices, not ${tpName(key)}`);
    }
    if (obj instanceof Map) { dictDelItem(obj, key); return; }
  }
  throw new E.TypeError(`'${tpName(obj)}' object doesn't support item deletion`);
}

/** obj[start:stop] (HPy_GetSlice-style, plain ints or None) */
export function getSlice(obj: any, start: any, stop: any): any {
  return getitem(obj, new PySlice(start, stop, null));
}
export function setSlice(obj: any, start: any, stop: any, value: any): void {
  setitem(obj, new PySlice(start, stop, null), value);
}
export function delSlice(obj: any, start: any, stop: any): void {
  delitem(obj, new PySlice(start, stop, null));
}

/** Python `item in container` */
export function contains(container: any, item: any): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw new E.TypeError(`'in <string>' requires string as left operand, not ${tpName(item)}`);
    return findStr(container, item, 0) >= 0;
  }
  if (typeof container === 'object' && container !== null) {
    const p = Object.getPrototypeOf(container);
    if (p === Object.prototype || p === null) return dictHas(container, item);
    if (p === Array.prototype || p === PyTuple.prototype) return arrayContains(container, item);
    const f = special(container, '__contains__');
    if (f) return isTrue(f.call(container, item));
    if (container instanceof Map) return dictHas(container, item);
    if (Array.isArray(container)) return arrayContains(container, item);
    if (container instanceof Uint8Array) {
      if (item instanceof Uint8Array) return Buffer.from(container.buffer, container.byteOffset, container.byteLength).indexOf(item) >= 0;
      if (isIndexLike(item)) {
        const n = index(item);
        if (!(n >= 0 && n < 256)) throw new E.ValueError('byte must be in range(0, 256)');
        return container.includes(Number(n));
      }
      throw new E.TypeError(`a bytes-like object is required, not '${tpName(item)}'`);
    }
    if (container instanceof Set) {
      if (container.has(item)) return true;
    }
  }
  let found = false;
  try {
    forEach(container, (x) => {
      if (x === item || richCompareBool(x, item, EQ)) { found = true; return true; }
      return false;
    });
  } catch (e) {
    if (e instanceof E.TypeError && /is not iterable$/.test(String(e.message)) && !isIterableLike(container)) {
      throw new E.TypeError(`argument of type '${tpName(container)}' is not iterable`);
    }
    throw e;
  }
  return found;
}

function isIterableLike(x: any): boolean {
  return typeof x === 'object' && x !== null && (!!special(x, '__iter__') || typeof x[Symbol.iterator] === 'function');
}

function arrayContains(a: any[], item: any): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x === item || richCompareBool(x, item, EQ)) return true;
  }
  return false;
}

/** index (code units) of needle in hay at or after `from`, never splitting a surrogate pair; -1 if absent */
export function findStr(hay: string, needle: string, from: number): number {
  let i = hay.indexOf(needle, from);
  if (i < 0 || !(S.hasSurrogates(needle) && S.hasSurrogates(hay))) return i;
  while (i >= 0) {
    const startOk = !(i > 0 && isLow(hay.charCodeAt(i)) && isHigh(hay.charCodeAt(i - 1)));
    const e = i + needle.length;
    const endOk = !(e < hay.length && isHigh(hay.charCodeAt(e - 1)) && isLow(hay.charCodeAt(e)));
    if (startOk && endOk) return i;
    i = hay.indexOf(needle, i + 1);
  }
  return -1;
}

/** last index (code units) of needle in hay that starts at or before `from` */
export function rfindStr(hay: string, needle: string, from: number): number {
  let i = hay.lastIndexOf(needle, from);
  if (i < 0 || !(S.hasSurrogates(needle) && S.hasSurrogates(hay))) return i;
  while (i >= 0) {
    const startOk = !(i > 0 && isLow(hay.charCodeAt(i)) && isHigh(hay.charCodeAt(i - 1)));
    const e = i + needle.length;
    const endOk = !(e < hay.length && isHigh(hay.charCodeAt(e - 1)) && isLow(hay.charCodeAt(e)));
    if (startOk && endOk) return i;
    if (i === 0) return -1;
    i = hay.lastIndexOf(needle, i - 1);
  }
  return -1;
}

function isHigh(c: number): boolean { return c >= 0xd800 && c <= 0xdbff; }
function isLow(c: number): boolean { return c >= 0xdc00 && c <= 0xdfff; }

