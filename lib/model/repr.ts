// repr(), str(), ascii() for every JS value.

/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  PyTuple, PySlice, PyComplex, NotImplemented, Ellipsis, special, isModule,
} from './core';
import * as E from './exceptions';
import { typeOf, typeQualName, tpName, isTypeObject } from './types';
import * as S from './str';
import * as F from './float';
import * as B from './bytes';
import { dictEntries } from './dict';

const active = new Set<any>();

/** f() for the repr of container v, or `empty` when v's repr is already being made (a cycle) */
export function guarded(v: any, empty: string, f: () => string): string {
  if (active.has(v)) return empty;
  const outermost = active.size === 0;
  active.add(v);
  try {
    return f();
  } finally {
    // A stack overflow deep inside can also break the inner `finally`s: the outermost call, which
    // has stack to spare, leaves nothing behind (else a later repr would print a false cycle).
    if (outermost) active.clear();
    else active.delete(v);
  }
}

function checkStr(r: any, what: string): string {
  if (typeof r !== 'string') throw new E.TypeError(`${what} returned non-string (type ${tpName(r)})`);
  return r;
}

export function complexRepr(c: PyComplex): string {
  const im = F.reprNoDot(c.imag);
  if (c.real === 0 && !Object.is(c.real, -0)) return im + 'j';
  const re = F.reprNoDot(c.real);
  const sign = im.startsWith('-') ? '' : '+';
  return `(${re}${sign}${im}j)`;
}

function fnName(f: Function): string {
  const n = (f as any).__qualname__ ?? (f as any).__name__ ?? f.name;
  return n || '<anonymous>';
}

/** Python repr(v) */
export function repr(v: any): string {
  switch (typeof v) {
    case 'number':
      if (Number.isSafeInteger(v) && !Object.is(v, -0)) return String(v);
      return F.repr(v);
    case 'string': return S.repr(v);
    case 'boolean': return v ? 'True' : 'False';
    case 'bigint': return v.toString();
    case 'undefined': return 'None';
    case 'symbol': return `<symbol ${String(v.description ?? '')}>`;
    case 'function': {
      if (isTypeObject(v)) return `<class '${typeQualName(v)}'>`;
      return `<function ${fnName(v)}>`;
    }
  }
  if (v === null) return 'None';
  const p = Object.getPrototypeOf(v);
  if (p === Array.prototype) return guarded(v, '[...]', () => '[' + v.map(repr).join(', ') + ']');
  if (p === PyTuple.prototype) {
    if (v.length === 1) return '(' + repr(v[0]) + ',)';
    return guarded(v, '(...)', () => '(' + v.map(repr).join(', ') + ')');
  }
  if (p === Object.prototype || p === null || p === Map.prototype) return dictRepr(v);
  const f = special(v, '__repr__');
  if (f) return checkStr(f.call(v), '__repr__');
  if (v instanceof Uint8Array) return B.repr(v);
  if (Array.isArray(v)) {
    return guarded(v, '[...]', () => {
      const s = '[' + Array.prototype.map.call(v, repr).join(', ') + ']';
      return v instanceof PyTuple ? (v.length === 1 ? '(' + repr(v[0]) + ',)' : '(' + s.slice(1, -1) + ')') : s;
    });
  }
  if (v instanceof Map) return dictRepr(v);
  if (v instanceof PySlice) return `slice(${repr(v.start)}, ${repr(v.stop)}, ${repr(v.step)})`;
  if (v instanceof PyComplex) return complexRepr(v);
  if (v === NotImplemented) return 'NotImplemented';
  if (v === Ellipsis) return 'Ellipsis';
  if (isModule(v)) return `<module ${S.repr(String(v.__name__))}>`;
  if (v instanceof Error && !(v instanceof E.BaseException)) return `${v.name}(${S.repr(String(v.message))})`;
  return `<${typeQualName(typeOf(v))} object>`;
}

function dictRepr(d: any): string {
  return guarded(d, '{...}', () => '{' + dictEntries(d).map(([k, v]) => repr(k) + ': ' + repr(v)).join(', ') + '}');
}

/** Python str(v) */
export function str(v: any): string {
  switch (typeof v) {
    case 'string': return v;
    case 'number': case 'boolean': case 'bigint': case 'undefined': return repr(v);
  }
  if (v === null) return 'None';
  if (typeof v === 'object') {
    const p = Object.getPrototypeOf(v);
    if (p === Array.prototype || p === PyTuple.prototype || p === Object.prototype || p === null) return repr(v);
    const f = special(v, '__str__');
    if (f) return checkStr(f.call(v), '__str__');
    if (!special(v, '__repr__') && !(v instanceof Error) && typeof v.toString === 'function' &&
        v.toString !== Object.prototype.toString && !(v instanceof Uint8Array) && !Array.isArray(v) &&
        !(v instanceof Map) && !isModule(v) && !(v instanceof PySlice) && !(v instanceof PyComplex)) {
      // a JS class with its own toString()
      const s = v.toString();
      if (typeof s === 'string') return s;
    }
    if (v instanceof Error && !(v instanceof E.BaseException)) return String(v.message);
  }
  return repr(v);
}

/** Python ascii(v) */
export function ascii(v: any): string {
  const r = repr(v);
  if (/^[\x00-\x7f]*$/.test(r)) return r;
  let out = '';
  for (const ch of r) {
    const cp = ch.codePointAt(0)!;
    out += cp < 0x80 ? ch : S.escapeCp(cp);
  }
  return out;
}
