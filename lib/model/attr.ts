// getattr / setattr / delattr / hasattr.
//  - builtin values (str, list, dict, int, ...): the Python methods of
//    their type only (a dict's keys are never attributes);
//  - JS objects: own and inherited properties (not Object.prototype's),
//    inherited functions come back bound; __getattr__ as a fallback;
//  - types: static properties, then prototype properties, then the
//    methods of builtin types (unbound) and their class methods.

/* eslint-disable @typescript-eslint/no-explicit-any */
import { MISSING, special, isBuiltinType, isModule, ownTypeInfo, object, primitiveOf } from './core';
import * as E from './exceptions';
import { typeOf, typeInfo, typeName, tpName, isTypeObject, mro, isSubtype } from './types';
import { methodsOfType, classMethods, PROPERTIES, checkSelf, MethodTable } from './methods';

const hasOwn = Object.prototype.hasOwnProperty;

/** prototypes whose properties are not Python attributes */
const HIDDEN_PROTOS = new Set<any>([
  Object.prototype, Function.prototype, Array.prototype, Map.prototype, Set.prototype, Uint8Array.prototype,
  Buffer.prototype, Error.prototype, Object.getPrototypeOf(Uint8Array.prototype), Promise.prototype,
]);

const FN_HIDDEN = new Set(['length', 'name', 'prototype', 'arguments', 'caller']);

const ATTR_NAME_OWNERS = new Set<any>([E.AttributeError, E.NameError, E.ImportError]);

function attrError(obj: any, name: string, msg?: string): E.BaseException {
  const err = new E.AttributeError(msg ?? `'${tpName(obj)}' object has no attribute '${name}'`);
  Object.defineProperty(err, E.ATTR_NAME, { value: name, writable: true, configurable: true });
  (err as any).obj = obj;
  return err;
}

/** find the object in v's chain (v itself first) that owns `name`, skipping hidden prototypes */
function owner(v: any, name: string, stopAtFunctionProto = false): any {
  for (let o = v; o !== null && o !== undefined; o = Object.getPrototypeOf(o)) {
    if (HIDDEN_PROTOS.has(o)) {
      if (stopAtFunctionProto || o === Object.prototype) return undefined;
      continue;
    }
    if (hasOwn.call(o, name)) return o;
  }
  return undefined;
}

function builtinTypeOfValue(v: any): any {
  // the nearest builtin type of a value (for JS subclasses of Array, Map, ...)
  const t = typeOf(v);
  if (methodsOfType(t)) return t;
  for (const c of mro(t)) if (methodsOfType(c) && c !== object) return c;
  return undefined;
}

function bindTable(tbl: MethodTable, name: string, self: any): any {
  const f = tbl[name];
  if (f === undefined) return MISSING;
  if (PROPERTIES.has(f)) return f(self);
  const bound = (...args: any[]): any => f(self, ...args);
  Object.defineProperty(bound, 'name', { value: name });
  return bound;
}

/** a method bound to obj; a bound method keeps the function's __doc__ */
function bindMethod(f: any, obj: any): any {
  const bound = f.bind(obj);
  if (hasOwn.call(f, '__doc__')) Object.defineProperty(bound, '__doc__', { value: f.__doc__, configurable: true });
  return bound;
}

const unboundCache = new WeakMap<Function, Function>();

/** T.f for a method f on T's prototype: Python's unbound method, called as T.f(obj, ...args)
 * (the JS function takes obj as `this`). The same function each time, as in Python. */
function unboundMethod(f: any): any {
  if (typeof f !== 'function' || isTypeObject(f)) return f;
  let u = unboundCache.get(f);
  if (!u) {
    u = function (this: any, self: any, ...args: any[]): any { return f.call(self, ...args); };
    Object.defineProperty(u, 'name', { value: f.name });
    if (hasOwn.call(f, '__doc__')) Object.defineProperty(u, '__doc__', { value: f.__doc__, configurable: true });
    unboundCache.set(f, u);
  }
  return u;
}

