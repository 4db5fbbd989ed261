// Python's builtin exceptions (the CPython 3.11 hierarchy) as JS classes
// extending Error.  `.name` is the Python name, `.args` the args tuple,
// `.message` (read lazily) equals str(exc).

/* eslint-disable @typescript-eslint/no-explicit-any */
import * as os from 'os';
import {
  KwArgs, makeTuple, object, setTypeInfo, TPFLAGS, Shape, TypeInfo, PyTuple, isInt,
} from './core';

let reprMod: any;
function R(): any { return reprMod ??= require('./repr'); }
let typesMod: any;
function T(): any { return typesMod ??= require('./types'); }

const EXC_FLAGS = TPFLAGS.DEFAULT | TPFLAGS.BASETYPE | TPFLAGS.HAVE_GC;

/** number of exception types with more than one base (see hasInstance) */
let multiBase = 0;

export type ExcClass = {
  new (...args: any[]): BaseException;
  readonly prototype: BaseException;
  readonly name: string;
};

function takeKw(args: any[]): Record<string, any> | null {
  if (args.length && args[args.length - 1] instanceof KwArgs) return (args.pop() as KwArgs).kwargs;
  return null;
}

function noKw(cls: any, kws: Record<string, any> | null, allowed: string[] = []): void {
  if (!kws) return;
  for (const k of Object.keys(kws)) {
    if (!allowed.includes(k)) {
      if (allowed.length === 0) throw new TypeError(`${cls.name}() takes no keyword arguments`);
      throw new TypeError(`${cls.name}() got an unexpected keyword argument '${k}'`);
    }
  }
}

// While the model runs for C (native dispatch and helpers), the Python exceptions it makes are
// mostly set and cleared by C (a failed conversion probed and dropped): capturing a JS stack for
// each cost ~5 us. They are made without one; one that reaches JS is given the stack of the call
// that raises it (fillStack, from the native side).
let quietCounter: Int32Array | null = null;

/** The counter the native addon keeps (non-zero while the model runs for C). */
export function setQuietCounter(buf: ArrayBuffer): void {
  quietCounter = new Int32Array(buf);
}

/** A Python exception made without a JS stack gets the current one (from the native side, just
 * before it is thrown into JS). */
export function fillStack(err: unknown): void {
  if (!(err instanceof BaseException)) return;
  const stack = err.stack;
  if (typeof stack === 'string' && !stack.includes('\n    at ')) Error.captureStackTrace(err, fillStack);
}

export class BaseException extends Error {
  declare args: PyTuple;
  declare __traceback__: any;
  declare __context__: any;
  declare __suppress_context__: boolean;
  declare __notes__: any;

  constructor(...args: any[]) {
    const quiet = quietCounter !== null && quietCounter[0] > 0;
    const limit = Error.stackTraceLimit;
    if (quiet) Error.stackTraceLimit = 0;
    super();
    if (quiet) Error.stackTraceLimit = limit;
    const kws = takeKw(args);
    this.args = makeTuple(args);
    this.__init_kw__(kws);
  }

  /** keyword arguments of the constructor; subclasses accept some */
  __init_kw__(kws: Record<string, any> | null): void {
    noKw(this.constructor, kws);
  }

  static [Symbol.hasInstance](v: any): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, v)) return true;
    return multiBase > 0 && typeof v === 'object' && v !== null && T().isInstance(v, this);
  }

  __str__(): string {
    const a = this.args;
    if (!a || a.length === 0) return '';
    if (a.length === 1) return R().str(a[0]);
    return R().repr(a);
  }

  __repr__(): string {
    const a = this.args;
    const name = (this.constructor as any).name;
    if (a && a.length === 1) return `${name}(${R().repr(a[0])})`;
    return `${name}${a && a.length ? R().repr(a) : '()'}`;
  }

  toString(): string {
    const s = R().str(this);
    return s ? `${this.name}: ${s}` : this.name;
  }

  with_traceback(tb: any): this {
    this.__traceback__ = tb;
    return this;
  }

  add_note(note: any): void {
    if (typeof note !== 'string') throw new TypeError(`note must be a str, not '${T().typeName(T().typeOf(note))}'`);
    if (!Array.isArray(this.__notes__)) this.__notes__ = [];
    this.__notes__.push(note);
  }
}

