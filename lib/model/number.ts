// The number protocol: binary operators with Python's dispatch (left
// __op__, reflected __rop__, NotImplemented, subclass first), in-place
// variants, unary operators and conversions (index, int, float).

/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  NotImplemented, PyTuple, PyComplex, PySlice, special, isPlainDict, makeTuple, isInt, ARR,
} from './core';
import * as E from './exceptions';
import { typeOf, isSubtype, tpName } from './types';
import * as I from './int';
import * as F from './float';
import { dictCopy, dictUpdate } from './dict';
import { toArray } from './iter';

const NI = NotImplemented;

/** numeric kind: 0 none, 1 int (incl. bool), 2 float, 3 complex */
function kind(v: any): number {
  switch (typeof v) {
    case 'number': return Number.isSafeInteger(v) && (v !== 0 || 1 / v > 0) ? 1 : 2;
    case 'bigint': case 'boolean': return 1;
    case 'object': return v instanceof PyComplex ? 3 : 0;
  }
  return 0;
}

function ival(v: any): number | bigint {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

function fval(v: any): number {
  return typeof v === 'number' ? v : I.toFloat(v);
}

function cval(v: any): PyComplex {
  return v instanceof PyComplex ? v : new PyComplex(fval(v), 0);
}

// ---------------------------------------------------------------------------
// complex kernels

function complexDiv(a: PyComplex, b: PyComplex): PyComplex {
  const abs_breal = Math.abs(b.real), abs_bimag = Math.abs(b.imag);
  if (abs_breal >= abs_bimag) {
    if (abs_breal === 0) throw new E.ZeroDivisionError('complex division by zero');
    const ratio = b.imag / b.real;
    const denom = b.real + b.imag * ratio;
    return new PyComplex((a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom);
  }
  if (abs_bimag >= abs_breal) {
    const ratio = b.real / b.imag;
    const denom = b.real * ratio + b.imag;
    return new PyComplex((a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom);
  }
  return new PyComplex(NaN, NaN);
}

function complexMul(a: PyComplex, b: PyComplex): PyComplex {
  return new PyComplex(a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real);
}

function complexPowInt(a: PyComplex, n: number): PyComplex {
  let r = new PyComplex(1, 0);
  let p = a;
  let m = Math.abs(n);
  while (m > 0) {
    if (m & 1) r = complexMul(r, p);
    p = complexMul(p, p);
    m >>= 1;
  }
  return n < 0 ? complexDiv(new PyComplex(1, 0), r) : r;
}

function complexOp(op: string, a: PyComplex, b: PyComplex): any {
  switch (op) {
    case 'add': return new PyComplex(a.real + b.real, a.imag + b.imag);
    case 'sub': return new PyComplex(a.real - b.real, a.imag - b.imag);
    case 'mul': return complexMul(a, b);
    case 'truediv': return complexDiv(a, b);
    case 'pow':
      if (b.imag === 0 && Number.isInteger(b.real) && Math.abs(b.real) <= 100) {
        if (a.real === 0 && a.imag === 0 && b.real < 0) throw new E.ZeroDivisionError('0.0 to a negative or complex power');
        return complexPowInt(a, b.real);
      }
      return F.complexPow(a.real, a.imag, b.real, b.imag);
  }
  return NI;
}

// ---------------------------------------------------------------------------
// numeric kernels

function intOp(op: string, a: any, b: any): any {
  const x = ival(a), y = ival(b);
  switch (op) {
    case 'add': return I.add(x, y);
    case 'sub': return I.sub(x, y);
    case 'mul': return I.mul(x, y);
    case 'truediv': return I.truediv(x, y);
    case 'floordiv': return I.floordiv(x, y);
    case 'mod': return I.mod(x, y);
    case 'divmod': return makeTuple(I.divmod(x, y));
    case 'pow': return I.pow(x, y);
    case 'lshift': return I.lshift(x, y);
    case 'rshift': return I.rshift(x, y);
    case 'and': return typeof a === 'boolean' && typeof b === 'boolean' ? a && b : I.and(x, y);
    case 'or': return typeof a === 'boolean' && typeof b === 'boolean' ? a || b : I.or(x, y);
    case 'xor': return typeof a === 'boolean' && typeof b === 'boolean' ? a !== b : I.xor(x, y);
  }
  return NI;
}

function floatOp(op: string, x: number, y: number): any {
  switch (op) {
    case 'add': return x + y;
    case 'sub': return x - y;
    case 'mul': return x * y;
    case 'truediv': return F.truediv(x, y);
    case 'floordiv': return F.floordiv(x, y);
    case 'mod': return F.mod(x, y);
    case 'divmod': return makeTuple(F.divmod(x, y));
    case 'pow': return F.pow(x, y);
  }
  return NI;
}

function numKernel(op: string, a: any, b: any, ka: number, kb: number): any {
  if (ka === 1 && kb === 1) return intOp(op, a, b);
  if (ka === 3 || kb === 3) return complexOp(op, cval(a), cval(b));
  if (op === 'and' || op === 'or' || op === 'xor' || op === 'lshift' || op === 'rshift' || op === 'matmul') return NI;
  return floatOp(op, fval(a), fval(b));
}

function isListValue(v: any): boolean {
  return Array.isArray(v) && !(v instanceof PyTuple);
}

/** index-sized repeat count of a sequence multiplication, or undefined */
function repeatCount(n: any): number | undefined {
  if (typeof n === 'number' && Number.isSafeInteger(n)) return n;
  if (typeof n === 'boolean') return n ? 1 : 0;
  if (typeof n === 'bigint' || special(n, '__index__')) {
    const i = index(n);
    if (typeof i === 'bigint') {
      if (i < 0n) return 0;
      throw new E.OverflowError(`cannot fit 'int' into an index-sized integer`);
    }
    return i;
  }
  return undefined;
}

function memGuard<T>(f: () => T): T {
  try { return f(); } catch (e) {
    if (e instanceof RangeError) throw new E.MemoryError();
    throw e;
  }
}

function repeatSeq(seq: any, n: number): any {
  if (n < 0) n = 0;
  if (typeof seq === 'string') return memGuard(() => seq.repeat(n));
  if (seq instanceof Uint8Array) {
    return memGuard(() => {
      const out = Buffer.alloc(seq.length * n);
      for (let i = 0; i < n; i++) out.set(seq, i * seq.length);
      return out;
    });
  }
  const out: any[] = [];
  memGuard(() => { for (let i = 0; i < n; i++) for (let j = 0; j < seq.length; j++) out.push(seq[j]); });
  return seq instanceof PyTuple ? (n === 1 ? seq : makeTuple(out)) : out;
}

function isSequenceValue(v: any): boolean {
  return typeof v === 'string' || Array.isArray(v) || v instanceof Uint8Array;
}

let fmtMod: any;

/** the builtin implementation of a binary operator (NotImplemented if n/a) */
function kernel(op: string, a: any, b: any): any {
  const ka = kind(a), kb = kind(b);
  if (ka && kb) return numKernel(op, a, b, ka, kb);
  switch (op) {
    case 'add':
      if (typeof a === 'string') return typeof b === 'string' ? a + b : NI;
      if (Array.isArray(a)) {
        if (!Array.isArray(b)) return NI;
        if (a instanceof PyTuple) return b instanceof PyTuple ? makeTuple(a.concat(Array.prototype.slice.call(b)) as any) : NI;
        return b instanceof PyTuple ? NI : Array.prototype.concat.call(Array.prototype.slice.call(a), Array.prototype.slice.call(b));
      }
      if (a instanceof Uint8Array) return b instanceof Uint8Array ? Buffer.concat([a, b]) : NI;
      return NI;
    case 'mul': {
      if (isSequenceValue(a) && kb === 0) return NI;
      if (isSequenceValue(a)) {
        const n = repeatCount(b);
        return n === undefined ? NI : repeatSeq(a, n);
      }
      if (isSequenceValue(b)) {
        const n = repeatCount(a);
        return n === undefined ? NI : repeatSeq(b, n);
      }
      return NI;
    }
    case 'mod':
      if (typeof a === 'string' || a instanceof Uint8Array) return (fmtMod ??= require('./format')).percentFormat(a, b);
      return NI;
    case 'or':
      if ((isPlainDict(a) || a instanceof Map) && (isPlainDict(b) || b instanceof Map)) {
        const d = dictCopy(a);
        dictUpdate(d, b);
        return d;
      }
      return NI;
  }
  return NI;
}

interface Op { name: string; sym: string; d: string; r: string; i: string | null; isym: string; }

function mk(name: string, sym: string, dn: string, inplace = true): Op {
  return { name, sym, d: `__${dn}__`, r: `__r${dn}__`, i: inplace ? `__i${dn}__` : null, isym: sym + '=' };
}

const OPS: Record<string, Op> = {
  add: mk('add', '+', 'add'),
  sub: mk('sub', '-', 'sub'),
  mul: mk('mul', '*', 'mul'),
  matmul: mk('matmul', '@', 'matmul'),
  truediv: mk('truediv', '/', 'truediv'),
  floordiv: mk('floordiv', '//', 'floordiv'),
  mod: mk('mod', '%', 'mod'),
  divmod: mk('divmod', 'divmod()', 'divmod', false),
  pow: mk('pow', '** or pow()', 'pow'),
  lshift: mk('lshift', '<<', 'lshift'),
  rshift: mk('rshift', '>>', 'rshift'),
  and: mk('and', '&', 'and'),
  xor: mk('xor', '^', 'xor'),
  or: mk('or', '|', 'or'),
};
OPS.pow.isym = '**=';

function isBuiltinBacked(v: any): boolean {
  switch (typeof v) {
    case 'object':
      return v === null || Array.isArray(v) || v instanceof Uint8Array || isPlainDict(v) || v instanceof Map ||
        v instanceof PyComplex || v instanceof PySlice;
    case 'function': case 'symbol': return false;
  }
  return true;
}

const KERNEL = Symbol('kernel');

function failBinary(op: Op, a: any, b: any, sym: string): never {
  if (op.name === 'add' && !special(a, op.d)) {
    if (typeof a === 'string') throw new E.TypeError(`can only concatenate str (not "${tpName(b)}") to str`);
    if (isListValue(a)) throw new E.TypeError(`can only concatenate list (not "${tpName(b)}") to list`);
    if (a instanceof PyTuple) throw new E.TypeError(`can only concatenate tuple (not "${tpName(b)}") to tuple`);
    if (a instanceof Uint8Array) throw new E.TypeError(`can't concat ${tpName(b)} to ${tpName(a)}`);
  }
  if (op.name === 'mul') {
    if (isSequenceValue(a) || isSequenceValue(b)) {
      const other = isSequenceValue(a) ? b : a;
      throw new E.TypeError(`can't multiply sequence by non-int of type '${tpName(other)}'`);
    }
  }
  throw new E.TypeError(`unsupported operand type(s) for ${sym}: '${tpName(a)}' and '${tpName(b)}'`);
}

function binary(op: Op, a: any, b: any, sym: string = op.sym): any {
  let lm: any = special(a, op.d);
  if (lm === undefined && isBuiltinBacked(a)) lm = KERNEL;
  let rm: any;
  const ta = typeOf(a), tb = typeOf(b);
  if (ta !== tb) {
    rm = special(b, op.r);
    if (rm === undefined && isBuiltinBacked(b)) rm = KERNEL;
    if (rm === KERNEL && lm === KERNEL) rm = undefined;
    if (rm && rm !== KERNEL && isSubtype(tb, ta) && rm !== special(a, op.r)) {
      const r = rm.call(b, a);
      if (r !== NI) return r;
      rm = undefined;
    }
  }
  if (lm) {
    const r = lm === KERNEL ? kernel(op.name, a, b) : lm.call(a, b);
    if (r !== NI) return r;
  }
  if (rm) {
    const r = rm === KERNEL ? kernel(op.name, a, b) : rm.call(b, a);
    if (r !== NI) return r;
  }
  return failBinary(op, a, b, sym);
}

function fastNum(op: string, a: number, b: number): any {
  const ka = Number.isSafeInteger(a) && (a !== 0 || 1 / a > 0) ? 1 : 2;
  const kb = Number.isSafeInteger(b) && (b !== 0 || 1 / b > 0) ? 1 : 2;
  return numKernel(op, a, b, ka, kb);
}

export function add(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r) || !Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return r;
    return I.add(a, b);
  }
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  return binary(OPS.add, a, b);
}
export function sub(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') return fastNum('sub', a, b);
  return binary(OPS.sub, a, b);
}
export function mul(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') return fastNum('mul', a, b);
  return binary(OPS.mul, a, b);
}
export function matmul(a: any, b: any): any { return binary(OPS.matmul, a, b); }
export function truediv(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw new E.ZeroDivisionError(Number.isSafeInteger(a) && Number.isSafeInteger(b) && !Object.is(a, -0) && !Object.is(b, -0) ? 'division by zero' : 'float division by zero');
    return a / b;
  }
  return binary(OPS.truediv, a, b);
}
export function floordiv(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') return fastNum('floordiv', a, b);
  return binary(OPS.floordiv, a, b);
}
export function mod(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') return fastNum('mod', a, b);
  return binary(OPS.mod, a, b);
}
export function divmod(a: any, b: any): any { return binary(OPS.divmod, a, b); }
export function lshift(a: any, b: any): any { return binary(OPS.lshift, a, b); }
export function rshift(a: any, b: any): any { return binary(OPS.rshift, a, b); }
export function and(a: any, b: any): any { return binary(OPS.and, a, b); }
export function or(a: any, b: any): any { return binary(OPS.or, a, b); }
export function xor(a: any, b: any): any { return binary(OPS.xor, a, b); }

