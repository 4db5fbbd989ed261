'use strict';
// `node benchmarks/json/run.js --profile`: where hpy-node's time goes in ujson.dumps (and loads)
// on the 1 MB API document.
//
// Runs `perf record -g -D -1 --control fifo:... node --perf-basic-prof run.js --only dumps,hpy-node,api`;
// the child run.js enables perf only around its timed batches (see perfCtl in run.js), so document
// generation, checks and start-up are not in the profile.  Samples of the main thread are then read
// with `perf script` and classified by the frame they were taken in (self time), and every
// HPy-context (hn_* / js_*) and Node-API (napi_*) function is also credited with the samples that
// have it anywhere on their call chain (inclusive time).  The native code is built without frame
// pointers, so chains can be cut short: inclusive figures are lower bounds.
//
// Writes benchmarks/json/profile.json.

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const HERE = __dirname;

const RUNS = [
  { name: 'dumps', only: 'dumps,hpy-node,api', rounds: 3,
    title: 'ujson.dumps on the 1 MB API document (ensure_ascii=False and default), hpy-node only' },
  { name: 'loads', only: 'loads,hpy-node,api', rounds: 6,
    title: 'ujson.loads on the 1 MB API document, hpy-node only' },
];

function category(sym, dso) {
  const base = path.basename(dso || '');
  if (/^\[kernel/.test(dso) || base === '[kernel.kallsyms]') return 'kernel (page faults, ...)';
  if (base.startsWith('ujson')) return 'ujson C code (encoder/decoder)';
  if (base === 'hpy_node.node') {
    if (/^(hn|js)_[A-Z]/.test(sym)) return 'hpy-node: HPy context functions (self)';
    return 'hpy-node: runtime internals (handles, shapes, string conversion)';
  }
  if (/^perf-\d+\.map$/.test(base) || /^(JS|LazyCompile|Function|Builtin|Stub|Script|InterpretedFunction|BytecodeHandler|RegExp):/.test(sym)) {
    if (/^(Builtin|BytecodeHandler|Stub):/.test(sym)) return 'V8 builtins / interpreter';
    return 'JavaScript (JIT: lib/ Python semantics, benchmark loop)';
  }
  if (/^libc|^libstdc\+\+|^libm|^ld-linux/.test(base)) return 'libc (malloc/free, memcpy, memmem)';
  if (/^napi_|node_napi_env|v8impl::|napi_env__|NapiCallIntoModule/.test(sym)) return 'Node-API layer (self)';
  if (/Heap|Scavenge|MarkCompact|Sweeper|ConcurrentMarking|GCTracer|MemoryAllocator|Marking|Evacuat|Compactor/.test(sym)) return 'V8 garbage collector';
  if (/^Builtins_/.test(sym)) return 'V8 builtins / interpreter';
  if (/v8::|^Builtin|^v8_/.test(sym)) return 'V8 runtime (property lookup, strings, handles, API)';
  if (base === 'node' || base.startsWith('node')) return 'Node.js other';
  return `other (${base || '?'})`;
}

function parseScript(text, pid) {
  // Blocks: header line "comm pid/tid ..." then frame lines "\t addr sym+off (dso)", blank line.
  const samples = [];
  let cur = null;
  for (const line of text.split('\n')) {
    if (!line.trim()) { if (cur) samples.push(cur); cur = null; continue; }
    if (!/^\s/.test(line)) {
      const m = line.match(/^\S.*?\s(\d+)\/(\d+)\s/);
      cur = m ? { pid: +m[1], tid: +m[2], frames: [] } : { pid: 0, tid: 0, frames: [] };
      continue;
    }
    if (!cur) continue;
    const m = line.match(/^\s+[0-9a-f]+\s+(.*)\s+\(([^)]*)\)\s*$/);
    if (!m) continue;
    let sym = m[1].replace(/\+0x[0-9a-f]+$/, '');
    cur.frames.push({ sym, dso: m[2] });
  }
  if (cur) samples.push(cur);
  return samples;
}

function shortSym(sym) {
  // drop C++ argument lists for readability
  let s = sym.replace(/\(.*\)( const)?$/, '').replace(/\.(part|isra|constprop|cold)\.?\d*/g, '');
  if (s.length > 90) s = `${s.slice(0, 87)}...`;
  return s;
}

