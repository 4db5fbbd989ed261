// Python dict on plain JS objects (string keys as own enumerable
// properties) with a hidden side table (under PYKEYS) for every other key,
// and on Maps.  Keys follow Python semantics: 1 == 1.0 == True, tuples by
// value, objects by __hash__/__eq__.

/* eslint-disable @typescript-eslint/no-explicit-any */
import { PYKEYS, MISSING, PyTuple, isPlainDict, special, makeTuple } from './core';
import * as E from './exceptions';
import { hash } from './hash';

let cmpMod: any;
function eq(a: any, b: any): boolean {
  return (cmpMod ??= require('./compare')).richCompareBool(a, b, 2);
}

interface Entry { key: any; value: any; }

// Map.prototype's own methods: the prototype of a dict subclass (a Map with the subclass's
// prototype) may have a `get`, `keys` or `size` of its own.
const MAP = Map.prototype;
const mapSize = Object.getOwnPropertyDescriptor(MAP, 'size')!.get!;

/** canonical JS value for primitive keys (None, bool, int, float, symbol) */
function canon(k: any): any {
  switch (typeof k) {
    case 'boolean': return k ? 1 : 0;
    case 'number':
      if (k === 0) return 0;
      if (Number.isInteger(k) && !Number.isSafeInteger(k)) return BigInt(k);
      return k;
    case 'bigint':
      return k >= -9007199254740991n && k <= 9007199254740991n ? Number(k) : k;
    case 'undefined': return null;
    default: return k;
  }
}

function isPrimKey(k: any): boolean {
  return k === null || (typeof k !== 'object' && typeof k !== 'function');
}

function pushEntry(m: Map<any, Entry[]>, h: any, e: Entry): void {
  const bucket = m.get(h);
  if (bucket) bucket.push(e);
  else m.set(h, [e]);
}

function dropEntry(m: Map<any, Entry[]>, h: any, e: Entry): void {
  const bucket = m.get(h);
  if (!bucket) return;
  const i = bucket.indexOf(e);
  if (i >= 0) bucket.splice(i, 1);
  if (bucket.length === 0) m.delete(h);
}

/** The side table of a dict: Python-semantics hash map, insertion ordered. */
export class KeyTable {
  private prim = new Map<any, Entry>();
  private hashed = new Map<any, Entry[]>();
  private order = new Set<Entry>();
  /** the primitive entries by hash, built when an equal object key (e.g. with __eq__ and
   * __hash__ matching an int's) first needs them, then kept up to date */
  private primH: Map<any, Entry[]> | null = null;

  get size(): number { return this.order.size; }

  private primByHash(): Map<any, Entry[]> {
    if (!this.primH) {
      this.primH = new Map();
      for (const e of this.prim.values()) pushEntry(this.primH, canon(hash(e.key)), e);
    }
    return this.primH;
  }

  /** an entry of an object key (or a primitive one stored among them) equal to key, by hash h */
  private findHashed(key: any, h: any): Entry | undefined {
    const bucket = this.hashed.get(h);
    if (bucket) for (const e of bucket) if (e.key === key || eq(e.key, key)) return e;
    return undefined;
  }

  /** a primitive entry equal to the object key `key` of hash h */
  private findPrim(key: any, h: any): Entry | undefined {
    if (this.prim.size === 0) return undefined;
    const bucket = this.primByHash().get(h);
    if (bucket) for (const e of bucket) if (eq(e.key, key)) return e;
    return undefined;
  }

  find(key: any): Entry | undefined {
    if (isPrimKey(key)) {
      const e = this.prim.get(canon(key));
      if (e || this.hashed.size === 0) return e;
      return this.findHashed(key, canon(hash(key)));
    }
    const h = canon(hash(key));
    return this.findHashed(key, h) ?? this.findPrim(key, h);
  }

  get(key: any): any {
    const e = this.find(key);
    return e ? e.value : MISSING;
  }

  has(key: any): boolean { return this.find(key) !== undefined; }

