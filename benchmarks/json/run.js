#!/usr/bin/env node
'use strict';
// JSON benchmark (issue 5): the ujson-style HPy extension in examples/ujson, run by hpy-node,
// against V8's JSON in the same process, and -- where a CPython with the real ujson is found --
// against CPython's ujson and json on the same document text.
//
//   node benchmarks/json/run.js               full run (~1-2 min), rewrites results.{json,md,svg}
//   node benchmarks/json/run.js --quick       1 round x 3 runs, smoke test; writes nothing
//   node benchmarks/json/run.js --only dumps  just the listed ops/cases/engines; writes nothing
//   node benchmarks/json/run.js --profile     perf profile of hpy-node's dumps (and loads),
//                                             writes profile.json and refreshes results.md/svg
//
// Options: --rounds N (5) --runs N (7) --only a,b,... (ops: loads|decode, dumps|encode,
// encode_ascii; cases: api, small, numbers, unicode; engines: v8, hpy-node)
// --no-python  --python PATH  --pyenv FILE (sets PYTHONPATH for hpy.universal)  --write
// --no-write  --out DIR

const fs = require('fs');
const os = require('os');
const path = require('path');
const v8 = require('v8');
const vm = require('vm');
const { execFileSync, spawnSync } = require('child_process');
const assert = require('assert');

const gen = require('./gen');
const { writeMarkdown } = require('./report');
const { renderSvg } = require('./svg');

const HERE = __dirname;
const ROOT = path.resolve(HERE, '..', '..');

// ------------------------------------------------------------------ options

function parseArgs(argv) {
  const o = { rounds: 5, runs: 7, only: null, python: null, noPython: false, pyenv: null,
    write: null, out: HERE, profile: false, quick: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { if (i + 1 >= argv.length) throw new Error(`${a} needs a value`); return argv[++i]; };
    if (a === '--rounds') o.rounds = +val();
    else if (a === '--runs') o.runs = +val();
    else if (a === '--only') o.only = val().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--python') o.python = val();
    else if (a === '--no-python') o.noPython = true;
    else if (a === '--pyenv') o.pyenv = val();
    else if (a === '--write') o.write = true;
    else if (a === '--no-write') o.write = false;
    else if (a === '--out') o.out = path.resolve(val());
    else if (a === '--profile') o.profile = true;
    else if (a === '--quick') { o.quick = true; o.rounds = 1; o.runs = 3; }
    else if (a === '--help' || a === '-h') { console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(2, 18).join('\n')); process.exit(0); }
    else throw new Error(`unknown option ${a}`);
  }
  if (o.write == null) o.write = !o.only && !o.quick;
  return o;
}

const OPS = ['decode', 'encode', 'encode_ascii'];
const OP_LABEL = {
  decode: 'loads / JSON.parse',
  encode: 'dumps(ensure_ascii=False) / JSON.stringify',
  encode_ascii: 'dumps() (ensure_ascii=True)',
};
const CASES = ['api', 'small', 'numbers', 'unicode'];
const NODE_ENGINES = ['v8', 'hpy-node'];
const ENGINE_ORDER = ['v8', 'hpy-node', 'cpython-ujson', 'cpython-json', 'hpy-universal'];

function selection(only) {
  const sel = { ops: [], cases: [], engines: [] };
  for (const t of only || []) {
    if (t === 'loads' || t === 'decode' || t === 'parse') sel.ops.push('decode');
    else if (t === 'dumps' || t === 'encode' || t === 'stringify') sel.ops.push('encode', 'encode_ascii');
    else if (t === 'encode_ascii') sel.ops.push('encode_ascii');
    else if (CASES.includes(t)) sel.cases.push(t);
    else if (NODE_ENGINES.includes(t)) sel.engines.push(t);
    else throw new Error(`--only: unknown token ${t} (ops: loads, dumps, encode_ascii; cases: ${CASES}; engines: ${NODE_ENGINES})`);
  }
  return {
    ops: sel.ops.length ? [...new Set(sel.ops)] : OPS,
    cases: sel.cases.length ? sel.cases : CASES,
    engines: sel.engines.length ? sel.engines : NODE_ENGINES,
  };
}

// ------------------------------------------------------------------ documents

