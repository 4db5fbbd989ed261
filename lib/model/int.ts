// Python int arithmetic on number (safe integers) | bigint.
// Arguments are Python ints (bools already converted to 0/1 by callers);
// results are normalised (number when safe).

/* eslint-disable @typescript-eslint/no-explicit-any */
import { normInt } from './core';
import * as E from './exceptions';

export type Int = number | bigint;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export function big(a: Int | boolean): bigint {
  return typeof a === 'bigint' ? a : BigInt(a as any);
}

/** Convert a bigint/number int to a normalised Python int. */
export function norm(a: Int): Int {
  return typeof a === 'bigint' ? normInt(a) : a;
}

function fixZero(r: number): number { return r === 0 ? 0 : r; }

function bigGuard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError) throw new E.MemoryError();
    throw e;
  }
}

export function add(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return normInt(big(a) + big(b));
}

export function sub(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return fixZero(r);
  }
  return normInt(big(a) - big(b));
}

export function mul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return fixZero(r);
  }
  return bigGuard(() => normInt(big(a) * big(b)));
}

function isZero(a: Int): boolean { return a === 0 || a === 0n; }

export function floordiv(a: Int, b: Int): Int {
  if (isZero(b)) throw new E.ZeroDivisionError('integer division or modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') return fixZero(Math.floor(a / b));
  const x = big(a), y = big(b);
  let q = x / y;
  if ((x % y !== 0n) && ((x < 0n) !== (y < 0n))) q -= 1n;
  return normInt(q);
}

export function mod(a: Int, b: Int): Int {
  if (isZero(b)) throw new E.ZeroDivisionError('integer modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') {
    let r = a % b;
    if (r !== 0 && (r < 0) !== (b < 0)) r += b;
    return fixZero(r);
  }
  const x = big(a), y = big(b);
  let r = x % y;
  if (r !== 0n && (r < 0n) !== (y < 0n)) r += y;
  return normInt(r);
}

export function divmod(a: Int, b: Int): [Int, Int] {
  if (isZero(b)) throw new E.ZeroDivisionError('integer division or modulo by zero');
  return [floordiv(a, b), mod(a, b)];
}

function bitLengthBig(x: bigint): number {
  if (x < 0n) x = -x;
  if (x === 0n) return 0;
  return x.toString(2).length;
}

/** int / int, correctly rounded. */
export function truediv(a: Int, b: Int): number {
  if (isZero(b)) throw new E.ZeroDivisionError('division by zero');
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  let x = big(a), y = big(b);
  const neg = (x < 0n) !== (y < 0n);
  if (x < 0n) x = -x;
  if (y < 0n) y = -y;
  if (x === 0n) return neg ? -0 : 0;
  // both exactly representable: a plain division is correctly rounded
  if (x <= 2n ** 53n && y <= 2n ** 53n) {
    const r = Number(x) / Number(y);
    return neg ? -r : r;
  }
  const s = bitLengthBig(y) - bitLengthBig(x) + 55;
  let q: bigint, r: bigint;
  if (s >= 0) { q = (x << BigInt(s)) / y; r = (x << BigInt(s)) % y; } else { q = x / (y << BigInt(-s)); r = x % (y << BigInt(-s)); }
  if (r !== 0n) q |= 1n;
  // q has 55 or 56 significant bits; Number(q) rounds to nearest-even
  let res = Number(q);
  // scale by 2**-s in steps that stay exact
  let e = -s;
  while (e > 0) { const k = Math.min(e, 1000); res *= 2 ** k; e -= k; }
  while (e < 0) { const k = Math.min(-e, 1000); res /= 2 ** k; e += k; }
  if (!Number.isFinite(res)) throw new E.OverflowError('integer division result too large for a float');
  return neg ? -res : res;
}

/** int -> float (OverflowError when too large) */
export function toFloat(a: Int | boolean): number {
  if (typeof a === 'number') return a;
  if (typeof a === 'boolean') return a ? 1 : 0;
  const r = Number(a);
  if (!Number.isFinite(r)) throw new E.OverflowError('int too large to convert to float');
  return r;
}

