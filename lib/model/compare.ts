// Rich comparison (op 0..5 = LT LE EQ NE GT GE) with Python's dispatch,
// and truth testing.

/* eslint-disable @typescript-eslint/no-explicit-any */
import { NotImplemented, PyTuple, PyComplex, PySlice, special, isPlainDict } from './core';
import * as E from './exceptions';
import { typeOf, isSubtype, tpName } from './types';
import * as S from './str';
import * as B from './bytes';
import { dictEqual, dictLen } from './dict';

export const LT = 0, LE = 1, EQ = 2, NE = 3, GT = 4, GE = 5;
const SWAP = [GT, GE, EQ, NE, LT, LE];
const SYM = ['<', '<=', '==', '!=', '>', '>='];
const DUNDER = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];

function fromCmp(c: number, op: number): boolean {
  switch (op) {
    case LT: return c < 0;
    case LE: return c <= 0;
    case EQ: return c === 0;
    case NE: return c !== 0;
    case GT: return c > 0;
    default: return c >= 0;
  }
}

function numCompare(a: number | bigint, b: number | bigint, op: number): boolean {
  switch (op) {
    case LT: return a < b;
    case LE: return a <= b;
    // loose equality compares bigint and number by mathematical value
    // eslint-disable-next-line eqeqeq
    case EQ: return a == b;
    // eslint-disable-next-line eqeqeq
    case NE: return a != b;
    case GT: return a > b;
    default: return a >= b;
  }
}

function asNum(v: any): number | bigint | undefined {
  switch (typeof v) {
    case 'number': case 'bigint': return v;
    case 'boolean': return v ? 1 : 0;
  }
  return undefined;
}

function seqCompare(a: ArrayLike<any>, b: ArrayLike<any>, op: number): any {
  if (a.length !== b.length && (op === EQ || op === NE)) return op === NE;
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (; i < n; i++) {
    const x = a[i], y = b[i];
    if (!(x === y || richCompareBool(x, y, EQ))) break;
  }
  if (i >= n) return fromCmp(a.length - b.length, op);
  if (op === EQ) return false;
  if (op === NE) return true;
  return richCompare(a[i], b[i], op);
}

/** comparison of builtin-mapped values; NotImplemented when not applicable */
export function builtinCompare(a: any, b: any, op: number): any {
  const na = asNum(a);
  if (na !== undefined) {
    const nb = asNum(b);
    if (nb !== undefined) return numCompare(na, nb, op);
    if (b instanceof PyComplex && (op === EQ || op === NE)) return (b.imag === 0 && numCompare(na, b.real, EQ)) === (op === EQ);
    return NotImplemented;
  }
  switch (typeof a) {
    case 'string':
      if (typeof b !== 'string') return NotImplemented;
      if (op === EQ) return a === b;
      if (op === NE) return a !== b;
      return fromCmp(S.compare(a, b), op);
    case 'undefined':
      return b == null && (op === EQ || op === NE) ? op === EQ : NotImplemented;
    case 'object': {
      if (a === null) return b == null && (op === EQ || op === NE) ? op === EQ : NotImplemented;
      if (Array.isArray(a)) {
        if (!Array.isArray(b) || (a instanceof PyTuple) !== (b instanceof PyTuple)) return NotImplemented;
        return seqCompare(a, b, op);
      }
      if (a instanceof Uint8Array) {
        if (!(b instanceof Uint8Array)) return NotImplemented;
        if (op === EQ) return B.equal(a, b);
        if (op === NE) return !B.equal(a, b);
        return fromCmp(B.compare(a, b), op);
      }
      if (isPlainDict(a) || a instanceof Map) {
        if (!(isPlainDict(b) || b instanceof Map) || (op !== EQ && op !== NE)) return NotImplemented;
        return dictEqual(a, b) === (op === EQ);
      }
      if (a instanceof PyComplex) {
        if (op !== EQ && op !== NE) return NotImplemented;
        let eq: boolean;
        if (b instanceof PyComplex) eq = a.real === b.real && a.imag === b.imag;
        else {
          const nb = asNum(b);
          if (nb === undefined) return NotImplemented;
          eq = a.imag === 0 && numCompare(a.real, nb, EQ);
        }
        return eq === (op === EQ);
      }
      if (a instanceof PySlice) {
        if (!(b instanceof PySlice)) return NotImplemented;
        return seqCompare([a.start, a.stop, a.step], [b.start, b.stop, b.step], op);
      }
    }
  }
  return NotImplemented;
}

type Slot = (self: any, other: any, op: number) => any;

const BUILTIN: Slot = (self, other, op) => builtinCompare(self, other, op);