  set(key: any, value: any): void {
    if (isPrimKey(key)) {
      const c = canon(key);
      const e = this.prim.get(c) ?? (this.hashed.size ? this.findHashed(key, canon(hash(key))) : undefined);
      if (e) { e.value = value; return; }
      const ne = { key, value };
      this.prim.set(c, ne);
      if (this.primH) pushEntry(this.primH, canon(hash(key)), ne);
      this.order.add(ne);
      return;
    }
    const h = canon(hash(key));
    const e = this.findHashed(key, h) ?? this.findPrim(key, h);
    if (e) { e.value = value; return; }
    const ne = { key, value };
    pushEntry(this.hashed, h, ne);
    this.order.add(ne);
  }

  delete(key: any): Entry | undefined {
    const e = this.find(key);
    if (!e) return undefined;
    this.order.delete(e);
    if (isPrimKey(e.key)) {
      this.prim.delete(canon(e.key));
      if (this.primH) dropEntry(this.primH, canon(hash(e.key)), e);
    } else {
      dropEntry(this.hashed, canon(hash(e.key)), e);
    }
    return e;
  }

  clear(): void { this.prim.clear(); this.hashed.clear(); this.order.clear(); this.primH = null; }

  *entries(): IterableIterator<[any, any]> {
    for (const e of this.order) yield [e.key, e.value];
  }
  keys(): any[] { return [...this.order].map(e => e.key); }
  values(): any[] { return [...this.order].map(e => e.value); }
  /** the last inserted entry (for popitem) */
  last(): Entry | undefined {
    let l: Entry | undefined;
    for (const e of this.order) l = e;
    return l;
  }
}

const propEnum = Object.prototype.propertyIsEnumerable;

/** the side table of a plain-object dict (created on demand) */
export function keyTable(d: any, create: true): KeyTable;
export function keyTable(d: any, create?: boolean): KeyTable | undefined;
export function keyTable(d: any, create = false): KeyTable | undefined {
  let t = d[PYKEYS] as KeyTable | undefined;
  if (t === undefined && create) {
    t = new KeyTable();
    Object.defineProperty(d, PYKEYS, { value: t, writable: true, configurable: true, enumerable: false });
  }
  return t;
}

/** d[k] = v for a string key of a plain-object dict: "__proto__" stays an ordinary key; a store the
 * object refuses raises Python's TypeError. */
export function setProp(d: any, k: string, v: any): void {
  try {
    if (k === '__proto__') Object.defineProperty(d, k, { value: v, writable: true, enumerable: true, configurable: true });
    else d[k] = v;
  } catch (e) {
    throw E.storeError(e);
  }
}

// ----- Map dicts -------------------------------------------------------------

function mapFind(m: Map<any, any>, key: any): { found: boolean; key: any } {
  if (MAP.has.call(m, key)) return { found: true, key };
  switch (typeof key) {
    case 'string': case 'symbol': case 'undefined': case 'function':
      if (key === undefined && MAP.has.call(m, null)) return { found: true, key: null };
      return { found: false, key };
    case 'boolean': case 'number': case 'bigint': {
      const c = canon(key);
      const alts: any[] = [c];
      if (typeof c === 'number' && Number.isInteger(c)) alts.push(BigInt(c));
      if (typeof c === 'bigint') { const n = Number(c); if (BigInt(n) === c) alts.push(n); }
      if (c === 0 || c === 1) alts.push(c === 1);
      if (c === 0) alts.push(-0);
      for (const a of alts) if (MAP.has.call(m, a)) return { found: true, key: a };
      return { found: false, key };
    }
  }
  if (key === null) return MAP.has.call(m, undefined) ? { found: true, key: undefined } : { found: false, key };
  // objects: equal by value (tuples) or by __eq__
  if (key instanceof PyTuple || special(key, '__eq__')) {
    const h = hash(key);
    for (const k of MAP.keys.call(m)) {
      if (typeof k === 'object' && k !== null && k !== key) {
        try { if (hash(k) !== h) continue; } catch { continue; }
        if (eq(k, key)) return { found: true, key: k };
      }
    }
  } else {
    hash(key); // raises for unhashable keys
  }
  return { found: false, key };
}

