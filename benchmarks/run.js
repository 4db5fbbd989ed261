#!/usr/bin/env node
'use strict';
// hpy-node micro-benchmarks: one run, four columns, same operations.
//
//   node benchmarks/run.js [--quick] [--rounds N] [--runs N] [--target-ms MS]
//                          [--only op1,op2] [--columns hpy-node,napi,cpython,hpy-universal]
//                          [--no-build] [--force-build] [--out DIR]
//
// Columns: hpy-node (bench_hpy.c under hpy-node), napi (hand-written addon),
// cpython (C-API twin under CPython), hpy-universal (bench_hpy.c under
// CPython's hpy.universal, when an HPy-enabled CPython is available).
// Writes results/micro.json, results/micro.md and results/micro.svg.
// Targets are reported (pass / miss), never asserted: the exit code is 0
// whenever the suite itself ran.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { OPS, COLUMNS } = require('./lib/ops');
const build = require('./lib/build');
const { median } = require('./lib/timing');
const { writeReports } = require('./lib/report');

const DEFAULT_ENV_FILE = '/tmp/ref/oracle/pyhpy.env';

function parseArgs(argv) {
  const a = {
    rounds: 3, runs: 7, targetMs: 15, rssRuns: 3, only: null, columns: COLUMNS.map((c) => c.id),
    build: true, forceBuild: false, out: path.join(__dirname, 'results'), quick: false,
    python: process.env.PYTHON || 'python3',
    envFile: process.env.HPY_PYENV || DEFAULT_ENV_FILE,
    stallSeconds: 240,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => argv[++i];
    if (k === '--quick') { a.quick = true; a.rounds = 1; a.runs = 3; a.targetMs = 8; a.rssRuns = 1; }
    else if (k === '--rounds') a.rounds = Number(v());
    else if (k === '--runs') a.runs = Number(v());
    else if (k === '--target-ms') a.targetMs = Number(v());
    else if (k === '--rss-runs') a.rssRuns = Number(v());
    else if (k === '--only') a.only = v().split(',').filter(Boolean);
    else if (k === '--columns') a.columns = v().split(',').filter(Boolean);
    else if (k === '--no-build') a.build = false;
    else if (k === '--force-build') a.forceBuild = true;
    else if (k === '--out') a.out = path.resolve(v());
    else if (k === '--python') a.python = v();
    else if (k === '--pyenv') a.envFile = v();
    else if (k === '-h' || k === '--help') {
      console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(2, 16).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else { console.error(`unknown option ${k}`); process.exit(2); }
  }
  return a;
}

const log = (...xs) => console.log(...xs);

// ------------------------------------------------------------ workers ------
// Runs one column's worker for a list of ops.  The worker prints
// "@@{json}" lines; if it dies, the op it was running is recorded as crashed
// and a fresh worker continues with the following ops.
const children = new Set();
function killChildren() {
  for (const c of children) { try { process.kill(-c.pid, 'SIGKILL'); } catch { /* gone */ } }
}
process.on('SIGINT', () => { killChildren(); process.exit(130); });
process.on('SIGTERM', () => { killChildren(); process.exit(143); });

function runWorkerOnce(cmd, args, onEvent, stallSeconds) {
  return new Promise((resolve) => {
    // own process group, so that a stalled worker can be killed with its children
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    children.add(child);
    let buf = '';
    let stderr = '';
    let current = null;
    let timer = null;
    let stalled = false;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stalled = true;
        try { process.kill(-child.pid, 'SIGKILL'); } catch { child.kill('SIGKILL'); }
      }, stallSeconds * 1000);
    };
    arm();
    child.stdout.on('data', (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (!line.startsWith('@@')) continue;
        let ev;
        try { ev = JSON.parse(line.slice(2)); } catch { continue; }
        arm();
        if (ev.type === 'start') current = ev.op;
        else if (ev.op === current) current = null;
        onEvent(ev);
      }
    });
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
    child.on('close', (code, signal) => {
      children.delete(child);
      clearTimeout(timer);
      resolve({ code, signal, current, stalled, stderr });
    });
  });
}

