'use strict';
// Builds the C test extensions (test/ext/*.c) and examples on demand, rebuilding only when a
// source, a header or the helper runtime changed.
const fs = require('fs');
const path = require('path');
const hpy = require('..');

const ROOT = path.resolve(__dirname, '..');
// HPY_TEST_INCLUDE=<dir> HPY_TEST_RUNTIME=<dir> build the test extensions against other HPy
// headers and helper runtime (e.g. HPy's official ones) to check binary compatibility.
const OTHER_INCLUDE = process.env.HPY_TEST_INCLUDE;
const OTHER_RUNTIME = process.env.HPY_TEST_RUNTIME;
const BUILD = path.join(__dirname, 'ext', OTHER_INCLUDE ? 'build-other' : 'build');

function newestMtime(files) {
  return Math.max(...files.map((f) => fs.statSync(f).mtimeMs));
}

function headerFiles(dir = hpy.include) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...headerFiles(p));
    else if (/\.(h|c)$/.test(e.name)) out.push(p);
  }
  return out;
}

function buildWithOther(sources, output, cflags) {
  const { execFileSync } = require('child_process');
  const runtime = fs.readdirSync(OTHER_RUNTIME).filter((f) => /^(argparse|buildvalue|format|helpers|structseq)\.c$/.test(f));
  fs.mkdirSync(path.dirname(output), { recursive: true });
  execFileSync('cc', ['-shared', '-fPIC', '-O2', '-DHPY_ABI_UNIVERSAL', '-I', OTHER_INCLUDE, ...cflags, ...sources,
    ...runtime.map((f) => path.join(OTHER_RUNTIME, f)), '-o', output, '-lm'], { stdio: 'inherit' });
}

function buildIfStale(sources, output, cflags = []) {
  const deps = [...sources, ...headerFiles()];
  if (!fs.existsSync(output) || fs.statSync(output).mtimeMs < newestMtime(deps)) {
    if (OTHER_INCLUDE) buildWithOther(sources, output, cflags);
    else hpy.buildExtension({ sources, output, cflags });
  }
  return output;
}

/** Path of test/ext/NAME.c built as NAME.hpy0.so. */
function buildTestExt(name, cflags = []) {
  return buildIfStale([path.join(__dirname, 'ext', `${name}.c`)], path.join(BUILD, `${name}.hpy0.so`), cflags);
}

function loadTestExt(name) {
  return hpy.load(buildTestExt(name));
}

/** The example extension examples/NAME (all its .c files). */
function buildExample(name) {
  const dir = path.join(ROOT, 'examples', name);
  const sources = fs.readdirSync(dir).filter((f) => /\.(c|cc|cpp)$/.test(f)).map((f) => path.join(dir, f));
  return buildIfStale(sources, path.join(BUILD, `${name}.hpy0.so`));
}

function loadExample(name) {
  return hpy.load(buildExample(name));
}

module.exports = { buildTestExt, loadTestExt, buildExample, loadExample, BUILD, ROOT };
