// Core of the Python object model: value classification, sentinels and
// the shells of the builtin type objects.  This module has no imports from
// the rest of lib/model, so every other module may use it at load time.
// The behaviour of calling a builtin type (int('12'), list(x), ...) lives
// in construct.ts and is loaded lazily on first call.

/* eslint-disable @typescript-eslint/no-explicit-any */
import { inspect, InspectOptions } from 'util';

/** Any Python object (= any JS value). */
export type PyObject = any;

/** Metadata carried by every Python type object (a JS function). */
export const TYPEINFO: unique symbol = Symbol.for('hpy-node.typeinfo') as any;
/** Hidden side table of a dict (plain object) that holds its non-string keys. */
export const PYKEYS: unique symbol = Symbol.for('hpy-node.pykeys') as any;
/** Array.prototype, whose methods the model calls on lists: a list subclass may have its own
 * `push`, `sort`, ... */
export const ARR: any[] = Array.prototype;
/** Returned by next() when an iterator is exhausted. */
export const STOP: unique symbol = Symbol.for('hpy-node.stop') as any;
/** The int, float or str value of an instance of a subclass of int, float or str (boxed.ts). */
export const PRIM: unique symbol = Symbol.for('hpy-node.prim') as any;
/** Internal "no value" marker (dict lookups, optional arguments). */
export const MISSING: unique symbol = Symbol('hpy-node.missing') as any;

/** HPyType_BuiltinShape */
export const Shape = Object.freeze({
  Legacy: -1, Object: 0, Type: 1, Long: 2, Float: 3, Unicode: 4, Tuple: 5, List: 6, Dict: 7,
});

/** HPy_TPFLAGS_* */
export const TPFLAGS = Object.freeze({
  HEAPTYPE: 1 << 9,
  BASETYPE: 1 << 10,
  HAVE_VECTORCALL: 1 << 11,
  HAVE_GC: 1 << 14,
  HAVE_VERSION_TAG: 1 << 18,
  DEFAULT: (1 << 9) | (1 << 18),
});

export interface TypeInfo {
  /** __name__ */
  name: string;
  /** __module__ ('builtins' for builtin types; null/undefined when unknown) */
  module?: string | null;
  /** the (first) base type, null for object */
  base: Function | null;
  /** further bases (multiple inheritance); isSubtype consults them */
  bases?: Function[];
  /** all the bases in the order they were declared, when `base` (the one that gives the
   * instances their layout) is not the first of them: the method resolution order follows it */
  mroBases?: Function[];
  flags: number;
  builtinShape: number;
  doc?: string | null;
  /** the metatype; `type` when absent */
  meta?: Function;
  [extra: string]: unknown;
}

