// The object model's public surface as a plain object, for the modules that call it per
// operation (dispatch from C, ops, builtins). TypeScript's CommonJS re-exports in model/index are
// ~240 getters on an object V8 keeps in dictionary mode: each `M.x` there costs ~5 ns more.
import * as Model from './model';

export const M: typeof Model = { ...Model };