/** pow(a, b[, c]) */
export function pow(a: any, b: any, c: any = null): any {
  if (c == null) return binary(OPS.pow, a, b);
  if (kind(a) === 1 && kind(b) === 1 && kind(c) === 1) return I.powmod(ival(a), ival(b), ival(c));
  // ternary dispatch: a's __pow__, then b's __rpow__ with the modulus (first when b's type is a
  // subclass of a's that overrides it), as CPython does for the slots of extension types
  const f = special(a, '__pow__');
  const ta = typeOf(a), tb = typeOf(b);
  let g: any = ta !== tb ? special(b, '__rpow__') : undefined;
  if (g && g === special(a, '__rpow__')) g = undefined;
  if (g && f && isSubtype(tb, ta)) {
    const r = g.call(b, a, c);
    if (r !== NI) return r;
    g = undefined;
  }
  if (f) {
    const r = f.call(a, b, c);
    if (r !== NI) return r;
  }
  if (g) {
    const r = g.call(b, a, c);
    if (r !== NI) return r;
  }
  if (kind(a) && kind(b) && kind(c)) throw new E.TypeError('pow() 3rd argument not allowed unless all arguments are integers');
  throw new E.TypeError(`unsupported operand type(s) for ** or pow(): '${tpName(a)}', '${tpName(b)}', '${tpName(c)}'`);
}

