// HPyType_FromSpec and instances of extension types. A type is a JS function (callable with and
// without `new`) whose prototype carries the methods, members, getsets and one dunder method per
// filled slot (`__add__`, `__len__`, ...), through which the object model reaches the slots.
// Instances are JS objects wrapping a native block; tp_destroy runs once when they are collected.
#include "types.h"
#include <atomic>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <map>
#include <vector>
#include "blocks.h"
#include "call.h"
#include "slot_wrappers.h"

namespace hn {

namespace {

napi_value type_call(napi_env env, napi_callback_info info);

struct MemberInfo {
  Env *env;
  HPyMember m;
  ExtType *owner;
};

struct GetSetInfo {
  Env *env;
  HPyGetSet g;
  ExtType *owner;
};

// Runs after the GC collected the instance (Node-API finalizers of stable Node-API versions run on
// the event loop; GC-time ones are unsafe on Node 20 when a callback throws).
void finalize_dead(Env *e, InstanceHeader *h, HPyFunc_destructor fin);

void destroy_instance(napi_env, void *data, void *) {
  auto *h = static_cast<InstanceHeader *>(data);
  Env *e = h->type->env;
  if (Env::alive(e)) {
    for (ExtType *t = h->type; t; t = t->base) {
      if (t->tp_finalize) {
        finalize_dead(e, h, t->tp_finalize);
        break;
      }
    }
  }
  for (ExtType *t = h->type; t; t = t->base) {
    if (t->tp_destroy) {
      t->tp_destroy(instance_data(h));
      break;
    }
  }
  block_free(h, block_size(h->type));
}

// tp_finalize of a collected instance: it gets a stand-in object of the same type over the same
// native block (the JS object itself is gone, and with it the values of its HPyFields). An error
// it raises is reported as unraisable, as CPython does.
void finalize_dead(Env *e, InstanceHeader *h, HPyFunc_destructor fin) {
  napi_handle_scope scope;
  if (napi_open_handle_scope(e->env, &scope) != napi_ok) return;
  napi_value alloc, obj = nullptr;
  if (h->type->allocator) {
    napi_get_reference_value(e->env, h->type->allocator, &alloc);
    if (napi_new_instance(e->env, alloc, 0, nullptr, &obj) != napi_ok) obj = nullptr;
  } else {  // other shapes: an empty instance of the type (0, '', (), [], {})
    napi_value type = e->to_js(h->type->handle);
    if (!e->helper(X_allocInstance, 1, &type, &obj)) obj = nullptr;
    e->err_clear();
  }
  if (obj && napi_wrap(e->env, obj, h, nullptr, nullptr, nullptr) == napi_ok) {
    {
      Frame frame(e);
      HPy self = e->arg_handle(obj);
      fin(&e->ctx, self);
      if (e->err_occurred()) hn_Err_WriteUnraisable(&e->ctx, self);
    }
    void *ignored;
    napi_remove_wrap(e->env, obj, &ignored);
  }
  e->absorb_pending(true);
  napi_close_handle_scope(e->env, scope);
}

std::string short_name(const char *full) {
  const char *dot = std::strrchr(full, '.');
  return dot ? dot + 1 : full;
}

bool fail(Env *e, int exc_id, const std::string &msg) {
  e->set_error(e->h(exc_id), msg);
  return false;
}

// ---- members ---------------------------------------------------------------------------------

napi_value member_get(napi_env env, napi_callback_info info) {
  napi_value thisv;
  void *data;
  napi_get_cb_info(env, info, nullptr, nullptr, &thisv, &data);
  auto *mi = static_cast<MemberInfo *>(data);
  Env *e = mi->env;
  InstanceHeader *h = self_of(e, thisv, mi->owner, mi->m.name);
  if (!h) {
    e->throw_pending();
    return nullptr;
  }
  char *p = (char *)instance_data(h) + mi->m.offset;
  napi_value r;
  switch (mi->m.type) {
    case HPyMember_SHORT: napi_create_int32(env, *(short *)p, &r); break;
    case HPyMember_INT: napi_create_int32(env, *(int *)p, &r); break;
    case HPyMember_BYTE: napi_create_int32(env, *(signed char *)p, &r); break;
    case HPyMember_UBYTE: napi_create_uint32(env, *(unsigned char *)p, &r); break;
    case HPyMember_USHORT: napi_create_uint32(env, *(unsigned short *)p, &r); break;
    case HPyMember_UINT: napi_create_uint32(env, *(unsigned int *)p, &r); break;
    case HPyMember_FLOAT: napi_create_double(env, *(float *)p, &r); break;
    case HPyMember_DOUBLE: napi_create_double(env, *(double *)p, &r); break;
    case HPyMember_BOOL: napi_get_boolean(env, *(char *)p != 0, &r); break;
    case HPyMember_NONE: napi_get_null(env, &r); break;
    case HPyMember_CHAR: {  // the byte as UTF-8, as CPython reads it (UnicodeDecodeError if it is not)
      char one[2] = {*p, 0};
      if (*p == 0) {
        napi_create_string_latin1(env, one, 1, &r);
        break;
      }
      Frame frame(e);
      return finish_call(e, hn_Unicode_FromString(&e->ctx, one), mi->m.name);
    }
    case HPyMember_STRING: {
      const char *s = *(const char **)p;
      if (s) napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &r);
      else napi_get_null(env, &r);
      break;
    }
    case HPyMember_STRING_INPLACE: napi_create_string_utf8(env, p, NAPI_AUTO_LENGTH, &r); break;
    case HPyMember_LONG:
    case HPyMember_LONGLONG:
    case HPyMember_HPYSSIZET:
    case HPyMember_ULONG:
    case HPyMember_ULONGLONG: {
      Frame frame(e);
      HPyContext *ctx = &e->ctx;
      HPy v = mi->m.type == HPyMember_ULONG || mi->m.type == HPyMember_ULONGLONG
                  ? ctx->ctx_Long_FromUInt64_t(ctx, *(uint64_t *)p)
                  : ctx->ctx_Long_FromInt64_t(ctx, *(int64_t *)p);
      return finish_call(e, v, mi->m.name);
    }
    case HPyMember_OBJECT:
    case HPyMember_OBJECT_EX: {
      HPyField f = *(HPyField *)p;
      if (f._i == 0) {
        if (mi->m.type == HPyMember_OBJECT_EX) {
          e->set_error(e->h(C_AttributeError), std::string("'") + h->type->name + "' object has no attribute '" +
                                                   mi->m.name + "'");
          e->throw_pending();
          return nullptr;
        }
        napi_get_null(env, &r);
        break;
      }
      Frame frame(e);
      HPy hself = e->arg_handle(thisv);
      return finish_call(e, e->ctx.ctx_Field_Load(&e->ctx, hself, f), mi->m.name);
    }
    default:
      e->set_system_error(std::string("member '") + mi->m.name + "' has an unknown type");
      e->throw_pending();
      return nullptr;
  }
  return r;
}

// CPython's structmember rules for narrow ints: store the C-cast value, and warn when it was
// truncated (only values beyond 64 bits raise OverflowError).
template <typename T>
bool store_int(Env *e, HPy v, char *p, int64_t lo, int64_t hi, const char *ctype) {
  HPyContext *ctx = &e->ctx;
  int64_t x;
  if (lo == 0) {  // unsigned: accept the whole uint64 range too, as CPython does
    uint64_t u = hn_Long_AsUInt64_t(ctx, v);
    if (u == (uint64_t)-1 && e->err_occurred()) {
      e->err_clear();
      x = hn_Long_AsInt64_t(ctx, v);
      if (x == -1 && e->err_occurred()) return false;
    } else {
      x = u > (uint64_t)INT64_MAX ? -1 : (int64_t)u;
      if (u > (uint64_t)INT64_MAX) {
        *(T *)p = (T)u;
        return hn_Err_WarnEx(ctx, e->h(C_RuntimeWarning), (std::string("Truncation of value to ") + ctype).c_str(), 1) == 0;
      }
    }
  } else {
    x = hn_Long_AsInt64_t(ctx, v);
    if (x == -1 && e->err_occurred()) return false;
  }
  *(T *)p = (T)x;
  if (x < lo || x > hi) {
    const char *why = lo == 0 && x < 0 ? "Writing negative value into unsigned field" : nullptr;
    std::string msg = why ? why : std::string("Truncation of value to ") + ctype;
    return hn_Err_WarnEx(ctx, e->h(C_RuntimeWarning), msg.c_str(), 1) == 0;
  }
  return true;
}

// Deleting a member (the setter called without a value): CPython's rules.
bool delete_member(Env *e, const HPyMember &m, char *p, InstanceHeader *h) {
  if (m.type == HPyMember_OBJECT || m.type == HPyMember_OBJECT_EX) {
    HPyField *f = (HPyField *)p;
    if (m.type == HPyMember_OBJECT_EX && f->_i == 0) {
      return fail(e, C_AttributeError, std::string("'") + h->type->qualname + "' object has no attribute '" + m.name + "'");
    }
    f->_i = 0;  // the value kept on the JS side is released with its owner
    return true;
  }
  return fail(e, C_TypeError, "can't delete numeric/char attribute");
}

napi_value member_set(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg, thisv;
  void *data;
  napi_get_cb_info(env, info, &argc, &arg, &thisv, &data);
  auto *mi = static_cast<MemberInfo *>(data);
  Env *e = mi->env;
  Frame frame(e);
  InstanceHeader *h = self_of(e, thisv, mi->owner, mi->m.name);
  bool ok = true;
  if (!h) {
    ok = false;
  } else if (mi->m.readonly) {
    ok = fail(e, C_AttributeError, "readonly attribute");
  } else if (argc == 0) {  // the object model deletes by calling the setter without a value
    ok = delete_member(e, mi->m, (char *)instance_data(h) + mi->m.offset, h);
  } else if (mi->m.type == HPyMember_STRING || mi->m.type == HPyMember_STRING_INPLACE) {
    ok = fail(e, C_TypeError, "readonly attribute");
  } else if (mi->m.type == HPyMember_NONE) {
    ok = fail(e, C_SystemError, std::string("bad memberdescr type for ") + mi->m.name);
  } else {
    char *p = (char *)instance_data(h) + mi->m.offset;
    HPy v = e->arg_handle(arg);
    HPyContext *ctx = &e->ctx;
    switch (mi->m.type) {
      case HPyMember_SHORT: ok = store_int<short>(e, v, p, SHRT_MIN, SHRT_MAX, "short"); break;
      case HPyMember_INT: ok = store_int<int>(e, v, p, INT32_MIN, INT32_MAX, "int"); break;
      case HPyMember_BYTE: ok = store_int<signed char>(e, v, p, -128, 127, "char"); break;
      case HPyMember_UBYTE: ok = store_int<unsigned char>(e, v, p, 0, 255, "unsigned char"); break;
      case HPyMember_USHORT: ok = store_int<unsigned short>(e, v, p, 0, 65535, "unsigned short"); break;
      case HPyMember_UINT: ok = store_int<unsigned int>(e, v, p, 0, UINT32_MAX, "unsigned int"); break;
      case HPyMember_LONG:
      case HPyMember_LONGLONG:
      case HPyMember_HPYSSIZET: {
        int64_t x = hn_Long_AsInt64_t(ctx, v);
        ok = !(x == -1 && e->err_occurred());
        if (ok) *(int64_t *)p = x;
        break;
      }
      case HPyMember_ULONG: ok = store_int<uint64_t>(e, v, p, 0, INT64_MAX, "unsigned long"); break;
      case HPyMember_ULONGLONG: {
        uint64_t x = hn_Long_AsUInt64_t(ctx, v);
        ok = !(x == (uint64_t)-1 && e->err_occurred());
        if (ok) *(uint64_t *)p = x;
        break;
      }
      case HPyMember_FLOAT:
      case HPyMember_DOUBLE: {
        double d = hn_Float_AsDouble(ctx, v);
        ok = !(d == -1.0 && e->err_occurred());
        if (ok && mi->m.type == HPyMember_FLOAT) *(float *)p = (float)d;
        else if (ok) *(double *)p = d;
        break;
      }
      case HPyMember_BOOL: {
        uint64_t b = bits(v);
        if (b != kTrue && b != kFalse) ok = fail(e, C_TypeError, "attribute value type must be bool");
        else *(char *)p = b == kTrue;
        break;
      }
      case HPyMember_CHAR: {
        HPy_ssize_t n = 0;
        const char *s = hn_Unicode_AsUTF8AndSize(ctx, v, &n);
        if (!s) ok = false;
        else if (n != 1) ok = fail(e, C_TypeError, "attribute value must be a character");
        else *(char *)p = s[0];
        break;
      }
      case HPyMember_OBJECT:
      case HPyMember_OBJECT_EX: {
        HPy hself = e->arg_handle(thisv);
        ctx->ctx_Field_Store(ctx, hself, (HPyField *)p, v);
        ok = !e->err_occurred();
        break;
      }
      default:
        ok = fail(e, C_SystemError, "member of an unknown type");
    }
  }
  if (!ok) {
    e->throw_pending();
    return nullptr;
  }
  return nullptr;
}

// ---- getsets -----------------------------------------------------------------------------------

napi_value getset_get(napi_env env, napi_callback_info info) {
  napi_value thisv;
  void *data;
  napi_get_cb_info(env, info, nullptr, nullptr, &thisv, &data);
  auto *gi = static_cast<GetSetInfo *>(data);
  Env *e = gi->env;
  Frame frame(e);
  if (!gi->g.getter_impl) {
    e->set_error(e->h(C_AttributeError), std::string("attribute '") + gi->g.name + "' is not readable");
    e->throw_pending();
    return nullptr;
  }
  bool instance = false;
  InstanceHeader *ih = self_of(e, thisv, gi->owner, gi->g.name, &instance);
  if (!ih) {
    e->throw_pending();
    return nullptr;
  }
  HPy self = self_handle(e, thisv, ih, instance);
  SelfScope scope(e, self, ih);
  HPy r = ((HPyFunc_getter)gi->g.getter_impl)(&e->ctx, self, gi->g.closure);
  return finish_call(e, r, gi->g.name);
}

napi_value getset_set(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg, thisv;
  void *data;
  napi_get_cb_info(env, info, &argc, &arg, &thisv, &data);
  auto *gi = static_cast<GetSetInfo *>(data);
  Env *e = gi->env;
  Frame frame(e);
  if (!gi->g.setter_impl) {
    InstanceHeader *ih = instance_of(e, thisv);
    e->set_error(e->h(C_AttributeError), std::string("attribute '") + gi->g.name + "' of '" +
                                             (ih ? ih->type->qualname : std::string("object")) + "' objects is not writable");
    e->throw_pending();
    return nullptr;
  }
  bool instance = false;
  InstanceHeader *ih = self_of(e, thisv, gi->owner, gi->g.name, &instance);
  if (!ih) {
    e->throw_pending();
    return nullptr;
  }
  HPy self = self_handle(e, thisv, ih, instance);
  SelfScope scope(e, self, ih);
  HPy v = argc == 0 ? HPy{0} : e->arg_handle(arg);  // no value: delete (the setter gets HPy_NULL)
  int rc = ((HPyFunc_setter)gi->g.setter_impl)(&e->ctx, self, v, gi->g.closure);
  if (rc < 0 || e->err_occurred()) {
    if (!e->err_occurred()) e->set_system_error(std::string("setter of '") + gi->g.name + "' failed without an exception");
    e->throw_pending();
  }
  return nullptr;
}

napi_property_descriptor prop(const char *name, napi_value value) {
  return napi_property_descriptor{name, nullptr, nullptr, nullptr, nullptr, value,
                                  (napi_property_attributes)(napi_writable | napi_configurable), nullptr};
}

// ---- calling a type ----------------------------------------------------------------------------

napi_value type_call(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value inline_argv[8];
  napi_value thisv;
  void *data;
  napi_get_cb_info(env, info, &argc, inline_argv, &thisv, &data);
  std::vector<napi_value> argv(inline_argv, inline_argv + (argc < 8 ? argc : 8));
  if (argc > 8) {
    argv.resize(argc);
    napi_get_cb_info(env, info, &argc, argv.data(), nullptr, nullptr);
  }
  ExtType *t = static_cast<ExtType *>(data);
  Env *e = t->env;
  Frame frame(e);
  HPyContext *ctx = &e->ctx;
  // `class Sub extends T` in JS: super(...) reaches here with new.target === Sub. The instance
  // must be made for Sub (its prototype), so Sub is the type handed to tp_new / HPy_New.
  HPy type = t->handle;
  napi_value new_target = nullptr;
  napi_get_new_target(env, info, &new_target);
  if (new_target) {
    bool same = false;
    napi_strict_equals(env, new_target, e->to_js(t->handle), &same);
    if (!same) {
      if (!(t->flags & HPy_TPFLAGS_BASETYPE)) {
        e->set_error(e->h(C_TypeError), "type '" + t->qualname + "' is not an acceptable base type");
        return finish_call(e, HPy{0}, t->name.c_str());
      }
      // Reflect.construct(T, args, U): U must be T or a subtype (T's tp_new fills T's struct).
      if (!derives_from(ext_type_of(e, new_target), t)) {
        napi_value nm;
        std::string u = "?";
        if (e->helper(X_typeName, 1, &new_target, &nm)) u = e->utf8(nm);
        e->err_clear();
        e->set_error(e->h(C_TypeError), t->qualname + ".__new__(" + u + "): " + u + " is not a subtype of " + t->qualname);
        return finish_call(e, HPy{0}, t->name.c_str());
      }
      type = e->arg_handle(new_target);
    }
  }
  HPy kw{0};
  if (!argv.empty() && is_kwargs(e, argv.back())) {
    napi_value d;
    if (napi_get_named_property(env, argv.back(), "kwargs", &d) != napi_ok) {  // a forged marker's getter
      e->absorb_pending();
      if (!e->err_occurred()) e->set_system_error("a kw() object without its keywords");
      return finish_call(e, HPy{0}, t->name.c_str());
    }
    kw = e->arg_handle(d);
    argv.pop_back();
  }
  std::vector<HPy> args(argv.size());
  for (size_t i = 0; i < argv.size(); i++) args[i] = e->arg_handle(argv[i]);
  HPyFunc_newfunc tp_new = nullptr;
  HPyFunc_initproc tp_init = nullptr;
  for (ExtType *x = t; x && !tp_new; x = x->base) tp_new = x->tp_new;
  for (ExtType *x = t; x && !tp_init; x = x->base) tp_init = x->tp_init;
  if (!tp_new && !tp_init && t->shape == HPyType_BuiltinShape_Object &&
      (!args.empty() || (kw._i && hn_Length(ctx, kw) > 0))) {  // object.__new__ takes nothing
    e->set_error(e->h(C_TypeError), t->qualname + "() takes no arguments");
    return finish_call(e, HPy{0}, t->name.c_str());
  }
  // The arguments as a JS array, for the builtin base's __new__ or __init__ (made when needed).
  napi_value kw_js = kw._i ? e->to_js(kw) : nullptr;
  auto args_js = [&]() {
    napi_value a;
    napi_create_array_with_length(env, argv.size(), &a);
    for (size_t i = 0; i < argv.size(); i++) napi_set_element(env, a, (uint32_t)i, argv[i]);
    return a;
  };
  bool fills = t->shape == HPyType_BuiltinShape_List || t->shape == HPyType_BuiltinShape_Dict;
  HPy obj{0};
  if (tp_new) {
    obj = tp_new(ctx, type, args.data(), (HPy_ssize_t)args.size(), kw);
  } else {  // the builtin base's __new__: tuple(...), int(...), type(name, bases, dict); else empty
    bool takes_args = t->shape != HPyType_BuiltinShape_Object && !fills;
    napi_value o = new_instance(e, t, nullptr, takes_args ? args_js() : nullptr, e->to_js(type), kw_js);
    if (o) obj = e->new_slot(o);
  }
  if (obj._i && !e->err_occurred() && (tp_init || fills)) {  // then __init__ runs on an instance of t
    InstanceHeader *ih = instance_of(e, obj);
    bool is_sub = ih && derives_from(ih->type, t);
    bool failed = false;
    if (is_sub && tp_init) {
      failed = tp_init(ctx, obj, args.data(), (HPy_ssize_t)args.size(), kw) < 0;
      if (failed && !e->err_occurred()) e->set_system_error(t->name + ".__init__ failed without an exception");
    } else if (is_sub && fills) {
      // list.__init__ / dict.__init__ fill the new instance
      napi_value init_argv[3] = {e->to_js(obj), args_js(), kw_js ? kw_js : e->undefined()}, ignored;
      failed = !e->helper(X_initInstance, 3, init_argv, &ignored);
    }
    if (failed) {
      e->close(obj);
      obj = HPy{0};
    }
  }
  return finish_call(e, obj, t->name.c_str());
}

// The shape of instances of a builtin base type, or -1 when it cannot be a base here.
int builtin_base_shape(Env *e, napi_value base) {
  const std::pair<int, int> bases[] = {
      {C_BaseObjectType, HPyType_BuiltinShape_Object}, {C_TypeType, HPyType_BuiltinShape_Type},
      {C_LongType, HPyType_BuiltinShape_Long},         {C_FloatType, HPyType_BuiltinShape_Float},
      {C_UnicodeType, HPyType_BuiltinShape_Unicode},   {C_TupleType, HPyType_BuiltinShape_Tuple},
      {C_ListType, HPyType_BuiltinShape_List},         {C_DictType, HPyType_BuiltinShape_Dict}};
  for (auto &b : bases) {
    bool same = false;
    napi_strict_equals(e->env, base, e->to_js(e->h(b.first)), &same);
    if (same) return b.second;
  }
  return -1;
}

}  // namespace

