// Compiling HPy extensions against hpy-node's headers with the system compiler.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The directory to pass as `-I` when building an HPy extension for hpy-node. */
export const include: string = path.resolve(__dirname, '..', '..', 'include');

/** The helper runtime that every extension compiles in (argparse, buildvalue, ...). */
export function runtimeSources(): string[] {
  const dir = path.join(include, 'runtime');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.c')).sort().map((f) => path.join(dir, f));
}

export interface BuildOptions {
  /** C or C++ source files of the extension. */
  sources: string[];
  /** Output file, conventionally NAME.hpy0.so; the module name is the part before the first dot. */
  output: string;
  /** Extra compiler flags (e.g. -I, -D, -O0 -g). */
  cflags?: string[];
  /** Extra linker flags. */
  ldflags?: string[];
  /** Print the commands. */
  verbose?: boolean;
}

const CXX_EXT = /\.(cc|cpp|cxx|C)$/;

function run(cmd: string, args: string[], verbose?: boolean): void {
  if (verbose) console.log([cmd, ...args].join(' '));
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e: any) {
    const lines = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n');
    const out = lines.length > 60 ? [...lines.slice(0, 60), `... (${lines.length - 60} more lines)`].join('\n') : lines.join('\n');
    throw new Error(`hpy-node build: ${cmd} failed:\n${out || e.message}`);
  }
}

/** Compiles and links an HPy universal extension; returns the output path. */
export function buildExtension(opts: BuildOptions): string {
  if (!opts.sources?.length) throw new Error('hpy-node build: no source files given');
  for (const s of opts.sources) {
    if (!fs.existsSync(s)) throw new Error(`hpy-node build: no such source file: ${s}`);
  }
  const output = path.resolve(opts.output);
  fs.mkdirSync(path.dirname(output), { recursive: true });
  const cc = process.env.CC || 'cc';
  const cxx = process.env.CXX || 'c++';
  const common = ['-fPIC', '-O2', '-DHPY_ABI_UNIVERSAL', '-I', include, ...(opts.cflags ?? [])];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hpy-node-build-'));
  try {
    const objects: string[] = [];
    const all = [...opts.sources, ...runtimeSources()];
    all.forEach((src, i) => {
      const obj = path.join(tmp, `${i}-${path.basename(src)}.o`);
      const isCxx = CXX_EXT.test(src);
      run(isCxx ? cxx : cc, [...common, ...(isCxx ? ['-std=c++17'] : ['-std=c11']), '-c', src, '-o', obj], opts.verbose);
      objects.push(obj);
    });
    const linker = opts.sources.some((s) => CXX_EXT.test(s)) ? cxx : cc;
    run(linker, ['-shared', ...objects, '-o', output, ...(opts.ldflags ?? [])], opts.verbose);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return output;
}
