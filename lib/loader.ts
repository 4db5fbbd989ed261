// load(): an HPy universal extension (NAME.hpy0.so) as a JS module object.
import * as fs from 'fs';
import * as path from 'path';
import { native } from './native';
import { ensureContext } from './context';
import { registerModule } from './registry';
import * as core from './model/core';

export interface LoadOptions {
  /** The module name, when the file name does not start with it (NAME.hpy0.so). */
  name?: string;
  /** Debug mode, for the whole thread once asked for: handle misuse (leaks, closing twice, closing
   * an argument, using or returning a closed handle) throws an HPyDebugError at the end of the
   * call. HPY_DEBUG=1 does the same. */
  debug?: boolean;
  /** Trace mode, for the whole thread once asked for: every context function call is counted and
   * timed; read the figures with traceCounts(). HPY_TRACE=1 does the same. */
  trace?: boolean;
}

const loaded = new Map<string, any>();

/** What HPy_mod_create receives: like Python's ModuleSpec, an object whose attributes (not
 * dict items) are the module's name, origin and parent package. */
class ModuleSpec {
  readonly parent: string;
  constructor(readonly name: string, readonly origin: string) {
    this.parent = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
  }
}

/** The module name a file stands for: `ujson` for `build/ujson.hpy0.so`. */
export function moduleNameOf(file: string): string {
  return path.basename(file).split('.')[0];
}

function loadError(code: string, message: string): Error {
  const err = new Error(message);
  (err as any).code = code;
  return err;
}

/** Loads an HPy universal extension and returns its module object. The same file and name
 * loaded again give the same module. */
export function load(file: string, options: LoadOptions = {}): any {
  if (typeof file !== 'string' || file === '') throw new TypeError('load(path): path must be a non-empty string');

  const resolved = path.resolve(file);
  const name = options.name ?? moduleNameOf(resolved);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw loadError('HPY_BAD_NAME', `hpy-node: '${name}' is not a valid module name (pass options.name)`);
  }
  const key = `${resolved}\0${name}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  if (!fs.existsSync(resolved)) throw loadError('HPY_NOT_FOUND', `hpy-node: no such file: ${resolved}`);
  ensureContext();
  if (options.debug || process.env.HPY_DEBUG === '1') native.setDebug(true);
  if (options.trace || process.env.HPY_TRACE === '1') native.setTrace(true);
  const module = core.makeModule(name);
  Object.defineProperty(module, '__file__', { value: resolved, writable: true, enumerable: false, configurable: true });
  const result = native.load(resolved, name, module, new ModuleSpec(name, resolved));
  loaded.set(key, result);
  registerModule(name, result);
  return result;
}