async function runColumn(col, ops, opts, sink) {
  let remaining = [...ops];
  let fatal = null;
  while (remaining.length) {
    const done = new Set();
    const { cmd, args } = col.command(remaining);
    const r = await runWorkerOnce(cmd, args, (ev) => {
      if (ev.type === 'fatal') { fatal = ev.message; return; }
      if (ev.type === 'result' || ev.type === 'error') { done.add(ev.op); sink(ev); }
    }, opts.stallSeconds);
    if (fatal) return { fatal };
    if (r.current) {
      const why = r.stalled ? `no progress for ${opts.stallSeconds} s (killed)`
        : `worker died (${r.signal || 'exit code ' + r.code})`;
      const detail = build.tail(r.stderr || '', 3).replace(/\s+/g, ' ').slice(0, 300);
      sink({ type: 'error', op: r.current, message: `${why}${detail ? ': ' + detail : ''}` });
      done.add(r.current);
    } else if (r.code !== 0 && done.size === 0) {
      return { fatal: `worker exited with ${r.signal || 'code ' + r.code}: ${build.tail(r.stderr || '', 3)}` };
    }
    const next = remaining.filter((o) => !done.has(o));
    if (next.length === remaining.length) return { fatal: 'worker made no progress' };
    remaining = next;
  }
  return {};
}

