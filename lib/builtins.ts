// The `builtins` module as JS sees it and extensions import it: the object model's builtins
// (types, exceptions, functions, singletons) plus the capsule type.
import { M } from './model-flat';
import { recursionGuarded } from './recursion';

function capsuleType(): Function {
  const PyCapsule = function PyCapsule(): never {
    throw new M.exc.TypeError("cannot create 'PyCapsule' instances");
  };
  M.setTypeInfo(PyCapsule, {
    name: 'PyCapsule', module: 'builtins', base: M.object, flags: M.TPFLAGS.DEFAULT,
    builtinShape: M.Shape.Object, doc: null,
  });
  Object.setPrototypeOf(PyCapsule, M.object);
  // The native side keeps the capsule's name in __capsule_name__ (ctx_capsule.cc).
  Object.defineProperty(PyCapsule.prototype, '__repr__', {
    configurable: true,
    writable: true,
    value(this: any) {
      const name = this.__capsule_name__;
      return `<capsule object ${name == null ? 'NULL' : `"${name}"`} at 0x${M.identity(this).toString(16)}>`;
    },
  });
  return PyCapsule;
}

export const builtins: any = M.builtins;
// Its functions throw RecursionError for a JS stack overflow (recursion.ts), for JS callers and
// for extensions calling them alike.
for (const name of Object.keys(M.builtinFunctions)) {
  const f = builtins[name];
  if (typeof f === 'function' && f === M.builtinFunctions[name]) {
    Object.defineProperty(builtins, name, { ...Object.getOwnPropertyDescriptor(builtins, name), value: recursionGuarded(f) });
  }
}
if (!('PyCapsule' in builtins)) {
  Object.defineProperty(builtins, 'PyCapsule', { value: capsuleType(), writable: true, configurable: true, enumerable: false });
}
