// What calling a builtin type does: int('12'), float(x), str(x), list(it),
// dict(...), type(x), slice(a, b), ...

/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  MISSING, PySlice, PyComplex, KwArgs, makeTuple, makeModule, object, special, isInt,
} from './core';
import * as E from './exceptions';
import { typeOf, tpName, newType } from './types';
import { parseArgs, splitKw } from './call';
import { toInt, toFloat, index } from './number';
import * as I from './int';
import * as F from './float';
import * as S from './str';
import { str as pyStr, repr } from './repr';
import { isTrue } from './compare';
import { toArray } from './iter';
import { dictSet, dictUpdate } from './dict';
import { bytesOf, asBuffer } from './bytes';

function noKw(name: string, args: any[]): any[] {
  const [pos, kws] = splitKw(args);
  if (kws && Object.keys(kws).length) throw new E.TypeError(`${name}() takes no keyword arguments`);
  return pos;
}

export function call_object(args: any[]): any {
  const pos = noKw('object', args);
  if (pos.length) throw new E.TypeError('object() takes no arguments');
  return Object.create(object.prototype);
}

export function call_type(args: any[]): any {
  const [pos, kws] = splitKw(args);
  if (pos.length === 1 && !kws) return typeOf(pos[0]);
  if (pos.length !== 3) throw new E.TypeError('type() takes 1 or 3 arguments');
  const [name, bases, dict] = pos;
  return newType(name, bases ? Array.from(bases) : [], dict);
}

export function call_NoneType(args: any[]): any {
  if (noKw('NoneType', args).length) throw new E.TypeError('NoneType takes no arguments');
  return null;
}

export function call_singleton(args: any[], value: any): any {
  if (noKw(tpName(value), args).length) throw new E.TypeError(`${tpName(value)} takes no arguments`);
  return value;
}

export function call_bool(args: any[]): boolean {
  if (args.length === 1 && !(args[0] instanceof KwArgs)) return isTrue(args[0]);
  const pos = noKw('bool', args);
  if (pos.length > 1) throw new E.TypeError(`bool expected at most 1 argument, got ${pos.length}`);
  return pos.length ? isTrue(pos[0]) : false;
}

export function call_int(args: any[]): number | bigint {
  if (args.length === 1 && !(args[0] instanceof KwArgs)) return toInt(args[0]);
  const [x, base] = parseArgs('int', args, ['x', 'base']);
  if (x === MISSING) {
    if (base !== MISSING) throw new E.TypeError("int() missing string argument");
    return 0;
  }
  if (base === MISSING) return toInt(x);
  const b = Number(index(base));
  if (!(b === 0 || (b >= 2 && b <= 36))) throw new E.ValueError('int() base must be >= 2 and <= 36, or 0');
  let s: string;
  if (typeof x === 'string') s = x;
  else if (x instanceof Uint8Array) s = asBuffer(x).toString('latin1');
  else throw new E.TypeError("int() can't convert non-string with explicit base");
  const r = I.parseIntLiteral(s, b);
  if (r === undefined) {
    const shown = typeof x === 'string' ? S.repr(x) : repr(x);
    throw new E.ValueError(`invalid literal for int() with base ${b}: ${shown}`);
  }
  return r;
}

export function call_float(args: any[]): number {
  if (args.length === 1 && !(args[0] instanceof KwArgs)) return toFloat(args[0]);
  const pos = noKw('float', args);
  if (pos.length > 1) throw new E.TypeError(`float expected at most 1 argument, got ${pos.length}`);
  return pos.length ? toFloat(pos[0]) : 0;
}

function parseComplex(s: string): PyComplex | undefined {
  let t = I.pyStrip(I.asciiDigits(s));
  if (t.startsWith('(') && t.endsWith(')')) t = I.pyStrip(t.slice(1, -1));
  const num = '(?:(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d(?:_?\\d)*)?|inf(?:inity)?|nan)';
  let m = new RegExp(`^([+-]?${num})?(?:([+-](?:${num})?)[jJ])?$`, 'i').exec(t);
  const f = (x: string): number => {
    if (x === '+' || x === '') return 1;
    if (x === '-') return -1;
    return F.parseFloatLiteral(x)!;
  };
  if (m && (m[1] !== undefined || m[2] !== undefined)) {
    if (m[2] === undefined) return new PyComplex(f(m[1]), 0);
    return new PyComplex(m[1] !== undefined ? f(m[1]) : 0, f(m[2]));
  }
  m = new RegExp(`^([+-]?${num}?)[jJ]$`, 'i').exec(t);
  if (m) return new PyComplex(0, f(m[1]));
  return undefined;
}

function toComplexPart(v: any, which: string): PyComplex {
  if (v instanceof PyComplex) return v;
  const f = special(v, '__complex__');
  if (f) {
    const r = f.call(v);
    if (!(r instanceof PyComplex)) throw new E.TypeError(`__complex__ returned non-complex (type ${tpName(r)})`);
    return r;
  }
  try {
    return new PyComplex(toFloat(v), 0);
  } catch (e) {
    if (e instanceof E.TypeError || e instanceof E.ValueError) {
      throw new E.TypeError(`complex() ${which} must be a number, not '${tpName(v)}'`);
    }
    throw e;
  }
}

