// hpy-node: run HPy universal extensions in Node.js.
export { load, LoadOptions, moduleNameOf } from './loader';
export { buildExtension, BuildOptions, include, runtimeSources } from './build';
export { registerModule } from './registry';
export { HPyDebugError } from './debug';
export { traceCounts, resetTrace, TraceCount } from './trace';
export { builtins } from './builtins';
export { kw, KwArgs, PyTuple, makeTuple, NotImplemented, Ellipsis } from './model/core';
export * from './ops';
