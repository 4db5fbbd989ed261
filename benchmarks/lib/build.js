'use strict';
// Builds the four binaries the suite compares.  Every function returns
// { ok, path?, reason?, log? } and never throws: a column whose binary cannot
// be built is reported as unavailable, with the reason.

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const BENCH = path.resolve(__dirname, '..');
const ROOT = path.resolve(BENCH, '..');
const BUILD = path.join(BENCH, 'build');
const HPY_SRC = path.join(BENCH, 'ext', 'bench_hpy.c');
const CPY_SRC = path.join(BENCH, 'cpython', 'bench_cpy.c');
const DRIVER = path.join(BENCH, 'cpython', 'driver.py');
const NAPI_DIR = path.join(BENCH, 'napi');
const NAPI_OUT = path.join(NAPI_DIR, 'build', 'Release', 'bench_napi.node');

// official HPy runtime sources an extension compiles in (universal ABI)
const HPY_RUNTIME = ['argparse.c', 'buildvalue.c', 'format.c', 'helpers.c', 'structseq.c'];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  const log = `$ ${cmd} ${args.join(' ')}\n${r.stdout || ''}${r.stderr || ''}${r.error ? String(r.error) : ''}`;
  return { ok: r.status === 0, status: r.status, stdout: r.stdout || '', stderr: r.stderr || '', log };
}

function tail(text, n = 12) { return text.trim().split('\n').slice(-n).join('\n'); }

function newer(out, inputs) {
  if (!fs.existsSync(out)) return false;
  const t = fs.statSync(out).mtimeMs;
  return inputs.every((f) => !fs.existsSync(f) || fs.statSync(f).mtimeMs <= t);
}

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    let ents = [];
    try { ents = fs.readdirSync(d, { withFileTypes: true }); } catch { return; }
    for (const e of ents) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else out.push(p);
    }
  };
  walk(dir);
  return out;
}

function existing(p) {
  return fs.existsSync(p) ? { ok: true, path: p, cached: true } : { ok: false, reason: `${path.relative(ROOT, p)} not built (--no-build)` };
}

function mkdirp(d) { fs.mkdirSync(d, { recursive: true }); }

// ---------------------------------------------------------------- Node-API --
function buildNapi({ force = false, noBuild = false } = {}) {
  if (noBuild) return existing(NAPI_OUT);
  const inputs = [path.join(NAPI_DIR, 'bench_napi.cc'), path.join(NAPI_DIR, 'binding.gyp')];
  if (!force && newer(NAPI_OUT, inputs)) return { ok: true, path: NAPI_OUT, cached: true };
  try {
    require.resolve('node-addon-api', { paths: [NAPI_DIR] });
  } catch {
    return { ok: false, reason: `node-addon-api is not installed: run \`npm install --ignore-scripts\` in ${ROOT}` };
  }
  let gyp;
  try {
    gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [ROOT] });
  } catch {
    return { ok: false, reason: 'node-gyp is not installed (npm install in the repository root)' };
  }
  // Node's own headers when they are installed next to it (as npm's nodedir
  // setting would say), so that node-gyp needs no download
  const args = [gyp, 'rebuild', '-C', NAPI_DIR, '-j', '2'];
  const prefix = path.resolve(process.execPath, '..', '..');
  const nodedir = process.env.npm_config_nodedir
    || (fs.existsSync(path.join(prefix, 'include', 'node', 'node_api.h')) ? prefix : null);
  if (nodedir) args.push(`--nodedir=${nodedir}`);
  const r = run(process.execPath, args);
  if (!r.ok || !fs.existsSync(NAPI_OUT)) return { ok: false, reason: `node-gyp failed:\n${tail(r.log)}`, log: r.log };
  return { ok: true, path: NAPI_OUT, log: r.log };
}

// ----------------------------------------------------------------- CPython --
function pythonInfo(python, envFile) {
  const r = runPython(python, envFile, [DRIVER, '--info']);
  if (!r.ok) return { ok: false, reason: `${python} --info failed:\n${tail(r.log)}` };
  try {
    return { ok: true, ...JSON.parse(r.stdout.trim().split('\n').pop()) };
  } catch (e) {
    return { ok: false, reason: `cannot parse ${python} --info output: ${e.message}` };
  }
}

// Runs python, optionally after sourcing a shell file that sets its
// environment (the hpy.universal oracle's pyhpy.env).
function pythonCommand(python, envFile, args) {
  if (!envFile) return { cmd: python, args };
  const q = (s) => `'${String(s).replace(/'/g, "'\\''")}'`;
  return { cmd: 'bash', args: ['-c', `. ${q(envFile)} && exec ${q(python)} ${args.map(q).join(' ')}`] };
}

function runPython(python, envFile, args) {
  const c = pythonCommand(python, envFile, args);
  return run(c.cmd, c.args);
}

