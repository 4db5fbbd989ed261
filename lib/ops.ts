// Python semantics for JS callers, straight from the object model.
export {
  repr, pyStr as str, ascii, hash, isTrue, richCompare, lt, le, eq, ne, gt, ge,
  add, sub, mul, matmul, truediv, floordiv, mod, divmod, pow, lshift, rshift, and, or, xor, neg, pos, abs, invert,
  index, len, getitem, setitem, delitem, contains, getattr, setattr, hasattr, delattr, call, callMethod, iter,
  typeOf, isInstance, isSubtype,
} from './model';
