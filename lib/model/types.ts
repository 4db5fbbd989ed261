// typeOf, type metadata, subtype checks, creation of new types.

/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  TypeInfo, ownTypeInfo, setTypeInfo, protoToType, nativeToType, Shape, TPFLAGS,
  object, type, NoneType, bool, int, float, str, dict, functionType, PyTuple,
} from './core';
import * as E from './exceptions';

const NATIVE_CLASSES = new Set<Function>([
  Object, Array, Map, Set, WeakMap, WeakSet, Error, Date, RegExp, Promise, ArrayBuffer, DataView,
  Uint8Array, Int8Array, Uint16Array, Int16Array, Uint32Array, Int32Array, Float32Array, Float64Array,
  Uint8ClampedArray, BigInt64Array, BigUint64Array, Buffer, globalThis.TypeError, globalThis.RangeError,
  globalThis.SyntaxError, globalThis.ReferenceError, globalThis.EvalError, globalThis.URIError, String, Number,
  Boolean, Symbol, BigInt, Function,
]);

const classCache = new WeakMap<Function, boolean>();

/** Is this JS function a type (class/constructor) rather than a plain function? */
export function isTypeObject(f: any): boolean {
  if (typeof f !== 'function') return false;
  if (ownTypeInfo(f)) return true;
  let r = classCache.get(f);
  if (r === undefined) {
    r = NATIVE_CLASSES.has(f);
    if (!r) {
      let src = '';
      try { src = Function.prototype.toString.call(f); } catch { /* ignore */ }
      if (src.startsWith('class')) r = true;
      else {
        // old-style constructor with methods on its prototype
        const p = f.prototype;
        r = !!p && typeof p === 'object' && Object.getOwnPropertyNames(p).length > 1;
      }
    }
    classCache.set(f, r);
  }
  return r;
}

/** The Python type of any JS value. */
export function typeOf(v: any): any {
  switch (typeof v) {
    case 'number':
      return Number.isSafeInteger(v) && (v !== 0 || 1 / v > 0) ? int : float;
    case 'string': return str;
    case 'boolean': return bool;
    case 'bigint': return int;
    case 'undefined': return NoneType;
    case 'symbol': return object;
    case 'function': {
      if (isTypeObject(v)) return ownTypeInfo(v)?.meta ?? type;
      return functionType;
    }
    default: {
      if (v === null) return NoneType;
      const p = Object.getPrototypeOf(v);
      if (p === null || p === Object.prototype) return dict;
      for (let q = p; q !== null && q !== Object.prototype; q = Object.getPrototypeOf(q)) {
        const t = protoToType.get(q);
        if (t) return t;
        if (Object.prototype.hasOwnProperty.call(q, 'constructor')) {
          const c = q.constructor;
          if (typeof c === 'function' && c.prototype === q) return c;
        }
      }
      return object;
    }
  }
}

const infoCache = new WeakMap<Function, TypeInfo>();

function jsBase(t: Function): Function | null {
  const n = nativeToType.get(t);
  if (n && n !== t) return n;
  if (t === object) return null;
  const p = Object.getPrototypeOf(t);
  if (typeof p !== 'function' || p === Function.prototype) return object;
  return nativeToType.get(p) ?? p;
}

/** TYPEINFO of a type; synthesised (and cached) for plain JS classes. */
export function typeInfo(t: any): TypeInfo {
  const own = ownTypeInfo(t);
  if (own) return own;
  let info = infoCache.get(t);
  if (!info) {
    const mapped = nativeToType.get(t);
    if (mapped && mapped !== t) return typeInfo(mapped);
    let shape: number = Shape.Object;
    if (t.prototype instanceof PyTuple) shape = Shape.Tuple;
    else if (t === Array || t.prototype instanceof Array) shape = Shape.List;
    else if (t === Map || t.prototype instanceof Map) shape = Shape.Dict;
    info = { name: t.name || '?', module: null, base: jsBase(t), flags: TPFLAGS.DEFAULT | TPFLAGS.BASETYPE, builtinShape: shape };
    infoCache.set(t, info);
  }
  return info;
}

/** __name__ of a type */
export function typeName(t: any): string {
  return typeInfo(t).name;
}

/** name used in messages and in repr: "module.Name", or just "Name" for builtins */
export function typeQualName(t: any): string {
  const i = typeInfo(t);
  return i.module && i.module !== 'builtins' && i.module !== '__main__' ? `${i.module}.${i.name}` : i.name;
}

