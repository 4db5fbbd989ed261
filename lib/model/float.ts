// Python float semantics on JS numbers: arithmetic corner cases, repr,
// exact decimal formatting (%f %e %g with round-half-even on the exact
// binary value), parsing.

/* eslint-disable @typescript-eslint/no-explicit-any */
import { PyComplex, normInt } from './core';
import * as E from './exceptions';
import { asciiDigits, pyStrip } from './int';

// ---------------------------------------------------------------------------
// arithmetic

export function truediv(a: number, b: number): number {
  if (b === 0) throw new E.ZeroDivisionError('float division by zero');
  return a / b;
}

export function mod(a: number, b: number): number {
  if (b === 0) throw new E.ZeroDivisionError('float modulo');
  let m = a % b;
  if (m !== 0) {
    if ((b < 0) !== (m < 0)) m += b;
  } else {
    m = b < 0 ? -0 : 0;
  }
  return m;
}

export function divmod(a: number, b: number, what = 'float divmod()'): [number, number] {
  if (b === 0) throw new E.ZeroDivisionError(what);
  let m = a % b;
  const div0 = (a - m) / b;
  let div = div0;
  if (m !== 0) {
    if ((b < 0) !== (m < 0)) { m += b; div -= 1; }
  } else {
    m = b < 0 ? -0 : 0;
  }
  let fl: number;
  if (div !== 0) {
    fl = Math.floor(div);
    if (div - fl > 0.5) fl += 1;
  } else {
    fl = (a / b) < 0 || Object.is(a / b, -0) ? -0 : 0;
  }
  return [fl, m];
}

export function floordiv(a: number, b: number): number {
  if (b === 0) throw new E.ZeroDivisionError('float floor division by zero');
  return divmod(a, b)[0];
}

function isOddInteger(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x % 2) === 1;
}

/** complex power: (a + 0j) ** b, used for negative ** fractional */
export function complexPow(ar: number, ai: number, br: number, bi: number): PyComplex {
  if (br === 0 && bi === 0) return new PyComplex(1, 0);
  if (ar === 0 && ai === 0) {
    if (bi !== 0 || br < 0) throw new E.ZeroDivisionError('0.0 to a negative or complex power');
    return new PyComplex(0, 0);
  }
  const vabs = Math.hypot(ar, ai);
  let len = vabs > 0 && Number.isFinite(vabs) && Number.isFinite(br) ? powPositive(vabs, br) : Math.pow(vabs, br);
  const at = Math.atan2(ai, ar);
  let phase = at * br;
  if (bi !== 0) {
    len /= Math.exp(at * bi);
    phase += bi * Math.log(vabs);
  }
  const r = new PyComplex(len * Math.cos(phase), len * Math.sin(phase));
  if (!Number.isFinite(r.real) || !Number.isFinite(r.imag)) {
    if (Number.isFinite(ar) && Number.isFinite(ai) && Number.isFinite(br) && Number.isFinite(bi)) {
      throw new E.OverflowError('complex exponentiation');
    }
  }
  return r;
}

/** float ** float with CPython's special cases; may return a complex. */
export function pow(iv: number, iw: number): number | PyComplex {
  if (iw === 0) return 1;
  if (iv !== iv) return iv;
  if (iw !== iw) return iv === 1 ? 1 : iw;
  if (!Number.isFinite(iw)) {
    const av = Math.abs(iv);
    if (av === 1) return 1;
    if ((iw > 0) === (av > 1)) return Math.abs(iw);
    return 0;
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return odd ? iv : Math.abs(iv);
    return odd ? (iv < 0 ? -0 : 0) : 0;
  }
  if (iv === 0) {
    const odd = isOddInteger(iw);
    if (iw < 0) throw new E.ZeroDivisionError('0.0 cannot be raised to a negative power');
    return odd ? iv : 0;
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) return complexPow(iv, 0, iw, 0);
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1) return negate ? -1 : 1;
  let r = powPositive(iv, iw);
  if (!Number.isFinite(r)) throw new E.OverflowError("(34, 'Numerical result out of range')");
  if (negate) r = -r;
  return r;
}

