// Loading an HPy universal extension: dlopen, ABI version check, HPyInit_<name>, and building
// the module object from its HPyModuleDef (methods, HPy_mod_create / HPy_mod_exec, globals).
#include <dlfcn.h>
#include <string>
#include <vector>
#include "call.h"
#include "module.h"

namespace hn {

namespace {

template <typename F>
F symbol(void *lib, const std::string &name) {
  return reinterpret_cast<F>(dlsym(lib, name.c_str()));
}

// An error with a `code` property, thrown to JS without touching the HPy error state.
napi_value load_error(napi_env env, const char *code, const std::string &msg) {
  napi_value m, c, err;
  napi_create_string_utf8(env, msg.c_str(), msg.size(), &m);
  napi_create_string_utf8(env, code, NAPI_AUTO_LENGTH, &c);
  napi_create_error(env, c, m, &err);
  napi_set_named_property(env, err, "code", c);
  napi_throw(env, err);
  return nullptr;
}

const char *kind_name(int kind) {
  switch (kind) {
    case HPyDef_Kind_Member: return "member";
    case HPyDef_Kind_GetSet: return "getset";
    default: return "unknown";
  }
}

}  // namespace

napi_value load_module(Env *e, const std::string &path, const std::string &name, napi_value module,
                       napi_value spec) {
  napi_env env = e->env;
  void *lib = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char *why = dlerror();
    return load_error(env, "HPY_NOT_SHARED_OBJECT",
                      "cannot load " + path + ": " + (why ? why : "dlopen failed"));
  }
  auto init = symbol<HPyModuleDef *(*)(void)>(lib, "HPyInit_" + name);
  if (!init) {
    std::string hint = symbol<void *>(lib, "PyInit_" + name)
                           ? " (it exports PyInit_" + name + ": a CPython extension, not an HPy universal one)"
                           : "";
    dlclose(lib);
    return load_error(env, "HPY_NOT_HPY_EXTENSION",
                      path + " is not an HPy universal extension named '" + name + "': no HPyInit_" + name +
                          " symbol" + hint);
  }
  auto major_fn = symbol<uint32_t (*)(void)>(lib, "get_required_hpy_major_version_" + name);
  auto minor_fn = symbol<uint32_t (*)(void)>(lib, "get_required_hpy_minor_version_" + name);
  auto ctx_fn = symbol<void (*)(HPyContext *)>(lib, "HPyInitGlobalContext_" + name);
  if (!major_fn || !minor_fn || !ctx_fn) {
    dlclose(lib);
    return load_error(env, "HPY_NOT_HPY_EXTENSION",
                      path + " exports HPyInit_" + name + " but not the HPy ABI version functions: " +
                          "not built for the HPy universal ABI");
  }
  uint32_t major = major_fn(), minor = minor_fn();
  if (major != HPY_ABI_VERSION || minor > HPY_ABI_VERSION_MINOR) {
    dlclose(lib);
    return load_error(env, "HPY_ABI_VERSION",
                      path + " requires HPy ABI version " + std::to_string(major) + "." + std::to_string(minor) +
                          ", but hpy-node implements version " + std::to_string(HPY_ABI_VERSION) + "." +
                          std::to_string(HPY_ABI_VERSION_MINOR));
  }
  ctx_fn(&e->ctx);
  HPyModuleDef *def = init();
  if (!def) {
    return load_error(env, "HPY_INIT_FAILED", "HPyInit_" + name + " returned NULL");
  }
  if (def->legacy_methods) {
    return load_error(env, "HPY_LEGACY",
                      "module '" + name + "' uses legacy_methods (CPython PyMethodDef), which needs CPython " +
                          "and cannot run in hpy-node");
  }

  // Validate every define before creating anything: nothing half-loaded.
  HPyCFunction create = nullptr;
  std::vector<HPyCFunction> execs;
  std::vector<const HPyMeth *> meths;
  for (HPyDef **d = def->defines; d && *d; d++) {
    HPyDef *x = *d;
    if (x->kind == HPyDef_Kind_Meth) {
      meths.push_back(&x->meth);
    } else if (x->kind == HPyDef_Kind_Slot && x->slot.slot == HPy_mod_create) {
      create = x->slot.impl;
    } else if (x->kind == HPyDef_Kind_Slot && x->slot.slot == HPy_mod_exec) {
      execs.push_back(x->slot.impl);
    } else if (x->kind == HPyDef_Kind_Slot) {
      return load_error(env, "HPY_BAD_MODULE",
                        "module '" + name + "': slot " + std::to_string(x->slot.slot) +
                            " is not valid in a module (only HPy_mod_create and HPy_mod_exec)");
    } else {
      return load_error(env, "HPY_BAD_MODULE",
                        "module '" + name + "': a " + kind_name(x->kind) + " definition is not valid in a module");
    }
  }
  if (create && (def->size > 0 || !meths.empty() || !execs.empty() || def->doc || def->globals)) {
    // CPython refuses these combinations too: the created module is not the one the def describes.
    return load_error(env, "HPY_BAD_MODULE",
                      "module '" + name + "' defines HPy_mod_create together with methods, HPy_mod_exec, " +
                          "a doc, globals or module state");
  }

  Frame frame(e);
  HPy mod;
  if (create) {
    HPy h_spec = e->new_handle(spec);
    HPy created = ((HPyFunc_mod_create)create)(&e->ctx, h_spec);
    if (created._i == 0) {
      if (!e->err_occurred()) e->set_system_error("HPy_mod_create of '" + name + "' returned NULL without an exception");
      e->throw_pending();
      return nullptr;
    }
    napi_value v = e->to_js(created);
    e->close(created);
    mod = e->new_slot(v, kPermanent);
    module = v;
  } else {
    mod = e->new_slot(module, kPermanent);
  }
  for (const HPyMeth *m : meths) {
    napi_value fn = make_method(e, m, mod);
    napi_property_descriptor pd = {m->name, nullptr, nullptr, nullptr, nullptr, fn,
                                   (napi_property_attributes)(napi_writable | napi_enumerable | napi_configurable),
                                   nullptr};
    napi_define_properties(env, module, 1, &pd);
    if (m->doc) {
      napi_value doc;
      napi_create_string_utf8(env, m->doc, NAPI_AUTO_LENGTH, &doc);
      napi_set_named_property(env, fn, "__doc__", doc);
    }
  }
  if (def->doc) {
    napi_value doc;
    napi_create_string_utf8(env, def->doc, NAPI_AUTO_LENGTH, &doc);
    napi_property_descriptor pd = {"__doc__", nullptr, nullptr, nullptr, nullptr, doc,
                                   (napi_property_attributes)(napi_writable | napi_configurable), nullptr};
    napi_define_properties(env, module, 1, &pd);
  }
  for (HPyCFunction exec : execs) {
    int rc = ((HPyFunc_inquiry)exec)(&e->ctx, mod);
    if (rc != 0 || e->err_occurred()) {
      if (!e->err_occurred()) e->set_system_error("HPy_mod_exec of '" + name + "' failed without an exception");
      e->throw_pending();
      return nullptr;
    }
  }
  e->unroll();
  return module;
}

}  // namespace hn
