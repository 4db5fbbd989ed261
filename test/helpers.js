'use strict';
// Builds the C test extensions (test/ext/*.c) and examples on demand, rebuilding only when a
// source, a header or the helper runtime changed.
const fs = require('fs');
const path = require('path');
const hpy = require('..');

const ROOT = path.resolve(__dirname, '..');
const BUILD = path.join(__dirname, 'ext', 'build');

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

function buildIfStale(sources, output, cflags) {
  const deps = [...sources, ...headerFiles()];
  if (!fs.existsSync(output) || fs.statSync(output).mtimeMs < newestMtime(deps)) {
    hpy.buildExtension({ sources, output, cflags });
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
