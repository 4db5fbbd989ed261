'use strict';
// The published declarations (dist/lib/*.d.ts) type-check a strict TypeScript user of the package.
const assert = require('assert');
const path = require('path');
const { execFileSync } = require('child_process');

describe('TypeScript declarations', () => {
  it('a strict TypeScript program using the public API compiles', function () {
    this.timeout(60000);
    const tsc = path.join(__dirname, '..', 'node_modules', 'typescript', 'bin', 'tsc');
    const file = path.join(__dirname, 'ts', 'usage.ts');
    let out = '';
    try {
      execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'commonjs', '--target', 'es2022',
        '--moduleResolution', 'node', '--types', 'node', file], { encoding: 'utf8' });
    } catch (e) {
      out = `${e.stdout}${e.stderr}`;
    }
    assert.strictEqual(out, '');
  });
});
