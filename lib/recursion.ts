// V8 reports a stack overflow as a RangeError. Python code — and JS callers of hpy-node's Python
// operations — expect RecursionError (the C boundary converts too: native/env.cc).
import { M } from './model-flat';

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && e.message.startsWith('Maximum call stack size exceeded');
}

/** f, with a JS stack overflow inside it thrown as RecursionError. */
export function recursionGuarded<F extends (...args: any[]) => any>(f: F): F {
  const g = function (this: unknown, ...args: unknown[]): unknown {
    try {
      return f.apply(this, args);
    } catch (e) {
      if (isStackOverflow(e)) throw new M.exc.RecursionError('maximum recursion depth exceeded');
      throw e;
    }
  };
  Object.defineProperty(g, 'name', { value: f.name });
  return g as unknown as F;
}