ExtType::~ExtType() { std::free(meta_block); }  // only types that failed to be made are deleted

bool derives_from(const ExtType *t, const ExtType *owner) {
  for (; t; t = t->base) {
    if (t == owner) return true;
    for (const ExtType *x : t->extra_bases)
      if (derives_from(x, owner)) return true;
  }
  return false;
}

bool spec_bases(Env *e, HPyType_Spec *spec, HPyType_SpecParam *params, SpecBases *out) {
  // As HPy 0.9 on CPython: every Base in order, or one BasesTuple (not both); object by default.
  std::vector<napi_value> bases;
  napi_value tuple = nullptr;
  out->metaclass = nullptr;
  out->metaclass_h = HPy{0};
  for (HPyType_SpecParam *p = params; p && p->kind; p++) {
    if (p->kind == HPyType_SpecParam_Base) {
      bases.push_back(e->to_js(p->object));
    } else if (p->kind == HPyType_SpecParam_BasesTuple) {
      tuple = e->to_js(p->object);
    } else if (p->kind == HPyType_SpecParam_Metaclass) {
      if (out->metaclass) return fail(e, C_ValueError, "metaclass was specified multiple times");
      out->metaclass = e->to_js(p->object);
      out->metaclass_h = p->object;
    } else {
      e->set_system_error("HPyType_FromSpec: unknown HPyType_SpecParam kind " + std::to_string(p->kind));
      return false;
    }
  }
  if (tuple && !bases.empty())
    return fail(e, C_TypeError, "cannot specify both HPyType_SpecParam_Base and HPyType_SpecParam_BasesTuple");
  if (tuple) {
    uint32_t n = 0;
    if (napi_get_array_length(e->env, tuple, &n) != napi_ok)
      return fail(e, C_TypeError, "HPyType_SpecParam_BasesTuple must be a tuple of types");
    for (uint32_t i = 0; i < n; i++) {
      napi_value x;
      napi_get_element(e->env, tuple, i, &x);
      bases.push_back(x);
    }
  }
  if (bases.empty()) bases.push_back(e->to_js(e->h(C_BaseObjectType)));
  // The instances' layout comes from one base; the others may only add behaviour (object-shaped,
  // no struct), as CPython's "solid base" rule has it.
  int primary = -1;
  std::vector<ExtType *> exts(bases.size());
  std::vector<int> shapes(bases.size());
  for (size_t i = 0; i < bases.size(); i++) {
    ExtType *x = exts[i] = ext_type_of(e, bases[i]);
    if (x && !(x->flags & HPy_TPFLAGS_BASETYPE)) {
      return fail(e, C_TypeError, "type '" + x->qualname + "' is not an acceptable base type");
    }
    shapes[i] = x ? x->shape : builtin_base_shape(e, bases[i]);
    if (shapes[i] < 0) {
      e->set_system_error(std::string("type '") + spec->name +
                          "': its bases must be object, type, int, float, str, tuple, list, dict or HPy types");
      return false;
    }
    bool trivial = shapes[i] == HPyType_BuiltinShape_Object && (!x || x->basicsize == 0);
    if (trivial) continue;
    if (primary < 0) {
      primary = (int)i;
    } else if (shapes[i] != shapes[primary] || (x && x->basicsize > 0 && !derives_from(exts[primary], x))) {
      return fail(e, C_TypeError, std::string("type '") + spec->name + "': multiple bases have instance lay-out conflict");
    }
  }
  if (primary < 0) primary = 0;
  out->primary = bases[primary];
  out->primary_ext = exts[primary];
  out->shape = shapes[primary];
  out->all = bases;
  out->extra.clear();
  out->extra_ext.clear();
  for (size_t i = 0; i < bases.size(); i++) {
    if ((int)i == primary) continue;
    out->extra.push_back(bases[i]);
    if (exts[i]) out->extra_ext.push_back(exts[i]);
  }
  return true;
}