Object.defineProperty(BaseException.prototype, 'message', {
  get(this: BaseException) { return R().str(this); },
  set(this: BaseException, v: any) { Object.defineProperty(this, 'message', { value: v, writable: true, configurable: true }); },
  configurable: true,
});
Object.defineProperty(BaseException.prototype, '__cause__', {
  get(this: any) { return this.cause === undefined ? null : this.cause; },
  set(this: any, v: any) { this.cause = v; this.__suppress_context__ = true; },
  configurable: true,
});
for (const [k, v] of [['__traceback__', null], ['__context__', null], ['__suppress_context__', false]] as const) {
  Object.defineProperty(BaseException.prototype, k, { value: v, writable: true, configurable: true });
}

/** name -> class, for every builtin exception (and the aliases IOError, EnvironmentError). */
export const exceptions: Record<string, ExcClass> = Object.create(null);

function register(C: any, name: string, base: Function | null, module: string | null = 'builtins', doc: string | null = null, bases?: Function[]): void {
  Object.defineProperty(C.prototype, 'name', { value: name, writable: true, configurable: true, enumerable: false });
  const info: TypeInfo = { name, module, base: base ?? object, flags: EXC_FLAGS, builtinShape: Shape.Object, doc };
  if (bases && bases.length > 1) { info.bases = bases.slice(1); multiBase++; }
  setTypeInfo(C, info);
  if (module === 'builtins') exceptions[name] = C;
}

register(BaseException, 'BaseException', object, 'builtins', 'Common base class for all exceptions');

function def(name: string, base: ExcClass, doc?: string): ExcClass {
  const C = ({ [name]: class extends (base as any) {} } as any)[name];
  register(C, name, base, 'builtins', doc ?? null);
  return C;
}

export const Exception = def('Exception', BaseException, 'Common base class for all non-exit exceptions.');
export const GeneratorExit = def('GeneratorExit', BaseException);
export const KeyboardInterrupt = def('KeyboardInterrupt', BaseException);

export class SystemExit extends BaseException {
  declare code: any;
  constructor(...args: any[]) {
    super(...args);
    const a = this.args;
    this.code = a.length === 0 ? null : a.length === 1 ? a[0] : a;
  }
}
register(SystemExit, 'SystemExit', BaseException);

export const ArithmeticError = def('ArithmeticError', Exception);
export const FloatingPointError = def('FloatingPointError', ArithmeticError);
export const OverflowError = def('OverflowError', ArithmeticError);
export const ZeroDivisionError = def('ZeroDivisionError', ArithmeticError);
export const AssertionError = def('AssertionError', Exception);

export class AttributeError extends Exception {
  declare obj: any;
  __init_kw__(kws: Record<string, any> | null): void {
    noKw(AttributeError, kws, ['name', 'obj']);
    // `name` would clash with Error.name, so the attribute is kept apart
    Object.defineProperty(this, '__attr_name__', { value: kws?.name ?? null, writable: true, configurable: true });
    this.obj = kws?.obj ?? null;
  }
}
register(AttributeError, 'AttributeError', Exception);

export const BufferError = def('BufferError', Exception);
export const EOFError = def('EOFError', Exception);

export class ImportError extends Exception {
  declare msg: any;
  declare path: any;
  __init_kw__(kws: Record<string, any> | null): void {
    noKw(ImportError, kws, ['name', 'path']);
    Object.defineProperty(this, '__attr_name__', { value: kws?.name ?? null, writable: true, configurable: true });
    this.path = kws?.path ?? null;
    this.msg = this.args.length === 1 ? this.args[0] : null;
  }
  __str__(): string {
    if (this.msg != null) return R().str(this.msg);
    return super.__str__();
  }
}
register(ImportError, 'ImportError', Exception);
export const ModuleNotFoundError = def('ModuleNotFoundError', ImportError);

export const LookupError = def('LookupError', Exception);
export const IndexError = def('IndexError', LookupError);
export class KeyError extends LookupError {
  __str__(): string {
    if (this.args.length === 1) return R().repr(this.args[0]);
    return super.__str__();
  }
}
register(KeyError, 'KeyError', LookupError);

export const MemoryError = def('MemoryError', Exception);

export class NameError extends Exception {
  __init_kw__(kws: Record<string, any> | null): void {
    noKw(NameError, kws, ['name']);
    Object.defineProperty(this, '__attr_name__', { value: kws?.name ?? null, writable: true, configurable: true });
  }
}
register(NameError, 'NameError', Exception);
export const UnboundLocalError = def('UnboundLocalError', NameError);

