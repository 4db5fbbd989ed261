'use strict';
// The operations of the micro-benchmark suite: what each one measures, its
// target (ANCHORS.md section 4), and the JS loop that times it in the two
// Node.js columns.  The Python twin of the loops is in ../cpython/driver.py;
// both must keep the same names, data and expected results.

// Shared test data (the Python driver defines the same values).
const STR = 'naïve café — Zürich, 東京 😀 hpy-node ✓ ünïcödé 🎉 end';
const LIST_N = 1000;
const DICT_N = 100;

// Targets: `vs` is the column the hpy-node figure is divided by.
const T_CALL = { vs: 'napi', max: 1.2, text: '≤ 1.2× Node-API' };
const T_CONT = { vs: 'cpython', max: 1.0, text: '≤ 1.0× CPython' };
const T_TUPLE = { vs: 'cpython', max: 3.0, text: '≤ 3× CPython' };
const T_INST = { vs: 'cpython', max: 5.0, text: '≤ 5× CPython' };
const T_CB = { vs: 'napi', max: 1.2, text: '≤ 1.2× Node-API' };
// Issue 6's own targets, reported where ANCHORS.md sets none for an operation (its targets stand
// where both do): call conventions and primitive conversions ≤ 1.2× Node-API and ≤ 1.0× CPython,
// everything else ≤ 1.5× Node-API.
const I_CALL = [T_CALL, { vs: 'cpython', max: 1.0, text: '≤ 1.0× CPython' }];
const I_CPY = [I_CALL[1]];
const I_OTHER = [{ vs: 'napi', max: 1.5, text: '≤ 1.5× Node-API' }];

