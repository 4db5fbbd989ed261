// Sets up the native HPy context of this JS realm (once per thread) with the dispatch table
// and the values of the context's handle constants.
import { contextConstants, contextMemberCount } from './gen/dispatch';
import { native } from './native';
import { makeDispatch } from './dispatch';
import * as core from './model/core';
import { exceptions, BaseException, setQuietCounter } from './model/exceptions';
import { builtins } from './builtins';
import { registerModule } from './registry';

const TYPE_CONSTANTS: Record<string, unknown> = {
  h_NotImplemented: core.NotImplemented,
  h_Ellipsis: core.Ellipsis,
  h_BaseObjectType: core.object,
  h_TypeType: core.type,
  h_BoolType: core.bool,
  h_LongType: core.int,
  h_FloatType: core.float,
  h_UnicodeType: core.str,
  h_TupleType: core.tuple,
  h_ListType: core.list,
  h_ComplexType: core.complex,
  h_BytesType: core.bytes,
  h_MemoryViewType: core.memoryview,
  h_SliceType: core.slice,
  h_DictType: core.dict,
};

function constantValue(member: string): unknown {
  if (member === 'h_None' || member === 'h_True' || member === 'h_False') return undefined; // immediates
  if (member === 'h_Builtins') return builtins;
  if (member === 'h_CapsuleType') return builtins.PyCapsule;
  if (member in TYPE_CONSTANTS) return TYPE_CONSTANTS[member];
  const e = exceptions[member.slice(2)];
  if (e) return e;
  throw new Error(`hpy-node: no value for context constant ${member}`);
}

let ready = false;

export function ensureContext(): void {
  if (ready) return;
  const constants: unknown[] = new Array(contextMemberCount).fill(undefined);
  for (const [id, member] of contextConstants) constants[id] = constantValue(member);
  const quiet = native.init(makeDispatch(), constants, core.PYKEYS, core.KwArgs.prototype);
  if (quiet instanceof ArrayBuffer) setQuietCounter(quiet);
  registerModule('builtins', builtins);
  ready = true;
  void BaseException;
}