export class OSError extends Exception {
  declare errno: any;
  declare strerror: any;
  declare filename: any;
  declare filename2: any;
  declare winerror: any;
  constructor(...args: any[]) {
    if (new.target === OSError && args.length >= 2 && isInt(args[0])) {
      const sub = errnoToClass.get(Number(args[0]));
      if (sub) return new sub(...args) as OSError;
    }
    super(...args);
    const a = this.args;
    this.errno = null; this.strerror = null; this.filename = null; this.filename2 = null; this.winerror = null;
    if (a.length >= 2 && a.length <= 5) {
      this.errno = a[0];
      this.strerror = a[1];
      if (a.length >= 3 && a[2] != null) {
        this.filename = a[2];
        if (a.length >= 5 && a[4] != null) this.filename2 = a[4];
        this.args = makeTuple([a[0], a[1]]);
      }
      if (a.length >= 4) this.winerror = a[3] ?? null;
    }
  }
  __str__(): string {
    const r = R();
    if (this.filename != null) {
      if (this.filename2 != null) {
        return `[Errno ${r.str(this.errno)}] ${r.str(this.strerror)}: ${r.repr(this.filename)} -> ${r.repr(this.filename2)}`;
      }
      return `[Errno ${r.str(this.errno)}] ${r.str(this.strerror)}: ${r.repr(this.filename)}`;
    }
    if (this.errno != null && this.strerror != null) return `[Errno ${r.str(this.errno)}] ${r.str(this.strerror)}`;
    return super.__str__();
  }
}
register(OSError, 'OSError', Exception);
exceptions.EnvironmentError = OSError;
exceptions.IOError = OSError;

export class BlockingIOError extends OSError {
  declare characters_written: any;
}
register(BlockingIOError, 'BlockingIOError', OSError);
export const ChildProcessError = def('ChildProcessError', OSError);
export const ConnectionError = def('ConnectionError', OSError);
export const BrokenPipeError = def('BrokenPipeError', ConnectionError);
export const ConnectionAbortedError = def('ConnectionAbortedError', ConnectionError);
export const ConnectionRefusedError = def('ConnectionRefusedError', ConnectionError);
export const ConnectionResetError = def('ConnectionResetError', ConnectionError);
export const FileExistsError = def('FileExistsError', OSError);
export const FileNotFoundError = def('FileNotFoundError', OSError);
export const InterruptedError = def('InterruptedError', OSError);
export const IsADirectoryError = def('IsADirectoryError', OSError);
export const NotADirectoryError = def('NotADirectoryError', OSError);
export const PermissionError = def('PermissionError', OSError);
export const ProcessLookupError = def('ProcessLookupError', OSError);
export const TimeoutError = def('TimeoutError', OSError);

const errnoToClass = new Map<number, ExcClass>();
{
  const E: Record<string, number> = (os.constants && (os.constants as any).errno) || {};
  const add = (names: string[], C: ExcClass): void => {
    for (const n of names) if (typeof E[n] === 'number') errnoToClass.set(E[n], C);
  };
  add(['EAGAIN', 'EALREADY', 'EWOULDBLOCK', 'EINPROGRESS'], BlockingIOError);
  add(['ECHILD'], ChildProcessError);
  add(['EPIPE', 'ESHUTDOWN'], BrokenPipeError);
  add(['ECONNABORTED'], ConnectionAbortedError);
  add(['ECONNREFUSED'], ConnectionRefusedError);
  add(['ECONNRESET'], ConnectionResetError);
  add(['EEXIST'], FileExistsError);
  add(['ENOENT'], FileNotFoundError);
  add(['EISDIR'], IsADirectoryError);
  add(['ENOTDIR'], NotADirectoryError);
  add(['EINTR'], InterruptedError);
  add(['EACCES', 'EPERM'], PermissionError);
  add(['ESRCH'], ProcessLookupError);
  add(['ETIMEDOUT'], TimeoutError);
}

export const ReferenceError = def('ReferenceError', Exception);
export const RuntimeError = def('RuntimeError', Exception);
export const NotImplementedError = def('NotImplementedError', RuntimeError);
export const RecursionError = def('RecursionError', RuntimeError);
export const StopAsyncIteration = def('StopAsyncIteration', Exception);

export class StopIteration extends Exception {
  declare value: any;
  constructor(...args: any[]) {
    super(...args);
    this.value = this.args.length ? this.args[0] : null;
  }
}
register(StopIteration, 'StopIteration', Exception);