function makeCases(names) {
  const all = {
    api: () => ({ kind: 'one', label: '1 MB API response', obj: gen.apiDocument() }),
    small: () => ({ kind: 'many', label: '10k small documents', obj: gen.smallDocuments() }),
    numbers: () => ({ kind: 'one', label: '1 MB int/float arrays', obj: gen.numbersDocument() }),
    unicode: () => ({ kind: 'one', label: '1 MB non-ASCII strings', obj: gen.unicodeDocument() }),
  };
  const cases = {};
  for (const n of names) {
    const c = all[n]();
    if (c.kind === 'one') {
      c.text = JSON.stringify(c.obj);
      c.bytes = Buffer.byteLength(c.text);
      c.chars = c.text.length;
      c.census = gen.census(c.obj);
      c.count = 1;
    } else {
      c.text = c.obj.map((d) => JSON.stringify(d));
      c.bytes = c.text.reduce((s, t) => s + Buffer.byteLength(t), 0);
      c.chars = c.text.reduce((s, t) => s + t.length, 0);
      c.census = c.obj.reduce((acc, d) => gen.census(d, acc), undefined);
      c.count = c.text.length;
    }
    cases[n] = c;
  }
  return cases;
}

// ------------------------------------------------------------------ Node.js engines

function loadUjson() {
  const { loadExample } = require(path.join(ROOT, 'test', 'helpers'));
  return loadExample('ujson');
}

function nodeEngines(ujson, kw) {
  const noAscii = () => kw({ ensure_ascii: false });
  return {
    v8: {
      decode: (t) => JSON.parse(t),
      encode: (o) => JSON.stringify(o),
    },
    'hpy-node': {
      decode: (t) => ujson.loads(t),
      encode: (o) => ujson.dumps(o, noAscii()),
      encode_ascii: (o) => ujson.dumps(o),
    },
  };
}

function makeCall(kind, fn, data) {
  if (kind === 'one') return () => { fn(data); };
  return () => { for (let i = 0; i < data.length; i++) fn(data[i]); };
}

let gc = global.gc;
if (typeof gc !== 'function') {
  v8.setFlagsFromString('--expose-gc');
  gc = vm.runInNewContext('gc');
}

function timeMin(call, runs) {
  call(); // warm-up
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    call();
    const dt = Number(process.hrtime.bigint() - t0) / 1e6;
    if (dt < best) best = dt;
  }
  return best;
}

// Correctness before timing: each engine's decode matches JSON.parse, and its encodings read back.
function checkNode(engines, cases) {
  const out = {};
  for (const [name, e] of Object.entries(engines)) {
    const msgs = [];
    for (const [cname, c] of Object.entries(cases)) {
      const texts = c.kind === 'one' ? [c.text] : c.text;
      const objs = c.kind === 'one' ? [c.obj] : c.obj;
      try {
        for (let i = 0; i < texts.length; i++) assert.deepStrictEqual(e.decode(texts[i]), objs[i]);
      } catch (err) { msgs.push(`${cname}: decode: ${String(err.message).split('\n')[0]}`); }
      for (const op of ['encode', 'encode_ascii']) {
        if (!e[op]) continue;
        try {
          for (const o of objs) assert.deepStrictEqual(JSON.parse(e[op](o)), o);
        } catch (err) { msgs.push(`${cname}: ${op}: ${String(err.message).split('\n')[0]}`); }
      }
    }
    out[name] = { ok: msgs.length === 0, messages: msgs };
  }
  return out;
}

// Under `run.js --profile`, perf starts with its events disabled and this process switches them
// on only around the timed batches (perf's --control fifo protocol: write a command, read "ack").
const perfCtl = (() => {
  const spec = process.env.HPY_JSON_PERF_CTL;
  if (!spec) return { on() {}, off() {} };
  const [ctlPath, ackPath] = spec.split(',');
  const ctl = fs.openSync(ctlPath, 'w');
  const ack = fs.openSync(ackPath, 'r');
  const buf = Buffer.alloc(64);
  const send = (cmd) => {
    fs.writeSync(ctl, `${cmd}\n`);
    let got = '';
    while (!got.includes('ack')) {
      const n = fs.readSync(ack, buf, 0, buf.length, null);
      if (n <= 0) break;
      got += buf.toString('utf8', 0, n);
    }
  };
  return { on: () => send('enable'), off: () => send('disable') };
})();

