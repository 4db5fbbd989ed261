// The addon's JS surface (used only by lib/native.ts): set up the Env of this Node-API
// environment, load modules, and introspection for tests.
#include <napi.h>
#include "env.h"
#include "module.h"

namespace {

hn::Env *env_of(const Napi::Env &env) {
  auto *e = env.GetInstanceData<hn::Env>();
  if (!e) NAPI_THROW(Napi::Error::New(env, "hpy-node: the native context is not initialised"), nullptr);
  return e;
}

// init(dispatch, constants, pykeys, kwProto) -> the quiet counter (Env::quiet_counter): constants[i]
// is the JS value of context member i.
Napi::Value Init(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  if (hn::Env *ready = env.GetInstanceData<hn::Env>()) return Napi::Value(env, ready->quiet_counter());
  auto *e = new hn::Env(env);
  env.SetInstanceData<hn::Env>(e);
  e->set_dispatch(info[0]);
  Napi::Array constants = info[1].As<Napi::Array>();
  for (uint32_t i = 0; i < constants.Length() && i < e->constants.size(); i++) {
    Napi::Value v = constants.Get(i);
    if (v.IsUndefined()) continue;
    e->constants[i] = e->new_slot(v, hn::kPermanent);
  }
  e->constants_made();
  e->constants[hn::C_None] = hn::mk(hn::kNone);
  e->constants[hn::C_True] = hn::mk(hn::kTrue);
  e->constants[hn::C_False] = hn::mk(hn::kFalse);
  hn::fill_context(&e->ctx, e->constants.data());
  // Prototypes of the exact builtin containers, for the native fast paths.
  Napi::Object global = env.Global();
  auto proto_ref = [&](Napi::Value ctor, napi_ref *ref) {
    Napi::Value p = ctor.As<Napi::Object>().Get("prototype");
    napi_create_reference(env, p, 1, ref);
  };
  proto_ref(global.Get("Object"), &e->object_proto);
  if (info[2].IsSymbol()) napi_create_reference(env, info[2], 1, &e->pykeys);
  if (info[3].IsObject()) napi_create_reference(env, info[3], 1, &e->kw_proto);
  proto_ref(global.Get("Array"), &e->array_proto);
  proto_ref(Napi::Value(env, e->to_js(e->h(hn::C_TupleType))), &e->tuple_proto);
  return Napi::Value(env, e->quiet_counter());
}

// load(path, name, module, spec) -> module
Napi::Value Load(const Napi::CallbackInfo &info) {
  hn::Env *e = env_of(info.Env());
  if (!e) return info.Env().Undefined();
  std::string path = info[0].As<Napi::String>();
  std::string name = info[1].As<Napi::String>();
  napi_value r = hn::load_module(e, path, name, info[2], info[3]);
  return r ? Napi::Value(info.Env(), r) : info.Env().Undefined();
}

// setTrace(on), traceCounts() -> { "HPy_Add": { calls, ns }, ... }, resetTrace().
Napi::Value SetTrace(const Napi::CallbackInfo &info) {
  hn::Env *e = env_of(info.Env());
  if (e) e->set_trace(info[0].ToBoolean());
  return info.Env().Undefined();
}

Napi::Value TraceCounts(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  hn::Env *e = env_of(env);
  Napi::Object r = Napi::Object::New(env);
  if (!e) return r;
  for (size_t i = 0; i < e->trace_counts.size(); i++) {
    const auto &c = e->trace_counts[i];
    if (!c.calls || !hn::context_public_names[i]) continue;
    Napi::Object o = Napi::Object::New(env);
    o.Set("calls", Napi::Number::New(env, (double)c.calls));
    o.Set("ns", Napi::Number::New(env, (double)c.ns));
    r.Set(hn::context_public_names[i], o);
  }
  return r;
}

Napi::Value ResetTrace(const Napi::CallbackInfo &info) {
  hn::Env *e = env_of(info.Env());
  if (e) for (auto &c : e->trace_counts) c = hn::Env::TraceCount{};
  return info.Env().Undefined();
}

// setDebug(on): debug mode for this environment (every extension loaded in it).
Napi::Value SetDebug(const Napi::CallbackInfo &info) {
  hn::Env *e = env_of(info.Env());
  if (e) e->debug = info[0].ToBoolean();
  return info.Env().Undefined();
}

Napi::Value ContextLayout(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  std::vector<size_t> offsets(hn::context_member_count);
  size_t size = 0;
  hn::context_layout(&size, offsets.data());
  Napi::Object r = Napi::Object::New(env);
  r.Set("size", Napi::Number::New(env, (double)size));
  Napi::Array arr = Napi::Array::New(env, offsets.size());
  for (size_t i = 0; i < offsets.size(); i++) arr.Set((uint32_t)i, Napi::Number::New(env, (double)offsets[i]));
  r.Set("offsets", arr);
  r.Set("header", Napi::Number::New(env, (double)offsetof(HPyContext, h_None)));
  return r;
}

Napi::Value Stats(const Napi::CallbackInfo &info) {
  hn::Env *e = env_of(info.Env());
  if (!e) return info.Env().Undefined();
  Napi::Object r = Napi::Object::New(info.Env());
  r.Set("liveSlots", Napi::Number::New(info.Env(), (double)e->live_slots()));
  r.Set("durable", Napi::Number::New(info.Env(), (double)e->durable_count()));
  return r;
}

Napi::Object Module(Napi::Env env, Napi::Object exports) {
  exports.Set("init", Napi::Function::New(env, Init, "init"));
  exports.Set("load", Napi::Function::New(env, Load, "load"));
  exports.Set("setDebug", Napi::Function::New(env, SetDebug, "setDebug"));
  exports.Set("setTrace", Napi::Function::New(env, SetTrace, "setTrace"));
  exports.Set("traceCounts", Napi::Function::New(env, TraceCounts, "traceCounts"));
  exports.Set("resetTrace", Napi::Function::New(env, ResetTrace, "resetTrace"));
  exports.Set("contextLayout", Napi::Function::New(env, ContextLayout, "contextLayout"));
  exports.Set("stats", Napi::Function::New(env, Stats, "stats"));
  return exports;
}

}  // namespace

NODE_API_MODULE(hpy_node, Module)
