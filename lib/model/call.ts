// Calls: call(f, args, kwargs), callMethod, isCallable, and the argument
// parsing helper used by the builtin methods.

/* eslint-disable @typescript-eslint/no-explicit-any */
import { KwArgs, MISSING, special, isPlainDict, isBuiltinType } from './core';
import * as E from './exceptions';
import { tpName, isTypeObject } from './types';
import { dictEntries } from './dict';

/** Split a trailing KwArgs off an argument list: [positional, kwargs|null] */
export function splitKw(args: any[]): [any[], Record<string, any> | null] {
  if (args.length && args[args.length - 1] instanceof KwArgs) {
    return [args.slice(0, -1), (args[args.length - 1] as KwArgs).kwargs];
  }
  return [args, null];
}

/**
 * Parse `args` (positional + optional trailing KwArgs) for a builtin
 * function `fname` with parameters `names`; the first `nreq` are
 * required.  Names starting with '*' are keyword-only.  Missing optional
 * values are MISSING.
 */
export function parseArgs(fname: string, args: any[], names: string[], nreq = 0): any[] {
  const [pos, kws] = splitKw(args);
  const nposMax = names.filter(n => !n.startsWith('*')).length;
  if (pos.length > nposMax) {
    if (nposMax === 0) throw new E.TypeError(`${fname}() takes no positional arguments`);
    if (nreq === nposMax) throw new E.TypeError(`${fname}() takes exactly ${nposMax} argument${nposMax === 1 ? '' : 's'} (${pos.length} given)`);
    throw new E.TypeError(`${fname}() takes at most ${nposMax} argument${nposMax === 1 ? '' : 's'} (${pos.length} given)`);
  }
  const out: any[] = names.map((_, i) => (i < pos.length ? pos[i] : MISSING));
  if (kws) {
    for (const k of Object.keys(kws)) {
      const i = names.findIndex(n => n === k || n === '*' + k);
      if (i < 0) throw new E.TypeError(`${fname}() got an unexpected keyword argument '${k}'`);
      if (out[i] !== MISSING) throw new E.TypeError(`${fname}() got multiple values for argument '${k}'`);
      out[i] = kws[k];
    }
  }
  for (let i = 0; i < nreq; i++) {
    if (out[i] === MISSING) {
      const n = names[i].replace(/^\*/, '');
      throw new E.TypeError(`${fname}() missing required argument '${n}' (pos ${i + 1})`);
    }
  }
  return out;
}

function kwObject(kwargs: any): KwArgs | null {
  if (kwargs == null) return null;
  if (kwargs instanceof KwArgs) return Object.keys(kwargs.kwargs).length ? kwargs : null;
  if (isPlainDict(kwargs) || kwargs instanceof Map) {
    const entries = dictEntries(kwargs);
    if (entries.length === 0) return null;
    const o: Record<string, any> = {};
    for (const [k, v] of entries) {
      if (typeof k !== 'string') throw new E.TypeError('keywords must be strings');
      o[k] = v;
    }
    return new KwArgs(o);
  }
  throw new E.TypeError(`argument after ** must be a mapping, not ${tpName(kwargs)}`);
}

function isConstructor(f: any): boolean {
  if (isBuiltinType(f)) return false;
  return isTypeObject(f) && typeof f.prototype === 'object';
}

/**
 * Call f with positional args (array-like) and optional keyword arguments
 * (KwArgs, plain object or Map).  A trailing KwArgs inside `args` also
 * counts.  Types are constructed with `new`; keyword arguments reach JS
 * functions as a trailing KwArgs.
 */
export function call(f: any, args: ArrayLike<any> = [], kwargs: any = null): any {
  let a: any[] = Array.isArray(args) ? args as any[] : Array.from(args);
  const k = kwObject(kwargs);
  if (k) a = [...a, k];
  if (typeof f === 'function') {
    if (isConstructor(f)) return Reflect.construct(f, a);
    return f(...a);
  }
  const c = special(f, '__call__');
  if (c) return c.apply(f, a);
  throw new E.TypeError(`'${tpName(f)}' object is not callable`);
}

/** call(f, args) with a leading `self` */
export function callWithSelf(f: any, self: any, args: ArrayLike<any> = [], kwargs: any = null): any {
  return call(f, [self, ...Array.from(args)], kwargs);
}

/** obj.name(*args, **kwargs) */
export function callMethod(obj: any, name: string, args: ArrayLike<any> = [], kwargs: any = null): any {
  const m = require('./attr').getattr(obj, name);
  return call(m, args, kwargs);
}

/** callable(x) */
export function isCallable(x: any): boolean {
  if (typeof x === 'function') return true;
  return !!special(x, '__call__');
}