// group: for the report; core: one of the 13 operations of ANCHORS.md table 1;
// unit: what one "op" is; kind 'rss': one call, reports RSS growth in MB; why: the item of
// analysis.md that explains its cost; issue: issue 6's targets not set by ANCHORS.md.
const OPS = [
  { name: 'empty_loop', label: '(empty host loop, baseline)', group: 'baseline', unit: 'iteration' },
  { name: 'noop', short: 'noop()', label: 'noop()', group: 'calls', core: true, target: T_CALL, unit: 'call', why: 'Calls', issue: I_CPY },
  { name: 'onearg', label: 'onearg(x)', group: 'calls', unit: 'call', why: 'Calls', issue: I_CALL },
  { name: 'varargs', label: 'varargs(a, b, c)', group: 'calls', unit: 'call', why: 'Calls', issue: I_CALL },
  { name: 'keywords', label: 'keywords(1, b=2, c=3)', group: 'calls', unit: 'call', why: '`keywords`', issue: I_CALL },
  { name: 'ret_int', label: 'ret_int() → int', group: 'calls', unit: 'call', why: 'Calls', issue: I_CALL },
  { name: 'ret_float', label: 'ret_float() → float', group: 'calls', unit: 'call', why: 'Calls', issue: I_CALL },
  { name: 'ret_str', label: 'ret_str() → new str', group: 'calls', unit: 'call', why: 'Calls', issue: I_CALL },
  { name: 'identity', short: 'identity(x)', label: 'identity(x)', group: 'calls', core: true, target: T_CALL, unit: 'call', why: 'Calls', issue: I_CPY },
  { name: 'add_ints', short: 'add(a, b) ints', label: 'add(a, b) small ints (AsLong/FromLong)', group: 'primitives', core: true, target: T_CALL, unit: 'call', why: 'Calls', issue: I_CPY },
  { name: 'add_floats', short: 'add(a, b) floats', label: 'add(a, b) floats (HPyFloat)', group: 'primitives', core: true, target: T_CALL, unit: 'call', why: 'Calls', issue: I_CPY },
  { name: 'str_len', short: 'len(s)', label: 'len(s) in code points', group: 'primitives', core: true, target: T_CALL, unit: 'call', why: '`len(s)` and UTF-8 length', issue: I_CPY },
  { name: 'utf8_len', short: 'UTF-8 length', label: 'UTF-8 byte length of a str', group: 'primitives', core: true, target: T_CALL, unit: 'call', why: '`len(s)` and UTF-8 length', issue: I_CPY },
  { name: 'make_tuple', short: 'make 3-tuple', label: 'make a 3-tuple', group: 'containers', core: true, target: T_TUPLE, unit: 'call', why: 'Tuples' },
  { name: 'tuple_index', label: 't[2] of a 3-tuple', group: 'containers', unit: 'call', why: 'Lists and dicts read from C', issue: I_OTHER },
  { name: 'sum_list', short: 'sum list of 1000', label: 'sum a list of 1000 ints', group: 'containers', core: true, target: T_CONT, unit: 'call', why: 'Lists and dicts read from C' },
  { name: 'build_list', short: 'build list of 1000', label: 'build a list of 1000 ints', group: 'containers', core: true, target: T_CONT, unit: 'call', why: 'Lists and dicts built in C' },
  { name: 'build_dict', short: 'build dict of 100', label: 'build a dict of 100 str keys (C-string keys)', group: 'containers', core: true, target: T_CONT, unit: 'call', why: 'Lists and dicts built in C' },
  { name: 'dict_get', short: 'get 100 dict keys', label: 'get 100 keys from a dict (C-string keys)', group: 'containers', core: true, target: T_CONT, unit: 'call', why: 'Lists and dicts read from C' },
  { name: 'build_dict_obj', label: 'build a dict from a list of 100 str keys', group: 'containers', unit: 'call', why: 'Lists and dicts built in C', issue: I_OTHER },
  { name: 'dict_get_obj', label: 'get 100 keys taken from a list of str', group: 'containers', unit: 'call', why: 'Lists and dicts read from C', issue: I_OTHER },
  { name: 'call_back', short: '1000 calls into host', label: 'call a host function 1000 times', group: 'host', core: true, target: T_CB, unit: 'call', why: 'Calling JS from C' },
  { name: 'getattr_x', label: 'C reads obj.x (HPy_GetAttr_s)', group: 'host', unit: 'call', why: 'Attributes from C', issue: I_OTHER },
  { name: 'new_drop', short: 'create + drop instance', label: 'create + drop an instance of a small type', group: 'types', core: true, target: T_INST, unit: 'instance', why: 'Extension instances' },
  { name: 'method_call', label: 'method call v.norm2()', group: 'types', unit: 'call', why: 'Extension instances', issue: I_OTHER },
  { name: 'member_get', label: 'member read v.x', group: 'types', unit: 'read', why: 'Extension instances', issue: I_OTHER },
  { name: 'nb_add', label: 'nb_add slot v + w', group: 'types', unit: 'call', why: 'Extension instances', issue: I_OTHER },
  { name: 'dup_close', label: '1000 × HPy_Dup + HPy_Close', group: 'handles', unit: 'call', why: 'Handles', issue: I_OTHER },
  { name: 'handles_10m', short: '10 M handles', label: '10 M handles opened + closed in one call', group: 'handles', kind: 'rss', unit: 'call', why: 'Handles',
    rssTarget: { maxMB: 10, text: '< 10 MB RSS growth' } },
];

const COLUMNS = [
  { id: 'hpy-node', label: 'hpy-node', desc: 'bench_hpy.c (HPy universal) loaded by hpy-node in Node.js' },
  { id: 'napi', label: 'Node-API', desc: 'hand-written node-addon-api addon (napi/bench_napi.cc) in Node.js' },
  { id: 'cpython', label: 'CPython C API', desc: 'CPython C-API extension (cpython/bench_cpy.c) run by CPython' },
  { id: 'hpy-universal', label: 'HPy on CPython', desc: 'bench_hpy.c (official HPy 0.9 headers) under CPython hpy.universal' },
];

// ---------------------------------------------------------------------------
// JS loops for the 'napi' and 'hpy-node' columns.  setup(m, api) returns the
// variables the loop body uses; body is compiled separately for every column
// (new Function) so that V8's type feedback of one column never leaks into
// the other.  check(m, api) runs once before timing and returns an error
// string when the result is not the expected one.