function isBuiltinValue(v: any): boolean {
  if (typeof v !== 'object') return typeof v !== 'function' && typeof v !== 'symbol';
  return v === null || Array.isArray(v) || v instanceof Uint8Array || isPlainDict(v) || v instanceof Map ||
    v instanceof PyComplex || v instanceof PySlice;
}

function slotFor(v: any, op: number): Slot | Function | undefined {
  const f = special(v, DUNDER[op]);
  if (f) return f;
  if (op === NE) {
    const eq = special(v, '__eq__');
    if (eq) {
      return function (this: any, other: any) {
        const r = eq.call(this, other);
        return r === NotImplemented ? r : !isTrue(r);
      };
    }
  }
  if (f === undefined && isBuiltinValue(v)) return BUILTIN;
  return undefined;
}

function callSlot(s: Slot | Function, self: any, other: any, op: number): any {
  return s === BUILTIN ? builtinCompare(self, other, op) : (s as Function).call(self, other);
}

/** Python's rich comparison: returns the result object (usually a bool). */
export function richCompare(a: any, b: any, op: number): any {
  const ta = typeof a;
  if (ta === typeof b && (ta === 'number' || ta === 'string' && op >= EQ && op <= NE)) {
    if (ta === 'number' || op === EQ || op === NE) {
      switch (op) {
        case LT: return a < b;
        case LE: return a <= b;
        case EQ: return a === b;
        case NE: return a !== b;
        case GT: return a > b;
        default: return a >= b;
      }
    }
  }
  if (!(op >= 0 && op <= 5)) throw new E.SystemError(`Bad internal call: invalid comparison op ${op}`);
  const sa = slotFor(a, op);
  const swapped = SWAP[op];
  let sb: Slot | Function | undefined;
  let tA: any, tB: any;
  if (sa === BUILTIN && isBuiltinValue(b)) {
    sb = undefined; // one builtin comparison covers both orders
  } else {
    tA = typeOf(a); tB = typeOf(b);
    sb = tA === tB ? undefined : slotFor(b, swapped);
    if (sb === BUILTIN && sa === BUILTIN) sb = undefined;
    if (sb && isSubtype(tB, tA)) {
      const r = callSlot(sb, b, a, swapped);
      if (r !== NotImplemented) return r;
      sb = undefined;
    }
  }
  if (sa) {
    const r = callSlot(sa, a, b, op);
    if (r !== NotImplemented) return r;
  }
  if (sb) {
    const r = callSlot(sb, b, a, swapped);
    if (r !== NotImplemented) return r;
  }
  if (op === EQ) return a === b || (a == null && b == null);
  if (op === NE) return !(a === b || (a == null && b == null));
  throw new E.TypeError(`'${SYM[op]}' not supported between instances of '${tpName(a)}' and '${tpName(b)}'`);
}

/** richCompare then truth value; `a is b` short-cuts EQ/NE as CPython does. */
export function richCompareBool(a: any, b: any, op: number): boolean {
  if (a === b) {
    if (op === EQ) return true;
    if (op === NE) return false;
  }
  const r = richCompare(a, b, op);
  return typeof r === 'boolean' ? r : isTrue(r);
}

export const lt = (a: any, b: any): any => richCompare(a, b, LT);
export const le = (a: any, b: any): any => richCompare(a, b, LE);
export const eq = (a: any, b: any): any => richCompare(a, b, EQ);
export const ne = (a: any, b: any): any => richCompare(a, b, NE);
export const gt = (a: any, b: any): any => richCompare(a, b, GT);
export const ge = (a: any, b: any): any => richCompare(a, b, GE);

/** Python truth value (bool(x)). */
export function isTrue(v: any): boolean {
  switch (typeof v) {
    case 'boolean': return v;
    case 'number': return v !== 0;
    case 'string': return v.length !== 0;
    case 'bigint': return v !== 0n;
    case 'undefined': return false;
    case 'function': case 'symbol': return true;
  }
  if (v === null) return false;
  const p = Object.getPrototypeOf(v);
  if (p === Array.prototype || p === PyTuple.prototype) return v.length !== 0;
  if (p === Object.prototype || p === null) return dictLen(v) !== 0;
  const fb = special(v, '__bool__');
  if (fb) {
    const r = fb.call(v);
    if (typeof r !== 'boolean') throw new E.TypeError(`__bool__ should return bool, returned ${tpName(r)}`);
    return r;
  }
  const fl = special(v, '__len__');
  if (fl) return require('./sequence').len(v) !== 0;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length !== 0;
  if (v instanceof Map) return dictLen(v) !== 0;
  if (v instanceof Set) return v.size !== 0;
  if (v instanceof PyComplex) return v.real !== 0 || v.imag !== 0;
  return true;
}

/** Python `not x` */
export function not(v: any): boolean { return !isTrue(v); }