// ------------------------------------------------------------ main ---------
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const opNames = OPS.map((o) => o.name).filter((n) => !opts.only || opts.only.includes(n));
  const envFile = fs.existsSync(opts.envFile) ? opts.envFile : null;
  const columns = {};
  for (const c of COLUMNS) columns[c.id] = { ...c, available: false, reason: 'not selected (--columns)' };
  const notes = [];

  // ---- builds
  log('== building');
  const fb = { force: opts.forceBuild, noBuild: !opts.build };
  const pyInfo = build.pythonInfo(opts.python, null);
  const pyHpyInfo = envFile ? build.pythonInfo(opts.python, envFile) : pyInfo;

  if (opts.columns.includes('napi')) {
    const b = build.buildNapi(fb);
    Object.assign(columns.napi, b.ok ? { available: true, binary: b.path, reason: undefined } : { reason: b.reason });
    log(`  napi: ${b.ok ? b.path + (b.cached ? ' (up to date)' : '') : 'UNAVAILABLE: ' + b.reason}`);
  }
  if (opts.columns.includes('cpython')) {
    const b = build.buildCpython(opts.python, pyInfo, fb);
    Object.assign(columns.cpython, b.ok ? { available: true, binary: b.path, reason: undefined } : { reason: b.reason });
    log(`  cpython: ${b.ok ? b.path + (b.cached ? ' (up to date)' : '') : 'UNAVAILABLE: ' + b.reason}`);
  }
  const devel = build.findOfficialHpy(envFile);
  const official = build.buildOfficialHpy(devel, fb);
  log(`  bench_hpy.c with official HPy headers: ${official.ok ? official.path + (official.cached ? ' (up to date)' : '') : 'UNAVAILABLE: ' + official.reason}`);

  if (opts.columns.includes('hpy-universal')) {
    let reason = null;
    if (!official.ok) reason = `bench_hpy.c not built with the official headers: ${official.reason}`;
    else if (!pyHpyInfo.ok) reason = pyHpyInfo.reason;
    else if (!pyHpyInfo.hpy_universal) {
      reason = envFile
        ? `hpy.universal not importable after sourcing ${envFile}: ${pyHpyInfo.hpy_universal_error}`
        : `no HPy-enabled CPython: ${opts.envFile} does not exist (it is written by build-cpython-hpy.sh; or set HPY_PYENV) and ${opts.python} cannot import hpy.universal`;
    }
    Object.assign(columns['hpy-universal'], reason ? { reason }
      : { available: true, binary: official.path, reason: undefined, hpy_version: pyHpyInfo.hpy_universal });
    log(`  hpy-universal: ${reason ? 'UNAVAILABLE: ' + reason : 'hpy.universal ' + pyHpyInfo.hpy_universal}`);
  }

  if (opts.columns.includes('hpy-node')) {
    const b = await build.buildHpyNode(fb);
    if (b.ok) {
      Object.assign(columns['hpy-node'], { available: true, binary: b.path, built_with: `hpy-node headers (${b.via})`, reason: undefined });
    } else if (official.ok) {
      Object.assign(columns['hpy-node'], { available: true, binary: official.path, built_with: 'official HPy 0.9 headers (hpy-node build unavailable)', reason: undefined });
      notes.push(`hpy-node could not build bench_hpy.c (${b.reason}); its column runs the binary built with the official HPy headers.`);
    } else {
      Object.assign(columns['hpy-node'], { reason: `no binary: ${b.reason}` });
    }
    log(`  hpy-node: ${columns['hpy-node'].available ? columns['hpy-node'].binary + ' [' + columns['hpy-node'].built_with + ']' : 'UNAVAILABLE: ' + columns['hpy-node'].reason}`);
  }

  // ---- how each column runs
  const common = (ops) => ['--ops', ops.join(','), '--target-ms', String(opts.targetMs), '--runs', String(opts.runs), '--rss-runs', String(opts.rssRuns)];
  const jsWorker = path.join(__dirname, 'lib', 'js-worker.js');
  const cmds = {
    'hpy-node': (ops) => ({ cmd: process.execPath, args: [jsWorker, '--column', 'hpy-node', '--module', columns['hpy-node'].binary, ...common(ops)] }),
    napi: (ops) => ({ cmd: process.execPath, args: [jsWorker, '--column', 'napi', '--module', columns.napi.binary, ...common(ops)] }),
    cpython: (ops) => build.pythonCommand(opts.python, null, [build.DRIVER, '--column', 'cpython', '--module', columns.cpython.binary, ...common(ops)]),
    'hpy-universal': (ops) => build.pythonCommand(opts.python, envFile, [build.DRIVER, '--column', 'hpy-universal', '--module', columns['hpy-universal'].binary, ...common(ops)]),
  };

  // ---- measure: rounds x columns (column order rotated every round)
  const raw = {}; // raw[col][op] = { samples: [], rss: [], n: [], errors: [] }
  const active = COLUMNS.map((c) => c.id).filter((id) => columns[id].available);
  for (const id of active) raw[id] = {};
  for (let round = 0; round < opts.rounds; round++) {
    const order = active.map((_, i) => active[(i + round) % active.length]);
    for (const id of order) {
      if (!columns[id].available) continue;
      const ts = Date.now();
      process.stdout.write(`== round ${round + 1}/${opts.rounds}: ${id} `);
      const res = await runColumn({ command: cmds[id] }, opNames, opts, (ev) => {
        const slot = (raw[id][ev.op] ||= { samples: [], rss: [], rss_first: [], rss_later: [], n: [], errors: [], rss_method: null });
        if (ev.type === 'result') {
          slot.samples.push(...ev.samples);
          slot.n.push(ev.n);
          if (ev.rss_samples_mb) {
            slot.rss.push(...ev.rss_samples_mb);
            slot.rss_first.push(ev.rss_samples_mb[0]); // first call in a fresh process
            slot.rss_later.push(...ev.rss_samples_mb.slice(1));
            slot.rss_method = ev.rss_method;
          }
          process.stdout.write('.');
        } else {
          slot.errors.push(ev.message);
          process.stdout.write('x');
        }
      });
      process.stdout.write(` ${((Date.now() - ts) / 1000).toFixed(1)} s\n`);
      if (res.fatal) {
        columns[id].available = false;
        columns[id].reason = res.fatal;
        log(`   ${id} UNAVAILABLE: ${res.fatal}`);
      }
    }
  }

  // ---- aggregate
  const results = {};
  for (const op of OPS.filter((o) => opNames.includes(o.name))) {
    const row = { op: op.name, label: op.label, short: op.short, group: op.group, core: !!op.core, unit: op.unit, values: {} };
    for (const c of COLUMNS) {
      const slot = raw[c.id] && raw[c.id][op.name];
      if (!columns[c.id].available && !(slot && slot.samples.length)) continue;
      if (!slot) continue;
      if (slot.samples.length) {
        const v = { min: Math.min(...slot.samples), median: median(slot.samples), samples: slot.samples.length, n: slot.n };
        if (op.kind === 'rss') {
          v.per_handle_min = v.min / 1e7;
          v.rss_mb = slot.rss.length ? Math.max(...slot.rss) : null;
          v.rss_samples_mb = slot.rss;
          v.rss_first_call_mb = slot.rss_first.length ? Math.max(...slot.rss_first) : null;
          v.rss_later_calls_mb = slot.rss_later.length ? Math.max(...slot.rss_later) : null;
          v.rss_method = slot.rss_method;
        }
        if (slot.errors.length) v.errors = [...new Set(slot.errors)];
        row.values[c.id] = v;
      } else if (slot.errors.length) {
        row.values[c.id] = { error: [...new Set(slot.errors)].join(' | ') };
      }
    }
    const val = (id) => (row.values[id] && row.values[id].min) || null;
    const hn = val('hpy-node');
    row.ratios = {
      hpynode_napi: hn && val('napi') ? hn / val('napi') : null,
      hpynode_cpython: hn && val('cpython') ? hn / val('cpython') : null,
      napi_cpython: val('napi') && val('cpython') ? val('napi') / val('cpython') : null,
      hpyuniversal_cpython: val('hpy-universal') && val('cpython') ? val('hpy-universal') / val('cpython') : null,
    };
    const judge = (t) => {
      const base = val(t.vs);
      const ratio = hn && base ? hn / base : null;
      const ref = val('hpy-universal') && base ? val('hpy-universal') / base : null;
      return {
        text: t.text, vs: t.vs, max: t.max, ratio,
        status: ratio == null ? 'n/a' : ratio <= t.max ? 'pass' : 'miss',
        hpy_universal_ratio: ref,
      };
    };
    if (op.target) row.target = judge(op.target);
    if (op.issue) row.issue_targets = op.issue.map(judge);
    if (op.why) row.why = op.why;
    if (op.rssTarget) {
      const mb = row.values['hpy-node'] && row.values['hpy-node'].rss_mb;
      row.target = {
        text: op.rssTarget.text, maxMB: op.rssTarget.maxMB, rss_mb: mb == null ? null : mb,
        status: mb == null ? 'n/a' : mb < op.rssTarget.maxMB ? 'pass' : 'miss',
      };
    }
    results[op.name] = row;
  }

  const machine = machineInfo(pyInfo, pyHpyInfo);
  machine.load_end = os.loadavg().map((x) => +x.toFixed(2));
  const report = {
    generator: 'benchmarks/run.js',
    date: new Date().toISOString(),
    duration_s: +((Date.now() - t0) / 1000).toFixed(1),
    settings: { rounds: opts.rounds, runs_per_round: opts.runs, target_ms_per_run: opts.targetMs, rss_runs: opts.rssRuns, quick: opts.quick },
    machine,
    columns: Object.fromEntries(COLUMNS.map((c) => [c.id, {
      label: c.label, description: c.desc, available: !!columns[c.id].available,
      reason: columns[c.id].reason || null, binary: columns[c.id].binary ? path.relative(build.ROOT, columns[c.id].binary) : null,
      built_with: columns[c.id].built_with || null, hpy_version: columns[c.id].hpy_version || null,
    }])),
    official_hpy_headers: official.ok ? official.headers : null,
    notes,
    ops: results,
  };
  const files = writeReports(report, opts.out);
  log(`== done in ${report.duration_s} s`);
  for (const f of files) log(`   wrote ${path.relative(process.cwd(), f)}`);
  printSummary(report);
}

