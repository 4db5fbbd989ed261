// The dispatch table: the TypeScript functions the native context calls for everything with
// Python semantics. `context` implements ContextDispatch (generated from the ABI table: one entry
// per context function marked `js`); `helpers` serve the handwritten native code.
import type { ContextDispatch } from './gen/dispatch';
import { M } from './model-flat';
import { kwNamesById } from './model/core';
import * as exttype from './exttype';
import { findModule } from './registry';
import { contextVarHelpers } from './contextvar';
import { HPyDebugError } from './debug';

const E = M.exc;

/** Python's PyErr_SetObject(type, value): value itself, type(*value) for a tuple, else type(value). */
function makeError(type: any, value: any): any {
  if (typeof type !== 'function' || !M.isSubtype(type, E.BaseException)) {
    return new E.SystemError(`exception ${M.repr(type)} is not a BaseException subclass`);
  }
  if (value instanceof E.BaseException && M.isInstance(value, type)) return value;
  if (value === undefined || value === null) return new type();
  if (M.isTuple(value)) return new type(...value);
  return new type(value);
}

/** Does a pending error (instance, class, or any thrown JS value) match a type or tuple of types? */
function errMatches(err: any, target: any): boolean {
  if (Array.isArray(target)) return target.some((t: any) => errMatches(err, t));
  const errType = typeof err === 'function' ? err : err instanceof E.BaseException ? err.constructor : null;
  if (errType) return M.isSubtype(errType, target);
  // A JS error that is no Python exception counts as an Exception.
  return target === E.Exception || target === E.BaseException;
}

const moduleViews = new WeakMap<object, any>();

/** A plain object registered as a module is a dict to Python: extensions see it through a module
 * whose attributes read and write the object's own properties. */
function moduleView(name: string, obj: any): any {
  let view = moduleViews.get(obj);
  if (!view) {
    view = M.makeModule(name);
    moduleViews.set(obj, view);
  }
  for (const k of Object.keys(obj)) {
    if (Object.prototype.hasOwnProperty.call(view, k)) continue;
    Object.defineProperty(view, k, {
      get: () => obj[k],
      set: (v) => { obj[k] = v; },
      enumerable: true,
      configurable: true,
    });
  }
  return view;
}

function importModule(name: string): any {
  const found = findModule(name);
  if (found !== undefined) return M.isPlainDict(found) ? moduleView(name, found) : found;
  throw new E.ModuleNotFoundError(`No module named '${name}'`);
}

/** PyObject_HasAttr: 1 or 0, never an error (any exception, a bad name included, means 0). */
function hasattrNoFail(o: any, name: any): boolean {
  try {
    return M.hasattr(o, name);
  } catch {
    return false;
  }
}

/** PySequence_{Get,Set,Del}Slice name a type without slicing support in their own words. */
function sliceOp<T>(o: any, itemWords: string, sliceWords: string, op: () => T): T {
  try {
    return op();
  } catch (e) {
    if (e instanceof E.TypeError && (e as any).message === `'${M.tpName(o)}' object ${itemWords}`) {
      throw new E.TypeError(`'${M.tpName(o)}' object ${sliceWords}`);
    }
    throw e;
  }
}