export function setTypeInfo(t: Function, info: TypeInfo): void {
  Object.defineProperty(t, TYPEINFO, { value: info, writable: true, configurable: true, enumerable: false });
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The TYPEINFO stored on `t` itself (never an inherited one), or undefined. */
export function ownTypeInfo(t: any): TypeInfo | undefined {
  return typeof t === 'function' && hasOwn.call(t, TYPEINFO) ? t[TYPEINFO] : undefined;
}

// ---------------------------------------------------------------------------
// value classes

/** Python tuple: a frozen Array subclass. Build with makeTuple()/tupleOf(). */
export class PyTuple extends Array<any> {
  static get [Symbol.species](): ArrayConstructor { return Array; }
  /** new PyTuple(a, b, c) is the tuple (a, b, c), frozen like every tuple (native code reads a
   * tuple's items once for good). Not Array's `new Array(n)`: one number is one item. */
  constructor(...items: any[]) {
    super();
    for (let i = 0; i < items.length; i++) this.push(items[i]);
    if (new.target === PyTuple) Object.freeze(this);
  }
  /** PyTuple.from(iterable[, mapFn]): a frozen tuple (Array.from would fill a frozen one). */
  static from(items: any, mapFn?: (v: any, k: number) => any, thisArg?: any): any {
    return makeTuple(mapFn ? Array.from(items, mapFn, thisArg) : Array.from(items));
  }
  /** PyTuple.of(a, b, c): a frozen tuple. */
  static of(...items: any[]): any {
    return makeTuple(items);
  }
}

const EMPTY_TUPLE: PyTuple = Object.freeze(new PyTuple()) as PyTuple;

/** A frozen tuple holding the items of an array-like or iterable. */
export function makeTuple(items?: ArrayLike<any> | Iterable<any> | null): PyTuple {
  if (items == null) return EMPTY_TUPLE;
  if (items instanceof PyTuple) return items;
  let a: any[];
  if (Array.isArray(items) || (typeof (items as any).length === 'number' && typeof items !== 'string' && !(Symbol.iterator in Object(items)))) {
    const src = items as ArrayLike<any>;
    const n = src.length;
    if (n === 0) return EMPTY_TUPLE;
    a = [];
    for (let i = 0; i < n; i++) a.push(src[i]);
  } else {
    a = Array.from(items as Iterable<any>);
    if (a.length === 0) return EMPTY_TUPLE;
  }
  Object.setPrototypeOf(a, PyTuple.prototype);
  return Object.freeze(a) as PyTuple;
}

/** tupleOf(a, b, c) === makeTuple([a, b, c]) */
export function tupleOf(...items: any[]): PyTuple {
  if (items.length === 0) return EMPTY_TUPLE;
  Object.setPrototypeOf(items, PyTuple.prototype);
  return Object.freeze(items) as PyTuple;
}

/** Python slice object. */
export class PySlice {
  readonly start: any;
  readonly stop: any;
  readonly step: any;
  constructor(start: any = null, stop: any = null, step: any = null) {
    this.start = start === undefined ? null : start;
    this.stop = stop === undefined ? null : stop;
    this.step = step === undefined ? null : step;
    Object.freeze(this);
  }
}

/** Python complex number (minimal). */
export class PyComplex {
  readonly real: number;
  readonly imag: number;
  constructor(real = 0, imag = 0) {
    this.real = real;
    this.imag = imag;
    Object.freeze(this);
  }
}

/** Keyword arguments marker: the optional last argument of a call. An instance is a (not
 * callable) function object: native calls then tell it from the far commoner object arguments by
 * its typeof alone, before looking at its prototype. */
export class KwArgs {
  /** for native calls: [the names as a tuple, its id (or -1), ...the values] */
  declare readonly split: any[];
  constructor(obj?: Record<string, any> | Map<string, any> | null) {
    return makeKw(obj, new.target);
  }
  /** the keyword arguments (null-prototype object, string keys), made when asked for: native
   * calls only read `split` */
  get kwargs(): Record<string, any> {
    const d: Record<string, any> = Object.create(null);
    const [names, , ...values] = this.split;
    for (let i = 0; i < names.length; i++) d[names[i]] = values[i];
    return d;
  }
  get size(): number { return this.split.length - 2; }
  [inspect.custom](depth: number, options: InspectOptions): string {
    return `kw(${inspect({ ...this.kwargs }, { ...options, depth: options.depth == null ? null : options.depth - 1 })})`;
  }
}

function notCallable(): never {
  throw new globalThis.TypeError('kw() objects are not callable');
}
Object.setPrototypeOf(notCallable, KwArgs.prototype);
const bind = Function.prototype.bind;

function makeKw(obj: Record<string, any> | Map<string, any> | null | undefined, cls: Function): KwArgs {
  const split: any[] = [null, -1];
  let names: string[];
  if (obj instanceof Map) {
    names = [];
    for (const [k, v] of obj) {
      if (typeof k !== 'string') throw new globalThis.TypeError('keywords must be strings');
      names.push(k);
      split.push(v);
    }
  } else if (obj != null) {
    if (typeof obj !== 'object') throw new globalThis.TypeError('kw() expects an object');
    names = Object.keys(obj);
    for (let i = 0; i < names.length; i++) split.push((obj as any)[names[i]]);
  } else {
    names = [];
  }
  const node = namesNode(names);
  if (node) {
    split[0] = node.tuple ??= (namesById[node.id] = makeTuple(names));
    split[1] = node.id;
  } else {
    split[0] = makeTuple(names);
  }
  // A bound function takes its prototype from its target: no setPrototypeOf per marker; a plain
  // assignment, then freeze, costs far less on a function than defineProperty.
  const marker: any = bind.call(notCallable, null);
  if (cls !== KwArgs) Object.setPrototypeOf(marker, cls.prototype);
  marker.split = split;  // a named property: an element on a function is added by V8's runtime
  return Object.freeze(marker);
}

interface NamesNode { tuple?: PyTuple; id: number; next: Map<string, NamesNode>; }
const namesRoot: NamesNode = { id: 0, next: new Map() };
let namesNodes = 0;
const namesById: PyTuple[] = [];

/** The names tuple kw() interned with this id (native calls cache it by id), or undefined. */
export function kwNamesById(id: number): PyTuple | undefined {
  return namesById[id];
}

/** The keyword names of a call are one tuple for the same names (a call site passes the same ones
 * each time, and an extension may cache by identity), with an id that lets native calls keep a
 * handle to it and its names: a node of a trie of names, up to a bound; null past it. */
function namesNode(names: string[]): NamesNode | null {
  let node = namesRoot;
  for (const k of names) {
    let n = node.next.get(k);
    if (!n) {
      if (namesNodes >= 4096) return null;  // native/call.cc kMaxNamesId
      n = { id: ++namesNodes, next: new Map() };
      node.next.set(k, n);
    }
    node = n;
  }
  return node;
}

/** kw({a: 1}) marks keyword arguments for call() and for extension functions. */
export function kw(obj?: Record<string, any> | Map<string, any> | null): KwArgs {
  return makeKw(obj, KwArgs);
}

// ---------------------------------------------------------------------------
// builtin type objects.  Their call behaviour is in construct.ts.

let constructMod: any;
function C(): any {
  return constructMod ??= require('./construct');
}
let typesMod: any;
function T(): any {
  return typesMod ??= require('./types');
}

const builtinTypeSet = new Set<Function>();

/** What `new Sub(...)` gives for a JS subclass of int, float, str, list or dict: the value
 * boxed (int, float, str) or the array / Map itself, with Sub's prototype. */
function subclassed(target: any, base: Function, value: any): any {
  if (!target || target === base) return value;
  if (typeof value !== 'object' || value === null) return boxPrimitive(target, value);
  Object.setPrototypeOf(value, target.prototype);
  return value;
}

/** The int, float or str inside an instance of a subclass of int, float or str, else undefined. */
export function primitiveOf(v: any): any {
  return typeof v === 'object' && v !== null ? v[PRIM] : undefined;
}

/** A new instance of `type` (a subclass of int, float or str) holding `value`. */
export function boxPrimitive(type: Function, value: any): any {
  const box = Object.create(type.prototype);
  Object.defineProperty(box, PRIM, { value });
  return box;
}

function defType(fn: any, name: string, shape: number, base: Function | null, doc?: string): any {
  setTypeInfo(fn, {
    name, module: 'builtins', base, flags: TPFLAGS.DEFAULT & ~TPFLAGS.HEAPTYPE | TPFLAGS.BASETYPE,
    builtinShape: shape, doc: doc ?? null,
  });
  if (base) Object.setPrototypeOf(fn, base);
  builtinTypeSet.add(fn);
  return fn;
}

/** A builtin type (range, set, ...) whose instances are objects of class `cls`; calling `fn`
 * makes one. */
export function defValueType(fn: any, name: string, cls: Function, doc: string, basetype: boolean): any {
  defType(fn, name, Shape.Object, object, doc);
  if (!basetype) fn[TYPEINFO].flags &= ~TPFLAGS.BASETYPE;
  fn.prototype = cls.prototype;
  protoToType.set(cls.prototype, fn);
  return fn;
}

/** True for the builtin type objects defined here (int, str, list, ...). */
export function isBuiltinType(t: any): boolean {
  return builtinTypeSet.has(t);
}

export const object: any = defType(function object(this: any, ...args: any[]) {
  if (new.target) return; // used as a base class: nothing to initialise
  return C().call_object(args);
}, 'object', Shape.Object, null, 'The base class of the class hierarchy.');
// `x instanceof int` etc. behave like isinstance(x, int); inherited by every
// type whose constructor chain leads to object.
Object.defineProperty(object, Symbol.hasInstance, {
  value: function (this: any, v: any): boolean { return T().isInstance(v, this); },
  configurable: true, writable: true,
});

export const type: any = defType(function type(...args: any[]) { return C().call_type(args); }, 'type', Shape.Type, object);
export const NoneType: any = defType(function NoneType(...args: any[]) { return C().call_NoneType(args); }, 'NoneType', Shape.Object, object);
export const int: any = defType(function int(...args: any[]) { return subclassed(new.target, int, C().call_int(args)); }, 'int', Shape.Long, object);
export const bool: any = defType(function bool(...args: any[]) { return C().call_bool(args); }, 'bool', Shape.Long, int);
export const float: any = defType(function float(...args: any[]) { return subclassed(new.target, float, C().call_float(args)); }, 'float', Shape.Float, object);
export const complex: any = defType(function complex(...args: any[]) { return C().call_complex(args); }, 'complex', Shape.Object, object);
export const str: any = defType(function str(...args: any[]) { return subclassed(new.target, str, C().call_str(args)); }, 'str', Shape.Unicode, object);
export const bytes: any = defType(function bytes(...args: any[]) { return C().call_bytes(args); }, 'bytes', Shape.Object, object);
export const list: any = defType(function list(...args: any[]) { return subclassed(new.target, list, C().call_list(args)); }, 'list', Shape.List, object);
export const tuple: any = defType(function tuple(...args: any[]) { return C().call_tuple(args); }, 'tuple', Shape.Tuple, object);
export const dict: any = defType(function dict(...args: any[]) {
  if (new.target && new.target !== dict) return subclassed(new.target, dict, C().dictSubclassItems(args));
  return C().call_dict(args);
}, 'dict', Shape.Dict, object);
export const slice: any = defType(function slice(...args: any[]) { return C().call_slice(args); }, 'slice', Shape.Object, object);
export const module: any = defType(function module(...args: any[]) { return C().call_module(args); }, 'module', Shape.Object, object);
export const functionType: any = defType(function (...args: any[]) { return C().call_function(args); }, 'function', Shape.Object, object);
export const NotImplementedType: any = defType(function NotImplementedType(...args: any[]) { return C().call_singleton(args, NotImplemented); }, 'NotImplementedType', Shape.Object, object);
export const ellipsis: any = defType(function ellipsis(...args: any[]) { return C().call_singleton(args, Ellipsis); }, 'ellipsis', Shape.Object, object);
export const memoryview: any = defType(function memoryview(...args: any[]) { return C().call_memoryview(args); }, 'memoryview', Shape.Object, object);
Object.defineProperty(functionType, 'name', { value: 'function' });
bool[TYPEINFO].flags &= ~TPFLAGS.BASETYPE;
NoneType[TYPEINFO].flags &= ~TPFLAGS.BASETYPE;
functionType[TYPEINFO].flags &= ~TPFLAGS.BASETYPE;
slice[TYPEINFO].flags &= ~TPFLAGS.BASETYPE;

/** The NotImplemented singleton. */
export const NotImplemented: any = Object.freeze(Object.create(NotImplementedType.prototype));
/** The Ellipsis singleton. */
export const Ellipsis: any = Object.freeze(Object.create(ellipsis.prototype));

// instances of `module` (see makeModule) have module.prototype as prototype
/** A new module object: attributes are own properties. */
export function makeModule(name: string, doc: string | null = null): any {
  const m = Object.create(module.prototype);
  Object.defineProperty(m, '__name__', { value: name, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(m, '__doc__', { value: doc, writable: true, configurable: true, enumerable: false });
  return m;
}

/** Maps the prototype of a builtin-mapped JS value to its Python type. */
export const protoToType = new Map<object, Function>([
  [Array.prototype, list],
  [PyTuple.prototype, tuple],
  [Map.prototype, dict],
  [Uint8Array.prototype, bytes],
  [Buffer.prototype, bytes],
  [PySlice.prototype, slice],
  [PyComplex.prototype, complex],
  [module.prototype, module],
  [object.prototype, object],
  [NotImplementedType.prototype, NotImplementedType],
  [ellipsis.prototype, ellipsis],
]);
// Instances of list and dict subclasses are arrays and Maps: JS methods (push, get, ...) work on them.
Object.setPrototypeOf(list.prototype, Array.prototype);
Object.setPrototypeOf(dict.prototype, Map.prototype);
slice.prototype = PySlice.prototype;
complex.prototype = PyComplex.prototype;
tuple.prototype = PyTuple.prototype;

/** JS constructors that stand for builtin Python types in subtype checks. */
export const nativeToType = new Map<Function, Function>([
  [Array, list], [PyTuple, tuple], [Map, dict], [Uint8Array, bytes], [Buffer, bytes],
  [PySlice, slice], [PyComplex, complex], [Object, object],
]);

// ---------------------------------------------------------------------------
// classification of values

export function isNone(v: any): boolean { return v === null || v === undefined; }

/** Python int (not bool): safe-integer number (not -0) or bigint. */
export function isInt(v: any): v is number | bigint {
  return typeof v === 'bigint' || (typeof v === 'number' && Number.isSafeInteger(v) && (v !== 0 || 1 / v > 0));
}
/** Python float: a number that is not an int. */
export function isFloat(v: any): v is number {
  return typeof v === 'number' && !(Number.isSafeInteger(v) && (v !== 0 || 1 / v > 0));
}
/** int or bool */
export function isIntLike(v: any): boolean {
  return typeof v === 'boolean' || isInt(v);
}
export function isStr(v: any): v is string { return typeof v === 'string'; }
export function isBytes(v: any): v is Uint8Array { return v instanceof Uint8Array; }
export function isList(v: any): v is any[] { return Array.isArray(v) && !(v instanceof PyTuple); }
export function isTuple(v: any): v is PyTuple { return v instanceof PyTuple; }
/** plain object used as a dict (prototype Object.prototype or null) */
export function isPlainDict(v: any): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}
export function isMap(v: any): v is Map<any, any> { return v instanceof Map; }
/** Python dict: plain object or Map */
export function isDict(v: any): boolean { return isPlainDict(v) || v instanceof Map; }
export function isSlice(v: any): v is PySlice { return v instanceof PySlice; }
export function isComplex(v: any): v is PyComplex { return v instanceof PyComplex; }
export function isModule(v: any): boolean {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === module.prototype;
}

/** Python identity (`is`): null and undefined are both None; NaN is NaN. */
export function isSame(a: any, b: any): boolean {
  return a === b || (a == null && b == null) || (a !== a && b !== b && typeof a === 'number' && typeof b === 'number');
}

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE_BIG = -MAX_SAFE_BIG;

/** A Python int result: number when safe, else bigint. */
export function normInt(b: bigint): number | bigint {
  return b >= MIN_SAFE_BIG && b <= MAX_SAFE_BIG ? Number(b) : b;
}

/** Special (dunder) method lookup on an arbitrary JS object: the function,
 * null when explicitly set to null (e.g. `__hash__ = null`), or undefined.
 * Never looks at dict keys (plain objects, Maps), arrays, primitives or
 * functions. */
export function special(v: any, name: string): Function | null | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const p = Object.getPrototypeOf(v);
  if (p === Object.prototype || p === null || p === Array.prototype || p === PyTuple.prototype ||
      p === Map.prototype || p === Buffer.prototype) return undefined;
  const f = v[name];
  if (typeof f === 'function') return f;
  return f === null ? null : undefined;
}
