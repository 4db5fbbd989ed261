// The `builtins` module as JS sees it and extensions import it: the object model's builtins
// (types, exceptions, functions, singletons) plus the capsule type.
import * as M from './model';

function capsuleType(): Function {
  const PyCapsule = function PyCapsule(): never {
    throw new M.exc.TypeError("cannot create 'PyCapsule' instances");
  };
  M.setTypeInfo(PyCapsule, {
    name: 'PyCapsule', module: 'builtins', base: M.object, flags: M.TPFLAGS.DEFAULT,
    builtinShape: M.Shape.Object, doc: null,
  });
  Object.setPrototypeOf(PyCapsule, M.object);
  return PyCapsule;
}

export const builtins: any = M.builtins;
if (!('PyCapsule' in builtins)) {
  Object.defineProperty(builtins, 'PyCapsule', { value: capsuleType(), writable: true, configurable: true, enumerable: false });
}