/** a class attribute that is a (non-data) descriptor object, bound through its __get__ */
function bindDescriptor(v: any, obj: any, type: any): any {
  if (typeof v !== 'object' || v === null) return v;
  const g = special(v, '__get__');
  return g ? g.call(v, obj, type) : v;
}

function commonAttr(obj: any, name: string): any {
  switch (name) {
    case '__class__': return typeOf(obj);
    case '__doc__': {
      const t = typeOf(obj);
      return typeInfo(t).doc ?? null;
    }
  }
  return MISSING;
}

function getTypeAttr(t: any, name: string): any {
  const info = typeInfo(t);
  switch (name) {
    case '__name__': return info.name;
    case '__qualname__': return info.name;
    case '__module__': return info.module ?? 'builtins';
    case '__doc__': return info.doc ?? null;
    case '__base__': return info.base;
    case '__bases__': {
      const { makeTuple } = require('./core');
      return makeTuple(info.base ? [info.base, ...(info.bases ?? [])] : []);
    }
    case '__mro__': return require('./core').makeTuple(mro(t));
    case '__class__': return typeOf(t);
    case '__flags__': return info.flags;
    case 'mro': return () => mro(t);
  }
  const o = owner(t, name, true);
  if (o !== undefined && !(typeof t === 'function' && o === t && FN_HIDDEN.has(name))) {
    return bindDescriptor(Reflect.get(o, name, t), null, t);
  }
  if (t.prototype && typeof t.prototype === 'object') {
    const p = owner(t.prototype, name);
    if (p !== undefined) {
      const d = Object.getOwnPropertyDescriptor(p, name)!;
      return 'value' in d ? unboundMethod(d.value) : d.get;
    }
  }
  // the metatype's methods and properties, bound to the type (a type is an instance of its metatype)
  if (info.meta && info.meta.prototype) {
    const p = owner(info.meta.prototype, name);
    if (p !== undefined) {
      const d = Object.getOwnPropertyDescriptor(p, name)!;
      if ('value' in d) return typeof d.value === 'function' && !isTypeObject(d.value) ? bindMethod(d.value, t) : d.value;
      return d.get ? d.get.call(t) : null;
    }
  }
  for (const c of mro(t)) {
    const cm = classMethods.get(c);
    if (cm && cm[name]) { const f = cm[name]; return (...args: any[]): any => f(t, ...args); }
    const tbl = methodsOfType(c);
    if (tbl && tbl[name]) {
      const f = tbl[name];
      const unbound = (self: any, ...args: any[]): any => { checkSelf(c, name, self); return f(self, ...args); };
      Object.defineProperty(unbound, 'name', { value: name });
      return unbound;
    }
  }
  return MISSING;
}

function getFunctionAttr(f: any, name: string): any {
  switch (name) {
    case '__name__': return f.__name__ ?? f.name;
    case '__qualname__': return f.__qualname__ ?? f.__name__ ?? f.name;
    case '__doc__': return hasOwn.call(f, '__doc__') ? f.__doc__ : null;
    case '__module__': return hasOwn.call(f, '__module__') ? f.__module__ : null;
    case '__call__': return f;
    case '__class__': return typeOf(f);
  }
  if (FN_HIDDEN.has(name)) return MISSING;
  const o = owner(f, name, true);
  if (o !== undefined) return Reflect.get(o, name, f);
  return MISSING;
}