function analyse(samples, mainPid) {
  const main = samples.filter((s) => s.tid === mainPid);
  const bg = samples.length - main.length;
  const n = main.length || 1;
  const self = new Map();
  const cats = new Map();
  const incl = new Map();
  let inCtx = 0;
  let inNapi = 0;
  for (const s of main) {
    const f = s.frames[0] || { sym: '[unknown]', dso: '?' };
    const key = shortSym(f.sym);
    const cat = category(f.sym, f.dso);
    const e = self.get(key) || { sym: key, n: 0, cat };
    e.n++;
    self.set(key, e);
    cats.set(cat, (cats.get(cat) || 0) + 1);
    const seen = new Set();
    let ctx = false;
    let napi = false;
    for (const fr of s.frames) {
      const k = shortSym(fr.sym);
      const isCtx = path.basename(fr.dso) === 'hpy_node.node' && /^(hn|js)_[A-Z]/.test(k);
      const isNapi = /^napi_/.test(k);
      if (isCtx) ctx = true;
      if (isNapi) napi = true;
      if ((isCtx || isNapi) && !seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + 1); }
    }
    if (ctx) inCtx++;
    if (napi) inNapi++;
  }
  const pctOf = (x) => (100 * x) / n;
  const top = [...self.values()].sort((a, b) => b.n - a.n).slice(0, 25)
    .map((e) => ({ sym: e.sym, self: pctOf(e.n), cat: e.cat }));
  const selfOf = (k) => (self.get(k) ? pctOf(self.get(k).n) : 0);
  const fnList = (re) => [...incl.entries()].filter(([k]) => re.test(k))
    .map(([k, c]) => ({ sym: k, self: selfOf(k), children: pctOf(c) }))
    .sort((a, b) => b.children - a.children);
  const hpyCtx = fnList(/^(hn|js)_/);
  const napi = fnList(/^napi_/);
  const categories = [...cats.entries()].sort((a, b) => b[1] - a[1]).map(([c, x]) => [c, pctOf(x)]);
  const catShare = (re) => categories.filter(([c]) => re.test(c)).reduce((s, [, x]) => s + x, 0);
  const summary =
    `${main.length} main-thread samples (+ ${bg} on V8/Node background threads). ` +
    `Samples with an HPy context function on the stack: ≥ ${pctOf(inCtx).toFixed(0)}%; with a Node-API call: ≥ ${pctOf(inNapi).toFixed(0)}%. ` +
    `Self time: ujson's own C code ${catShare(/^ujson/).toFixed(0)}%, hpy-node native ${catShare(/^hpy-node/).toFixed(0)}%, ` +
    `Node-API glue ${catShare(/^Node-API/).toFixed(0)}%, V8 runtime/GC/builtins ${catShare(/^V8/).toFixed(0)}%, ` +
    `JS ${catShare(/^JavaScript/).toFixed(0)}%, libc ${catShare(/^libc/).toFixed(0)}%. ` +
    `Top HPy context functions (incl.): ${hpyCtx.slice(0, 5).map((s) => `${s.sym} ${s.children.toFixed(0)}%`).join(', ')}. ` +
    `Top Node-API calls (incl.): ${napi.slice(0, 5).map((s) => `${s.sym} ${s.children.toFixed(0)}%`).join(', ')}.`;
  return { samples: main.length, background_samples: bg, in_hpy_ctx: pctOf(inCtx), in_napi: pctOf(inNapi), categories, top, hpy_ctx: hpyCtx, napi, summary };
}

function profile({ runJs, log, tmp }) {
  const out = { date: new Date().toISOString(), profiles: {} };
  const v = spawnSync('perf', ['--version'], { encoding: 'utf8' });
  const writeOut = () => fs.writeFileSync(path.join(HERE, 'profile.json'), JSON.stringify(out, null, 1) + '\n');
  if (v.error || v.status !== 0) {
    out.error = `perf not available (${v.error ? v.error.code : v.stderr.trim()})`;
    log(out.error);
    writeOut();
    return out;
  }
  out.perf = v.stdout.trim();
  const ctl = path.join(tmp, 'ctl');
  const ack = path.join(tmp, 'ack');
  for (const f of [ctl, ack]) {
    const r = spawnSync('mkfifo', [f]);
    if (r.status !== 0) { out.error = `mkfifo failed: ${r.stderr}`; writeOut(); return out; }
  }
  out.command = `perf record -g -D -1 --control fifo:CTL,ACK node --perf-basic-prof benchmarks/json/run.js --only dumps,hpy-node,api`;
  out.samples_note = 'perf cpu-clock samples of the main thread, only during the timed calls';
  try {
    for (const r of RUNS) {
      const data = path.join(tmp, `${r.name}.data`);
      log(`perf: profiling ${r.name} ...`);
      const rec = spawnSync('perf', ['record', '-g', '-F', '2000', '-D', '-1', '--control', `fifo:${ctl},${ack}`, '-o', data, '--',
        process.execPath, '--perf-basic-prof', runJs, '--only', r.only, '--rounds', String(r.rounds), '--no-python', '--no-write'],
      // cwd = the temporary directory: --perf-basic-prof also makes V8 write isolate-*-v8.log there
      { cwd: tmp, encoding: 'utf8', env: { ...process.env, HPY_JSON_PERF_CTL: `${ctl},${ack}` }, maxBuffer: 64 << 20, timeout: 300000 });
      if (rec.status !== 0) {
        out.profiles[r.name] = { title: r.title, error: `perf record failed: ${(rec.stderr || '').trim().split('\n').pop()}` };
        continue;
      }
      const scr = spawnSync('perf', ['script', '-i', data, '-F', 'comm,pid,tid,period,ip,sym,dso'],
        { cwd: tmp, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 300000 });
      const samples = parseScript(scr.stdout || '');
      const pid = samples.length ? samples[0].pid : 0;
      // the JIT symbol map that --perf-basic-prof left for this child only
      if (pid) fs.rmSync(`/tmp/perf-${pid}.map`, { force: true });
      out.profiles[r.name] = { title: r.title, rounds: r.rounds, ...analyse(samples, pid) };
      log(`  ${out.profiles[r.name].summary}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  writeOut();
  return out;
}

module.exports = { profile, category, parseScript, analyse };
