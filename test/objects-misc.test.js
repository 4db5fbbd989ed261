'use strict';
// Capsules, context variables, errors, warnings, unraisable errors, imports and the
// interpreter-only functions, exercised from C (test/ext/obj_misc.c).
const assert = require('assert');
const { throwsPy } = require('./assert-py');
const hpy = require('..');
const { loadTestExt } = require('./helpers');

const { builtins: B } = hpy;
const m = loadTestExt('obj_misc');


/** Runs the GC and lets finalizers run until pred() holds (or gives up). */
async function collectUntil(pred, rounds = 100) {
  for (let i = 0; i < rounds && !pred(); i++) {
    global.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return pred();
}

/** Calls fn with process.stderr.write captured; returns [result, text]. */
function captureStderr(fn) {
  const orig = process.stderr.write;
  let text = '';
  process.stderr.write = function (chunk, ...rest) {
    text += String(chunk);
    const cb = rest.find((x) => typeof x === 'function');
    if (cb) cb();
    return true;
  };
  try {
    return [fn(), text];
  } finally {
    process.stderr.write = orig;
  }
}

/** Calls fn with process.emitWarning replaced by `stub`. */
function withEmitWarning(stub, fn) {
  const orig = process.emitWarning;
  process.emitWarning = stub;
  try {
    return fn();
  } finally {
    process.emitWarning = orig;
  }
}

describe('objects: capsules from C', () => {
  it('HPyCapsule_New / GetPointer / GetName / IsValid', () => {
    const c = m.capsule_new(5, 'a.b', false);
    assert.strictEqual(m.capsule_value(c, 'a.b'), 5);
    assert.strictEqual(m.capsule_name(c), 'a.b');
    assert.strictEqual(m.capsule_is_valid(c, 'a.b'), 1);
    assert.strictEqual(m.capsule_is_valid(c, 'x'), 0);
    assert.strictEqual(m.capsule_is_valid(c, null), 0);
    assert.strictEqual(m.capsule_is_valid(5, 'a.b'), 0);
    assert.strictEqual(m.capsule_is_valid({}, null), 0);
    assert.strictEqual(m.capsule_type_check(c), 1);
    assert.strictEqual(m.capsule_type_check(5), 0);
  });
  it('a capsule is a PyCapsule object with CPython\'s repr', () => {
    const c = m.capsule_new(1, 'pkg.cap', false);
    assert.strictEqual(hpy.typeOf(c), B.PyCapsule);
    assert.strictEqual(hpy.getattr(hpy.typeOf(c), '__name__'), 'PyCapsule');
    assert.match(hpy.repr(c), /^<capsule object "pkg\.cap" at 0x[0-9a-f]+>$/);
    assert.match(hpy.repr(m.capsule_new(1, null, false)), /^<capsule object NULL at 0x[0-9a-f]+>$/);
    throwsPy(() => hpy.call(B.PyCapsule, []), B.TypeError);
  });
  it('a capsule without a name', () => {
    const c = m.capsule_new(6, null, false);
    assert.strictEqual(m.capsule_name(c), null);
    assert.strictEqual(m.capsule_value(c, null), 6);
    assert.strictEqual(m.capsule_is_valid(c, null), 1);
    throwsPy(() => m.capsule_value(c, 'a'), B.ValueError, /PyCapsule_GetPointer called with incorrect name/);
  });
  it('GetPointer with the wrong name raises ValueError', () => {
    const c = m.capsule_new(5, 'a.b', false);
    throwsPy(() => m.capsule_value(c, 'x'), B.ValueError, /PyCapsule_GetPointer called with incorrect name/);
    throwsPy(() => m.capsule_value(c, null), B.ValueError, /PyCapsule_GetPointer called with incorrect name/);
  });
  it('operations on a non-capsule raise ValueError', () => {
    throwsPy(() => m.capsule_value(5, null), B.ValueError, /PyCapsule_GetPointer called with invalid PyCapsule object/);
    throwsPy(() => m.capsule_name('x'), B.ValueError, /PyCapsule_GetName called with invalid PyCapsule object/);
    throwsPy(() => m.capsule_set_name({}, 'x'), B.ValueError, /PyCapsule_SetName called with invalid PyCapsule object/);
    throwsPy(() => m.capsule_context([]), B.ValueError, /PyCapsule_GetContext called with invalid PyCapsule object/);
  });
  it('HPyCapsule_New with a NULL pointer raises ValueError', () => {
    throwsPy(() => m.capsule_new_null(), B.ValueError, /PyCapsule_New called with null pointer/);
  });
  it('Set/Get name, context and pointer', () => {
    const c = m.capsule_new(5, 'a.b', false);
    assert.strictEqual(m.capsule_context(c), 0);
    m.capsule_set_name(c, 'z');
    assert.strictEqual(m.capsule_name(c), 'z');
    assert.strictEqual(m.capsule_value(c, 'z'), 5);
    throwsPy(() => m.capsule_value(c, 'a.b'), B.ValueError);
    m.capsule_set_context(c, 42);
    assert.strictEqual(m.capsule_context(c), 42);
    m.capsule_set_pointer(c, 9);
    assert.strictEqual(m.capsule_value(c, 'z'), 9);
    throwsPy(() => m.capsule_set_pointer(c, null), B.ValueError, /PyCapsule_SetPointer called with null pointer/);
    assert.strictEqual(m.capsule_value(c, 'z'), 9);
    m.capsule_set_name(c, null);
    assert.strictEqual(m.capsule_name(c), null);
    assert.strictEqual(m.capsule_value(c, null), 9);
  });
  it('HPyCapsule_Get with the Destructor key is an invalid operation (ValueError)', () => {
    const c = m.capsule_new(5, 'a.b', true);
    throwsPy(() => m.capsule_destructor(c), B.ValueError, /Invalid operation: get HPyCapsule_key_Destructor/);
  });
  const entries = (name) => m.destroyed_entries().filter((e) => e[0] === name).map((e) => [...e]);
  it('the destructor runs exactly once when the capsule is collected, with its name and pointer', async () => {
    (() => { m.capsule_new(11, 'gc.me', true); })();
    m.capsule_drop(3, 'dropped'); // handle closed in C, never seen by JS
    assert.ok(await collectUntil(() => entries('gc.me').length > 0 && entries('dropped').length > 0),
      'destructors did not run');
    for (let i = 0; i < 3; i++) { global.gc(); await new Promise((r) => setImmediate(r)); }
    assert.deepStrictEqual(entries('gc.me'), [['gc.me', 11, 0]]);
    assert.deepStrictEqual(entries('dropped'), [['dropped', 3, 77]]);
  });
  it('the destructor sees the name and context set last', async () => {
    (() => {
      const c = m.capsule_new(7, 'first.name', true);
      m.capsule_set_name(c, 'renamed');
      m.capsule_set_context(c, 1234);
    })();
    assert.ok(await collectUntil(() => entries('renamed').length > 0));
    assert.deepStrictEqual(entries('renamed'), [['renamed', 7, 1234]]);
    assert.deepStrictEqual(entries('first.name'), []);
  });
  it('a live capsule is not destroyed; a removed destructor never runs', async () => {
    const keep = m.capsule_new(100, 'keep', true);
    (() => {
      const c = m.capsule_new(1000, 'nodestructor', true);
      m.capsule_set_destructor(c, false);
    })();
    (() => { m.capsule_new(1, 'sentinel', true); })();
    assert.ok(await collectUntil(() => entries('sentinel').length > 0));
    for (let i = 0; i < 5; i++) { global.gc(); await new Promise((r) => setImmediate(r)); }
    assert.deepStrictEqual(entries('nodestructor'), []);
    assert.deepStrictEqual(entries('keep'), []);
    assert.strictEqual(m.capsule_value(keep, 'keep'), 100);
  });
});

describe('objects: context variables from C', () => {
  it('HPyContextVar_New / Get without a default: NULL result, no error', () => {
    const v = m.cv_new('v');
    assert.strictEqual(hpy.getattr(hpy.typeOf(v), '__name__'), 'ContextVar');
    assert.strictEqual(hpy.getattr(v, 'name'), 'v');
    assert.deepStrictEqual([...m.cv_get(v)], [0, false, null]);
    assert.deepStrictEqual([...m.cv_get(v, 'd')], [0, true, 'd']);
  });
  it('HPyContextVar_Set returns a Token; the value then wins over every default', () => {
    const v = m.cv_new('v', 'dflt');
    const tok = m.cv_set(v, 10);
    assert.strictEqual(hpy.getattr(hpy.typeOf(tok), '__name__'), 'Token');
    const missing = hpy.getattr(tok, 'old_value');
    assert.strictEqual(missing, hpy.getattr(hpy.typeOf(tok), 'MISSING'));
    assert.strictEqual(hpy.repr(missing), '<Token.MISSING>');
    assert.strictEqual(hpy.getattr(tok, 'var'), v);
    assert.deepStrictEqual([...m.cv_get(v)], [0, true, 10]);
    assert.deepStrictEqual([...m.cv_get(v, 'd')], [0, true, 10]);
    const tok2 = m.cv_set(v, 20);
    assert.strictEqual(hpy.getattr(tok2, 'old_value'), 10);
    assert.deepStrictEqual([...m.cv_get(v)], [0, true, 20]);
  });
  it('the default given to Get wins over the variable\'s default', () => {
    const v = m.cv_new('v2', 'dflt');
    assert.deepStrictEqual([...m.cv_get(v)], [0, true, 'dflt']);
    assert.deepStrictEqual([...m.cv_get(v, 'other')], [0, true, 'other']);
  });
  it('None is a value like any other', () => {
    const v = m.cv_new('v3', null);
    assert.deepStrictEqual([...m.cv_get(v)], [0, true, null]);
    const w = m.cv_new('w');
    m.cv_set(w, null);
    assert.deepStrictEqual([...m.cv_get(w, 'd')], [0, true, null]);
  });
  it('variables are independent', () => {
    const a = m.cv_new('a');
    const b = m.cv_new('a');
    m.cv_set(a, 1);
    assert.deepStrictEqual([...m.cv_get(b)], [0, false, null]);
  });
  it('a non-ContextVar raises TypeError', () => {
    throwsPy(() => m.cv_get(5), B.TypeError, /an instance of ContextVar was expected/);
    throwsPy(() => m.cv_set({}, 1), B.TypeError, /an instance of ContextVar was expected/);
  });
});

describe('objects: exceptions from C', () => {
  it('HPyErr_NewException makes an Exception subclass usable from JS', () => {
    const E = m.new_exception('mymod.MyError', null, null);
    assert.strictEqual(typeof E, 'function');
    assert.strictEqual(hpy.getattr(E, '__name__'), 'MyError');
    assert.strictEqual(hpy.getattr(E, '__module__'), 'mymod');
    assert.strictEqual(hpy.getattr(E, '__doc__'), null);
    assert.strictEqual(hpy.isSubtype(E, B.Exception), true);
    const e = new E('x');
    assert.ok(e instanceof E && e instanceof B.Exception && e instanceof Error);
    assert.strictEqual(e.name, 'MyError');
    assert.strictEqual(e.message, 'x');
    assert.strictEqual(hpy.str(e), 'x');
    assert.strictEqual(hpy.repr(e), "MyError('x')");
    const e2 = hpy.call(E, ['y']);
    assert.ok(e2 instanceof E);
    assert.deepStrictEqual([...hpy.getattr(e2, 'args')], ['y']);
  });
  it('raised from C, the class reaches JS; thrown from JS, C matches it', () => {
    const E = m.new_exception('mymod.Raised', null, null);
    throwsPy(() => m.raise_string(E, 'boom'), E, /^boom$/);
    assert.strictEqual(m.matches(() => { throw new E('js'); }, E), true);
    assert.strictEqual(m.matches(() => { throw new E('js'); }, B.Exception), true);
    assert.strictEqual(m.matches(() => { throw new E('js'); }, B.ValueError), false);
  });
  it('a base class, a class dict and a docstring', () => {
    const E2 = m.new_exception('mymod.Sub', B.ValueError, { x: 1 });
    assert.strictEqual(hpy.getattr(E2, 'x'), 1);
    assert.ok(new E2('v') instanceof B.ValueError);
    assert.strictEqual(m.matches(() => { throw new E2(); }, B.ValueError), true);
    const E4 = m.new_exception_doc('mymod.Doc', 'the doc', null, null);
    assert.strictEqual(hpy.getattr(E4, '__doc__'), 'the doc');
    assert.ok(new E4() instanceof B.Exception);
    const E5 = m.new_exception_doc('mymod.NoDoc', null, B.KeyError, null);
    assert.strictEqual(hpy.getattr(E5, '__doc__'), null);
    assert.strictEqual(hpy.isSubtype(E5, B.LookupError), true);
  });
  it('a JS stack overflow reaches C as RecursionError; other RangeErrors stay what they are', () => {
    const deep = () => deep();
    assert.strictEqual(m.matches(deep, B.RecursionError), true);
    assert.strictEqual(m.matches(() => { throw new RangeError('Invalid array length'); }, B.RecursionError), false);
  });
  it('a tuple of bases: the class matches every base', () => {
    const E3 = m.new_exception('mymod.Multi', hpy.makeTuple([B.ValueError, B.KeyError]), null);
    assert.strictEqual(hpy.isSubtype(E3, B.ValueError), true);
    assert.strictEqual(hpy.isSubtype(E3, B.KeyError), true);
    assert.strictEqual(hpy.isSubtype(E3, B.LookupError), true);
    assert.strictEqual(m.matches(() => { throw new E3('x'); }, B.KeyError), true);
    assert.strictEqual(m.matches(() => { throw new E3('x'); }, B.ValueError), true);
  });
  it('a dotted module path keeps everything before the last dot', () => {
    const E = m.new_exception('a.b.C', null, null);
    assert.strictEqual(hpy.getattr(E, '__module__'), 'a.b');
    assert.strictEqual(hpy.getattr(E, '__name__'), 'C');
  });
  it('a name without a module raises SystemError', () => {
    throwsPy(() => m.new_exception('nodot', null, null), B.SystemError, /name must be module\.class/);
  });
  it('HPyErr_SetObject: value, tuple of args, None, or an instance', () => {
    throwsPy(() => m.raise_object(B.KeyError, 'k'), B.KeyError);
    assert.throws(() => m.raise_object(B.KeyError, 'k'), (e) => hpy.str(e) === "'k'");
    assert.throws(() => m.raise_object(B.ValueError, hpy.makeTuple([1, 2])), (e) => {
      assert.deepStrictEqual([...hpy.getattr(e, 'args')], [1, 2]);
      return e instanceof B.ValueError;
    });
    assert.throws(() => m.raise_object(B.ValueError, null), (e) => hpy.getattr(e, 'args').length === 0);
    const inst = new B.ValueError('inst');
    assert.throws(() => m.raise_object(B.ValueError, inst), (e) => e === inst);
    const sub = new B.KeyError('sub');
    assert.throws(() => m.raise_object(B.LookupError, sub), (e) => e === sub);
  });
  it('HPyErr_SetObject / SetString with a non-exception type raise SystemError', () => {
    throwsPy(() => m.raise_object(5, 1), B.SystemError, /not a BaseException subclass/);
    throwsPy(() => m.raise_string(B.int, 'x'), B.SystemError, /not a BaseException subclass/);
  });
  it('HPyErr_ExceptionMatches with classes, tuples and nested tuples', () => {
    const raiseKey = () => { throw new B.KeyError('k'); };
    assert.strictEqual(m.matches(raiseKey, B.LookupError), true);
    assert.strictEqual(m.matches(raiseKey, hpy.makeTuple([B.TypeError, B.KeyError])), true);
    assert.strictEqual(m.matches(raiseKey, hpy.makeTuple([hpy.makeTuple([B.TypeError]), hpy.makeTuple([B.ValueError, B.LookupError])])), true);
    assert.strictEqual(m.matches(raiseKey, hpy.makeTuple([B.TypeError])), false);
    assert.strictEqual(m.matches(raiseKey, hpy.makeTuple([])), false);
    assert.strictEqual(m.matches(raiseKey, new B.KeyError()), false); // an instance is no class
    assert.strictEqual(m.matches(() => 1, B.KeyError), null);
  });
  it('HPyErr_Occurred / HPyErr_Clear', () => {
    assert.deepStrictEqual([...m.set_and_clear()], [0, 1, 0]);
  });
});

describe('objects: HPyErr_WarnEx', () => {
  it('goes to process.emitWarning with the category name', () => {
    const seen = [];
    const rs = withEmitWarning((msg, type) => { seen.push([String(msg), type]); }, () => [
      m.warn_ex(B.UserWarning, 'careful', 1),
      m.warn_ex(null, 'rt', 1),
      m.warn_ex(B.DeprecationWarning, 'old', 2),
    ]);
    assert.deepStrictEqual(rs, [0, 0, 0]);
    assert.deepStrictEqual(seen, [['careful', 'UserWarning'], ['rt', 'RuntimeWarning'], ['old', 'DeprecationWarning']]);
  });
  it('a user-defined Warning subclass keeps its name', () => {
    const W = m.new_exception('mymod.MyWarning', B.UserWarning, null);
    const seen = [];
    withEmitWarning((msg, type) => { seen.push(type); }, () => m.warn_ex(W, 'w', 1));
    assert.deepStrictEqual(seen, ['MyWarning']);
  });
  it('really emits a process warning', async () => {
    const got = new Promise((resolve) => process.once('warning', resolve));
    assert.strictEqual(m.warn_ex(B.UserWarning, 'emitted from C', 1), 0);
    const w = await got;
    assert.strictEqual(w.name, 'UserWarning');
    assert.strictEqual(w.message, 'emitted from C');
  });
  it('a warning turned into an error makes WarnEx return -1 with that error pending', () => {
    const err = new B.UserWarning('now an error');
    assert.throws(() => withEmitWarning(() => { throw err; }, () => m.warn_ex(B.UserWarning, 'now an error', 1)), (e) => e === err);
  });
});

describe('objects: HPyErr_WriteUnraisable', () => {
  it('prints the error with the object and clears it', () => {
    const [r, text] = captureStderr(() => m.unraisable(B.ValueError, 'boom', 'some obj'));
    assert.strictEqual(r, 0);
    assert.match(text, /Exception ignored in: 'some obj'/);
    assert.match(text, /ValueError: boom/);
  });
  it('without an object', () => {
    const [r, text] = captureStderr(() => m.unraisable(B.KeyError, 'boom2', null));
    assert.strictEqual(r, 0);
    assert.match(text, /KeyError/);
    assert.match(text, /boom2/);
    assert.doesNotMatch(text, /ignored in:/);
  });
  it('an error thrown by a JS function called from C', () => {
    const [r, text] = captureStderr(() => m.unraisable_call(() => { throw new Error('js failure'); }));
    assert.strictEqual(r, 0);
    assert.match(text, /js failure/);
  });
});

describe('objects: HPyImport_ImportModule', () => {
  it('imports builtins', () => {
    const b = m.import_module('builtins');
    assert.strictEqual(hpy.call(hpy.getattr(b, 'len'), [[1, 2, 3]]), 3);
    assert.strictEqual(m.import_call('builtins', 'len', hpy.makeTuple([[1, 2, 3]])), 3);
    assert.strictEqual(hpy.getattr(b, 'ValueError'), B.ValueError);
  });
  it('imports a module loaded earlier through hpy-node (the same object)', () => {
    const prot = loadTestExt('obj_protocol');
    assert.strictEqual(m.import_module('obj_protocol'), prot);
    assert.strictEqual(m.import_call('obj_protocol', 'length', hpy.makeTuple([[1, 2]])), 2);
    assert.strictEqual(m.import_module('obj_misc'), m);
  });
  it('imports a JS object registered with registerModule (the same object)', () => {
    class Helpers { constructor() { this.answer = 42; } twice(x) { return 2 * x; } }
    const mod = new Helpers();
    hpy.registerModule('objtest_jsmod', mod);
    assert.strictEqual(m.import_module('objtest_jsmod'), mod);
    assert.strictEqual(m.import_call('objtest_jsmod', 'twice', hpy.makeTuple([21])), 42);
  });
  it('a registered plain object exposes its own properties as module attributes', () => {
    const mod = { answer: 42, twice: (x) => 2 * x };
    hpy.registerModule('objtest_plainmod', mod);
    const imported = m.import_module('objtest_plainmod');
    assert.strictEqual(hpy.getattr(imported, 'answer'), 42);
    assert.strictEqual(m.import_call('objtest_plainmod', 'twice', hpy.makeTuple([4])), 8);
    mod.answer = 43;
    assert.strictEqual(hpy.getattr(m.import_module('objtest_plainmod'), 'answer'), 43);
    throwsPy(() => m.import_call('objtest_plainmod', 'toString', hpy.makeTuple([])), B.AttributeError);
  });
  it('an unknown module raises ModuleNotFoundError, which is an ImportError', () => {
    throwsPy(() => m.import_module('no_such_mod_xyz'), B.ModuleNotFoundError, /^No module named 'no_such_mod_xyz'$/);
    assert.deepStrictEqual([...m.import_fails('no_such_mod_xyz')], [true, true]);
    assert.ok(new B.ModuleNotFoundError() instanceof B.ImportError);
  });
});

describe('objects: HPy_Compile_s / HPy_EvalCode', () => {
  it('HPy_Compile_s raises a clear error instead of compiling', () => {
    assert.throws(() => m.compile_s('1 + 1'), (e) => {
      assert.ok(e instanceof B.BaseException, String(e));
      assert.match(e.message, /HPy_Compile_s/);
      assert.match(e.message, /interpreter/);
      return true;
    });
  });
  it('HPy_EvalCode raises a clear error', () => {
    assert.throws(() => m.eval_code(null, {}, null), (e) => {
      assert.ok(e instanceof B.BaseException, String(e));
      assert.match(e.message, /HPy_EvalCode/);
      assert.match(e.message, /interpreter/);
      return true;
    });
  });
});
