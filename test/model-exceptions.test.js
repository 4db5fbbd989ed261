'use strict';
// The builtin exception classes.
const assert = require('assert');
const m = require('../dist/lib/model');
const E = m.exc;

// CPython 3.11: every builtin exception and its base
const HIERARCHY = {
  BaseException: null, BaseExceptionGroup: 'BaseException', GeneratorExit: 'BaseException',
  KeyboardInterrupt: 'BaseException', SystemExit: 'BaseException', Exception: 'BaseException',
  ArithmeticError: 'Exception', FloatingPointError: 'ArithmeticError', OverflowError: 'ArithmeticError',
  ZeroDivisionError: 'ArithmeticError', AssertionError: 'Exception', AttributeError: 'Exception',
  BufferError: 'Exception', EOFError: 'Exception', ExceptionGroup: 'BaseExceptionGroup', ImportError: 'Exception',
  ModuleNotFoundError: 'ImportError', LookupError: 'Exception', IndexError: 'LookupError', KeyError: 'LookupError',
  MemoryError: 'Exception', NameError: 'Exception', UnboundLocalError: 'NameError', OSError: 'Exception',
  BlockingIOError: 'OSError', ChildProcessError: 'OSError', ConnectionError: 'OSError',
  BrokenPipeError: 'ConnectionError', ConnectionAbortedError: 'ConnectionError',
  ConnectionRefusedError: 'ConnectionError', ConnectionResetError: 'ConnectionError', FileExistsError: 'OSError',
  FileNotFoundError: 'OSError', InterruptedError: 'OSError', IsADirectoryError: 'OSError',
  NotADirectoryError: 'OSError', PermissionError: 'OSError', ProcessLookupError: 'OSError', TimeoutError: 'OSError',
  ReferenceError: 'Exception', RuntimeError: 'Exception', NotImplementedError: 'RuntimeError',
  RecursionError: 'RuntimeError', StopAsyncIteration: 'Exception', StopIteration: 'Exception',
  SyntaxError: 'Exception', IndentationError: 'SyntaxError', TabError: 'IndentationError', SystemError: 'Exception',
  TypeError: 'Exception', ValueError: 'Exception', UnicodeError: 'ValueError', UnicodeDecodeError: 'UnicodeError',
  UnicodeEncodeError: 'UnicodeError', UnicodeTranslateError: 'UnicodeError', Warning: 'Exception',
  BytesWarning: 'Warning', DeprecationWarning: 'Warning', EncodingWarning: 'Warning', FutureWarning: 'Warning',
  ImportWarning: 'Warning', PendingDeprecationWarning: 'Warning', ResourceWarning: 'Warning',
  RuntimeWarning: 'Warning', SyntaxWarning: 'Warning', UnicodeWarning: 'Warning', UserWarning: 'Warning',
};

describe('model: exception hierarchy', () => {
  it('has every CPython 3.11 builtin exception with its base', () => {
    for (const [name, base] of Object.entries(HIERARCHY)) {
      const C = m.exceptions[name];
      assert.ok(C, `missing ${name}`);
      assert.strictEqual(C.name, name);
      assert.strictEqual(m.typeName(C), name);
      assert.strictEqual(m.typeInfo(C).module, 'builtins');
      assert.strictEqual(m.typeInfo(C).base, base ? m.exceptions[base] : m.object, `base of ${name}`);
      const args = name === 'BaseExceptionGroup' ? ['g', [new E.KeyboardInterrupt()]]
        : name === 'ExceptionGroup' ? ['g', [new E.ValueError()]]
        : /^Unicode(De|En|Trans)/.test(name) ? [] : ['x'];
      const e = new C(...args);
      assert.strictEqual(e.name, name);
      assert.ok(e instanceof Error);
      assert.ok(e instanceof E.BaseException);
      if (base) assert.ok(e instanceof m.exceptions[base], `${name} instanceof ${base}`);
      assert.strictEqual(m.typeOf(e), C);
      assert.ok(m.isSubtype(C, m.object));
    }
    assert.strictEqual(Object.keys(HIERARCHY).length + 2, Object.keys(m.exceptions).length, 'plus IOError, EnvironmentError');
    assert.strictEqual(m.exceptions.IOError, E.OSError);
    assert.strictEqual(m.exceptions.EnvironmentError, E.OSError);
  });

  it('instanceof follows the chain and only the chain', () => {
    const e = new E.ConnectionRefusedError('no');
    assert.ok(e instanceof E.ConnectionError && e instanceof E.OSError && e instanceof E.Exception);
    assert.ok(!(e instanceof E.ValueError));
    assert.ok(!(new E.KeyboardInterrupt() instanceof E.Exception));
    assert.ok(m.isSubtype(E.KeyError, E.LookupError));
    assert.ok(!m.isSubtype(E.LookupError, E.KeyError));
    assert.ok(m.isInstance(e, [E.ValueError, E.OSError]));
    const eg = new E.ExceptionGroup('m', [new E.ValueError(1)]);
    assert.ok(eg instanceof E.Exception, 'ExceptionGroup is also an Exception');
    assert.ok(eg instanceof E.BaseExceptionGroup);
  });

  it('Python exceptions are distinct from the JS errors of the same name', () => {
    assert.notStrictEqual(E.TypeError, globalThis.TypeError);
    assert.ok(!(new globalThis.TypeError('x') instanceof E.TypeError));
    assert.ok(!(new E.TypeError('x') instanceof globalThis.TypeError));
  });
});

