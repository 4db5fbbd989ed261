// The JS side of extension types (native/types.cc): their constructors become Python types
// whose prototypes chain to the base type's, instances are made with the right prototype, JS
// protocols follow the Python dunders, and HPyField values live where the GC can see them.
import * as util from 'util';
import * as core from './model/core';

const FIELDS = Symbol('hpy-node.fields');

function model(): any {
  return require('./model');
}

export interface NativeTypeInfo {
  name: string;
  qualname: string;
  base: Function;
  flags: number;
  basicsize: number;
  shape: number;
  doc: string | null;
  meta?: Function;
  /** the further bases (multiple inheritance), besides `base` */
  bases?: Function[];
  /** all the bases as declared, when there are several */
  declared?: Function[];
}

export function makeType(ctor: Function, info: NativeTypeInfo): void {
  const dot = info.qualname.lastIndexOf('.');
  core.setTypeInfo(ctor, {
    name: info.name,
    module: dot > 0 ? info.qualname.slice(0, dot) : null,
    qualname: info.qualname,
    base: info.base,
    flags: info.flags,
    builtinShape: info.shape,
    doc: info.doc,
    meta: info.meta,
    native: true,
    basicsize: info.basicsize,
    ...(info.bases ? { bases: info.bases, mroBases: info.declared } : {}),
  });
  const proto = Object.create(info.base.prototype, {
    constructor: { value: ctor, writable: true, configurable: true, enumerable: false },
  });
  // JS has one prototype chain, through `base`: what the further bases define is copied onto the
  // prototype as Python's method resolution would find it (a base declared before `base` wins over
  // it, one declared after only adds what is missing). The type's own methods and slots are
  // defined over these afterwards.
  const declared = info.declared ?? [info.base, ...(info.bases ?? [])];
  const primaryAt = declared.indexOf(info.base);
  const copied = new Set<PropertyKey>();
  for (const [i, extra] of declared.entries()) {
    if (i === primaryAt) continue;
    for (let p = extra.prototype; p && p !== Object.prototype && p !== core.object.prototype; p = Object.getPrototypeOf(p)) {
      for (const key of Reflect.ownKeys(p)) {
        if (key === 'constructor' || copied.has(key) || (i > primaryAt && key in proto)) continue;
        Object.defineProperty(proto, key, Object.getOwnPropertyDescriptor(p, key)!);
        copied.add(key);
      }
    }
  }
  Object.defineProperty(ctor, 'prototype', { value: proto, writable: false });
  Object.setPrototypeOf(ctor, info.base);
  Object.defineProperty(ctor, '__name__', { value: info.name, configurable: true });
  Object.defineProperty(ctor, '__qualname__', { value: info.name, configurable: true });
  Object.defineProperty(ctor, '__module__', { value: dot > 0 ? info.qualname.slice(0, dot) : 'builtins', configurable: true });
  if (info.doc !== null) Object.defineProperty(ctor, '__doc__', { value: info.doc, configurable: true });
}

/** JS protocols for the dunders the type defines: for...of, toString(), util.inspect; and the
 * `__doc__` of methods, members and getsets (`docs`: name -> doc, from their HPyDefs), set on the
 * method functions and on the accessors' getters (what the object model gives for `T.name`). */
export function finishType(ctor: Function, docs?: Record<string, string> | null): void {
  const proto = ctor.prototype;
  const own = (k: string) => Object.prototype.hasOwnProperty.call(proto, k);
  if (docs) {
    for (const k of Object.keys(docs)) {
      const d = Object.getOwnPropertyDescriptor(proto, k);
      const f = d && (typeof d.value === 'function' ? d.value : d.get);
      if (f) Object.defineProperty(f, '__doc__', { value: docs[k], configurable: true, writable: true });
    }
  }
  if (own('__iter__') || own('__next__') || (own('__getitem__') && model().hasSeqGetitem(proto))) {
    Object.defineProperty(proto, Symbol.iterator, { configurable: true, writable: true, value: model().pyIterator });
  }
  if (own('__str__') || own('__repr__')) {
    Object.defineProperty(proto, 'toString', {
      configurable: true,
      writable: true,
      value(this: any) {
        return model().str(this);
      },
    });
  }
  if (own('__repr__')) {
    Object.defineProperty(proto, util.inspect.custom, {
      configurable: true,
      writable: true,
      value(this: any) {
        return model().repr(this);
      },
    });
  }
}