function lookup(obj: any, name: string): any {
  switch (typeof obj) {
    case 'function':
      if (isTypeObject(obj)) return getTypeAttr(obj, name);
      return getFunctionAttr(obj, name);
    case 'object':
      if (obj !== null) break;
    // falls through
    default: {
      const c = commonAttr(obj, name);
      if (c !== MISSING) return c;
      const tbl = methodsOfType(typeOf(obj));
      return tbl ? bindTable(tbl, name, obj) : MISSING;
    }
  }
  const p = Object.getPrototypeOf(obj);
  if (p === Object.prototype || p === null || p === Array.prototype || p === Map.prototype || p === Buffer.prototype ||
      p === Uint8Array.prototype) {
    const c = commonAttr(obj, name);
    if (c !== MISSING) return c;
    const tbl = methodsOfType(typeOf(obj));
    return tbl ? bindTable(tbl, name, obj) : MISSING;
  }
  if (name === 'name' && obj instanceof E.BaseException) {
    for (const C of ATTR_NAME_OWNERS) if (obj instanceof C) return (obj as any)[E.ATTR_NAME] ?? null;
  }
  const o = owner(obj, name);
  if (o !== undefined) {
    const d = Object.getOwnPropertyDescriptor(o, name)!;
    if ('value' in d) {
      const v = d.value;
      if (o !== obj && typeof v === 'function' && !isTypeObject(v)) return bindMethod(v, obj);
      return o !== obj ? bindDescriptor(v, obj, typeOf(obj)) : v;
    }
    return d.get ? d.get.call(obj) : null;
  }
  const c = commonAttr(obj, name);
  if (c !== MISSING) return c;
  if (isModule(obj)) return MISSING;
  const bt = builtinTypeOfValue(obj);
  if (bt) {
    const tbl = methodsOfType(bt)!;
    const r = bindTable(tbl, name, primitiveOf(obj) ?? obj);  // str methods of a str subclass get the str
    if (r !== MISSING) return r;
  }
  return MISSING;
}

function checkName(name: any): string {
  if (typeof name !== 'string') throw new E.TypeError(`attribute name must be string, not '${tpName(name)}'`);
  return name;
}

/** The attribute, or MISSING when there is none (an AttributeError a getter or __getattr__
 * raises propagates). */
function lookupAttr(obj: any, name: string): any {
  const r = lookup(obj, name);
  if (r !== MISSING) return r;
  const ga = typeof obj === 'object' && obj !== null ? special(obj, '__getattr__') : undefined;
  return ga ? ga.call(obj, name) : MISSING;
}

/** Python getattr(obj, name[, default]) */
export function getattr(obj: any, name: any, dflt: any = MISSING): any {
  checkName(name);
  let r: any;
  try {
    r = lookupAttr(obj, name);
  } catch (e) {
    if (dflt !== MISSING && e instanceof E.AttributeError) return dflt;
    throw e;
  }
  if (r === MISSING) {
    if (dflt !== MISSING) return dflt;
    if (isModule(obj)) throw attrError(obj, name, `module '${obj.__name__}' has no attribute '${name}'`);
    if (typeof obj === 'function' && isTypeObject(obj)) throw attrError(obj, name, `type object '${typeName(obj)}' has no attribute '${name}'`);
    throw attrError(obj, name);
  }
  return r;
}

/** Python hasattr(obj, name) */
export function hasattr(obj: any, name: any): boolean {
  checkName(name);
  try {
    return lookupAttr(obj, name) !== MISSING;  // no AttributeError made for a plain miss (~5 us)
  } catch (e) {
    if (e instanceof E.AttributeError) return false;
    throw e;
  }
}

function isBuiltinValue(obj: any): boolean {
  if (typeof obj !== 'object' || obj === null) return typeof obj !== 'function';
  const p = Object.getPrototypeOf(obj);
  return p === Object.prototype || p === null || p === Array.prototype || p === Map.prototype ||
    p === Buffer.prototype || p === Uint8Array.prototype || !!methodsOfType(typeOf(obj));
}

function defineOwn(o: any, name: string, value: any, enumerable = true): void {
  Object.defineProperty(o, name, { value, writable: true, configurable: true, enumerable });
}

