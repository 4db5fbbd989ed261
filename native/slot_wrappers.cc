// See slot_wrappers.h.
#include "slot_wrappers.h"
#include "call.h"
#include "buffer.h"
#include "types.h"

namespace hn {

namespace {

// HPy 0.9's slot enum has no tp_iter/tp_iternext; accept CPython's numbers for them (62, 63),
// which is what a later HPy would use.
constexpr HPySlot_Slot kSlotTpIter = (HPySlot_Slot)62;
constexpr HPySlot_Slot kSlotTpIterNext = (HPySlot_Slot)63;

struct BinarySlot {
  HPySlot_Slot slot;
  const char *name;
  const char *rname;  // reflected name, or null for in-place slots
};

const BinarySlot kBinary[] = {
    {HPy_nb_add, "__add__", "__radd__"},
    {HPy_nb_subtract, "__sub__", "__rsub__"},
    {HPy_nb_multiply, "__mul__", "__rmul__"},
    {HPy_nb_matrix_multiply, "__matmul__", "__rmatmul__"},
    {HPy_nb_floor_divide, "__floordiv__", "__rfloordiv__"},
    {HPy_nb_true_divide, "__truediv__", "__rtruediv__"},
    {HPy_nb_remainder, "__mod__", "__rmod__"},
    {HPy_nb_divmod, "__divmod__", "__rdivmod__"},
    {HPy_nb_lshift, "__lshift__", "__rlshift__"},
    {HPy_nb_rshift, "__rshift__", "__rrshift__"},
    {HPy_nb_and, "__and__", "__rand__"},
    {HPy_nb_xor, "__xor__", "__rxor__"},
    {HPy_nb_or, "__or__", "__ror__"},
    {HPy_nb_inplace_add, "__iadd__", nullptr},
    {HPy_nb_inplace_subtract, "__isub__", nullptr},
    {HPy_nb_inplace_multiply, "__imul__", nullptr},
    {HPy_nb_inplace_matrix_multiply, "__imatmul__", nullptr},
    {HPy_nb_inplace_floor_divide, "__ifloordiv__", nullptr},
    {HPy_nb_inplace_true_divide, "__itruediv__", nullptr},
    {HPy_nb_inplace_remainder, "__imod__", nullptr},
    {HPy_nb_inplace_lshift, "__ilshift__", nullptr},
    {HPy_nb_inplace_rshift, "__irshift__", nullptr},
    {HPy_nb_inplace_and, "__iand__", nullptr},
    {HPy_nb_inplace_xor, "__ixor__", nullptr},
    {HPy_nb_inplace_or, "__ior__", nullptr},
    {HPy_mp_subscript, "__getitem__", nullptr},
};

const struct {
  HPySlot_Slot slot;
  const char *name;
} kUnary[] = {
    {HPy_tp_repr, "__repr__"},     {HPy_tp_str, "__str__"},     {kSlotTpIter, "__iter__"},
    {HPy_nb_negative, "__neg__"},  {HPy_nb_positive, "__pos__"}, {HPy_nb_absolute, "__abs__"},
    {HPy_nb_invert, "__invert__"}, {HPy_nb_int, "__int__"},      {HPy_nb_float, "__float__"},
    {HPy_nb_index, "__index__"},
};

const char *const kCompare[6] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

napi_value throw_error(Env *e) {
  e->throw_pending();
  return nullptr;
}

// An int result with CPython's convention: -1 with an error set means failure.
napi_value int_result(Env *e, int64_t r, const std::string &name, bool as_bool) {
  if (r == -1 && e->err_occurred()) return throw_error(e);
  if (e->err_occurred()) {
    e->err_clear();
    e->set_system_error(name + " returned a result with an exception set");
    return throw_error(e);
  }
  napi_value v;
  if (as_bool) napi_get_boolean(e->env, r != 0, &v);
  else napi_create_int64(e->env, r, &v);
  return v;
}

napi_value status_result(Env *e, int r, const std::string &name) {
  if (r < 0) {
    if (!e->err_occurred()) e->set_system_error(name + " failed without setting an exception");
    return throw_error(e);
  }
  return nullptr;  // undefined
}

// An index or count argument: ints, and objects with __index__.
bool ssize_arg(Env *e, HPy arg, HPy_ssize_t *i) {
  *i = hn_Long_AsSsize_t(&e->ctx, arg);
  if (*i == -1 && e->err_occurred()) {
    e->err_clear();
    *i = e->ctx.ctx_Long_AsInt64_t(&e->ctx, arg);  // __index__ objects
    if (*i == -1 && e->err_occurred()) return false;
  }
  return true;
}

// A sequence index: negative ones count from the end (sq_length), as CPython's slot wrappers do.
bool index_arg(Env *e, SlotWrapper *w, HPy self, HPy arg, HPy_ssize_t *i) {
  if (!ssize_arg(e, arg, i)) return false;
  if (*i < 0 && w->len) {
    HPy_ssize_t n = w->len(&e->ctx, self);
    if (n < 0) return false;
    *i += n;
  }
  return true;
}

napi_value slot_call(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4], thisv;
  void *data;
  napi_get_cb_info(env, info, &argc, argv, &thisv, &data);
  auto *w = static_cast<SlotWrapper *>(data);
  Env *e = w->env;
  Frame frame(e);
  HPyContext *ctx = &e->ctx;
  bool instance = false;
  InstanceHeader *ih = self_of(e, thisv, w->owner, w->name.c_str(), &instance);
  if (!ih) return throw_error(e);
  HPy self = self_handle(e, thisv, ih, instance);
  SelfScope scope(e, self, ih);
  auto arg = [&](size_t i) { return i < argc ? e->arg_handle(argv[i]) : mk(kNone); };
  auto need = [&](size_t n) {
    if (argc >= n) return true;
    e->set_error(e->h(C_TypeError), w->name + "() expected " + std::to_string(n) + " argument(s), got " +
                                        std::to_string(argc));
    return false;
  };
  const char *name = w->name.c_str();
  switch (w->how) {
    case SlotCall::Unary:
      return finish_call(e, ((HPyFunc_unaryfunc)w->impl)(ctx, self), name);
    case SlotCall::Next: {
      HPy r = ((HPyFunc_iternextfunc)w->impl)(ctx, self);
      if (r._i == 0 && !e->err_occurred()) e->set_error(e->h(C_StopIteration), "");
      return finish_call(e, r, name);
    }
    case SlotCall::Binary:
      if (!need(1)) return throw_error(e);
      return finish_call(e, ((HPyFunc_binaryfunc)w->impl)(ctx, self, arg(0)), name);
    case SlotCall::Reflected:
      if (!need(1)) return throw_error(e);
      return finish_call(e, ((HPyFunc_binaryfunc)w->impl)(ctx, arg(0), self), name);
    case SlotCall::Power:
      if (!need(1)) return throw_error(e);
      return finish_call(e, ((HPyFunc_ternaryfunc)w->impl)(ctx, self, arg(0), arg(1)), name);
    case SlotCall::RPower:
      if (!need(1)) return throw_error(e);
      return finish_call(e, ((HPyFunc_ternaryfunc)w->impl)(ctx, arg(0), self, arg(1)), name);
    case SlotCall::RichCmp:
      if (!need(1)) return throw_error(e);
      return finish_call(e, ((HPyFunc_richcmpfunc)w->impl)(ctx, self, arg(0), (HPy_RichCmpOp)w->op), name);
    case SlotCall::DescrGet:
      return finish_call(e, ((HPyFunc_descrgetfunc)w->impl)(ctx, self, arg(0), arg(1)), name);
    case SlotCall::GetBuffer: {
      int32_t flags = 0;
      if (argc > 0) napi_get_value_int32(env, argv[0], &flags);
      return get_buffer(e, self, (HPyFunc_getbufferproc)w->impl, (HPyFunc_releasebufferproc)w->release, flags, name);
    }
    case SlotCall::ReleaseBuffer:
      if (!need(1) || !release_buffer(e, argv[0])) return throw_error(e);
      return nullptr;
    case SlotCall::Hash:
      return int_result(e, ((HPyFunc_hashfunc)w->impl)(ctx, self), w->name, false);
    case SlotCall::Inquiry:
      return int_result(e, ((HPyFunc_inquiry)w->impl)(ctx, self), w->name, true);
    case SlotCall::Contains:
      if (!need(1)) return throw_error(e);
      return int_result(e, ((HPyFunc_objobjproc)w->impl)(ctx, self, arg(0)), w->name, true);
    case SlotCall::Length:
      return int_result(e, ((HPyFunc_lenfunc)w->impl)(ctx, self), w->name, false);
    case SlotCall::SeqItem:
    case SlotCall::SeqRepeat: {
      if (!need(1)) return throw_error(e);
      HPy_ssize_t i;
      if (w->how == SlotCall::SeqItem ? !index_arg(e, w, self, arg(0), &i) : !ssize_arg(e, arg(0), &i))
        return throw_error(e);
      return finish_call(e, ((HPyFunc_ssizeargfunc)w->impl)(ctx, self, i), name);
    }
    case SlotCall::SeqSet:
    case SlotCall::SeqDel: {
      if (!need(w->how == SlotCall::SeqSet ? 2 : 1)) return throw_error(e);
      HPy_ssize_t i;
      if (!index_arg(e, w, self, arg(0), &i)) return throw_error(e);
      HPy v = w->how == SlotCall::SeqSet ? arg(1) : HPy{0};
      return status_result(e, ((HPyFunc_ssizeobjargproc)w->impl)(ctx, self, i, v), w->name);
    }
    case SlotCall::MapSet:
    case SlotCall::MapDel: {
      if (!need(w->how == SlotCall::MapSet ? 2 : 1)) return throw_error(e);
      HPy v = w->how == SlotCall::MapSet ? arg(1) : HPy{0};
      return status_result(e, ((HPyFunc_objobjargproc)w->impl)(ctx, self, arg(0), v), w->name);
    }
    case SlotCall::Call: {
      // Positional arguments, and keywords from a trailing kw({...}).
      HandleArray h;
      napi_value kwargs = nullptr;
      std::vector<napi_value> all(argc);
      size_t n = argc;
      napi_get_cb_info(env, info, &n, all.data(), nullptr, nullptr);
      if (n > 0 && is_kwargs(e, all[n - 1])) kwargs = all[--n];
      for (size_t i = 0; i < n; i++) h.push_back(e->arg_handle(all[i]));
      HPy kwnames{0};
      if (kwargs && !push_keywords(e, kwargs, h, &kwnames)) return throw_error(e);
      // The call function: HPy_SetCallFunction's, the struct's __vectorcalloffset__ one, tp_call.
      HPyFunc_keywords f = ih->call ? ih->call : (HPyFunc_keywords)w->impl;
      if (!ih->call && ih->type->vectorcall_offset > 0) {
        auto *cf = (HPyCallFunction *)((char *)instance_data(ih) + ih->type->vectorcall_offset);
        if (cf->impl) f = cf->impl;
      }
      if (!f) {
        e->set_error(e->h(C_TypeError), "'" + ih->type->qualname + "' object is not callable");
        return throw_error(e);
      }
      return finish_call(e, f(ctx, self, h.data(), n, kwnames), name);
    }
  }
  return nullptr;
}

}  // namespace

