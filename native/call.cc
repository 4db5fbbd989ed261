// JS -> C calls: one napi callback per calling convention, keyword arguments from kw() markers.
#include "call.h"
#include "slot_wrappers.h"
#include "containers.h"
#include "types.h"
#include <vector>

namespace hn {

namespace {

constexpr size_t kInlineArgs = 8;
constexpr int64_t kMaxNamesId = 4096;  // kw() interns at most this many names tuples

napi_value type_error(Env *e, const std::string &msg) {
  e->set_error(e->h(C_TypeError), msg);
  e->throw_pending();
  return nullptr;
}

std::string given(size_t n) { return "(" + std::to_string(n) + " given)"; }

// The names tuple of a kw() marker holding `count` values. kw() interns the tuple and gives it an
// id: the first call with an id takes the genuine tuple from kw()'s registry (not from the marker,
// which JS could forge) into a permanent handle whose items are permanent str handles, so that
// later calls read neither the tuple nor its names through Node-API. Names and values must agree
// in number: an extension reads one value per name.
HPy names_handle(Env *e, napi_value split, uint32_t count) {
  napi_value idv, names;
  int64_t id = -1;
  auto &cache = e->kwnames_by_id;
  if (napi_get_element(e->env, split, 1, &idv) == napi_ok && napi_get_value_int64(e->env, idv, &id) == napi_ok &&
      id > 0 && id <= kMaxNamesId) {
    if ((size_t)id < cache.size() && cache[id]._i) {
      auto *snap = static_cast<const ItemSnapshot *>(e->slot_of(cache[id])->aux);
      if (snap->n == count) return cache[id];
    } else if (e->helper(X_kwNames, 1, &idv, &names) && e->type_of_js(names) == napi_object) {
      HPy h = e->new_slot(names, kPermanent, napi_object);
      uint32_t n = 0;
      napi_value js;
      if (shape_of(e, h, &js) == Shape::Tuple && napi_get_array_length(e->env, names, &n) == napi_ok) {
        if (ItemSnapshot *snap = new_snapshot(n, 0)) {
          for (uint32_t i = 0; i < n; i++) {
            napi_value k;
            napi_valuetype t = napi_undefined;
            if (napi_get_element(e->env, names, i, &k) == napi_ok) napi_typeof(e->env, k, &t);
            snap->items[i] = t == napi_string ? e->new_slot(k, kPermanent, napi_string) : HPy{0};
          }
          snap->useful = 1;
          e->slot_of(h)->aux = snap;
          if (cache.size() <= (size_t)id) cache.resize(id + 1, HPy{0});
          cache[id] = h;
          if (n == count) return h;
        }
      }
      if (cache.size() <= (size_t)id || cache[id]._i != h._i) e->release_permanent(h);  // not kept
    }
    e->err_clear();
  }
  // Not interned (past kw()'s bound), or a marker kw() did not make: its own tuple, if it fits.
  uint32_t n = 0;
  bool is_array = false;
  napi_get_element(e->env, split, 0, &names);
  if (napi_is_array(e->env, names, &is_array) != napi_ok || !is_array ||
      napi_get_array_length(e->env, names, &n) != napi_ok || n != count) {
    e->absorb_pending(true);
    e->set_system_error("a kw() object whose names and values disagree");
    return HPy{0};
  }
  return e->arg_handle(names);
}

}  // namespace

bool push_keywords(Env *e, napi_value marker, HandleArray &args, HPy *kwnames) {
  napi_value split;
  uint32_t n = 0;
  *kwnames = HPy{0};
  // kw() made it: [names tuple, its id, ...values]
  if (napi_get_named_property(e->env, marker, "split", &split) != napi_ok ||
      napi_get_array_length(e->env, split, &n) != napi_ok || n < 2) {
    e->absorb_pending(true);
    e->set_system_error("a kw() object without its keywords");
    return false;
  }
  if (n == 2) return true;
  for (uint32_t i = 2; i < n; i++) {
    napi_value v;
    napi_get_element(e->env, split, i, &v);
    args.push_back(e->arg_handle(v));
  }
  *kwnames = names_handle(e, split, n - 2);
  return kwnames->_i != 0;
}

// Whether a kw() object holds any keyword.
bool has_keywords(Env *e, napi_value marker) {
  napi_value split;
  uint32_t n = 0;
  if (napi_get_named_property(e->env, marker, "split", &split) != napi_ok) return true;
  napi_get_array_length(e->env, split, &n);
  return n > 2;
}

napi_value finish_call(Env *e, HPy result, const char *what) {
  e->absorb_pending();
  if (!is_slot(result) && !e->debug && !e->err_occurred()) {  // an immediate or a constant: no checks
    e->unroll();
    return e->to_js(result);
  }
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

namespace {

// The arguments of one JS call, read once; a trailing kw() object is taken apart from them.
struct JsArgs {
  size_t argc = kInlineArgs;
  napi_value inline_argv[kInlineArgs];
  std::vector<napi_value> heap;
  napi_value *argv = inline_argv;
  napi_value thisv = nullptr;
  napi_value kwargs = nullptr;
  napi_valuetype last_t = napi_undefined;  // typeof the last positional argument, read once
  MethodInfo *m = nullptr;

  JsArgs(napi_env env, napi_callback_info info) {
    void *data;
    napi_get_cb_info(env, info, &argc, inline_argv, &thisv, &data);
    m = static_cast<MethodInfo *>(data);
    if (argc > kInlineArgs) {
      heap.resize(argc);
      napi_get_cb_info(env, info, &argc, heap.data(), nullptr, nullptr);
      argv = heap.data();
    }
    if (argc == 0) return;
    napi_typeof(env, argv[argc - 1], &last_t);
    if (last_t == napi_function && is_kwargs(m->env, argv[argc - 1], last_t)) {
      kwargs = argv[--argc];
      last_t = napi_undefined;
      if (argc > 0) napi_typeof(env, argv[argc - 1], &last_t);
    }
  }
  HPy handle(Env *e, size_t i) const {
    return i + 1 == argc ? e->arg_handle(argv[i], last_t) : e->arg_handle(argv[i]);
  }
};

// TypeError for a wrong number of arguments; finish_call throws it.
HPy arity_error(Env *e, const JsArgs &a, const char *what) {
  e->set_error(e->h(C_TypeError), a.m->name + what + given(a.argc));
  return HPy{0};
}

// Converts the arguments and runs the C function of one calling convention.
template <int Sig>
HPy invoke(Env *e, const JsArgs &a, HPy self);

template <>
HPy invoke<HPyFunc_NOARGS>(Env *e, const JsArgs &a, HPy self) {
  if (a.argc != 0) return arity_error(e, a, "() takes no arguments ");
  return ((HPyFunc_noargs)a.m->impl)(&e->ctx, self);
}

template <>
HPy invoke<HPyFunc_O>(Env *e, const JsArgs &a, HPy self) {
  if (a.argc != 1) return arity_error(e, a, "() takes exactly one argument ");
  return ((HPyFunc_o)a.m->impl)(&e->ctx, self, a.handle(e, 0));
}

template <>
HPy invoke<HPyFunc_VARARGS>(Env *e, const JsArgs &a, HPy self) {
  HandleArray h;
  for (size_t i = 0; i < a.argc; i++) h.push_back(a.handle(e, i));
  return ((HPyFunc_varargs)a.m->impl)(&e->ctx, self, h.data(), a.argc);
}

template <>
HPy invoke<HPyFunc_KEYWORDS>(Env *e, const JsArgs &a, HPy self) {
  // Vectorcall layout: positional values, then keyword values; their names in a tuple.
  HandleArray h;
  for (size_t i = 0; i < a.argc; i++) h.push_back(a.handle(e, i));
  HPy kwnames{0};
  if (a.kwargs && !push_keywords(e, a.kwargs, h, &kwnames)) return HPy{0};
  return ((HPyFunc_keywords)a.m->impl)(&e->ctx, self, h.data(), a.argc, kwnames);
}

// The napi callback of the functions and methods of one calling convention.
template <int Sig>
napi_value call_sig(napi_env env, napi_callback_info info) {
  JsArgs a(env, info);
  MethodInfo *m = a.m;
  Env *e = m->env;
  Frame frame(e);
  InstanceHeader *ih = nullptr;
  bool instance = false;
  if (m->owner && !(ih = self_of(e, a.thisv, m->owner, m->name.c_str(), &instance))) {
    e->throw_pending();
    return nullptr;
  }
  HPy self = m->self._i ? m->self : self_handle(e, a.thisv, ih, instance);
  SelfScope scope(e, ih ? self : HPy{0}, ih);
  if (Sig != HPyFunc_KEYWORDS && a.kwargs && has_keywords(e, a.kwargs)) {
    return type_error(e, m->name + "() takes no keyword arguments");
  }
  return finish_call(e, invoke<Sig>(e, a, self), m->name.c_str());
}

napi_value unsupported_sig(napi_env env, napi_callback_info info) {
  void *data;
  napi_get_cb_info(env, info, nullptr, nullptr, nullptr, &data);
  MethodInfo *m = static_cast<MethodInfo *>(data);
  m->env->set_system_error(m->name + ": unsupported method signature " + std::to_string(m->sig));
  m->env->throw_pending();
  return nullptr;
}

napi_callback callback_for(HPyFunc_Signature sig) {
  switch (sig) {
    case HPyFunc_NOARGS: return call_sig<HPyFunc_NOARGS>;
    case HPyFunc_O: return call_sig<HPyFunc_O>;
    case HPyFunc_VARARGS: return call_sig<HPyFunc_VARARGS>;
    case HPyFunc_KEYWORDS: return call_sig<HPyFunc_KEYWORDS>;
    default: return unsupported_sig;
  }
}

}  // namespace

napi_value make_method(Env *e, const HPyMeth *m, HPy self, ExtType *owner) {
  auto *info = new MethodInfo{e, m->impl, m->signature, self, m->name ? m->name : "?", owner};
  napi_value fn;
  napi_create_function(e->env, info->name.c_str(), NAPI_AUTO_LENGTH, callback_for(m->signature), info, &fn);
  napi_add_finalizer(
      e->env, fn, info, [](napi_env, void *d, void *) { delete static_cast<MethodInfo *>(d); }, nullptr, nullptr);
  return fn;
}

}  // namespace hn