// ---------------------------------------------------------------------------
// in-place

function inplace(op: Op, a: any, b: any): any {
  if (op.i) {
    const f = special(a, op.i);
    if (f) {
      const r = f.call(a, b);
      if (r !== NI) return r;
    }
  }
  if (isListValue(a) && !special(a, op.d)) {
    if (op.name === 'add') {
      const items = a === b ? ARR.slice.call(a) : toArray(b);
      for (const x of items) ARR.push.call(a, x);
      return a;
    }
    if (op.name === 'mul') {
      const n = repeatCount(b);
      if (n !== undefined) {
        if (n <= 0) a.length = 0;
        else {
          const orig = ARR.slice.call(a);
          memGuard(() => { for (let i = 1; i < n; i++) for (const x of orig) ARR.push.call(a, x); });
        }
        return a;
      }
    }
  }
  if (op.name === 'or' && (isPlainDict(a) || a instanceof Map) && !special(a, op.d)) {
    dictUpdate(a, b);
    return a;
  }
  return binary(op, a, b, op.isym);
}

export const inplaceAdd = (a: any, b: any): any => inplace(OPS.add, a, b);
export const inplaceSub = (a: any, b: any): any => inplace(OPS.sub, a, b);
export const inplaceMul = (a: any, b: any): any => inplace(OPS.mul, a, b);
export const inplaceMatmul = (a: any, b: any): any => inplace(OPS.matmul, a, b);
export const inplaceTruediv = (a: any, b: any): any => inplace(OPS.truediv, a, b);
export const inplaceFloordiv = (a: any, b: any): any => inplace(OPS.floordiv, a, b);
export const inplaceMod = (a: any, b: any): any => inplace(OPS.mod, a, b);
export const inplaceLshift = (a: any, b: any): any => inplace(OPS.lshift, a, b);
export const inplaceRshift = (a: any, b: any): any => inplace(OPS.rshift, a, b);
export const inplaceAnd = (a: any, b: any): any => inplace(OPS.and, a, b);
export const inplaceOr = (a: any, b: any): any => inplace(OPS.or, a, b);
export const inplaceXor = (a: any, b: any): any => inplace(OPS.xor, a, b);
export function inplacePow(a: any, b: any, c: any = null): any {
  if (c != null) return pow(a, b, c);
  return inplace(OPS.pow, a, b);
}