describe('model: exception values', () => {
  it('args, message = str(exc), repr', () => {
    const e = new E.ValueError('bad', 2);
    assert.ok(e.args instanceof m.PyTuple);
    assert.deepStrictEqual(Array.from(e.args), ['bad', 2]);
    assert.strictEqual(m.str(e), "('bad', 2)");
    assert.strictEqual(e.message, "('bad', 2)");
    assert.strictEqual(m.repr(e), "ValueError('bad', 2)");
    assert.strictEqual(m.repr(new E.ValueError('a')), "ValueError('a')");
    assert.strictEqual(m.repr(new E.ValueError()), 'ValueError()');
    assert.strictEqual(new E.ValueError().message, '');
    assert.strictEqual(new E.ValueError(5).message, '5');
    assert.strictEqual(String(new E.ValueError('x')), 'ValueError: x');
    assert.match(new E.ValueError('boom').stack, /^ValueError: boom\n/);
    const late = new E.RuntimeError('a');
    late.args = m.makeTuple(['b']);
    assert.strictEqual(late.message, 'b', 'message follows args');
  });

  it('KeyError str is the repr of its key', () => {
    assert.strictEqual(m.str(new E.KeyError('a')), "'a'");
    assert.strictEqual(new E.KeyError('a').message, "'a'");
    assert.strictEqual(m.str(new E.KeyError('a', 'b')), "('a', 'b')");
    assert.strictEqual(m.str(new E.KeyError()), '');
    assert.strictEqual(m.repr(new E.KeyError('a')), "KeyError('a')");
  });

  it('StopIteration.value, SystemExit.code', () => {
    assert.strictEqual(new E.StopIteration(5).value, 5);
    assert.strictEqual(new E.StopIteration().value, null);
    assert.strictEqual(new E.SystemExit().code, null);
    assert.strictEqual(new E.SystemExit(3).code, 3);
    assert.strictEqual(m.repr(new E.SystemExit(1, 2).code), '(1, 2)');
  });

  it('OSError fields, str and errno subclasses', () => {
    const e = new E.OSError(2, 'No such file', 'f.txt');
    assert.ok(e instanceof E.FileNotFoundError, 'errno 2 makes a FileNotFoundError');
    assert.strictEqual(e.errno, 2);
    assert.strictEqual(e.strerror, 'No such file');
    assert.strictEqual(e.filename, 'f.txt');
    assert.strictEqual(m.repr(e.args), "(2, 'No such file')");
    assert.strictEqual(m.str(e), "[Errno 2] No such file: 'f.txt'");
    assert.strictEqual(m.str(new E.OSError(2, 'x', 'a', null, 'b')), "[Errno 2] x: 'a' -> 'b'");
    assert.strictEqual(m.str(new E.PermissionError(13, 'denied')), '[Errno 13] denied');
    assert.strictEqual(m.str(new E.OSError(2)), '2');
    assert.strictEqual(new E.OSError(99999, 'x').constructor, E.OSError);
    assert.strictEqual(new E.OSError('just a message').errno, null);
  });

  it('keyword arguments: AttributeError(name=, obj=), ImportError(name=, path=)', () => {
    const a = new E.AttributeError('msg', m.kw({ name: 'attr', obj: 5 }));
    assert.strictEqual(m.getattr(a, 'name'), 'attr');
    assert.strictEqual(a.name, 'AttributeError', '.name stays the class name');
    assert.strictEqual(a.obj, 5);
    const i = new E.ImportError('m', m.kw({ name: 'x', path: '/p' }));
    assert.strictEqual(m.getattr(i, 'name'), 'x');
    assert.strictEqual(i.path, '/p');
    assert.strictEqual(m.str(i), 'm');
    assert.throws(() => new E.ValueError(m.kw({ x: 1 })), (err) => err instanceof E.TypeError && err.message === 'ValueError() takes no keyword arguments');
  });

  it('Unicode errors and SyntaxError format their fields', () => {
    assert.strictEqual(m.str(new E.UnicodeDecodeError('utf-8', Buffer.from([0xff]), 0, 1, 'invalid start byte')),
      "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    assert.strictEqual(m.str(new E.UnicodeDecodeError('utf-8', Buffer.from([0xff, 0xfe]), 0, 2, 'bad')),
      "'utf-8' codec can't decode bytes in position 0-1: bad");
    assert.strictEqual(m.str(new E.UnicodeEncodeError('ascii', '\xe9', 0, 1, 'ordinal not in range(128)')),
      "'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)");
    assert.strictEqual(m.str(new E.UnicodeTranslateError('\xe9', 0, 1, 'bad')), "can't translate character '\\xe9' in position 0: bad");
    assert.strictEqual(m.str(new E.SyntaxError('m', m.makeTuple(['/a/f.py', 3, 1, 'x']))), 'm (f.py, line 3)');
    assert.strictEqual(m.str(new E.SyntaxError('m', m.makeTuple([null, 3, 1, 'x']))), 'm (line 3)');
    assert.strictEqual(new E.SyntaxError('m', m.makeTuple(['f', 3, 1, 'x'])).lineno, 3);
  });

  it('exception groups', () => {
    const g = new E.BaseExceptionGroup('m', [new E.ValueError()]);
    assert.strictEqual(g.constructor, E.ExceptionGroup, 'only Exceptions: an ExceptionGroup');
    assert.strictEqual(m.str(g), 'm (1 sub-exception)');
    const h = new E.BaseExceptionGroup('m', [new E.KeyboardInterrupt(), new E.ValueError()]);
    assert.strictEqual(h.constructor, E.BaseExceptionGroup);
    assert.strictEqual(m.str(h), 'm (2 sub-exceptions)');
    assert.throws(() => new E.ExceptionGroup('m', [new E.KeyboardInterrupt()]), E.TypeError);
  });

  it('__cause__ / __context__ / __traceback__', () => {
    const e = new E.ValueError('x');
    assert.strictEqual(m.getattr(e, '__cause__'), null);
    assert.strictEqual(m.getattr(e, '__traceback__'), null);
    const c = new E.KeyError('k');
    m.setattr(e, '__cause__', c);
    assert.strictEqual(e.cause, c, 'maps to the JS cause');
    assert.strictEqual(m.getattr(e, '__suppress_context__'), true);
    assert.strictEqual(m.getattr(e, 'args').length, 1);
  });
});

