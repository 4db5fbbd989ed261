'use strict';
// Child process that times the operations of one Node.js column.
//   node js-worker.js --column napi|hpy-node --module PATH --ops a,b,c
//                     [--target-ms 20] [--runs 7] [--rss-runs 3]
// Prints one line per event, prefixed with "@@": {type:'start'|'result'|'error', op, ...}
// so that the runner can tell which operation was running if the process dies.

const path = require('path');
const { OPS, JS } = require('./ops');
const { timeOp, timeRss } = require('./timing');

function parseArgs(argv) {
  const a = { targetMs: 20, runs: 7, rssRuns: 3, ops: [] };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--column') { a.column = v; i++; }
    else if (k === '--module') { a.module = v; i++; }
    else if (k === '--ops') { a.ops = v.split(',').filter(Boolean); i++; }
    else if (k === '--target-ms') { a.targetMs = Number(v); i++; }
    else if (k === '--runs') { a.runs = Number(v); i++; }
    else if (k === '--rss-runs') { a.rssRuns = Number(v); i++; }
  }
  return a;
}

// The message of an error, even from an object model whose getters may throw.
function errText(e) {
  try {
    const name = e && e.name ? `${e.name}: ` : '';
    return `${name}${String(e && e.message !== undefined ? e.message : e)}`.split('\n')[0];
  } catch (e2) {
    try { return `error whose message cannot be read (${String(e2 && e2.message).split('\n')[0]})`; } catch { return 'unreadable error'; }
  }
}

function emit(obj) { process.stdout.write('@@' + JSON.stringify(obj) + '\n'); }

function loadColumn(column, modulePath) {
  if (column === 'napi') return { m: require(path.resolve(modulePath)), api: {} };
  if (column === 'hpy-node') {
    // the package under test: this repository, or $HPY_NODE_PACKAGE
    const api = require(process.env.HPY_NODE_PACKAGE ? path.resolve(process.env.HPY_NODE_PACKAGE) : path.resolve(__dirname, '..', '..'));
    const m = api.load(path.resolve(modulePath));
    // nb_add from JS: the package's Python-semantics operator, else a dunder
    const add = typeof api.add === 'function' ? api.add
      : (m.Vec && m.Vec.prototype && typeof m.Vec.prototype.__add__ === 'function')
        ? (a, b) => a.__add__(b) : undefined;
    return { m, api: { kw: api.kw, add } };
  }
  throw new Error(`unknown column ${column}`);
}

function compile(op, column, env) {
  const spec = JS[op];
  const body = typeof spec.body === 'string' ? spec.body : spec.body[column];
  if (!body) throw new Error(`no loop for ${op} in column ${column}`);
  const names = Object.keys(env);
  // a fresh Function per column and op: separate V8 feedback
  // eslint-disable-next-line no-new-func
  return new Function(...names, `return function loop_${op}(n) { ${body} };`)(...names.map((k) => env[k]));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  let col;
  try {
    col = loadColumn(args.column, args.module);
  } catch (e) {
    emit({ type: 'fatal', message: `cannot load ${args.column} module: ${errText(e)}` });
    process.exitCode = 2;
    return;
  }
  const meta = Object.fromEntries(OPS.map((o) => [o.name, o]));
  for (const op of args.ops) {
    emit({ type: 'start', op });
    try {
      const spec = JS[op];
      if (!spec) throw new Error('no such operation');
      if (op === 'keywords' && args.column === 'hpy-node' && typeof col.api.kw !== 'function') throw new Error('hpy-node exports no kw()');
      if (op === 'nb_add' && args.column === 'hpy-node' && typeof col.api.add !== 'function') throw new Error('hpy-node exports no add() and Vec has no __add__');
      const bad = spec.check(col.m, col.api, args.column);
      if (bad) throw new Error(`wrong result: ${bad}`);
      const loop = compile(op, args.column, spec.setup(col.m, col.api));
      let res;
      if (meta[op].kind === 'rss') {
        res = await timeRss(loop, args.rssRuns, (r) => (r === 10000000 ? null : `returned ${r}`));
      } else {
        res = await timeOp(loop, args.targetMs, args.runs);
      }
      emit({ type: 'result', op, ...res });
    } catch (e) {
      emit({ type: 'error', op, message: errText(e) });
    }
  }
}

main().catch((e) => { emit({ type: 'fatal', message: errText(e) }); process.exitCode = 1; });