// ----- public API ------------------------------------------------------------

function checkKey(key: any): void {
  // strings are always hashable; other keys are checked by the table
  if (typeof key === 'object' && key !== null && !(key instanceof PyTuple)) hash(key);
}

/** d[key] or MISSING */
export function dictGet(d: any, key: any): any {
  if (typeof key === 'string') {
    if (d instanceof Map) {
      return MAP.has.call(d, key) ? MAP.get.call(d, key) : MISSING;
    }
    return propEnum.call(d, key) ? d[key] : MISSING;
  }
  if (d instanceof Map) {
    const r = mapFind(d, key);
    return r.found ? MAP.get.call(d, r.key) : MISSING;
  }
  const t = d[PYKEYS] as KeyTable | undefined;
  if (t === undefined) { checkKey(key); return MISSING; }
  return t.get(key);
}

/** d[key] = value */
export function dictSet(d: any, key: any, value: any): void {
  if (typeof key === 'string') {
    if (d instanceof Map) MAP.set.call(d, key, value);
    else setProp(d, key, value);
    return;
  }
  if (d instanceof Map) {
    const r = mapFind(d, key);
    MAP.set.call(d, r.key, value);
    return;
  }
  keyTable(d, true).set(key, value);
}

/** del d[key]; returns false when the key is absent */
export function dictDelete(d: any, key: any): boolean {
  if (typeof key === 'string') {
    if (d instanceof Map) return MAP.delete.call(d, key);
    if (!propEnum.call(d, key)) return false;
    delete d[key];
    return true;
  }
  if (d instanceof Map) {
    const r = mapFind(d, key);
    return r.found ? MAP.delete.call(d, r.key) : false;
  }
  const t = d[PYKEYS] as KeyTable | undefined;
  if (t === undefined) { checkKey(key); return false; }
  return t.delete(key) !== undefined;
}

export function dictHas(d: any, key: any): boolean {
  return dictGet(d, key) !== MISSING;
}

/** d[key], raising KeyError */
export function dictGetItem(d: any, key: any): any {
  const v = dictGet(d, key);
  if (v === MISSING) throw new E.KeyError(key);
  return v;
}

export function dictDelItem(d: any, key: any): void {
  if (!dictDelete(d, key)) throw new E.KeyError(key);
}

export function dictLen(d: any): number {
  if (d instanceof Map) return mapSize.call(d);
  const t = d[PYKEYS] as KeyTable | undefined;
  return Object.keys(d).length + (t ? t.size : 0);
}

export function dictKeys(d: any): any[] {
  if (d instanceof Map) return [...MAP.keys.call(d)];
  const ks: any[] = Object.keys(d);
  const t = d[PYKEYS] as KeyTable | undefined;
  if (t && t.size) for (const k of t.keys()) ks.push(k);
  return ks;
}

export function dictValues(d: any): any[] {
  if (d instanceof Map) return [...MAP.values.call(d)];
  const vs: any[] = Object.keys(d).map(k => d[k]);
  const t = d[PYKEYS] as KeyTable | undefined;
  if (t && t.size) for (const v of t.values()) vs.push(v);
  return vs;
}

/** [key, value] pairs (plain arrays) */
export function dictEntries(d: any): [any, any][] {
  if (d instanceof Map) return [...MAP.entries.call(d)];
  const es: [any, any][] = Object.keys(d).map(k => [k, d[k]]);
  const t = d[PYKEYS] as KeyTable | undefined;
  if (t && t.size) for (const e of t.entries()) es.push(e);
  return es;
}

/** items as a list of tuples */
export function dictItems(d: any): PyTuple[] {
  return dictEntries(d).map(e => makeTuple(e));
}

export function dictClear(d: any): void {
  if (d instanceof Map) { MAP.clear.call(d); return; }
  for (const k of Object.keys(d)) delete d[k];
  const t = d[PYKEYS] as KeyTable | undefined;
  if (t) t.clear();
}

/** a new plain-object dict */
export function newDict(nullProto = false): any {
  return nullProto ? Object.create(null) : {};
}

