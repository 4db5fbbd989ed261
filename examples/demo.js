'use strict';
// `npx hpy-node demo`: builds the bundled example extension with the system compiler, loads it
// into this Node process and shows it working.
const path = require('path');
const os = require('os');
const hpy = require('..');

function main() {
  const out = path.join(os.tmpdir(), `hpy-node-demo-${process.pid}`, 'hello.hpy0.so');
  const src = path.join(__dirname, 'hello', 'hello.c');
  console.log(`building ${path.relative(process.cwd(), src)} against ${hpy.include}`);
  hpy.buildExtension({ sources: [src], output: out });
  const hello = hpy.load(out);
  console.log(`loaded module '${hello.__name__}': ${hello.__doc__}`);
  console.log(`  functions: ${Object.keys(hello).join(', ')}`);
  console.log(`  hello.version()                        -> ${hello.version()}`);
  console.log(`  hello.square(12)                       -> ${hello.square(12)}`);
  console.log(`  hello.divide(1, 8)                     -> ${hello.divide(1, 8)}`);
  console.log(`  hello.greet('Node', kw({greeting:'Hi'})) -> ${hello.greet('Node', hpy.kw({ greeting: 'Hi' }))}`);
  try {
    hello.divide(1, 0);
  } catch (e) {
    console.log(`  hello.divide(1, 0)                     -> threw ${e.name}: ${e.message}`);
  }
  return 0;
}

module.exports = { main };
if (require.main === module) process.exitCode = main();