bool metaclass_block(Env *e, HPy meta_h, InstanceHeader **block) {
  *block = nullptr;
  napi_value metaclass = e->to_js_or_undefined(meta_h);
  napi_value argv[2] = {metaclass, e->to_js(e->h(C_TypeType))}, r;
  napi_valuetype vt;
  napi_typeof(e->env, metaclass, &vt);
  bool is_meta = false;
  if (vt == napi_function) {
    if (!e->dispatch(D_Type_IsSubtype, 2, argv, &r)) return false;
    napi_get_value_bool(e->env, r, &is_meta);
  }
  if (!is_meta) {
    std::string what = vt == napi_function ? "" : " (a '" + e->type_name_of(meta_h) + "' object)";
    e->set_error(e->h(C_TypeError), "the metaclass" + what + " is not a subclass of 'type'");
    return false;
  }
  ExtType *meta = ext_type_of(e, metaclass);
  for (ExtType *x = meta; x; x = x->base) {
    if (x->tp_new) {  // the type would have to be made by it, which HPyType_FromSpec cannot do
      e->set_error(e->h(C_TypeError), "Metaclasses with custom tp_new are not supported.");
      return false;
    }
  }
  if (meta && meta->shape == HPyType_BuiltinShape_Type) {  // the type object's own struct
    *block = static_cast<InstanceHeader *>(std::calloc(1, sizeof(InstanceHeader) + (size_t)meta->basicsize));
    if (!*block) {
      e->set_error(e->h(C_MemoryError), "");
      return false;
    }
    (*block)->type = meta;
  }
  return true;
}

