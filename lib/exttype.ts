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
  });
  const proto = Object.create(info.base.prototype, {
    constructor: { value: ctor, writable: true, configurable: true, enumerable: false },
  });
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

/** A new instance of an extension type; tuple- and list-shaped ones are arrays made from the
 * type's call arguments as tuple(...) / list(...) would. */
export function allocInstance(type: Function, args?: unknown[]): object {
  const shape = (core.ownTypeInfo(type) as any)?.builtinShape ?? core.Shape.Object;
  if (shape === core.Shape.Object) return Object.create(type.prototype);
  const M = model();
  const items: unknown[] = args && args.length ? Array.from(shape === core.Shape.Tuple ? M.tuple(...args) : M.list(...args)) : [];
  Object.setPrototypeOf(items, type.prototype);
  if (shape === core.Shape.Tuple) Object.freeze(items);
  return items;
}

export function fieldStore(owner: any, id: number, value: unknown): void {
  let fields: Map<number, unknown> | undefined = owner[FIELDS];
  if (!fields) {
    fields = new Map();
    Object.defineProperty(owner, FIELDS, { value: fields, enumerable: false, configurable: false, writable: false });
  }
  if (value === undefined) fields.delete(id);
  else fields.set(id, value);
}

export function fieldLoad(owner: any, id: number): unknown {
  const fields: Map<number, unknown> | undefined = owner[FIELDS];
  if (!fields || !fields.has(id)) throw new (require('./model/exceptions').SystemError)('HPyField_Load: the field holds no value');
  return fields.get(id);
}