export class SyntaxError extends Exception {
  declare msg: any;
  declare filename: any;
  declare lineno: any;
  declare offset: any;
  declare text: any;
  declare end_lineno: any;
  declare end_offset: any;
  declare print_file_and_line: any;
  constructor(...args: any[]) {
    super(...args);
    const a = this.args;
    this.msg = a.length >= 1 ? a[0] : null;
    this.filename = this.lineno = this.offset = this.text = this.end_lineno = this.end_offset = null;
    this.print_file_and_line = null;
    if (a.length === 2) {
      const info = a[1];
      if (!Array.isArray(info) || info.length < 4 || info.length > 6) {
        throw new IndexError('tuple index out of range');
      }
      [this.filename, this.lineno, this.offset, this.text] = info;
      if (info.length > 4) this.end_lineno = info[4];
      if (info.length > 5) this.end_offset = info[5];
    }
  }
  __str__(): string {
    const r = R();
    const msg = r.str(this.msg);
    const fn = typeof this.filename === 'string' ? this.filename.replace(/^.*\//, '') : null;
    const haveLine = isInt(this.lineno);
    if (fn != null && haveLine) return `${msg} (${fn}, line ${r.str(this.lineno)})`;
    if (fn != null) return `${msg} (${fn})`;
    if (haveLine) return `${msg} (line ${r.str(this.lineno)})`;
    return msg;
  }
}
register(SyntaxError, 'SyntaxError', Exception);
export const IndentationError = def('IndentationError', SyntaxError);
export const TabError = def('TabError', IndentationError);

export const SystemError = def('SystemError', Exception);
export const TypeError = def('TypeError', Exception);
export const ValueError = def('ValueError', Exception);
export const UnicodeError = def('UnicodeError', ValueError);

function charEsc(cp: number): string {
  if (cp < 0x100) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

export class UnicodeDecodeError extends UnicodeError {
  declare encoding: any;
  declare object: any;
  declare start: any;
  declare end: any;
  declare reason: any;
  constructor(...args: any[]) {
    super(...args);
    [this.encoding, this.object, this.start, this.end, this.reason] = this.args.length === 5 ? this.args : [null, null, null, null, null];
  }
  __str__(): string {
    if (this.object == null) return super.__str__();
    const s = Number(this.start), e = Number(this.end);
    if (s < this.object.length && e === s + 1) {
      return `'${this.encoding}' codec can't decode byte 0x${this.object[s].toString(16).padStart(2, '0')} in position ${s}: ${this.reason}`;
    }
    return `'${this.encoding}' codec can't decode bytes in position ${s}-${e - 1}: ${this.reason}`;
  }
}
register(UnicodeDecodeError, 'UnicodeDecodeError', UnicodeError);

export class UnicodeEncodeError extends UnicodeError {
  declare encoding: any;
  declare object: any;
  declare start: any;
  declare end: any;
  declare reason: any;
  constructor(...args: any[]) {
    super(...args);
    [this.encoding, this.object, this.start, this.end, this.reason] = this.args.length === 5 ? this.args : [null, null, null, null, null];
  }
  __str__(): string {
    if (this.object == null) return super.__str__();
    const s = Number(this.start), e = Number(this.end);
    const cps = Array.from(String(this.object));
    if (s < cps.length && e === s + 1) {
      return `'${this.encoding}' codec can't encode character '${charEsc(cps[s].codePointAt(0)!)}' in position ${s}: ${this.reason}`;
    }
    return `'${this.encoding}' codec can't encode characters in position ${s}-${e - 1}: ${this.reason}`;
  }
}
register(UnicodeEncodeError, 'UnicodeEncodeError', UnicodeError);

export class UnicodeTranslateError extends UnicodeError {
  declare object: any;
  declare start: any;
  declare end: any;
  declare reason: any;
  constructor(...args: any[]) {
    super(...args);
    [this.object, this.start, this.end, this.reason] = this.args.length === 4 ? this.args : [null, null, null, null];
  }
  __str__(): string {
    if (this.object == null) return super.__str__();
    const s = Number(this.start), e = Number(this.end);
    const cps = Array.from(String(this.object));
    if (s < cps.length && e === s + 1) {
      return `can't translate character '${charEsc(cps[s].codePointAt(0)!)}' in position ${s}: ${this.reason}`;
    }
    return `can't translate characters in position ${s}-${e - 1}: ${this.reason}`;
  }
}
register(UnicodeTranslateError, 'UnicodeTranslateError', UnicodeError);

export const Warning = def('Warning', Exception);
export const BytesWarning = def('BytesWarning', Warning);
export const DeprecationWarning = def('DeprecationWarning', Warning);
export const EncodingWarning = def('EncodingWarning', Warning);
export const FutureWarning = def('FutureWarning', Warning);
export const ImportWarning = def('ImportWarning', Warning);
export const PendingDeprecationWarning = def('PendingDeprecationWarning', Warning);
export const ResourceWarning = def('ResourceWarning', Warning);
export const RuntimeWarning = def('RuntimeWarning', Warning);
export const SyntaxWarning = def('SyntaxWarning', Warning);
export const UnicodeWarning = def('UnicodeWarning', Warning);
export const UserWarning = def('UserWarning', Warning);

export class BaseExceptionGroup extends BaseException {
  declare exceptions: PyTuple;
  constructor(...args: any[]) {
    const kws = args.length && args[args.length - 1] instanceof KwArgs;
    if (!kws && args.length === 2 && Array.isArray(args[1]) && new.target === BaseExceptionGroup &&
        args[1].length > 0 && args[1].every((e: any) => e instanceof Exception)) {
      return new ExceptionGroup(...args);
    }
    super(...args);
    if (this.args.length !== 2) throw new TypeError(`BaseExceptionGroup.__new__() takes exactly 2 arguments (${this.args.length} given)`);
    const [msg, excs] = this.args;
    if (typeof msg !== 'string') throw new TypeError('argument 1 must be str');
    if (!Array.isArray(excs) || excs.length === 0) throw new ValueError('second argument (exceptions) must be a non-empty sequence');
    for (const e of excs) {
      if (!(e instanceof BaseException)) throw new ValueError(`Item ${excs.indexOf(e)} of second argument (exceptions) is not an exception`);
    }
    this.exceptions = makeTuple(excs);
  }
  __str__(): string {
    const n = this.exceptions.length;
    return `${this.args[0]} (${n} sub-exception${n === 1 ? '' : 's'})`;
  }
}
register(BaseExceptionGroup, 'BaseExceptionGroup', BaseException);

export class ExceptionGroup extends BaseExceptionGroup {
  constructor(...args: any[]) {
    super(...args);
    for (const e of this.exceptions) {
      if (!(e instanceof Exception)) throw new TypeError(`Cannot nest BaseExceptions in an ExceptionGroup`);
    }
  }
}
register(ExceptionGroup, 'ExceptionGroup', BaseExceptionGroup, 'builtins', null, [BaseExceptionGroup, Exception]);

// the attribute `name` of AttributeError/NameError/ImportError is stored
// apart from Error's `.name` (the class name); attr.ts maps it.
export const ATTR_NAME = '__attr_name__';

/**
 * A new exception class (HPyErr_NewException / NewExceptionWithDoc).
 * `fullName` is "module.Name"; `base` a class or a list of classes
 * (default Exception); `dict` class attributes (put on the prototype;
 * `__module__` and `__doc__` are taken as metadata).
 */
export function newException(fullName: string, base?: any, dict?: Record<string, any> | Map<string, any> | null, doc?: string | null): ExcClass {
  if (typeof fullName !== 'string') throw new TypeError('exception name must be a str');
  const dot = fullName.lastIndexOf('.');
  if (dot < 0) throw new SystemError('PyErr_NewException: name must be module.class');
  let module: string | null = fullName.slice(0, dot);
  const name = fullName.slice(dot + 1);
  let bases: Function[];
  if (base == null) bases = [Exception];
  else if (Array.isArray(base)) bases = base.length ? base.slice() : [Exception];
  else bases = [base];
  for (const b of bases) {
    if (typeof b !== 'function' || !(b === BaseException || b.prototype instanceof BaseException)) {
      throw new TypeError('exception bases must be subclasses of BaseException');
    }
  }
  const B: any = bases[0];
  const C = ({ [name]: class extends B {} } as any)[name];
  const entries: [string, any][] = dict instanceof Map ? [...Map.prototype.entries.call(dict)] : dict ? Object.keys(dict).map(k => [k, (dict as any)[k]]) : [];
  for (const [k, v] of entries) {
    if (k === '__module__') { module = v == null ? null : String(v); continue; }
    if (k === '__doc__') { if (doc == null) doc = v; continue; }
    Object.defineProperty(C.prototype, k, { value: v, writable: true, configurable: true, enumerable: false });
  }
  register(C, name, B, module, doc ?? null, bases.length > 1 ? bases : undefined);
  return C;
}

/** true if `cls` is BaseException or one of its subclasses */
export function isExceptionClass(cls: any): boolean {
  if (typeof cls !== 'function') return false;
  return cls === BaseException || T().isSubtype(cls, BaseException);
}

/** The TypeError JS raises for a store its target refuses (a frozen object, a read-only or
 * getter-only property) as Python's TypeError, which is what a store into an immutable raises. */
export function storeError(e: unknown): unknown {
  return e instanceof globalThis.TypeError && !(e instanceof BaseException) ? new TypeError(e.message) : e;
}