// Fixed-point (2**-PREC) natural log / exp on bigints, for a pow() that
// rounds like a correctly rounded libm does (V8's Math.pow may be 1-2 ulp off).
const PREC = 120;
const PONE = 1n << BigInt(PREC);
let LN2: bigint | undefined;

/** 2 * atanh(s) for a fixed-point s with |s| < 1/2 */
function atanh2(s: bigint): bigint {
  if (s < 0n) return -atanh2(-s);
  const s2 = (s * s) >> BigInt(PREC);
  let term = s, sum = 0n;
  for (let n = 1n; term !== 0n; n += 2n) {
    sum += term / n;
    term = (term * s2) >> BigInt(PREC);
  }
  return 2n * sum;
}

function ln2(): bigint {
  return LN2 ??= atanh2(PONE / 3n);
}

/** ln(x) in fixed point, x finite > 0 */
function lnFixed(x: number): bigint {
  const [M, e] = decompose(x);
  let k = M.toString(2).length - 1;
  // m = M / 2**k in [1, 2); use [sqrt(1/2), sqrt(2)) for a fast series
  let mFix = (M << BigInt(PREC)) >> BigInt(k);
  if (mFix > (PONE * 1414213562n) / 1000000000n) { k += 1; mFix >>= 1n; }
  const E = e + k;
  const s = ((mFix - PONE) << BigInt(PREC)) / (mFix + PONE);
  return atanh2(s) + BigInt(E) * ln2();
}

/** exp(z) for fixed-point z as [mantissa, binary exponent]: value = mant * 2**(exp - PREC) */
function expFixed(z: bigint): [bigint, number] {
  const L = ln2();
  // n = round(z / ln2)
  let n = z / L;
  let r = z - n * L;
  if (2n * r > L) { n += 1n; r -= L; } else if (2n * r < -L) { n -= 1n; r += L; }
  let sum = PONE, term = PONE;
  for (let k = 1n; term !== 0n; k++) {
    term = ((term * r) / PONE) / k;
    sum += term;
  }
  return [sum, Number(n)];
}

/** x ** y (x finite > 0, y finite), rounded once from ~120 bits */
function powPrecise(x: number, y: number): number {
  const lx = lnFixed(x);
  const [My, ey] = decompose(y);
  let z = lx * My;
  z = ey >= 0 ? z << BigInt(ey) : z >> BigInt(-ey);
  if (y < 0) z = -z;
  const lim = 760n << BigInt(PREC);
  if (z > lim) return Infinity;
  if (z < -lim) return 0;
  const [mant, n] = expFixed(z);
  return scaleExact(mant, 1n, n - PREC);
}

/** x ** y for finite x > 0, y finite; correctly rounded (but for rare hard cases) */
function powPositive(x: number, y: number): number {
  if (y === 0.5) return Math.sqrt(x);
  if (y === 1) return x;
  if (!Number.isInteger(y) || Math.abs(y) > 256) return powPrecise(x, y);
  const approx = Math.pow(x, y);
  if (approx === 0 || !Number.isFinite(approx)) {
    // far outside the range: Math.pow is right about over/underflow unless borderline
    const l = Math.abs(y * Math.log2(x));
    if (l > 1200) return approx;
  }
  const [m, e] = decompose(x);
  const n = Math.abs(y);
  const num = m ** BigInt(n);
  const exp2 = e * n; // x**n = num * 2**exp2
  if (y > 0) return scaleExact(num, 1n, exp2);
  return scaleExact(1n, num, -exp2);
}

function bitLen(x: bigint): number { return x === 0n ? 0 : x.toString(2).length; }

/** correctly rounded (p / q) * 2**k for positive bigints p, q */
function scaleExact(p: bigint, q: bigint, k: number): number {
  // choose s so that the quotient has at least 55 significant bits
  const s = bitLen(q) - bitLen(p) + 55;
  let num = p, den = q;
  if (s >= 0) num <<= BigInt(s); else den <<= BigInt(-s);
  let quo = num / den;
  if (num % den !== 0n) quo |= 1n;
  let e2 = k - s; // result = quo * 2**e2
  if (bitLen(quo) + e2 <= -1022) {
    // subnormal: round once, to a multiple of 2**-1074
    const d = -1074 - e2;
    if (d > 0) {
      const D = BigInt(d);
      const rem = quo & ((1n << D) - 1n);
      const half = 1n << (D - 1n);
      let q = quo >> D;
      if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
      return Number(q) * 2 ** -1074;
    }
  }
  let r = Number(quo);
  while (e2 > 0) { const t = Math.min(e2, 1000); r *= 2 ** t; e2 -= t; }
  while (e2 < 0) { const t = Math.min(-e2, 1000); r /= 2 ** t; e2 += t; }
  return r;
}

