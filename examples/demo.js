'use strict';
// `npx hpy-node demo`: builds the bundled ujson-style extension (examples/ujson, C against the
// HPy API) with the system compiler, loads it into this Node process, and shows a round trip
// and its speed next to V8's JSON.
const fs = require('fs');
const os = require('os');
const path = require('path');
const hpy = require('..');

function sampleDocument(n) {
  const items = [];
  for (let i = 0; i < n; i++) {
    items.push({
      id: i,
      name: `user ${i} — ünïcødé ✓`,
      tags: ['alpha', 'beta', `tag${i % 7}`],
      score: i * 1.25 + 0.1,
      active: i % 2 === 0,
      big: 2n ** 64n + BigInt(i),
      meta: { parent: i > 0 ? i - 1 : null, path: `/items/${i}`, emoji: '😀' },
    });
  }
  return { version: 1, items };
}

function bestOf(fn, rounds = 15) {
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return best;
}

function main() {
  const dir = path.join(os.tmpdir(), `hpy-node-demo-${process.pid}`);
  const src = path.join(__dirname, 'ujson');
  const sources = fs.readdirSync(src).filter((f) => f.endsWith('.c')).map((f) => path.join(src, f));
  console.log(`building examples/ujson (${sources.length} C files) against ${hpy.include}`);
  const so = hpy.buildExtension({ sources, output: path.join(dir, 'ujson.hpy0.so') });
  const ujson = hpy.load(so);
  console.log(`loaded module '${ujson.__name__}' ${ujson.__version__ ?? ''}: ${Object.keys(ujson).filter((k) => typeof ujson[k] === 'function').join(', ')}`);

  const small = { name: 'hpy-node', list: [1, 2.5, 'x', null, true], big: 2n ** 70n, nested: JSON.parse('{"__proto__": "a plain key"}') };
  const text = ujson.dumps(small, hpy.kw({ sort_keys: true }));
  console.log(`\nujson.dumps(obj, kw({sort_keys: true})) -> ${text}`);
  const back = ujson.loads(text);
  console.log(`ujson.loads(text).big === 2n ** 70n     -> ${back.big === 2n ** 70n}`);
  console.log(`own "__proto__" key survives            -> ${Object.prototype.hasOwnProperty.call(back.nested, '__proto__')}`);
  try {
    ujson.loads('{"a": [1, 2,');
  } catch (e) {
    console.log(`ujson.loads('{"a": [1, 2,')            -> ${e.name}: ${e.message}`);
  }

  const doc = sampleDocument(4000);
  const docText = ujson.dumps(doc, hpy.kw({ ensure_ascii: false }));
  const plain = JSON.parse(docText);
  const mb = (Buffer.byteLength(docText) / 2 ** 20).toFixed(2);
  const tLoads = bestOf(() => ujson.loads(docText));
  const tParse = bestOf(() => JSON.parse(docText));
  const tDumps = bestOf(() => ujson.dumps(plain, hpy.kw({ ensure_ascii: false })));
  const tStringify = bestOf(() => JSON.stringify(plain));
  console.log(`\non a ${mb} MB document (best of 15):`);
  console.log(`  ujson.loads ${tLoads.toFixed(2)} ms   JSON.parse     ${tParse.toFixed(2)} ms   ratio ${(tLoads / tParse).toFixed(2)}`);
  console.log(`  ujson.dumps ${tDumps.toFixed(2)} ms   JSON.stringify ${tStringify.toFixed(2)} ms   ratio ${(tDumps / tStringify).toFixed(2)}`);
  fs.rmSync(dir, { recursive: true, force: true });
  return 0;
}

module.exports = { main };
if (require.main === module) process.exitCode = main();
