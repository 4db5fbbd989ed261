// The Python object model: public surface of lib/model.

export {
  // symbols, sentinels, value classes
  TYPEINFO, PYKEYS, STOP, MISSING, Shape, TPFLAGS, PyTuple, makeTuple, tupleOf, PySlice, PyComplex, KwArgs, kw,
  NotImplemented, Ellipsis, makeModule, setTypeInfo, ownTypeInfo, isBuiltinType, special, normInt, isSame, boxPrimitive,
  // builtin types (callable like Python: int('12'), str(x), list(it), ...)
  object, type, NoneType, bool, int, float, complex, str, bytes, list, tuple, dict, slice, module, functionType,
  NotImplementedType, ellipsis, memoryview,
  // classification
  isNone, isInt, isFloat, isIntLike, isStr, isBytes, isList, isTuple, isPlainDict, isMap, isDict, isSlice, isComplex,
  isModule,
} from './core';
export type { PyObject, TypeInfo } from './core';

export * as exc from './exceptions';
export {
  exceptions, newException, isExceptionClass, BaseException, ExcClass, ATTR_NAME, setQuietCounter, fillStack,
} from './exceptions';

export {
  typeOf, typeInfo, typeName, typeQualName, tpName, isSubtype, isInstance, isSubclass, isTypeObject, mro, newType,
} from './types';

export { repr, str as pyStr, ascii, complexRepr } from './repr';
export { bytesOf } from './bytes';
export { hash, identity, hashStr } from './hash';
export {
  richCompare, richCompareBool, isTrue, not, lt, le, eq, ne, gt, ge, LT, LE, EQ, NE, GT, GE, builtinCompare,
} from './compare';
export {
  add, sub, mul, matmul, truediv, floordiv, mod, divmod, pow, lshift, rshift, and, or, xor,
  neg, pos, abs, invert, index, asIndex, toInt, toFloat, numberCheck,
  inplaceAdd, inplaceSub, inplaceMul, inplaceMatmul, inplaceTruediv, inplaceFloordiv, inplaceMod, inplacePow,
  inplaceLshift, inplaceRshift, inplaceAnd, inplaceOr, inplaceXor,
} from './number';
export {
  len, lengthHint, getitem, setitem, delitem, getSlice, setSlice, delSlice, contains, sliceIndices,
} from './sequence';
export { iter, next, isIterator, toArray, jsIter, forEach, pyIterator, hasSeqGetitem } from './iter';
export { getattr, setattr, hasattr, delattr, dir } from './attr';
export { call, callMethod, callWithSelf, isCallable, parseArgs, splitKw } from './call';
export { format, strFormat, percentFormat } from './format';
export {
  KeyTable, dictGet, dictSet, dictDelete, dictHas, dictGetItem, dictDelItem, dictLen, dictKeys, dictValues,
  dictEntries, dictItems, dictClear, dictCopy, dictUpdate, dictPop, dictPopItem, dictSetDefault, dictEqual, makeDict,
  newDict, keyTable, setProp,
} from './dict';
export {
  cpLength, cpAt, cpSlice, cpArray, encode, decode, utf8, compare as strCompare, repr as strRepr,
} from './str';
export { repr as floatRepr, formatFixed, formatExp, formatGeneral } from './float';
export { builtins, functions as builtinFunctions } from './builtins';
export { sortList } from './methods';
export {
  iadd, isub, imul, imatmul, ifloordiv, itruediv, imod, ipow, ilshift, irshift, iand, ixor, ior,
  setattrOrDel, getAttrS, bytesSize, encodeASCII, encodeLatin1, encodeUTF8, readChar, substring, decodeObject,
  listNew, listAppend, listInsert, iterNext, iterCheck, sliceNew, sliceUnpack, callKw,
} from './hpyops';
export { PRIM, primitiveOf } from './boxed';
export { range, PyRange } from './range';
export { set, frozenset, PySet, PyFrozenSet } from './set';