// ---------------------------------------------------------------------------
// unary

function unary(v: any, dunder: string, what: string, f: (k: number) => any): any {
  const k = kind(v);
  if (k) {
    const r = f(k);
    if (r !== NI) return r;
  } else {
    const m = special(v, dunder);
    if (m) return m.call(v);
  }
  throw new E.TypeError(`bad operand type for ${what}: '${tpName(v)}'`);
}

export function neg(v: any): any {
  return unary(v, '__neg__', 'unary -', k => {
    if (k === 1) return I.neg(ival(v));
    if (k === 2) return -v;
    return new PyComplex(-v.real, -v.imag);
  });
}
export function pos(v: any): any {
  return unary(v, '__pos__', 'unary +', k => (k === 1 ? ival(v) : v));
}
export function abs(v: any): any {
  return unary(v, '__abs__', 'abs()', k => {
    if (k === 1) return I.abs(ival(v));
    if (k === 2) return Math.abs(v);
    return Math.hypot(v.real, v.imag);
  });
}
export function invert(v: any): any {
  return unary(v, '__invert__', 'unary ~', k => (k === 1 ? I.invert(ival(v)) : NI));
}

// ---------------------------------------------------------------------------
// conversions

/** operator.index(v) / HPy_Index: an int (bool -> 0/1) */
export function index(v: any): number | bigint {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v === 0 ? 0 : v;
  if (typeof v === 'bigint') return I.norm(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  const f = special(v, '__index__');
  if (f) {
    let r = f.call(v);
    if (typeof r === 'boolean') r = r ? 1 : 0;
    if (!isInt(r)) throw new E.TypeError(`__index__ returned non-int (type ${tpName(r)})`);
    return I.norm(r as any);
  }
  throw new E.TypeError(`'${tpName(v)}' object cannot be interpreted as an integer`);
}

/** index() then clamp into a JS number (for lengths/indices); OverflowError when too large */
export function asIndex(v: any, clamp = false): number {
  const i = index(v);
  if (typeof i === 'number') return i;
  if (clamp) return i < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  throw new E.IndexError(`cannot fit 'int' into an index-sized integer`);
}

/** HPy_Long / int(v) with one argument */
export function toInt(v: any): number | bigint {
  switch (typeof v) {
    case 'number':
      if (Number.isSafeInteger(v)) return v === 0 ? 0 : v;
      return F.truncToInt(v);
    case 'bigint': return I.norm(v);
    case 'boolean': return v ? 1 : 0;
    case 'string': {
      const r = I.parseIntLiteral(v, 10);
      if (r === undefined) throw new E.ValueError(`invalid literal for int() with base 10: ${require('./str').repr(v)}`);
      return r;
    }
  }
  if (v instanceof Uint8Array) {
    const s = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1');
    const r = I.parseIntLiteral(s, 10);
    if (r === undefined) throw new E.ValueError(`invalid literal for int() with base 10: ${require('./bytes').repr(v)}`);
    return r;
  }
  for (const name of ['__int__', '__index__']) {
    const f = special(v, name);
    if (f) {
      let r = f.call(v);
      if (typeof r === 'boolean') r = r ? 1 : 0;
      if (!isInt(r)) throw new E.TypeError(`${name} returned non-int (type ${tpName(r)})`);
      return I.norm(r as any);
    }
  }
  const t = special(v, '__trunc__');
  if (t) return index(t.call(v));
  throw new E.TypeError(`int() argument must be a string, a bytes-like object or a real number, not '${tpName(v)}'`);
}

/** HPy_Float / float(v) */
export function toFloat(v: any): number {
  switch (typeof v) {
    case 'number': return v;
    case 'bigint': return I.toFloat(v);
    case 'boolean': return v ? 1 : 0;
    case 'string': {
      const r = F.parseFloatLiteral(v);
      if (r === undefined) throw new E.ValueError(`could not convert string to float: ${require('./str').repr(v)}`);
      return r;
    }
  }
  if (v instanceof Uint8Array) {
    const s = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1');
    const r = F.parseFloatLiteral(s);
    if (r === undefined) throw new E.ValueError(`could not convert string to float: ${require('./bytes').repr(v)}`);
    return r;
  }
  const f = special(v, '__float__');
  if (f) {
    const r = f.call(v);
    if (typeof r === 'number') return r;
    if (typeof r === 'bigint') return I.toFloat(r);
    throw new E.TypeError(`${tpName(v)}.__float__ returned non-float (type ${tpName(r)})`);
  }
  if (special(v, '__index__')) return I.toFloat(index(v));
  throw new E.TypeError(`float() argument must be a string or a real number, not '${tpName(v)}'`);
}

/** HPyNumber_Check */
export function numberCheck(v: any): boolean {
  const k = kind(v);
  if (k) return true;
  return !!(special(v, '__index__') || special(v, '__int__') || special(v, '__float__') || special(v, '__complex__'));
}

export { OPS };