/** Python setattr(obj, name, value) */
export function setattr(obj: any, name: any, value: any): void {
  checkName(name);
  if (typeof obj === 'function') {
    if (isBuiltinType(obj) || (ownTypeInfo(obj) && (obj === E.BaseException || isSubtype(obj, E.BaseException)) && ownTypeInfo(obj)!.module === 'builtins')) {
      throw new E.TypeError(`cannot set '${name}' attribute of immutable type '${typeName(obj)}'`);
    }
    if (isTypeObject(obj)) {
      if (name === '__doc__' && ownTypeInfo(obj)) { ownTypeInfo(obj)!.doc = value; return; }
      if (name === '__module__' && ownTypeInfo(obj)) { ownTypeInfo(obj)!.module = value; return; }
      defineOwn(obj, name, value, false);
      if (obj.prototype && typeof obj.prototype === 'object') defineOwn(obj.prototype, name, value, false);
      return;
    }
    if (FN_HIDDEN.has(name)) throw attrError(obj, name, `readonly attribute`);
    defineOwn(obj, name, value);
    return;
  }
  if (isBuiltinValue(obj)) {
    const tbl = methodsOfType(typeOf(obj));
    if (tbl && tbl[name]) throw attrError(obj, name, `'${tpName(obj)}' object attribute '${name}' is read-only`);
    throw attrError(obj, name);
  }
  const f = special(obj, '__setattr__');
  if (f) { f.call(obj, name, value); return; }
  if (name === 'name' && obj instanceof E.BaseException && [...ATTR_NAME_OWNERS].some(C => obj instanceof C)) {
    defineOwn(obj, E.ATTR_NAME, value, false);
    return;
  }
  if (name === '__proto__' || name === '__class__') {
    if (name === '__class__') throw new E.TypeError('__class__ assignment is not supported');
    defineOwn(obj, name, value);
    return;
  }
  try {
    obj[name] = value;
  } catch (e) {
    if (e instanceof TypeError && !(e instanceof E.BaseException)) {
      throw attrError(obj, name, Object.isFrozen(obj) || Object.isSealed(obj)
        ? `'${tpName(obj)}' object has no attribute '${name}'`
        : `attribute '${name}' of '${tpName(obj)}' objects is not writable`);
    }
    throw e;
  }
}

/** Python delattr(obj, name) */
export function delattr(obj: any, name: any): void {
  checkName(name);
  if (typeof obj === 'object' && obj !== null && !isBuiltinValue(obj)) {
    const f = special(obj, '__delattr__');
    if (f) { f.call(obj, name); return; }
  }
  if (isBuiltinType(obj)) throw new E.TypeError(`cannot delete '${name}' attribute of immutable type '${typeName(obj)}'`);
  if (typeof obj === 'object' && obj !== null && !isBuiltinValue(obj) && !hasOwn.call(obj, name)) {
    // Members and getsets of extension types: their native setter called without a value deletes.
    for (let p = Object.getPrototypeOf(obj); p !== null; p = Object.getPrototypeOf(p)) {
      const d = Object.getOwnPropertyDescriptor(p, name);
      if (!d) continue;
      if (d.set && (ownTypeInfo(p.constructor) as any)?.native) { (d.set as (this: any) => void).call(obj); return; }
      break;
    }
  }
  if ((typeof obj === 'object' && obj !== null && !isBuiltinValue(obj)) || typeof obj === 'function') {
    if (hasOwn.call(obj, name) && !(typeof obj === 'function' && FN_HIDDEN.has(name))) {
      if (!delete obj[name]) throw attrError(obj, name, `attribute '${name}' of '${tpName(obj)}' objects is not writable`);
      if (typeof obj === 'function' && obj.prototype && hasOwn.call(obj.prototype, name)) delete obj.prototype[name];
      return;
    }
  }
  throw attrError(obj, name);
}

/** dir(obj): attribute names (own + inherited JS properties, or the builtin methods) */
export function dir(obj: any): string[] {
  const names = new Set<string>();
  if (isBuiltinValue(obj)) {
    const tbl = methodsOfType(typeOf(obj));
    if (tbl) for (const k in tbl) names.add(k);
  } else {
    for (let o = obj; o !== null && o !== undefined && !HIDDEN_PROTOS.has(o); o = Object.getPrototypeOf(o)) {
      for (const k of Object.getOwnPropertyNames(o)) {
        if (k === 'constructor' || (typeof obj === 'function' && FN_HIDDEN.has(k))) continue;
        names.add(k);
      }
    }
  }
  return [...names].sort();
}