ExtType *own_ext_type(Env *e, napi_value type) {
  if (e->last_type) {  // the type used last: one comparison instead of two private lookups
    bool same = false;
    napi_strict_equals(e->env, type, e->to_js(static_cast<ExtType *>(e->last_type)->handle), &same);
    if (same) return static_cast<ExtType *>(e->last_type);
  }
  napi_valuetype vt;
  napi_typeof(e->env, type, &vt);
  bool tagged = false;
  if (vt != napi_function || napi_check_object_type_tag(e->env, type, &e->type_tag, &tagged) != napi_ok || !tagged)
    return nullptr;
  void *p = nullptr;
  napi_unwrap(e->env, type, &p);
  if (p) e->last_type = p;
  return static_cast<ExtType *>(p);
}

ExtType *exact_instance_type(Env *e, HPy h) {
  InstanceHeader *ih = instance_of(e, h);
  if (!ih || !ih->type->proto) return nullptr;
  napi_value obj = e->to_js(h), p, own;
  if (napi_get_prototype(e->env, obj, &p) != napi_ok) return nullptr;
  napi_get_reference_value(e->env, ih->type->proto, &own);
  bool same = false;
  napi_strict_equals(e->env, p, own, &same);
  return same ? ih->type : nullptr;
}

InstanceHeader *type_meta_block(Env *e, napi_value type) {
  ExtType *t = own_ext_type(e, type);
  return t ? t->meta_block : nullptr;
}

