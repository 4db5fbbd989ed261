'use strict';
// results.svg for the JSON benchmark: one panel per document, in each panel one group of
// horizontal bars per operation (decode, encode, encode with ensure_ascii), one bar per engine,
// ms per call on a linear scale (each panel its own), labelled with the value and the ratio to V8.
// Hand-written SVG, no dependencies.

const COLORS = {
  v8: '#1c7ed6',
  'hpy-node': '#d9480f',
  'cpython-ujson': '#2b8a3e',
  'cpython-json': '#94d82d',
  'hpy-universal': '#9c36b5',
};
const NAMES = {
  v8: 'V8 JSON',
  'hpy-node': 'hpy-node + ujson ext',
  'cpython-ujson': 'CPython + ujson',
  'cpython-json': 'CPython json',
  'hpy-universal': 'ujson ext on hpy.universal',
};
const OP_NAMES = {
  decode: 'decode: loads / JSON.parse',
  encode: 'encode: dumps(ensure_ascii=False) / JSON.stringify',
  encode_ascii: 'encode: dumps() with the default ensure_ascii=True (ratio to JSON.stringify)',
};

function esc(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
const fmtMs = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function niceStep(max, n = 5) {
  const raw = max / n;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function renderSvg(rep) {
  const W = 980;
  const left = 200;
  const right = 150;
  const plotW = W - left - right;
  const barH = 13;
  const barGap = 3;
  const opHead = 20;
  const groupGap = 10;
  const engines = Object.keys(rep.engines).filter((e) => rep.engines[e].available !== false);
  const ops = Object.keys(rep.ops);
  const out = [];
  let y = 0;

  // title and legend
  const head = [];
  head.push(`<text x="20" y="28" class="title">JSON: examples/ujson under hpy-node vs V8 and CPython — ms per call (lower is better)</text>`);
  head.push(`<text x="20" y="48" class="sub">${esc(`${rep.machine.cpu}, Node.js ${rep.machine.node}` +
    `${rep.python.available ? `, CPython ${rep.python.version}` : ''}; best of ${rep.config.rounds} rounds of min-of-${rep.config.runs}; ${rep.date.slice(0, 10)}`)}</text>`);
  let lx = 20;
  for (const e of engines) {
    head.push(`<rect x="${lx}" y="60" width="12" height="12" fill="${COLORS[e] || '#888'}"/>`);
    head.push(`<text x="${lx + 17}" y="70.5" class="legend">${esc(NAMES[e] || e)}</text>`);
    lx += 34 + (NAMES[e] || e).length * 6.6;
  }
  const missing = Object.keys(rep.engines).filter((e) => rep.engines[e].available === false);
  if (missing.length) {
    head.push(`<text x="20" y="92" class="sub">not measured: ${esc(missing.map((e) => `${NAMES[e] || e} (${rep.engines[e].reason})`).join('; ').slice(0, 150))}</text>`);
  }
  out.push(...head);
  y = missing.length ? 110 : 95;

  for (const cname of Object.keys(rep.results)) {
    const c = rep.cases[cname];
    const res = rep.results[cname];
    // rows of this panel
    const groups = [];
    let maxV = 0;
    for (const op of ops) {
      const bars = [];
      for (const e of engines) {
        const v = res[e] && res[e][op];
        if (v && v.ms != null) { bars.push({ e, ms: v.ms }); maxV = Math.max(maxV, v.ms); }
      }
      if (bars.length) groups.push({ op, bars });
    }
    if (!groups.length) continue;
    const step = niceStep(maxV);
    const axisMax = Math.ceil(maxV / step) * step;
    const x = (v) => left + (v / axisMax) * plotW;
    const panelTop = y + 30;
    let h = 0;
    for (const g of groups) h += opHead + g.bars.length * (barH + barGap) + groupGap;

    out.push(`<text x="20" y="${y + 18}" class="panel">${esc(c.label)}` +
      `<tspan class="sub" dx="8">— ${esc(c.kind === 'many' ? `${c.documents.toLocaleString('en')} documents, ${(c.bytes / c.documents).toFixed(0)} bytes each on average; ms for all of them` : `${(c.bytes / 1e6).toFixed(2)} MB UTF-8`)}</tspan></text>`);
    // grid
    for (let t = 0; t <= axisMax + 1e-9; t += step) {
      const gx = x(t);
      out.push(`<line x1="${gx.toFixed(1)}" y1="${panelTop - 4}" x2="${gx.toFixed(1)}" y2="${panelTop + h - groupGap + 2}" class="grid"/>`);
      out.push(`<text x="${gx.toFixed(1)}" y="${panelTop + h - groupGap + 15}" class="tick" text-anchor="middle">${+t.toPrecision(4)}</text>`);
    }
    out.push(`<text x="${left + plotW}" y="${panelTop + h - groupGap + 28}" class="tick" text-anchor="end">ms</text>`);
    let gy = panelTop;
    for (const g of groups) {
      out.push(`<text x="${left}" y="${gy + 13}" class="op">${esc(OP_NAMES[g.op] || g.op)}</text>`);
      gy += opHead;
      const v8op = g.op === 'encode_ascii' ? 'encode' : g.op;
      const base = res.v8 && res.v8[v8op] ? res.v8[v8op].ms : null;
      for (const b of g.bars) {
        const w = Math.max(1, x(b.ms) - left);
        out.push(`<text x="${left - 8}" y="${gy + barH - 2.5}" class="eng" text-anchor="end">${esc(NAMES[b.e] || b.e)}</text>`);
        out.push(`<rect x="${left}" y="${gy}" width="${w.toFixed(1)}" height="${barH}" fill="${COLORS[b.e] || '#888'}"><title>${esc(`${NAMES[b.e] || b.e}, ${g.op}: ${fmtMs(b.ms)} ms`)}</title></rect>`);
        const ratio = base && b.e !== 'v8' ? ` · ${(b.ms / base).toFixed(2)}× V8` : '';
        out.push(`<text x="${(left + w + 5).toFixed(1)}" y="${gy + barH - 2.5}" class="val">${fmtMs(b.ms)} ms${ratio}</text>`);
        gy += barH + barGap;
      }
      gy += groupGap;
    }
    y = panelTop + h + 30;
  }
  const H = Math.ceil(y + 10);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">`,
    '<style>',
    '.title{font-size:17px;font-weight:bold;fill:#212529}.sub{font-size:12px;fill:#495057;font-weight:normal}',
    '.legend{font-size:12.5px;fill:#212529}.panel{font-size:15px;font-weight:bold;fill:#212529}',
    '.op{font-size:12.5px;font-weight:bold;fill:#343a40}.eng{font-size:11.5px;fill:#343a40}',
    '.val{font-size:11.5px;fill:#212529}.tick{font-size:10.5px;fill:#868e96}.grid{stroke:#e9ecef;stroke-width:1}',
    '</style>',
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}

module.exports = { renderSvg };
