// hash(): CPython's numeric hash (mod 2**61-1), tuple hash (xxHash-based,
// as CPython 3.8+), a stable FNV-1a hash for str/bytes, identity hashes
// for other objects.

/* eslint-disable @typescript-eslint/no-explicit-any */
import { PyTuple, PyComplex, PySlice, special, normInt, isPlainDict } from './core';
import * as E from './exceptions';
import { tpName } from './types';
import { decompose } from './float';

const P = (1n << 61n) - 1n;
const INF_HASH = 314159;

/** hash of a Python int */
export function hashInt(n: number | bigint): number | bigint {
  if (typeof n === 'number') return n === -1 ? -2 : n; // |n| < 2**53 < P
  const neg = n < 0n;
  let h = (neg ? -n : n) % P;
  if (neg) h = -h;
  if (h === -1n) h = -2n;
  return normInt(h);
}

/** hash of a Python float */
export function hashFloat(x: number): number | bigint {
  if (x !== x) return 0;
  if (x === Infinity) return INF_HASH;
  if (x === -Infinity) return -INF_HASH;
  if (Number.isSafeInteger(x)) return x === -1 ? -2 : x === 0 ? 0 : x;
  const [m, e] = decompose(x);
  // m * 2**e mod P; 2**61 = 1 (mod P) so exponents reduce mod 61
  const e61 = ((e % 61) + 61) % 61;
  let h = (m << BigInt(e61)) % P;
  if (x < 0) h = -h;
  if (h === -1n) h = -2n;
  return normInt(h);
}

/** FNV-1a over UTF-16 code units (stable across runs) */
export function hashStr(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // mix in the length; spread into 53 bits, never -1
  return (h >>> 0) * 2097152 + (s.length & 0x1fffff);
}

export function hashBytes(b: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) {
    h ^= b[i];
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) * 2097152 + ((b.length ^ 0x5bd1e) & 0x1fffff);
}

// 64-bit arithmetic on [hi, lo] uint32 halves (no BigInt on the hot path)
let rHi = 0, rLo = 0;

/** rHi:rLo = (aHi:aLo) * (bHi:bLo) mod 2**64 */
function mul64(aHi: number, aLo: number, bHi: number, bLo: number): void {
  const a0 = aLo & 0xffff, a1 = aLo >>> 16, b0 = bLo & 0xffff, b1 = bLo >>> 16;
  const p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  rLo = (((mid & 0xffff) << 16) | (p00 & 0xffff)) >>> 0;
  const hi = p11 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
  rHi = (hi + Math.imul(aHi, bLo) + Math.imul(aLo, bHi)) >>> 0;
}

function add64(aHi: number, aLo: number, bHi: number, bLo: number): void {
  const lo = aLo + bLo;
  rLo = lo >>> 0;
  rHi = (aHi + bHi + (lo > 0xffffffff ? 1 : 0)) >>> 0;
}

const P1H = 0x9e3779b1, P1L = 0x85ebca87;
const P2H = 0xc2b2ae3d, P2L = 0x27d4eb4f;
const P5H = 0x27d4eb2f, P5L = 0x165667c5;
const KH = 0x27d4eb2f, KL = 0x1663b4b6; // P5 ^ 3527539

const tupleHashes = new WeakMap<object, number | bigint>();

/** CPython's tuple hash (xxHash-based); cached per (frozen) tuple */
export function hashTuple(t: ArrayLike<any>): number | bigint {
  let h = tupleHashes.get(t as object);
  if (h === undefined) {
    h = computeTupleHash(t);
    if (Object.isFrozen(t)) tupleHashes.set(t as object, h);
  }
  return h;
}

function computeTupleHash(t: ArrayLike<any>): number | bigint {
  let accH = P5H, accL = P5L;
  for (let i = 0; i < t.length; i++) {
    const h = hash(t[i]);
    let lh: number, ll: number;
    if (typeof h === 'number') {
      ll = h >>> 0;
      lh = Math.floor(h / 4294967296) >>> 0;
    } else {
      const u = BigInt.asUintN(64, h);
      lh = Number(u >> 32n);
      ll = Number(u & 0xffffffffn);
    }
    mul64(lh, ll, P2H, P2L);
    add64(accH, accL, rHi, rLo);
    // rotate left by 31
    const nh = ((rHi << 31) | (rLo >>> 1)) >>> 0;
    const nl = ((rLo << 31) | (rHi >>> 1)) >>> 0;
    mul64(nh, nl, P1H, P1L);
    accH = rHi; accL = rLo;
  }
  add64(accH, accL, KH, (KL ^ t.length) >>> 0);
  if (rHi === 0xffffffff && rLo === 0xffffffff) return 1546275796;
  const sh = rHi | 0;
  if (sh > -0x200000 && sh < 0x200000) return sh * 4294967296 + rLo;
  return normInt((BigInt(sh) << 32n) | BigInt(rLo));
}

function hashComplex(c: PyComplex): number | bigint {
  const hr = BigInt(hashFloat(c.real));
  const hi = BigInt(hashFloat(c.imag));
  let h = BigInt.asIntN(64, hr + 1000003n * hi);
  if (h === -1n) h = -2n;
  return normInt(h);
}

let nextId = 1;
const ids = new WeakMap<object, number>();
const symIds = new Map<symbol, number>();

/** a stable identity number for an object (id()) */
export function identity(v: any): number {
  if (typeof v === 'symbol') {
    let n = symIds.get(v);
    if (n === undefined) { n = nextId++ * 16; symIds.set(v, n); }
    return n;
  }
  let n = ids.get(v);
  if (n === undefined) {
    n = nextId++ * 16;
    ids.set(v, n);
  }
  return n;
}

const NONE_HASH = 0x6e6f6e65;

function unhashable(v: any): never {
  throw new E.TypeError(`unhashable type: '${tpName(v)}'`);
}

/** Python hash(v) */
export function hash(v: any): number | bigint {
  switch (typeof v) {
    case 'number':
      return Number.isSafeInteger(v) ? (v === -1 ? -2 : v === 0 ? 0 : v) : hashFloat(v);
    case 'string': return hashStr(v);
    case 'boolean': return v ? 1 : 0;
    case 'bigint': return hashInt(v);
    case 'undefined': return NONE_HASH;
    case 'symbol': return identity(v);
    case 'function': return identity(v);
  }
  if (v === null) return NONE_HASH;
  if (v instanceof PyTuple) return hashTuple(v);
  if (v instanceof Uint8Array) return hashBytes(v);
  if (Array.isArray(v) || isPlainDict(v) || v instanceof Map || v instanceof Set) {
    const h = special(v, '__hash__');
    if (typeof h === 'function') return checkHash(h.call(v), v);
    return unhashable(v);
  }
  if (v instanceof PyComplex) return hashComplex(v);
  if (v instanceof PySlice) return unhashable(v);
  const h = special(v, '__hash__');
  if (h === null) return unhashable(v);
  if (h) return checkHash(h.call(v), v);
  if (special(v, '__eq__')) return unhashable(v);
  return identity(v);
}

function checkHash(r: any, v: any): number | bigint {
  if (typeof r === 'boolean') return r ? 1 : 0;
  if (typeof r === 'number' && Number.isSafeInteger(r)) return r === -1 ? -2 : r;
  if (typeof r === 'bigint') {
    // fold into the range of Py_hash_t as CPython does for big results
    if (r >= -(1n << 63n) && r < (1n << 63n)) return r === -1n ? -2 : normInt(r);
    return hashInt(r);
  }
  throw new E.TypeError(`__hash__ method should return an integer` + (v ? '' : ''));
}
