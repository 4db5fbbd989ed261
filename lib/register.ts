// require('hpy-node/register') lets require() load HPy extensions: require('./m.hpy0.so').
import { load } from './loader';

const previous = require.extensions['.so'];
require.extensions['.so'] = function (module: NodeJS.Module, filename: string) {
  if (/\.hpy\d*\.so$/.test(filename)) {
    module.exports = load(filename);
    return;
  }
  if (previous) return previous(module, filename);
  throw new Error(`hpy-node/register: ${filename} is not an HPy extension (expected NAME.hpy0.so)`);
};
