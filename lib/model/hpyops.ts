// Thin adapters with the calling conventions of particular HPy context
// functions (the names lib/dispatch.ts looks up in the model).

/* eslint-disable @typescript-eslint/no-explicit-any */
import { PySlice, KwArgs, PyTuple, makeTuple, normInt, primitiveOf, ARR } from './core';
import * as E from './exceptions';
import { tpName } from './types';
import * as S from './str';
import * as N from './number';
import { getattr, setattr, delattr } from './attr';
import { call } from './call';
import { next, isIterator } from './iter';
import { bytesOf } from './bytes';

export {
  inplaceAdd as iadd, inplaceSub as isub, inplaceMul as imul, inplaceMatmul as imatmul, inplaceFloordiv as ifloordiv,
  inplaceTruediv as itruediv, inplaceMod as imod, inplacePow as ipow, inplaceLshift as ilshift,
  inplaceRshift as irshift, inplaceAnd as iand, inplaceXor as ixor, inplaceOr as ior,
} from './number';

/** HPy_SetAttr with a NULL value (passed as undefined) deletes the attribute */
export function setattrOrDel(obj: any, name: any, value?: any): void {
  if (value === undefined) delattr(obj, name);
  else setattr(obj, name, value);
}

/** HPy_GetAttr_s */
export function getAttrS(obj: any, name: string): any {
  return getattr(obj, name);
}

/** HPyBytes_Size */
export function bytesSize(b: any): number {
  if (!(b instanceof Uint8Array)) throw new E.TypeError(`expected bytes, ${tpName(b)} found`);
  return b.length;
}

function needStr(s: any): string {
  const p = primitiveOf(s);
  if (typeof p === 'string') return p;
  if (typeof s !== 'string') throw new E.TypeError(`bad argument type for built-in operation`);
  return s;
}

/** HPyUnicode_AsASCIIString */
export function encodeASCII(s: any): Buffer { return S.encode(needStr(s), 'ascii', 'strict'); }
/** HPyUnicode_AsLatin1String */
export function encodeLatin1(s: any): Buffer { return S.encode(needStr(s), 'latin-1', 'strict'); }
/** HPyUnicode_AsUTF8String / EncodeFSDefault */
export function encodeUTF8(s: any): Buffer { return S.encode(needStr(s), 'utf-8', 'strict'); }

/** HPyUnicode_ReadChar: the code point at index i */
export function readChar(s: any, i: any): number {
  needStr(s);
  const n = S.cpLength(s);
  const k = Number(i);
  if (!(k >= 0 && k < n)) throw new E.IndexError('string index out of range');
  return S.cpAt(s, k).codePointAt(0)!;
}

/** HPyUnicode_Substring(s, start, end) in code points */
export function substring(s: any, start: any, end: any): string {
  needStr(s);
  let a = Number(start), b = Number(end);
  if (a < 0 || b < 0) throw new E.IndexError('string index out of range');
  const n = S.cpLength(s);
  if (b > n) b = n;
  if (a >= b) return '';
  if (a === 0 && b === n) return s;
  return S.cpSlice(s, a, b, 1, b - a);
}

/** HPyUnicode_FromEncodedObject(obj, encoding, errors) */
export function decodeObject(obj: any, encoding?: any, errors?: any): string {
  if (typeof obj === 'string') throw new E.TypeError('decoding str is not supported');
  if (obj == null) throw new E.SystemError('bad argument to internal function');
  let b: Uint8Array;
  if (obj instanceof Uint8Array) b = obj;
  else {
    try { b = bytesOf(obj); } catch (e) {
      if (e instanceof E.TypeError) throw new E.TypeError(`decoding to str: need a bytes-like object, ${tpName(obj)} found`);
      throw e;
    }
  }
  return S.decode(b, encoding ?? 'utf-8', errors ?? 'strict');
}

/** HPyList_New(n): a list of n Nones */
export function listNew(n: any): any[] {
  const k = Number(n);
  if (!(k >= 0)) throw new E.SystemError('bad argument to internal function');
  if (k > 2 ** 32 - 1) throw new E.MemoryError();
  return new Array(k).fill(null);
}

function needList(l: any): any[] {
  if (!Array.isArray(l) || l instanceof PyTuple) throw new E.SystemError('bad argument to internal function');
  return l;
}

/** HPyList_Append */
export function listAppend(l: any, x: any): number {
  const a = needList(l);
  try {
    ARR.push.call(a, x);
  } catch (e) {
    throw E.storeError(e);
  }
  return 0;
}

/** HPyList_Insert (index clamped like list.insert) */
export function listInsert(l: any, i: any, x: any): number {
  const a = needList(l);
  let k = Number(i);
  if (k < 0) { k += a.length; if (k < 0) k = 0; }
  if (k > a.length) k = a.length;
  try {
    ARR.splice.call(a, k, 0, x);
  } catch (e) {
    throw E.storeError(e);
  }
  return 0;
}

/** HPyIter_Next: the next value or STOP */
export const iterNext = next;
/** HPyIter_Check */
export const iterCheck = isIterator;

/** HPySlice_New */
export function sliceNew(start: any, stop: any, step: any): PySlice {
  return new PySlice(start, stop, step);
}

const SSIZE_MAX = 2n ** 63n - 1n;
const SSIZE_MIN = -(2n ** 63n);

function clampSsize(v: any): number | bigint {
  const i = N.index(v);
  if (typeof i === 'number') return i;
  return normInt(i > SSIZE_MAX ? SSIZE_MAX : i < SSIZE_MIN ? SSIZE_MIN : i);
}

function sliceIndexArg(v: any): number | bigint {
  try {
    return clampSsize(v);
  } catch (e) {
    if (e instanceof E.TypeError) throw new E.TypeError('slice indices must be integers or None or have an __index__ method');
    throw e;
  }
}

/** HPySlice_Unpack: [start, stop, step] as Py_ssize_t values (bigint beyond 2**53) */
export function sliceUnpack(sl: any): PyTuple {
  if (!(sl instanceof PySlice)) throw new E.TypeError('expected a slice');
  let step: number | bigint = 1;
  if (sl.step != null) {
    step = sliceIndexArg(sl.step);
    if (step === 0 || step === 0n) throw new E.ValueError('slice step cannot be zero');
    if (typeof step === 'bigint' && step < -SSIZE_MAX) step = -SSIZE_MAX;
  }
  const neg = step < 0;
  const start = sl.start == null ? (neg ? SSIZE_MAX : 0) : sliceIndexArg(sl.start);
  const stop = sl.stop == null ? (neg ? SSIZE_MIN : SSIZE_MAX) : sliceIndexArg(sl.stop);
  return makeTuple([start, stop, step]);
}

/**
 * HPy_Call convention: `args` holds the positional arguments followed by
 * the values of the keyword arguments named in `kwnames` (array of str or
 * null).
 */
export function callKw(f: any, args: ArrayLike<any>, kwnames?: ArrayLike<string> | null): any {
  const a = Array.from(args ?? []);
  if (!kwnames || kwnames.length === 0) return call(f, a);
  const npos = a.length - kwnames.length;
  if (npos < 0) throw new E.SystemError('HPy_Call: more keyword names than arguments');
  const kws: Record<string, any> = {};
  for (let i = 0; i < kwnames.length; i++) {
    const k = kwnames[i];
    if (typeof k !== 'string') throw new E.TypeError('keywords must be strings');
    kws[k] = a[npos + i];
  }
  return call(f, a.slice(0, npos), new KwArgs(kws));
}
