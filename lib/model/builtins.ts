// The `builtins` module: builtin types, exceptions and functions.

/* eslint-disable @typescript-eslint/no-explicit-any */
import { range } from './range';
import { set, frozenset } from './set';
import * as C from './core';
import { MISSING, makeTuple, makeModule, STOP } from './core';
import * as E from './exceptions';
import { isInstance, isSubclass, tpName } from './types';
import { parseArgs, splitKw, call, isCallable } from './call';
import * as N from './number';
import * as I from './int';
import * as F from './float';
import * as S from './str';
import { repr, ascii } from './repr';
import { hash, identity } from './hash';
import { len } from './sequence';
import { iter, next, toArray, jsIter } from './iter';
import { getattr, setattr, hasattr, delattr, dir } from './attr';
import { format } from './format';
import { isTrue, richCompareBool, LT, GT } from './compare';
import { sortList } from './methods';

function fn(name: string, f: (...args: any[]) => any): any {
  Object.defineProperty(f, 'name', { value: name });
  Object.defineProperty(f, '__module__', { value: 'builtins', enumerable: false });
  return f;
}

function minmax(name: string, op: number, args: any[]): any {
  const [pos, kws] = splitKw(args);
  const key = kws?.key ?? null;
  const hasDefault = kws != null && 'default' in kws;
  if (kws) for (const k of Object.keys(kws)) if (k !== 'key' && k !== 'default') throw new E.TypeError(`${name}() got an unexpected keyword argument '${k}'`);
  let items: any[];
  if (pos.length === 0) throw new E.TypeError(`${name} expected at least 1 argument, got 0`);
  if (pos.length === 1) items = toArray(pos[0]);
  else {
    if (hasDefault) throw new E.TypeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
    items = pos;
  }
  if (items.length === 0) {
    if (hasDefault) return kws!.default;
    throw new E.ValueError(`${name}() arg is an empty sequence`);
  }
  let best = items[0];
  let bestKey = key == null ? best : call(key, [best]);
  for (let i = 1; i < items.length; i++) {
    const k = key == null ? items[i] : call(key, [items[i]]);
    if (richCompareBool(k, bestKey, op)) { best = items[i]; bestKey = k; }
  }
  return best;
}

function numberToBase(v: any, base: number): string {
  return I.toBaseString(N.index(v), base);
}