/** a ** b for ints; negative b gives a float (via floatPow). */
export function pow(a: Int, b: Int): Int | number {
  if (b < 0) {
    // computed in floating point, as CPython does
    const fa = toFloat(a), fb = toFloat(b);
    if (fa === 0) throw new E.ZeroDivisionError('0.0 cannot be raised to a negative power');
    return require('./float').pow(fa, fb);
  }
  if (isZero(b)) return 1;
  if (a === 1 || a === 1n || isZero(a)) return norm(a);
  if (a === -1 || a === -1n) return big(b) % 2n === 0n ? 1 : -1;
  if (b === 1 || b === 1n) return norm(a);
  if (b === 2 || b === 2n) return mul(a, a);
  if (typeof b === 'bigint' || b > 0xffffffff) throw new E.MemoryError();
  return bigGuard(() => normInt(big(a) ** big(b)));
}

function modpowBig(base: bigint, exp: bigint, m: bigint): bigint {
  let r = 1n;
  base %= m;
  if (base < 0n) base += m;
  while (exp > 0n) {
    if (exp & 1n) r = (r * base) % m;
    exp >>= 1n;
    if (exp) base = (base * base) % m;
  }
  return r;
}

function modInverse(a: bigint, m: bigint): bigint | null {
  // m > 0
  let [r0, r1] = [((a % m) + m) % m, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) return null;
  return ((s0 % m) + m) % m;
}

/** pow(a, b, m) for ints */
export function powmod(a: Int, b: Int, m: Int): Int {
  if (isZero(m)) throw new E.ValueError('pow() 3rd argument cannot be 0');
  let x = big(a), e = big(b);
  const M = big(m);
  const am = M < 0n ? -M : M;
  if (e < 0n) {
    const inv = modInverse(x, am);
    if (inv === null) throw new E.ValueError('base is not invertible for the given modulus');
    x = inv;
    e = -e;
  }
  if (am === 1n) return 0;
  let r = modpowBig(x, e, am);
  if (M < 0n && r !== 0n) r -= am;
  return normInt(r);
}

export function neg(a: Int): Int {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  return normInt(-a);
}

export function abs(a: Int): Int {
  if (typeof a === 'number') return Math.abs(a);
  return normInt(a < 0n ? -a : a);
}

export function invert(a: Int): Int {
  if (typeof a === 'number') return -a - 1 >= -MAX_SAFE ? -a - 1 : normInt(-big(a) - 1n);
  return normInt(-a - 1n);
}

function shiftCount(n: Int): Int {
  if (n < 0) throw new E.ValueError('negative shift count');
  return n;
}