// kw({...}) objects are function objects whose prototype is KwArgs.prototype (lib/model/core.ts):
// ordinary object arguments are ruled out by their typeof, without another Node-API call.
bool is_kwargs(Env *e, napi_value v) {
  napi_valuetype t;
  napi_typeof(e->env, v, &t);
  return is_kwargs(e, v, t);
}

bool is_kwargs(Env *e, napi_value v, napi_valuetype t) {
  if (t != napi_function || !e->kw_proto) return false;
  napi_value proto, kw;
  napi_get_prototype(e->env, v, &proto);
  napi_get_reference_value(e->env, e->kw_proto, &kw);
  bool same = false;
  napi_strict_equals(e->env, proto, kw, &same);
  return same;
}

void SlotTable::put(const char *name, SlotCall how, HPyCFunction impl, int priority, int op) {
  auto it = dunders_.find(name);
  if (it != dunders_.end() && (it->second.priority > priority || (!impl && it->second.impl))) return;
  dunders_[name] = Entry{how, impl, op, priority};
}

bool SlotTable::add(HPySlot_Slot slot, HPyCFunction impl) {
  for (const BinarySlot &b : kBinary) {
    if (b.slot != slot) continue;
    put(b.name, SlotCall::Binary, impl, 1);
    if (b.rname) put(b.rname, SlotCall::Reflected, impl, 1);
    return true;
  }
  for (const auto &u : kUnary) {
    if (u.slot != slot) continue;
    put(u.name, SlotCall::Unary, impl, 1);
    return true;
  }
  switch ((int)slot) {  // int: the tp_iter numbers are not in HPy's enum
    case HPy_tp_richcompare:
      for (int op = 0; op < 6; op++) put(kCompare[op], SlotCall::RichCmp, impl, 1, op);
      return true;
    case kSlotTpIterNext: put("__next__", SlotCall::Next, impl, 1); return true;
    case HPy_tp_hash: put("__hash__", SlotCall::Hash, impl, 1); return true;
    case HPy_tp_call: put("__call__", SlotCall::Call, impl, 1); return true;
    case HPy_tp_descr_get: put("__get__", SlotCall::DescrGet, impl, 1); return true;
    case HPy_nb_bool: put("__bool__", SlotCall::Inquiry, impl, 1); return true;
    case HPy_bf_getbuffer:
      put("__buffer__", SlotCall::GetBuffer, impl, 1);
      put("__release_buffer__", SlotCall::ReleaseBuffer, impl, 1);
      return true;
    case HPy_bf_releasebuffer: releasebuffer_ = impl; return true;
    case HPy_nb_power:
      put("__pow__", SlotCall::Power, impl, 1);
      put("__rpow__", SlotCall::RPower, impl, 1);
      return true;
    case HPy_nb_inplace_power: put("__ipow__", SlotCall::Power, impl, 1); return true;
    case HPy_mp_length: put("__len__", SlotCall::Length, impl, 1); return true;
    case HPy_mp_ass_subscript:
      put("__setitem__", SlotCall::MapSet, impl, 1);
      put("__delitem__", SlotCall::MapDel, impl, 1);
      return true;
    case HPy_sq_length:
      sq_length_ = (HPyFunc_lenfunc)impl;
      put("__len__", SlotCall::Length, impl, 0);
      return true;
    case HPy_sq_item:
      sq_item_ = impl;
      put("__getitem__", SlotCall::SeqItem, impl, 0);
      return true;
    case HPy_sq_ass_item:
      put("__setitem__", SlotCall::SeqSet, impl, 0);
      put("__delitem__", SlotCall::SeqDel, impl, 0);
      return true;
    case HPy_sq_contains: put("__contains__", SlotCall::Contains, impl, 0); return true;
    case HPy_sq_concat: put("__add__", SlotCall::Binary, impl, 0); return true;
    case HPy_sq_inplace_concat: put("__iadd__", SlotCall::Binary, impl, 0); return true;
    case HPy_sq_repeat:
      put("__mul__", SlotCall::SeqRepeat, impl, 0);
      put("__rmul__", SlotCall::SeqRepeat, impl, 0);
      return true;
    case HPy_sq_inplace_repeat: put("__imul__", SlotCall::SeqRepeat, impl, 0); return true;
    // Stored on the type by HPyType_FromSpec, or not needed with a tracing GC.
    case HPy_tp_new:
    case HPy_tp_init:
    case HPy_tp_destroy:
    case HPy_tp_traverse:
    case HPy_tp_finalize:
      return true;
    default:
      return false;
  }
}