InstanceHeader *struct_owner(Env *e, HPy h) {
  InstanceHeader *ih = instance_of(e, h);
  return ih ? ih : type_meta_block(e, e->to_js_or_undefined(h));
}

InstanceHeader *instance_of(Env *e, HPy h) {
  Slot *s = e->slot_of(h);
  if (!s || s->rc == 0) return nullptr;  // immediates are no instances
  if (s->flags & kInstKnown) return static_cast<InstanceHeader *>(s->inst);
  InstanceHeader *ih = instance_of(e, e->to_js(h));
  set_instance_of(e, h, ih);
  return ih;
}

void set_instance_of(Env *e, HPy h, InstanceHeader *ih) {
  if (Slot *s = e->slot_of(h); s && s->rc > 0) {
    s->inst = ih;
    s->flags |= kInstKnown;
  }
}

ExtType *ext_type_of(Env *e, napi_value type) {
  napi_valuetype vt;
  napi_typeof(e->env, type, &vt);
  if (vt != napi_function) return nullptr;
  for (int depth = 0; depth < 64; depth++) {
    if (ExtType *t = own_ext_type(e, type)) return t;
    // not an HPy type itself: maybe a JS class extending one (Object.getPrototypeOf(Sub) === T)
    napi_value parent;
    if (napi_get_prototype(e->env, type, &parent) != napi_ok) return nullptr;
    napi_typeof(e->env, parent, &vt);
    if (vt != napi_function) return nullptr;
    type = parent;
  }
  return nullptr;
}

InstanceHeader *instance_of(Env *e, napi_value obj) {
  // napi_unwrap refuses what is not an object (functions are: types of a metatype are wrapped).
  // Our instances are the wrapped objects whose pointer is one of our blocks: other addons'
  // wrapped objects (and our type objects, capsules, ...) are not. This is cheaper than a type
  // tag, which costs every instance a second private property.
  void *p = nullptr;
  if (napi_unwrap(e->env, obj, &p) != napi_ok || !p) return nullptr;
  if (block_chunk(p) != e->owned_chunk && !block_owned(p, &e->owned_chunk)) return nullptr;
  return static_cast<InstanceHeader *>(p);
}

InstanceHeader *self_of(Env *e, napi_value self, ExtType *owner, const char *name, bool *instance) {
  InstanceHeader *ih = instance_of(e, self);
  if (instance) *instance = ih != nullptr;
  if (!ih) ih = type_meta_block(e, self);  // a type made with an HPy metatype: the metatype's methods
  if (ih && derives_from(ih->type, owner)) return ih;
  napi_value tn;
  std::string what = "object";
  if (e->helper(X_tpName, 1, &self, &tn)) what = e->utf8(tn);
  e->err_clear();
  e->set_error(e->h(C_TypeError), std::string("descriptor '") + (name ? name : "?") + "' for '" + owner->qualname +
                                      "' objects doesn't apply to a '" + what + "' object");
  return nullptr;
}

