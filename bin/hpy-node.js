#!/usr/bin/env node
'use strict';
// hpy-node command line: `build` compiles an extension, `demo` builds and runs the example.
const path = require('path');

const USAGE = `usage:
  hpy-node build <source.c|.cc> [more sources] -o NAME.hpy0.so [-- extra compiler flags]
  hpy-node demo          build and run the bundled example extension
  hpy-node include       print the include directory for other build systems`;

function main(argv) {
  const [cmd, ...rest] = argv;
  if (cmd === 'build') return build(rest);
  if (cmd === 'demo') return require('../examples/demo.js').main();
  if (cmd === 'include') return console.log(require('..').include);
  console.error(USAGE);
  return cmd === undefined || cmd === '-h' || cmd === '--help' ? 0 : 2;
}

function build(args) {
  const sources = [];
  const cflags = [];
  let output;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o') output = args[++i];
    else if (a === '--') { cflags.push(...args.slice(i + 1)); break; }
    else if (a === '-v') continue;
    else sources.push(a);
  }
  if (!sources.length || !output) {
    console.error(USAGE);
    return 2;
  }
  const out = require('..').buildExtension({ sources, output, cflags, verbose: args.includes('-v') });
  console.log(`built ${path.relative(process.cwd(), out) || out}`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2)) ?? 0;
} catch (e) {
  console.error(e.message);
  process.exitCode = 1;
}