// ---------------------------------------------------------------------------
// exact decomposition and decimal rounding

const dv = new DataView(new ArrayBuffer(8));

/** |x| = m * 2**e exactly (x finite) */
export function decompose(x: number): [bigint, number] {
  dv.setFloat64(0, x);
  const hi = dv.getUint32(0), lo = dv.getUint32(4);
  const ex = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (ex === 0) return [m, -1074];
  m |= 1n << 52n;
  return [m, ex - 1075];
}

/** round-half-even(|x| * 10**p) as a bigint (x finite, p any integer) */
export function roundScaled(x: number, p: number): bigint {
  const [m, e] = decompose(x);
  if (m === 0n) return 0n;
  let num = m, den = 1n;
  if (e >= 0) num <<= BigInt(e); else den <<= BigInt(-e);
  if (p >= 0) num *= 10n ** BigInt(p); else den *= 10n ** BigInt(-p);
  let q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) q += 1n;
  return q;
}

function signOf(x: number): string {
  return x < 0 || Object.is(x, -0) ? '-' : '';
}

/** digits of |x| with `prec` digits after the point (no sign). */
export function fixedDigits(x: number, prec: number): string {
  const n = roundScaled(x, prec).toString();
  if (prec <= 0) return n;
  const padded = n.padStart(prec + 1, '0');
  return padded.slice(0, padded.length - prec) + '.' + padded.slice(padded.length - prec);
}

/** [digits (prec+1 of them), decimal exponent] of |x| rounded to prec+1 significant digits */
export function expDigits(x: number, prec: number): [string, number] {
  if (x === 0) return ['0'.repeat(prec + 1), 0];
  let k = Math.floor(Math.log10(Math.abs(x)));
  const lim = 10n ** BigInt(prec + 1);
  const low = 10n ** BigInt(prec);
  let n = roundScaled(x, prec - k);
  if (n >= lim) { k += 1; n = roundScaled(x, prec - k); }
  else if (n < low) { k -= 1; n = roundScaled(x, prec - k); if (n >= lim) { k += 1; n = roundScaled(x, prec - k); } }
  return [n.toString(), k];
}

function expSuffix(k: number, upper = false): string {
  return (upper ? 'E' : 'e') + (k < 0 ? '-' : '+') + String(Math.abs(k)).padStart(2, '0');
}

/** %.{prec}f without sign handling of inf/nan (callers check) */
export function formatFixed(x: number, prec: number): string {
  return signOf(x) + fixedDigits(x, prec);
}

/** %.{prec}e */
export function formatExp(x: number, prec: number, alt = false, upper = false): string {
  const [d, k] = expDigits(x, prec);
  return signOf(x) + d[0] + (prec > 0 || alt ? '.' : '') + d.slice(1) + expSuffix(k, upper);
}

/** %.{prec}g */
export function formatGeneral(x: number, prec: number, alt = false, upper = false, addDot0 = false): string {
  if (prec === 0) prec = 1;
  const [d, k] = expDigits(x, prec - 1);
  let body: string;
  let exp = '';
  if (k >= -4 && k < (addDot0 ? prec - 1 : prec)) {
    body = fixedDigits(x, prec - 1 - k);
  } else {
    body = d[0] + (prec > 1 || alt ? '.' : '') + d.slice(1);
    exp = expSuffix(k, upper);
  }
  if (!alt && body.includes('.')) body = body.replace(/\.?0+$/, '');
  else if (alt && !body.includes('.')) body += '.';
  if (addDot0 && !exp && !body.includes('.')) body += '.0';
  return signOf(x) + body + exp;
}