function runNode(engines, cases, sel, opt, log) {
  const res = {};
  for (const cname of sel.cases) {
    res[cname] = {};
    for (const en of sel.engines) res[cname][en] = {};
  }
  const names = sel.engines;
  for (let r = 0; r < opt.rounds; r++) {
    const order = names.slice(r % names.length).concat(names.slice(0, r % names.length));
    for (const cname of sel.cases) {
      const c = cases[cname];
      for (const op of sel.ops) {
        const data = op === 'decode' ? c.text : c.obj;
        for (const en of order) {
          const fn = engines[en][op];
          if (!fn) continue;
          gc();
          perfCtl.on();
          const ms = timeMin(makeCall(c.kind, fn, data), opt.runs);
          perfCtl.off();
          (res[cname][en][op] ||= { rounds: [] }).rounds.push(ms);
        }
      }
    }
    log(`  node round ${r + 1}/${opt.rounds} done`);
  }
  for (const c of Object.values(res)) for (const e of Object.values(c)) for (const v of Object.values(e)) v.ms = Math.min(...v.rounds);
  return res;
}

// ------------------------------------------------------------------ CPython side

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  return r;
}

function firstLine(s) { return String(s || '').trim().split('\n').filter(Boolean).pop() || ''; }

// Picks a python: --python, $PYTHON, /usr/bin/python3, python3 on PATH -- the first that imports
// ujson, else the first that runs at all (stdlib json is still measured).  Reasons are kept.
function findPython(opt) {
  const cands = [];
  if (opt.python) cands.push(opt.python);
  else {
    if (process.env.PYTHON) cands.push(process.env.PYTHON);
    cands.push('/usr/bin/python3', 'python3');
  }
  const tried = [];
  let fallback = null;
  for (const py of [...new Set(cands)]) {
    const r = sh(py, ['-c', 'import sys; print(sys.version.split()[0]); import ujson; print(ujson.__version__)']);
    if (r.error) { tried.push(`${py}: ${r.error.code || r.error.message}`); continue; }
    const lines = r.stdout.trim().split('\n');
    if (r.status === 0) return { python: py, version: lines[0], ujson: lines[1], tried };
    tried.push(`${py} (Python ${lines[0]}): ${firstLine(r.stderr)}`);
    if (!fallback && lines[0]) fallback = { python: py, version: lines[0], ujson: null, tried };
  }
  return fallback || { python: null, tried };
}

function pyenvPath(file) {
  if (!file || !fs.existsSync(file)) return { reason: `no HPy env file (${file || 'none'})` };
  const r = sh('bash', ['-c', 'source "$1" >/dev/null 2>&1; printf %s "$PYTHONPATH"', '_', file]);
  return r.status === 0 && r.stdout ? { pythonpath: r.stdout } : { reason: `${file} sets no PYTHONPATH` };
}

// examples/ujson built with the official HPy headers and helper sources, for hpy.universal.
function buildForHpyUniversal(py, pythonpath, tmp) {
  const chk = sh(py, ['-c', 'import hpy.universal, hpy.devel, os; print(os.path.dirname(hpy.devel.__file__))'],
    { env: { ...process.env, PYTHONPATH: pythonpath } });
  if (chk.status !== 0) return { reason: `${py} cannot import hpy.universal: ${firstLine(chk.stderr)}` };
  const devel = process.env.HPY_DEVEL_DIR || chk.stdout.trim();
  const inc = path.join(devel, 'include');
  const rt = path.join(devel, 'src', 'runtime');
  if (!fs.existsSync(path.join(inc, 'hpy.h'))) return { reason: `no official HPy headers in ${inc}` };
  const dir = path.join(ROOT, 'examples', 'ujson');
  const srcs = fs.readdirSync(dir).filter((f) => f.endsWith('.c')).map((f) => path.join(dir, f));
  const extra = ['argparse.c', 'buildvalue.c', 'format.c', 'helpers.c', 'structseq.c']
    .map((f) => path.join(rt, f)).filter((f) => fs.existsSync(f));
  const out = path.join(tmp, 'ujson.hpy0.so');
  const cc = process.env.CC || 'gcc';
  const r = sh(cc, ['-O2', '-shared', '-fPIC', '-DHPY_ABI_UNIVERSAL', '-I', inc, ...srcs, ...extra, '-o', out]);
  if (r.status !== 0) return { reason: `building with official headers failed: ${firstLine(r.stderr) || r.error}` };
  return { so: out, devel };
}