HPy self_handle(Env *e, napi_value self, InstanceHeader *ih, bool instance) {
  HPy h = e->arg_handle(self);
  if (instance) set_instance_of(e, h, ih);  // HPy_Type / TypeCheck on self then need no unwrap
  return h;
}

// The constructor behind ExtType::allocator: `new` has made `this` with the right prototype.
napi_value allocate_this(napi_env env, napi_callback_info info) {
  napi_value thisv;
  napi_get_cb_info(env, info, nullptr, nullptr, &thisv, nullptr);
  return thisv;
}

napi_value new_instance(Env *e, ExtType *t, void **data, napi_value args, napi_value type_js, napi_value kw,
                        InstanceHeader **header) {
  napi_value obj;
  bool own_type = !type_js;
  if (type_js && t->allocator) napi_strict_equals(e->env, type_js, e->to_js(t->handle), &own_type);
  if (own_type && !args && t->allocator) {  // the common case: no JS call, no arguments to copy
    napi_value alloc;
    napi_get_reference_value(e->env, t->allocator, &alloc);
    if (napi_new_instance(e->env, alloc, 0, nullptr, &obj) != napi_ok) {
      e->err_from_pending();
      return nullptr;
    }
  } else {
    napi_value argv[3] = {type_js ? type_js : e->to_js(t->handle), args ? args : e->undefined(),
                          kw ? kw : e->undefined()};
    if (!e->helper(X_allocInstance, 3, argv, &obj)) return nullptr;
  }
  auto *h = static_cast<InstanceHeader *>(block_alloc(block_size(t)));
  if (!h) {
    e->set_error(e->h(C_MemoryError), "");
    return nullptr;
  }
  h->type = t;
  napi_wrap(e->env, obj, h, destroy_instance, nullptr, nullptr);
  if (data) *data = instance_data(h);
  if (header) *header = h;
  return obj;
}

}  // namespace hn

using hn::Env;
using hn::ExtType;