/** shallow copy keeping the kind (Map / plain object with the same prototype) */
export function dictCopy(d: any): any {
  if (d instanceof Map) return new Map(MAP.entries.call(d));
  const c = Object.getPrototypeOf(d) === null ? Object.create(null) : {};
  for (const k of Object.keys(d)) setProp(c, k, d[k]);
  const t = d[PYKEYS] as KeyTable | undefined;
  if (t && t.size) {
    const nt = keyTable(c, true);
    for (const [k, v] of t.entries()) nt.set(k, v);
  }
  return c;
}

/** dict.update(other): a mapping or an iterable of pairs */
export function dictUpdate(d: any, other: any): void {
  if (other == null) return;
  if (isPlainDict(other) || other instanceof Map) {
    if (isPlainDict(other) && !(d instanceof Map)) {
      for (const k of Object.keys(other)) setProp(d, k, other[k]);
      const t = other[PYKEYS] as KeyTable | undefined;
      if (t && t.size) for (const [k, v] of t.entries()) dictSet(d, k, v);
      return;
    }
    for (const [k, v] of dictEntries(other)) dictSet(d, k, v);
    return;
  }
  const keysFn = special(other, 'keys');
  const getFn = special(other, '__getitem__');
  if (keysFn && getFn) {
    const it = require('./iter');
    for (const k of it.toArray(keysFn.call(other))) dictSet(d, k, getFn.call(other, k));
    return;
  }
  mergeFromSeq(d, other);
}

export function mergeFromSeq(d: any, seq: any): void {
  const it = require('./iter');
  let i = 0;
  for (const item of it.toArray(seq)) {
    let pair: any[];
    try {
      pair = it.toArray(item);
    } catch (e) {
      if (e instanceof E.TypeError) throw new E.TypeError(`cannot convert dictionary update sequence element #${i} to a sequence`);
      throw e;
    }
    if (pair.length !== 2) {
      throw new E.ValueError(`dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
    }
    dictSet(d, pair[0], pair[1]);
    i++;
  }
}

/** dict.pop(key[, default]) */
export function dictPop(d: any, key: any, dflt: any = MISSING): any {
  const v = dictGet(d, key);
  if (v === MISSING) {
    if (dflt === MISSING) throw new E.KeyError(key);
    return dflt;
  }
  dictDelete(d, key);
  return v;
}

/** dict.popitem() -> (key, value) of the last inserted item */
export function dictPopItem(d: any): PyTuple {
  if (d instanceof Map) {
    if (mapSize.call(d) === 0) throw new E.KeyError('popitem(): dictionary is empty');
    const k = [...MAP.keys.call(d)].pop();
    const v = MAP.get.call(d, k);
    MAP.delete.call(d, k);
    return makeTuple([k, v]);
  }
  const t = d[PYKEYS] as KeyTable | undefined;
  if (t && t.size) {
    const e = t.last()!;
    t.delete(e.key);
    return makeTuple([e.key, e.value]);
  }
  const ks = Object.keys(d);
  if (ks.length === 0) throw new E.KeyError('popitem(): dictionary is empty');
  const k = ks[ks.length - 1];
  const v = d[k];
  delete d[k];
  return makeTuple([k, v]);
}

export function dictSetDefault(d: any, key: any, dflt: any = null): any {
  const v = dictGet(d, key);
  if (v !== MISSING) return v;
  dictSet(d, key, dflt);
  return dflt;
}

/** d1 == d2 with Python semantics */
export function dictEqual(a: any, b: any): boolean {
  if (a === b) return true;
  if (dictLen(a) !== dictLen(b)) return false;
  for (const [k, v] of dictEntries(a)) {
    const w = dictGet(b, k);
    if (w === MISSING) return false;
    if (!(v === w || eq(v, w))) return false;
  }
  return true;
}

/** a new dict from [key, value] pairs (plain object) */
export function makeDict(entries?: Iterable<[any, any]> | null): any {
  const d = {};
  if (entries) for (const [k, v] of entries) dictSet(d, k, v);
  return d;
}