function runPython(cases, sel, opt, tmp, log) {
  const info = { available: false };
  const found = findPython(opt);
  info.tried = found.tried;
  if (!found.python) {
    info.reason = `no usable python3 (${found.tried.join('; ')})`;
    return info;
  }
  info.python = found.python;
  info.python_version = found.version;
  if (!found.ujson) info.ujson_reason = `no python with ujson: ${found.tried.join('; ')}`;

  const cfg = { rounds: opt.rounds, runs: opt.runs, ops: sel.ops, cases: [], hpy_so: null };
  const env = { ...process.env };
  const pe = pyenvPath(opt.pyenv || process.env.HPY_PYENV || '/tmp/ref/oracle/pyhpy.env');
  if (pe.pythonpath) {
    const b = buildForHpyUniversal(found.python, pe.pythonpath, tmp);
    if (b.so) { cfg.hpy_so = b.so; env.PYTHONPATH = pe.pythonpath; info.hpy_devel = b.devel; } else cfg.hpy_reason = b.reason;
  } else cfg.hpy_reason = pe.reason;

  for (const cname of sel.cases) {
    const c = cases[cname];
    const p = path.join(tmp, `${cname}.json`);
    fs.writeFileSync(p, c.kind === 'one' ? c.text : c.text.join('\n'));
    cfg.cases.push({ name: cname, kind: c.kind, path: p });
  }
  const cfgPath = path.join(tmp, 'config.json');
  fs.writeFileSync(cfgPath, JSON.stringify(cfg));
  log(`  python: ${found.python} (${found.version}${found.ujson ? `, ujson ${found.ujson}` : ', no ujson'})` +
    `${cfg.hpy_so ? ', + hpy.universal' : ''}`);
  const r = sh(found.python, [path.join(HERE, 'cpython_ujson.py'), cfgPath], { env, timeout: 240000 });
  if (r.status !== 0) {
    info.reason = `cpython_ujson.py failed (${r.signal || `exit ${r.status}`}): ${firstLine(r.stderr)}`;
    return info;
  }
  const out = JSON.parse(r.stdout);
  Object.assign(info, out, { available: true, python: found.python, python_version: out.python });
  if (cfg.hpy_reason && !info.unavailable['hpy-universal']) info.unavailable['hpy-universal'] = cfg.hpy_reason;
  if (!found.ujson && !info.unavailable['cpython-ujson']) info.unavailable['cpython-ujson'] = info.ujson_reason;
  return info;
}

// ------------------------------------------------------------------ report data

function machineInfo() {
  let cpu = 'unknown';
  try {
    const m = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m);
    if (m) cpu = m[1].trim();
  } catch { /* not Linux */ }
  let pkg = {};
  try { pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')); } catch { /* ignore */ }
  return {
    cpu,
    cpus: os.cpus().length,
    mem_gb: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    hpy_node: pkg.version || '?',
    loadavg: os.loadavg().map((x) => +x.toFixed(2)),
  };
}

const TARGETS = [
  { id: 'issue5-decode-v8', source: 'issue 5', op: 'decode', num: 'hpy-node', den: 'v8', max: 3,
    text: 'loads within 3× of JSON.parse (1 MB document)' },
  { id: 'issue5-encode-v8', source: 'issue 5', op: 'encode', num: 'hpy-node', den: 'v8', max: 3,
    text: 'dumps within 3× of JSON.stringify (1 MB document)' },
  { id: 'issue5-decode-cpy', source: 'issue 5', op: 'decode', num: 'hpy-node', den: 'cpython-ujson', max: 1, strict: true,
    text: 'loads faster than CPython\'s ujson' },
  { id: 'issue5-encode-cpy', source: 'issue 5', op: 'encode', num: 'hpy-node', den: 'cpython-ujson', max: 1, strict: true,
    text: 'dumps faster than CPython\'s ujson' },
  { id: 'anchors-decode', source: 'ANCHORS §5', op: 'decode', num: 'hpy-node', den: 'v8', max: 2.2,
    text: 'loads ≤ 2.2× JSON.parse' },
  { id: 'anchors-encode', source: 'ANCHORS §5', op: 'encode', num: 'hpy-node', den: 'v8', max: 1.5,
    text: 'dumps(ensure_ascii=False) ≤ 1.5× JSON.stringify' },
];

