// iter() / next(): Python iteration over JS values.  An iterator is either
// a JS iterator (has .next()) or an object with __next__.  next() returns
// STOP when exhausted.

/* eslint-disable @typescript-eslint/no-explicit-any */
import { STOP, PyTuple, isPlainDict, special } from './core';
import * as E from './exceptions';
import { tpName } from './types';
import { dictKeys } from './dict';

/** set by native/slot_wrappers.cc (kSeqItemKey) */
const SEQ_ITEM_KEY = '__hpy_sq_item__';

/** The function that iterating through `__getitem__` g calls, or null. An extension type's
 * mp_subscript carries its sq_item (or null): CPython iterates through sq_item only, so a
 * mapping-only type is not iterable. */
function seqItemOf(g: Function): Function | null {
  const sq = (g as any)[SEQ_ITEM_KEY];
  return sq === undefined ? g : sq;
}

/** old-style sequence iterator over __getitem__(0), __getitem__(1), ... */
class SeqIter {
  private i = 0;
  private done = false;
  constructor(private obj: any, private getitem: Function) {}
  next(): IteratorResult<any> {
    if (this.done) return { done: true, value: undefined };
    try {
      const v = this.getitem.call(this.obj, this.i++);
      return { done: false, value: v };
    } catch (e) {
      if (e instanceof E.IndexError || e instanceof E.StopIteration) {
        this.done = true;
        return { done: true, value: undefined };
      }
      throw e;
    }
  }
  [Symbol.iterator](): this { return this; }
}

/** wraps an object with __next__ as a JS iterator */
class DunderIter {
  constructor(private it: any, private nextFn: Function) {}
  next(): IteratorResult<any> {
    const v = callNext(this.it, this.nextFn);
    return v === STOP ? { done: true, value: undefined } : { done: false, value: v };
  }
  [Symbol.iterator](): this { return this; }
}

function callNext(it: any, f: Function): any {
  try {
    return f.call(it);
  } catch (e) {
    if (e instanceof E.StopIteration) return STOP;
    throw e;
  }
}

function checkIterator(r: any): any {
  if (!isIterator(r)) throw new E.TypeError(`iter() returned non-iterator of type '${tpName(r)}'`);
  return r;
}

/** Python iter(x) */
export function iter(x: any): any {
  if (typeof x === 'string') return x[Symbol.iterator]();
  if (typeof x === 'object' && x !== null) {
    if (Array.isArray(x)) {
      const f = special(x, '__iter__');
      if (f) return checkIterator(f.call(x));
      return x[Symbol.iterator]();
    }
    if (isPlainDict(x)) return dictKeys(x)[Symbol.iterator]();
    if (x instanceof Map) return Map.prototype.keys.call(x);
    if (x instanceof Uint8Array) return x.values();
    const f = special(x, '__iter__');
    if (f) return checkIterator(f.call(x));
    if (f === null) throw new E.TypeError(`'${tpName(x)}' object is not iterable`);
    const si = x[Symbol.iterator];
    if (typeof si === 'function' && si !== pyIterator) return si.call(x);
    const g = special(x, '__getitem__');
    const item = g && seqItemOf(g);
    if (item) return new SeqIter(x, item);
  }
  throw new E.TypeError(`'${tpName(x)}' object is not iterable`);
}

/** Is x an iterator (has __next__, or is a JS iterator with next())? */
export function isIterator(x: any): boolean {
  if (typeof x !== 'object' || x === null) return false;
  if (special(x, '__next__')) return true;
  return typeof x.next === 'function' && !isPlainDict(x);
}

/** Python next(it): the next value, or STOP when exhausted */
export function next(it: any): any {
  if (typeof it === 'object' && it !== null) {
    const f = special(it, '__next__');
    if (f) return callNext(it, f);
    const n = it.next;
    if (typeof n === 'function' && !isPlainDict(it)) {
      const r = n.call(it);
      if (r === null || typeof r !== 'object') throw new E.TypeError(`iterator result is not an object`);
      return r.done ? STOP : r.value;
    }
  }
  throw new E.TypeError(`'${tpName(it)}' object is not an iterator`);
}

/** A JS iterator over a Python iterable (for..of friendly). */
export function jsIter(x: any): Iterator<any> & Iterable<any> {
  const it = iter(x);
  const f = special(it, '__next__');
  if (f) return new DunderIter(it, f);
  if (typeof it[Symbol.iterator] !== 'function') {
    return { next: () => it.next(), [Symbol.iterator]() { return this; } };
  }
  return it;
}

/** `[Symbol.iterator]` of extension types: for...of iterates as Python would (iter() skips it). */
export function pyIterator(this: any): Iterator<any> {
  return jsIter(this);
}

/** Is x iterable through its `__getitem__` (not a mapping-only extension type's)? */
export function hasSeqGetitem(proto: any): boolean {
  const g = proto.__getitem__;
  return typeof g === 'function' && seqItemOf(g) !== null;
}

/** All items of an iterable as a new array (fast paths for arrays). */
export function toArray(x: any): any[] {
  if (Array.isArray(x) && (Object.getPrototypeOf(x) === Array.prototype || x instanceof PyTuple)) return Array.prototype.slice.call(x);
  if (typeof x === 'string') return Array.from(x);
  const out: any[] = [];
  const it = jsIter(x);
  for (let r = it.next(); !r.done; r = it.next()) out.push(r.value);
  return out;
}

/** Call f for each item (stops early when f returns true). */
export function forEach(x: any, f: (v: any) => boolean | void): void {
  if (Array.isArray(x) && Object.getPrototypeOf(x) === Array.prototype) {
    for (let i = 0; i < x.length; i++) if (f(x[i]) === true) return;
    return;
  }
  const it = jsIter(x);
  for (let r = it.next(); !r.done; r = it.next()) if (f(r.value) === true) return;
}

