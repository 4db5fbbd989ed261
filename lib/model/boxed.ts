// Instances of subclasses of int, float and str (extension types with those builtin shapes, JS
// classes extending builtins.int, ...). A JS primitive cannot carry a prototype or native memory,
// so such an instance is an object holding its value under PRIM. The builtin type's prototype
// gets the dunders of the value, so every protocol of the object model (arithmetic, comparison,
// hashing, len, indexing, repr, conversions) reaches it, and a subclass overrides them as usual.

/* eslint-disable @typescript-eslint/no-explicit-any */
import * as util from 'util';
import { int, float, str, PRIM, primitiveOf } from './core';
import * as N from './number';
import * as C from './compare';
import { hash } from './hash';
import { repr, str as pyStr } from './repr';
import { len, getitem, contains } from './sequence';
import { iter } from './iter';
import { format } from './format';

export { PRIM, primitiveOf };

const NUMERIC_BINARY = ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'divmod', 'pow'];
const INT_BINARY = ['lshift', 'rshift', 'and', 'or', 'xor'];
const COMPARE: [string, number][] = [['lt', C.LT], ['le', C.LE], ['eq', C.EQ], ['ne', C.NE], ['gt', C.GT], ['ge', C.GE]];

function define(proto: any, name: string | symbol, value: Function): void {
  Object.defineProperty(proto, name, { value, writable: true, configurable: true, enumerable: false });
}

/** The value of `this` when it is a builtin-subclass instance (else `this` itself). */
function self(o: any): any {
  return primitiveOf(o) ?? o;
}

function install(proto: any, names: string[], unary: Record<string, (v: any) => any>): void {
  for (const op of names) {
    const f = (N as any)[op];
    define(proto, `__${op}__`, function (this: any, other: any) { return f(self(this), other); });
    define(proto, `__r${op}__`, function (this: any, other: any) { return f(other, self(this)); });
  }
  for (const [op, code] of COMPARE) {
    define(proto, `__${op}__`, function (this: any, other: any) { return C.richCompare(self(this), other, code); });
  }
  for (const k of Object.keys(unary)) {
    const f = unary[k];
    define(proto, k, function (this: any) { return f(self(this)); });
  }
  define(proto, '__hash__', function (this: any) { return hash(self(this)); });
  define(proto, '__repr__', function (this: any) { return repr(self(this)); });
  define(proto, '__str__', function (this: any) { return pyStr(self(this)); });
  define(proto, '__format__', function (this: any, spec: any) { return format(self(this), spec); });
  // JS: `box + 1`, template strings, JSON.stringify, util.inspect
  define(proto, 'valueOf', function (this: any) { return self(this); });
  define(proto, 'toJSON', function (this: any) { return self(this); });
  define(proto, 'toString', function (this: any) { return pyStr(this); });
  define(proto, util.inspect.custom, function (this: any) { return repr(this); });
}

const NUMBER_UNARY = {
  __neg__: N.neg, __pos__: N.pos, __abs__: N.abs, __bool__: C.isTrue, __int__: N.toInt, __float__: N.toFloat,
  __trunc__: N.toInt,
};

install(int.prototype, [...NUMERIC_BINARY, ...INT_BINARY], { ...NUMBER_UNARY, __index__: N.index, __invert__: N.invert });
install(float.prototype, NUMERIC_BINARY, NUMBER_UNARY);
install(str.prototype, ['add', 'mul', 'mod'], { __len__: len, __iter__: iter });
define(str.prototype, '__getitem__', function (this: any, key: any) { return getitem(self(this), key); });
define(str.prototype, '__contains__', function (this: any, item: any) { return contains(self(this), item); });