HPy hn_Type_FromSpec(HPyContext *ctx, HPyType_Spec *spec, HPyType_SpecParam *params) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  if (!spec || !spec->name) {
    e->set_system_error("HPyType_FromSpec: NULL spec or name");
    return HPy{0};
  }
  if (!std::strchr(spec->name, '.')) {
    // CPython only warns; the module part is needed for __module__, so insist like HPy's docs.
    e->set_system_error(std::string("HPyType_FromSpec: type name '") + spec->name + "' must be 'module.Name'");
    return HPy{0};
  }
  if (spec->legacy_slots || spec->builtin_shape == HPyType_BuiltinShape_Legacy) {
    e->set_error(e->h(hn::C_TypeError), std::string("type '") + spec->name +
                                            "' uses legacy CPython slots or the legacy shape, which need CPython");
    return HPy{0};
  }
  if (spec->builtin_shape < HPyType_BuiltinShape_Legacy || spec->builtin_shape > HPyType_BuiltinShape_Dict) {
    e->set_error(e->h(hn::C_ValueError), "invalid shape: " + std::to_string(spec->builtin_shape));
    return HPy{0};
  }
  hn::SpecBases b;
  if (!hn::spec_bases(e, spec, params, &b)) return HPy{0};
  ExtType *base_ext = b.primary_ext;
  int base_shape = b.shape;
  napi_value base = b.primary, metaclass = b.metaclass;
  HPy metaclass_h = b.metaclass_h;
  hn::InstanceHeader *meta_block = nullptr;
  if (metaclass && !hn::metaclass_block(e, metaclass_h, &meta_block)) return HPy{0};
  auto *t = new ExtType{};
  t->env = e;
  t->qualname = spec->name;
  t->name = hn::short_name(spec->name);
  t->basicsize = spec->basicsize > 0 ? spec->basicsize : (base_ext ? base_ext->basicsize : 0);
  if (base_ext && t->basicsize < base_ext->basicsize) t->basicsize = base_ext->basicsize;
  t->flags = spec->flags;
  t->shape = base_shape;
  t->spec_shape = spec->builtin_shape;
  t->meta_block = meta_block;
  t->base = base_ext;
  t->extra_bases = b.extra_ext;

  // Collect definitions; slots become dunder methods (mp_* and nb_* take precedence over sq_*).
  std::vector<const HPyMeth *> meths;
  std::vector<napi_property_descriptor> props;
  napi_value docs;  // name -> doc of methods, members and getsets, set by the object model
  napi_create_object(e->env, &docs);
  auto add_doc = [&](const char *name, const char *doc) {
    if (name && doc) napi_set_named_property(e->env, docs, name, e->js_string(doc));
  };
  hn::SlotTable slots;
  for (HPyDef **d = spec->defines; d && *d; d++) {
    HPyDef *x = *d;
    switch (x->kind) {
      case HPyDef_Kind_Meth:
        meths.push_back(&x->meth);
        add_doc(x->meth.name, x->meth.doc);
        break;
      case HPyDef_Kind_Member: {
        add_doc(x->member.name, x->member.doc);
        if (std::strcmp(x->member.name, "__vectorcalloffset__") == 0) {
          // The instance struct holds an HPyCallFunction at this offset (HPy_SetCallFunction).
          t->vectorcall_offset = x->member.offset;
          slots.add(HPy_tp_call, nullptr);
          break;
        }
        auto *mi = new hn::MemberInfo{e, x->member, t};
        props.push_back({x->member.name, nullptr, nullptr, hn::member_get, hn::member_set, nullptr,
                         (napi_property_attributes)napi_configurable, mi});
        break;
      }
      case HPyDef_Kind_GetSet: {
        add_doc(x->getset.name, x->getset.doc);
        auto *gi = new hn::GetSetInfo{e, x->getset, t};
        props.push_back({x->getset.name, nullptr, nullptr, hn::getset_get, hn::getset_set,
                         nullptr, (napi_property_attributes)napi_configurable, gi});
        break;
      }
      case HPyDef_Kind_Slot: {
        HPySlot_Slot s = x->slot.slot;
        if (s == HPy_tp_new) t->tp_new = (HPyFunc_newfunc)x->slot.impl;
        else if (s == HPy_tp_init) t->tp_init = (HPyFunc_initproc)x->slot.impl;
        else if (s == HPy_tp_destroy) t->tp_destroy = (HPyFunc_destroyfunc)x->slot.impl;
        else if (s == HPy_tp_finalize) t->tp_finalize = (HPyFunc_destructor)x->slot.impl;
        else if (s == HPy_tp_call) t->tp_call = (HPyFunc_keywords)x->slot.impl;
        else if (s == HPy_mod_create || s == HPy_mod_exec) {
          e->set_error(e->h(hn::C_TypeError), "HPy_mod_create and HPy_mod_exec are module slots, not type slots");
          delete t;
          return HPy{0};
        }
        if (!slots.add(s, x->slot.impl)) {
          e->set_system_error(std::string("type '") + spec->name + "': slot " + std::to_string(s) +
                              " is not supported by hpy-node yet");
          delete t;
          return HPy{0};
        }
        break;
      }
      default:
        e->set_system_error("HPyType_FromSpec: unknown HPyDef kind");
        delete t;
        return HPy{0};
    }
  }

  napi_value ctor;
  napi_create_function(e->env, t->name.c_str(), NAPI_AUTO_LENGTH, hn::type_call, t, &ctor);
  napi_type_tag_object(e->env, ctor, &e->type_tag);
  napi_wrap(e->env, ctor, t, nullptr, nullptr, nullptr);
  t->handle = e->new_slot(ctor, hn::kPermanent);

  // The object model makes it a Python type: TYPEINFO, prototype chain, flags, doc.
  napi_value info;
  napi_create_object(e->env, &info);
  napi_set_named_property(e->env, info, "name", e->js_string(t->name.c_str()));
  napi_set_named_property(e->env, info, "qualname", e->js_string(spec->name));
  napi_set_named_property(e->env, info, "base", base);
  napi_set_named_property(e->env, info, "flags", e->js_number((double)spec->flags));
  napi_set_named_property(e->env, info, "basicsize", e->js_number(t->basicsize));
  napi_set_named_property(e->env, info, "shape", e->js_number(t->shape));
  napi_set_named_property(e->env, info, "specShape", e->js_number(t->spec_shape));
  napi_set_named_property(e->env, info, "doc", spec->doc ? e->js_string(spec->doc) : e->null());
  if (metaclass) napi_set_named_property(e->env, info, "meta", metaclass);
  if (!b.extra.empty()) {
    napi_value extra;
    napi_create_array_with_length(e->env, b.extra.size(), &extra);
    for (size_t i = 0; i < b.extra.size(); i++) napi_set_element(e->env, extra, (uint32_t)i, b.extra[i]);
    napi_set_named_property(e->env, info, "bases", extra);
    napi_value declared;
    napi_create_array_with_length(e->env, b.all.size(), &declared);
    for (size_t i = 0; i < b.all.size(); i++) napi_set_element(e->env, declared, (uint32_t)i, b.all[i]);
    napi_set_named_property(e->env, info, "declared", declared);
  }
  napi_value argv[2] = {ctor, info}, proto, ignored, alloc;
  if (!e->helper(hn::X_makeType, 2, argv, &ignored)) {
    e->release_permanent(t->handle);
    return HPy{0};
  }
  napi_get_named_property(e->env, ctor, "prototype", &proto);
  napi_create_reference(e->env, proto, 1, &t->proto);
  if (t->shape == HPyType_BuiltinShape_Object) {
    // A native constructor: its objects are small. (A JS function's get spare in-object room,
    // which makes napi_wrap cheaper, ~15%, but costs more memory per instance than it saves.)
    napi_create_function(e->env, "allocate", NAPI_AUTO_LENGTH, hn::allocate_this, nullptr, &alloc);
    napi_set_named_property(e->env, alloc, "prototype", proto);
    napi_create_reference(e->env, alloc, 1, &t->allocator);
  }
  for (const HPyMeth *m : meths) props.push_back(hn::prop(m->name, hn::make_method(e, m, HPy{0}, t)));
  slots.define(e, t, props);
  if (!props.empty()) napi_define_properties(e->env, proto, props.size(), props.data());
  napi_value finish_argv[2] = {ctor, docs};
  if (!e->helper(hn::X_finishType, 2, finish_argv, &ignored)) return HPy{0};
  return e->new_slot(ctor);
}

HPy hn_Type_GenericNew(HPyContext *ctx, HPy type, const HPy *args, HPy_ssize_t nargs, HPy kw) {
  (void)args;
  (void)nargs;
  (void)kw;
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  ExtType *t = hn::ext_type_of(e, e->to_js_or_undefined(type));
  if (!t) {
    e->set_error(e->h(hn::C_TypeError), "HPyType_GenericNew: the type is not an HPy extension type");
    return HPy{0};
  }
  // As CPython's tp_alloc: the arguments are tp_init's; a tuple is empty, an int 0, a str ''.
  napi_value obj = hn::new_instance(e, t, nullptr, nullptr, e->to_js(type));
  return obj ? e->new_slot(obj) : HPy{0};
}

HPy hn_New(HPyContext *ctx, HPy type, void **data) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  ExtType *t = hn::ext_type_of(e, e->to_js_or_undefined(type));
  if (!t) {
    e->set_error(e->h(hn::C_TypeError), "HPy_New: the type is not an HPy extension type");
    if (data) *data = nullptr;
    return HPy{0};
  }
  hn::InstanceHeader *ih = nullptr;
  napi_value obj = hn::new_instance(e, t, data, nullptr, e->to_js(type), nullptr, &ih);
  if (!obj) return HPy{0};
  HPy h = e->new_slot(obj, 0, napi_object);
  hn::set_instance_of(e, h, ih);
  return h;
}

// The struct of h for the AsStruct function of builtin shape `shape`. The shape must be the one
// its type (or a base) was made with: the wrong helper on an instance of another shape (an int
// subclass read as an object's struct, a type's struct asked of an instance) would otherwise
// hand out a block of another size.
static void *as_struct(HPyContext *ctx, HPy h, int shape, const char *what) {
  Env *e = Env::of(ctx);
  hn::InstanceHeader *ih = nullptr;
  if (h._i == e->self_h._i && e->self_ih) {
    ih = static_cast<hn::InstanceHeader *>(e->self_ih);
  } else {
    ih = hn::struct_owner(e, h);
  }
  if (!ih) {
    e->set_error(e->h(hn::C_TypeError), std::string(what) + ": the object is not an instance of an HPy extension type");
    return nullptr;
  }
  bool ok = ih->type->shape == shape;
  for (ExtType *x = ih->type; x && !ok; x = x->base) ok = x->spec_shape == shape;
  if (!ok) {
    e->set_error(e->h(hn::C_TypeError), std::string(what) + ": '" + ih->type->qualname +
                                            "' objects do not have this builtin shape");
    return nullptr;
  }
  return hn::instance_data(ih);
}