function buildCpython(python, info, { force = false, noBuild = false } = {}) {
  if (!info.ok) return { ok: false, reason: info.reason };
  if (noBuild) return existing(path.join(BUILD, `bench_cpy${info.ext_suffix}`));
  if (!fs.existsSync(path.join(info.include, 'Python.h'))) {
    return { ok: false, reason: `no Python.h in ${info.include} (install the headers of ${info.executable})` };
  }
  mkdirp(BUILD);
  const out = path.join(BUILD, `bench_cpy${info.ext_suffix}`);
  if (!force && newer(out, [CPY_SRC])) return { ok: true, path: out, cached: true };
  const r = run(process.env.CC || 'gcc', ['-O2', '-shared', '-fPIC', '-Wall', `-I${info.include}`, CPY_SRC, '-o', out]);
  if (!r.ok) return { ok: false, reason: `compiling bench_cpy.c failed:\n${tail(r.log)}`, log: r.log };
  return { ok: true, path: out, log: r.log };
}

// ------------------------------------------------------- official HPy 0.9 --
// Where the official hpy/devel folder (headers + runtime sources) is:
// $HPY_DEVEL_DIR, else the hpy clone named by the oracle's env file, else
// the reference tree.
function findOfficialHpy(envFile) {
  const cands = [];
  if (process.env.HPY_DEVEL_DIR) cands.push(process.env.HPY_DEVEL_DIR);
  if (envFile && fs.existsSync(envFile)) {
    const m = fs.readFileSync(envFile, 'utf8').match(/PYTHONPATH=([^:$\s"']+)/);
    if (m) cands.push(path.join(m[1], 'hpy', 'devel'));
  }
  cands.push('/tmp/ref/oracle/hpy/hpy/devel', '/tmp/ref/hpy-0.9/hpy/devel');
  for (const d of cands) {
    if (fs.existsSync(path.join(d, 'include', 'hpy.h')) && fs.existsSync(path.join(d, 'src', 'runtime', 'argparse.c'))) {
      return { ok: true, dir: d };
    }
  }
  return { ok: false, reason: `official HPy headers not found (set HPY_DEVEL_DIR to hpy/devel); tried ${cands.join(', ')}` };
}

function buildOfficialHpy(devel, { force = false, noBuild = false } = {}) {
  const outDir = path.join(BUILD, 'official');
  const out = path.join(outDir, 'bench_hpy.hpy0.so');
  if (noBuild) return { ...existing(out), headers: devel.ok ? devel.dir : null };
  if (!devel.ok) return { ok: false, reason: devel.reason };
  mkdirp(outDir);
  const runtime = HPY_RUNTIME.map((f) => path.join(devel.dir, 'src', 'runtime', f)).filter((f) => fs.existsSync(f));
  if (!force && newer(out, [HPY_SRC, ...runtime])) return { ok: true, path: out, cached: true, headers: devel.dir };
  const r = run(process.env.CC || 'gcc', ['-O2', '-shared', '-fPIC', '-Wall', '-DHPY_ABI_UNIVERSAL',
    `-I${path.join(devel.dir, 'include')}`, HPY_SRC, ...runtime, '-o', out]);
  if (!r.ok) return { ok: false, reason: `compiling bench_hpy.c with the official headers failed:\n${tail(r.log)}`, log: r.log };
  return { ok: true, path: out, headers: devel.dir, log: r.log };
}

// ---------------------------------------------------------------- hpy-node --
// hpy-node's own build (its headers in include/): the package's
// buildExtension(), else its CLI.
async function buildHpyNode({ force = false, noBuild = false } = {}) {
  const outDir = path.join(BUILD, 'hpy-node');
  const out = path.join(outDir, 'bench_hpy.hpy0.so');
  if (noBuild) return { ...existing(out), via: 'existing build' };
  mkdirp(outDir);
  // rebuilt whenever the source or hpy-node's headers/runtime changed
  if (!force && newer(out, [HPY_SRC, ...listFiles(path.join(ROOT, 'include'))])) {
    return { ok: true, path: out, cached: true, via: 'cached build' };
  }
  const errors = [];
  try {
    const api = require(process.env.HPY_NODE_PACKAGE ? path.resolve(process.env.HPY_NODE_PACKAGE) : ROOT);
    if (typeof api.buildExtension === 'function') {
      await api.buildExtension({ sources: [HPY_SRC], output: out });
      if (fs.existsSync(out)) return { ok: true, path: out, via: 'buildExtension()' };
      errors.push('buildExtension() produced no file');
    } else {
      errors.push('the package exports no buildExtension()');
    }
  } catch (e) {
    let msg;
    try { msg = String((e && e.message) || e).split('\n')[0]; } catch { msg = 'error whose message cannot be read'; }
    errors.push(`require('hpy-node').buildExtension: ${msg}`);
  }
  const cli = path.join(ROOT, 'bin', 'hpy-node.js');
  if (fs.existsSync(cli)) {
    const r = run(process.execPath, [cli, 'build', HPY_SRC, '-o', out]);
    if (r.ok && fs.existsSync(out)) return { ok: true, path: out, via: 'bin/hpy-node.js build', log: r.log };
    errors.push(`bin/hpy-node.js build failed: ${tail(r.log, 4)}`);
  } else {
    errors.push('no bin/hpy-node.js');
  }
  return { ok: false, reason: errors.join('; ') };
}

module.exports = {
  BENCH, ROOT, BUILD, DRIVER, NAPI_OUT,
  run, tail, buildNapi, pythonInfo, pythonCommand, buildCpython, findOfficialHpy, buildOfficialHpy, buildHpyNode,
};