function ms(results, cname, en, op) {
  const v = results[cname] && results[cname][en] && results[cname][en][op];
  return v ? v.ms : null;
}

function buildReport(opt, cases, sel, nodeRes, py, checks, engineInfo) {
  const results = {};
  for (const cname of sel.cases) {
    results[cname] = { ...nodeRes[cname] };
    if (py.available) Object.assign(results[cname], py.results[cname]);
  }
  // ratios per case and op
  const ratios = {};
  const pairs = [['hpy-node', 'v8'], ['hpy-node', 'cpython-ujson'], ['cpython-ujson', 'v8'],
    ['cpython-json', 'v8'], ['hpy-universal', 'v8'], ['hpy-node', 'hpy-universal']];
  for (const cname of sel.cases) {
    ratios[cname] = {};
    for (const op of sel.ops) {
      ratios[cname][op] = {};
      for (const [a, b] of pairs) {
        // encode_ascii has no V8 twin: compare with JSON.stringify (V8's only mode)
        const bOp = op === 'encode_ascii' && b === 'v8' ? 'encode' : op;
        const x = ms(results, cname, a, op);
        const y = ms(results, cname, b, bOp);
        if (x != null && y != null) ratios[cname][op][`${a}/${b}`] = x / y;
      }
    }
  }
  const targets = TARGETS.filter((t) => sel.ops.includes(t.op) && sel.cases.includes('api')).map((t) => {
    const r = ratios.api[t.op][`${t.num}/${t.den}`];
    const out = { ...t, case: 'api' };
    if (r == null) {
      out.status = 'not measured';
      out.reason = t.den === 'cpython-ujson'
        ? (py.available ? (py.unavailable && py.unavailable['cpython-ujson']) || 'cpython-ujson not measured' : py.reason)
        : 'not measured';
    } else {
      out.ratio = r;
      out.status = (t.strict ? r < t.max : r <= t.max) ? 'pass' : 'miss';
    }
    return out;
  });

  const engines = {};
  for (const en of ENGINE_ORDER) {
    if (engineInfo[en]) engines[en] = engineInfo[en];
    else if (py.available && py.engines[en]) engines[en] = { available: true, ...py.engines[en], python: py.python_version };
    else if (en.startsWith('cpython') || en === 'hpy-universal') {
      engines[en] = { available: false, reason: py.available ? (py.unavailable[en] || 'not run') : py.reason };
    }
  }
  const allChecks = { ...checks, ...(py.available ? py.checks : {}) };
  const caseInfo = {};
  for (const cname of sel.cases) {
    const c = cases[cname];
    caseInfo[cname] = { label: c.label, kind: c.kind, documents: c.count, bytes: c.bytes, chars: c.chars, census: c.census };
  }
  return {
    title: 'hpy-node JSON benchmark (issue 5)',
    date: new Date().toISOString(),
    machine: machineInfo(),
    config: { rounds: opt.rounds, runs: opt.runs, method: 'per round: 1 warm-up call + min of `runs` timed calls; reported: best round (ms per call)' },
    python: py.available
      ? { available: true, executable: py.python, version: py.python_version, tried: py.tried, hpy_devel: py.hpy_devel || null }
      : { available: false, reason: py.reason, tried: py.tried },
    ops: Object.fromEntries(sel.ops.map((o) => [o, OP_LABEL[o]])),
    cases: caseInfo,
    engines,
    checks: allChecks,
    results,
    ratios,
    targets,
  };
}

// ------------------------------------------------------------------ profile

function runProfile(opt, log) {
  const { profile } = require('./profile');
  return profile({ runJs: __filename, log, tmp: fs.mkdtempSync(path.join(os.tmpdir(), 'hpy-json-prof-')) });
}

function writeOutputs(report, outDir, log) {
  const profPath = path.join(HERE, 'profile.json');
  if (fs.existsSync(profPath)) report.profile = JSON.parse(fs.readFileSync(profPath, 'utf8'));
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(report, null, 1) + '\n');
  fs.writeFileSync(path.join(outDir, 'results.md'), writeMarkdown(report));
  fs.writeFileSync(path.join(outDir, 'results.svg'), renderSvg(report));
  log(`wrote ${path.relative(process.cwd(), outDir) || '.'}/results.{json,md,svg}`);
}

