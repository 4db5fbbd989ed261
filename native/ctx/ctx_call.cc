// Calls from C: HPy_Call (vectorcall convention), HPy_CallMethod, HPy_CallTupleDict.
// A plain JS function without keywords is called directly; everything else goes through the
// object model's call protocol.
#include <cstring>
#include <vector>
#include "../env.h"

using hn::Env;

namespace {

// V8's TypeError for `C()` where C is a class: "Class constructor C cannot be invoked without 'new'".
bool is_class_call_error(Env *e, napi_value exc) {
  bool is_error = false;
  napi_is_error(e->env, exc, &is_error);
  if (!is_error) return false;
  napi_value msg;
  if (napi_get_named_property(e->env, exc, "message", &msg) != napi_ok) return false;
  char buf[160];
  size_t n = 0;
  if (napi_get_value_string_utf8(e->env, msg, buf, sizeof buf, &n) != napi_ok) return false;
  return std::strncmp(buf, "Class constructor ", 18) == 0 && std::strstr(buf, "without 'new'");
}

// Positional values of a call: on the stack for the usual few, no allocation per call.
class Values {
 public:
  explicit Values(size_t n) : n_(n) {
    if (n > kInline) heap_.resize(n);
  }
  napi_value *data() { return n_ > kInline ? heap_.data() : inline_; }
  size_t size() const { return n_; }
  napi_value &operator[](size_t i) { return data()[i]; }

 private:
  static constexpr size_t kInline = 8;
  size_t n_;
  napi_value inline_[kInline];
  std::vector<napi_value> heap_;
};

// `t`: typeof callable (a handle's is cached in its slot).
HPy call_values(Env *e, napi_value callable, napi_valuetype t, Values &pos, napi_value kwargs) {
  napi_value r;
  if (t == napi_function && !kwargs) {
    e->js_may_run();
    if (napi_call_function(e->env, e->undefined(), callable, pos.size(), pos.data(), &r) == napi_ok)
      return e->new_handle(r);
    // Calling a type constructs: a JS class refuses to be called without `new`.
    napi_value exc;
    napi_get_and_clear_last_exception(e->env, &exc);
    if (is_class_call_error(e, exc)) {
      if (napi_new_instance(e->env, callable, pos.size(), pos.data(), &r) == napi_ok) return e->new_handle(r);
      napi_get_and_clear_last_exception(e->env, &exc);
    }
    e->err_set_js(exc);
    return HPy{0};
  }
  napi_value arr;
  napi_create_array_with_length(e->env, pos.size(), &arr);
  for (size_t i = 0; i < pos.size(); i++) napi_set_element(e->env, arr, (uint32_t)i, pos[i]);
  napi_value argv[3] = {callable, arr, kwargs ? kwargs : e->undefined()};
  if (!e->helper(hn::X_callKw, 3, argv, &r)) return HPy{0};
  return e->new_handle(r);
}

// Splits a vectorcall argument vector into positional values and a kwargs object.
bool unpack(Env *e, const HPy *args, size_t nargs, HPy kwnames, Values *pos, napi_value *kwargs) {
  for (size_t i = 0; i < nargs; i++) (*pos)[i] = e->to_js(args[i]);
  *kwargs = nullptr;
  if (kwnames._i == 0) return true;
  napi_value names = e->to_js(kwnames);
  uint32_t n = 0;
  napi_get_array_length(e->env, names, &n);
  napi_create_object(e->env, kwargs);
  for (uint32_t i = 0; i < n; i++) {
    napi_value key;
    napi_get_element(e->env, names, i, &key);
    napi_property_descriptor d = {nullptr, key, nullptr, nullptr, nullptr, e->to_js(args[nargs + i]),
                                  (napi_property_attributes)(napi_writable | napi_enumerable | napi_configurable),
                                  nullptr};
    napi_define_properties(e->env, *kwargs, 1, &d);  // define, never assign: "__proto__" is a plain key
  }
  return true;
}

}  // namespace

HPy hn_Call(HPyContext *ctx, HPy callable, const HPy *args, size_t nargs, HPy kwnames) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  Values pos(nargs);
  napi_value kwargs;
  if (!unpack(e, args, nargs, kwnames, &pos, &kwargs)) return HPy{0};
  return call_values(e, e->to_js(callable), e->type_of(callable), pos, kwargs);
}

HPy hn_CallMethod(HPyContext *ctx, HPy name, const HPy *args, size_t nargs, HPy kwnames) {
  Env *e = Env::of(ctx);
  if (nargs < 1) {
    e->set_system_error("HPy_CallMethod needs the receiver as first argument");
    return HPy{0};
  }
  hn::Tick tick(e);
  napi_value argv[2] = {e->to_js(args[0]), e->to_js(name)}, method;
  if (!e->dispatch(hn::D_GetAttr, 2, argv, &method)) return HPy{0};
  Values pos(nargs - 1);
  napi_value kwargs;
  if (!unpack(e, args + 1, nargs - 1, kwnames, &pos, &kwargs)) return HPy{0};
  napi_valuetype t;
  napi_typeof(e->env, method, &t);
  return call_values(e, method, t, pos, kwargs);
}

HPy hn_CallTupleDict(HPyContext *ctx, HPy callable, HPy args, HPy kw) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  if (args._i != 0 && !hn_Tuple_Check(ctx, args)) {
    e->set_error(e->h(hn::C_TypeError), "HPy_CallTupleDict requires args to be a tuple or null handle");
    return HPy{0};
  }
  if (kw._i != 0 && !hn_Dict_Check(ctx, kw)) {
    e->set_error(e->h(hn::C_TypeError), "HPy_CallTupleDict requires kw to be a dict or null handle");
    return HPy{0};
  }
  napi_value argv[3] = {e->to_js(callable), args._i ? e->to_js(args) : e->undefined(), e->to_js_or_undefined(kw)};
  napi_value r;
  if (!e->helper(hn::X_callKw, 3, argv, &r)) return HPy{0};
  return e->new_handle(r);
}
