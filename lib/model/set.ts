// Python's set and frozenset over the dict side table (KeyTable), so members compare as Python's
// do: 1 == 1.0 == True, tuples by value, objects by __hash__/__eq__. Their protocols (len, in,
// iteration, operators, comparisons, hash, repr) are dunders on the prototypes; the methods are
// Python's. JS sees iterables with a `size`.

/* eslint-disable @typescript-eslint/no-explicit-any */
import { defValueType, NotImplemented } from './core';
import * as E from './exceptions';
import { KeyTable } from './dict';
import { hash, hashInt } from './hash';
import { jsIter } from './iter';

const TABLE = Symbol('members');

abstract class AnySet {
  /** the members (values unused); a symbol key keeps it out of the Python attributes */
  readonly [TABLE] = new KeyTable();

  constructor(items?: any) {
    if (items !== undefined && items !== null) for (const x of jsIter(items)) this[TABLE].set(x, true);
  }

  get size(): number { return this[TABLE].size; }
  [Symbol.iterator](): Iterator<any> { return this[TABLE].keys()[Symbol.iterator](); }

  /** a new set of the same kind as this one */
  protected abstract make(items?: Iterable<any>): AnySet;

  __len__(): number { return this[TABLE].size; }
  __bool__(): boolean { return this[TABLE].size !== 0; }
  __contains__(x: any): boolean { return this[TABLE].has(x); }
  __iter__(): Iterator<any> { return this[Symbol.iterator](); }

  __or__(o: any): any { return isSet(o) ? this.union(o) : NotImplemented; }
  __and__(o: any): any { return isSet(o) ? this.intersection(o) : NotImplemented; }
  __sub__(o: any): any { return isSet(o) ? this.difference(o) : NotImplemented; }
  __xor__(o: any): any { return isSet(o) ? this.symmetric_difference(o) : NotImplemented; }

  __eq__(o: any): any { return isSet(o) ? this.size === o.size && this.issubset(o) : NotImplemented; }
  __le__(o: any): any { return isSet(o) ? this.issubset(o) : NotImplemented; }
  __lt__(o: any): any { return isSet(o) ? this.size < o.size && this.issubset(o) : NotImplemented; }
  __ge__(o: any): any { return isSet(o) ? this.issuperset(o) : NotImplemented; }
  __gt__(o: any): any { return isSet(o) ? this.size > o.size && this.issuperset(o) : NotImplemented; }

  __repr__(): string {
    const { repr, guarded } = require('./repr');
    return guarded(this, `${setName(this)}(...)`, () => {
      if (this.size === 0) return `${setName(this)}()`;
      const body = '{' + this[TABLE].keys().map(repr).join(', ') + '}';
      return this instanceof PyFrozenSet ? `frozenset(${body})` : body;
    });
  }

  copy(): any { return this.make(this[TABLE].keys()); }
  union(...others: any[]): any {
    const r = this.make(this[TABLE].keys());
    for (const o of others) for (const x of jsIter(o)) r[TABLE].set(x, true);
    return r;
  }
  intersection(...others: any[]): any {
    let keys = this[TABLE].keys();
    for (const o of others) {
      const t = asTable(o);
      keys = keys.filter(x => t.has(x));
    }
    return this.make(keys);
  }
  difference(...others: any[]): any {
    let keys = this[TABLE].keys();
    for (const o of others) {
      const t = asTable(o);
      keys = keys.filter(x => !t.has(x));
    }
    return this.make(keys);
  }
  symmetric_difference(other: any): any {
    const t = asTable(other);
    const r = this.make(this[TABLE].keys().filter(x => !t.has(x)));
    for (const x of t.keys()) if (!this[TABLE].has(x)) r[TABLE].set(x, true);
    return r;
  }
  issubset(other: any): boolean {
    const t = asTable(other);
    return this[TABLE].keys().every(x => t.has(x));
  }
  issuperset(other: any): boolean {
    for (const x of jsIter(other)) if (!this[TABLE].has(x)) return false;
    return true;
  }
  isdisjoint(other: any): boolean {
    for (const x of jsIter(other)) if (this[TABLE].has(x)) return false;
    return true;
  }
}

/** Python set */
export class PySet extends AnySet {
  protected make(items?: Iterable<any>): PySet { return new PySet(items); }

  __hash__ = null;  // unhashable, as in Python

  add(x: any): null { this[TABLE].set(x, true); return null; }
  discard(x: any): null { this[TABLE].delete(x); return null; }
  remove(x: any): null {
    if (!this[TABLE].delete(x)) throw new E.KeyError(x);
    return null;
  }
  pop(): any {
    const keys = this[TABLE].keys();
    if (keys.length === 0) throw new E.KeyError('pop from an empty set');
    this[TABLE].delete(keys[0]);
    return keys[0];
  }
  clear(): null { this[TABLE].clear(); return null; }
  update(...others: any[]): null {
    for (const o of others) for (const x of jsIter(o)) this[TABLE].set(x, true);
    return null;
  }
  intersection_update(...others: any[]): null { return this.replace(this.intersection(...others)); }
  difference_update(...others: any[]): null { return this.replace(this.difference(...others)); }
  symmetric_difference_update(other: any): null { return this.replace(this.symmetric_difference(other)); }
  private replace(s: AnySet): null {
    this[TABLE].clear();
    for (const x of s[TABLE].keys()) this[TABLE].set(x, true);
    return null;
  }

  __ior__(o: any): any { if (!isSet(o)) return NotImplemented; this.update(o); return this; }
  __iand__(o: any): any { if (!isSet(o)) return NotImplemented; this.intersection_update(o); return this; }
  __isub__(o: any): any { if (!isSet(o)) return NotImplemented; this.difference_update(o); return this; }
  __ixor__(o: any): any { if (!isSet(o)) return NotImplemented; this.symmetric_difference_update(o); return this; }
}

/** Python frozenset */
export class PyFrozenSet extends AnySet {
  constructor(items?: any) {
    super(items);
    Object.freeze(this);
  }
  protected make(items?: Iterable<any>): PyFrozenSet { return new PyFrozenSet(items); }

  /** order-independent, so equal frozensets hash alike */
  __hash__(): number | bigint {
    let h = 0n;
    for (const x of this[TABLE].keys()) {
      const e = BigInt.asUintN(64, BigInt(hash(x)));
      h ^= BigInt.asUintN(64, (e ^ (e << 16n) ^ 89869747n) * 3644798167n);
    }
    h = BigInt.asUintN(64, h * 69069n + 907133923n);
    return hashInt(BigInt.asIntN(64, h));
  }
}

function isSet(o: any): o is AnySet { return o instanceof AnySet; }

function asTable(o: any): KeyTable {
  return isSet(o) ? o[TABLE] : new PySet(o)[TABLE];
}

function setName(s: AnySet): string {
  return require('./types').typeName(require('./types').typeOf(s));
}

function defSetType(name: string, make: (items?: any) => AnySet, cls: Function, doc: string): any {
  const t: any = ({
    [name](...args: any[]): AnySet {
      if (args.length > 1) throw new E.TypeError(`${name} expected at most 1 argument, got ${args.length}`);
      return make(args[0]);
    },
  } as any)[name];
  return defValueType(t, name, cls, doc, true);
}

/** builtins.set */
export const set: any = defSetType('set', (items) => new PySet(items), PySet, 'Build an unordered collection of unique elements.');
/** builtins.frozenset */
export const frozenset: any = defSetType('frozenset', (items) => new PyFrozenSet(items), PyFrozenSet,
  'Build an immutable unordered collection of unique elements.');