/** tp_name as CPython prints it in error messages ('int', 'mod.Point'). */
export function tpName(v: any): string {
  return typeQualName(typeOf(v));
}

/** Is type `a` a subtype of type `b` (a === b counts)? */
export function isSubtype(a: any, b: any): boolean {
  if (a === b || b === object) return true;
  if (typeof a !== 'function' || typeof b !== 'function') return false;
  const bm = nativeToType.get(b);
  if (bm) b = bm;
  for (let c: any = a; c && c !== Function.prototype;) {
    if (c === b) return true;
    const m = nativeToType.get(c);
    if (m && m !== c) { c = m; continue; }
    const info = ownTypeInfo(c);
    const next = Object.getPrototypeOf(c);
    if (info) {
      if (info.bases) for (const x of info.bases) if (isSubtype(x, b)) return true;
      if (info.base && info.base !== next && info.base !== c && isSubtype(info.base, b)) return true;
    }
    c = next;
  }
  return false;
}

/** isinstance(v, t); t may be a type or an array (tuple) of types. */
export function isInstance(v: any, t: any): boolean {
  if (Array.isArray(t)) {
    for (const x of t) if (isInstance(v, x)) return true;
    return false;
  }
  if (t === object) return true;
  const vt = typeOf(v);
  if (vt === t) return true;
  return isSubtype(vt, t);
}

/** issubclass(a, t); t may be an array of types. */
export function isSubclass(a: any, t: any): boolean {
  if (!isTypeObject(a)) throw new E.TypeError('issubclass() arg 1 must be a class');
  if (Array.isArray(t)) return t.some(x => isSubclass(a, x));
  if (!isTypeObject(t)) throw new E.TypeError('issubclass() arg 2 must be a class, a tuple of classes, or a union');
  return isSubtype(a, t);
}

/** The method resolution order: depth first along the bases in the order they were declared
 * (TypeInfo.mroBases, else base then the further bases), each type once, object last. */
export function mro(t: any): any[] {
  const out: any[] = [];
  const seen = new Set<any>();
  const visit = (c: any): void => {
    if (!c || seen.has(c)) return;
    seen.add(c);
    out.push(c);
    const info = typeInfo(c);
    const declared = info.mroBases as Function[] | undefined;
    if (declared) for (const b of declared) visit(b);
    else {
      visit(info.base);
      if (info.bases) for (const b of info.bases) visit(b);
    }
  };
  visit(t);
  if (!seen.has(object)) out.push(object);
  else { out.splice(out.indexOf(object), 1); out.push(object); }
  return out;
}

/**
 * type(name, bases, dict): a new JS class extending bases[0] (object when
 * empty), with the dict entries on its prototype.
 */
export function newType(name: string, bases: any[] = [], attrs: Record<string, any> | null = null, module: string | null = null): any {
  if (typeof name !== 'string') throw new E.TypeError('type.__new__() argument 1 must be str');
  const list = bases.length ? bases : [object];
  for (const b of list) {
    if (!isTypeObject(b)) throw new E.TypeError(`type.__new__() argument 2 must be a tuple of types`);
    const bi = ownTypeInfo(b);
    if (bi && !(bi.flags & TPFLAGS.BASETYPE)) throw new E.TypeError(`type '${typeName(b)}' is not an acceptable base type`);
  }
  if (list[0] === E.BaseException || list[0].prototype instanceof E.BaseException) {
    return E.newException(`${module ?? '__main__'}.${name}`, list, attrs);
  }
  const B: any = list[0];
  const C = ({ [name]: class extends B {} } as any)[name];
  let doc: string | null = null;
  if (attrs) {
    for (const k of Object.keys(attrs)) {
      const v = attrs[k];
      if (k === '__module__') { module = v; continue; }
      if (k === '__doc__') { doc = v; continue; }
      Object.defineProperty(C.prototype, k, { value: v, writable: true, configurable: true, enumerable: false });
    }
  }
  const info: TypeInfo = {
    name, module: module ?? '__main__', base: B, flags: TPFLAGS.DEFAULT | TPFLAGS.BASETYPE,
    builtinShape: typeInfo(B).builtinShape, doc,
  };
  if (list.length > 1) info.bases = list.slice(1);
  setTypeInfo(C, info);
  return C;
}

