// Python bytes on Uint8Array/Buffer: repr, conversion (HPy_Bytes).

/* eslint-disable @typescript-eslint/no-explicit-any */
import { special, isInt } from './core';
import * as E from './exceptions';
import { tpName } from './types';

/** A Buffer view of any Uint8Array (no copy). */
export function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

/** Python repr of bytes: b'...' */
export function repr(b: Uint8Array): string {
  let hasSq = false, hasDq = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x27) hasSq = true;
    else if (b[i] === 0x22) hasDq = true;
  }
  const quote = hasSq && !hasDq ? 0x22 : 0x27;
  let out = 'b' + String.fromCharCode(quote);
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === quote || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out + String.fromCharCode(quote);
}

export function compare(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(asBuffer(a), asBuffer(b));
}

export function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(asBuffer(a), asBuffer(b)) === 0;
}

/** a byte value from a Python int, checking the range */
export function byteValue(v: any): number {
  const n = require('./number').index(v);
  if (!(n >= 0 && n < 256)) throw new E.ValueError('byte must be in range(0, 256)');
  return Number(n);
}

/** bytes from an iterable of ints (bytes(iterable)) */
export function fromIterable(x: any): Buffer {
  const items: any[] = require('./iter').toArray(x);
  const out = Buffer.alloc(items.length);
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    let n: any;
    try {
      n = require('./number').index(v);
    } catch (e) {
      if (e instanceof E.TypeError) throw new E.TypeError(`'${tpName(v)}' object cannot be interpreted as an integer`);
      throw e;
    }
    if (!(n >= 0 && n < 256)) throw new E.ValueError('bytes must be in range(0, 256)');
    out[i] = Number(n);
  }
  return out;
}

/** HPy_Bytes / PyObject_Bytes: bytes(x) without the int and str forms */
export function bytesOf(x: any): Buffer {
  if (x instanceof Uint8Array) return asBuffer(x);
  const f = special(x, '__bytes__');
  if (f) {
    const r = f.call(x);
    if (!(r instanceof Uint8Array)) throw new E.TypeError(`__bytes__ returned non-bytes (type ${tpName(r)})`);
    return asBuffer(r);
  }
  if (typeof x === 'string' || isInt(x) || typeof x === 'boolean' || typeof x === 'number' || x == null) {
    throw new E.TypeError(`cannot convert '${tpName(x)}' object to bytes`);
  }
  if (ArrayBuffer.isView(x)) return Buffer.from(x.buffer, x.byteOffset, x.byteLength);
  if (x instanceof ArrayBuffer) return Buffer.from(x);
  try {
    return fromIterable(x);
  } catch (e) {
    if (e instanceof E.TypeError && /is not iterable/.test(String(e.message))) {
      throw new E.TypeError(`cannot convert '${tpName(x)}' object to bytes`);
    }
    throw e;
  }
}