/** Shortest repr digits: [digits, decimal exponent of the first digit] */
export function shortestDigits(x: number): [string, number] {
  const s = Math.abs(x).toExponential();
  const i = s.indexOf('e');
  return [s.slice(0, i).replace('.', ''), parseInt(s.slice(i + 1), 10)];
}

/** Python repr(float): shortest round trip, '1.0', '1e+16', '1.5e-07', 'inf', 'nan', '-0.0'. */
export function repr(x: number): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const ax = Math.abs(x);
  if (ax >= 1e-4 && ax < 1e16) {
    const s = String(x);
    return s.includes('.') ? s : s + '.0';
  }
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [d, k] = shortestDigits(x);
  return signOf(x) + d[0] + (d.length > 1 ? '.' + d.slice(1) : '') + expSuffix(k);
}

/** repr without the trailing '.0' (format code 'r' as used by complex) */
export function reprNoDot(x: number): string {
  const s = repr(x);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

// ---------------------------------------------------------------------------
// rounding

/** round(x) -> int, half to even */
export function roundToInt(x: number): number | bigint {
  if (x !== x) throw new E.ValueError('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new E.OverflowError('cannot convert float infinity to integer');
  const f = Math.floor(x);
  const diff = x - f;
  let r = f;
  if (diff > 0.5 || (diff === 0.5 && f % 2 !== 0)) r = f + 1;
  return toIntExact(r);
}

/** int(x) for an integral-valued finite float */
export function toIntExact(x: number): number | bigint {
  if (Number.isSafeInteger(x)) return x === 0 ? 0 : x;
  return normInt(BigInt(x));
}

/** int(x): truncate */
export function truncToInt(x: number): number | bigint {
  if (x !== x) throw new E.ValueError('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new E.OverflowError('cannot convert float infinity to integer');
  return toIntExact(Math.trunc(x));
}

/** round(x, ndigits) for floats */
export function roundDigits(x: number, nd: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (nd > 323) return x;
  if (nd < -308) return x < 0 ? -0 : 0;
  const n = roundScaled(x, nd);
  let r = Number(`${n}e${-nd}`);
  if (!Number.isFinite(r)) throw new E.OverflowError('rounded value too large to represent');
  if (x < 0) r = -r;
  return r;
}

// ---------------------------------------------------------------------------
// parsing

const FLOAT_RE = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const SPECIAL_RE = /^([+-]?)(inf|infinity|nan)$/i;

/** Parse a Python float literal (float('...')); undefined when invalid. */
export function parseFloatLiteral(text: string): number | undefined {
  const s = pyStrip(asciiDigits(text));
  if (FLOAT_RE.test(s)) return Number(s.replace(/_/g, ''));
  const m = SPECIAL_RE.exec(s);
  if (m) {
    if (m[2].toLowerCase() === 'nan') return NaN;
    return m[1] === '-' ? -Infinity : Infinity;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// methods

export function isInteger(x: number): boolean {
  return Number.isFinite(x) && Math.floor(x) === x;
}

export function asIntegerRatio(x: number): [number | bigint, number | bigint] {
  if (x !== x) throw new E.ValueError('cannot convert NaN to integer ratio');
  if (!Number.isFinite(x)) throw new E.OverflowError('cannot convert Infinity to integer ratio');
  let [m, e] = decompose(x);
  if (m === 0n) return [0, 1];
  while (e < 0 && (m & 1n) === 0n) { m >>= 1n; e++; }
  const sign = x < 0 ? -1n : 1n;
  if (e >= 0) return [normInt(sign * (m << BigInt(e))), 1];
  return [normInt(sign * m), normInt(1n << BigInt(-e))];
}

export function hex(x: number): string {
  if (x !== x) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = signOf(x);
  if (x === 0) return sign + '0x0.0p+0';
  dv.setFloat64(0, x);
  const hi = dv.getUint32(0), lo = dv.getUint32(4);
  const ex = (hi >>> 20) & 0x7ff;
  const frac = ((hi & 0xfffff).toString(16).padStart(5, '0') + lo.toString(16).padStart(8, '0'));
  if (ex === 0) return `${sign}0x0.${frac}p-1022`;
  const e = ex - 1023;
  return `${sign}0x1.${frac}p${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}
