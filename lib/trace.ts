// Trace mode figures: how often each HPy context function was called and the time spent in it,
// for the current thread, since trace mode was switched on (load(path, { trace: true })).
import { native, TraceCount } from './native';

export type { TraceCount };

/** { 'HPy_Add': { calls, ns }, ... } for the functions called so far. */
export function traceCounts(): Record<string, TraceCount> {
  return native.traceCounts();
}

export function resetTrace(): void {
  native.resetTrace();
}
