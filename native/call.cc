// JS -> C calls. One napi callback serves all four calling conventions.
#include "call.h"
#include "slot_wrappers.h"
#include "types.h"
#include <vector>

namespace hn {

namespace {

constexpr size_t kInlineArgs = 8;

napi_value type_error(Env *e, const std::string &msg) {
  e->set_error(e->h(C_TypeError), msg);
  e->throw_pending();
  return nullptr;
}

std::string given(size_t n) { return "(" + std::to_string(n) + " given)"; }

}  // namespace

bool push_keywords(Env *e, napi_value marker, std::vector<HPy> &args, HPy *kwnames) {
  napi_value split, names;
  uint32_t n = 0;
  *kwnames = HPy{0};
  // kw() made it: [names tuple, ...values]
  if (napi_get_named_property(e->env, marker, "split", &split) != napi_ok ||
      napi_get_array_length(e->env, split, &n) != napi_ok || n == 0) {
    e->set_system_error("a kw() object without its keywords");
    return false;
  }
  if (n == 1) return true;
  for (uint32_t i = 1; i < n; i++) {
    napi_value v;
    napi_get_element(e->env, split, i, &v);
    args.push_back(e->arg_handle(v));
  }
  napi_get_element(e->env, split, 0, &names);
  *kwnames = e->arg_handle(names);
  return true;
}

// Whether a kw() object holds any keyword.
bool has_keywords(Env *e, napi_value marker) {
  napi_value split;
  uint32_t n = 0;
  if (napi_get_named_property(e->env, marker, "split", &split) != napi_ok) return true;
  napi_get_array_length(e->env, split, &n);
  return n != 1;
}

napi_value finish_call(Env *e, HPy result, const char *what) {
  e->absorb_pending();
  if (e->debug && result._i != 0 && is_slot(result) && !e->valid(result)) {
    e->err_clear();
    e->debug_issue(std::string(what) + " returned a closed handle");
    e->debug_report();
    return nullptr;
  }
  if (result._i == 0) {
    if (!e->err_occurred()) e->set_system_error(std::string(what) + " returned NULL without setting an exception");
    e->throw_pending();
    return nullptr;
  }
  if (e->err_occurred()) {
    e->close(result);
    e->err_clear();
    e->set_system_error(std::string(what) + " returned a result with an exception set");
    e->throw_pending();
    return nullptr;
  }
  if (!e->valid(result)) {
    e->set_system_error(std::string(what) + " returned an invalid or closed handle");
    e->throw_pending();
    return nullptr;
  }
  e->unroll();  // the result must live in the callback's own scope
  napi_value v = e->to_js(result);
  e->close(result);
  if (e->debug && e->debug_report()) return nullptr;
  return v;
}

napi_value call_method(napi_env env, napi_callback_info info) {
  size_t argc = kInlineArgs;
  napi_value inline_argv[kInlineArgs];
  napi_value thisv;
  void *data;
  napi_get_cb_info(env, info, &argc, inline_argv, &thisv, &data);
  std::vector<napi_value> heap_argv;
  napi_value *argv = inline_argv;
  if (argc > kInlineArgs) {
    heap_argv.resize(argc);
    napi_get_cb_info(env, info, &argc, heap_argv.data(), nullptr, nullptr);
    argv = heap_argv.data();
  }
  MethodInfo *m = static_cast<MethodInfo *>(data);
  Env *e = m->env;
  Frame frame(e);
  HPyContext *ctx = &e->ctx;

  napi_value kwargs = nullptr;  // the kw() object
  // The last argument's typeof tells a kw() object (a function) and is reused for its handle.
  napi_valuetype last_t = napi_undefined;
  if (argc > 0) napi_typeof(env, argv[argc - 1], &last_t);
  if (argc > 0 && is_kwargs(e, argv[argc - 1], last_t)) {
    kwargs = argv[--argc];
    last_t = napi_undefined;
    if (argc > 0) napi_typeof(env, argv[argc - 1], &last_t);
  }
  auto arg = [&](size_t i) { return i + 1 == argc ? e->arg_handle(argv[i], last_t) : e->arg_handle(argv[i]); };
  InstanceHeader *ih = nullptr;
  if (m->owner && !(ih = self_of(e, thisv, m->owner, m->name.c_str()))) {
    e->throw_pending();
    return nullptr;
  }
  HPy self = m->self._i ? m->self : e->arg_handle(thisv);
  SelfScope scope(e, ih ? self : HPy{0}, ih);
  const char *name = m->name.c_str();
  if (kwargs && m->sig != HPyFunc_KEYWORDS && has_keywords(e, kwargs)) {
    return type_error(e, m->name + "() takes no keyword arguments");
  }

  HPy result{0};
  switch (m->sig) {
    case HPyFunc_NOARGS:
      if (argc != 0) return type_error(e, m->name + "() takes no arguments " + given(argc));
      result = ((HPyFunc_noargs)m->impl)(ctx, self);
      break;
    case HPyFunc_O: {
      if (argc != 1) return type_error(e, m->name + "() takes exactly one argument " + given(argc));
      HPy a = arg(0);
      result = ((HPyFunc_o)m->impl)(ctx, self, a);
      break;
    }
    case HPyFunc_VARARGS: {
      HPy inline_h[kInlineArgs];
      std::vector<HPy> heap_h;
      HPy *h = argc <= kInlineArgs ? inline_h : (heap_h.resize(argc), heap_h.data());
      for (size_t i = 0; i < argc; i++) h[i] = arg(i);
      result = ((HPyFunc_varargs)m->impl)(ctx, self, h, argc);
      break;
    }
    case HPyFunc_KEYWORDS: {
      // Vectorcall layout: positional values, then keyword values; their names in a tuple.
      std::vector<HPy> h(argc);
      for (size_t i = 0; i < argc; i++) h[i] = arg(i);
      HPy kwnames{0};
      if (kwargs && !push_keywords(e, kwargs, h, &kwnames)) {
        e->throw_pending();
        return nullptr;
      }
      result = ((HPyFunc_keywords)m->impl)(ctx, self, h.data(), argc, kwnames);
      break;
    }
    default:
      e->set_system_error(m->name + ": unsupported method signature " + std::to_string(m->sig));
      e->throw_pending();
      return nullptr;
  }
  return finish_call(e, result, name);
}

napi_value make_method(Env *e, const HPyMeth *m, HPy self, ExtType *owner) {
  auto *info = new MethodInfo{e, m->impl, m->signature, self, m->name ? m->name : "?", owner};
  napi_value fn;
  napi_create_function(e->env, info->name.c_str(), NAPI_AUTO_LENGTH, call_method, info, &fn);
  napi_add_finalizer(
      e->env, fn, info, [](napi_env, void *d, void *) { delete static_cast<MethodInfo *>(d); }, nullptr, nullptr);
  return fn;
}

}  // namespace hn
