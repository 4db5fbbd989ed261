// The compiled addon (native/), loaded once per JS realm (main thread, each worker).
import * as path from 'path';

export interface ContextLayout {
  size: number;
  header: number;
  offsets: number[];
}

/** Calls and total nanoseconds of one context function in trace mode. */
export interface TraceCount {
  calls: number;
  ns: number;
}

export interface NativeAddon {
  /** Returns the counter the object model reads to make Python exceptions without a JS stack
   * while it runs for C (model/exceptions.ts). */
  init(dispatch: object, constants: unknown[], pykeys: symbol, kwProto: object): ArrayBuffer;
  setDebug(on: boolean): void;
  setTrace(on: boolean): void;
  traceCounts(): Record<string, TraceCount>;
  resetTrace(): void;
  load(file: string, name: string, module: object, spec: object): any;
  contextLayout(): ContextLayout;
  stats(): { liveSlots: number; durable: number };
}

function loadAddon(): NativeAddon {
  const file = path.join(__dirname, '..', '..', 'build', 'Release', 'hpy_node.node');
  try {
    return require(file);
  } catch (e) {
    const err = new Error(`hpy-node: the native addon is missing or broken (${file}); run \`npm install\` or \`npm run build\`: ${(e as Error).message}`);
    (err as any).cause = e;
    throw err;
  }
}

export const native: NativeAddon = loadAddon();