napi_value SlotTable::make_function(Env *e, ExtType *t, const std::string &name, SlotCall how, HPyCFunction impl,
                                     int op) {
  auto *w = new SlotWrapper{e, how, impl, op, sq_length_, releasebuffer_, t->name + "." + name, t};
  napi_value fn;
  napi_create_function(e->env, name.c_str(), NAPI_AUTO_LENGTH, slot_call, w, &fn);
  return fn;
}

void SlotTable::define(Env *e, ExtType *t, std::vector<napi_property_descriptor> &props) {
  for (auto &kv : dunders_) {
    napi_value fn = make_function(e, t, kv.first, kv.second.how, kv.second.impl, kv.second.op);
    if (kv.first == "__getitem__" && kv.second.how == SlotCall::Binary) {  // made from mp_subscript
      // Iteration without tp_iter goes through sq_item only, as in CPython: a mapping-only type
      // is not iterable. The object model finds the sequence slot (or null) on the function.
      napi_value sq;
      if (sq_item_)
        sq = make_function(e, t, kv.first, SlotCall::SeqItem, sq_item_, 0);
      else
        napi_get_null(e->env, &sq);
      napi_property_descriptor d{kSeqItemKey, nullptr, nullptr, nullptr, nullptr, sq, napi_default, nullptr};
      napi_define_properties(e->env, fn, 1, &d);
    }
    props.push_back(napi_property_descriptor{nullptr, e->js_string(kv.first.c_str()), nullptr, nullptr, nullptr, fn,
                                             (napi_property_attributes)(napi_writable | napi_configurable), nullptr});
  }
}

}  // namespace hn
