'use strict';
// Timing helpers for the Node.js columns (the Python driver does the same).

const fs = require('fs');

const now = () => process.hrtime.bigint();
const tick = () => new Promise((resolve) => setImmediate(resolve));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

function timeOnce(loop, n) {
  const t0 = now();
  loop(n);
  return Number(now() - t0);
}

// Pick N so one run lasts about targetMs, then take `runs` runs of N
// iterations; ns/op = run time / N.  An event-loop turn between runs lets
// finalizers and GC bookkeeping happen outside the timed region.
async function timeOp(loop, targetMs, runs) {
  const target = targetMs * 1e6;
  let n = 1;
  let t = timeOnce(loop, n);
  while (t < target / 4 && n < 1e9) {
    const grow = t <= 0 ? 100 : Math.min(100, Math.max(2, Math.ceil(target / 4 / t)));
    n *= grow;
    t = timeOnce(loop, n);
  }
  if (n === 1 && t > 200e6) runs = Math.min(runs, 3); // one call takes > 200 ms
  n = Math.max(1, Math.round((n * target) / Math.max(t, 1)));
  await tick();
  timeOnce(loop, n); // warm-up at the final size
  const samples = [];
  for (let r = 0; r < runs; r++) {
    await tick();
    samples.push(timeOnce(loop, n) / n);
  }
  return { n, runs: samples.length, min: Math.min(...samples), median: median(samples), samples };
}

function readStatus() {
  const txt = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = (key) => {
    const m = txt.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : NaN;
  };
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

function resetPeak() {
  try { fs.writeFileSync('/proc/self/clear_refs', '5'); return true; } catch { return false; }
}

// One call per run.  RSS growth = peak RSS during the call (VmHWM, reset
// before the call through /proc/self/clear_refs) minus RSS before it; if the
// peak cannot be reset, RSS after minus RSS before.
async function timeRss(loop, runs, check) {
  const samples = [];
  const growth = [];
  let peakMethod = 'VmHWM';
  for (let r = 0; r < runs; r++) {
    await tick();
    const canReset = resetPeak();
    if (!canReset) peakMethod = 'VmRSS after';
    const before = readStatus();
    const t0 = now();
    const result = loop(1);
    const dt = Number(now() - t0);
    const after = readStatus();
    const bad = check(result);
    if (bad) throw new Error(`wrong result: ${bad}`);
    samples.push(dt);
    growth.push(((canReset ? after.hwm : after.rss) - before.rss) / 1024);
    if (dt > 5e9) break; // a slow implementation: one run is enough
  }
  return {
    n: 1, runs: samples.length, min: Math.min(...samples), median: median(samples), samples,
    rss_mb: Math.max(...growth), rss_samples_mb: growth, rss_method: peakMethod,
  };
}

module.exports = { timeOp, timeRss, median };
