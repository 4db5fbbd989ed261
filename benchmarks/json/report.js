'use strict';
// results.md for the JSON benchmark, from the report object of run.js.

const ENGINE_LABEL = {
  v8: 'V8 `JSON` (Node.js)',
  'hpy-node': '**hpy-node** + examples/ujson',
  'cpython-ujson': 'CPython + real ujson',
  'cpython-json': 'CPython stdlib `json`',
  'hpy-universal': 'examples/ujson on CPython `hpy.universal`',
};

const fmtMs = (x) => (x == null ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtR = (x) => (x == null ? '—' : `${x.toFixed(2)}×`);
const pct = (x) => `${x.toFixed(1)}%`;

function caseTable(rep, cname) {
  const c = rep.cases[cname];
  const res = rep.results[cname];
  const ops = Object.keys(rep.ops);
  const lines = [];
  const per = c.kind === 'many' ? ` (ms for all ${c.documents} documents; µs per document in brackets)` : '';
  lines.push(`### ${c.label}${per}`);
  lines.push('');
  lines.push(`${(c.bytes / 1e6).toFixed(2)} MB UTF-8 (${c.chars.toLocaleString('en')} UTF-16 units); ` +
    `${c.census.objects.toLocaleString('en')} objects, ${c.census.arrays.toLocaleString('en')} arrays, ` +
    `${c.census.strings.toLocaleString('en')} strings (+ ${c.census.keys.toLocaleString('en')} keys), ` +
    `${c.census.floats.toLocaleString('en')} floats, ${c.census.ints.toLocaleString('en')} ints, ` +
    `${c.census.bools.toLocaleString('en')} bools, ${c.census.nulls.toLocaleString('en')} nulls.`);
  lines.push('');
  const head = ['engine'];
  for (const op of ops) {
    head.push(op === 'decode' ? 'loads / parse ms' : op === 'encode' ? 'dumps(ensure_ascii=False) / stringify ms' : 'dumps() ms');
    head.push('× V8');
  }
  lines.push(`| ${head.join(' | ')} |`);
  lines.push(`|${head.map((_, i) => (i ? '---:' : '---')).join('|')}|`);
  for (const en of Object.keys(rep.engines)) {
    if (!res[en]) continue;
    const row = [ENGINE_LABEL[en] || en];
    for (const op of ops) {
      const v = res[en][op];
      let cell = v ? fmtMs(v.ms) : '—';
      if (v && c.kind === 'many') cell += ` (${((v.ms * 1000) / c.documents).toFixed(2)})`;
      row.push(cell);
      const v8op = op === 'encode_ascii' ? 'encode' : op;
      const base = res.v8 && res.v8[v8op];
      row.push(v && base && en !== 'v8' ? fmtR(v.ms / base.ms) : '');
    }
    lines.push(`| ${row.join(' | ')} |`);
  }
  const r = rep.ratios[cname];
  const cp = ops.map((op) => (r[op] && r[op]['hpy-node/cpython-ujson'] != null ? `${op} ${fmtR(r[op]['hpy-node/cpython-ujson'])}` : null)).filter(Boolean);
  if (cp.length) {
    lines.push('');
    lines.push(`hpy-node / CPython-ujson: ${cp.join(', ')}.`);
  }
  lines.push('');
  return lines.join('\n');
}

function profileSection(p) {
  const L = [];
  L.push('## Where the time goes');
  L.push('');
  if (!p) {
    L.push('No profile yet: run `node benchmarks/json/run.js --profile` (needs `perf`).');
    L.push('');
    return L.join('\n');
  }
  if (p.error) {
    L.push(`Profile unavailable: ${p.error}`);
    L.push('');
    return L.join('\n');
  }
  L.push(`\`${p.command}\` (${p.date.slice(0, 10)}; ${p.samples_note}). Self time by category ` +
    '(HPy context = hpy-node\'s native context functions `hn_*`/`js_*`; Node-API = `napi_*` and ' +
    'node\'s Node-API glue; JS = JIT-compiled JavaScript of lib/, named through `--perf-basic-prof`):');
  L.push('');
  for (const [name, prof] of Object.entries(p.profiles)) {
    L.push(`**${name}** — ${prof.title}`);
    L.push('');
    if (prof.summary) { L.push(prof.summary); L.push(''); }
    L.push('| category | self % |');
    L.push('|---|---:|');
    for (const [cat, share] of prof.categories) L.push(`| ${cat} | ${pct(share)} |`);
    L.push('');
    L.push('| top symbols (self %) | category |');
    L.push('|---|---|');
    for (const s of prof.top.slice(0, 14)) L.push(`| \`${s.sym.replace(/\|/g, '\\|')}\` ${pct(s.self)} | ${s.cat} |`);
    L.push('');
    if (prof.hpy_ctx && prof.hpy_ctx.length) {
      L.push(`HPy context functions (self %, incl. callees where perf could unwind): ${prof.hpy_ctx.slice(0, 10)
        .map((s) => `\`${s.sym}\` ${pct(s.self)}${s.children != null ? ` (${pct(s.children)})` : ''}`).join(', ')}.`);
      L.push('');
    }
    if (prof.napi && prof.napi.length) {
      L.push(`Node-API calls (self %, incl. callees): ${prof.napi.slice(0, 10)
        .map((s) => `\`${s.sym}\` ${pct(s.self)}${s.children != null ? ` (${pct(s.children)})` : ''}`).join(', ')}.`);
      L.push('');
    }
  }
  return L.join('\n');
}

function writeMarkdown(rep) {
  const L = [];
  const m = rep.machine;
  L.push('# JSON benchmark: examples/ujson under hpy-node vs V8 and CPython');
  L.push('');
  L.push('Written by `node benchmarks/json/run.js` (do not edit by hand). ' +
    `${rep.date.slice(0, 16).replace('T', ' ')} UTC; run took ${rep.elapsed_s} s.`);
  L.push('');
  L.push(`ms per call: ${rep.config.method.replace(/`/g, '')}; ${rep.config.rounds} rounds × ${rep.config.runs} runs. ` +
    'Node.js engines run in this process, a full GC before each batch; CPython engines run in one `python3` ' +
    'process on the same document text (GC left enabled, `gc.collect()` before each batch). ' +
    'hpy-node `dumps(ensure_ascii=False)` is compared with `JSON.stringify`; ujson also escapes `/` by default, as here.');
  L.push('');
  L.push('## Targets (1 MB API document)');
  L.push('');
  L.push('| source | target | measured | result |');
  L.push('|---|---|---:|---|');
  for (const t of rep.targets) {
    L.push(`| ${t.source} | ${t.text} (${t.strict ? '<' : '≤'} ${t.max}× ${t.den === 'v8' ? 'V8' : 'CPython ujson'}) | ` +
      `${t.ratio != null ? fmtR(t.ratio) : '—'} | ${t.status === 'pass' ? '**pass**' : t.status === 'miss' ? '**miss**' : `not measured: ${t.reason}`} |`);
  }
  L.push('');
  L.push('For reference, ANCHORS §5 measured on its own 1 MB document: V8 7.3 ms parse / 6.1 ms stringify; ' +
    'CPython 3.11 + ujson 5.13 16.8 / 9.6 ms (2.3× / 1.6× V8); the HPy ujson port on `hpy.universal` 20.0 / 11.9 ms. ' +
    'The ratios measured here on this run\'s document are in the tables below (`CPython + real ujson` row).');
  L.push('');
  L.push('## Engines');
  L.push('');
  for (const [en, e] of Object.entries(rep.engines)) {
    L.push(`- ${ENGINE_LABEL[en] || en}: ${e.available ? `${e.version}${e.python ? ` (Python ${e.python})` : ''}` : `**unavailable** — ${e.reason}`}`);
  }
  if (!rep.python.available) L.push(`- CPython side not run: ${rep.python.reason}`);

  const bad = Object.entries(rep.checks).filter(([, c]) => !c.ok);
  L.push(`- correctness checks before timing (decode equals JSON.parse / json.loads; encodings read back): ${bad.length ? `**FAILED**: ${bad.map(([n, c]) => `${n}: ${c.messages.join('; ')}`).join(' | ')}` : `all passed (${Object.keys(rep.checks).join(', ')})`}`);
  L.push('');
  L.push('## Results');
  L.push('');
  for (const cname of Object.keys(rep.results)) L.push(caseTable(rep, cname));
  L.push('![chart](results.svg)');
  L.push('');
  L.push(profileSection(rep.profile));
  L.push('## Machine');
  L.push('');
  L.push(`- CPU: ${m.cpu}, ${m.cpus} logical CPUs (shared), ${m.mem_gb} GB RAM; load average at start ${m.loadavg.join(' ')}${m.loadavg_end ? `, at end ${m.loadavg_end.join(' ')}` : ''}`);
  L.push(`- ${m.os}; Node.js ${m.node} (V8 ${m.v8}); hpy-node ${m.hpy_node}`);
  if (rep.python.available) L.push(`- CPython ${rep.python.version} (\`${rep.python.executable}\`)`);
  L.push(`- date: ${rep.date}`);
  L.push('');
  return L.join('\n');
}

module.exports = { writeMarkdown, ENGINE_LABEL };