void *hn_AsStruct_Object(HPyContext *ctx, HPy h) { return as_struct(ctx, h, HPyType_BuiltinShape_Object, "_HPy_AsStruct_Object"); }
void *hn_AsStruct_Type(HPyContext *ctx, HPy h) { return as_struct(ctx, h, HPyType_BuiltinShape_Type, "_HPy_AsStruct_Type"); }
void *hn_AsStruct_Long(HPyContext *ctx, HPy h) { return as_struct(ctx, h, HPyType_BuiltinShape_Long, "_HPy_AsStruct_Long"); }
void *hn_AsStruct_Float(HPyContext *ctx, HPy h) { return as_struct(ctx, h, HPyType_BuiltinShape_Float, "_HPy_AsStruct_Float"); }
void *hn_AsStruct_Unicode(HPyContext *ctx, HPy h) { return as_struct(ctx, h, HPyType_BuiltinShape_Unicode, "_HPy_AsStruct_Unicode"); }
void *hn_AsStruct_Tuple(HPyContext *ctx, HPy h) { return as_struct(ctx, h, HPyType_BuiltinShape_Tuple, "_HPy_AsStruct_Tuple"); }
void *hn_AsStruct_List(HPyContext *ctx, HPy h) { return as_struct(ctx, h, HPyType_BuiltinShape_List, "_HPy_AsStruct_List"); }
void *hn_AsStruct_Dict(HPyContext *ctx, HPy h) { return as_struct(ctx, h, HPyType_BuiltinShape_Dict, "_HPy_AsStruct_Dict"); }

const char *hn_Type_GetName(HPyContext *ctx, HPy type) {
  Env *e = Env::of(ctx);
  napi_value t = e->to_js_or_undefined(type);
  if (ExtType *x = hn::ext_type_of(e, t)) return x->name.c_str();
  hn::Tick tick(e);
  napi_value r;
  if (!e->helper(hn::X_typeName, 1, &t, &r)) return nullptr;
  return e->intern(e->utf8(r));
}

HPyType_BuiltinShape hn_Type_GetBuiltinShape(HPyContext *ctx, HPy type) {
  Env *e = Env::of(ctx);
  if (ExtType *x = hn::own_ext_type(e, e->to_js_or_undefined(type))) return (HPyType_BuiltinShape)x->spec_shape;
  napi_value t = e->to_js_or_undefined(type);
  napi_valuetype vt;
  napi_typeof(e->env, t, &vt);
  if (vt != napi_function) {
    e->set_error(e->h(hn::C_TypeError), "HPyType_GetBuiltinShape: not a type");
    return HPyType_BuiltinShape_Legacy;
  }
  return HPyType_BuiltinShape_Legacy;  // not an HPy type, as HPy on CPython answers
}

int hn_SetCallFunction(HPyContext *ctx, HPy h, HPyCallFunction *func) {
  Env *e = Env::of(ctx);
  hn::InstanceHeader *ih = hn::instance_of(e, h);
  if (!ih || !func) {
    e->set_error(e->h(hn::C_TypeError), "HPy_SetCallFunction: the object is not an instance of an HPy type");
    return -1;
  }
  if (ih->type->vectorcall_offset > 0) {  // the type's own field, as HPy_SetCallFunction fills it
    *(HPyCallFunction *)((char *)hn::instance_data(ih) + ih->type->vectorcall_offset) = *func;
    return 0;
  }
  ih->call = func->impl;
  return 0;
}

// HPyField: an object is kept on the owner's JS side (a hidden map keyed by the field's id), so
// the JS GC sees it and collects cycles through fields; the C struct holds only the id. A number,
// bool or None needs no GC: the field holds its handle bits themselves (ids stay below 2^48, so
// the tag tells the two apart), and storing or loading it calls no JS (~190 ns -> a few).
static std::atomic<intptr_t> next_field_id{1};

static bool field_holds_immediate(HPyField f) { return f._i != 0 && !hn::is_slot(hn::mk((uint64_t)f._i)); }

void hn_Field_Store(HPyContext *ctx, HPy target, HPyField *field, HPy h) {
  Env *e = Env::of(ctx);
  if (!field) {
    e->set_system_error("HPyField_Store: NULL field pointer");
    return;
  }
  if (field_holds_immediate(*field)) field->_i = 0;  // nothing kept on the JS side
  if (h._i != 0 && !hn::is_slot(h)) {
    if (field->_i != 0) {  // drop the object it held
      bool pending = e->err_occurred();
      hn_Field_Store(ctx, target, field, HPy{0});
      if (!pending && e->err_occurred()) return;
    }
    field->_i = (intptr_t)hn::bits(h);
    return;
  }
  hn::Tick tick(e);
  if (h._i == 0 && field->_i == 0) return;
  if (field->_i == 0) {
    intptr_t id = next_field_id.fetch_add(1);
    if (!hn::is_slot(hn::mk((uint64_t)id))) {
      e->set_system_error("HPyField_Store: out of field ids");
      return;
    }
    field->_i = id;
  }
  napi_value argv[3] = {e->to_js(target), e->js_number((double)field->_i), e->to_js_or_undefined(h)}, r;
  if (!e->helper(hn::X_fieldStore, 3, argv, &r)) return;
  if (h._i == 0) field->_i = 0;
}

HPy hn_Field_Load(HPyContext *ctx, HPy source, HPyField field) {
  Env *e = Env::of(ctx);
  if (field_holds_immediate(field)) return hn::mk((uint64_t)field._i);
  hn::Tick tick(e);
  if (field._i == 0) {
    e->set_system_error("HPyField_Load: the field is NULL");
    return HPy{0};
  }
  napi_value argv[2] = {e->to_js(source), e->js_number((double)field._i)}, r;
  if (!e->helper(hn::X_fieldLoad, 2, argv, &r)) return HPy{0};
  return e->new_handle(r);
}