function machineInfo(pyInfo, pyHpyInfo) {
  const cpus = os.cpus();
  const gcc = build.run(process.env.CC || 'gcc', ['--version']);
  let nodeAddonApi = null;
  try { nodeAddonApi = require(require.resolve('node-addon-api/package.json', { paths: [path.join(__dirname, 'napi')] })).version; } catch { /* absent */ }
  return {
    cpu: cpus.length ? cpus[0].model : 'unknown',
    cpus: cpus.length,
    memory_gb: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    napi: process.versions.napi,
    node_addon_api: nodeAddonApi,
    python: pyInfo.ok ? `${pyInfo.implementation} ${pyInfo.python}` : null,
    hpy_universal: pyHpyInfo.ok && pyHpyInfo.hpy_universal ? pyHpyInfo.hpy_universal : null,
    cc: gcc.ok ? gcc.stdout.split('\n')[0] : null,
    load_start: os.loadavg().map((x) => +x.toFixed(2)),
  };
}

function printSummary(report) {
  const core = Object.values(report.ops).filter((r) => r.target);
  const count = (s) => core.filter((r) => r.target.status === s).length;
  log(`== targets: ${count('pass')} pass, ${count('miss')} miss, ${count('n/a')} n/a (hpy-node column ${report.columns['hpy-node'].available ? 'measured' : 'unavailable: ' + report.columns['hpy-node'].reason})`);
}

main().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
