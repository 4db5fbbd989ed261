// Python's range: an immutable arithmetic sequence of ints. Its protocols (len, indexing,
// slicing, iteration, `in`, ==, hash, repr) are dunders on the prototype, which is how the rest of
// the object model reaches any object. Arithmetic is in BigInt, so huge ranges stay exact.

/* eslint-disable @typescript-eslint/no-explicit-any */
import { defValueType, normInt, makeTuple, NotImplemented, PySlice, isInt } from './core';
import * as E from './exceptions';
import { index } from './number';
import { richCompareBool, EQ } from './compare';
import { hashTuple } from './hash';
import { sliceIndices } from './sequence';

const big = (v: any): bigint => BigInt(index(v));

/** The range object. Build with range(...) (builtins.range). */
export class PyRange {
  readonly start: number | bigint;
  readonly stop: number | bigint;
  readonly step: number | bigint;
  readonly #n: bigint;  // number of items
  constructor(start: bigint, stop: bigint, step: bigint) {
    this.start = normInt(start);
    this.stop = normInt(stop);
    this.step = normInt(step);
    let n = 0n;
    if (step > 0n && start < stop) n = (stop - start - 1n) / step + 1n;
    else if (step < 0n && start > stop) n = (start - stop - 1n) / -step + 1n;
    this.#n = n;
    Object.freeze(this);
  }

  #item(i: bigint): number | bigint {
    return normInt(BigInt(this.start) + i * BigInt(this.step));
  }

  __len__(): number | bigint { return normInt(this.#n); }
  __bool__(): boolean { return this.#n !== 0n; }

  __getitem__(key: any): any {
    if (key instanceof PySlice) {
      const n = this.#n;
      if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new E.OverflowError('Python int too large to convert to C ssize_t');
      // as CPython: the slice's indices (adjusted to the length) mapped through this range
      const { start, stop, step } = sliceIndices(key, Number(n));
      const base = BigInt(this.start), st = BigInt(this.step);
      return new PyRange(base + BigInt(start) * st, base + BigInt(stop) * st, st * BigInt(step));
    }
    let i: bigint;
    try {
      i = big(key);
    } catch (e) {
      if (e instanceof E.TypeError) throw new E.TypeError(`range indices must be integers or slices, not ${require('./types').tpName(key)}`);
      throw e;
    }
    if (i < 0n) i += this.#n;
    if (i < 0n || i >= this.#n) throw new E.IndexError('range object index out of range');
    return this.#item(i);
  }

  *__iter__(): Generator<any> {
    for (let i = 0n; i < this.#n; i++) yield this.#item(i);
  }

  *__reversed__(): Generator<any> {
    for (let i = this.#n - 1n; i >= 0n; i--) yield this.#item(i);
  }

  [Symbol.iterator](): Generator<any> { return this.__iter__(); }

  __contains__(x: any): boolean {
    if (isInt(x) || typeof x === 'boolean') return this.#indexOf(BigInt(typeof x === 'boolean' ? +x : x)) >= 0n;
    for (const y of this.__iter__()) if (richCompareBool(y, x, EQ)) return true;
    return false;
  }

  #indexOf(v: bigint): bigint {
    const start = BigInt(this.start);
    const step = BigInt(this.step);
    const off = v - start;
    if (off % step !== 0n) return -1n;
    const i = off / step;
    return i >= 0n && i < this.#n ? i : -1n;
  }

  index(x: any): number | bigint {
    if (isInt(x) || typeof x === 'boolean') {
      const i = this.#indexOf(BigInt(typeof x === 'boolean' ? +x : x));
      if (i >= 0n) return normInt(i);
    } else {
      let i = 0n;
      for (const y of this.__iter__()) {
        if (richCompareBool(y, x, EQ)) return normInt(i);
        i++;
      }
    }
    throw new E.ValueError(`${require('./repr').repr(x)} is not in range`);
  }

  count(x: any): number {
    if (isInt(x) || typeof x === 'boolean') return this.__contains__(x) ? 1 : 0;
    let n = 0;
    for (const y of this.__iter__()) if (richCompareBool(y, x, EQ)) n++;
    return n;
  }

  /** the sequence's identity: ranges with the same items are equal and hash alike */
  #key(): any[] {
    const n = this.#n;
    return [normInt(n), n === 0n ? null : this.start, n <= 1n ? null : this.step];
  }

  __eq__(other: any): any {
    if (!(other instanceof PyRange)) return NotImplemented;
    const a = this.#key(), b = other.#key();
    return a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
  }

  __hash__(): number | bigint { return hashTuple(makeTuple(this.#key())); }

  __repr__(): string {
    return BigInt(this.step) === 1n ? `range(${this.start}, ${this.stop})` : `range(${this.start}, ${this.stop}, ${this.step})`;
  }
}

/** builtins.range: range(stop), range(start, stop[, step]) */
export const range: any = function range(...args: any[]): PyRange {
  if (args.length === 0) throw new E.TypeError('range expected at least 1 argument, got 0');
  if (args.length > 3) throw new E.TypeError(`range expected at most 3 arguments, got ${args.length}`);
  if (args.length === 1) return new PyRange(0n, big(args[0]), 1n);
  const step = args.length === 3 ? big(args[2]) : 1n;
  if (step === 0n) throw new E.ValueError('range() arg 3 must not be zero');
  return new PyRange(big(args[0]), big(args[1]), step);
};
defValueType(range, 'range', PyRange, 'range(stop) -> range object\nrange(start, stop[, step]) -> range object', false);
