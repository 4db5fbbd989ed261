// HPyCapsule: a JS object of type PyCapsule wrapping a native record; its destructor runs when
// the capsule is collected. HPyContextVar: ContextVar objects of the object model (one context
// per Node-API environment).
#include <cstring>
#include <string>
#include "../env.h"

using hn::Env;

namespace {

struct Capsule {
  void *pointer;
  const char *name;
  void *context;
  HPyCapsule_Destructor *destructor;
};

const napi_type_tag kCapsuleTag = {0x6870796361707375ull, 0x6c652d686e6f6465ull};

void capsule_finalize(napi_env, void *data, void *) {
  auto *c = static_cast<Capsule *>(data);
  if (c->destructor && c->destructor->impl) c->destructor->impl(c->name, c->pointer, c->context);
  delete c;
}

Capsule *capsule_of(Env *e, HPy h) {
  napi_value v = e->to_js_or_undefined(h);
  napi_valuetype t;
  napi_typeof(e->env, v, &t);
  if (t != napi_object) return nullptr;
  bool tagged = false;
  napi_check_object_type_tag(e->env, v, &kCapsuleTag, &tagged);
  if (!tagged) return nullptr;
  void *p = nullptr;
  napi_unwrap(e->env, v, &p);
  return static_cast<Capsule *>(p);
}

const char *const kGetOps[] = {"PyCapsule_GetPointer", "PyCapsule_GetName", "PyCapsule_GetContext",
                               "PyCapsule_GetDestructor"};
const char *const kSetOps[] = {"PyCapsule_SetPointer", "PyCapsule_SetName", "PyCapsule_SetContext",
                               "PyCapsule_SetDestructor"};

bool invalid_capsule(Env *e, const char *op) {
  e->set_error(e->h(hn::C_ValueError), std::string(op) + " called with invalid PyCapsule object");
  return false;
}

// The capsule's name is mirrored on the JS object for its repr (<capsule object "name" at 0x...>).
void mirror_name(Env *e, HPy capsule, const char *name) {
  napi_value v = e->to_js(capsule), n;
  if (name) napi_create_string_utf8(e->env, name, NAPI_AUTO_LENGTH, &n);
  else napi_get_null(e->env, &n);
  napi_property_descriptor d = {"__capsule_name__", nullptr, nullptr, nullptr, nullptr, n,
                                (napi_property_attributes)(napi_writable | napi_configurable), nullptr};
  napi_define_properties(e->env, v, 1, &d);
}

bool same_name(const char *a, const char *b) {
  if (!a || !b) return a == b;
  return std::strcmp(a, b) == 0;
}

}  // namespace

HPy hn_Capsule_New(HPyContext *ctx, void *pointer, const char *name, HPyCapsule_Destructor *destructor) {
  Env *e = Env::of(ctx);
  if (!pointer) {
    e->set_error(e->h(hn::C_ValueError), "PyCapsule_New called with null pointer");
    return HPy{0};
  }
  hn::Tick tick(e);
  napi_value type = e->to_js(e->h(hn::C_CapsuleType)), obj;
  if (!e->helper(hn::X_allocInstance, 1, &type, &obj)) return HPy{0};
  napi_type_tag_object(e->env, obj, &kCapsuleTag);
  napi_wrap(e->env, obj, new Capsule{pointer, name, nullptr, destructor}, capsule_finalize, nullptr, nullptr);
  HPy h = e->new_slot(obj);
  mirror_name(e, h, name);
  return h;
}

void *hn_Capsule_Get(HPyContext *ctx, HPy capsule, _HPyCapsule_key key, const char *name) {
  Env *e = Env::of(ctx);
  Capsule *c = capsule_of(e, capsule);
  if ((unsigned)key > HPyCapsule_key_Destructor) {
    e->set_system_error("HPyCapsule_Get: invalid key");
    return nullptr;
  }
  if (!c) {
    invalid_capsule(e, kGetOps[key]);
    return nullptr;
  }
  switch (key) {
    case HPyCapsule_key_Pointer:
      if (!same_name(c->name, name)) {
        e->set_error(e->h(hn::C_ValueError), "PyCapsule_GetPointer called with incorrect name");
        return nullptr;
      }
      return c->pointer;
    case HPyCapsule_key_Name: return (void *)c->name;
    case HPyCapsule_key_Context: return c->context;
    case HPyCapsule_key_Destructor:  // as CPython's HPy: the destructor cannot be read back
      e->set_error(e->h(hn::C_ValueError), "Invalid operation: get HPyCapsule_key_Destructor");
      return nullptr;
  }
  e->set_system_error("HPyCapsule_Get: invalid key");
  return nullptr;
}

int hn_Capsule_IsValid(HPyContext *ctx, HPy capsule, const char *name) {
  Capsule *c = capsule_of(Env::of(ctx), capsule);
  return c && c->pointer && same_name(c->name, name);
}

int hn_Capsule_Set(HPyContext *ctx, HPy capsule, _HPyCapsule_key key, void *value) {
  Env *e = Env::of(ctx);
  Capsule *c = capsule_of(e, capsule);
  if ((unsigned)key > HPyCapsule_key_Destructor) {
    e->set_system_error("HPyCapsule_Set: invalid key");
    return -1;
  }
  if (!c) return invalid_capsule(e, kSetOps[key]) ? 0 : -1;
  switch (key) {
    case HPyCapsule_key_Pointer:
      if (!value) {
        e->set_error(e->h(hn::C_ValueError), "PyCapsule_SetPointer called with null pointer");
        return -1;
      }
      c->pointer = value;
      return 0;
    case HPyCapsule_key_Name:
      c->name = (const char *)value;
      mirror_name(e, capsule, c->name);
      return 0;
    case HPyCapsule_key_Context: c->context = value; return 0;
    case HPyCapsule_key_Destructor: c->destructor = (HPyCapsule_Destructor *)value; return 0;
  }
  e->set_system_error("HPyCapsule_Set: invalid key");
  return -1;
}

HPy hn_ContextVar_New(HPyContext *ctx, const char *name, HPy default_value) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  napi_value argv[2] = {e->js_string(name), e->to_js_or_undefined(default_value)}, r;
  if (!e->helper(hn::X_contextVarNew, 2, argv, &r)) return HPy{0};
  return e->new_handle(r);
}

int32_t hn_ContextVar_Get(HPyContext *ctx, HPy var, HPy default_value, HPy *result) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  napi_value argv[2] = {e->to_js_or_undefined(var), e->to_js_or_undefined(default_value)}, r;
  if (!e->helper(hn::X_contextVarGet, 2, argv, &r)) return -1;
  napi_valuetype t;
  napi_typeof(e->env, r, &t);
  *result = t == napi_undefined ? HPy{0} : e->new_handle(r);  // no value and no default: NULL, no error
  return 0;
}

HPy hn_ContextVar_Set(HPyContext *ctx, HPy var, HPy value) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  napi_value argv[2] = {e->to_js_or_undefined(var), e->to_js_or_undefined(value)}, r;
  if (!e->helper(hn::X_contextVarSet, 2, argv, &r)) return HPy{0};
  return e->new_handle(r);
}