function range(n) { return Array.from({ length: n }, (_, i) => i); }
function keys100() { return range(DICT_N).map((i) => 'key' + i); }
function dict100() { return Object.fromEntries(keys100().map((k, i) => [k, i])); }
function codePoints(s) { return [...s].length; }

class P { constructor() { this.x = 1; } }

const LOOP = (stmt) => `let r; for (let i = 0; i < n; i++) { ${stmt} } return r;`;

function eq(a, b, what) { return Object.is(a, b) ? null : `${what}: expected ${String(b)}, got ${String(a)}`; }

const JS = {
  empty_loop: { setup: () => ({ x: 1 }), body: LOOP('r = x;'), check: () => null },
  noop: { setup: (m) => ({ f: m.noop }), body: LOOP('r = f();'), check: (m) => eq(m.noop(), null, 'noop()') },
  onearg: { setup: (m) => ({ f: m.onearg, x: { a: 1 } }), body: LOOP('r = f(x);'), check: (m) => eq(m.onearg({ a: 1 }), null, 'onearg()') },
  varargs: { setup: (m) => ({ f: m.varargs }), body: LOOP('r = f(1, 2, 3);'), check: (m) => eq(m.varargs(1, 2, 3), null, 'varargs()') },
  keywords: {
    setup: (m, api) => ({ f: m.keywords, kw: api.kw }),
    body: { 'hpy-node': LOOP('r = f(1, kw({ b: 2, c: 3 }));'), napi: LOOP('r = f(1, { b: 2, c: 3 });') },
    check: (m, api, col) => eq(col === 'napi' ? m.keywords(1, { b: 2, c: 3 }) : m.keywords(1, api.kw({ b: 2, c: 3 })), 6, 'keywords()'),
  },
  ret_int: { setup: (m) => ({ f: m.ret_int }), body: LOOP('r = f();'), check: (m) => eq(m.ret_int(), 12345, 'ret_int()') },
  ret_float: { setup: (m) => ({ f: m.ret_float }), body: LOOP('r = f();'), check: (m) => eq(m.ret_float(), 1.5, 'ret_float()') },
  ret_str: { setup: (m) => ({ f: m.ret_str }), body: LOOP('r = f();'), check: (m) => eq(m.ret_str(), 'hello world', 'ret_str()') },
  identity: {
    setup: (m) => ({ f: m.identity, x: { a: 1 } }), body: LOOP('r = f(x);'),
    check: (m) => { const x = { a: 1 }; return eq(m.identity(x), x, 'identity(x) is x'); },
  },
  add_ints: { setup: (m) => ({ f: m.add_ints }), body: LOOP('r = f(1234, 5678);'), check: (m) => eq(m.add_ints(1234, 5678), 6912, 'add_ints()') },
  add_floats: { setup: (m) => ({ f: m.add_floats }), body: LOOP('r = f(1.5, 2.25);'), check: (m) => eq(m.add_floats(1.5, 2.25), 3.75, 'add_floats()') },
  str_len: { setup: (m) => ({ f: m.str_len, s: STR }), body: LOOP('r = f(s);'), check: (m) => eq(m.str_len(STR), codePoints(STR), 'str_len()') },
  utf8_len: { setup: (m) => ({ f: m.utf8_len, s: STR }), body: LOOP('r = f(s);'), check: (m) => eq(m.utf8_len(STR), Buffer.byteLength(STR), 'utf8_len()') },
  make_tuple: {
    setup: (m) => ({ f: m.make_tuple }), body: LOOP('r = f();'),
    check: (m) => {
      const t = m.make_tuple();
      if (!Array.isArray(t) || t.length !== 3 || t[0] !== 1 || t[2] !== 3) return `make_tuple(): got ${JSON.stringify(t)}`;
      return Object.isFrozen(t) ? null : 'make_tuple(): result is not frozen';
    },
  },
  tuple_index: { setup: (m) => ({ f: m.tuple_index, t: m.make_tuple() }), body: LOOP('r = f(t);'), check: (m) => eq(m.tuple_index(m.make_tuple()), 3, 'tuple_index()') },
  sum_list: { setup: (m) => ({ f: m.sum_list, lst: range(LIST_N) }), body: LOOP('r = f(lst);'), check: (m) => eq(m.sum_list(range(LIST_N)), 499500, 'sum_list()') },
  build_list: {
    setup: (m) => ({ f: m.build_list }), body: LOOP('r = f(1000);'),
    check: (m) => {
      const l = m.build_list(LIST_N);
      return Array.isArray(l) && l.length === LIST_N && l[999] === 999 ? null : 'build_list(): wrong result';
    },
  },
  build_dict: {
    setup: (m) => ({ f: m.build_dict }), body: LOOP('r = f();'),
    check: (m) => {
      const d = m.build_dict();
      return d && Object.keys(d).length === DICT_N && d.key0 === 0 && d.key99 === 99 ? null : 'build_dict(): wrong result';
    },
  },
  dict_get: {
    setup: (m) => ({ f: m.dict_get, d: dict100() }), body: LOOP('r = f(d);'),
    check: (m) => eq(m.dict_get(dict100()), 4950, 'dict_get()'),
  },
  build_dict_obj: {
    setup: (m) => ({ f: m.build_dict_obj, keys: keys100() }), body: LOOP('r = f(keys);'),
    check: (m) => {
      const d = m.build_dict_obj(keys100());
      return d && Object.keys(d).length === DICT_N && d.key99 === 99 ? null : 'build_dict_obj(): wrong result';
    },
  },
  dict_get_obj: {
    setup: (m) => ({ f: m.dict_get_obj, keys: keys100(), d: dict100() }), body: LOOP('r = f(d, keys);'),
    check: (m) => eq(m.dict_get_obj(dict100(), keys100()), 4950, 'dict_get_obj()'),
  },
  call_back: { setup: (m) => ({ f: m.call_back, cb: (i) => i }), body: LOOP('r = f(cb);'), check: (m) => eq(m.call_back((i) => i), 499500, 'call_back()') },
  getattr_x: { setup: (m) => ({ f: m.getattr_x, p: new P() }), body: LOOP('r = f(p);'), check: (m) => eq(m.getattr_x(new P()), 1, 'getattr_x()') },
  new_drop: {
    setup: (m) => ({ T: m.Vec }), body: LOOP('r = new T();'),
    check: (m) => (new m.Vec() instanceof m.Vec ? null : 'new Vec() is not an instance of Vec'),
  },
  method_call: { setup: (m) => ({ v: new m.Vec(3, 4) }), body: LOOP('r = v.norm2();'), check: (m) => eq(new m.Vec(3, 4).norm2(), 25, 'v.norm2()') },
  member_get: { setup: (m) => ({ v: new m.Vec(3, 4) }), body: LOOP('r = v.x;'), check: (m) => eq(new m.Vec(3, 4).x, 3, 'v.x') },
  nb_add: {
    setup: (m, api) => ({ v: new m.Vec(3, 4), w: new m.Vec(1, 1), add: api.add }),
    body: { 'hpy-node': LOOP('r = add(v, w);'), napi: LOOP('r = v.add(w);') },
    check: (m, api, col) => {
      const r = col === 'napi' ? new m.Vec(3, 4).add(new m.Vec(1, 1)) : api.add(new m.Vec(3, 4), new m.Vec(1, 1));
      return r instanceof m.Vec && r.x === 4 && r.y === 5 ? null : 'v + w: wrong result';
    },
  },
  dup_close: { setup: (m) => ({ f: m.dup_close, p: new P() }), body: LOOP('r = f(p);'), check: (m) => eq(m.dup_close(new P()), null, 'dup_close()') },
  handles_10m: { setup: (m) => ({ f: m.handles_10m, p: new P() }), body: LOOP('r = f(p);'), check: () => null },
};

module.exports = { OPS, COLUMNS, JS, STR, LIST_N, DICT_N };
