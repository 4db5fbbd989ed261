'use strict';
// Assertions shared by the specs: a call raises an exception of a class, with a message.
const assert = require('assert');

/** fn() throws an instance of Cls; msg (string: exact, RegExp: match) checks its message. */
function raises(fn, Cls, msg) {
  let err;
  try { fn(); } catch (e) { err = e; }
  assert.ok(err, 'expected an exception');
  assert.ok(err instanceof Cls, `expected ${Cls.name}, got ${err && err.name}: ${err && err.message}`);
  if (msg !== undefined) {
    if (msg instanceof RegExp) assert.match(err.message, msg); else assert.strictEqual(err.message, msg);
  }
  return err;
}

/** fn() throws the Python exception class cls (and .name says so); re matches its message. */
function throwsPy(fn, cls, re) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof cls, `expected ${cls.name}, got ${e && e.name}: ${e && e.message}`);
    assert.strictEqual(e.name, cls.name);
    if (re) assert.match(e.message, re);
    return true;
  });
}

module.exports = { raises, throwsPy };