describe('model: new exception classes at run time', () => {
  it('newException("mod.Name", base, dict)', () => {
    const MyErr = m.newException('mymod.MyError', E.ValueError, { code: 42, __doc__: 'doc' });
    assert.strictEqual(MyErr.name, 'MyError');
    assert.strictEqual(m.typeInfo(MyErr).module, 'mymod');
    assert.strictEqual(m.typeInfo(MyErr).doc, 'doc');
    assert.strictEqual(m.repr(MyErr), "<class 'mymod.MyError'>");
    const e = new MyErr('boom');
    assert.ok(e instanceof E.ValueError && e instanceof Error);
    assert.strictEqual(e.name, 'MyError');
    assert.strictEqual(e.message, 'boom');
    assert.strictEqual(e.code, 42);
    assert.strictEqual(m.getattr(MyErr, 'code'), 42);
    assert.strictEqual(m.tpName(e), 'mymod.MyError');
    assert.ok(m.isSubtype(MyErr, E.Exception));
    const Default = m.newException('a.b.C');
    assert.strictEqual(m.typeInfo(Default).module, 'a.b');
    assert.strictEqual(m.typeInfo(Default).base, E.Exception);
    assert.throws(() => m.newException('nodot'), E.SystemError);
  });

  it('multiple bases', () => {
    const Both = m.newException('m.Both', [E.KeyError, E.TypeError]);
    const e = new Both('x');
    assert.ok(e instanceof E.KeyError);
    assert.ok(e instanceof E.TypeError, 'second base via Symbol.hasInstance');
    assert.ok(m.isSubtype(Both, E.TypeError));
    assert.ok(!m.isSubtype(Both, E.ValueError));
    assert.strictEqual(m.str(e), "'x'", 'KeyError behaviour from the first base');
  });

  it('call() constructs exception classes', () => {
    const e = m.call(E.ValueError, ['x']);
    assert.ok(e instanceof E.ValueError);
    assert.strictEqual(e.message, 'x');
  });
});
