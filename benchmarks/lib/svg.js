'use strict';
// Hand-written SVG chart of the micro-benchmark results (no dependencies).
// Panel 1: ns per operation, one row per operation, one bar per column, on a
//          log scale.
// Panel 2: hpy-node's ratio to its target's baseline column, with the target
//          marked, for the operations that have a target; the same ratio for
//          HPy on CPython is drawn as a thin reference bar.

const COLORS = {
  'hpy-node': '#d9480f',
  napi: '#1c7ed6',
  cpython: '#2b8a3e',
  'hpy-universal': '#9c36b5',
};

function esc(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fmtNs(ns) {
  if (ns >= 1e9) return `${+(ns / 1e9).toPrecision(3)} s`;
  if (ns >= 1e6) return `${+(ns / 1e6).toPrecision(3)} ms`;
  if (ns >= 1e3) return `${+(ns / 1e3).toPrecision(3)} µs`;
  return `${+ns.toPrecision(3)} ns`;
}

function fmtRatio(r) { return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`; }

function decadeRange(values, padLow = 0, padHigh = 0) {
  const vs = values.filter((v) => v > 0 && Number.isFinite(v));
  if (!vs.length) return [0, 1];
  let lo = Math.floor(Math.log10(Math.min(...vs))) - padLow;
  let hi = Math.ceil(Math.log10(Math.max(...vs))) + padHigh;
  if (hi <= lo) hi = lo + 1;
  return [lo, hi];
}

function renderChart(report) {
  const cols = Object.keys(report.columns);
  const rows = Object.values(report.ops).filter((r) => r.group !== 'baseline');
  // value drawn for a row/column: ns per op (per handle for the RSS row)
  const valueOf = (row, id) => {
    const v = row.values[id];
    if (!v || v.min == null) return null;
    return v.per_handle_min != null ? v.per_handle_min : v.min;
  };
  const labelOf = (row) => (row.values && Object.values(row.values).some((v) => v && v.per_handle_min != null)
    ? `${row.label} (per handle)` : row.label) + (row.core ? ' ★' : '');

  const W = 1100;
  const left = 330;
  const right = 90;
  const plotW = W - left - right;
  const barH = 5;
  const barGap = 1;
  const groupGap = 7;
  const nCols = cols.length;
  const groupH = nCols * (barH + barGap) + groupGap;
  const top1 = 78;
  const h1 = rows.length * groupH;

  const all = [];
  for (const r of rows) for (const c of cols) { const v = valueOf(r, c); if (v) all.push(v); }
  const [lo, hi] = decadeRange(all);
  const x = (v) => left + ((Math.log10(v) - lo) / (hi - lo)) * plotW;

  const targetRows = Object.values(report.ops).filter((r) => r.target && r.target.max != null);
  const top2 = top1 + h1 + 90;
  const tRowH = 22;
  const h2 = targetRows.length * tRowH;
  const H = top2 + h2 + 60;

  const ratios = [];
  for (const r of targetRows) {
    ratios.push(r.target.max);
    if (r.target.ratio) ratios.push(r.target.ratio);
    if (r.target.hpy_universal_ratio) ratios.push(r.target.hpy_universal_ratio);
  }
  let [rlo, rhi] = decadeRange(ratios.concat([0.5, 2]));
  rlo = Math.min(rlo, -1);
  const xr = (v) => left + ((Math.log10(v) - rlo) / (rhi - rlo)) * plotW;

  const o = [];
  o.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="11">`);
  o.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  o.push(`<text x="${W / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">hpy-node micro-benchmarks: ns per operation (log scale, min of runs; lower is better)</text>`);
  const m = report.machine || {};
  o.push(`<text x="${W / 2}" y="42" text-anchor="middle" fill="#555">${esc(`${report.date.slice(0, 10)} · ${m.cpu || ''} × ${m.cpus || '?'} · Node ${m.node || '?'} · ${m.python || 'no CPython'}${m.hpy_universal ? ' · HPy ' + m.hpy_universal : ''} · ★ = ANCHORS.md table 1`)}</text>`);

  // legend
  let lx = left;
  for (const c of cols) {
    const col = report.columns[c];
    const txt = `${col.label}${col.available ? '' : ' (unavailable)'}`;
    o.push(`<rect x="${lx}" y="54" width="12" height="10" fill="${COLORS[c] || '#888'}"${col.available ? '' : ' fill-opacity="0.3"'}/>`);
    o.push(`<text x="${lx + 16}" y="63">${esc(txt)}</text>`);
    lx += 22 + txt.length * 6.2;
  }

  // panel 1 grid
  for (let d = lo; d <= hi; d++) {
    const gx = x(10 ** d);
    o.push(`<line x1="${gx.toFixed(1)}" y1="${top1 - 4}" x2="${gx.toFixed(1)}" y2="${top1 + h1}" stroke="#ddd"/>`);
    o.push(`<text x="${gx.toFixed(1)}" y="${top1 + h1 + 14}" text-anchor="middle" fill="#555">${esc(fmtNs(10 ** d))}</text>`);
  }
  rows.forEach((r, i) => {
    const gy = top1 + i * groupH;
    if (i % 2 === 0) o.push(`<rect x="0" y="${gy - 2}" width="${W}" height="${groupH - groupGap + 4}" fill="#f6f7f9"/>`);
    o.push(`<text x="${left - 8}" y="${gy + (nCols * (barH + barGap)) / 2 + 4}" text-anchor="end"${r.core ? ' font-weight="bold"' : ''}>${esc(labelOf(r))}</text>`);
    cols.forEach((c, j) => {
      const v = valueOf(r, c);
      const by = gy + j * (barH + barGap);
      if (v == null) return;
      const w = Math.max(1, x(v) - left);
      o.push(`<rect x="${left}" y="${by}" width="${w.toFixed(1)}" height="${barH}" fill="${COLORS[c] || '#888'}"><title>${esc(`${r.label} — ${report.columns[c].label}: ${fmtNs(v)}`)}</title></rect>`);
    });
    // value of the hpy-node bar (or the first present) at the right
    const shown = cols.map((c) => [c, valueOf(r, c)]).filter(([, v]) => v != null);
    if (shown.length) {
      const [c, v] = shown.find(([id]) => id === 'hpy-node') || shown[0];
      o.push(`<text x="${W - right + 6}" y="${gy + 9}" fill="${COLORS[c]}">${esc(fmtNs(v))}</text>`);
    }
  });
  o.push(`<line x1="${left}" y1="${top1 - 4}" x2="${left}" y2="${top1 + h1}" stroke="#333"/>`);

  // panel 2: targets
  o.push(`<text x="${W / 2}" y="${top2 - 44}" text-anchor="middle" font-size="14" font-weight="bold">hpy-node ÷ target baseline (log scale; black tick = target, left of it = pass)</text>`);
  o.push(`<text x="${W / 2}" y="${top2 - 28}" text-anchor="middle" fill="#555">thick bar: hpy-node (green pass, red miss); thin purple bar: HPy on CPython against the same baseline, for reference</text>`);
  for (let d = rlo; d <= rhi; d++) {
    for (const k of [1, 2, 5]) {
      const v = k * 10 ** d;
      if (Math.log10(v) > rhi) continue;
      const gx = xr(v);
      o.push(`<line x1="${gx.toFixed(1)}" y1="${top2 - 6}" x2="${gx.toFixed(1)}" y2="${top2 + h2}" stroke="${k === 1 ? '#ccc' : '#eee'}"/>`);
      o.push(`<text x="${gx.toFixed(1)}" y="${top2 + h2 + 14}" text-anchor="middle" fill="#555">${esc(fmtRatio(v))}</text>`);
    }
  }
  targetRows.forEach((r, i) => {
    const gy = top2 + i * tRowH;
    const t = r.target;
    const base = report.columns[t.vs] ? report.columns[t.vs].label : t.vs;
    o.push(`<text x="${left - 8}" y="${gy + 12}" text-anchor="end">${esc(`${r.short || r.label} (vs ${base})`)}</text>`);
    if (t.ratio != null) {
      const color = t.status === 'pass' ? '#2f9e44' : '#e03131';
      o.push(`<rect x="${left}" y="${gy + 2}" width="${Math.max(1, xr(t.ratio) - left).toFixed(1)}" height="10" fill="${color}"><title>${esc(`hpy-node: ${fmtRatio(t.ratio)} (target ${t.text})`)}</title></rect>`);
      o.push(`<text x="${W - right + 6}" y="${gy + 11}" fill="${color}">${esc(`${fmtRatio(t.ratio)} ${t.status}`)}</text>`);
    } else {
      o.push(`<text x="${W - right + 6}" y="${gy + 11}" fill="#999">n/a</text>`);
    }
    if (t.hpy_universal_ratio != null) {
      o.push(`<rect x="${left}" y="${gy + 14}" width="${Math.max(1, xr(t.hpy_universal_ratio) - left).toFixed(1)}" height="3" fill="${COLORS['hpy-universal']}"><title>${esc(`HPy on CPython: ${fmtRatio(t.hpy_universal_ratio)}`)}</title></rect>`);
    }
    const tx = xr(t.max);
    o.push(`<line x1="${tx.toFixed(1)}" y1="${gy}" x2="${tx.toFixed(1)}" y2="${gy + 19}" stroke="#000" stroke-width="2"><title>${esc(t.text)}</title></line>`);
  });
  o.push(`<line x1="${left}" y1="${top2 - 6}" x2="${left}" y2="${top2 + h2}" stroke="#333"/>`);
  if (!report.columns['hpy-node'].available) {
    const why = String(report.columns['hpy-node'].reason || '').split('\n')[0];
    o.push(`<text x="${W / 2}" y="${top2 - 12}" text-anchor="middle" font-size="12" fill="#e03131">${esc('hpy-node column unavailable: ' + (why.length > 110 ? why.slice(0, 107) + '...' : why))}</text>`);
  }
  o.push('</svg>');
  return o.join('\n') + '\n';
}

module.exports = { renderChart, fmtNs };
