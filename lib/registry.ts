// Modules that HPyImport_ImportModule can find: loaded extensions, JS objects registered by
// name, and `builtins`.
const modules = new Map<string, unknown>();

/** Makes `obj` importable from extensions as `HPyImport_ImportModule(ctx, name)`. */
export function registerModule(name: string, obj: unknown): void {
  if (typeof name !== 'string' || name === '') throw new TypeError('registerModule: name must be a non-empty string');
  modules.set(name, obj);
}

export function findModule(name: string): unknown {
  return modules.get(name);
}