export function call_complex(args: any[]): PyComplex {
  const [re, im] = parseArgs('complex', args, ['real', 'imag']);
  if (typeof re === 'string') {
    if (im !== MISSING) throw new E.TypeError("complex() can't take second arg if first is a string");
    const c = parseComplex(re);
    if (!c) throw new E.ValueError('complex() arg is a malformed string');
    return c;
  }
  if (typeof im === 'string') throw new E.TypeError("complex() second arg can't be a string");
  const a = re === MISSING ? new PyComplex(0, 0) : toComplexPart(re, 'first argument');
  const b = im === MISSING ? new PyComplex(0, 0) : toComplexPart(im, 'second argument');
  return new PyComplex(a.real - b.imag, a.imag + b.real);
}

export function call_str(args: any[]): string {
  if (args.length === 1 && !(args[0] instanceof KwArgs)) return pyStr(args[0]);
  const [obj, encoding, errors] = parseArgs('str', args, ['object', 'encoding', 'errors']);
  if (obj === MISSING) return '';
  if (encoding === MISSING && errors === MISSING) return pyStr(obj);
  if (typeof obj === 'string') throw new E.TypeError('decoding str is not supported');
  if (!(obj instanceof Uint8Array)) throw new E.TypeError(`decoding to str: need a bytes-like object, ${tpName(obj)} found`);
  return S.decode(obj, encoding === MISSING ? 'utf-8' : encoding, errors === MISSING ? 'strict' : errors);
}

export function call_bytes(args: any[]): Buffer {
  const [src, encoding, errors] = parseArgs('bytes', args, ['source', 'encoding', 'errors']);
  if (src === MISSING) {
    if (encoding !== MISSING || errors !== MISSING) throw new E.TypeError(encoding !== MISSING ? 'encoding without a string argument' : 'errors without a string argument');
    return Buffer.alloc(0);
  }
  if (typeof src === 'string') {
    if (encoding === MISSING) throw new E.TypeError('string argument without an encoding');
    return S.encode(src, encoding, errors === MISSING ? 'strict' : errors);
  }
  if (encoding !== MISSING) throw new E.TypeError('encoding without a string argument');
  if (errors !== MISSING) throw new E.TypeError('errors without a string argument');
  if (src instanceof Uint8Array) return Buffer.from(src);
  if (special(src, '__bytes__')) return bytesOf(src);
  if (isInt(src) || typeof src === 'boolean' || special(src, '__index__')) {
    const n = index(src);
    if (n < 0) throw new E.ValueError('negative count');
    if (typeof n === 'bigint' || n > 2 ** 31) throw new E.OverflowError('cannot fit \'int\' into an index-sized integer');
    return Buffer.alloc(n);
  }
  if (typeof src === 'number') throw new E.TypeError(`cannot convert 'float' object to bytes`);
  if (src == null) throw new E.TypeError(`cannot convert 'NoneType' object to bytes`);
  return bytesOf(src);
}

export function call_list(args: any[]): any[] {
  const pos = noKw('list', args);
  if (pos.length > 1) throw new E.TypeError(`list expected at most 1 argument, got ${pos.length}`);
  return pos.length ? toArray(pos[0]) : [];
}

export function call_tuple(args: any[]): any {
  const pos = noKw('tuple', args);
  if (pos.length > 1) throw new E.TypeError(`tuple expected at most 1 argument, got ${pos.length}`);
  return pos.length ? makeTuple(toArray(pos[0])) : makeTuple([]);
}

export function call_dict(args: any[]): any {
  return dictInit({}, ...splitKw(args));
}

/** The Map that holds the items of a new instance of a dict subclass. */
export function dictSubclassItems(args: any[]): Map<any, any> {
  return dictInit(new Map(), ...splitKw(args));
}

/** dict.__init__(d, *pos, **kws) */
export function dictInit<D>(d: D, pos: any[], kws?: Record<string, any> | null): D {
  if (pos.length > 1) throw new E.TypeError(`dict expected at most 1 argument, got ${pos.length}`);
  if (pos.length) dictUpdate(d, pos[0]);
  if (kws) for (const k of Object.keys(kws)) dictSet(d, k, kws[k]);
  return d;
}

export function call_slice(args: any[]): PySlice {
  const pos = noKw('slice', args);
  if (pos.length === 0) throw new E.TypeError('slice expected at least 1 argument, got 0');
  if (pos.length > 3) throw new E.TypeError(`slice expected at most 3 arguments, got ${pos.length}`);
  if (pos.length === 1) return new PySlice(null, pos[0], null);
  return new PySlice(pos[0], pos[1], pos.length > 2 ? pos[2] : null);
}

export function call_module(args: any[]): any {
  const [name, doc] = parseArgs('module', args, ['name', 'doc'], 1);
  if (typeof name !== 'string') throw new E.TypeError(`module.__init__() argument 'name' must be str, not ${tpName(name)}`);
  return makeModule(name, doc === MISSING ? null : doc);
}

export function call_function(_args: any[]): never {
  throw new E.TypeError("cannot create 'function' instances");
}

export function call_memoryview(args: any[]): never {
  void args;
  throw new E.TypeError('memoryview is not supported by hpy-node');
}