/** The builtin shape of the instances of an extension type or of a JS class extending one. */
function shapeOf(type: Function): number {
  for (let c: any = type; typeof c === 'function'; c = Object.getPrototypeOf(c)) {
    const info = core.ownTypeInfo(c);
    if (info) return info.builtinShape;
  }
  return core.Shape.Object;
}

/** A new instance of an extension type. `args` and `kw`, when given, go to the builtin base's
 * __new__ (tuple(...), int(...), type(name, bases, dict)); without them the instance is empty (an
 * empty tuple, 0, ''), as CPython's tp_alloc makes it. List- and dict-shaped instances start empty
 * and are filled by initInstance. */
export function allocInstance(type: Function, args?: unknown[], kw?: Record<string, unknown>): object {
  const M = model();
  const make = (builtin: Function, empty: unknown): unknown => (args || kw ? M.call(builtin, args ?? [], kw ?? null) : empty);
  const withProto = <T extends object>(o: T): T => Object.setPrototypeOf(o, type.prototype);
  switch (shapeOf(type)) {
    case core.Shape.Tuple: return Object.freeze(withProto(Array.from(make(M.tuple, []) as unknown[])));
    case core.Shape.List: return withProto([]);
    case core.Shape.Dict: return withProto(new Map());
    case core.Shape.Long: return core.boxPrimitive(type, make(M.int, 0));
    case core.Shape.Float: return core.boxPrimitive(type, make(M.float, 0));
    case core.Shape.Unicode: return core.boxPrimitive(type, make(M.str, ''));
    case core.Shape.Type: return newTypeOf(type, args ?? [], kw);
    default: return Object.create(type.prototype);
  }
}

/** type.__new__(meta, name, bases, dict) for a metatype: a new class whose type is `meta`. */
function newTypeOf(meta: Function, args: unknown[], kw?: Record<string, unknown>): Function {
  const E = require('./model/exceptions');
  if (args.length !== 3 || (kw && Object.keys(kw).length)) {
    throw new E.TypeError(`type.__new__() takes exactly 3 arguments (${args.length} given)`);
  }
  const cls = model().call(core.type, args);
  (core.ownTypeInfo(cls) as core.TypeInfo).meta = meta;
  return cls;
}

/** list.__init__ / dict.__init__ of a new list- or dict-shaped instance. */
export function initInstance(obj: any, args: unknown[], kw?: Record<string, unknown>): void {
  const M = model();
  if (obj instanceof Map) {
    M.dictClear(obj);
    require('./model/construct').dictInit(obj, args, kw);
    return;
  }
  if (kw && Object.keys(kw).length) throw new (require('./model/exceptions').TypeError)('list() takes no keyword arguments');
  const items = M.list(...args);
  obj.length = 0;
  for (let i = 0; i < items.length; i++) obj[i] = items[i];
}

// Fields of objects that cannot take a property (tuple-shaped instances are frozen): a WeakMap,
// whose entries the GC treats like properties of the key (cycles through them are collected).
const sealedFields = new WeakMap<object, Map<number, unknown>>();

function fieldsOf(owner: any): Map<number, unknown> | undefined {
  return owner[FIELDS] ?? sealedFields.get(owner);
}

export function fieldStore(owner: any, id: number, value: unknown): void {
  let fields = fieldsOf(owner);
  if (!fields) {
    fields = new Map();
    if (Object.isExtensible(owner)) {
      Object.defineProperty(owner, FIELDS, { value: fields, enumerable: false, configurable: false, writable: false });
    } else {
      sealedFields.set(owner, fields);
    }
  }
  if (value === undefined) fields.delete(id);
  else fields.set(id, value);
}

export function fieldLoad(owner: any, id: number): unknown {
  const fields = fieldsOf(owner);
  if (!fields || !fields.has(id)) throw new (require('./model/exceptions').SystemError)('HPyField_Load: the field holds no value');
  return fields.get(id);
}