const context: ContextDispatch = {
  Length: M.len,
  Number_Check: M.numberCheck,
  Add: M.add,
  Subtract: M.sub,
  Multiply: M.mul,
  MatrixMultiply: M.matmul,
  FloorDivide: M.floordiv,
  TrueDivide: M.truediv,
  Remainder: M.mod,
  Divmod: M.divmod,
  Power: (a, b, c) => M.pow(a, b, c ?? null),
  Negative: M.neg,
  Positive: M.pos,
  Absolute: M.abs,
  Invert: M.invert,
  Lshift: M.lshift,
  Rshift: M.rshift,
  And: M.and,
  Xor: M.xor,
  Or: M.or,
  Index: M.index,
  Long: M.toInt,
  Float: M.toFloat,
  InPlaceAdd: M.inplaceAdd,
  InPlaceSubtract: M.inplaceSub,
  InPlaceMultiply: M.inplaceMul,
  InPlaceMatrixMultiply: M.inplaceMatmul,
  InPlaceFloorDivide: M.inplaceFloordiv,
  InPlaceTrueDivide: M.inplaceTruediv,
  InPlaceRemainder: M.inplaceMod,
  InPlacePower: (a, b, c) => M.inplacePow(a, b, c ?? null),
  InPlaceLshift: M.inplaceLshift,
  InPlaceRshift: M.inplaceRshift,
  InPlaceAnd: M.inplaceAnd,
  InPlaceXor: M.inplaceXor,
  InPlaceOr: M.inplaceOr,
  Callable_Check: M.isCallable,
  IsTrue: M.isTrue,
  GetAttr: (o, n) => M.getattr(o, n),
  GetAttr_s: (o, n) => M.getattr(o, n),
  HasAttr: hasattrNoFail,
  HasAttr_s: hasattrNoFail,
  // HPy_SetAttr with HPy_NULL as value deletes (HPy_DelAttr is written that way).
  SetAttr: (o, n, v) => (M.setattrOrDel(o, n, v), 0),
  SetAttr_s: (o, n, v) => (M.setattrOrDel(o, n, v), 0),
  GetItem: M.getitem,
  GetItem_i: (o, i) => M.getitem(o, i),
  GetItem_s: M.getitem,
  Contains: M.contains,
  SetItem: (o, k, v) => (M.setitem(o, k, v), 0),
  SetItem_i: (o, i, v) => (M.setitem(o, i, v), 0),
  SetItem_s: (o, k, v) => (M.setitem(o, k, v), 0),
  Type: M.typeOf,
  Repr: M.repr,
  Str: M.pyStr,
  ASCII: M.ascii,
  Bytes: M.bytesOf,
  RichCompare: M.richCompare,
  RichCompareBool: M.richCompareBool,
  Hash: M.hash,
  Bytes_Size: M.bytesSize,
  Bytes_GET_SIZE: (b) => (b as Uint8Array).length,
  Unicode_AsASCIIString: M.encodeASCII,
  Unicode_AsLatin1String: M.encodeLatin1,
  Unicode_AsUTF8String: M.encodeUTF8,
  // the filesystem encoding: UTF-8 with surrogateescape (as CPython on POSIX)
  Unicode_EncodeFSDefault: (s) => {
    if (typeof s !== 'string') throw new E.TypeError('bad argument type for built-in operation');
    return M.encode(s, 'utf-8', 'surrogateescape');
  },
  Unicode_ReadChar: M.readChar,
  List_New: M.listNew,
  List_Append: M.listAppend,
  Import_ImportModule: importModule,
  DelItem: (o, k) => (M.delitem(o, k), 0),
  DelItem_i: (o, i) => (M.delitem(o, i), 0),
  DelItem_s: (o, k) => (M.delitem(o, k), 0),
  Type_IsSubtype: M.isSubtype,
  // The native glue passes a NULL encoding/errors as '': NULL means UTF-8 / strict.
  Unicode_FromEncodedObject: (o, encoding, errors) => M.decodeObject(o, encoding || 'utf-8', errors || 'strict'),
  Unicode_Substring: (s, start, end) => M.substring(s, start, end),
  Dict_Keys: (d) => {
    if (!M.isDict(d)) throw new E.SystemError('bad argument: expected a dict');
    return M.dictKeys(d);
  },
  Dict_Copy: (d) => {
    if (!M.isDict(d)) throw new E.SystemError('bad argument: expected a dict');
    return M.dictCopy(d);
  },
  List_Insert: M.listInsert,
  GetSlice: (o, a, b) => sliceOp(o, 'is not subscriptable', 'is unsliceable', () => M.getSlice(o, a, b)),
  SetSlice: (o, a, b, v) => sliceOp(o, 'does not support item assignment', "doesn't support slice assignment",
    () => (M.setSlice(o, a, b, v), 0)),
  DelSlice: (o, a, b) => sliceOp(o, "doesn't support item deletion", "doesn't support slice deletion",
    () => (M.delSlice(o, a, b), 0)),
  GetIter: M.iter,
  Iter_Check: M.isIterator,
  Slice_New: (start, stop, step) => M.sliceNew(start ?? null, stop ?? null, step ?? null),
};

const TUPLE_PROTO = M.PyTuple.prototype;
const EMPTY_TUPLE = M.makeTuple(null);

/** A tuple of the arguments: the rest array itself, re-prototyped and frozen. In V8 this is
 * several times faster than constructing the Array subclass. */
function tupleFrom(...items: any[]): any {
  return asTuple(items);
}

/** The array itself as a tuple (the empty one is shared). */
function asTuple(items: any[]): any {
  if (items.length === 0) return EMPTY_TUPLE;
  Object.setPrototypeOf(items, TUPLE_PROTO);
  return Object.freeze(items);
}

/** Stores key/value pairs of a dict C built (string keys). */
function dictAssign(o: Record<string, unknown>, kv: any[]): Record<string, unknown> {
  for (let i = 0; i < kv.length; i += 2) M.setProp(o, kv[i], kv[i + 1]);
  return o;
}

let fromNumbersBuffer: ArrayBuffer | null = null;
let numbersView = new Float64Array(0);

/** A list (or tuple) of the first n numbers C wrote into its buffer: one call, where passing
 * them as arguments would cost a Node-API call per number. */
function fromNumbers(buf: ArrayBuffer, n: number, tuple: boolean): any {
  if (buf !== fromNumbersBuffer) {
    fromNumbersBuffer = buf;
    numbersView = new Float64Array(buf);
  }
  const v = numbersView, a: number[] = new Array(n);  // filled at once: 3x faster than push
  for (let i = 0; i < n; i++) a[i] = v[i];
  return tuple ? asTuple(a) : a;
}