export function lshift(a: Int, n: Int): Int {
  shiftCount(n);
  if (isZero(a)) return 0;
  if (typeof n === 'bigint' || n > 0x7fffffff) throw new E.OverflowError('too many digits in integer');
  if (typeof a === 'number' && n < 53) {
    const r = a * 2 ** n;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return bigGuard(() => normInt(big(a) << BigInt(n)));
}

export function rshift(a: Int, n: Int): Int {
  shiftCount(n);
  if (typeof n === 'bigint' || n > 0x7fffffff) return a < 0 ? -1 : 0;
  if (typeof a === 'number') {
    if (n >= 64) return a < 0 ? -1 : 0;
    return fixZero(Math.floor(a / 2 ** n));
  }
  return normInt(a >> BigInt(n));
}

function isI32(a: Int): a is number { return typeof a === 'number' && (a | 0) === a; }

export function and(a: Int, b: Int): Int {
  if (isI32(a) && isI32(b)) return a & b;
  return normInt(big(a) & big(b));
}
export function or(a: Int, b: Int): Int {
  if (isI32(a) && isI32(b)) return a | b;
  return normInt(big(a) | big(b));
}
export function xor(a: Int, b: Int): Int {
  if (isI32(a) && isI32(b)) return a ^ b;
  return normInt(big(a) ^ big(b));
}

/** Compare two ints: -1, 0, 1 */
export function compare(a: Int, b: Int): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function bitLength(a: Int): number {
  if (typeof a === 'number') {
    const x = Math.abs(a);
    return x === 0 ? 0 : x < 2 ** 31 ? 32 - Math.clz32(x) : x.toString(2).length;
  }
  return bitLengthBig(a);
}

/** Python int(round(a, ndigits)) for ints (half to even), ndigits < 0 */
export function roundInt(a: Int, ndigits: Int): Int {
  if (ndigits >= 0) return a;
  const nd = -big(ndigits);
  if (nd > 100000n) return 0;
  const p = 10n ** nd;
  const x = big(a);
  let q = x / p, r = x % p;
  if (r < 0n) { r += p; q -= 1n; }
  const twice = 2n * r;
  if (twice > p || (twice === p && (q & 1n) === 1n)) q += 1n;
  return normInt(q * p);
}

/** str(int) in base 2, 8, 10 or 16 with Python's prefix ('0b', '0o', '0x'). */
export function toBaseString(a: Int, base: number, prefix = true): string {
  const negative = a < 0;
  const mag = typeof a === 'bigint' ? (a < 0n ? -a : a) : Math.abs(a);
  const digits = mag.toString(base);
  const p = !prefix ? '' : base === 2 ? '0b' : base === 8 ? '0o' : base === 16 ? '0x' : '';
  return (negative ? '-' : '') + p + digits;
}

// ---------------------------------------------------------------------------
// parsing (int('...', base))

const PY_SPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const ND = /\p{Nd}/u;

/** Map Unicode decimal digits to ASCII and Unicode spaces to ' ' (as CPython does before parsing numbers). */
export function asciiDigits(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) { out += ch; continue; }
    if (PY_SPACE.test(ch)) { out += ' '; continue; }
    if (ND.test(ch)) {
      // find the zero of this run of digits
      const cp = ch.codePointAt(0)!;
      let z = cp;
      while (z > 0 && cp - z < 100 && ND.test(String.fromCodePoint(z - 1))) z--;
      // runs of several digit sets: value is the offset modulo 10
      out += String((cp - z) % 10);
      continue;
    }
    out += ch;
  }
  return out;
}

export function pyStrip(s: string): string {
  return s.replace(/^[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, '');
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

/** Parse a Python int literal; returns undefined when invalid. */
export function parseIntLiteral(text: string, base: number): Int | undefined {
  let s = pyStrip(asciiDigits(text));
  let negative = false;
  if (s[0] === '+' || s[0] === '-') { negative = s[0] === '-'; s = s.slice(1); }
  if (s.length === 0) return undefined;
  let prefixed = false;
  if (s.length >= 2 && s[0] === '0') {
    const c = s[1].toLowerCase();
    const pb = c === 'x' ? 16 : c === 'o' ? 8 : c === 'b' ? 2 : 0;
    if (pb && (base === 0 || base === pb)) { base = pb; s = s.slice(2); prefixed = true; }
  }
  if (base === 0) {
    base = 10;
    // "0", "00", "0_0" are fine, other leading zeros are not
    if (s[0] === '0' && !/^0+(_0+)*$/.test(s)) return undefined;
  }
  // underscores: single, between digits (or right after a base prefix)
  if (s.length === 0) return undefined;
  if (s[0] === '_' && !prefixed) return undefined;
  if (s.endsWith('_') || s.includes('__')) return undefined;
  const clean = s.replace(/_/g, '');
  if (clean.length === 0) return undefined;
  for (let i = 0; i < clean.length; i++) if (digitValue(clean.charCodeAt(i)) >= base) return undefined;
  let r: bigint | number;
  if (base === 10 && clean.length <= 15) r = Number(clean);
  else if (base === 16 || base === 8 || base === 2 || base === 10) {
    const pre = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
    r = BigInt(pre + clean);
  } else {
    let acc = 0n;
    const B = BigInt(base);
    // chunks keep the bigint work small
    const chunk = Math.floor(Math.log(MAX_SAFE) / Math.log(base));
    for (let i = 0; i < clean.length; i += chunk) {
      const part = clean.slice(i, i + chunk);
      let v = 0;
      for (let j = 0; j < part.length; j++) v = v * base + digitValue(part.charCodeAt(j));
      acc = acc * B ** BigInt(part.length) + BigInt(v);
    }
    r = acc;
  }
  if (typeof r === 'number') return negative ? fixZero(-r) : r;
  return normInt(negative ? -r : r);
}