// ------------------------------------------------------------------ main

function printSummary(report) {
  const fmt = (x) => (x == null ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  for (const [cname, c] of Object.entries(report.results)) {
    console.log(`\n${report.cases[cname].label} (${(report.cases[cname].bytes / 1e6).toFixed(2)} MB UTF-8), ms per call:`);
    const ops = Object.keys(report.ops);
    console.log(`  ${'engine'.padEnd(15)}${ops.map((o) => o.padStart(14)).join('')}`);
    for (const [en, v] of Object.entries(c)) {
      console.log(`  ${en.padEnd(15)}${ops.map((o) => fmt(v[o] && v[o].ms).padStart(14)).join('')}`);
    }
    const r = report.ratios[cname];
    for (const op of ops) {
      const parts = Object.entries(r[op]).map(([k, x]) => `${k} ${x.toFixed(2)}×`);
      if (parts.length) console.log(`  ${op}: ${parts.join(', ')}`);
    }
  }
  if (report.targets.length) {
    console.log('\ntargets (1 MB API document):');
    for (const t of report.targets) {
      console.log(`  [${t.status}] ${t.source}: ${t.text}${t.ratio != null ? ` — ${t.ratio.toFixed(2)}× (limit ${t.strict ? '<' : '≤'} ${t.max}×)` : ` — ${t.reason}`}`);
    }
  }
}

function main() {
  const opt = parseArgs(process.argv.slice(2));
  const log = (s) => console.error(s);
  const t0 = Date.now();
  if (opt.profile) {
    runProfile(opt, log);
    const resPath = path.join(opt.out, 'results.json');
    if (fs.existsSync(resPath)) {
      const report = JSON.parse(fs.readFileSync(resPath, 'utf8'));
      writeOutputs(report, opt.out, log);
    } else log('no results.json yet: run the benchmark to include the profile in results.md');
    return;
  }
  const sel = selection(opt.only);
  const pythonWanted = !opt.noPython && !(opt.only && !opt.write);
  log(`generating documents (${sel.cases.join(', ')}) ...`);
  const cases = makeCases(sel.cases);
  for (const [n, c] of Object.entries(cases)) log(`  ${n}: ${c.count} doc(s), ${c.bytes} bytes UTF-8`);

  const { kw } = require(ROOT);
  const ujson = loadUjson();
  const all = nodeEngines(ujson, kw);
  const engines = Object.fromEntries(sel.engines.map((e) => [e, all[e]]));
  log('checking results ...');
  const checks = checkNode(engines, cases);
  for (const [n, c] of Object.entries(checks)) if (!c.ok) log(`  WARNING ${n}: ${c.messages.join('; ')}`);
  log(`timing in Node.js (${opt.rounds} rounds x min of ${opt.runs}) ...`);
  const nodeRes = runNode(engines, cases, sel, opt, log);

  let py = { available: false, reason: opt.noPython ? 'skipped: --no-python' : 'skipped: partial run (--only without --write)' };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hpy-json-bench-'));
  try {
    if (pythonWanted) {
      log('timing in CPython ...');
      py = runPython(cases, sel, opt, tmp, log);
      if (!py.available) log(`  CPython side unavailable: ${py.reason}`);
      else for (const [n, why] of Object.entries(py.unavailable || {})) log(`  ${n} unavailable: ${why}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const engineInfo = {
    v8: { available: true, version: `Node.js ${process.version}, V8 ${process.versions.v8}`, label: 'V8 JSON' },
    'hpy-node': { available: true, version: 'examples/ujson on hpy-node', label: 'hpy-node + ujson ext' },
  };
  for (const k of Object.keys(engineInfo)) if (!sel.engines.includes(k)) delete engineInfo[k];
  const report = buildReport(opt, cases, sel, nodeRes, py, checks, engineInfo);
  report.elapsed_s = +((Date.now() - t0) / 1000).toFixed(1);
  report.machine.loadavg_end = os.loadavg().map((x) => +x.toFixed(2));
  printSummary(report);
  if (opt.write) writeOutputs(report, opt.out, log);
  log(`done in ${report.elapsed_s} s`);
}

if (require.main === module) main();

module.exports = { parseArgs, selection, makeCases, TARGETS };