const helpers = {
  typeCheck: (v: any, t: any) => M.isInstance(v, t),
  makeError,
  errMatches,
  newException: (name: string, base: any, dict: any, doc: any) => M.newException(name, base ?? undefined, dict ?? null, doc ?? null),
  warn: (category: any, message: string) => {
    const cat = category ?? E.RuntimeWarning;
    if (!M.isSubtype(cat, E.Warning)) throw new E.TypeError('category must be a Warning subclass');
    process.emitWarning(message, M.typeName(cat));
  },
  unraisable: (err: any, obj: any) => {
    const where = obj === undefined ? '' : ` in: ${M.repr(obj)}`;
    process.stderr.write(`Exception ignored${where}\n${err?.stack ?? String(err)}\n`);
  },
  importModule,
  callKw: (f: any, args: any, kwargs: any) => M.call(f, args ?? [], kwargs ?? null),
  tupleFrom,
  listFrom: (...items: any[]) => items,
  fromNumbers,
  osError: (type: any, code: number, f1: any, f2: any, text: string) =>
    f1 === undefined ? new type(code, text) : new type(code, text, f1, undefined, f2 ?? undefined),
  typeName: (t: any) => M.typeName(t),
  tpName: (v: any) => M.tpName(v),
  // PySlice_Unpack. The native side reads the results with napi_get_value_int64, which saturates
  // a finite double at the int64 limits: +-2**63 stand for HPY_SSIZE_T_MAX / HPY_SSIZE_T_MIN.
  sliceUnpack: M.sliceUnpack, // exact HPy_ssize_t values: BigInts beyond 2**53, read exactly natively
  moduleSpec: (name: string, origin: string) => ({ name, origin }),
  makeType: exttype.makeType,
  finishType: exttype.finishType,
  allocInstance: exttype.allocInstance,
  initInstance: exttype.initInstance,
  primitiveOf: M.primitiveOf,
  fieldStore: exttype.fieldStore,
  fieldLoad: exttype.fieldLoad,
  asDouble: (v: any) => {
    if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return M.toFloat(v);
    if (M.special(v, '__float__') || M.special(v, '__index__')) return M.toFloat(v);
    throw new E.TypeError(`must be real number, not ${M.tpName(v)}`);
  },
  ...contextVarHelpers,
  // Numbers of an array in one call (native array snapshots): the first n values, then for
  // each 1 (an int), 2 (a float) or 0 (anything else), in one reused buffer (a fresh one when an
  // element getter nests a call).
  numbersOf: (a: unknown[], n: number) => {
    const out = numbersDepth === 0 ? numberScratch(2 * n) : new Float64Array(2 * n);
    numbersDepth++;  // an element getter or proxy trap may call an extension that reads an array
    try {
      for (let i = 0; i < n; i++) {
        const v = a[i];
        if (typeof v === 'number') {
          out[i] = v;
          out[n + i] = M.isInt(v) ? 1 : 2;
        } else {
          out[n + i] = 0;
        }
      }
    } finally {
      numbersDepth--;
    }
    return out;
  },
  debugError: (message: string) => new HPyDebugError(message),
  kwNames: (id: number) => kwNamesById(id),
  fillStack: M.fillStack,
  hasSetter: (o: object, k: PropertyKey) => {
    for (let p: object | null = o; p !== null; p = Object.getPrototypeOf(p)) {
      const d = Object.getOwnPropertyDescriptor(p, k);
      if (d) return d.set !== undefined;
    }
    return false;
  },
  durableSet: (arr: unknown[], ...pairs: unknown[]) => {
    for (let i = 0; i < pairs.length; i += 2) arr[pairs[i] as number] = pairs[i + 1];
  },
  dictFrom: (...kv: any[]) => dictAssign({}, kv),
  dictExtend: (o: Record<string, unknown>, ...kv: any[]) => { dictAssign(o, kv); },
  listExtend: (a: unknown[], ...items: unknown[]) => {
    for (let i = 0; i < items.length; i++) a.push(items[i]);
  },
  asTuple,
  iterAt: (seq: any, index: number) => {
    if (seq === undefined) return [][Symbol.iterator]();  // an exhausted one
    const it = M.iter(seq);
    for (let i = 0; i < index; i++) if (M.next(it) === M.STOP) break;
    return it;
  },
  iterNext: (it: any) => {
    const v = M.next(it);
    return v === M.STOP ? undefined : v;
  },
};

let numbersBuffer = new Float64Array(256);
let numbersDepth = 0;
function numberScratch(size: number): Float64Array {
  if (numbersBuffer.length < size) numbersBuffer = new Float64Array(Math.max(size, 2 * numbersBuffer.length));
  return numbersBuffer;
}

/** The table handed to the native context. */
export function makeDispatch(): object {
  return { ...context, ...helpers };
}