export const functions: Record<string, any> = {
  abs: fn('abs', (x: any) => N.abs(x)),
  all: fn('all', (it: any) => { for (const x of jsIter(it)) if (!isTrue(x)) return false; return true; }),
  any: fn('any', (it: any) => { for (const x of jsIter(it)) if (isTrue(x)) return true; return false; }),
  ascii: fn('ascii', (x: any) => ascii(x)),
  bin: fn('bin', (x: any) => numberToBase(x, 2)),
  callable: fn('callable', (x: any) => isCallable(x)),
  chr: fn('chr', (i: any) => {
    const n = N.index(i);
    if (!(n >= 0 && n <= 0x10ffff)) throw new E.ValueError('chr() arg not in range(0x110000)');
    return String.fromCodePoint(Number(n));
  }),
  delattr: fn('delattr', (o: any, n: any) => { delattr(o, n); return null; }),
  dir: fn('dir', (o: any) => dir(o)),
  divmod: fn('divmod', (a: any, b: any) => N.divmod(a, b)),
  enumerate: fn('enumerate', (...args: any[]) => {
    const [it, start] = parseArgs('enumerate', args, ['iterable', 'start'], 1);
    let i: any = start === MISSING ? 0 : N.index(start);
    const src = jsIter(it);
    return (function* () { for (const x of src) { yield makeTuple([i, x]); i = N.add(i, 1); } })();
  }),
  format: fn('format', (v: any, spec: any = '') => format(v, spec)),
  getattr: fn('getattr', (o: any, n: any, d: any = MISSING) => getattr(o, n, d)),
  hasattr: fn('hasattr', (o: any, n: any) => hasattr(o, n)),
  hash: fn('hash', (x: any) => hash(x)),
  hex: fn('hex', (x: any) => numberToBase(x, 16)),
  id: fn('id', (x: any) => identity(x)),
  isinstance: fn('isinstance', (o: any, t: any) => isInstance(o, t)),
  issubclass: fn('issubclass', (a: any, t: any) => isSubclass(a, t)),
  iter: fn('iter', (x: any) => iter(x)),
  len: fn('len', (x: any) => len(x)),
  max: fn('max', (...args: any[]) => minmax('max', GT, args)),
  min: fn('min', (...args: any[]) => minmax('min', LT, args)),
  next: fn('next', (it: any, d: any = MISSING) => {
    const v = next(it);
    if (v === STOP) {
      if (d !== MISSING) return d;
      throw new E.StopIteration();
    }
    return v;
  }),
  oct: fn('oct', (x: any) => numberToBase(x, 8)),
  ord: fn('ord', (c: any) => {
    if (typeof c === 'string') {
      const n = S.cpLength(c);
      if (n !== 1) throw new E.TypeError(`ord() expected a character, but string of length ${n} found`);
      return c.codePointAt(0);
    }
    if (c instanceof Uint8Array) {
      if (c.length !== 1) throw new E.TypeError(`ord() expected a character, but string of length ${c.length} found`);
      return c[0];
    }
    throw new E.TypeError(`ord() expected string of length 1, but ${tpName(c)} found`);
  }),
  pow: fn('pow', (a: any, b: any, m: any = null) => N.pow(a, b, m)),
  print: fn('print', (...args: any[]) => {
    const [pos, kws] = splitKw(args);
    const sep = kws?.sep ?? ' ';
    const end = kws?.end ?? '\n';
    process.stdout.write(pos.map(x => C.str(x)).join(sep) + end);
    return null;
  }),
  repr: fn('repr', (x: any) => repr(x)),
  reversed: fn('reversed', (x: any) => {
    const f = C.special(x, '__reversed__');
    if (f) return f.call(x);
    const a = toArray(x);
    return a.reverse()[Symbol.iterator]();
  }),
  round: fn('round', (...args: any[]) => {
    const [x, nd] = parseArgs('round', args, ['number', 'ndigits'], 1);
    const f = C.special(x, '__round__');
    if (f) return nd === MISSING ? f.call(x) : f.call(x, nd);
    if (typeof x === 'boolean' || C.isInt(x)) {
      const v = typeof x === 'boolean' ? (x ? 1 : 0) : x;
      return nd === MISSING || nd == null ? v : I.roundInt(v, N.index(nd));
    }
    if (typeof x === 'number') {
      if (nd === MISSING || nd == null) return F.roundToInt(x);
      const n = N.index(nd);
      return F.roundDigits(x, typeof n === 'bigint' ? (n > 0n ? 400 : -400) : n);
    }
    throw new E.TypeError(`type ${tpName(x)} doesn't define __round__ method`);
  }),
  setattr: fn('setattr', (o: any, n: any, v: any) => { setattr(o, n, v); return null; }),
  sorted: fn('sorted', (...args: any[]) => {
    const [it, key, reverse] = parseArgs('sorted', args, ['iterable', '*key', '*reverse'], 1);
    const a = toArray(it);
    sortList(a, key === MISSING ? null : key, reverse !== MISSING && isTrue(reverse));
    return a;
  }),
  sum: fn('sum', (...args: any[]) => {
    const [it, start] = parseArgs('sum', args, ['iterable', 'start'], 1);
    let acc: any = start === MISSING ? 0 : start;
    if (typeof acc === 'string') throw new E.TypeError("sum() can't sum strings [use ''.join(seq) instead]");
    for (const x of jsIter(it)) acc = N.add(acc, x);
    return acc;
  }),
  zip: fn('zip', (...args: any[]) => {
    const [pos, kws] = splitKw(args);
    const strict = kws?.strict ? isTrue(kws.strict) : false;
    const its = pos.map(jsIter);
    return (function* () {
      if (its.length === 0) return;
      for (;;) {
        const row: any[] = [];
        for (let i = 0; i < its.length; i++) {
          const r = its[i].next();
          if (r.done) {
            if (strict && (i > 0 || its.slice(1).some(x => !x.next().done))) {
              throw new E.ValueError(`zip() argument ${i + 1} is shorter than argument${i > 1 ? `s 1-${i}` : ' 1'}`);
            }
            return;
          }
          row.push(r.value);
        }
        yield makeTuple(row);
      }
    })();
  }),
};

/** the builtins module object */
export const builtins: any = makeModule('builtins', 'Built-in functions, types, exceptions, and other objects.');
{
  const put = (k: string, v: any): void => {
    Object.defineProperty(builtins, k, { value: v, writable: true, configurable: true, enumerable: true });
  };
  for (const [k, v] of Object.entries({
    object: C.object, type: C.type, bool: C.bool, int: C.int, float: C.float, complex: C.complex, str: C.str,
    bytes: C.bytes, list: C.list, tuple: C.tuple, dict: C.dict, slice: C.slice, memoryview: C.memoryview,
    range, set, frozenset,
  })) put(k, v);
  for (const [k, v] of Object.entries(E.exceptions)) put(k, v);
  for (const [k, v] of Object.entries(functions)) put(k, v);
  put('None', null);
  put('True', true);
  put('False', false);
  put('NotImplemented', C.NotImplemented);
  put('Ellipsis', C.Ellipsis);
}

