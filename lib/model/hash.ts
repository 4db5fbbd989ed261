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

const M64 = (1n << 64n) - 1n;
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/** CPython's tuple hash */
export function hashTuple(t: ArrayLike<any>): number | bigint {
  let acc = XXPRIME_5;
  for (let i = 0; i < t.length; i++) {
    const h = hash(t[i]);
    const lane = BigInt.asUintN(64, BigInt(h));
    acc = (acc + lane * XXPRIME_2) & M64;
    acc = ((acc << 31n) | (acc >> 33n)) & M64;
    acc = (acc * XXPRIME_1) & M64;
  }
  acc = (acc + (BigInt(t.length) ^ (XXPRIME_5 ^ 3527539n))) & M64;
  if (acc === M64) return 1546275796;
  return normInt(BigInt.asIntN(64, acc));
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
