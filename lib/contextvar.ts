// contextvars.ContextVar and Token for HPyContextVar_*. Each JS realm (Node-API environment)
// has a single context, so a variable's value lives on the variable itself.
import { M } from './model-flat';

const MISSING: unique symbol = Symbol('hpy-node.contextvar.missing');

function defineType(fn: Function, name: string): void {
  M.setTypeInfo(fn, { name, module: 'contextvars', base: M.object, flags: M.TPFLAGS.DEFAULT, builtinShape: M.Shape.Object, doc: null });
}

/** Python's Token.MISSING: the old_value of a token from a variable that had no value */
class TokenMissing {
  __repr__(): string {
    return '<Token.MISSING>';
  }
}
defineType(TokenMissing, 'Token.MISSING');

export class Token {
  static readonly MISSING = Object.freeze(new TokenMissing());

  constructor(readonly var_: ContextVar, readonly old_value: unknown) {
    Object.freeze(this);
  }

  /** Python's Token.var */
  get var(): ContextVar {
    return this.var_;
  }
}
defineType(Token, 'Token');

export class ContextVar {
  private value: unknown = MISSING;
  constructor(readonly name: string, readonly defaultValue: unknown = MISSING) {}

  /** The value, else `dflt`, else the variable's default; undefined when there is none. */
  get(dflt: unknown = MISSING): unknown {
    if (this.value !== MISSING) return this.value;
    if (dflt !== MISSING && dflt !== undefined) return dflt;
    return this.defaultValue === MISSING || this.defaultValue === undefined ? undefined : this.defaultValue;
  }

  set(value: unknown): Token {
    const token = new Token(this, this.value === MISSING ? Token.MISSING : this.value);
    this.value = value;
    return token;
  }

  __repr__(): string {
    return `<ContextVar name=${M.repr(this.name)}>`;
  }
}
defineType(ContextVar, 'ContextVar');

export const contextVarHelpers = {
  contextVarNew: (name: string, dflt: unknown) => new ContextVar(name, dflt === undefined ? MISSING : dflt),
  contextVarGet: (v: unknown, dflt: unknown) => {
    if (!(v instanceof ContextVar)) throw new M.exc.TypeError('an instance of ContextVar was expected');
    return v.get(dflt === undefined ? MISSING : dflt);
  },
  contextVarSet: (v: unknown, value: unknown) => {
    if (!(v instanceof ContextVar)) throw new M.exc.TypeError('an instance of ContextVar was expected');
    return v.set(value);
  },
};
