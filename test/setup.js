'use strict';
// Mocha root hook: make sure the package is built before any spec runs.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
for (const f of ['build/Release/hpy_node.node', 'dist/lib/index.js']) {
  if (!fs.existsSync(path.join(root, f))) {
    throw new Error(`hpy-node is not built (${f} missing): run npm install or npm run build`);
  }
}
